/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-campaign.h"
#include "cf-category.h"
#include "cf-credentials.h"
#include "cf-live-feed.h"
#include "cf-page.h"
#include "cf-pledge.h"
#include "cf-reward.h"
#include "cf-stats.h"
#include "cf-update.h"
#include "cf-user.h"
#include "cf-test-fixtures.h"

typedef struct
{
  const char *fixture;
  GType (*get_type) (void);
  const char *optional[10];  /* members that may be left out, NULL-terminated */
} ModelCase;

static const ModelCase model_cases[] = {
  /* A collective funded for good has neither goal nor deadline. */
  { "campaign.json", cf_campaign_get_type, { "description", "url", "following", "category", "rewards_count",
                                            "updates_count", "goal", "deadline" } },
  { "reward.json", cf_reward_get_type, { "backers_count" } },
  { "pledge.json", cf_pledge_get_type, { NULL } },
  { "update.json", cf_update_get_type, { NULL } },
  { "stats.json", cf_stats_get_type, { NULL } },
  { "user.json", cf_user_get_type, { "country", "currency" } },
  { "category.json", cf_category_get_type, { NULL } },
  { "credentials.json", cf_credentials_get_type, { "refresh_token" } },
};

static JsonNode *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* json_node_copy() shares objects; a test that edits a copy needs its own. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

