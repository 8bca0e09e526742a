/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-fake-opencollective.h"
#include "cf-http-client.h"
#include "cf-opencollective-platform.h"
#include "cf-reward.h"
#include "cf-update.h"

/* CfOpenCollectivePlatform against a fake Open Collective answering in the
 * shapes of its published schema: collectives with goals and without, in
 * dollars and in yen, fixed, flexible, monthly, yearly and sold-out tiers,
 * an update for contributors only, monthly contributions active, paused and
 * failed, one the person may not see (errors beside data), an incognito
 * contributor, 429s with a fractional Retry-After, a bot wall, an expired
 * token. */

typedef struct
{
  CfFakeOpenCollective *fake;
  SoupSession *session;
  CfOpenCollectivePlatform *platform;
  GPtrArray *results;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->fake = cf_fake_opencollective_new ();
  fixture->session = cf_http_client_new_session ();
  fixture->platform = cf_opencollective_platform_new (fixture->session,
                                                      cf_fake_opencollective_get_api_url (fixture->fake),
                                                      cf_fake_opencollective_get_website_url (fixture->fake));
  fixture->results = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->results, g_ptr_array_unref);
  g_clear_object (&fixture->platform);
  g_clear_object (&fixture->session);
  cf_fake_opencollective_free (fixture->fake);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->results, g_object_ref (result));
}

/* Waits until @n results more than now have come, and returns the first of them. */
static GAsyncResult *
wait_for_results (Fixture *fixture,
                  guint    n)
{
  guint first = fixture->results->len;

  while (fixture->results->len < first + n)
    g_main_context_iteration (NULL, TRUE);
  return fixture->results->pdata[first];
}

static CfPlatform *
platform_of (Fixture *fixture)
{
  return CF_PLATFORM (fixture->platform);
}

static CfPage *
search (Fixture    *fixture,
        const char *words)
{
  CfCampaignQuery query = { .search = words, .filter = CF_CAMPAIGN_FILTER_LIVE, .sort = CF_CAMPAIGN_SORT_POPULAR };
  g_autoptr(GError) error = NULL;
  CfPage *page;

  cf_platform_list_campaigns_async (platform_of (fixture), &query, NULL, NULL, done_cb, fixture);
  page = cf_platform_list_finish (platform_of (fixture), wait_for_results (fixture, 1), &error);
  g_assert_no_error (error);
  return page;
}

static gpointer
item_at (CfPage *page,
         guint   position)
{
  return g_list_model_get_item (cf_page_get_items (page), position);
}

static void
sign_in (Fixture    *fixture,
         const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCredentials) credentials = NULL;

  cf_platform_sign_in_async (platform_of (fixture), "camille-martin", token, NULL, done_cb, fixture);
  credentials = cf_platform_sign_in_finish (platform_of (fixture), wait_for_results (fixture, 1), &error);
  g_assert_no_error (error);
  cf_platform_set_credentials (platform_of (fixture), credentials);
}

