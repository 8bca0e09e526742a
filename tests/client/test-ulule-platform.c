/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-http-client.h"
#include "cf-fake-ulule.h"
#include "cf-live-feed.h"
#include "cf-reward.h"
#include "cf-rest-platform.h"
#include "cf-saved-list.h"
#include "cf-ulule-platform.h"
#include "cf-update.h"

/* CfUlulePlatform against a fake Ulule that answers as developers.ulule.com
 * documents: texts per language with one missing, amounts as strings, a
 * pre-sale, an item Ulule's shape does not allow, keys refused, 429s. */

typedef struct
{
  CfFakeUlule *ulule;
  SoupSession *session;
  CfUlulePlatform *platform;
  GAsyncResult *result;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->ulule = cf_fake_ulule_new ();
  fixture->session = cf_http_client_new_session ();
  fixture->platform = cf_ulule_platform_new (fixture->session, cf_fake_ulule_get_api_url (fixture->ulule),
                                             cf_fake_ulule_get_data_url (fixture->ulule));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->result);
  g_clear_object (&fixture->platform);
  g_clear_object (&fixture->session);
  cf_fake_ulule_free (fixture->ulule);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_set_object (&fixture->result, result);
}

static GAsyncResult *
wait_for_result (Fixture *fixture)
{
  g_clear_object (&fixture->result);
  while (fixture->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return fixture->result;
}

static CfPlatform *
platform_of (Fixture *fixture)
{
  return CF_PLATFORM (fixture->platform);
}

static CfPage *
list_campaigns (Fixture    *fixture,
                const char *search,
                const char *cursor)
{
  CfCampaignQuery query = { .search = search, .filter = CF_CAMPAIGN_FILTER_LIVE, .sort = CF_CAMPAIGN_SORT_POPULAR };
  g_autoptr(GError) error = NULL;
  CfPage *page;

  cf_platform_list_campaigns_async (platform_of (fixture), &query, cursor, NULL, done_cb, fixture);
  page = cf_platform_list_finish (platform_of (fixture), wait_for_result (fixture), &error);
  g_assert_no_error (error);
  return page;
}

static CfCampaign *
campaign_at (CfPage *page,
             guint   position)
{
  return g_list_model_get_item (cf_page_get_items (page), position);
}

static void
test_browse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CfPage) first = list_campaigns (fixture, "lampe", NULL);
  g_autoptr(CfPage) second = NULL;
  g_autoptr(CfCampaign) lamp = campaign_at (first, 0);
  g_autoptr(CfCampaign) notebook = campaign_at (first, 1);
  g_autoptr(CfCampaign) atlas = NULL;

  g_assert_cmpstr (cf_fake_ulule_get_last_search (fixture->ulule), ==, "lampe sort:popular status:currently");
  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (first)), ==, 2);
  /* In the person's language (English here), else the project's. */
  g_assert_cmpstr (cf_campaign_get_title (lamp), ==, "Night Light");
  g_assert_cmpstr (cf_campaign_get_blurb (lamp), ==, "A lamp that follows the moon");
  g_assert_cmpstr (cf_campaign_get_title (notebook), ==, "Carnet de voyage");
  g_assert_cmpstr (cf_campaign_get_creator_name (lamp), ==, "Atelier Lune");
  g_assert_cmpstr (cf_campaign_get_category_name (lamp), ==, "Design");
  g_assert_true (g_str_has_suffix (cf_campaign_get_image_url (lamp), "/images/lampe.png"));
  g_assert_null (cf_campaign_get_image_url (notebook));
  g_assert_cmpint (cf_campaign_get_state (lamp), ==, CF_CAMPAIGN_STATE_LIVE);
  g_assert_cmpint (cf_campaign_get_pledged (lamp)->amount, ==, 1250000);
  g_assert_cmpint (cf_campaign_get_goal (lamp)->amount, ==, 1000000);
  g_assert_cmpint (cf_campaign_get_goal_unit (lamp), ==, CF_GOAL_UNIT_MONEY);
  g_assert_cmpint (cf_campaign_get_counted_goal (lamp), <, 0);
  /* A pre-sale counts pre-orders: a search gives them as products sold.
   * Its money raised came as a string. */
  g_assert_cmpint (cf_campaign_get_goal_unit (notebook), ==, CF_GOAL_UNIT_PRE_ORDERS);
  g_assert_cmpint (cf_campaign_get_counted_goal (notebook), ==, 50000);
  g_assert_cmpint (cf_campaign_get_counted (notebook), ==, 50704);
  g_assert_cmpint (cf_campaign_get_goal (notebook)->amount, ==, 0);
  g_assert_cmpint (cf_campaign_get_pledged (notebook)->amount, ==, 1234500);
  g_assert_cmpstr (cf_page_get_next_cursor (first), ==, "offset=2&limit=2");

  second = list_campaigns (fixture, "lampe", cf_page_get_next_cursor (first));
  /* The project without a name, an end or an owner is left out. */
  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (second)), ==, 2);
  atlas = campaign_at (second, 0);
  g_assert_cmpstr (cf_campaign_get_title (atlas), ==, "Waldatlas");
  g_assert_cmpint (cf_campaign_get_state (atlas), ==, CF_CAMPAIGN_STATE_SUCCESSFUL);
  g_assert_null (cf_campaign_get_category_name (atlas));
  g_assert_null (cf_page_get_next_cursor (second));
  g_assert_cmpuint (cf_fake_ulule_count_unversioned (fixture->ulule), ==, 0);
}

