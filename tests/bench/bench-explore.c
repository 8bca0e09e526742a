/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>
#include <valgrind/callgrind.h>

#include "cf-application.h"
#include "cf-campaign-card.h"
#include "cf-test-widgets.h"

/* Explore in the real application, from exec to a search typed over a large
 * catalogue on the reference platform:
 *
 *   first-frame  exec until the first frame with campaign cards is painted;
 *   pages        the first page asked for again ten times: one page fetched,
 *                parsed and spliced in, each time;
 *   load         scrolling to the end until LOAD campaigns are loaded (5 000
 *                unless told; 0 skips it);
 *   scroll       120 frames of scrolling through what is loaded, back and
 *                forth;
 *   dispatch     each main-loop dispatch while a search is typed.
 *
 * It prints its figures as "name: value" lines. Run under callgrind, it also
 * dumps the main thread's instructions of each phase under the phase's name
 * ("first-frame" as the second argument stops there); bench-explore.py reads
 * both. */

#define DEFAULT_LOAD      5000
#define SCROLL_FRAMES     120
#define SCROLL_STEP       120.0
#define SEARCH            "solar"
#define SETTLE_SECONDS    3
#define RELOADS           10
#define PHASE_SECONDS     900

typedef struct
{
  GtkWidget *window;
  GListModel *campaigns;
  GtkAdjustment *vadjustment;
  gint64 started;
  guint rows_created;   /* list item factory "setup" emissions */
  guint frames;         /* frames painted */
  guint pages;          /* pages spliced into the campaign list */
  gboolean cards_bound;
  gboolean first_frame;
  gboolean loading_seen;
  gboolean measuring_dispatches;
  gint64 longest_dispatch;
  guint dispatches;
  guint load;            /* campaigns to load by scrolling */
  double scroll_step;
  gboolean first_frame_only;
  gsize heap_at_baseline;  /* once a fifth of them are loaded */
} Bench;

static Bench bench;

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static gsize
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line ? g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10) : 0;
}

/* One turn of the main loop, with the dispatch alone timed and, while
 * typing, dumped by callgrind. */
static void
dispatch_once (void)
{
  static GPollFD *fds;
  static gint allocated;
  GMainContext *context = g_main_context_default ();
  gint priority, timeout, n;

  g_main_context_acquire (context);
  g_main_context_prepare (context, &priority);
  while ((n = g_main_context_query (context, priority, &timeout, fds, allocated)) > allocated)
    {
      allocated = n;
      fds = g_renew (GPollFD, fds, allocated);
    }
  g_poll (fds, n, timeout < 0 || timeout > 50 ? 50 : timeout);

  if (g_main_context_check (context, priority, fds, n))
    {
      gint64 start;

      if (bench.measuring_dispatches)
        CALLGRIND_ZERO_STATS;
      start = g_get_monotonic_time ();
      g_main_context_dispatch (context);
      if (bench.measuring_dispatches)
        {
          CALLGRIND_DUMP_STATS_AT ("dispatch");
          bench.longest_dispatch = MAX (bench.longest_dispatch, g_get_monotonic_time () - start);
          bench.dispatches++;
        }
    }
  g_main_context_release (context);
}

static void
run_until (gboolean  (*done) (void),
           const char *what)
{
  gint64 deadline = g_get_monotonic_time () + PHASE_SECONDS * G_USEC_PER_SEC;

  while (!done ())
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting until %s", what);
      dispatch_once ();
    }
}

static void
run_for (guint seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until)
    dispatch_once ();
}

/* Until a second passed without a frame: what the last step set off (a
 * reload, a scroll, a letter typed) has been drawn. At rest the app paints
 * nothing, so waiting for a number of frames would wait for ever. */
static void
settle (void)
{
  guint frames;

  do
    {
      frames = bench.frames;
      run_for (1);
    }
  while (bench.frames != frames);
}

static void
run_frames (guint count)
{
  guint until = bench.frames + count;

  while (bench.frames < until)
    dispatch_once ();
}

static gboolean
row_created_cb (GSignalInvocationHint *hint,
                guint                  n_values,
                const GValue          *values,
                gpointer               data)
{
  bench.rows_created++;
  return TRUE;
}

/* Drop-downs bind rows through the same factory class: only a campaign
 * card counts. */