static void
test_browse (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CfPage) page = search (fixture, "tidepool");
  g_autoptr(CfCampaign) editor = item_at (page, 0);
  g_autoptr(CfCampaign) fireworks = item_at (page, 1);
  g_autoptr(CfCampaign) docs = item_at (page, 2);
  g_autofree char *url = g_strconcat (cf_fake_opencollective_get_website_url (fixture->fake), "tidepool-editor", NULL);

  g_assert_cmpstr (cf_fake_opencollective_get_last_search (fixture->fake), ==, "tidepool");
  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (page)), ==, 3);
  g_assert_null (cf_page_get_next_cursor (page));

  /* Its balance (3,400.25) passed its first goal ($2,000): the next is a
   * yearly budget of $20,000, of which it has $8,400. */
  g_assert_cmpstr (cf_campaign_get_title (editor), ==, "Tidepool Editor");
  g_assert_cmpstr (cf_campaign_get_id (editor), ==, "tidepool-editor");
  g_assert_true (cf_campaign_has_goal (editor));
  g_assert_cmpint (cf_campaign_get_goal_basis (editor), ==, CF_GOAL_BASIS_YEARLY_BUDGET);
  g_assert_cmpint (cf_campaign_get_goal (editor)->amount, ==, 2000000);
  g_assert_cmpint (cf_campaign_get_pledged (editor)->amount, ==, 840000);
  g_assert_cmpstr (cf_campaign_get_pledged (editor)->currency, ==, "USD");
  g_assert_cmpint (cf_campaign_get_received (editor)->amount, ==, 4126750);
  g_assert_cmpfloat_with_epsilon (cf_campaign_get_progress (editor, TRUE), 0.42, 1e-9);
  g_assert_cmpint (cf_campaign_get_backers_count (editor), ==, 312);
  g_assert_null (cf_campaign_get_deadline (editor));
  g_assert_cmpint (cf_campaign_get_state (editor), ==, CF_CAMPAIGN_STATE_LIVE);
  g_assert_cmpstr (cf_campaign_get_url (editor), ==, url);
  g_assert_true (g_str_has_suffix (cf_campaign_get_image_url (editor), "/images/tidepool-editor/4b1f0a2c/logo/400.png"));

  /* No goal: no progress, only what it received; yen counted in
   * hundredths by Open Collective, in yen here. */
  g_assert_false (cf_campaign_has_goal (fireworks));
  g_assert_cmpint (cf_campaign_get_pledged (fireworks)->amount, ==, 1250000);
  g_assert_cmpstr (cf_campaign_get_pledged (fireworks)->currency, ==, "JPY");
  g_assert_cmpfloat (cf_campaign_get_progress (fireworks, TRUE), ==, 0.0);

  /* A project is its parent collective's. */
  g_assert_cmpstr (cf_campaign_get_creator_name (docs), ==, "Tidepool Editor");
  g_assert_cmpstr (cf_campaign_get_creator_name (editor), ==, "Tidepool Editor");
}

/* A collective's page, tiers, updates and figures come from one request,
 * and are not asked again while Open Collective would answer the same. */
