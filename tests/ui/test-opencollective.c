/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-application.h"
#include "cf-campaign-page.h"
#include "cf-fake-opencollective.h"
#include "cf-fake-ulule.h"
#include "cf-pledge-page.h"
#include "cf-test-counts.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

/* Open Collective in the running app, on a fake Open Collective beside
 * Ulule and a reference platform: browse collectives with and without a
 * goal, open one and read its tiers in one request, be refused by a bot
 * wall honestly, sign in with a personal token and find monthly
 * contributions in Pledges beside the other platforms' pledges, and as an
 * administrator, the collective's contributions on the dashboard. */

static CfFakeOpenCollective *opencollective;
static CfFakeUlule *ulule;
static CfTestPlatform *reference;
static CfApplication *application;

static gboolean
has_label (GtkWidget *root,
           gpointer   text)
{
  return cf_test_shows_label (root, text);
}

/* The row titled @title whose subtitle is @subtitle. */
static GtkWidget *
row_reading (GtkWidget  *root,
             const char *title,
             const char *subtitle)
{
  g_autoptr(GPtrArray) rows = cf_test_visible_widgets (root, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title) &&
        g_strcmp0 (adw_action_row_get_subtitle (rows->pdata[i]), subtitle) == 0)
      return rows->pdata[i];
  g_error ("no row “%s” reading “%s”", title, subtitle);
}

static gboolean
has_row_reading (GtkWidget *root,
                 gpointer   subtitle)
{
  g_autoptr(GPtrArray) rows = cf_test_visible_widgets (root, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_action_row_get_subtitle (rows->pdata[i]), subtitle) == 0)
      return TRUE;
  return FALSE;
}

static GtkWidget *
open_window_sized (int width,
                   int height)
{
  GSettings *settings = cf_application_get_settings (application);
  const char *platforms[] = { "opencollective", "ulule", reference->url, NULL };

  g_settings_set_strv (settings, "platforms", platforms);
  g_settings_set_string (settings, "platform", "opencollective");
  return width > 0 ? cf_ui_open_window_sized (application, NULL, width, height) : cf_ui_open_window (application, NULL);
}

static GtkWidget *
open_window (void)
{
  return open_window_sized (-1, -1);
}

/* @view in a window as narrow as a phone, once it shows @text: nothing
 * wider is needed, and no figure is cut. */
static void
assert_fits_phone (const char *view,
                   const char *text,
                   const char *name)
{
  GtkWidget *window = open_window_sized (360, 720);

  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", view));
  cf_test_wait_until (window, cf_test_shows_label_containing, (gpointer) text, "the view is shown on a phone");
  cf_ui_assert_fits_phone (window);
  cf_ui_assert_no_figure_cut (window);
  cf_test_render_to_png (window, name);
  gtk_window_destroy (GTK_WINDOW (window));
  cf_ui_forget_window_size (application);
}

