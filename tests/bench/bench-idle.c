/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "cf-application.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"

/* Crowdfund at rest, one view after the other, for bench-idle.py: signed in
 * as the seed's creator, each view is shown, left to load and settle, then
 * “ready VIEW” is printed and the app goes on running its main loop while
 * bench-idle.py measures it from outside (a view that never settles is
 * measured all the same, after half a minute); a line on stdin ends the period,
 * and “frames VIEW N” tells how many frames the window's frame clock
 * painted meanwhile. The views: Explore, Following, Pledges, the dashboard
 * with no pledge arriving, a campaign's page, and the window hidden. */

#define SETTLE_SECONDS 4
#define MAX_SETTLING_PERIODS 15

static CfTestPlatform *platform;
static CfApplication *application;

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

static gboolean
line_read_cb (GIOChannel   *channel,
              GIOCondition  condition,
              gpointer      user_data)
{
  g_autofree char *line = NULL;

  g_io_channel_read_line (channel, &line, NULL, NULL, NULL);
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
measure (GtkWidget  *window,
         const char *view)
{
  static GIOChannel *input;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean measured = FALSE;
  guint frames = 0, periods = 0;
  gulong handler;

  if (input == NULL)
    input = g_io_channel_unix_new (0);
  if (gtk_widget_get_visible (window))
    cf_test_wait_until (window, cf_ui_has_loaded, NULL, "the view to have loaded");
  /* Settled once a period went by without a frame: transitions ended,
   * pictures and the funding history arrived and were drawn. */
  while (periods++ < MAX_SETTLING_PERIODS && cf_ui_frames_painted_over (window, SETTLE_SECONDS) > 0)
    ;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &frames);
  g_io_add_watch (input, G_IO_IN | G_IO_HUP, line_read_cb, &measured);
  printf ("ready %s\n", view);
  fflush (stdout);
  while (!measured)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  printf ("frames %s %u\n", view, frames);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const views[] = { "explore", "following", "pledges", "dashboard" };
  g_autofree char *home = cf_ui_use_new_home ("bench-idle");
  GtkWidget *window;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  platform = cf_test_platform_start ("seed.json", NULL);
  application = cf_ui_new_application ();

  window = cf_ui_open_window (application, platform->url);
  cf_ui_sign_in (window, "creator", "creator-pw", "Cleo Creator");
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_widget_activate_action (window, "win.show-view", "s", views[i]);
      measure (window, views[i]);
    }
  gtk_widget_activate_action (window, "win.show-view", "s", "explore");
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  measure (window, "campaign");
  gtk_widget_set_visible (window, FALSE);
  measure (window, "hidden");

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_platform_free (platform);
  g_object_unref (application);
  return 0;
}