static void
test_campaign (void)
{
  g_autoptr(JsonNode) node = load_fixture ("campaign.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = cf_campaign_new_from_json (node, &error);
  g_autofree char *deadline = NULL;
  gint64 backers = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (cf_campaign_get_id (campaign), ==, "7");
  g_assert_cmpstr (cf_campaign_get_title (campaign), ==, "wena wrist");
  g_assert_cmpstr (cf_campaign_get_creator_name (campaign), ==, "wena project");
  g_assert_cmpstr (cf_campaign_get_category_slug (campaign), ==, "technology");
  g_assert_cmpstr (cf_campaign_get_city (campaign), ==, "Tokyo");
  g_assert_cmpint (cf_campaign_get_state (campaign), ==, CF_CAMPAIGN_STATE_LIVE);
  g_assert_cmpint (cf_campaign_get_goal (campaign)->amount, ==, 10000000);
  g_assert_cmpstr (cf_campaign_get_pledged (campaign)->currency, ==, "JPY");
  g_assert_cmpint (cf_campaign_get_backers_count (campaign), ==, 394);
  deadline = g_date_time_format_iso8601 (cf_campaign_get_deadline (campaign));
  g_assert_cmpstr (deadline, ==, "2015-10-26T01:00:00Z");

  g_object_get (campaign, "backers-count", &backers, NULL);
  g_assert_cmpint (backers, ==, 394);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_campaign_live_totals (void)
{
  g_autoptr(JsonNode) node = load_fixture ("campaign.json");
  g_autoptr(CfCampaign) campaign = cf_campaign_new_from_json (node, NULL);
  CfMoney pledged = { 19505000, "JPY" };
  guint notified = 0;

  g_signal_connect (campaign, "notify::pledged", G_CALLBACK (notify_count_cb), &notified);
  g_object_set (campaign, "pledged", &pledged, NULL);
  g_object_set (campaign, "pledged", &pledged, NULL);

  g_assert_cmpint (cf_campaign_get_pledged (campaign)->amount, ==, 19505000);
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_reward_shipping (void)
{
  g_autoptr(JsonNode) node = load_fixture ("reward.json");
  g_autoptr(CfReward) reward = cf_reward_new_from_json (node, NULL);
  CfMoney cost;

  g_assert_nonnull (reward);
  g_assert_cmpint (cf_reward_get_limit (reward), ==, 50);
  g_assert_cmpint (cf_reward_get_remaining (reward), ==, 12);
  g_assert_cmpstr (cf_reward_get_estimated_delivery (reward), ==, "2016-03");
  g_assert_cmpint (cf_reward_get_shipping_type (reward), ==, CF_SHIPPING_TYPE_SOME_COUNTRIES);
  g_assert_cmpuint (g_list_model_get_n_items (cf_reward_get_shipping_rates (reward)), ==, 3);

  g_assert_true (cf_reward_get_shipping_cost (reward, "JP", &cost));
  g_assert_cmpint (cost.amount, ==, 0);
  g_assert_true (cf_reward_get_shipping_cost (reward, "FR", &cost));
  g_assert_cmpint (cost.amount, ==, 2500);
  g_assert_true (cf_reward_get_shipping_cost (reward, "BR", &cost));
  g_assert_cmpint (cost.amount, ==, 4000);
  g_assert_cmpstr (cost.currency, ==, "JPY");
}

static void
test_reward_unlimited (void)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{\"id\": 1, \"title\": \"Thanks\", \"description\": \"\","
    " \"minimum\": {\"amount\": 100, \"currency\": \"EUR\"}, \"limit\": null, \"remaining\": null,"
    " \"backers_count\": 0, \"estimated_delivery\": null, \"available\": true,"
    " \"shipping\": {\"type\": \"some_countries\", \"rates\": [{\"countries\": [\"FR\"],"
    " \"cost\": {\"amount\": 500, \"currency\": \"EUR\"}}]}}", NULL);
  g_autoptr(CfReward) reward = cf_reward_new_from_json (node, NULL);
  CfMoney cost;

  g_assert_cmpint (cf_reward_get_limit (reward), ==, -1);
  g_assert_cmpint (cf_reward_get_remaining (reward), ==, -1);
  g_assert_null (cf_reward_get_estimated_delivery (reward));
  g_assert_false (cf_reward_get_shipping_cost (reward, "JP", &cost));
}

static void
test_pledge (void)
{
  g_autoptr(JsonNode) node = load_fixture ("pledge.json");
  g_autoptr(CfPledge) pledge = cf_pledge_new_from_json (node, NULL);
  CfFulfillment *fulfillment;

  g_assert_nonnull (pledge);
  g_assert_cmpstr (cf_pledge_get_campaign_title (pledge), ==, "wena wrist");
  g_assert_cmpstr (cf_pledge_get_reward_id (pledge), ==, "31");
  g_assert_null (cf_pledge_get_backer_name (pledge));
  g_assert_cmpint (cf_pledge_get_status (pledge), ==, CF_PLEDGE_STATUS_COLLECTED);
  g_assert_cmpint (cf_pledge_get_amount (pledge)->amount, ==, 37500);
  g_assert_true (g_strv_contains (cf_pledge_get_actions (pledge), "confirm_address"));

  fulfillment = cf_pledge_get_fulfillment (pledge);
  g_assert_cmpint (cf_fulfillment_get_status (fulfillment), ==, CF_FULFILLMENT_STATUS_SHIPPED);
  g_assert_cmpstr (cf_fulfillment_get_tracking_number (fulfillment), ==, "EJ123456789JP");
}

/* Only web addresses reach the desktop; anything else reads as none. */
static void
test_only_web_addresses (void)
{
  static const char * const refused[] = {
    "\"javascript:alert(1)\"", "\"file:///etc/passwd\"", "\"steam://run/1\"", "\"data:text/html,x\"",
    "\"http://\"", "\"/relative\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(CfPledge) pledge = cf_test_pledge_with ("fulfillment", "tracking_url", refused[i], NULL, NULL);

      g_assert_nonnull (pledge);
      g_assert_null (cf_fulfillment_get_tracking_url (cf_pledge_get_fulfillment (pledge)));
    }

  {
    g_autoptr(CfPledge) pledge = cf_test_pledge_with ("fulfillment", "tracking_url", "\"HTTPS://example.org/t\"", NULL, NULL);

    g_assert_cmpstr (cf_fulfillment_get_tracking_url (cf_pledge_get_fulfillment (pledge)), ==, "HTTPS://example.org/t");
  }
}

/* A reward can be said to have arrived once it was sent, never when the
 * payment failed or it is still being made. */
static void
test_pledge_can_be_received (void)
{
  static const struct
  {
    const char *status;
    const char *delivery;
    gboolean received;
    gboolean can;
  } cases[] = {
    { "collected", "shipped", FALSE, TRUE },
    { "collected", "delivered", FALSE, TRUE },
    { "pledged", "shipped", FALSE, TRUE },
    { "collected", "in_progress", FALSE, FALSE },
    { "collected", "not_started", FALSE, FALSE },
    { "collected", "in_progress", TRUE, TRUE },
    { "errored", "shipped", FALSE, FALSE },
    { "refunded", "shipped", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = load_fixture ("pledge.json");
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GError) error = NULL;
      g_autoptr(CfPledge) pledge = NULL;

      json_object_set_string_member (object, "status", cases[i].status);
      json_object_set_boolean_member (object, "received", cases[i].received);
      json_object_set_string_member (json_object_get_object_member (object, "fulfillment"), "status",
                                     cases[i].delivery);
      pledge = cf_pledge_new_from_json (node, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cf_pledge_can_be_received (pledge), ==, cases[i].can);
    }
}

static void
test_pledge_without_reward (void)
{
  g_autoptr(JsonNode) node = load_fixture ("pledge.json");
  g_autoptr(CfPledge) pledge = NULL;

  json_object_set_null_member (json_node_get_object (node), "reward");
  pledge = cf_pledge_new_from_json (node, NULL);
  g_assert_nonnull (pledge);
  g_assert_null (cf_pledge_get_reward_id (pledge));
  g_assert_null (cf_pledge_get_reward_title (pledge));
}

static void
test_stats (void)
{
  g_autoptr(JsonNode) node = load_fixture ("stats.json");
  g_autoptr(CfStats) stats = cf_stats_new_from_json (node, NULL);
  g_autoptr(CfFundingPoint) point = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (cf_stats_get_funding (stats)), ==, 2);
  point = g_list_model_get_item (cf_stats_get_funding (stats), 1);
  g_assert_cmpint (cf_funding_point_get_backers_count (point), ==, 201);
  g_assert_cmpint (cf_funding_point_get_pledged (point)->amount, ==, 9800000);
}

static void
test_page (void)
{
  g_autoptr(JsonNode) node = load_fixture ("page.json");
  g_autoptr(CfPage) page = cf_page_new_from_json (CF_TYPE_CATEGORY, node, NULL);
  g_autoptr(CfCategory) second = NULL;
  g_autoptr(JsonNode) bad = json_from_string ("{\"items\": [{\"id\": 1}], \"next_cursor\": null}", NULL);
  g_autoptr(JsonNode) bad_cursor = json_from_string ("{\"items\": [], \"next_cursor\": 3}", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (page)), ==, 2);
  g_assert_cmpstr (cf_page_get_next_cursor (page), ==, "b2Zmc2V0OjI");
  g_assert_cmpint (cf_page_get_total (page), ==, 9);
  second = g_list_model_get_item (cf_page_get_items (page), 1);
  g_assert_cmpstr (cf_category_get_id (second), ==, "design");

  g_assert_null (cf_page_new_from_json (CF_TYPE_CATEGORY, bad, &error));
  g_assert_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cf_page_new_from_json (CF_TYPE_CATEGORY, bad_cursor, &error));
  g_assert_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID);
}

