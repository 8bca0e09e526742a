/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cf-fake-kickstarter.h"
#include "cf-http-client.h"
#include "cf-test-home.h"
#include "cf-kept-platform.h"

/* What a person keeps on this computer: campaigns followed by address on
 * any website, Kickstarter's public figures read at a pace and across
 * restarts, and pledges kept by hand through their delivery, exported,
 * imported, and a damaged file that loses nothing. */

#define KICKSTARTER_PAGE "projects/blackmatter/hell-let-loose"

typedef struct
{
  CfFakeKickstarter *fake;
  SoupSession *session;
  char *folder;
  char *path;
  CfKeptPlatform *platform;
} Fixture;

static CfKeptPlatform *
open_platform (Fixture    *fixture,
               const char *path)
{
  return cf_kept_platform_new (fixture->session, path, cf_fake_kickstarter_get_url (fixture->fake), 1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->fake = cf_fake_kickstarter_new ();
  fixture->session = cf_http_client_new_session ();
  fixture->folder = g_dir_make_tmp ("crowdfund-kept-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->folder, "kept.json", NULL);
  fixture->platform = open_platform (fixture, fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->platform);
  g_clear_object (&fixture->session);
  cf_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
  cf_fake_kickstarter_free (fixture->fake);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static GListModel *
following (CfKeptPlatform *platform)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = NULL;

  cf_platform_list_following_async (CF_PLATFORM (platform), NULL, NULL, done_cb, &result);
  page = cf_platform_list_finish (CF_PLATFORM (platform), wait_for (&result), &error);
  g_assert_no_error (error);
  return g_object_ref (cf_page_get_items (page));
}

static GListModel *
pledges (CfKeptPlatform *platform,
         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CfPage) page = NULL;

  cf_platform_list_pledges_async (CF_PLATFORM (platform), NULL, NULL, NULL, done_cb, &result);
  page = cf_platform_list_finish (CF_PLATFORM (platform), wait_for (&result), error);
  return page ? g_object_ref (cf_page_get_items (page)) : NULL;
}

static CfCampaign *
campaign (CfKeptPlatform *platform,
          const char     *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CfCampaign *found;

  cf_platform_get_campaign_async (CF_PLATFORM (platform), id, NULL, done_cb, &result);
  found = cf_platform_get_campaign_finish (CF_PLATFORM (platform), wait_for (&result), &error);
  g_assert_no_error (error);
  return found;
}

static CfStats *
stats (CfKeptPlatform *platform,
       const char     *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CfStats *found;

  cf_platform_get_stats_async (CF_PLATFORM (platform), id, NULL, done_cb, &result);
  found = cf_platform_get_stats_finish (CF_PLATFORM (platform), wait_for (&result), &error);
  g_assert_no_error (error);
  return found;
}

static GListModel *
my_campaigns (CfKeptPlatform *platform)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = NULL;

  cf_platform_list_my_campaigns_async (CF_PLATFORM (platform), NULL, NULL, done_cb, &result);
  page = cf_platform_list_finish (CF_PLATFORM (platform), wait_for (&result), &error);
  g_assert_no_error (error);
  return g_object_ref (cf_page_get_items (page));
}

static void
goal_passed_cb (CfKeptPlatform *platform,
                const char     *title,
                const CfMoney  *goal,
                gboolean        stretch,
                GPtrArray      *passed)
{
  g_ptr_array_add (passed, g_strdup_printf ("%s %" G_GINT64_FORMAT " %s %s", title, goal->amount, goal->currency,
                                            stretch ? "stretch goal" : "goal"));
}

static char *
kickstarter_address (Fixture *fixture)
{
  return g_strconcat (cf_fake_kickstarter_get_url (fixture->fake), KICKSTARTER_PAGE, NULL);
}

static char *
follow_kickstarter (Fixture *fixture)
{
  g_autofree char *address = kickstarter_address (fixture);
  g_autoptr(GError) error = NULL;
  CfMoney goal = { 10000000, "USD" };
  const CfMoney stretch_goals[] = { { 20000000, "USD" }, { 15000000, "USD" } };
  g_autoptr(GDateTime) deadline = g_date_time_new_utc (2027, 1, 31, 23, 59, 0);
  CfKeptFollow follow = {
    .address = address, .title = NULL, .live_figures = TRUE, .currency = "USD", .goal = &goal,
    .deadline = deadline, .stretch_goals = stretch_goals, .n_stretch_goals = 2, .mine = TRUE,
  };
  char *id = cf_kept_platform_follow (fixture->platform, &follow, &error);

  g_assert_no_error (error);
  return id;
}

