/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cf-live-event.h"

/* The live feed reads the platform's usual events without json-glib and
 * leaves every other message to it: both readings must agree, and the
 * fixed one must step aside for anything outside its shapes. */

static void
read_both (const char  *message,
           CfLiveEvent *fixed,
           CfLiveEvent *tree,
           gboolean    *read_fixed)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  *read_fixed = cf_live_event_read_fixed (fixed, message, strlen (message));
  g_assert_true (json_parser_load_from_data (parser, message, -1, NULL));
  g_assert_true (cf_live_event_read_tree (tree, json_parser_get_root (parser)));
}

static void
test_usual_shapes_read_directly (void)
{
  const char *messages[] = {
    "{\"type\": \"totals\", \"campaign\": 12, \"pledged\": {\"amount\": 2500000, \"currency\": \"EUR\"},"
    " \"backers_count\": 431, \"at\": \"2026-12-01T10:00:00Z\"}",
    "{\"type\":\"pledge\",\"campaign\":\"c-7\",\"reward_id\":null,\"amount\":{\"amount\":-0,\"currency\":\"JPY\"},\"at\":null}",
    "{\"type\": \"pledge\", \"campaign\": 3, \"reward_id\": 9, \"amount\": {\"amount\": 1000, \"currency\": \"usd\"}}",
    "{\"type\": \"state\", \"campaign\": 3, \"state\": \"successful\", \"at\": 1764583200}",
    "{\"type\": \"state\", \"campaign\": 3, \"state\": \"a-state-far-too-long-to-be-one\"}",
    "{\"type\": \"rename\", \"campaign\": \"123456789012345678901234567890\"}",
    "\n {\"campaign\" : 5 , \"type\" : \"totals\" , \"backers_count\" : 0 }\t",
  };

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      CfLiveEvent fixed, tree;
      gboolean read_fixed;

      read_both (messages[i], &fixed, &tree, &read_fixed);
      g_assert_true (read_fixed);
      g_assert_true (cf_live_event_equal (&fixed, &tree));
    }
}

static void
test_what_the_fixed_reading_understood (void)
{
  const char *message = "{\"type\": \"pledge\", \"campaign\": 12, \"reward_id\": \"r9\","
                        " \"amount\": {\"amount\": 2500, \"currency\": \"EUR\"}}";
  CfLiveEvent event;

  g_assert_true (cf_live_event_read_fixed (&event, message, strlen (message)));
  g_assert_cmpint (event.type, ==, CF_LIVE_EVENT_PLEDGE);
  g_assert_cmpstr (event.campaign, ==, "12");
  g_assert_cmpstr (event.reward_id, ==, "r9");
  g_assert_true (event.has_amount);
  g_assert_false (event.has_pledged);
  g_assert_cmpint (event.amount.amount, ==, 2500);
  g_assert_cmpstr (event.amount.currency, ==, "EUR");
  g_assert_false (event.has_backers_count);
}

static void
test_other_shapes_left_to_json_glib (void)
{
  const char *messages[] = {
    "{\"type\": \"pledge\", \"campaign\": 1, \"reward_id\": null, \"amount\": {\"currency\": \"EUR\", \"amount\": 5}}",
    "{\"type\": \"totals\", \"campaign\": 1, \"pledged\": {\"amount\": 5.5, \"currency\": \"EUR\"}, \"backers_count\": 1}",
    "{\"type\": \"totals\", \"campaign\": 1, \"backers_count\": 1e3}",
    "{\"type\": \"state\", \"campaign\": 1, \"state\": \"live\", \"state\": \"failed\"}",
    "{\"type\": \"state\", \"campaign\": 1, \"state\": \"li\\u0076e\"}",
    "{\"type\": \"state\", \"campaign\": 1, \"state\": \"live\", \"extra\": [1, 2]}",
    "{\"type\": \"state\", \"campaign\": true, \"state\": \"live\"}",
    "{\"type\": \"state\", \"campaign\": 1, \"title\": \"Café\"}",
    "{\"type\": \"totals\", \"campaign\": 1, \"backers_count\": 12345678901234567890}",
    "{\"type\": \"totals\", \"campaign\": 01}",
    "{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      CfLiveEvent fixed, tree;
      gboolean read_fixed;

      read_both (messages[i], &fixed, &tree, &read_fixed);
      g_assert_false (read_fixed);
    }
}

static void
test_not_json_refused (void)
{
  const char *messages[] = { "", "{", "{\"type\": \"totals\"", "{\"type\": \"totals\"} x", "[1]" };
  g_autoptr(JsonParser) parser = json_parser_new ();

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      CfLiveEvent event;

      g_assert_false (cf_live_event_read_fixed (&event, messages[i], strlen (messages[i])));
      g_assert_false (cf_live_event_read (&event, parser, messages[i], strlen (messages[i])));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/live-event/usual-shapes-read-directly", test_usual_shapes_read_directly);
  g_test_add_func ("/live-event/what-the-fixed-reading-understood", test_what_the_fixed_reading_understood);
  g_test_add_func ("/live-event/other-shapes-left-to-json-glib", test_other_shapes_left_to_json_glib);
  g_test_add_func ("/live-event/not-json-refused", test_not_json_refused);
  return g_test_run ();
}
