/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-application.h"
#include "cf-campaign-card.h"
#include "cf-campaign-page.h"
#include "cf-campaign-summary.h"
#include "cf-error-banner.h"
#include "cf-explore-page.h"
#include "cf-following-page.h"
#include "cf-pledge-page.h"
#include "cf-reward-card.h"
#include "cf-test-fixtures.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

/* The real application and window under Xvfb, against a seeded reference
 * platform: what a person sees, checked through the widgets they see. */

static CfTestPlatform *platform;
static CfApplication *application;

static gboolean
has_label (GtkWidget *root,
           gpointer   text)
{
  return cf_test_shows_label (root, text);
}

static gboolean
has_cards (GtkWidget *root,
           gpointer   count)
{
  return cf_test_count_visible (root, CF_TYPE_CAMPAIGN_CARD) == GPOINTER_TO_UINT (count);
}

static gboolean
has_reward_cards (GtkWidget *root,
                  gpointer   count)
{
  return cf_test_count_visible (root, CF_TYPE_REWARD_CARD) == GPOINTER_TO_UINT (count);
}

static GtkWidget *
open_window (const char *url)
{
  CfWindow *window;

  cf_application_set_platform_option (application, url);
  window = cf_application_new_window (application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WIDGET (window);
}

static void
test_browse_search_and_open (void)
{
  GtkWidget *window = open_window (platform->url);
  GtkWidget *search;
  GtkWidget *grid;
  GtkWidget *page;

  /* The live campaigns of the seed. */
  cf_test_wait_until (window, has_label, "Alpha board game", "the seeded titles appear");
  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (4), "four live campaigns are shown");
  g_assert_true (cf_test_shows_label (window, "Yen watch"));
  g_assert_true (cf_test_shows_label (window, "Ten left"));
  cf_test_render_to_png (window, "explore");

  search = cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "watch");
  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (1), "the search narrows the grid to one");
  g_assert_true (cf_test_shows_label (window, "Yen watch"));

  grid = cf_test_first_visible (window, GTK_TYPE_GRID_VIEW);
  g_signal_emit_by_name (grid, "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_reward_cards, GUINT_TO_POINTER (1), "the campaign's reward appears");
  g_assert_true (cf_test_shows_label (page, "¥19,507,500"));
  g_assert_true (cf_test_shows_label (page, "195%"));
  g_assert_true (cf_test_shows_label (page, "395 backers"));
  g_assert_true (cf_test_shows_label (page, "Pledge ¥35,000 or more"));
  g_assert_true (cf_test_shows_label (page, "11 left of 50"));
  g_assert_true (cf_test_shows_label (page, "Yen."));
  g_assert_true (cf_test_shows_label (page, "by Cleo Creator · Design · Tokyo"));
  cf_test_render_to_png (window, "campaign");

  /* Back returns to the search as it was. */
  gtk_widget_activate_action (page, "campaign.back", NULL);
  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (1), "Back returns to the search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "watch");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_picture (GtkWidget *picture,
             gpointer   unused)
{
  return gtk_picture_get_paintable (GTK_PICTURE (picture)) != NULL;
}

/* The picture shown in a card or on a campaign page, once decoded. */
static GdkPaintable *
wait_for_picture (GtkWidget  *root,
                  const char *what)
{
  GtkWidget *picture = cf_test_first_visible (root, GTK_TYPE_PICTURE);

  cf_test_wait_until (picture, has_picture, NULL, what);
  return gtk_picture_get_paintable (GTK_PICTURE (picture));
}

/* Pictures are decoded to cover the place they are drawn in, no larger: a
 * card's 640 × 360 picture is not kept at full size. */