static void
wait_for_requests (Fixture *fixture,
                   guint    n)
{
  while (cf_fake_kickstarter_count (fixture->fake) < n)
    g_main_context_iteration (NULL, TRUE);
}

static void
changed_cb (CfKeptPlatform *platform,
            guint          *changes)
{
  (*changes)++;
}

/* Waits for what is kept to change @n times more. */
static void
wait_for_changes (Fixture *fixture,
                  guint    n)
{
  guint changes = 0;
  gulong handler = g_signal_connect (fixture->platform, "changed", G_CALLBACK (changed_cb), &changes);

  while (changes < n)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (fixture->platform, handler);
}

static void
test_follow_any_address (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CfKeptFollow follow = { .address = "https://www.indiegogo.com/projects/tiny-loom-for-weavers#/" };
  g_autofree char *id = cf_kept_platform_follow (fixture->platform, &follow, &error);
  g_autoptr(GListModel) followed = NULL;
  g_autoptr(CfCampaign) found = NULL;

  g_assert_no_error (error);
  g_assert_false (cf_kept_platform_reads_figures_of (fixture->platform, follow.address));
  followed = following (fixture->platform);
  g_assert_cmpuint (g_list_model_get_n_items (followed), ==, 1);
  found = g_list_model_get_item (followed, 0);
  g_assert_cmpstr (cf_campaign_get_id (found), ==, id);
  g_assert_cmpstr (cf_campaign_get_title (found), ==, "Tiny Loom For Weavers");
  g_assert_cmpstr (cf_campaign_get_creator_name (found), ==, "Indiegogo");
  g_assert_cmpstr (cf_campaign_get_url (found), ==, follow.address);
  g_assert_true (cf_campaign_get_figures_unknown (found));
  g_assert_true (cf_campaign_get_following (found));
  /* Kickstarter is asked nothing for an address that is not its. */
  g_assert_cmpuint (cf_fake_kickstarter_count (fixture->fake), ==, 0);

  /* Followed again by the same address: one campaign, renamed. */
  follow.title = "Tiny Loom";
  g_free (cf_kept_platform_follow (fixture->platform, &follow, &error));
  g_clear_object (&followed);
  followed = following (fixture->platform);
  g_assert_cmpuint (g_list_model_get_n_items (followed), ==, 1);
}

static void
test_kickstarter_figures (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *address = kickstarter_address (fixture);
  g_autofree char *id = NULL;
  g_autoptr(CfCampaign) live = NULL;
  g_autoptr(CfCampaign) ended = NULL;
  g_autoptr(CfStats) curve = NULL;
  g_autoptr(CfKeptPlatform) reopened = NULL;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(GPtrArray) passed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) deadline = g_date_time_new_utc (2027, 1, 31, 23, 59, 0);

  g_assert_true (cf_kept_platform_reads_figures_of (fixture->platform, address));
  id = follow_kickstarter (fixture);
  wait_for_changes (fixture, 1);
  g_assert_cmpuint (cf_fake_kickstarter_count (fixture->fake), ==, 1);
  live = campaign (fixture->platform, id);
  g_assert_cmpstr (cf_campaign_get_title (live), ==, "Hell Let Loose");
  g_assert_cmpstr (cf_campaign_get_creator_name (live), ==, "127.0.0.1");
  g_assert_false (cf_campaign_get_figures_unknown (live));
  g_assert_cmpint (cf_campaign_get_pledged (live)->amount, ==, 6423400);
  g_assert_cmpstr (cf_campaign_get_pledged (live)->currency, ==, "USD");
  g_assert_cmpint (cf_campaign_get_goal (live)->amount, ==, 10000000);
  g_assert_cmpint (cf_campaign_get_backers_count (live), ==, 1012);
  g_assert_cmpint (cf_campaign_get_state (live), ==, CF_CAMPAIGN_STATE_LIVE);
  g_assert_true (g_date_time_equal (cf_campaign_get_deadline (live), deadline));
  /* Below the goal, no stretch goal is next. */
  g_assert_null (cf_campaign_get_next_goal (live));
  /* The creator's own launch. */
  mine = my_campaigns (fixture->platform);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 1);

  /* The campaign ends funded: the next read says so, and the goal passed. */
  g_signal_connect (fixture->platform, "goal-passed", G_CALLBACK (goal_passed_cb), passed);
  cf_fake_kickstarter_set_mood (fixture->fake, CF_FAKE_KICKSTARTER_SUCCESSFUL);
  wait_for_changes (fixture, 1);
  g_assert_cmpuint (passed->len, ==, 1);
  g_assert_cmpstr (passed->pdata[0], ==, "Hell Let Loose 10000000 USD goal");
  ended = campaign (fixture->platform, id);
  /* The smallest stretch goal not reached is next. */
  g_assert_cmpint (cf_campaign_get_next_goal (ended)->amount, ==, 15000000);
  g_assert_cmpint (cf_campaign_get_state (ended), ==, CF_CAMPAIGN_STATE_SUCCESSFUL);
  g_assert_cmpint (cf_campaign_get_pledged (ended)->amount, ==, 10125050);
  g_assert_cmpint (cf_campaign_get_backers_count (ended), ==, 1530);
  /* Reads are apart by the pace, never faster. */
  g_assert_cmpint (cf_fake_kickstarter_get_request_time (fixture->fake, 1) -
                   cf_fake_kickstarter_get_request_time (fixture->fake, 0), >=, G_USEC_PER_SEC);

  /* The curve is drawn from what was kept, after a restart too. */
  g_clear_object (&fixture->platform);
  reopened = cf_kept_platform_new (fixture->session, fixture->path, "http://127.0.0.1:9/", 3600);
  curve = stats (reopened, id);
  g_assert_cmpuint (g_list_model_get_n_items (cf_stats_get_funding (curve)), ==, 2);
  g_assert_cmpint (cf_stats_get_pledged (curve)->amount, ==, 10125050);
}