static void
assert_refused (const ModelCase *c,
                JsonNode        *node,
                const char      *what)
{
  g_autoptr(GError) error = NULL;
  gpointer model = cf_model_new_from_json (c->get_type (), node, &error);

  if (model != NULL)
    g_error ("%s with %s was accepted", c->fixture, what);
  g_assert_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID);
}

/* Every member of every model, left out or given a value of the wrong type,
 * is refused with an error, unless the API says it may be left out. */
static void
test_malformed (gconstpointer data)
{
  const ModelCase *c = data;
  g_autoptr(JsonNode) good = load_fixture (c->fixture);
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (good));
  gpointer model = cf_model_new_from_json (c->get_type (), good, NULL);

  g_assert_nonnull (model);
  g_object_unref (model);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      g_autoptr(JsonNode) removed = deep_copy (good);
      g_autoptr(JsonNode) mistyped = deep_copy (good);
      g_autofree char *what = g_strdup_printf ("“%s” mistyped", member);

      json_object_set_array_member (json_node_get_object (mistyped), member, json_array_new ());
      json_array_add_boolean_element (json_object_get_array_member (json_node_get_object (mistyped),
                                                                    member), TRUE);
      assert_refused (c, mistyped, what);

      json_object_remove_member (json_node_get_object (removed), member);
      if (!g_strv_contains (c->optional, member))
        assert_refused (c, removed, member);
    }

  assert_refused (c, NULL, "no node");
}

static void
test_bad_values (void)
{
  const char *bad[] = {
    "\"state\": \"paused\"",
    "\"deadline\": \"next tuesday\"",
    "\"backers_count\": -3",
    "\"backers_count\": 3.5",
    "\"goal\": {\"amount\": 10, \"currency\": \"yen\"}",
    "\"id\": \"\"",
    "\"creator\": \"wena project\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = load_fixture ("campaign.json");
      g_autofree char *text = g_strdup_printf ("{%s}", bad[i]);
      g_autoptr(JsonNode) patch = json_from_string (text, NULL);
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (patch));
      while (json_object_iter_next (&iter, &name, &value))
        json_object_set_member (json_node_get_object (node), name, json_node_copy (value));

      assert_refused (&model_cases[0], node, bad[i]);
    }
}

