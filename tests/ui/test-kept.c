/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-application.h"
#include "cf-campaign-page.h"
#include "cf-fake-kickstarter.h"
#include "cf-kept-platform.h"
#include "cf-pledge-page.h"
#include "cf-test-notifications.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"

/* What a person keeps on this computer, in the running app beside a
 * Crowdfund platform: a Kickstarter campaign followed by its address, with
 * the figures Kickstarter publishes, and a pledge kept by hand moved
 * through its delivery, the overdue one among what needs the person. */

static CfApplication *application;
static CfTestPlatform *reference;
static CfFakeKickstarter *kickstarter;
static GPtrArray *notifications;

static gboolean
has_label (GtkWidget *root,
           gpointer   text)
{
  return cf_test_shows_label (root, text);
}

static gboolean
has_notification (GtkWidget *root,
                  gpointer   text)
{
  for (guint i = 0; i < notifications->len; i++)
    if (g_str_equal (notifications->pdata[i], text))
      return TRUE;
  return FALSE;
}

static gboolean
has_campaign_page (GtkWidget *root,
                   gpointer   data)
{
  return cf_test_count_visible (root, CF_TYPE_CAMPAIGN_PAGE) > 0;
}

static gboolean
shows_button (GtkWidget  *root,
              const char *label)
{
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button_by_tooltip (GtkWidget  *root,
                        const char *tooltip)
{
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), tooltip) == 0)
      return buttons->pdata[i];
  return NULL;
}

static GtkWidget *
wait_for_dialog (GtkWidget  *window,
                 const char *heading)
{
  cf_test_wait_until (window, cf_test_shows_dialog, (gpointer) heading, "the dialog opens");
  return cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
}

/* A window on the reference platform, and on what the person keeps on
 * this computer when @keeping is. */
static GtkWidget *
open_window_keeping (gboolean keeping)
{
  GSettings *settings = cf_application_get_settings (application);
  const char *platforms[] = { reference->url, keeping ? CF_KEPT_CHOICE : NULL, NULL };

  g_settings_set_strv (settings, "platforms", platforms);
  g_settings_set_string (settings, "platform", reference->url);
  return cf_ui_open_window (application, NULL);
}

static GtkWidget *
open_window (void)
{
  return open_window_keeping (FALSE);
}

/* The entry row titled @title in @dialog. */
static GtkEditable *
entry_row (GtkWidget  *dialog,
           const char *title)
{
  return GTK_EDITABLE (cf_test_row_titled (dialog, ADW_TYPE_ENTRY_ROW, title));
}