static void
test_kickstarter_refusals (Fixture       *fixture,
                           gconstpointer  data)
{
  const CfFakeKickstarterMood refusals[] = {
    CF_FAKE_KICKSTARTER_CHALLENGE, CF_FAKE_KICKSTARTER_RATE_LIMITED, CF_FAKE_KICKSTARTER_UNAVAILABLE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%u", fixture->path, i);
      g_autoptr(CfKeptPlatform) platform = open_platform (fixture, path);
      g_autofree char *address = kickstarter_address (fixture);
      CfKeptFollow follow = { .address = address, .live_figures = TRUE, .currency = "EUR" };
      guint asked = cf_fake_kickstarter_count (fixture->fake);
      g_autofree char *id = NULL;
      g_autoptr(CfCampaign) refused = NULL;
      guint changes = 0;

      cf_fake_kickstarter_set_mood (fixture->fake, refusals[i]);
      g_signal_connect (platform, "changed", G_CALLBACK (changed_cb), &changes);
      id = cf_kept_platform_follow (platform, &follow, NULL);
      while (changes < 2)
        g_main_context_iteration (NULL, TRUE);
      refused = campaign (platform, id);
      g_assert_nonnull (strstr (cf_campaign_get_blurb (refused), "Kickstarter did not answer this app"));
      g_assert_true (cf_campaign_get_figures_unknown (refused));
      /* Not asked again in this run: another campaign's reads pass by
       * several times while this one stays refused. */
      cf_fake_kickstarter_set_mood (fixture->fake, CF_FAKE_KICKSTARTER_LIVE);
      g_assert_cmpuint (cf_fake_kickstarter_count (fixture->fake), ==, asked + 1);
      g_unlink (path);
    }
}

static void
test_kickstarter_backs_off (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *id = NULL;
  gint64 first_gap;
  gint64 second_gap;

  cf_fake_kickstarter_set_mood (fixture->fake, CF_FAKE_KICKSTARTER_FAILING);
  id = follow_kickstarter (fixture);
  wait_for_requests (fixture, 3);
  first_gap = cf_fake_kickstarter_get_request_time (fixture->fake, 1) - cf_fake_kickstarter_get_request_time (fixture->fake, 0);
  second_gap = cf_fake_kickstarter_get_request_time (fixture->fake, 2) - cf_fake_kickstarter_get_request_time (fixture->fake, 1);
  /* Twice the pace after one failure, four times after two. */
  g_assert_cmpint (first_gap, >=, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (second_gap, >=, 4 * G_USEC_PER_SEC);
  cf_fake_kickstarter_set_mood (fixture->fake, CF_FAKE_KICKSTARTER_LIVE);
  wait_for_changes (fixture, 1);
}

static char *
add_pledge (CfKeptPlatform *platform,
            const char     *estimated_delivery)
{
  g_autoptr(GError) error = NULL;
  CfKeptPledge pledge = {
    .address = "https://www.kickstarter.com/projects/stonemaier/wyrmspan",
    .title = "Wyrmspan",
    .amount = { 7900, "USD" },
    .reward = "Dragon's Hoard",
    .estimated_delivery = estimated_delivery,
    .backer_number = 20311,
    .note = "Paid with the blue card",
  };
  char *id = cf_kept_platform_add_pledge (platform, &pledge, &error);

  g_assert_no_error (error);
  return id;
}

static CfPledge *
change (CfKeptPlatform       *platform,
        const char           *id,
        const CfPledgeChange *pledge_change)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CfPledge *changed;

  cf_platform_change_pledge_async (CF_PLATFORM (platform), id, pledge_change, NULL, done_cb, &result);
  changed = cf_platform_change_pledge_finish (CF_PLATFORM (platform), wait_for (&result), &error);
  g_assert_no_error (error);
  return changed;
}