static void
test_browse_collectives (void)
{
  GtkWidget *window = open_window ();
  GtkWidget *page;
  GtkWidget *back;
  guint asked;

  cf_test_wait_until (window, has_label, "Tidepool Editor", "the collectives are shown");
  /* The next goal is a yearly budget, with all it ever received beside. */
  g_assert_true (cf_test_shows_label (window, "$8,400 of $20,000 a year"));
  g_assert_true (cf_test_shows_label (window, "$41,267.50 raised"));
  /* No goal: what it raised, and no progress; never an end date. */
  g_assert_true (cf_test_shows_label (window, "¥1,250,000 raised"));
  g_assert_true (cf_test_shows_label (window, "Ongoing"));
  /* Every collective is open for good: no state to filter by, no order to choose. */
  g_assert_false (cf_test_shows_label (window, "Live"));
  g_assert_false (cf_test_shows_label (window, "Popular"));
  cf_test_render_to_png (window, "opencollective-explore");
  assert_fits_phone ("explore", "$8,400 of $20,000 a year", "opencollective-explore-360");

  asked = cf_fake_opencollective_count (opencollective, "Collective");
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_label, "Backer", "the tiers are shown");
  g_assert_true (cf_test_shows_label (page, "$5 a month"));
  g_assert_true (cf_test_shows_label (page, "$100 or more a month"));
  g_assert_true (cf_test_shows_label (page, "Sold out"));
  g_assert_true (cf_test_shows_label (page, "$50 a year"));
  g_assert_true (cf_test_shows_label (page, "58 left of 100 · Until 31 December 2099"));
  cf_test_wait_until (page, has_label, "#3 · Tidepool 2.0 is out", "the updates are shown");
  cf_test_wait_until (page, has_label, "a year, of a goal of $20,000 · $41,267.50 raised", "the goal is told");
  /* Contributing happens on Open Collective's website, and the button says so. */
  back = cf_test_button_labelled (page, "Back on Open Collective");
  g_assert_true (gtk_widget_get_sensitive (back));
  /* The page, its tiers, updates and figures: one request. */
  g_assert_cmpuint (cf_fake_opencollective_count (opencollective, "Collective") - asked, ==, 1);
  cf_test_render_to_png (window, "opencollective-collective");

  /* Back and in again: the answer is reused while Open Collective would give it unchanged. */
  g_assert_true (gtk_widget_activate_action (page, "campaign.back", NULL));
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_label, "Backer", "the tiers are shown again");
  g_assert_cmpuint (cf_fake_opencollective_count (opencollective, "Collective") - asked, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The dialog asking for an address, with @address typed in, confirmed. */
static void
open_address (GtkWidget  *window,
              const char *address)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (window, "win.open-address", NULL));
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (dialog, GTK_TYPE_ENTRY)), address);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "act"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "act");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A collective's web address, pasted, opens it in the app; an address no
 * platform has is said so, and offered again to correct. */