static void
test_pictures_at_their_size (void)
{
  GtkWidget *window = open_window (platform->url);
  GtkWidget *card;
  GtkWidget *shown;
  GtkWidget *page;
  GdkPaintable *picture;
  int scale;

  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (4), "four live campaigns are shown");
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY)), "alpha");
  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (1), "the search narrows the grid to Alpha");
  card = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_CARD);
  picture = wait_for_picture (card, "the card's picture is shown");
  shown = cf_test_first_visible (card, GTK_TYPE_PICTURE);
  scale = gtk_widget_get_scale_factor (shown);
  g_test_message ("card picture %d × %d in a place of %d × %d",
                  gdk_paintable_get_intrinsic_width (picture), gdk_paintable_get_intrinsic_height (picture),
                  gtk_widget_get_width (shown), gtk_widget_get_height (shown));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (picture), >=, gtk_widget_get_width (shown) * scale);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (picture), >=, gtk_widget_get_height (shown) * scale);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (picture), <, 640);
  g_assert_true (gdk_paintable_get_intrinsic_width (picture) <= gtk_widget_get_width (shown) * scale + 1 ||
                 gdk_paintable_get_intrinsic_height (picture) <= gtk_widget_get_height (shown) * scale + 1);

  /* The campaign page shows it larger than the card. */
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  picture = wait_for_picture (page, "the page's picture is shown");
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (picture), ==, 640);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Widgets of @type under @root, shown or not. */
static GtkWidget *
find_any (GtkWidget *root,
          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_any (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A window that only browses neither builds the campaign and pledge pages
 * nor lays out the views nobody opened. */
static void
test_views_built_when_first_shown (void)
{
  GtkWidget *window = open_window (platform->url);
  GtkWidget *following;

  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (4), "four live campaigns are shown");
  g_assert_null (find_any (window, CF_TYPE_CAMPAIGN_PAGE));
  g_assert_null (find_any (window, CF_TYPE_PLEDGE_PAGE));
  following = find_any (window, CF_TYPE_FOLLOWING_PAGE);
  g_assert_nonnull (following);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (following)));

  gtk_widget_activate_action (window, "win.show-view", "s", "following");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (following)));
  gtk_widget_activate_action (window, "win.show-view", "s", "explore");

  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  g_assert_nonnull (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Escape clears the search; Alt+1…4 switch views, but never to one the
 * account does not have. */
static void
test_keyboard (void)
{
  GtkWidget *window = open_window (platform->url);
  GtkWidget *search;
  AdwViewStack *views;
  g_auto(GStrv) pledges_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                        "win.show-view::pledges");

  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (4), "four live campaigns are shown");
  search = cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "watch");
  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (1), "the search narrows the grid to one");
  g_signal_emit_by_name (search, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (4), "Escape brings every campaign back");

  g_assert_true (g_strv_contains ((const char * const *) pledges_accels, "<Alt>3"));
  views = ADW_VIEW_STACK (cf_test_first_visible (window, ADW_TYPE_VIEW_STACK));
  gtk_widget_activate_action (window, "win.show-view", "s", "pledges");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "pledges");
  gtk_widget_activate_action (window, "win.show-view", "s", "dashboard");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "pledges");
  gtk_widget_activate_action (window, "win.show-view", "s", "explore");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "explore");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A campaign not launched yet says when it launches and what it aims for,
 * not “0% · 0 backers”. */
static void
test_upcoming_card (void)
{
  GtkWidget *window = open_window (platform->url);
  GtkWidget *card;

  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (4), "four live campaigns are shown");
  cf_ui_show_campaigns_in_state (window, 1);
  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (1), "the upcoming campaign alone is shown");
  card = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_CARD);
  g_assert_true (cf_test_shows_label (card, "Goal: €50"));
  g_assert_true (cf_test_shows_label_starting (card, "Launches in "));
  g_assert_false (cf_test_shows_label (card, "0%"));
  g_assert_false (cf_test_shows_label (card, "0 backers"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The connect dialog says at once what is wrong with an address. */
static void
test_connect_dialog (void)
{
  GSettings *settings = cf_application_get_settings (application);
  const char *none[] = { NULL };
  const char *problem = "A platform’s address starts with https:// or http://, as in https://crowdfund.example";
  GtkWidget *window;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_settings_set_strv (settings, "platforms", none);
  g_settings_set_string (settings, "platform", "");
  cf_application_set_platform_option (application, NULL);
  window = GTK_WIDGET (cf_application_new_window (application));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (window, "win.connect", NULL));
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = cf_test_first_visible (dialog, GTK_TYPE_ENTRY);
  g_assert_false (cf_test_shows_label (dialog, problem));

  gtk_editable_set_text (GTK_EDITABLE (entry), "notaurl");
  g_assert_true (cf_test_shows_label (dialog, problem));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "act"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "https://crowdfund.example");
  g_assert_false (cf_test_shows_label (dialog, problem));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "act"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_rewards_with_counts (void)
{
  GtkWidget *window = open_window (platform->url);
  GtkWidget *search;
  GtkWidget *page;

  cf_test_wait_until (window, has_label, "Alpha board game", "the seeded titles appear");
  search = cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "alpha");
  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (1), "the search finds Alpha");
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_reward_cards, GUINT_TO_POINTER (3), "every reward of Alpha appears");

  g_assert_true (cf_test_shows_label (page, "Unlimited"));
  g_assert_true (cf_test_shows_label (page, "10 left of 10"));
  g_assert_true (cf_test_shows_label (page, "Ships to Japan"));
  g_assert_true (cf_test_shows_label (page, "Estimated delivery: March 2027"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_error_page (GtkWidget *root,
                  gpointer   data)
{
  g_autoptr(GPtrArray) pages = cf_test_visible_widgets (root, ADW_TYPE_STATUS_PAGE);

  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_status_page_get_title (g_ptr_array_index (pages, i)), "Cannot Reach the Platform") == 0)
      return TRUE;

  return FALSE;
}

