/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cf-application.h"
#include "cf-dashboard-page.h"
#include "cf-format.h"
#include "cf-fulfillment-dialog.h"
#include "cf-funding-bar.h"
#include "cf-locale.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"

/* The creator dashboard in the running app against the reference platform:
 * figures that end exactly where the platform's do, however fast pledges
 * come and even when the platform restarts; fulfillment that reaches the
 * backers; backers exported to a file. */

static CfApplication *application;

typedef struct
{
  CfTestPlatform *platform;
  const char *campaign_id;
} Expected;

static gboolean
has_label (GtkWidget *root,
           gpointer   text)
{
  return cf_test_shows_label (root, text);
}

static gboolean
has_one_card (GtkWidget *root,
              gpointer   data)
{
  return cf_test_count_visible (root, g_type_from_name ("CfCampaignCard")) == 1;
}


static void
open_dashboard (GtkWidget  *window,
                const char *campaign_title)
{
  AdwViewStack *views = ADW_VIEW_STACK (cf_test_first_visible (window, ADW_TYPE_VIEW_STACK));
  AdwViewStackPage *page = adw_view_stack_get_page (views, adw_view_stack_get_child_by_name (views, "dashboard"));

  /* Only creators have a dashboard. */
  g_assert_false (adw_view_stack_page_get_visible (page));
  cf_ui_sign_in (window, "creator", "creator-pw", "Cleo Creator");
  cf_ui_open_dashboard_on (window, campaign_title);
}

static char *
server_figure (Expected   *expected,
               const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM campaigns WHERE id = %s", column, expected->campaign_id);

  return g_strdup_printf ("%" G_GINT64_FORMAT, cf_test_platform_query (expected->platform, sql));
}

/* The big figures read exactly what the platform holds. */
static gboolean
shows_server_totals (GtkWidget *window,
                     gpointer   data)
{
  Expected *expected = data;
  g_autofree char *backers = server_figure (expected, "backers_count");
  g_autofree char *pledged = server_figure (expected, "pledged");
  g_autofree char *locale = cf_locale_dup_default ();
  CfMoney money = { g_ascii_strtoll (pledged, NULL, 10), "EUR" };
  g_autofree char *pledged_text = cf_money_format (&money, locale);
  g_autofree char *backers_text = cf_format_count (g_ascii_strtoll (backers, NULL, 10), locale);

  return cf_ui_dashboard_of (window) != NULL &&
         cf_test_shows_label (cf_ui_dashboard_of (window), pledged_text) &&
         cf_test_shows_label (cf_ui_dashboard_of (window), backers_text);
}

/* The rewards list's last row: backers without a reward and what they
 * pledged, as the platform holds them, so that the rows add up. */
static gboolean
shows_no_reward_figures (GtkWidget *dashboard,
                         gpointer   data)
{
  Expected *expected = data;
  g_autofree char *where = g_strdup_printf ("campaign_id = %s AND reward_id IS NULL"
                                            " AND status IN ('pledged', 'collected', 'errored')",
                                            expected->campaign_id);
  g_autofree char *count_sql = g_strdup_printf ("SELECT COUNT(*) FROM pledges WHERE %s", where);
  g_autofree char *sum_sql = g_strdup_printf ("SELECT COALESCE (SUM (amount), 0) FROM pledges WHERE %s", where);
  g_autofree char *locale = cf_locale_dup_default ();
  CfMoney pledged = { cf_test_platform_query (expected->platform, sum_sql), "EUR" };
  g_autofree char *backers = cf_format_backers (cf_test_platform_query (expected->platform, count_sql), locale);
  g_autofree char *amount = cf_money_format (&pledged, locale);
  g_autofree char *text = g_strdup_printf ("%s · %s pledged", backers, amount);

  return cf_test_shows_label (dashboard, text);
}

static gint64
simulated (CfTestPlatform *platform)
{
  return cf_test_platform_query (platform, "SELECT COUNT(*) FROM users WHERE username LIKE 'simulated-%'");
}