static CfCampaign *
get_campaign (Fixture    *fixture,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  CfCampaign *campaign;

  cf_platform_get_campaign_async (platform_of (fixture), id, NULL, done_cb, fixture);
  campaign = cf_platform_get_campaign_finish (platform_of (fixture), wait_for_result (fixture), &error);
  g_assert_no_error (error);
  return campaign;
}

static void
test_project (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = get_campaign (fixture, "101");
  g_autoptr(CfPage) rewards = NULL;
  g_autoptr(CfPage) news = NULL;
  g_autoptr(CfReward) thanks = NULL;
  g_autoptr(CfReward) lamp = NULL;
  g_autoptr(CfUpdate) latest = NULL;
  g_autoptr(CfUpdate) older = NULL;
  GListModel *rates;

  g_assert_cmpstr (cf_campaign_get_description (campaign), ==, "A gentle lamp that follows the moon.");
  g_assert_cmpstr (cf_campaign_get_city (campaign), ==, "Lyon");
  g_assert_cmpint (cf_campaign_get_backers_count (campaign), ==, 250);
  g_assert_cmpint (cf_campaign_get_rewards_count (campaign), ==, 2);
  g_assert_cmpint (cf_campaign_get_updates_count (campaign), ==, 2);
  g_assert_cmpstr (cf_campaign_get_url (campaign), ==, "https://fr.ulule.com/lumiere-de-nuit/");

  cf_platform_list_rewards_async (platform_of (fixture), "101", NULL, done_cb, fixture);
  rewards = cf_platform_list_finish (platform_of (fixture), wait_for_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (rewards)), ==, 2);
  thanks = g_list_model_get_item (cf_page_get_items (rewards), 0);
  lamp = g_list_model_get_item (cf_page_get_items (rewards), 1);
  g_assert_cmpstr (cf_reward_get_title (thanks), ==, "Thank you!");
  /* No English description: the project's French one. */
  g_assert_cmpstr (cf_reward_get_description (thanks), ==, "Un grand merci et votre nom sur notre site.");
  g_assert_cmpint (cf_reward_get_limit (thanks), ==, -1);
  g_assert_cmpint (cf_reward_get_shipping_type (thanks), ==, CF_SHIPPING_TYPE_NONE);
  g_assert_cmpint (cf_reward_get_minimum (lamp)->amount, ==, 8900);
  g_assert_cmpint (cf_reward_get_limit (lamp), ==, 300);
  g_assert_cmpint (cf_reward_get_remaining (lamp), ==, 130);
  /* Ulule counts the lamps taken, not who took them. */
  g_assert_cmpint (cf_reward_get_taken (lamp), ==, 170);
  g_assert_cmpint (cf_reward_get_backers_count (lamp), <, 0);
  g_assert_cmpint (cf_reward_get_claimed (lamp), ==, 170);
  g_assert_cmpstr (cf_reward_get_estimated_delivery (lamp), ==, "2099-12");
  g_assert_cmpint (cf_reward_get_shipping_type (lamp), ==, CF_SHIPPING_TYPE_ANYWHERE);
  rates = cf_reward_get_shipping_rates (lamp);
  g_assert_cmpuint (g_list_model_get_n_items (rates), ==, 2);

  cf_platform_list_updates_async (platform_of (fixture), "101", NULL, NULL, done_cb, fixture);
  news = cf_platform_list_finish (platform_of (fixture), wait_for_result (fixture), &error);
  g_assert_no_error (error);
  latest = g_list_model_get_item (cf_page_get_items (news), 0);
  older = g_list_model_get_item (cf_page_get_items (news), 1);
  g_assert_cmpstr (cf_update_get_title (latest), ==, "The prototype");
  g_assert_cmpstr (cf_update_get_body (latest), ==, "Le prototype brille enfin.");
  g_assert_cmpstr (cf_update_get_title (older), ==, "Objectif atteint");
  g_assert_true (cf_update_get_backers_only (older));
  g_assert_cmpint (cf_update_get_number (latest), ==, 2);
}

