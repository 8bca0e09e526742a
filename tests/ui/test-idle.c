/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-application.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

/* At rest, Crowdfund draws nothing: with every view shown and settled, the
 * window's frame clock paints no frame over a quiet period. A spinner left
 * turning on a hidden page, an animation or a tick callback that never
 * stops would each paint about 60 frames a second. */

#define QUIET_SECONDS 2

static CfTestPlatform *platform;
static CfApplication *application;

/* Once @what has loaded and a first quiet period has let its transitions
 * and fading pictures end, the next paints nothing. */
static void
assert_at_rest (GtkWidget  *window,
                const char *what)
{
  guint settling, frames;

  cf_test_wait_until (window, cf_ui_has_loaded, NULL, "the view to have loaded");
  settling = cf_ui_frames_painted_over (window, QUIET_SECONDS);
  frames = cf_ui_frames_painted_over (window, QUIET_SECONDS);
  g_test_message ("%s: %u frames while settling, then %u in %d s at rest", what, settling, frames, QUIET_SECONDS);
  /* A frame for a clock that turned a minute, never a stream. */
  g_assert_cmpuint (frames, <=, 1);
}

static void
test_views_at_rest (void)
{
  static const char * const views[] = { "explore", "following", "pledges", "dashboard" };
  GtkWidget *window = cf_ui_open_window (application, platform->url);

  cf_ui_sign_in (window, "creator", "creator-pw", "Cleo Creator");
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", views[i]));
      assert_at_rest (window, views[i]);
    }

  /* A campaign's page, with its funding chart. */
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "explore"));
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  assert_at_rest (window, "a campaign");

  cf_ui_sign_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  cf_ui_use_new_home ("idle");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* With the app's own settings: animations on, as a person has them. */
  platform = cf_test_platform_start ("seed.json", NULL);
  application = cf_ui_new_application ();

  g_test_add_func ("/idle/views-at-rest", test_views_at_rest);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