static void
test_follow_kickstarter (void)
{
  GtkWidget *window = open_window ();
  g_autofree char *address = g_strconcat (cf_fake_kickstarter_get_url (kickstarter),
                                          "projects/blackmatter/hell-let-loose", NULL);
  GtkWidget *dialog;

  cf_test_wait_until (window, has_label, "Ten left", "the platform's campaigns are shown");
  g_assert_true (gtk_widget_activate_action (window, "win.open-address", NULL));
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (dialog, GTK_TYPE_ENTRY)), address);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "act");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = wait_for_dialog (window, "Follow This Campaign?");
  g_assert_cmpstr (gtk_editable_get_text (entry_row (dialog, "Title")), ==, "Hell Let Loose");
  /* A goal that is no amount is said, and Follow waits. */
  gtk_editable_set_text (entry_row (dialog, "Goal"), "lots");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "follow"));
  gtk_editable_set_text (entry_row (dialog, "Goal"), "100,000");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "follow"));
  gtk_editable_set_text (entry_row (dialog, "Stretch Goals"), "150,000; lots");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "follow"));
  gtk_editable_set_text (entry_row (dialog, "Stretch Goals"), "150,000; 200,000");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "follow"));
  /* The creator's own launch. */
  gtk_switch_set_active (GTK_SWITCH (cf_test_first_visible (cf_test_row_titled (dialog, ADW_TYPE_ACTION_ROW,
                                                                                  "It Is My Campaign"),
                                                            GTK_TYPE_SWITCH)), TRUE);
  cf_test_render_to_png (dialog, "kept-follow-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "follow");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "following"));
  cf_test_wait_until (window, has_label, "Hell Let Loose", "the campaign is followed");
  /* Kickstarter's figures, against the goal the person typed. */
  cf_test_wait_until (window, has_label, "64%", "Kickstarter's figures are read");
  g_assert_true (cf_test_shows_label (window, "1,012 backers"));
  cf_test_render_to_png (window, "kept-following");

  /* On the Dashboard; the campaign ends past its goal: the creator is told. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "dashboard"));
  cf_test_wait_until (window, has_label, "$64,234", "the launch is on the dashboard");
  cf_fake_kickstarter_set_mood (kickstarter, CF_FAKE_KICKSTARTER_SUCCESSFUL);
  cf_test_wait_until (window, has_notification, "Goal Reached\nHell Let Loose passed $100,000.",
                      "the creator is told the goal is passed");
  cf_test_wait_until (window, cf_test_shows_label_containing, "$101,25", "the dashboard shows the new total");
  /* The campaign read again with its first figures is shown from them: its
   * goal is told, not left out. */
  cf_test_wait_until (window, cf_test_shows_label_containing, "Your goal of $100,000 was reached.",
                      "the dashboard says which goal was reached");
  cf_test_render_to_png (window, "kept-dashboard");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
kickstarter_read_since (GtkWidget *root,
                        gpointer   before)
{
  return cf_fake_kickstarter_count (kickstarter) > GPOINTER_TO_UINT (before);
}

/* A new window reads the followed campaign's figures from Kickstarter once,
 * from its opening until Following and the dashboard show them; what the
 * person kept on this computer is not asked of anyone. */
static void
test_nothing_asked_twice (void)
{
  guint before = cf_fake_kickstarter_count (kickstarter);
  GtkWidget *window;

  /* At the pace a person's app reads at, no second read is due meanwhile. */
  g_setenv ("CROWDFUND_KICKSTARTER_POLL_SECONDS", "300", TRUE);
  window = open_window_keeping (TRUE);
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "following"));
  cf_test_wait_until (window, kickstarter_read_since, GUINT_TO_POINTER (before), "Kickstarter's figures are read");
  cf_test_wait_until (window, has_label, "1,530 backers", "the followed campaign shows Kickstarter's figures");
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "dashboard"));
  cf_test_wait_until (window, cf_test_shows_label_containing, "$101,25", "the launch is on the dashboard");
  g_assert_cmpuint (cf_fake_kickstarter_count (kickstarter) - before, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  g_setenv ("CROWDFUND_KICKSTARTER_POLL_SECONDS", "1", TRUE);
}

static GtkDropTarget *
drop_target_of (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_error ("the window takes no drop");
}

/* An address dropped on the window that no platform reads is followed by
 * its address, its figures on its page. */
