/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cf-application.h"
#include "cf-campaign-page.h"
#include "cf-fake-ulule.h"
#include "cf-pledge-page.h"
#include "cf-test-counts.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

/* Ulule in the running app, on a fake Ulule beside a reference platform:
 * browse, open a project and see its rewards and its live total move, sign
 * in with an API key, find the orders in Pledges beside the other
 * platform's pledges, and, as a creator, the pre-sale on the dashboard. */

static CfFakeUlule *ulule;
static CfTestPlatform *reference;
static CfApplication *application;

static gboolean
has_label (GtkWidget *root,
           gpointer   text)
{
  return cf_test_shows_label (root, text);
}

static GtkWidget *
open_window (void)
{
  GSettings *settings = cf_application_get_settings (application);
  const char *platforms[] = { "ulule", reference->url, NULL };

  g_settings_set_strv (settings, "platforms", platforms);
  g_settings_set_string (settings, "platform", "ulule");
  return cf_ui_open_window (application, NULL);
}

static void
test_browse_and_live_total (void)
{
  GtkWidget *window = open_window ();
  GtkWidget *page;
  GtkWidget *back;

  /* Cards say where their campaign is, with two platforms in the window. */
  g_assert_true (cf_test_shows_label (window, "Night Light"));
  g_assert_true (cf_test_shows_label (window, "Atelier Lune · Ulule"));
  /* The pre-sale counts pre-orders, as Ulule shows it, with the money beside. */
  g_assert_true (cf_test_shows_label (window, "50,704 of 50,000 pre-orders"));
  g_assert_true (cf_test_shows_label (window, "€12,345 raised"));
  cf_test_render_to_png (window, "ulule-explore");

  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_label, "The lamp", "the rewards are shown");
  g_assert_true (cf_test_shows_label (page, "Thank you!"));
  cf_test_wait_until (page, has_label, "#2 · The prototype", "the news are shown");
  /* News Ulule reserves for backers say so. */
  g_assert_true (cf_test_shows_label (page, "20 May 2020 · For backers only"));
  g_assert_true (cf_test_shows_label (page, "10 June 2020"));
  /* Pledges are made on Ulule's website, and the button says so. */
  back = cf_test_button_labelled (page, "Back on Ulule");
  g_assert_true (gtk_widget_get_sensitive (back));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (back), "Pledges to this platform are made on its website"));

  cf_test_wait_until (page, has_label, "€12,500", "the total is shown");
  cf_test_wait_until (page, has_label, "pledged of €10,000 goal · next stretch goal €15,000",
                      "the next stretch goal is shown");
  cf_fake_ulule_set_raised (ulule, "101", 13250);
  cf_test_wait_until (page, has_label, "€13,250", "the live total moves");
  cf_test_render_to_png (window, "ulule-project");
  g_assert_cmpuint (cf_fake_ulule_count_unversioned (ulule), ==, 0);

  /* The pre-sale's next stage is in pre-orders too. */
  g_assert_true (gtk_widget_activate_action (page, "campaign.back", NULL));
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 1);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_label, "50,704 pre-orders", "the pre-orders are the figure");
  cf_test_wait_until (page, has_label,
                      "of a goal of 50,000 pre-orders · next stretch goal 60,000 pre-orders · €12,345 raised",
                      "the next stage is told in pre-orders");
  /* Ulule counts rewards taken, not backers: the reward says so, and
   * never “980 backers” beside the campaign's 811. */
  cf_test_wait_until (page, has_label, "980 taken", "the reward counts what was taken");
  g_assert_false (cf_test_shows_label (page, "980 backers"));
  cf_test_render_to_png (window, "ulule-presale");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The row titled @title whose subtitle starts with @start. */
static AdwActionRow *
row_starting (GtkWidget  *root,
              const char *title,
              const char *start)
{
  g_autoptr(GPtrArray) rows = cf_test_visible_widgets (root, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title) &&
        g_str_has_prefix (adw_action_row_get_subtitle (rows->pdata[i]), start))
      return rows->pdata[i];
  g_error ("no row “%s” reading “%s…”", title, start);
}