static gboolean
card_bound_cb (GSignalInvocationHint *hint,
               guint                  n_values,
               const GValue          *values,
               gpointer               data)
{
  GObject *item = g_value_get_object (&values[1]);

  if (GTK_IS_LIST_ITEM (item) && CF_IS_CAMPAIGN_CARD (gtk_list_item_get_child (GTK_LIST_ITEM (item))))
    bench.cards_bound = TRUE;
  return TRUE;
}

/* The first frame painted with a campaign card on screen. */
static void
after_paint_cb (GdkFrameClock *clock)
{
  bench.frames++;
  if (bench.cards_bound && !bench.first_frame && cf_test_count_visible (bench.window, CF_TYPE_CAMPAIGN_CARD) > 0)
    {
      CALLGRIND_DUMP_STATS_AT ("first-frame");
      bench.first_frame = TRUE;
      g_print ("first-frame-ms: %.1f\n", (g_get_monotonic_time () - bench.started) / 1000.0);
    }
}

static void
page_spliced_cb (void)
{
  bench.pages++;
}

static void
loading_cb (void)
{
  gboolean loading;

  g_object_get (bench.campaigns, "loading", &loading, NULL);
  bench.loading_seen |= loading;
}

static gboolean
first_frame_painted (void)
{
  return bench.first_frame;
}

static gboolean
enough_loaded (void)
{
  guint n_items = g_list_model_get_n_items (bench.campaigns);

  if (n_items >= bench.load / 5 && bench.heap_at_baseline == 0)
    bench.heap_at_baseline = heap_in_use ();
  return n_items >= bench.load;
}

static gboolean
page_answered (void)
{
  gboolean loading;

  g_object_get (bench.campaigns, "loading", &loading, NULL);
  return bench.loading_seen && !loading;
}

static gboolean
scroll_to_end_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  GtkAdjustment *adjustment = bench.vadjustment;

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_CONTINUE;
}

static gboolean
scroll_step_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  GtkAdjustment *adjustment = bench.vadjustment;
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment) + bench.scroll_step;

  /* Back and forth through what is loaded, never asking for more. */
  if (value > end - 2 * gtk_adjustment_get_page_size (adjustment) || value < 0)
    bench.scroll_step = -bench.scroll_step;
  gtk_adjustment_set_value (adjustment, CLAMP (value, 0, end));
  return G_SOURCE_CONTINUE;
}

static gboolean
type_letter_cb (gpointer data)
{
  GtkEditable *search_entry = data;
  int position = strlen (gtk_editable_get_text (search_entry));

  gtk_editable_insert_text (search_entry, SEARCH + position, 1, &position);
  return G_SOURCE_REMOVE;
}

static void
measure_first_frame (void)
{
  run_until (first_frame_painted, "the first cards are painted");
  g_print ("rows-at-first-frame: %u\n", bench.rows_created);
  run_for (SETTLE_SECONDS);
  g_print ("rss-kib-after-first-frame: %zu\n", resident_kib ());
  CALLGRIND_ZERO_STATS;
}

static void
measure_loading (GtkWidget *grid)
{
  guint tick = gtk_widget_add_tick_callback (grid, scroll_to_end_cb, NULL, NULL);
  gsize heap;

  bench.pages = 0;
  bench.rows_created = 0;
  run_until (enough_loaded, "the campaigns are loaded");
  gtk_widget_remove_tick_callback (grid, tick);
  CALLGRIND_DUMP_STATS_AT ("load");

  heap = heap_in_use ();
  g_print ("load-pages: %u\n", bench.pages);
  g_print ("load-campaigns: %u\n", g_list_model_get_n_items (bench.campaigns));
  g_print ("load-rows-created: %u\n", bench.rows_created);
  g_print ("heap-bytes-per-campaign: %.0f\n",
           ((double) heap - (double) bench.heap_at_baseline)
           / (g_list_model_get_n_items (bench.campaigns) - bench.load / 5));
  g_print ("rss-kib-after-load: %zu\n", resident_kib ());
}

