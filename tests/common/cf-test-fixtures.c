/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-test-fixtures.h"

/* The fixture's pledge with @member of @object set to @value (JSON). */
CfPledge *
cf_test_pledge_with (const char *object,
                     const char *member,
                     const char *value)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "pledge.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) changed = json_from_string (value, NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  CfPledge *pledge;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  if (object != NULL)
    root = json_object_get_object_member (root, object);
  json_object_set_member (root, member, g_steal_pointer (&changed));
  pledge = cf_pledge_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  return pledge;
}