/* Ulule's figure is `committed`: money when it is the amount raised, else
 * pre-orders (a pre-sale) or members (a membership page), whatever the
 * other counts say: the pre-sale has 980 orders, 811 backers and 50,704
 * pre-orders, as in the sample Ulule publishes for its widget. */
static void
test_goal_units (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CfCampaign) money = get_campaign (fixture, "101");
  g_autoptr(CfCampaign) presale = get_campaign (fixture, "102");
  g_autoptr(CfCampaign) membership = get_campaign (fixture, "105");

  g_assert_cmpint (cf_campaign_get_goal_unit (money), ==, CF_GOAL_UNIT_MONEY);
  g_assert_cmpint (cf_campaign_get_goal (money)->amount, ==, 1000000);
  g_assert_cmpfloat (cf_campaign_get_progress (money, FALSE), ==, 1.25);

  g_assert_cmpint (cf_campaign_get_goal_unit (presale), ==, CF_GOAL_UNIT_PRE_ORDERS);
  g_assert_cmpint (cf_campaign_get_counted (presale), ==, 50704);
  g_assert_cmpint (cf_campaign_get_counted_goal (presale), ==, 50000);
  g_assert_cmpint (cf_campaign_get_backers_count (presale), ==, 811);
  g_assert_cmpint (cf_campaign_get_pledged (presale)->amount, ==, 1234500);
  g_assert_cmpint (cf_campaign_get_goal (presale)->amount, ==, 0);
  g_assert_cmpint (cf_campaign_get_state (presale), ==, CF_CAMPAIGN_STATE_LIVE);

  g_assert_cmpint (cf_campaign_get_goal_unit (membership), ==, CF_GOAL_UNIT_MEMBERS);
  g_assert_cmpint (cf_campaign_get_counted (membership), ==, 420);
  g_assert_cmpint (cf_campaign_get_counted_goal (membership), ==, 500);
  g_assert_cmpint (cf_campaign_get_goal (membership)->amount, ==, 0);
  g_assert_cmpint (cf_campaign_get_next_counted_goal (membership), <, 0);
}

static CfStats *
get_stats (Fixture    *fixture,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  CfStats *stats;

  cf_platform_get_stats_async (platform_of (fixture), id, NULL, done_cb, fixture);
  stats = cf_platform_get_stats_finish (platform_of (fixture), wait_for_result (fixture), &error);
  g_assert_no_error (error);
  return stats;
}

static gboolean
live_pledged_is (CfLiveFeed *feed,
                 gint64      amount)
{
  const CfLiveCampaign *live = cf_live_feed_lookup (feed, "101");

  return live != NULL && live->known && live->pledged.amount == amount;
}

/* Live totals come from data.ulule.com, polled: never faster than the
 * platform allows, conditionally, and in the project's currency. */