static void
test_collective_in_one_request (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = NULL;
  g_autoptr(CfPage) tiers = NULL;
  g_autoptr(CfPage) updates = NULL;
  g_autoptr(CfStats) stats = NULL;
  g_autoptr(CfReward) backer = NULL;
  g_autoptr(CfReward) sponsor = NULL;
  g_autoptr(CfReward) yearly = NULL;
  g_autoptr(CfReward) donation = NULL;
  g_autoptr(CfUpdate) latest = NULL;
  g_autoptr(CfUpdate) private = NULL;
  GAsyncResult *first;

  cf_platform_get_campaign_async (platform_of (fixture), "tidepool-editor", NULL, done_cb, fixture);
  cf_platform_list_rewards_async (platform_of (fixture), "tidepool-editor", NULL, done_cb, fixture);
  cf_platform_list_updates_async (platform_of (fixture), "tidepool-editor", NULL, NULL, done_cb, fixture);
  first = wait_for_results (fixture, 3);
  campaign = cf_platform_get_campaign_finish (platform_of (fixture), first, &error);
  g_assert_no_error (error);
  tiers = cf_platform_list_finish (platform_of (fixture), fixture->results->pdata[1], &error);
  g_assert_no_error (error);
  updates = cf_platform_list_finish (platform_of (fixture), fixture->results->pdata[2], &error);
  g_assert_no_error (error);
  cf_platform_get_stats_async (platform_of (fixture), "tidepool-editor", NULL, done_cb, fixture);
  stats = cf_platform_get_stats_finish (platform_of (fixture), wait_for_results (fixture, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_fake_opencollective_count (fixture->fake, "Collective"), ==, 1);

  g_assert_cmpstr (cf_campaign_get_description (campaign), ==,
                   "Tidepool is written by four maintainers in their spare time.\n"
                   "Your contributions pay for the build servers & a yearly sprint.");
  g_assert_cmpint (cf_campaign_get_rewards_count (campaign), ==, 4);
  g_assert_cmpint (cf_campaign_get_updates_count (campaign), ==, 3);
  g_assert_cmpint (cf_campaign_get_monthly_income (campaign)->amount, ==, 143400);
  g_assert_cmpint (cf_stats_get_pledged (stats)->amount, ==, 840000);
  g_assert_cmpint (cf_stats_get_backers_count (stats), ==, 312);

  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (tiers)), ==, 4);
  backer = item_at (tiers, 0);
  g_assert_cmpstr (cf_reward_get_title (backer), ==, "Backer");
  g_assert_cmpint (cf_reward_get_minimum (backer)->amount, ==, 500);
  g_assert_true (cf_reward_get_fixed_amount (backer));
  g_assert_cmpint (cf_reward_get_frequency (backer), ==, CF_PLEDGE_FREQUENCY_MONTHLY);
  g_assert_cmpint (cf_reward_get_limit (backer), <, 0);
  g_assert_cmpint (cf_reward_get_backers_count (backer), ==, 241);
  g_assert_true (cf_reward_get_available (backer));
  sponsor = item_at (tiers, 1);
  g_assert_false (cf_reward_get_fixed_amount (sponsor));
  g_assert_cmpint (cf_reward_get_minimum (sponsor)->amount, ==, 10000);
  g_assert_cmpint (cf_reward_get_limit (sponsor), ==, 10);
  g_assert_cmpint (cf_reward_get_remaining (sponsor), ==, 0);
  g_assert_false (cf_reward_get_available (sponsor));
  yearly = item_at (tiers, 2);
  g_assert_cmpint (cf_reward_get_frequency (yearly), ==, CF_PLEDGE_FREQUENCY_YEARLY);
  g_assert_nonnull (cf_reward_get_ends_at (yearly));
  g_assert_cmpint (cf_reward_get_remaining (yearly), ==, 58);
  /* The contributor chooses how often: a minimum, given once here. */
  donation = item_at (tiers, 3);
  g_assert_cmpint (cf_reward_get_frequency (donation), ==, CF_PLEDGE_FREQUENCY_ONCE);
  g_assert_cmpint (cf_reward_get_minimum (donation)->amount, ==, 100);
  g_assert_cmpstr (cf_reward_get_description (donation), ==, "");

  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (updates)), ==, 3);
  latest = item_at (updates, 0);
  g_assert_cmpint (cf_update_get_number (latest), ==, 3);
  g_assert_cmpstr (cf_update_get_title (latest), ==, "Tidepool 2.0 is out");
  private = item_at (updates, 1);
  g_assert_true (cf_update_get_backers_only (private));
  g_assert_null (cf_update_get_body (private));

  /* Read again, the page is the answer kept. */
  cf_platform_get_campaign_async (platform_of (fixture), "tidepool-editor", NULL, done_cb, fixture);
  g_clear_object (&campaign);
  campaign = cf_platform_get_campaign_finish (platform_of (fixture), wait_for_results (fixture, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cf_fake_opencollective_count (fixture->fake, "Collective"), ==, 1);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  cf_platform_get_campaign_async (platform_of (fixture), "no-such-collective", NULL, done_cb, fixture);
  g_assert_null (cf_platform_get_campaign_finish (platform_of (fixture), wait_for_results (fixture, 1), &error));
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_NOT_FOUND);
}

/* A 429's Retry-After of 0.35 s is waited out, and the request answered. */
static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CfPage) page = NULL;

  cf_fake_opencollective_set_next_mood (fixture->fake, CF_FAKE_OPENCOLLECTIVE_RATE_LIMITED);
  page = search (fixture, "fireworks");
  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (page)), ==, 3);
  g_assert_cmpuint (cf_fake_opencollective_count_refused (fixture->fake), ==, 1);
  g_assert_cmpuint (cf_fake_opencollective_count (fixture->fake, "SearchAccounts"), ==, 2);
}

/* Once the minute's requests are spent, the next wait for a new minute
 * instead of being refused. */