static gboolean
simulation_ended (GtkWidget *window,
                  gpointer   data)
{
  return simulated (data) >= 400;
}

static void
watch_a_launch (gboolean restart_midway)
{
  g_autoptr(CfTestPlatform) platform = cf_test_platform_start ("seed.json",
                                                               "--simulate-pledges 150 --simulate-count 400");
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  Expected expected = { platform, "2" };
  g_autofree char *before = NULL;

  open_dashboard (window, "Ten left");
  before = server_figure (&expected, "backers_count");
  if (restart_midway)
    {
      while (simulated (platform) < 150)
        g_main_context_iteration (NULL, FALSE);
      cf_test_platform_restart (platform);
    }

  cf_test_wait_until (window, simulation_ended, platform, "the simulated launch to end");
  cf_test_wait_until (window, shows_server_totals, &expected, "the dashboard to show the platform's totals");
  /* Per-reward figures are read again once pledges have been quiet a while. */
  cf_test_wait_until (cf_ui_dashboard_of (window), (CfTestCondition) cf_test_shows_label, "Sold out",
                      "the sold-out reward to say so");
  cf_test_wait_until (cf_ui_dashboard_of (window), shows_no_reward_figures, &expected,
                      "the backers without a reward to be counted");
  g_assert_true (cf_test_shows_label (cf_ui_dashboard_of (window), "Live"));
  /* Pledges landed while watching, and are listed. */
  g_assert_cmpint (g_ascii_strtoll (before, NULL, 10), <,
                   g_ascii_strtoll (server_figure (&expected, "backers_count"), NULL, 10));
  g_assert_true (cf_test_shows_label (cf_ui_dashboard_of (window), "Ten places") ||
                 cf_test_shows_label (cf_ui_dashboard_of (window), "No reward"));
  cf_test_render_to_png (window, restart_midway ? "dashboard-after-restart" : "dashboard");
  if (!restart_midway)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      cf_test_render_to_png (window, "dashboard-dark");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      /* GTK 4.8's revealers open to a negative height without animations. */
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
      cf_test_render_to_png (window, "dashboard-narrow");
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_live_totals (void)
{
  watch_a_launch (FALSE);
}

static void
test_platform_restarted (void)
{
  watch_a_launch (TRUE);
}

static gboolean
chart_drawn (GtkWidget *dashboard,
             gpointer   data)
{
  return cf_test_count_visible (dashboard, g_type_from_name ("CfFundingChart")) == 1;
}

/* Until the platform tells how funding went, the chart's place says it is
 * loading, not a blank box; the chart comes once the platform answers. */
static void
test_chart_loading (void)
{
  g_autoptr(CfTestPlatform) platform = cf_test_platform_start ("seed.json", NULL);
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *dashboard;
  GtkWidget *stack;

  open_dashboard (window, "Alpha board game");
  dashboard = cf_ui_dashboard_of (window);
  cf_test_wait_until (dashboard, chart_drawn, NULL, "the first campaign's chart");
  stack = gtk_widget_get_parent (cf_test_first_visible (dashboard, g_type_from_name ("CfFundingChart")));

  cf_test_platform_stop (platform);
  cf_ui_open_dashboard_on (window, "Ten left");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "loading");
  g_assert_true (cf_test_shows_label (stack, "Loading funding history…"));
  cf_test_render_to_png (window, "dashboard-chart-loading");

  cf_test_platform_restart (platform);
  gtk_widget_activate_action (window, "win.reload", NULL);
  cf_test_wait_until (dashboard, chart_drawn, NULL, "the chart once the platform answers");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "chart");
  cf_ui_sign_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
dialog_open (GtkWidget *root,
             gpointer   data)
{
  return cf_test_find_window (CF_TYPE_FULFILLMENT_DIALOG) != NULL;
}