static void
test_open_by_address (void)
{
  GtkWidget *window = open_window ();
  g_autofree char *address = g_strconcat (cf_fake_opencollective_get_website_url (opencollective),
                                          "kasa-hanabi/contribute", NULL);
  g_autofree char *reference_address = g_strconcat (reference->url, "/campaigns/ten-left", NULL);
  GtkWidget *dialog;

  open_address (window, address);
  cf_test_wait_until (window, has_label, "サポーター", "the collective opens from its address");
  g_assert_true (cf_test_shows_label (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE), "Kasa Hanabi"));
  gtk_widget_activate_action (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE), "campaign.back", NULL);
  /* A Crowdfund platform's campaign page, on that platform. */
  open_address (window, reference_address);
  cf_test_wait_until (window, has_label, "A reward with ten places.", "the campaign opens from its address");
  gtk_widget_activate_action (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE), "campaign.back", NULL);

  /* No platform has it: following it by its address is offered; declined,
   * the address is offered again. */
  open_address (window, "https://crowdfunding.example/projects/lamp");
  cf_test_wait_until (window, cf_test_shows_dialog, NULL, "following the address is offered");
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Follow This Campaign?");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (window, "win.open-address", NULL));
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_test_first_visible (dialog, GTK_TYPE_ENTRY))), ==,
                   "https://crowdfunding.example/projects/lamp");
  /* Not an address at all: Open waits for one. */
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (dialog, GTK_TYPE_ENTRY)), "kasa hanabi");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "act"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A bot wall is told for what it is, with the way to the page. */
static void
test_refused_honestly (void)
{
  GtkWidget *window = open_window ();
  GtkWidget *page;

  cf_test_wait_until (window, has_label, "Kasa Hanabi", "the collectives are shown");
  cf_fake_opencollective_set_next_mood (opencollective, CF_FAKE_OPENCOLLECTIVE_BOT_WALL);
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 1);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, cf_test_shows_label_containing, "Open Collective refused this app’s request",
                      "the refusal names Open Collective");
  g_assert_true (gtk_widget_get_visible (cf_test_button_labelled (page, "Open in Browser")));
  cf_test_render_to_png (window, "opencollective-refused");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_contributions_beside_pledges (void)
{
  GtkWidget *window = open_window ();
  GtkWidget *preferences = cf_ui_open_preferences (window);
  GtkWidget *pledge_page;
  g_autofree char *folder = g_dir_make_tmp ("crowdfund-export-XXXXXX", NULL);
  g_autofree char *export = g_build_filename (folder, "tidepool-contributions.csv", NULL);
  g_autofree char *export_uri = g_filename_to_uri (export, NULL, NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  /* The form asks for a personal token, and says where to make one. */
  g_assert_nonnull (cf_test_row_titled (preferences, ADW_TYPE_PASSWORD_ENTRY_ROW, "Personal Token"));
  g_assert_true (cf_test_shows_label_containing (preferences, "Settings → For Developers → Personal Tokens"));
  cf_ui_sign_in_box (preferences, 0, "camille-martin", "Personal Token", CF_FAKE_OPENCOLLECTIVE_TOKEN,
                     "Camille Martin");
  cf_ui_sign_in_box (preferences, 1, "camille", "API Key", CF_FAKE_ULULE_KEY, "Camille Martin");
  cf_ui_sign_in_box (preferences, 2, "backer", "Password", "backer-pw", "Bea Backer");
  cf_test_render_to_png (preferences, "opencollective-preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));

  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
  cf_test_wait_until (window, has_row_reading, "Open Collective · Backer · $5 a month since March 2025, next charge 1 January",
                      "a monthly contribution says what it is");
  cf_test_wait_until (window, cf_test_shows_row, "Night Light", "Ulule's orders are listed beside");
  cf_test_wait_until (window, cf_test_shows_row, "Ten left", "the reference platform's pledges are listed beside");
  g_assert_true (has_row_reading (window, "Open Collective · ¥1,000 a month since August 2023"));
  g_assert_true (has_row_reading (window, "Open Collective · $20 a month since February 2024"));
  g_assert_true (has_row_reading (window, "Open Collective · No reward · $25"));
  g_assert_true (cf_test_shows_label (window, "Paused"));
  g_assert_true (cf_test_shows_label (window, "Active"));
  g_assert_true (cf_test_shows_label (window, "Payment failed"));
  /* The failed payment needs the person, with what to do. */
  g_assert_true (has_row_reading (window, "Open Collective · The payment failed. Update how you pay on the platform to "
                                         "keep your pledge."));
  /* So does a card that expires before the next charge. */
  g_assert_true (has_row_reading (window, "Open Collective · The card it is paid with expires before the next charge. "
                                         "Update how you pay on the platform."));
  cf_test_render_to_png (window, "opencollective-pledges");
  assert_fits_phone ("pledges", "$5 a month since March 2025", "opencollective-pledges-360");

  /* The failed one: what happened, and where to fix it. */
  adw_action_row_activate (ADW_ACTION_ROW (row_reading (window, "Tidepool Docs",
                                                        "Open Collective · $20 a month since February 2024")));
  pledge_page = cf_test_first_visible (window, CF_TYPE_PLEDGE_PAGE);
  cf_test_wait_until (pledge_page, cf_test_shows_label_containing, "update the payment method on Open Collective",
                      "the failed payment is explained");
  g_assert_nonnull (cf_test_row_titled (pledge_page, ADW_TYPE_ACTION_ROW, "_Fix the Payment on the Platform’s Website"));
  cf_test_render_to_png (window, "opencollective-failed-contribution");
  g_assert_true (gtk_widget_activate_action (pledge_page, "pledge.back", NULL));

  /* A monthly tier is a membership: no delivery to follow. */
  adw_action_row_activate (ADW_ACTION_ROW (row_reading (window, "Tidepool Editor",
                                                        "Open Collective · Backer · $5 a month since March 2025, "
                                                        "next charge 1 January")));
  pledge_page = cf_test_first_visible (window, CF_TYPE_PLEDGE_PAGE);
  cf_test_wait_until (pledge_page, cf_test_shows_label_containing, "Open Collective charges it on schedule.",
                      "the contribution's page is shown");
  g_assert_false (cf_test_shows_label_containing (pledge_page, "does not share where rewards are"));
  g_assert_nonnull (cf_test_row_titled (pledge_page, ADW_TYPE_ACTION_ROW, "_Change or Cancel on the Platform’s Website"));
  g_assert_true (gtk_widget_activate_action (pledge_page, "pledge.back", NULL));

  /* Camille administers Tidepool Editor: its contributions, newest first. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "dashboard"));
  cf_ui_open_dashboard_on (window, "Tidepool Editor");
  cf_test_wait_until (window, has_label, "a year, of a goal of $20,000 · $41,267.50 raised",
                      "the collective's figures are shown");
  g_assert_true (cf_test_shows_label (window, "$1,434 a month from recurring contributions"));
  /* Northwind Traders' $150, under its tier; contributors stay unnamed there. */
  cf_test_wait_until (window, has_label, "$150", "the latest contributions are listed");
  g_assert_true (cf_test_shows_row (window, "Sponsor"));
  cf_test_render_to_png (window, "opencollective-dashboard");

  /* Every contribution to a spreadsheet, with how often it comes. */
  g_assert_true (gtk_widget_activate_action (cf_ui_dashboard_of (window), "dashboard.export-to", "s", export_uri));
  cf_test_wait_until (window, has_label, "5 backers exported", "the contributions are exported");
  g_assert_true (g_file_get_contents (export, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  /* The incognito contributor is exported unnamed. */
  g_assert_true (g_str_has_prefix (lines[1], "v3ko9zeq-m0xl4wpa-8ybn2gdr-e6j15ok7,0,,Backer,5.00,USD,"));
  g_assert_true (g_str_has_suffix (lines[1], ",monthly,2027-01-05"));
  g_assert_true (g_str_has_prefix (lines[2], "c6wx1oka-z9m3qpe0-5lvg8ynd-b2k47jr0,0,Northwind Traders,Sponsor,150.00,"));
  g_unlink (export);
  g_rmdir (folder);
  g_assert_cmpuint (cf_fake_opencollective_count_refused (opencollective), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new window, signed back in from the keyring, asks Open Collective each
 * thing once — an operation with the same variables — from its opening
 * until Pledges lists the contributions and the dashboard the collective's
 * latest contributions. */
static void
test_nothing_asked_twice (void)
{
  g_autoptr(GHashTable) before = cf_fake_opencollective_dup_request_counts (opencollective);
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *twice = NULL;
  GtkWidget *window;

  /* The requests of the tests before are not this window's. */
  cf_fake_opencollective_start_new_minute (opencollective);
  window = open_window ();
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
  cf_test_wait_until (window, cf_test_shows_row, "Tidepool Editor", "the contributions are listed");
  cf_ui_open_dashboard_on (window, "Tidepool Editor");
  cf_test_wait_until (window, has_label, "$150", "the collective's latest contributions are listed");

  after = cf_fake_opencollective_dup_request_counts (opencollective);
  twice = cf_test_counts_asked_twice (before, after);
  g_assert_cmpstr (twice, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cf_ui_use_new_home ("opencollective");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  opencollective = cf_fake_opencollective_new ();
  g_setenv ("CROWDFUND_OPENCOLLECTIVE_API_URL", cf_fake_opencollective_get_api_url (opencollective), TRUE);
  g_setenv ("CROWDFUND_OPENCOLLECTIVE_WEBSITE_URL", cf_fake_opencollective_get_website_url (opencollective), TRUE);
  ulule = cf_fake_ulule_new ();
  g_setenv ("CROWDFUND_ULULE_API_URL", cf_fake_ulule_get_api_url (ulule), TRUE);
  g_setenv ("CROWDFUND_ULULE_DATA_URL", cf_fake_ulule_get_data_url (ulule), TRUE);
  reference = cf_test_platform_start ("seed.json", NULL);
  cf_test_platform_pledge (reference, "backer", "backer-pw", "2", CF_UI_TEN_LEFT_PLEDGE);
  application = cf_ui_new_application ();

  g_test_add_func ("/opencollective/browse-collectives", test_browse_collectives);
  g_test_add_func ("/opencollective/refused-honestly", test_refused_honestly);
  g_test_add_func ("/opencollective/open-by-address", test_open_by_address);
  g_test_add_func ("/opencollective/contributions-beside-pledges", test_contributions_beside_pledges);
  g_test_add_func ("/opencollective/nothing-asked-twice", test_nothing_asked_twice);

  status = g_test_run ();
  cf_test_platform_free (reference);
  cf_fake_ulule_free (ulule);
  cf_fake_opencollective_free (opencollective);
  g_object_unref (application);
  return status;
}