/* Where @text stands among the labels shown, in reading order. */
static int
label_index (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = cf_test_visible_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), text))
      return i;
  return -1;
}

static void
test_orders_beside_pledges (void)
{
  GtkWidget *window = open_window ();
  GtkWidget *preferences = cf_ui_open_preferences (window);
  GtkWidget *row;
  GtkWidget *pledge_page;

  /* A wrong key is refused, and what was typed stays. */
  cf_ui_sign_in_box (preferences, 1, "backer", "Password", "backer-pw", "Bea Backer");
  gtk_editable_set_text (GTK_EDITABLE (cf_test_row_titled (preferences, ADW_TYPE_ENTRY_ROW, "Username")), "camille");
  gtk_editable_set_text (GTK_EDITABLE (cf_test_row_titled (preferences, ADW_TYPE_PASSWORD_ENTRY_ROW, "API Key")),
                         "not-a-key");
  g_signal_emit_by_name (cf_test_button_labelled (preferences, "Sign In"), "clicked");
  cf_test_wait_until (preferences, cf_test_shows_label_containing, "The username or API key is not right.",
                      "the refusal is explained in the key's words");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_test_row_titled (preferences, ADW_TYPE_ENTRY_ROW,
                                                                          "Username"))), ==, "camille");
  /* The person clicks back into the form: the focus leaves the key's row. */
  gtk_root_set_focus (GTK_ROOT (preferences), NULL);
  cf_ui_sign_in_box (preferences, 0, "camille", "API Key", CF_FAKE_ULULE_KEY, "Camille Martin");
  cf_test_render_to_png (preferences, "ulule-preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));

  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
  cf_test_wait_until (window, cf_test_shows_row, "Night Light", "Ulule's orders are listed");
  cf_test_wait_until (window, cf_test_shows_row, "Ten left", "the reference platform's pledges are listed");
  /* An order of several rewards names each, with how many. */
  row_starting (window, "Night Light", "Ulule · 2 × The lamp, Thank you! · €199");
  row = GTK_WIDGET (row_starting (window, "Night Light", "Ulule · The lamp · €95"));
  cf_test_render_to_png (window, "ulule-pledges");

  adw_action_row_activate (ADW_ACTION_ROW (row));
  pledge_page = cf_test_first_visible (window, CF_TYPE_PLEDGE_PAGE);
  /* Ulule's status in our words, and what it means there. */
  cf_test_wait_until (pledge_page, has_label, "Pledged\nPaid to Ulule; it goes to the creator if the campaign succeeds.",
                      "Ulule's status is explained");
  g_assert_true (cf_test_shows_label_containing (pledge_page, "does not share where rewards are"));
  g_assert_true (cf_test_shows_label (pledge_page, "fr.ulule.com"));
  cf_test_render_to_png (window, "ulule-pledge");
  g_assert_true (gtk_widget_activate_action (pledge_page, "pledge.back", NULL));

  adw_action_row_activate (row_starting (window, "Night Light", "Ulule · 2 × The lamp"));
  pledge_page = cf_test_first_visible (window, CF_TYPE_PLEDGE_PAGE);
  cf_test_wait_until (pledge_page, has_label, "2 × The lamp\nThank you!", "each reward of the order is shown");
  g_assert_true (cf_test_shows_label (pledge_page, "€199, including a €5 bonus"));
  cf_test_render_to_png (window, "ulule-pledge-with-tip");

  /* A membership page followed counts its members. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "following"));
  cf_test_wait_until (window, has_label, "420 of 500 members", "the membership page counts members");

  /* Camille created the pre-sale: the dashboard shows it, and says
   * shipping news go through Ulule's website. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "dashboard"));
  cf_test_wait_until (window, cf_test_shows_label_containing, "takes shipping news on its website only",
                      "the dashboard shows the pre-sale");
  cf_test_wait_until (window, has_label, "€32", "the latest orders are listed");
  /* Her only campaign: nothing to choose, its title is shown, and its
   * platform, with two in the window. */
  g_assert_true (cf_test_shows_label (window, "Carnet de voyage · Ulule"));
  g_assert_true (cf_test_shows_label (window, "pre-orders, of a goal of 50,000 · €12,345 raised"));
  /* Ulule keeps no history: the chart says its curve is what the app read. */
  cf_test_wait_until (window, cf_test_shows_label_containing, "Ulule keeps no history of a campaign’s total",
                      "the chart says where its curve comes from");
  /* Newest first: the order of 3 June above the one of 2 June. */
  g_assert_cmpint (label_index (window, "€32"), <, label_index (window, "€28"));
  cf_test_render_to_png (window, "ulule-dashboard");
  gtk_window_destroy (GTK_WINDOW (window));
}