static void
test_live_totals (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CfStats) first = get_stats (fixture, "101");
  g_autoptr(CfStats) again = NULL;
  g_autoptr(CfStats) presale = get_stats (fixture, "102");
  g_autoptr(CfStats) membership = get_stats (fixture, "105");
  g_autoptr(CfLiveFeed) feed = NULL;
  g_autoptr(CfCampaign) project = get_campaign (fixture, "102");

  g_assert_cmpint (cf_stats_get_pledged (first)->amount, ==, 1250000);
  g_assert_cmpstr (cf_stats_get_pledged (first)->currency, ==, "EUR");
  g_assert_cmpint (cf_stats_get_backers_count (first), ==, 250);
  g_assert_cmpint (cf_stats_get_next_goal (first)->amount, ==, 1500000);
  /* The project was read once for its currency; its stats need not be. */
  again = get_stats (fixture, "101");
  g_assert_cmpuint (cf_fake_ulule_count (fixture->ulule, "/v1/projects/101"), ==, 1);
  g_assert_cmpint (cf_stats_get_goal_unit (first), ==, CF_GOAL_UNIT_MONEY);

  /* A pre-sale's next stage is in pre-orders, not money. */
  g_assert_cmpint (cf_stats_get_goal_unit (presale), ==, CF_GOAL_UNIT_PRE_ORDERS);
  g_assert_cmpint (cf_stats_get_counted (presale), ==, 50704);
  g_assert_cmpint (cf_stats_get_next_counted_goal (presale), ==, 60000);
  g_assert_null (cf_stats_get_next_goal (presale));
  g_assert_cmpint (cf_stats_get_pledged (presale)->amount, ==, 1234500);
  g_assert_cmpint (cf_stats_get_backers_count (presale), ==, 811);
  g_assert_cmpint (cf_stats_get_goal_unit (membership), ==, CF_GOAL_UNIT_MEMBERS);
  g_assert_cmpint (cf_stats_get_counted (membership), ==, 420);
  g_assert_cmpint (cf_stats_get_next_counted_goal (membership), ==, 750);
  g_assert_null (cf_stats_get_next_goal (membership));

  /* Past its goal, progress is measured against the next stage, as Ulule's widget does. */
  g_object_set (project, "counted", cf_stats_get_counted (presale),
                "next-counted-goal", cf_stats_get_next_counted_goal (presale), NULL);
  g_assert_cmpfloat_with_epsilon (cf_campaign_get_progress (project, TRUE), 50704.0 / 60000, 1e-9);
  g_assert_cmpfloat_with_epsilon (cf_campaign_get_progress (project, FALSE), 50704.0 / 50000, 1e-9);

  g_assert_cmpuint (cf_platform_get_capabilities (platform_of (fixture))->live_poll_seconds, ==, 30);
  cf_ulule_platform_set_stats_interval (fixture->platform, 1);
  feed = cf_live_feed_new (platform_of (fixture));
  cf_live_feed_set_poll_interval (feed, 1);
  cf_live_feed_subscribe (feed, "101", FALSE);
  g_assert_cmpint (cf_live_feed_get_status (feed), ==, CF_LIVE_FEED_STATUS_POLLING);
  cf_fake_ulule_set_raised (fixture->ulule, "101", 13000);
  while (!live_pledged_is (feed, 1300000))
    g_main_context_iteration (NULL, TRUE);
  cf_live_feed_unsubscribe (feed, "101");
}

static gboolean
has_readings (CfLiveFeed *feed,
              guint       n)
{
  const CfLiveCampaign *live = cf_live_feed_lookup (feed, "101");

  return live != NULL && live->funding->len >= n;
}

/* Ulule keeps no history of a project's total: the readings the feed made
 * are kept with its figures, and the next run's curve starts from them. */