static void
test_follow_dropped_address (void)
{
  GtkWidget *window = open_window ();
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean taken = FALSE;
  GtkWidget *dialog;
  GtkWidget *page;

  cf_test_wait_until (window, has_label, "Ten left", "the platform's campaigns are shown");
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "not an address");
  g_signal_emit_by_name (drop_target_of (window), "drop", &value, 10.0, 10.0, &taken);
  g_assert_false (taken);
  g_value_set_string (&value, "https://www.indiegogo.com/projects/tiny-loom-for-weavers\n");
  g_signal_emit_by_name (drop_target_of (window), "drop", &value, 10.0, 10.0, &taken);
  g_assert_true (taken);
  dialog = wait_for_dialog (window, "Follow This Campaign?");
  g_assert_cmpstr (gtk_editable_get_text (entry_row (dialog, "Title")), ==, "Tiny Loom For Weavers");
  /* Indiegogo publishes no figures to read. */
  g_assert_cmpuint (cf_test_count_visible (dialog, ADW_TYPE_EXPANDER_ROW), ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "follow");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "following"));
  cf_test_wait_until (window, has_label, "Tiny Loom For Weavers", "the campaign is followed");
  g_assert_true (cf_test_shows_label (window, "Figures on the campaign’s page"));
  g_assert_true (cf_test_shows_label_containing (window, "Indiegogo"));
  /* Its address, given again, opens it in the app; its page leads to the
   * campaign's own, on its platform. */
  g_assert_true (gtk_widget_activate_action (window, "win.open-address", NULL));
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (dialog, GTK_TYPE_ENTRY)),
                         "https://www.indiegogo.com/projects/tiny-loom-for-weavers");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "act");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_wait_until (window, has_campaign_page, NULL, "the campaign's page");
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_label, "Tiny Loom For Weavers", "the campaign's page opens");
  g_assert_nonnull (cf_test_button_labelled (page, "Back on Indiegogo"));
  /* Nobody is said to have made it: where it is is. */
  g_assert_false (cf_test_shows_label (page, "by Indiegogo"));
  g_assert_true (cf_test_shows_label (page, "Followed by its address on Indiegogo"));
  cf_test_render_to_png (window, "kept-campaign-page");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_pledge (GtkWidget  *window,
            const char *address,
            const char *title,
            const char *amount,
            guint       delivery_month)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (window, "win.add-kept-pledge", NULL));
  dialog = wait_for_dialog (window, "Add a Pledge Kept by Hand");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (entry_row (dialog, "Campaign Address"), address);
  gtk_editable_set_text (entry_row (dialog, "Campaign Title"), title);
  gtk_editable_set_text (entry_row (dialog, "Amount Pledged"), "seventy");
  /* What was typed stays, and the problem is said. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  g_assert_true (cf_test_shows_label (dialog, "Type the amount pledged, as in 25 or 1,250.50."));
  gtk_editable_set_text (entry_row (dialog, "Amount Pledged"), amount);
  gtk_editable_set_text (entry_row (dialog, "Reward"), "Dragon’s Hoard");
  gtk_editable_set_text (entry_row (dialog, "Backer Number"), "20311");
  adw_combo_row_set_selected (ADW_COMBO_ROW (cf_test_row_titled (dialog, ADW_TYPE_COMBO_ROW, "Estimated Delivery")),
                              delivery_month);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  cf_test_render_to_png (dialog, "kept-pledge-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_pledges_by_hand (void)
{
  GtkWidget *window = open_window ();
  GtkWidget *page;
  GtkWidget *dialog;
  GtkWidget *preferences;

  /* Due two years ago (the first month offered), and due in three years. */
  add_pledge (window, "https://www.kickstarter.com/projects/stonemaier/wyrmspan", "Wyrmspan", "79", 1);
  add_pledge (window, "https://www.kickstarter.com/projects/stonemaier/wyrmspan-dragonhold", "Wyrmspan Dragonhold",
              "45", 60);
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
  cf_test_wait_until (window, has_label, "Wyrmspan Dragonhold", "the pledges kept by hand are listed");
  /* Overdue, not shipped: it needs the person. */
  cf_test_wait_until (window, has_label, "Needs Your Attention", "the overdue pledge needs the person");
  cf_test_render_to_png (window, "kept-pledges");

  cf_test_wait_until (window, cf_test_shows_label_containing,
                      "The reward was due by now and has not shipped. The campaign’s updates may say why.",
                      "the reason is said");
  g_signal_emit_by_name (cf_test_row_titled (window, ADW_TYPE_ACTION_ROW, "Wyrmspan"), "activated");
  page = cf_test_first_visible (window, CF_TYPE_PLEDGE_PAGE);
  cf_test_wait_until (page, has_label, "Kept by Hand", "the pledge page offers to move it on");
  /* Kickstarter's own page of the backing, and the campaign's updates. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (cf_test_row_titled (page, ADW_TYPE_ACTION_ROW,
                                                                                   "_Open on the Platform’s Website"))),
                   ==, "www.kickstarter.com");
  g_assert_nonnull (cf_test_row_titled (page, ADW_TYPE_ACTION_ROW, "Read the Campaign’s _Updates"));
  g_signal_emit_by_name (cf_test_row_titled (page, ADW_TYPE_ACTION_ROW, "I Answered the _Survey"), "activated");
  cf_test_wait_until (window, cf_test_shows_label_containing, "Survey marked as answered", "the survey is answered");
  g_signal_emit_by_name (cf_test_row_titled (page, ADW_TYPE_ACTION_ROW, "It _Shipped…"), "activated");
  dialog = wait_for_dialog (window, "The Reward Shipped");
  gtk_editable_set_text (entry_row (dialog, "Carrier"), "UPS");
  gtk_editable_set_text (entry_row (dialog, "Tracking Number"), "1Z999AA10123456784");
  /* A link to follow the parcel is an address, or nothing. */
  gtk_editable_set_text (entry_row (dialog, "Tracking Link"), "ups tracking");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "shipped"));
  gtk_editable_set_text (entry_row (dialog, "Tracking Link"),
                         "https://www.ups.com/track?tracknum=1Z999AA10123456784");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "shipped"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "shipped");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_wait_until (page, has_label, "UPS · 1Z999AA10123456784", "the timeline shows the parcel");
  /* Followed as any other pledge's parcel. */
  g_assert_nonnull (find_button_by_tooltip (page, "Track the Parcel"));
  cf_test_render_to_png (window, "kept-pledge-page");
  gtk_widget_activate_action (page, "pledge.back", NULL);
  /* Shipped, it no longer needs the person. */
  cf_test_wait_until (window, has_label, "Pledges", "back on the pledges");
  g_assert_false (cf_test_shows_label (window, "Needs Your Attention"));

  /* In Preferences beside the other platforms, with nothing to sign out of. */
  preferences = cf_ui_open_preferences (window);
  cf_test_wait_until (preferences, cf_test_shows_label_containing, "pledges kept by hand, in a file on this computer",
                      "what is kept is said in Preferences");
  /* Signed in to nothing else, no Sign Out is shown at all. */
  g_assert_false (shows_button (preferences, "Sign _Out"));
  cf_test_render_to_png (preferences, "kept-preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At a phone's width, Following and Pledges with what is kept: nothing
 * wider is needed and no figure is cut. */
static void
test_phone_width (void)
{
  GSettings *settings = cf_application_get_settings (application);
  const char *platforms[] = { reference->url, "kept", NULL };
  GtkWidget *window;

  g_settings_set_strv (settings, "platforms", platforms);
  window = cf_ui_open_window_sized (application, NULL, 360, 720);
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "following"));
  cf_test_wait_until (window, has_label, "Hell Let Loose", "the followed campaigns are shown");
  cf_ui_assert_fits_phone (window);
  cf_ui_assert_no_figure_cut (window);
  cf_test_render_to_png (window, "kept-following-phone");
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
  cf_test_wait_until (window, has_label, "Wyrmspan Dragonhold", "the pledges are shown");
  cf_ui_assert_fits_phone (window);
  cf_ui_assert_no_figure_cut (window);
  cf_test_render_to_png (window, "kept-pledges-phone");
  gtk_window_destroy (GTK_WINDOW (window));
  cf_ui_forget_window_size (application);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cf_ui_use_new_home ("kept");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  notifications = cf_test_notifications_start ();
  kickstarter = cf_fake_kickstarter_new ();
  g_setenv ("CROWDFUND_KICKSTARTER_URL", cf_fake_kickstarter_get_url (kickstarter), TRUE);
  g_setenv ("CROWDFUND_KICKSTARTER_POLL_SECONDS", "1", TRUE);
  reference = cf_test_platform_start ("seed.json", NULL);
  application = cf_ui_new_application ();

  g_test_add_func ("/kept/follow-kickstarter", test_follow_kickstarter);
  g_test_add_func ("/kept/nothing-asked-twice", test_nothing_asked_twice);
  g_test_add_func ("/kept/follow-dropped-address", test_follow_dropped_address);
  g_test_add_func ("/kept/pledges-by-hand", test_pledges_by_hand);
  g_test_add_func ("/kept/phone-width", test_phone_width);

  status = g_test_run ();
  cf_test_platform_free (reference);
  cf_fake_kickstarter_free (kickstarter);
  g_object_unref (application);
  return status;
}