/* A platform that is down shows a page with a retry, which works once the
 * platform is back. */
static void
test_unreachable_then_retry (void)
{
  g_autoptr(CfTestPlatform) later = cf_test_platform_start ("seed.json", NULL);
  GtkWidget *window;

  cf_test_platform_stop (later);
  window = open_window (later->url);
  cf_test_wait_until (window, shows_error_page, NULL, "the error page shows");

  cf_test_platform_restart (later);
  gtk_widget_activate_action (cf_test_first_visible (window, CF_TYPE_EXPLORE_PAGE), "explore.reload", NULL);
  cf_test_wait_until (window, has_label, "Alpha board game", "retrying shows the campaigns");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_retry_banner (GtkWidget *root,
                    gpointer   data)
{
  return cf_test_count_visible (root, CF_TYPE_ERROR_BANNER) == 1 &&
         cf_test_button_labelled (cf_test_first_visible (root, CF_TYPE_ERROR_BANNER), "Retry") != NULL;
}

static gboolean
retry_banner_gone (GtkWidget *root,
                   gpointer   data)
{
  return cf_test_count_visible (root, CF_TYPE_ERROR_BANNER) == 0;
}

/* A campaign page that cannot be read again keeps what it shows and says
 * so at its top, in sight, with Retry; Retry works once the platform is
 * back. */
static void
test_campaign_page_unreachable (void)
{
  g_autoptr(CfTestPlatform) later = cf_test_platform_start ("seed.json", NULL);
  GtkWidget *window = open_window (later->url);
  GtkWidget *page;
  GtkWidget *banner;
  graphene_point_t at;

  cf_test_wait_until (window, has_label, "Alpha board game", "the seeded titles appear");
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY)), "alpha");
  cf_test_wait_until (window, has_cards, GUINT_TO_POINTER (1), "the search finds Alpha");
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_reward_cards, GUINT_TO_POINTER (3), "the rewards appear");

  cf_test_platform_stop (later);
  gtk_widget_activate_action (page, "campaign.reload", NULL);
  cf_test_wait_until (page, shows_retry_banner, NULL, "the failure is told with Retry");
  banner = cf_test_first_visible (page, CF_TYPE_ERROR_BANNER);
  g_assert_true (gtk_widget_compute_point (banner, page, &GRAPHENE_POINT_INIT (0, 0), &at));
  g_assert_cmpfloat (at.y, <, 100);
  g_assert_true (cf_test_shows_label (page, "Alpha board game"));
  g_assert_cmpuint (cf_test_count_visible (page, CF_TYPE_REWARD_CARD), ==, 3);

  cf_test_platform_restart (later);
  g_signal_emit_by_name (cf_test_button_labelled (banner, "Retry"), "clicked");
  cf_test_wait_until (page, retry_banner_gone, NULL, "the page is read again");
  cf_test_wait_until (page, has_reward_cards, GUINT_TO_POINTER (3), "the rewards are there");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