static void
measure_pages (GtkWidget *grid)
{
  g_signal_connect (bench.campaigns, "notify::loading", G_CALLBACK (loading_cb), NULL);
  settle ();
  CALLGRIND_ZERO_STATS;
  bench.pages = 0;
  for (guint i = 0; i < RELOADS; i++)
    {
      bench.loading_seen = FALSE;
      gtk_widget_activate_action (bench.window, "win.reload", NULL);
      run_until (page_answered, "the page is answered again");
    }
  CALLGRIND_DUMP_STATS_AT ("pages");
  g_print ("reloaded-pages: %u\n", bench.pages);
}

static void
measure_scrolling (GtkWidget *grid)
{
  guint tick;
  guint frames;
  gint64 start;

  gtk_adjustment_set_value (bench.vadjustment, 0);
  settle ();
  CALLGRIND_ZERO_STATS;
  bench.rows_created = 0;
  frames = bench.frames;
  bench.scroll_step = SCROLL_STEP;
  start = g_get_monotonic_time ();
  tick = gtk_widget_add_tick_callback (grid, scroll_step_cb, NULL, NULL);
  run_frames (SCROLL_FRAMES);
  gtk_widget_remove_tick_callback (grid, tick);
  CALLGRIND_DUMP_STATS_AT ("scroll");

  g_print ("scroll-frames: %u\n", bench.frames - frames);
  g_print ("scroll-ms: %.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  g_print ("scroll-rows-created: %u\n", bench.rows_created);
}

static void
measure_typing (void)
{
  GtkWidget *search_entry = cf_test_first_visible (bench.window, GTK_TYPE_SEARCH_ENTRY);

  gtk_widget_grab_focus (search_entry);
  settle ();
  bench.measuring_dispatches = TRUE;
  for (guint i = 0; i < strlen (SEARCH); i++)
    {
      bench.loading_seen = FALSE;
      g_idle_add (type_letter_cb, search_entry);
      run_until (page_answered, "the search is answered");
      settle ();
    }
  bench.measuring_dispatches = FALSE;

  g_print ("search-text: %s\n", gtk_editable_get_text (GTK_EDITABLE (search_entry)));
  g_print ("search-results: %u\n", g_list_model_get_n_items (bench.campaigns));
  g_print ("typing-dispatches: %u\n", bench.dispatches);
  g_print ("typing-longest-dispatch-us: %" G_GINT64_FORMAT "\n", bench.longest_dispatch);
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *grid;
  GtkSelectionModel *selection;

  bench.window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (application)));
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1100, 800);
  g_signal_connect (gtk_widget_get_frame_clock (bench.window), "after-paint", G_CALLBACK (after_paint_cb), NULL);

  measure_first_frame ();
  if (bench.first_frame_only)
    {
      g_application_quit (application);
      return;
    }

  grid = cf_test_first_visible (bench.window, GTK_TYPE_GRID_VIEW);
  selection = gtk_grid_view_get_model (GTK_GRID_VIEW (grid));
  bench.campaigns = gtk_no_selection_get_model (GTK_NO_SELECTION (selection));
  bench.vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  g_signal_connect (bench.campaigns, "items-changed", G_CALLBACK (page_spliced_cb), NULL);

  measure_pages (grid);
  if (bench.load > 0)
    measure_loading (grid);
  measure_scrolling (grid);
  measure_typing ();

  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CfApplication) application = NULL;
  char *arguments[] = { argv[0], "--platform", argv[1], NULL };

  bench.started = g_get_monotonic_time ();
  if (argc < 2 || argc > 3)
    g_error ("usage: bench-explore PLATFORM-URL [CAMPAIGNS-TO-LOAD | first-frame]");
  bench.first_frame_only = argc == 3 && g_str_equal (argv[2], "first-frame");
  bench.load = argc == 3 ? g_ascii_strtoull (argv[2], NULL, 10) : DEFAULT_LOAD;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  textdomain (GETTEXT_PACKAGE);

  g_type_ensure (GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY);
  g_type_class_unref (g_type_class_ref (GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY));
  g_signal_add_emission_hook (g_signal_lookup ("setup", GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY), 0,
                              row_created_cb, NULL, NULL);
  g_signal_add_emission_hook (g_signal_lookup ("bind", GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY), 0,
                              card_bound_cb, NULL, NULL);

  application = cf_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), G_N_ELEMENTS (arguments) - 1, arguments);
}