static void
test_readings_kept (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_dir_make_tmp ("crowdfund-readings-XXXXXX", NULL);
  g_autofree char *kept = cf_saved_list_path_in (folder, "stats", "101");
  g_autoptr(CfLiveFeed) first = cf_live_feed_new (platform_of (fixture));
  g_autoptr(CfLiveFeed) second = NULL;
  const CfLiveCampaign *live;
  const CfLivePoint *earlier, *later;

  g_assert_false (cf_platform_can (platform_of (fixture), CF_PLATFORM_FEATURE_FUNDING_HISTORY));
  cf_live_feed_set_kept_folder (first, folder);
  cf_live_feed_subscribe (first, "101", TRUE);
  while (!has_readings (first, 1))
    g_main_context_iteration (NULL, TRUE);
  cf_live_feed_unsubscribe (first, "101");
  g_clear_object (&first);

  cf_fake_ulule_set_raised (fixture->ulule, "101", 13000);
  second = cf_live_feed_new (platform_of (fixture));
  cf_live_feed_set_kept_folder (second, folder);
  live = cf_live_feed_subscribe (second, "101", TRUE);
  g_assert_cmpuint (live->funding->len, ==, 1);
  while (!has_readings (second, 2))
    g_main_context_iteration (NULL, TRUE);
  earlier = &g_array_index (live->funding, CfLivePoint, 0);
  later = &g_array_index (live->funding, CfLivePoint, 1);
  g_assert_cmpint (earlier->pledged, ==, 1250000);
  g_assert_cmpint (later->pledged, ==, 1300000);
  g_assert_cmpint (earlier->at, <=, later->at);
  cf_live_feed_unsubscribe (second, "101");
  g_assert_no_errno (g_remove (kept));
  g_assert_no_errno (g_rmdir (folder));
}

static gboolean
has_counted (CfLiveFeed *feed,
             const char *id)
{
  const CfLiveCampaign *live = cf_live_feed_lookup (feed, id);

  return live != NULL && live->counted >= 0;
}

/* A search gives no `committed`: its membership page reads as money until
 * the page's stats are read, which say it counts members. */
static void
test_membership_from_search (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CfPage) first = list_campaigns (fixture, "radio", NULL);
  g_autoptr(CfPage) second = list_campaigns (fixture, "radio", cf_page_get_next_cursor (first));
  g_autoptr(CfCampaign) radio = campaign_at (second, 1);
  g_autoptr(CfLiveFeed) feed = cf_live_feed_new (platform_of (fixture));

  g_assert_cmpstr (cf_campaign_get_id (radio), ==, "105");
  g_assert_cmpint (cf_campaign_get_goal_unit (radio), ==, CF_GOAL_UNIT_MONEY);
  cf_live_feed_subscribe (feed, "105", FALSE);
  while (!has_counted (feed, "105"))
    g_main_context_iteration (NULL, TRUE);
  cf_live_campaign_apply_to (cf_live_feed_lookup (feed, "105"), radio);
  g_assert_cmpint (cf_campaign_get_goal_unit (radio), ==, CF_GOAL_UNIT_MEMBERS);
  g_assert_cmpint (cf_campaign_get_counted (radio), ==, 420);
  g_assert_cmpint (cf_campaign_get_counted_goal (radio), ==, 500);
  g_assert_cmpint (cf_campaign_get_next_counted_goal (radio), ==, 750);
  cf_live_feed_unsubscribe (feed, "105");
}

static CfCredentials *
sign_in (Fixture     *fixture,
         const char  *username,
         const char  *key,
         GError     **error)
{
  cf_platform_sign_in_async (platform_of (fixture), username, key, NULL, done_cb, fixture);
  return cf_platform_sign_in_finish (platform_of (fixture), wait_for_result (fixture), error);
}

static GListModel *
list_all (Fixture *fixture,
          void   (*list) (CfPlatform *, GCancellable *, GAsyncReadyCallback, gpointer))
{
  g_autoptr(GError) error = NULL;
  GListModel *items;

  list (platform_of (fixture), NULL, done_cb, fixture);
  items = cf_platform_list_all_finish (platform_of (fixture), wait_for_result (fixture), &error);
  g_assert_no_error (error);
  return items;
}