static void
test_paced_by_the_minute (Fixture       *fixture,
                          gconstpointer  data)
{
  cf_fake_opencollective_set_minute_length (fixture->fake, 2);
  for (guint i = 0; i < 13; i++)
    {
      g_autofree char *words = g_strdup_printf ("search %u", i);
      g_autoptr(CfPage) page = search (fixture, words);

      g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (page)), ==, 3);
    }
  g_assert_cmpuint (cf_fake_opencollective_count (fixture->fake, "SearchAccounts"), ==, 13);
  g_assert_cmpuint (cf_fake_opencollective_count_refused (fixture->fake), ==, 0);
}

/* A challenge page for browsers is told as such, not read as an answer. */
static void
test_bot_wall (Fixture       *fixture,
               gconstpointer  data)
{
  CfCampaignQuery query = { .search = "tidepool" };
  g_autoptr(GError) error = NULL;

  cf_fake_opencollective_set_next_mood (fixture->fake, CF_FAKE_OPENCOLLECTIVE_BOT_WALL);
  cf_platform_list_campaigns_async (platform_of (fixture), &query, NULL, NULL, done_cb, fixture);
  g_assert_null (cf_platform_list_finish (platform_of (fixture), wait_for_results (fixture, 1), &error));
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_BLOCKED);
  g_assert_cmpuint (cf_fake_opencollective_count (fixture->fake, "SearchAccounts"), ==, 1);
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct { const char *username; const char *token; } refused[] = {
    { "someone-else", CF_FAKE_OPENCOLLECTIVE_TOKEN },
    { "camille-martin", CF_FAKE_OPENCOLLECTIVE_EXPIRED_TOKEN },
    { "camille-martin", "not-a-token" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfUser) me = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) refusal = NULL;

      cf_platform_sign_in_async (platform_of (fixture), refused[i].username, refused[i].token, NULL, done_cb, fixture);
      g_assert_null (cf_platform_sign_in_finish (platform_of (fixture), wait_for_results (fixture, 1), &refusal));
      g_assert_error (refusal, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_API_KEY);
    }
  cf_platform_sign_in_async (platform_of (fixture), "camille-martin", "line\nbreak", NULL, done_cb, fixture);
  g_assert_null (cf_platform_sign_in_finish (platform_of (fixture), wait_for_results (fixture, 1), &error));
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_UNSENDABLE_TEXT);
  g_clear_error (&error);

  sign_in (fixture, CF_FAKE_OPENCOLLECTIVE_TOKEN);
  cf_platform_get_me_async (platform_of (fixture), NULL, done_cb, fixture);
  me = cf_platform_get_me_finish (platform_of (fixture), wait_for_results (fixture, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_user_get_name (me), ==, "Camille Martin");
  g_assert_cmpstr (cf_user_get_country (me), ==, "FR");
}

static CfPledge *
pledge_to (GListModel *pledges,
           const char *order_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (pledges); i++)
    {
      g_autoptr(CfPledge) pledge = g_list_model_get_item (pledges, i);

      if (g_str_equal (cf_pledge_get_id (pledge), order_id))
        return g_steal_pointer (&pledge);
    }
  g_error ("no pledge %s", order_id);
}