#define PRESALE_STATS "/data/projects/102/stats.json"

/* The live figures of the pre-sale on the dashboard were read again as
 * often as asked: the app's own pace, whatever the machine's load. */
static gboolean
presale_read_until (GtkWidget *root,
                    gpointer   target)
{
  return cf_fake_ulule_count (ulule, PRESALE_STATS) >= GPOINTER_TO_UINT (target);
}

/* A new window, signed back in from the keyring, asks Ulule for each thing
 * once from its opening until the dashboard shows the pre-sale with its
 * latest orders and its live figures have been read twice more after the
 * orders show: who is signed in (asked by the account and by each list of
 * the person's own things at once), the orders, the projects followed and
 * created, and the pre-sale itself (read for its figures, its rewards and
 * its latest orders: it was read four times, all at once). */
static void
test_nothing_asked_twice (void)
{
  g_autoptr(GHashTable) before = cf_fake_ulule_dup_api_counts (ulule);
  g_autoptr(GHashTable) after = NULL;
  g_autofree char *twice = NULL;
  GSettings *settings = cf_application_get_settings (application);
  GtkWidget *window;

  g_settings_set_string (settings, "last-view", "pledges");
  window = open_window ();
  cf_test_wait_until (window, has_label, "Night Light", "Ulule's orders are listed");
  cf_ui_show_dashboard (window);
  cf_test_wait_until (window, has_label, "€32", "the pre-sale's latest orders are listed");
  cf_test_wait_until (window, presale_read_until, GUINT_TO_POINTER (cf_fake_ulule_count (ulule, PRESALE_STATS) + 2),
                      "the pre-sale's live figures are read twice more");

  after = cf_fake_ulule_dup_api_counts (ulule);
  twice = cf_test_counts_asked_twice (before, after);
  g_assert_cmpstr (twice, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cf_ui_use_new_home ("ulule");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  ulule = cf_fake_ulule_new ();
  g_setenv ("CROWDFUND_ULULE_API_URL", cf_fake_ulule_get_api_url (ulule), TRUE);
  g_setenv ("CROWDFUND_ULULE_DATA_URL", cf_fake_ulule_get_data_url (ulule), TRUE);
  g_setenv ("CROWDFUND_ULULE_STATS_SECONDS", "1", TRUE);
  reference = cf_test_platform_start ("seed.json", NULL);
  cf_test_platform_pledge (reference, "backer", "backer-pw", "2", CF_UI_TEN_LEFT_PLEDGE);
  application = cf_ui_new_application ();
  g_settings_set_uint (cf_application_get_settings (application), "live-poll-interval", 5);

  g_test_add_func ("/ulule/browse-and-live-total", test_browse_and_live_total);
  g_test_add_func ("/ulule/orders-beside-pledges", test_orders_beside_pledges);
  g_test_add_func ("/ulule/nothing-asked-twice", test_nothing_asked_twice);

  status = g_test_run ();
  cf_test_platform_free (reference);
  cf_fake_ulule_free (ulule);
  g_object_unref (application);
  return status;
}