static gboolean
dialog_closed (GtkWidget *root,
               gpointer   data)
{
  return cf_test_find_window (CF_TYPE_FULFILLMENT_DIALOG) == NULL;
}

static gboolean
has_rewards (GtkWidget *root,
             gpointer   data)
{
  return cf_test_shows_label (root, "Ten places");
}

static void
type_into_row (GtkWidget  *dialog,
               const char *title,
               const char *text)
{
  GtkWidget *row = cf_test_row_titled (dialog, ADW_TYPE_ENTRY_ROW, title);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The backer of reward 3 sees it shipped, with its tracking number. */
static gboolean
backer_sees_shipment (GtkWidget *root,
                      gpointer   data)
{
  CfTestPlatform *platform = data;
  g_autofree char *token = cf_test_platform_sign_in (platform, "backer", "backer-pw");
  g_autoptr(JsonNode) pledges = NULL;
  JsonArray *items;
  guint status;

  pledges = cf_test_platform_call (platform, "GET", "/v1/me/pledges", token, NULL, &status);
  items = json_object_get_array_member (json_node_get_object (pledges), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *pledge = json_array_get_object_element (items, i);
      JsonObject *fulfillment = json_object_get_object_member (pledge, "fulfillment");

      if (json_object_get_int_member (json_object_get_object_member (pledge, "campaign"), "id") == 2)
        return g_strcmp0 (json_object_get_string_member (fulfillment, "status"), "shipped") == 0 &&
               g_strcmp0 (json_object_get_string_member (fulfillment, "tracking_number"), "6A99") == 0 &&
               g_strcmp0 (json_object_get_string_member (fulfillment, "carrier"), "La Poste") == 0;
    }
  return FALSE;
}

static gboolean
file_selected (GtkWidget *chooser,
               gpointer   data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file != NULL;
}

static void
choose_file (const char *path)
{
  GtkWidget *chooser = cf_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (chooser);
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
  g_assert_no_error (error);
  /* The folder loads first; the file is chosen after. */
  cf_test_wait_until (chooser, file_selected, NULL, "the file is chosen");
  for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

static gboolean
has_file_chooser (GtkWidget *root,
                  gpointer   data)
{
  return cf_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
has_message_dialog (GtkWidget *root,
                    gpointer   data)
{
  return cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* A campaign that ended says so: no live badge, no bonus to come, no
 * deadline ahead. */
static void
test_ended_campaign (void)
{
  g_autoptr(CfTestPlatform) platform = cf_test_platform_start ("seed.json", NULL);
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *dashboard;

  open_dashboard (window, "Ended campaign");
  dashboard = cf_ui_dashboard_of (window);
  cf_test_wait_until (dashboard, (CfTestCondition) cf_test_shows_label, "Your goal of €10 was reached.",
                      "the goal is told as reached, in the past");
  g_assert_false (cf_test_shows_label_starting (dashboard, "Your goal of €10 is reached"));
  g_assert_false (cf_test_shows_label (dashboard, "Live"));
  g_assert_false (cf_test_shows_label_starting (dashboard, "Ends "));
  g_assert_true (cf_test_shows_label_starting (dashboard, "Ended "));
  cf_test_render_to_png (window, "dashboard-ended");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Apply asks first, saying how many backers will be told; @heading is
 * what it says. */
static void
confirm_telling (GtkWidget  *dialog,
                 const char *heading)
{
  AdwMessageDialog *confirmation;

  g_assert_true (gtk_widget_activate_action (dialog, "fulfillment.apply", NULL));
  cf_test_wait_until (dialog, has_message_dialog, NULL, "Apply asks before telling the backers");
  confirmation = ADW_MESSAGE_DIALOG (cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (confirmation), ==, heading);
  adw_message_dialog_response (confirmation, "act");
  gtk_window_destroy (GTK_WINDOW (confirmation));
}

static void
test_fulfillment (void)
{
  g_autoptr(CfTestPlatform) platform = cf_test_platform_start ("seed.json", NULL);
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  g_autofree char *folder = g_dir_make_tmp ("crowdfund-export-XXXXXX", NULL);
  g_autofree char *export = g_build_filename (folder, "ten-left-backers.csv", NULL);
  g_autofree char *tracking = g_build_filename (folder, "shipments.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *tracking_csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *export_uri = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *backers;
  GtkWidget *dialog;
  gint64 pledge_id;
  guint status;

  g_autofree char *backer = cf_test_platform_sign_in (platform, "backer", "backer-pw");
  g_autoptr(JsonNode) pledge = cf_test_platform_call (platform, "POST", "/v1/campaigns/2/pledges", backer,
                                                      "{\"reward_id\": 3, \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}}",
                                                      &status);

  g_assert_cmpuint (status, ==, 201);
  open_dashboard (window, "Ten left");
  cf_test_wait_until (window, has_rewards, NULL, "the rewards are listed");

  /* One tracking number for all the reward's backers. */
  g_assert_true (gtk_widget_activate_action (cf_ui_dashboard_of (window), "dashboard.fulfill", NULL));
  cf_test_wait_until (window, dialog_open, NULL, "the fulfillment dialog opens");
  dialog = cf_test_find_window (CF_TYPE_FULFILLMENT_DIALOG);
  /* Nothing is chosen for the creator: whom to tell and what. */
  g_assert_false (gtk_widget_get_sensitive (cf_test_button_labelled (dialog, "Apply")));
  /* Whom the creator chose reads whole, even on a phone. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 600);
  backers = ADW_COMBO_ROW (cf_test_row_titled (dialog, ADW_TYPE_COMBO_ROW, "_Backers"));
  adw_combo_row_set_selected (backers, g_list_model_get_n_items (adw_combo_row_get_model (backers)) - 1);
  cf_test_render_to_png (dialog, "fulfillment-narrow");
  cf_ui_assert_nothing_cut (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), -1, -1);
  adw_combo_row_set_selected (backers, 0);
  g_assert_false (gtk_widget_get_sensitive (cf_test_button_labelled (dialog, "Apply")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (cf_test_row_titled (dialog, ADW_TYPE_COMBO_ROW, "_Status")), 1);
  g_assert_true (gtk_widget_get_sensitive (cf_test_button_labelled (dialog, "Apply")));
  type_into_row (dialog, "Carrier", "La Poste");
  type_into_row (dialog, "Tracking number, the same for all", "6A99");
  cf_test_render_to_png (dialog, "fulfillment-dialog");
  confirm_telling (dialog, "Tell 1 Backer?");
  cf_test_wait_until (window, dialog_closed, NULL, "the dialog closes once the platform took it");
  cf_test_wait_until (window, backer_sees_shipment, platform, "the backer's pledge shows the shipment");

  /* Then one per backer, from a file. */
  pledge_id = cf_test_platform_query (platform, "SELECT id FROM pledges WHERE campaign_id = 2 LIMIT 1");
  tracking_csv = g_strdup_printf ("pledge,tracking\n%" G_GINT64_FORMAT ",LX-OWN-1\n999999,LX-NOBODY\n", pledge_id);
  g_assert_true (g_file_set_contents (tracking, tracking_csv, -1, &error));
  g_assert_true (gtk_widget_activate_action (cf_ui_dashboard_of (window), "dashboard.fulfill", NULL));
  cf_test_wait_until (window, dialog_open, NULL, "the fulfillment dialog opens again");
  dialog = cf_test_find_window (CF_TYPE_FULFILLMENT_DIALOG);
  g_assert_true (gtk_widget_activate_action (dialog, "fulfillment.open-file", NULL));
  cf_test_wait_until (window, has_file_chooser, NULL, "a file is asked for");
  choose_file (tracking);
  /* Of its two lines, one is not this campaign's: it is said before
   * anything is sent, and only the other backer is counted and told. */
  cf_test_wait_until (dialog, (CfTestCondition) cf_test_shows_label, "1 tracking number from shipments.csv",
                      "the file is read and matched with the backers");
  g_assert_true (cf_test_shows_label (dialog, "1 line will not be used: pledge 999999 is not one of this campaign’s."));
  cf_test_render_to_png (dialog, "fulfillment-unused-lines");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cf_test_row_titled (dialog, ADW_TYPE_COMBO_ROW, "_Status")), 1);
  confirm_telling (dialog, "Tell 1 Backer?");
  cf_test_wait_until (window, dialog_closed, NULL, "the dialog closes once the backer is told");
  cf_test_wait_until (window, has_label, "1 backer updated", "how many were told is said");
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT COUNT(*) FROM pledges WHERE tracking_number = 'LX-OWN-1'"),
                   ==, 1);

  /* Every backer to a spreadsheet, once a file is chosen. */
  g_assert_true (gtk_widget_activate_action (cf_ui_dashboard_of (window), "dashboard.export", NULL));
  cf_test_wait_until (window, has_file_chooser, NULL, "a file name is asked for");
  gtk_window_destroy (GTK_WINDOW (cf_test_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG)));
  export_uri = g_filename_to_uri (export, NULL, NULL);
  g_assert_true (gtk_widget_activate_action (cf_ui_dashboard_of (window), "dashboard.export-to", "s", export_uri));
  cf_test_wait_until (window, has_label, "1 backer exported", "the backers are exported");
  g_assert_true (g_file_get_contents (export, &csv, NULL, &error));
  g_assert_true (g_str_has_prefix (csv, "pledge_id,backer_number,backer,reward,"));
  g_assert_nonnull (strstr (csv, "LX-OWN-1"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpint (g_strv_length (lines) - 2, ==,
                   cf_test_platform_query (platform, "SELECT COUNT(*) FROM pledges WHERE campaign_id = 2"));

  g_unlink (export);
  g_unlink (tracking);
  g_rmdir (folder);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
pledge_as (CfTestPlatform *platform,
           const char     *username)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, username, "fan-pw");
  g_autoptr(JsonNode) pledge = NULL;
  guint status;

  pledge = cf_test_platform_call (platform, "POST", "/v1/campaigns/2/pledges", token,
                                  "{\"reward_id\": 3, \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}}",
                                  &status);
  g_assert_cmpuint (status, ==, 201);
}

/* Anyone browsing sees figures move: on the cards, and on a campaign's page. */
static void
test_cards_and_page_follow_pledges (void)
{
  g_autoptr(CfTestPlatform) platform = cf_test_platform_start ("seed.json", NULL);
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *page;

  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY)), "Ten left");
  cf_test_wait_until (window, has_one_card, NULL, "the search finds the campaign");
  g_assert_true (cf_test_shows_label (window, "0 backers"));
  pledge_as (platform, "fan01");
  cf_test_wait_until (window, has_label, "1 backer", "the card counts the new backer");

  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, g_type_from_name ("CfCampaignPage"));
  g_assert_nonnull (page);
  cf_test_wait_until (page, has_label, "1 backer", "the page shows the figures");
  pledge_as (platform, "fan02");
  cf_test_wait_until (page, has_label, "2 backers", "the page counts the new backer");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = cf_ui_use_new_home ("dashboard");
  int status;
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  application = cf_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add_func ("/dashboard/live-totals", test_live_totals);
  g_test_add_func ("/dashboard/platform-restarted", test_platform_restarted);
  g_test_add_func ("/dashboard/fulfillment", test_fulfillment);
  g_test_add_func ("/dashboard/ended-campaign", test_ended_campaign);
  g_test_add_func ("/dashboard/chart-loading", test_chart_loading);
  g_test_add_func ("/dashboard/cards-and-page-follow-pledges", test_cards_and_page_follow_pledges);

  status = g_test_run ();
  g_object_unref (application);
  return status;
}