static void
test_contributions (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = NULL;
  g_autoptr(CfPledge) monthly = NULL;
  g_autoptr(CfPledge) paused = NULL;
  g_autoptr(CfPledge) failed = NULL;
  g_autoptr(CfPledge) once = NULL;
  g_autoptr(CfPledge) canceled = NULL;
  g_autofree char *manage = NULL;
  GListModel *pledges;

  sign_in (fixture, CF_FAKE_OPENCOLLECTIVE_TOKEN);
  cf_platform_list_pledges_async (platform_of (fixture), NULL, NULL, NULL, done_cb, fixture);
  page = cf_platform_list_finish (platform_of (fixture), wait_for_results (fixture, 1), &error);
  g_assert_no_error (error);
  pledges = cf_page_get_items (page);
  /* The sixth is to a collective the person may not see: its `toAccount`
   * is null beside an error, and it is left out; the rest are read. */
  g_assert_cmpuint (g_list_model_get_n_items (pledges), ==, 5);
  manage = g_strconcat (cf_fake_opencollective_get_website_url (fixture->fake), "camille-martin/manage-contributions",
                        NULL);

  monthly = pledge_to (pledges, "a0bk3yqe-rw9l5oxm-7g2pjvnd-z8e64lk1");
  g_assert_cmpstr (cf_pledge_get_campaign_title (monthly), ==, "Tidepool Editor");
  g_assert_cmpint (cf_pledge_get_frequency (monthly), ==, CF_PLEDGE_FREQUENCY_MONTHLY);
  g_assert_cmpint (cf_pledge_get_status (monthly), ==, CF_PLEDGE_STATUS_COLLECTED);
  g_assert_cmpint (cf_pledge_get_amount (monthly)->amount, ==, 500);
  g_assert_cmpstr (cf_pledge_get_reward_title (monthly), ==, "Backer");
  g_assert_nonnull (cf_pledge_get_next_charge_at (monthly));
  g_assert_cmpint (g_date_time_get_year (cf_pledge_get_next_charge_at (monthly)), ==, 2027);
  g_assert_null (cf_pledge_get_campaign_deadline (monthly));
  g_assert_cmpstr (cf_pledge_get_url (monthly), ==, manage);
  /* Its card expires on 31 December, before the charge of 1 January. */
  g_assert_true (g_strv_contains (cf_pledge_get_actions (monthly), "update_payment"));

  paused = pledge_to (pledges, "k7wq2xez-9ob4mdy0-l3rv8gpn-e1a5jk6o");
  g_assert_cmpint (cf_pledge_get_status (paused), ==, CF_PLEDGE_STATUS_PAUSED);
  g_assert_cmpint (cf_pledge_get_amount (paused)->amount, ==, 1000);
  g_assert_cmpstr (cf_pledge_get_amount (paused)->currency, ==, "JPY");
  g_assert_null (cf_pledge_get_next_charge_at (paused));

  failed = pledge_to (pledges, "z2yo8mkv-e4p0lqxa-9wnj3bgd-r6k17eo5");
  g_assert_cmpint (cf_pledge_get_status (failed), ==, CF_PLEDGE_STATUS_ERRORED);
  g_assert_cmpstr (cf_pledge_get_platform_status (failed), ==, "ERROR");
  g_assert_nonnull (cf_pledge_get_status_detail (failed));
  g_assert_cmpstr (cf_pledge_get_url (failed), ==, manage);
  g_assert_true (g_strv_contains (cf_pledge_get_actions (failed), "fix_payment"));
  g_assert_false (g_strv_contains (cf_pledge_get_actions (paused), "update_payment"));

  once = pledge_to (pledges, "n9ep4vlo-x1kz7mwa-3gdy0rbq-o5j82ek6");
  g_assert_cmpint (cf_pledge_get_frequency (once), ==, CF_PLEDGE_FREQUENCY_ONCE);
  g_assert_cmpint (cf_pledge_get_status (once), ==, CF_PLEDGE_STATUS_COLLECTED);
  g_assert_null (cf_pledge_get_reward_id (once));
  g_assert_true (g_str_has_suffix (cf_pledge_get_url (once), "/tidepool-editor"));

  canceled = pledge_to (pledges, "r4ma1kzx-o8q2ynve-6lp9dg0j-b3e57wko");
  g_assert_cmpint (cf_pledge_get_status (canceled), ==, CF_PLEDGE_STATUS_CANCELED);
  g_assert_cmpint (cf_pledge_get_frequency (canceled), ==, CF_PLEDGE_FREQUENCY_YEARLY);
}

static void
credentials_changed_cb (CfPlatform *platform,
                        gboolean   *changed)
{
  *changed = TRUE;
}