static void
test_sign_in_and_orders (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCredentials) refused = sign_in (fixture, "camille", "not-a-key", &error);
  g_autoptr(CfCredentials) not_theirs = NULL;
  g_autoptr(CfCredentials) key = NULL;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(CfPledge) lamp = NULL;
  g_autoptr(CfPledge) atlas = NULL;
  g_autoptr(CfPledge) with_tip = NULL;
  g_autoptr(CfPledgeItem) lamps = NULL;
  g_autoptr(CfPledgeItem) thanks = NULL;

  g_assert_null (refused);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_API_KEY);
  g_clear_error (&error);
  not_theirs = sign_in (fixture, "someone-else", CF_FAKE_ULULE_KEY, &error);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_API_KEY);
  g_clear_error (&error);

  key = sign_in (fixture, "camille", CF_FAKE_ULULE_KEY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_credentials_get_token_type (key), ==, "APIKey");
  cf_platform_set_credentials (platform_of (fixture), key);

  orders = list_all (fixture, cf_platform_list_all_pledges_async);
  g_assert_cmpuint (g_list_model_get_n_items (orders), ==, 3);
  lamp = g_list_model_get_item (orders, 0);
  atlas = g_list_model_get_item (orders, 1);
  with_tip = g_list_model_get_item (orders, 2);
  g_assert_cmpstr (cf_pledge_get_campaign_title (lamp), ==, "Night Light");
  g_assert_cmpstr (cf_pledge_get_reward_title (lamp), ==, "The lamp");
  g_assert_cmpint (cf_pledge_get_amount (lamp)->amount, ==, 9500);
  g_assert_cmpint (cf_pledge_get_shipping (lamp)->amount, ==, 600);
  g_assert_cmpint (cf_pledge_get_status (lamp), ==, CF_PLEDGE_STATUS_PLEDGED);
  g_assert_cmpstr (cf_pledge_get_platform_status (lamp), ==, "payment-completed");
  g_assert_cmpstr (cf_pledge_get_address (lamp), ==, "12 rue des Lilas, 69003, Lyon, FR");
  g_assert_cmpint (cf_pledge_get_status (atlas), ==, CF_PLEDGE_STATUS_REFUNDED);
  g_assert_null (cf_pledge_get_reward_id (atlas));
  g_assert_cmpint (cf_pledge_get_campaign_state (atlas), ==, CF_CAMPAIGN_STATE_FAILED);
  g_assert_null (cf_pledge_get_items (lamp));
  g_assert_cmpint (cf_pledge_get_bonus (lamp)->amount, ==, 0);
  g_assert_cmpstr (cf_pledge_get_url (lamp), ==, "https://fr.ulule.com/lumiere-de-nuit/orders/70001");

  /* Two lamps and a thank-you, with a 5 € tip: the tip is the bonus, each
   * reward is kept with its quantity, and the total is Ulule's. */
  g_assert_cmpint (cf_pledge_get_amount (with_tip)->amount, ==, 19900);
  g_assert_cmpint (cf_pledge_get_bonus (with_tip)->amount, ==, 500);
  g_assert_cmpint (cf_pledge_get_status (with_tip), ==, CF_PLEDGE_STATUS_COLLECTED);
  g_assert_cmpuint (g_list_model_get_n_items (cf_pledge_get_items (with_tip)), ==, 2);
  lamps = g_list_model_get_item (cf_pledge_get_items (with_tip), 0);
  thanks = g_list_model_get_item (cf_pledge_get_items (with_tip), 1);
  g_assert_cmpstr (cf_pledge_item_get_reward_id (lamps), ==, "1002");
  g_assert_cmpstr (cf_pledge_item_get_reward_title (lamps), ==, "The lamp");
  g_assert_cmpint (cf_pledge_item_get_quantity (lamps), ==, 2);
  g_assert_cmpstr (cf_pledge_item_get_reward_title (thanks), ==, "Thank you!");
  g_assert_cmpint (cf_pledge_item_get_quantity (thanks), ==, 1);
}

