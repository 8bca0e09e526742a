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

/* The fixture's campaign with a goal in @unit ("pre_orders", "members"):
 * @count of @goal so far, and @next_goal to come. */
CfCampaign *
cf_test_counted_campaign (const char *unit,
                          gint64      goal,
                          gint64      count,
                          gint64      next_goal)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "campaign.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) counted = json_builder_new ();
  g_autoptr(GError) error = NULL;
  CfCampaign *campaign;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  json_builder_begin_object (counted);
  json_builder_set_member_name (counted, "unit");
  json_builder_add_string_value (counted, unit);
  json_builder_set_member_name (counted, "goal");
  json_builder_add_int_value (counted, goal);
  json_builder_set_member_name (counted, "count");
  json_builder_add_int_value (counted, count);
  json_builder_set_member_name (counted, "next_goal");
  json_builder_add_int_value (counted, next_goal);
  json_builder_end_object (counted);
  json_object_set_member (json_node_get_object (json_parser_get_root (parser)), "counted",
                          json_builder_get_root (counted));
  campaign = cf_campaign_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  return campaign;
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_account_sign_in_finish (CF_ACCOUNT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Signs @account in as @username with @password, once it has. */
void
cf_test_sign_in (CfAccount  *account,
                 const char *username,
                 const char *password)
{
  gboolean done = FALSE;

  cf_account_sign_in_async (account, username, password, NULL, signed_in_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
