/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-memory-rest"

#include "config.h"

#include <malloc.h>

#include "cf-memory-rest.h"

/* What the app freed while it worked — parsed pages, decoded pictures,
 * style sheets — glibc keeps for later, and the system counts it as the
 * app's. Once the window has painted nothing for REST_MS, it is given back
 * (malloc_trim), once: at rest nothing wakes the app for it again. */

#define REST_MS 3000

typedef struct
{
  GdkFrameClock *clock;  /* the window's, while it is realized */
  gulong painted_id;
  gint64 last_paint;
  guint timeout_id;
} Rest;

static void
rest_free (gpointer data)
{
  Rest *rest = data;

  g_clear_handle_id (&rest->timeout_id, g_source_remove);
  if (rest->clock != NULL)
    g_clear_signal_handler (&rest->painted_id, rest->clock);
  g_clear_object (&rest->clock);
  g_free (rest);
}

static gboolean
rested_cb (gpointer data)
{
  Rest *rest = data;
  gint64 quiet_ms = (g_get_monotonic_time () - rest->last_paint) / 1000;

  rest->timeout_id = 0;
  if (quiet_ms < REST_MS)
    rest->timeout_id = g_timeout_add (REST_MS - quiet_ms + 1, rested_cb, rest);
#ifdef __GLIBC__
  else
    malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Rest          *rest)
{
  rest->last_paint = g_get_monotonic_time ();
  if (rest->timeout_id == 0)
    rest->timeout_id = g_timeout_add (REST_MS, rested_cb, rest);
}

static void
unrealize_cb (GtkWidget *window,
              Rest      *rest)
{
  if (rest->clock != NULL)
    g_clear_signal_handler (&rest->painted_id, rest->clock);
  g_clear_object (&rest->clock);
}

static void
realize_cb (GtkWidget *window,
            Rest      *rest)
{
  unrealize_cb (window, rest);
  rest->clock = g_object_ref (gtk_widget_get_frame_clock (window));
  rest->painted_id = g_signal_connect (rest->clock, "after-paint", G_CALLBACK (after_paint_cb), rest);
}

/* Watches @window's painting for as long as it lives. */
void
cf_memory_rest_watch (GtkWidget *window)
{
  Rest *rest = g_new0 (Rest, 1);

  g_object_set_data_full (G_OBJECT (window), "cf-memory-rest", rest, rest_free);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), rest);
  g_signal_connect (window, "unrealize", G_CALLBACK (unrealize_cb), rest);
}