switcher_bar_revealed (GtkWidget *root,
                       gpointer   data)
{
  g_autoptr(GPtrArray) bars = cf_test_visible_widgets (root, ADW_TYPE_VIEW_SWITCHER_BAR);

  return bars->len == 1 && adw_view_switcher_bar_get_reveal (g_ptr_array_index (bars, 0));
}

/* F1 opens the user guide; the help itself is checked by yelp-check. */
static void
test_help_on_f1 (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.help");

  g_autoptr(GAppInfo) help_browser = g_app_info_get_default_for_uri_scheme ("help");
  GtkWidget *window;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "help"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  if (help_browser != NULL)
    {
      g_test_message ("a help browser is installed: the fallback is not tried");
      return;
    }

  /* Without one, a message instead of a raw error, and the guide's pages. */
  window = open_window (platform->url);
  g_action_group_activate_action (G_ACTION_GROUP (application), "help", NULL);
  cf_test_wait_until (window, has_label, "No help browser is installed: the guide opens in the web browser instead",
                      "the missing help browser is explained");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone-sized window the views move to a bar at the bottom and the
 * grid becomes one column.  The bar slides in as people see it: GTK 4.8's
 * revealer allocates a negative height when it opens with animations off. */
static void
test_narrow_window (void)
{
  GtkWidget *window;
  GtkWidget *grid;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  window = open_window (platform->url);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  cf_test_wait_until (window, has_label, "Alpha board game", "the seeded titles appear");
  cf_test_wait_until (window, switcher_bar_revealed, NULL, "the view switcher moves to the bottom");
  grid = cf_test_first_visible (window, GTK_TYPE_GRID_VIEW);
  g_assert_cmpint (gtk_widget_get_width (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_CARD)), >,
                   gtk_widget_get_width (grid) / 2);
  cf_test_render_to_png (window, "explore-narrow");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Pre-orders and members are counted as the language writes numbers,
 * beside the money they brought, and measured against the next stage
 * while there is one: “50,704 of 50,000 pre-orders”, never “50704”. */
static void
test_counted_goals (void)
{
  g_autoptr(CfCampaign) presale = cf_test_counted_campaign ("pre_orders", 50000, 50704, 60000);
  g_autoptr(CfCampaign) membership = cf_test_counted_campaign ("members", 500, 420, 750);
  g_auto(CfCampaignSummary) orders = { 0 };
  g_auto(CfCampaignSummary) members = { 0 };

  cf_campaign_summary_init (&orders, presale);
  g_assert_cmpstr (orders.pledged_of_goal, ==, "50,704 of 50,000 pre-orders");
  g_assert_cmpstr (orders.pledged, ==, "50,704 pre-orders");
  g_assert_cmpstr (orders.next_goal, ==, "60,000 pre-orders");
  g_assert_cmpstr (orders.raised, ==, "¥19,470,000 raised");
  g_assert_cmpstr (orders.percent, ==, "84%");

  cf_campaign_summary_init (&members, membership);
  g_assert_cmpstr (members.pledged_of_goal, ==, "420 of 500 members");
  g_assert_cmpstr (members.goal, ==, "500 members");
  g_assert_cmpstr (members.next_goal, ==, "750 members");
  g_assert_cmpstr (members.percent, ==, "56%");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("crowdfund-ui-XXXXXX", NULL);
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);
  application = cf_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add_func ("/ui/browse-search-and-open", test_browse_search_and_open);
  g_test_add_func ("/ui/rewards-with-counts", test_rewards_with_counts);
  g_test_add_func ("/ui/keyboard", test_keyboard);
  g_test_add_func ("/ui/pictures-at-their-size", test_pictures_at_their_size);
  g_test_add_func ("/ui/views-built-when-first-shown", test_views_built_when_first_shown);
  g_test_add_func ("/ui/upcoming-card", test_upcoming_card);
  g_test_add_func ("/ui/connect-dialog", test_connect_dialog);
  g_test_add_func ("/ui/unreachable-then-retry", test_unreachable_then_retry);
  g_test_add_func ("/ui/campaign-page-unreachable", test_campaign_page_unreachable);
  g_test_add_func ("/ui/narrow-window", test_narrow_window);
  g_test_add_func ("/ui/help-on-f1", test_help_on_f1);
  g_test_add_func ("/ui/counted-goals", test_counted_goals);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
