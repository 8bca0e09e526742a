/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-application.h"
#include "cf-campaign-card.h"
#include "cf-campaign-page.h"
#include "cf-pledge-page.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

/* Back leads where the person came from, and every page opens at its top:
 * Pledges → a pledge → Back is Pledges again, never the last campaign seen;
 * a campaign opened from Following goes back to Following. */

static CfTestPlatform *platform;
static CfApplication *application;

static gboolean
has_cards (GtkWidget *root,
           gpointer   data)
{
  return cf_test_count_visible (root, CF_TYPE_CAMPAIGN_CARD) > 0;
}

static gboolean
is_tall (GtkWidget *root,
         gpointer   data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (root));

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 100;
}

static const char *
visible_page (GtkWidget *window)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (cf_test_first_visible (window, ADW_TYPE_LEAFLET));

  return adw_leaflet_get_visible_child_name (leaflet);
}

static const char *
visible_view (GtkWidget *window)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (cf_test_first_visible (window, ADW_TYPE_LEAFLET));
  g_autoptr(GPtrArray) stacks = cf_test_visible_widgets (adw_leaflet_get_visible_child (leaflet),
                                                         ADW_TYPE_VIEW_STACK);

  return stacks->len > 0 ? adw_view_stack_get_visible_child_name (stacks->pdata[0]) : NULL;
}

static GtkWidget *
open_campaign (GtkWidget *window,
               guint      position)
{
  GtkWidget *page;

  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", position);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  g_assert_nonnull (page);
  return page;
}

static void
test_back_to_pledges (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *campaign_page;
  GtkWidget *pledge_page;

  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  /* A campaign seen first: Back from a pledge must not lead to it. */
  campaign_page = open_campaign (window, 0);
  gtk_widget_activate_action (campaign_page, "campaign.back", NULL);

  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
  cf_test_wait_until (window, cf_test_shows_row, "Ten left", "the pledge is listed");
  adw_action_row_activate (ADW_ACTION_ROW (cf_test_row_titled (window, ADW_TYPE_ACTION_ROW, "Ten left")));
  pledge_page = cf_test_first_visible (window, CF_TYPE_PLEDGE_PAGE);
  g_assert_nonnull (pledge_page);
  g_assert_true (gtk_widget_activate_action (pledge_page, "pledge.back", NULL));
  g_assert_cmpstr (visible_page (window), ==, "main");
  g_assert_cmpstr (visible_view (window), ==, "pledges");
  /* Nothing left in the keyring for the next window to sign back in with. */
  cf_ui_sign_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_back_to_following (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *page;
  g_autofree char *token = cf_test_platform_sign_in (platform, "backer", "backer-pw");
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = cf_test_platform_call (platform, "PUT", "/v1/me/following/1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 204);
  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "following"));
  cf_test_wait_until (window, has_cards, NULL, "the followed campaign is shown");
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  g_assert_nonnull (page);
  gtk_widget_activate_action (page, "campaign.back", NULL);
  g_assert_cmpstr (visible_page (window), ==, "main");
  g_assert_cmpstr (visible_view (window), ==, "following");
  cf_ui_sign_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Scrolled down one campaign, the next opens at its top. */
static void
test_pages_open_at_top (void)
{
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;

  g_settings_set_int (cf_application_get_settings (application), "window-height", 420);
  window = cf_ui_open_window (application, platform->url);
  page = open_campaign (window, 0);
  scrolled = cf_test_first_visible (page, GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  cf_test_wait_until (scrolled, is_tall, NULL, "the page is taller than the window");
  gtk_adjustment_set_value (adjustment, 100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  gtk_widget_activate_action (page, "campaign.back", NULL);
  page = open_campaign (window, 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* After every view and page has been shown, the window still fits a phone. */
static void
test_phone_width (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *page = open_campaign (window, 0);

  cf_ui_sign_in (window, "creator", "creator-pw", "Cleo Creator");
  gtk_widget_activate_action (page, "campaign.back", NULL);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const views[] = { "following", "pledges", "dashboard", "explore" };

      g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", views[i]));
      g_main_context_iteration (NULL, FALSE);
    }
  page = open_campaign (window, 0);
  cf_ui_assert_fits_phone (window);
  cf_test_render_to_png (window, "campaign-narrow");

  /* Every view, shown at that width, fits too. */
  gtk_widget_activate_action (page, "campaign.back", NULL);
  for (guint i = 0; i < 4; i++)
    {
      static const char * const views[] = { "following", "pledges", "dashboard", "explore" };

      g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", views[i]));
      for (guint turn = 0; turn < 50; turn++)
        g_main_context_iteration (NULL, FALSE);
      cf_ui_assert_fits_phone (window);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cf_ui_use_new_home ("navigation");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);
  cf_test_platform_pledge (platform, "backer", "backer-pw", "2", CF_UI_TEN_LEFT_PLEDGE);
  application = cf_ui_new_application ();

  g_test_add_func ("/navigation/back-to-pledges", test_back_to_pledges);
  g_test_add_func ("/navigation/back-to-following", test_back_to_following);
  g_test_add_func ("/navigation/pages-open-at-top", test_pages_open_at_top);
  g_test_add_func ("/navigation/phone-width", test_phone_width);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