/* A token that expired ends the session: the person signs in again. */
static void
test_expired_token (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string ("{\"access_token\": \"" CF_FAKE_OPENCOLLECTIVE_EXPIRED_TOKEN "\", "
                                               "\"token_type\": \"Personal-Token\", \"expires_in\": 0}", NULL);
  g_autoptr(CfCredentials) expired = cf_credentials_new_from_json (root, NULL);
  g_autoptr(CfCredentials) left = NULL;
  gboolean changed = FALSE;

  cf_platform_set_credentials (platform_of (fixture), expired);
  g_signal_connect (fixture->platform, "credentials-changed", G_CALLBACK (credentials_changed_cb), &changed);
  cf_platform_list_pledges_async (platform_of (fixture), NULL, NULL, NULL, done_cb, fixture);
  g_assert_null (cf_platform_list_finish (platform_of (fixture), wait_for_results (fixture, 1), &error));
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_UNAUTHORIZED);
  g_assert_true (changed);
  left = cf_platform_dup_credentials (platform_of (fixture));
  g_assert_null (left);
}

static void
test_administered (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) collectives = NULL;
  g_autoptr(CfPage) incoming = NULL;
  g_autoptr(CfCampaign) editor = NULL;
  g_autoptr(CfPledge) newest = NULL;
  g_autoptr(CfPledge) sponsor = NULL;

  sign_in (fixture, CF_FAKE_OPENCOLLECTIVE_TOKEN);
  cf_platform_list_my_campaigns_async (platform_of (fixture), NULL, NULL, done_cb, fixture);
  collectives = cf_platform_list_finish (platform_of (fixture), wait_for_results (fixture, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (collectives)), ==, 1);
  editor = item_at (collectives, 0);
  g_assert_cmpstr (cf_campaign_get_id (editor), ==, "tidepool-editor");
  g_assert_cmpint (cf_campaign_get_monthly_income (editor)->amount, ==, 143400);

  cf_platform_list_backers_async (platform_of (fixture), "tidepool-editor", TRUE, NULL, NULL, done_cb, fixture);
  incoming = cf_platform_list_finish (platform_of (fixture), wait_for_results (fixture, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cf_page_get_items (incoming)), ==, 5);
  /* Newest first; an incognito contributor stays unnamed. */
  newest = item_at (incoming, 0);
  g_assert_null (cf_pledge_get_backer_name (newest));
  g_assert_cmpstr (cf_pledge_get_reward_title (newest), ==, "Backer");
  g_assert_cmpstr (cf_pledge_get_campaign_title (newest), ==, "Tidepool Editor");
  sponsor = item_at (incoming, 1);
  g_assert_cmpstr (cf_pledge_get_backer_name (sponsor), ==, "Northwind Traders");
  g_assert_cmpint (cf_pledge_get_amount (sponsor)->amount, ==, 15000);
  g_assert_cmpint (cf_pledge_get_frequency (sponsor), ==, CF_PLEDGE_FREQUENCY_MONTHLY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/opencollective/browse", Fixture, NULL, fixture_set_up, test_browse, fixture_tear_down);
  g_test_add ("/opencollective/collective-in-one-request", Fixture, NULL, fixture_set_up,
              test_collective_in_one_request, fixture_tear_down);
  g_test_add ("/opencollective/not-found", Fixture, NULL, fixture_set_up, test_not_found, fixture_tear_down);
  g_test_add ("/opencollective/rate-limited", Fixture, NULL, fixture_set_up, test_rate_limited, fixture_tear_down);
  g_test_add ("/opencollective/paced-by-the-minute", Fixture, NULL, fixture_set_up, test_paced_by_the_minute,
              fixture_tear_down);
  g_test_add ("/opencollective/bot-wall", Fixture, NULL, fixture_set_up, test_bot_wall, fixture_tear_down);
  g_test_add ("/opencollective/sign-in", Fixture, NULL, fixture_set_up, test_sign_in, fixture_tear_down);
  g_test_add ("/opencollective/contributions", Fixture, NULL, fixture_set_up, test_contributions, fixture_tear_down);
  g_test_add ("/opencollective/expired-token", Fixture, NULL, fixture_set_up, test_expired_token, fixture_tear_down);
  g_test_add ("/opencollective/administered", Fixture, NULL, fixture_set_up, test_administered, fixture_tear_down);

  return g_test_run ();
}
