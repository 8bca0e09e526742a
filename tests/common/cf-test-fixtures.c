/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-test-fixtures.h"

/* The fixture's pledge with, for each triple, @member of @object (NULL:
 * the pledge itself) set to @value (JSON); the list ends at a NULL member. */
CfPledge *
cf_test_pledge_with (const char *object,
                     const char *member,
                     const char *value,
                     ...)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "pledge.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  CfPledge *pledge;
  va_list args;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  va_start (args, value);
  while (member != NULL)
    {
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));

      if (object != NULL)
        root = json_object_get_object_member (root, object);
      json_object_set_member (root, member, json_from_string (value, NULL));
      object = va_arg (args, const char *);
      member = va_arg (args, const char *);
      value = member ? va_arg (args, const char *) : NULL;
    }
  va_end (args);
  pledge = cf_pledge_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  return pledge;
}