static void
test_pledges_by_hand (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *due = add_pledge (fixture->platform, "2027-09");
  g_autofree char *late = add_pledge (fixture->platform, "2024-03");
  g_autoptr(GListModel) kept = pledges (fixture->platform, NULL);
  g_autoptr(CfPledge) first = g_list_model_get_item (kept, 0);
  g_autoptr(CfPledge) second = g_list_model_get_item (kept, 1);
  g_autoptr(CfPledge) answered = NULL;
  g_autoptr(CfPledge) shipped = NULL;
  g_autoptr(CfPledge) received = NULL;
  g_autoptr(CfPledge) refunded = NULL;
  g_autoptr(GListModel) followed = following (fixture->platform);
  CfPledgeChange survey = { .fields = CF_PLEDGE_CHANGE_DELIVERY, .delivery_step = CF_DELIVERY_STEP_SURVEY_ANSWERED };
  CfPledgeChange ship = {
    .fields = CF_PLEDGE_CHANGE_DELIVERY, .delivery_step = CF_DELIVERY_STEP_SHIPPED,
    .carrier = "UPS", .tracking_number = "1Z999AA10123456784",
    .tracking_url = "https://www.ups.com/track?tracknum=1Z999AA10123456784",
  };
  CfPledgeChange arrive = { .fields = CF_PLEDGE_CHANGE_RECEIVED, .received = TRUE };
  CfPledgeChange refund = { .fields = CF_PLEDGE_CHANGE_DELIVERY, .delivery_step = CF_DELIVERY_STEP_REFUNDED };

  g_assert_cmpuint (g_list_model_get_n_items (kept), ==, 2);
  /* A pledged campaign is not followed for it. */
  g_assert_cmpuint (g_list_model_get_n_items (followed), ==, 0);
  g_assert_true (cf_pledge_get_kept_by_hand (first));
  g_assert_cmpstr (cf_pledge_get_campaign_title (first), ==, "Wyrmspan");
  g_assert_cmpstr (cf_pledge_get_reward_title (first), ==, "Dragon's Hoard");
  g_assert_cmpint (cf_pledge_get_amount (first)->amount, ==, 7900);
  g_assert_cmpint (cf_pledge_get_sequence (first), ==, 20311);
  g_assert_cmpstr (cf_pledge_get_status_detail (first), ==, "Paid with the blue card");
  /* Kickstarter's own pages for a backing and a campaign's updates. */
  g_assert_cmpstr (cf_pledge_get_url (first), ==,
                   "https://www.kickstarter.com/projects/stonemaier/wyrmspan/backing/survey_responses");
  g_assert_cmpstr (cf_pledge_get_updates_url (first), ==, "https://www.kickstarter.com/projects/stonemaier/wyrmspan/posts");
  g_assert_cmpuint (g_strv_length ((GStrv) cf_pledge_get_actions (first)), ==, 0);
  /* Due in a month that has passed and not shipped: it needs the backer. */
  g_assert_true (g_strv_contains (cf_pledge_get_actions (second), "check_delivery"));
  g_assert_cmpint (cf_fulfillment_get_status (cf_pledge_get_fulfillment (second)), ==, CF_FULFILLMENT_STATUS_DELAYED);

  answered = change (fixture->platform, late, &survey);
  g_assert_true (g_strv_contains (cf_pledge_get_actions (answered), "check_delivery"));
  shipped = change (fixture->platform, late, &ship);
  g_assert_cmpint (cf_fulfillment_get_status (cf_pledge_get_fulfillment (shipped)), ==, CF_FULFILLMENT_STATUS_SHIPPED);
  g_assert_cmpstr (cf_fulfillment_get_carrier (cf_pledge_get_fulfillment (shipped)), ==, "UPS");
  g_assert_cmpstr (cf_fulfillment_get_tracking_number (cf_pledge_get_fulfillment (shipped)), ==, "1Z999AA10123456784");
  g_assert_cmpstr (cf_fulfillment_get_tracking_url (cf_pledge_get_fulfillment (shipped)), ==,
                   "https://www.ups.com/track?tracknum=1Z999AA10123456784");
  g_assert_cmpuint (g_strv_length ((GStrv) cf_pledge_get_actions (shipped)), ==, 0);
  g_assert_true (cf_pledge_can_be_received (shipped));
  received = change (fixture->platform, late, &arrive);
  g_assert_true (cf_pledge_get_received (received));
  refunded = change (fixture->platform, due, &refund);
  g_assert_cmpint (cf_pledge_get_status (refunded), ==, CF_PLEDGE_STATUS_REFUNDED);
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *exported = g_build_filename (fixture->folder, "moved.json", NULL);
  g_autofree char *elsewhere = g_build_filename (fixture->folder, "other-computer.json", NULL);
  g_autoptr(CfKeptPlatform) other = open_platform (fixture, elsewhere);
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;
  CfKeptFollow follow = { .address = "https://www.kisskissbankbank.com/en/projects/la-grange" };
  guint added = 0;

  g_free (add_pledge (fixture->platform, "2027-01"));
  g_free (cf_kept_platform_follow (fixture->platform, &follow, NULL));
  g_assert_true (cf_kept_platform_export (fixture->platform, exported, &error));
  g_assert_no_error (error);

  g_assert_true (cf_kept_platform_import (other, exported, &added, &error));
  g_assert_no_error (error);
  /* The pledge, its campaign, and the followed campaign. */
  g_assert_cmpuint (added, ==, 3);
  before = pledges (fixture->platform, NULL);
  after = pledges (other, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  g_clear_object (&after);
  after = following (other);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  /* Imported twice, nothing is doubled. */
  g_assert_true (cf_kept_platform_import (other, exported, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  /* A file that is not one is refused, and nothing changes. */
  g_assert_true (g_file_set_contents (exported, "{\"items\": []}", -1, NULL));
  g_assert_false (cf_kept_platform_import (other, exported, &added, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_object (&after);
  after = pledges (other, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
}

static void
test_damaged_file (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *damaged = "{\"format\": \"crowdfund-kept\", \"version\": 1, \"pledges\": [{\"id\": ";
  g_autofree char *aside = g_strconcat (fixture->path, ".damaged", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) kept = NULL;

  g_clear_object (&fixture->platform);
  g_assert_true (g_file_set_contents (fixture->path, damaged, -1, NULL));
  g_test_expect_message ("cf-kept-book", G_LOG_LEVEL_WARNING, "*kept.json*damaged*");
  fixture->platform = open_platform (fixture, fixture->path);
  g_test_assert_expected_messages ();

  kept = pledges (fixture->platform, &error);
  g_assert_null (kept);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "kept.json"));
  /* Reading it changed nothing. */
  g_assert_true (g_file_get_contents (fixture->path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, damaged);

  /* Keeping something new sets the damaged file aside, whole. */
  g_free (add_pledge (fixture->platform, NULL));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (aside, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, damaged);
  g_clear_error (&error);
  kept = pledges (fixture->platform, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kept), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/kept/follow-any-address", Fixture, NULL, fixture_set_up, test_follow_any_address, fixture_tear_down);
  g_test_add ("/kept/kickstarter-figures", Fixture, NULL, fixture_set_up, test_kickstarter_figures, fixture_tear_down);
  g_test_add ("/kept/kickstarter-refusals", Fixture, NULL, fixture_set_up, test_kickstarter_refusals, fixture_tear_down);
  g_test_add ("/kept/kickstarter-backs-off", Fixture, NULL, fixture_set_up, test_kickstarter_backs_off, fixture_tear_down);
  g_test_add ("/kept/pledges-by-hand", Fixture, NULL, fixture_set_up, test_pledges_by_hand, fixture_tear_down);
  g_test_add ("/kept/export-import", Fixture, NULL, fixture_set_up, test_export_import, fixture_tear_down);
  g_test_add ("/kept/damaged-file", Fixture, NULL, fixture_set_up, test_damaged_file, fixture_tear_down);

  return g_test_run ();
}
