/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-application.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

/* With the platform down, a backer still reads their pledges: the app keeps
 * the last answer on disk, says how old it is, and refreshes by itself once
 * the platform answers again; signing out deletes what was kept. */

static CfTestPlatform *platform;
static CfApplication *application;
static char *home;

static guint
count_saved (const char *prefix)
{
  g_autofree char *directory = g_build_filename (home, "crowdfund", "lists", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint count = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    count += g_str_has_prefix (name, prefix);
  return count;
}

static GtkWidget *
open_on_pledges (void)
{
  GtkWidget *window;

  g_settings_set_string (cf_application_get_settings (application), "last-view", "pledges");
  cf_application_set_platform_option (application, platform->url);
  window = GTK_WIDGET (cf_window_new (application));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_pledges_offline (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  g_autoptr(GUri) uri = g_uri_parse (platform->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *stale_text = g_strdup_printf ("Pledges on %s:%d are shown as of ", g_uri_get_host (uri),
                                                 g_uri_get_port (uri));

  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
  cf_test_wait_until (window, cf_ui_shows_fresh_row, "Ten left", "the pledge is listed");
  g_assert_cmpuint (count_saved ("pledges-"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The platform goes down; the app starts again. */
  cf_test_platform_stop (platform);
  window = open_on_pledges ();
  cf_test_wait_until (window, cf_ui_shows_stale_row, "Ten left", "the pledge is shown from what was kept, marked");
  cf_test_wait_until (window, cf_test_shows_label_starting, stale_text, "how old it is is said");
  cf_test_render_to_png (window, "pledges-offline");

  /* Back up: the list refreshes by itself. */
  cf_test_platform_restart (platform);
  cf_test_wait_until (window, cf_ui_shows_fresh_row, "Ten left", "the pledges refresh without being asked");
  g_assert_false (cf_test_shows_label_starting (window, stale_text));

  /* Signing out leaves nothing of them on disk. */
  g_signal_emit_by_name (cf_test_button_labelled (cf_ui_open_preferences (window), "Sign Out"), "clicked");
  cf_test_wait_until (window, cf_test_shows_label_starting, "Sign in to see your pledges", "the account is signed out");
  g_assert_cmpuint (count_saved ("pledges-"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (cf_test_find_window (ADW_TYPE_PREFERENCES_WINDOW)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_fresh_explore (GtkWidget *root,
                     gpointer   data)
{
  return !cf_test_shows_label_starting (root, "Shown as of ");
}

static gboolean
shows_cards (GtkWidget *root,
             gpointer   data)
{
  return cf_test_shows_label (root, "Alpha board game");
}

/* Explore keeps the first page it was given: with the platform down, a new
 * window shows those campaigns, says how old they are, and asks again by
 * itself until the platform answers. */
static void
test_explore_offline (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);

  cf_test_wait_until (window, shows_cards, NULL, "the campaigns are shown");
  g_assert_cmpuint (count_saved ("explore-"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  cf_test_platform_stop (platform);
  g_settings_set_string (cf_application_get_settings (application), "last-view", "explore");
  cf_application_set_platform_option (application, platform->url);
  window = GTK_WIDGET (cf_window_new (application));
  gtk_window_present (GTK_WINDOW (window));
  cf_test_wait_until (window, cf_test_shows_label_starting, "Shown as of ", "the kept campaigns say how old they are");
  g_assert_true (shows_cards (window, NULL));
  cf_test_render_to_png (window, "explore-offline");

  cf_test_platform_restart (platform);
  cf_test_wait_until (window, shows_fresh_explore, NULL, "Explore asks again by itself");
  g_assert_true (shows_cards (window, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = cf_ui_use_new_home ("offline");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);
  cf_test_platform_pledge (platform, "backer", "backer-pw", "2", CF_UI_TEN_LEFT_PLEDGE);
  application = cf_ui_new_application ();

  g_test_add_func ("/offline/pledges", test_pledges_offline);
  g_test_add_func ("/offline/explore", test_explore_offline);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