static void
test_creator (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCredentials) key = sign_in (fixture, "camille", CF_FAKE_ULULE_KEY, &error);
  g_autoptr(GListModel) created = NULL;
  g_autoptr(GListModel) followed = NULL;
  g_autoptr(GListModel) backers = NULL;
  g_autoptr(CfCampaign) notebook = NULL;
  g_autoptr(CfPledge) named = NULL;
  g_autoptr(CfPledge) anonymous = NULL;

  g_assert_no_error (error);
  cf_platform_set_credentials (platform_of (fixture), key);
  created = list_all (fixture, cf_platform_list_all_my_campaigns_async);
  g_assert_cmpuint (g_list_model_get_n_items (created), ==, 1);
  notebook = g_list_model_get_item (created, 0);
  g_assert_cmpstr (cf_campaign_get_id (notebook), ==, "102");

  followed = list_all (fixture, cf_platform_list_all_following_async);
  g_assert_cmpuint (g_list_model_get_n_items (followed), ==, 2);

  cf_platform_list_all_backers_async (platform_of (fixture), "102", NULL, done_cb, fixture);
  backers = cf_platform_list_all_finish (platform_of (fixture), wait_for_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backers), ==, 2);
  named = g_list_model_get_item (backers, 0);
  anonymous = g_list_model_get_item (backers, 1);
  g_assert_cmpstr (cf_pledge_get_backer_name (named), ==, "Léa Roux");
  g_assert_null (cf_pledge_get_backer_name (anonymous));
  g_assert_cmpint (cf_pledge_get_amount (named)->amount, ==, 3200);

  cf_platform_set_following_async (platform_of (fixture), "101", TRUE, NULL, done_cb, fixture);
  g_assert_true (cf_platform_set_following_finish (platform_of (fixture), wait_for_result (fixture), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cf_fake_ulule_count_likes (fixture->ulule), ==, 1);
  g_assert_false (cf_platform_can (platform_of (fixture), CF_PLATFORM_FEATURE_PLEDGE));
  /* What Ulule cannot do is said, not attempted. */
  cf_platform_cancel_pledge_async (platform_of (fixture), "70001", NULL, done_cb, fixture);
  g_assert_false (cf_platform_cancel_pledge_finish (platform_of (fixture), wait_for_result (fixture), &error));
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_false (cf_platform_can (platform_of (fixture), CF_PLATFORM_FEATURE_FULFILLMENT));
}

static void
credentials_changed_cb (CfPlatform *platform,
                        gboolean   *changed)
{
  *changed = TRUE;
}

/* A 429 is waited out as Retry-After says; a key Ulule no longer takes
 * ends the session. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = NULL;
  g_autoptr(CfCredentials) revoked = NULL;
  g_autoptr(JsonNode) root = json_from_string ("{\"access_token\": \"revoked-key\", \"token_type\": \"APIKey\","
                                               " \"expires_in\": 0}", NULL);
  gboolean changed = FALSE;

  cf_fake_ulule_refuse_next (fixture->ulule, 429);
  page = list_campaigns (fixture, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (page)), ==, 2);
  g_assert_cmpuint (cf_fake_ulule_count (fixture->ulule, "/v1/search/projects"), ==, 2);

  revoked = cf_credentials_new_from_json (root, NULL);
  cf_platform_set_credentials (platform_of (fixture), revoked);
  g_signal_connect (fixture->platform, "credentials-changed", G_CALLBACK (credentials_changed_cb), &changed);
  cf_platform_get_me_async (platform_of (fixture), NULL, done_cb, fixture);
  g_assert_null (cf_platform_get_me_finish (platform_of (fixture), wait_for_result (fixture), &error));
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_UNAUTHORIZED);
  g_assert_true (changed);
  g_assert_null (cf_platform_dup_credentials (platform_of (fixture)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, function) \
  g_test_add (path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)
  ADD ("/ulule/browse", test_browse);
  ADD ("/ulule/project", test_project);
  ADD ("/ulule/goal-units", test_goal_units);
  ADD ("/ulule/live-totals", test_live_totals);
  ADD ("/ulule/readings-kept", test_readings_kept);
  ADD ("/ulule/membership-from-search", test_membership_from_search);
  ADD ("/ulule/sign-in-and-orders", test_sign_in_and_orders);
  ADD ("/ulule/creator", test_creator);
  ADD ("/ulule/refusals", test_refusals);
#undef ADD

  return g_test_run ();
}