/* A model written as JSON reads back as the same model: what the app keeps
 * on disk for offline use is what it was given. */
static void
test_round_trip (gconstpointer data)
{
  const ModelCase *c = data;
  g_autoptr(JsonNode) node = load_fixture (c->fixture);
  g_autoptr(GObject) model = cf_model_new_from_json (c->get_type (), node, NULL);
  g_autoptr(JsonNode) written = cf_model_to_json (CF_MODEL (model));
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) again = cf_model_new_from_json (c->get_type (), written, &error);
  g_autoptr(JsonNode) rewritten = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  rewritten = cf_model_to_json (CF_MODEL (again));
  first = json_to_string (written, FALSE);
  second = json_to_string (rewritten, FALSE);
  g_assert_cmpstr (first, ==, second);
  g_assert_true (json_node_equal (written, rewritten));
}

/* What repeats across a catalogue — category, country — is kept once. */
static void
test_campaigns_share_repeated_strings (void)
{
  g_autoptr(JsonNode) node = load_fixture ("campaign.json");
  g_autoptr(CfCampaign) one = cf_campaign_new_from_json (node, NULL);
  g_autoptr(CfCampaign) other = cf_campaign_new_from_json (node, NULL);

  g_assert_cmpstr (cf_campaign_get_category_id (one), ==, "3");
  g_assert_true (cf_campaign_get_category_id (one) == cf_campaign_get_category_id (other));
  g_assert_true (cf_campaign_get_category_slug (one) == cf_campaign_get_category_slug (other));
  g_assert_true (cf_campaign_get_country (one) == cf_campaign_get_country (other));
  g_assert_false (cf_campaign_get_title (one) == cf_campaign_get_title (other));
}

/* An ended campaign's figures stop at its deadline, the last ones read
 * shown there. */
static void
test_live_points_until (void)
{
  CfLivePoint read[] = { { 10, 100, 1 }, { 20, 200, 2 }, { 30, 300, 3 }, { 40, 300, 3 } };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (CfLivePoint));
  g_autoptr(GArray) until = NULL;
  g_autoptr(GArray) all = NULL;

  g_array_append_vals (points, read, G_N_ELEMENTS (read));
  until = cf_live_points_until (points, 25);
  g_assert_cmpuint (until->len, ==, 3);
  g_assert_cmpint (g_array_index (until, CfLivePoint, 1).at, ==, 20);
  g_assert_cmpint (g_array_index (until, CfLivePoint, 2).at, ==, 25);
  g_assert_cmpint (g_array_index (until, CfLivePoint, 2).pledged, ==, 300);
  g_assert_cmpint (g_array_index (until, CfLivePoint, 2).backers_count, ==, 3);

  all = cf_live_points_until (points, 40);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpint (g_array_index (all, CfLivePoint, 3).at, ==, 40);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/campaign", test_campaign);
  g_test_add_func ("/models/campaign/live-totals", test_campaign_live_totals);
  g_test_add_func ("/models/reward/shipping", test_reward_shipping);
  g_test_add_func ("/models/reward/unlimited", test_reward_unlimited);
  g_test_add_func ("/models/pledge", test_pledge);
  g_test_add_func ("/models/pledge/without-reward", test_pledge_without_reward);
  g_test_add_func ("/models/only-web-addresses", test_only_web_addresses);
  g_test_add_func ("/models/stats", test_stats);
  g_test_add_func ("/models/page", test_page);
  g_test_add_func ("/models/bad-values", test_bad_values);
  g_test_add_func ("/models/pledge-can-be-received", test_pledge_can_be_received);
  g_test_add_func ("/models/live-points-until", test_live_points_until);
  g_test_add_func ("/models/campaigns-share-repeated-strings", test_campaigns_share_repeated_strings);
  for (guint i = 0; i < G_N_ELEMENTS (model_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/models/malformed/%s", model_cases[i].fixture);

      g_autofree char *round_trip = g_strdup_printf ("/models/round-trip/%s", model_cases[i].fixture);

      g_test_add_data_func (path, &model_cases[i], test_malformed);
      g_test_add_data_func (round_trip, &model_cases[i], test_round_trip);
    }

  return g_test_run ();
}
