/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-live-event.h"
#include "cf-test-platform.h"

/* How long the reference platform takes to tell every listener of a
 * campaign's new totals, with thousands listening: that many live
 * connections (at most PER_ADDRESS from each loopback address, as the
 * platform allows) subscribe to the CAMPAIGNS live campaigns, then backers
 * pledge RATE times a second for SECONDS, round the campaigns. Each pledge
 * is followed until the first totals counting it reached the last listener;
 * prints those delays, how long each totals event took from its first
 * listener to its last, and the platform's CPU time.
 *
 * The listeners are spread over THREADS threads, each with its own main
 * context: one GLib main loop polling thousands of sockets spends its time
 * walking them for every message, and would measure itself rather than the
 * platform. */

#define PER_ADDRESS 60
#define CONNECTING  16
#define THREADS     8
#define CAMPAIGNS   4
#define RATE        200
#define SECONDS     10
#define PLEDGES     (RATE * SECONDS)
#define BACKERS     (PLEDGES / CAMPAIGNS)

typedef struct
{
  gint64 first;
  gint64 last;
  guint count;
} Receipts;

typedef struct
{
  gint64 sent;
  gint64 sequence;  /* the backer's number on the campaign, once answered */
} Pledge;

/* The listeners of one thread: connections FROM to FROM + COUNT. */
typedef struct
{
  const char *url;
  guint from;
  guint count;
  gint *measuring;
  gint *connected_in_all;
  GMainContext *context;
  GMainLoop *loop;
  GThread *thread;
  guint started;
  guint pending;
  GHashTable *sessions;   /* address index → SoupSession */
  GPtrArray *connections;
  GHashTable *receipts;   /* "campaign backers_count" → Receipts */
} Listeners;

typedef struct
{
  GMainLoop *loop;
  CfTestPlatform *platform;
  char *bearer[BACKERS];
  Pledge pledges[PLEDGES];
  guint next_pledge;
  gint64 pledging_since;
} Pledging;

static void
message_cb (SoupWebsocketConnection *connection,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            Listeners               *listeners)
{
  gsize length;
  const char *data = g_bytes_get_data (message, &length);
  CfLiveEvent event;
  g_autofree char *key = NULL;
  Receipts *receipts;
  gint64 now = g_get_monotonic_time ();

  if (!cf_live_event_read_fixed (&event, data, length) || event.type != CF_LIVE_EVENT_TOTALS)
    g_error ("an unexpected message: %.*s", (int) length, data);

  key = g_strdup_printf ("%s %" G_GINT64_FORMAT, event.campaign, event.backers_count);
  receipts = g_hash_table_lookup (listeners->receipts, key);
  if (receipts == NULL)
    {
      if (!g_atomic_int_get (listeners->measuring))
        return;
      receipts = g_new0 (Receipts, 1);
      receipts->first = now;
      g_hash_table_insert (listeners->receipts, g_steal_pointer (&key), receipts);
    }
  receipts->last = now;
  receipts->count++;
}

static void connect_more (Listeners *listeners);

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Listeners *listeners = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);

  if (error != NULL)
    g_error ("a listener could not connect: %s", error->message);
  g_signal_connect (connection, "message", G_CALLBACK (message_cb), listeners);
  soup_websocket_connection_send_text (connection, "{\"subscribe\": [1, 2, 3, 4]}");
  g_ptr_array_add (listeners->connections, connection);
  listeners->pending--;
  g_atomic_int_inc (listeners->connected_in_all);
  connect_more (listeners);
}

/* Connection @index comes from the loopback address index / PER_ADDRESS. */
static SoupSession *
session_for (Listeners *listeners,
             guint      index)
{
  guint address = index / PER_ADDRESS + 2;
  SoupSession *session = g_hash_table_lookup (listeners->sessions, GUINT_TO_POINTER (address));

  if (session == NULL)
    {
      g_autofree char *local = g_strdup_printf ("127.0.%u.%u", address / 250, address % 250 + 1);
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (local);
      g_autoptr(GSocketAddress) socket_address = g_inet_socket_address_new (inet, 0);

      session = soup_session_new_with_options ("local-address", socket_address, "max-conns", PER_ADDRESS,
                                               "max-conns-per-host", PER_ADDRESS, NULL);
      g_hash_table_insert (listeners->sessions, GUINT_TO_POINTER (address), session);
    }
  return session;
}

static void
connect_more (Listeners *listeners)
{
  static const char *protocols[] = { "crowdfund.v1", NULL };

  while (listeners->pending < CONNECTING && listeners->started < listeners->count)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("GET", listeners->url);
      guint index = listeners->from + listeners->started++;

      soup_session_websocket_connect_async (session_for (listeners, index), message, NULL,
                                            (char **) protocols, G_PRIORITY_DEFAULT, NULL, connected_cb, listeners);
      listeners->pending++;
    }
}

static gpointer
listen_in_thread (gpointer data)
{
  Listeners *listeners = data;

  g_main_context_push_thread_default (listeners->context);
  connect_more (listeners);
  g_main_loop_run (listeners->loop);
  g_ptr_array_set_size (listeners->connections, 0);
  g_hash_table_remove_all (listeners->sessions);
  g_main_context_pop_thread_default (listeners->context);
  return NULL;
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
wait_seconds (GMainLoop *loop,
              guint      seconds)
{
  g_timeout_add_seconds (seconds, quit_cb, loop);
  g_main_loop_run (loop);
}

static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Pledge *pledge = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_autoptr(JsonNode) node = NULL;

  g_assert_no_error (error);
  node = cf_test_json_from_bytes (body);
  g_assert_cmpuint (soup_message_get_status (message), ==, 201);
  pledge->sequence = json_object_get_int_member (json_node_get_object (node), "sequence");
}

/* Backer i pledges to campaign i % CAMPAIGNS + 1, keyed as the app does. */
static void
pledge (Pledging *pledging,
        guint     i)
{
  g_autofree char *url = g_strdup_printf ("%s/v1/campaigns/%u/pledges", pledging->platform->url, i % CAMPAIGNS + 1);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  static const char body[] = "{\"amount\": {\"amount\": 1000, \"currency\": \"EUR\"}}";
  g_autofree char *key = g_uuid_string_random ();

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                pledging->bearer[i / CAMPAIGNS]);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Idempotency-Key", key);
  soup_message_add_flags (message, SOUP_MESSAGE_IDEMPOTENT);
  soup_message_set_request_body_from_bytes (message, "application/json",
                                            g_bytes_new_static (body, strlen (body)));
  pledging->pledges[i].sent = g_get_monotonic_time ();
  soup_session_send_and_read_async (pledging->platform->session, message, G_PRIORITY_DEFAULT, NULL,
                                    answered_cb, &pledging->pledges[i]);
}

/* RATE pledges a second, however late the main loop comes back; two
 * seconds after the last, the measure ends. */
static gboolean
pledge_cb (gpointer user_data)
{
  Pledging *pledging = user_data;
  gint64 due = MIN ((g_get_monotonic_time () - pledging->pledging_since) * RATE / G_USEC_PER_SEC + 1, PLEDGES);

  while (pledging->next_pledge < due)
    pledge (pledging, pledging->next_pledge++);
  if (pledging->next_pledge < PLEDGES)
    return G_SOURCE_CONTINUE;

  g_print ("%u pledges sent in %.1f s\n", PLEDGES, (g_get_monotonic_time () - pledging->pledging_since) / 1e6);
  g_timeout_add_seconds (2, quit_cb, pledging->loop);
  return G_SOURCE_REMOVE;
}

/* Every thread's receipts of each totals event, together. */
static GHashTable *
merge_receipts (Listeners *threads)
{
  GHashTable *all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint t = 0; t < THREADS; t++)
    {
      GHashTableIter iter;
      const char *key;
      Receipts *receipts;

      g_hash_table_iter_init (&iter, threads[t].receipts);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &receipts))
        {
          Receipts *merged = g_hash_table_lookup (all, key);

          if (merged == NULL)
            g_hash_table_insert (all, g_strdup (key), g_memdup2 (receipts, sizeof *receipts));
          else
            {
              merged->first = MIN (merged->first, receipts->first);
              merged->last = MAX (merged->last, receipts->last);
              merged->count += receipts->count;
            }
        }
    }
  return all;
}

/* When the first totals counting pledge @index reached its last listener,
 * or 0 if it never reached them all. */
static gint64
reached_everybody (Pledging   *pledging,
                   GHashTable *receipts,
                   guint       listeners,
                   guint       index)
{
  gint64 backers = pledging->pledges[index].sequence;

  for (gint64 count = backers; backers > 0 && count < backers + PLEDGES; count++)
    {
      g_autofree char *key = g_strdup_printf ("%u %" G_GINT64_FORMAT, index % CAMPAIGNS + 1, count);
      Receipts *found = g_hash_table_lookup (receipts, key);

      if (found != NULL)
        return found->count == listeners ? found->last : 0;
    }
  return 0;
}

static int
compare_delays (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
print_delays (const char *what,
              GArray     *delays)
{
  g_array_sort (delays, compare_delays);
  g_assert_cmpuint (delays->len, >, 0);
  g_print ("%s: median %.1f ms, p95 %.1f ms, max %.1f ms\n", what,
           g_array_index (delays, gint64, delays->len / 2) / 1e3,
           g_array_index (delays, gint64, delays->len * 95 / 100) / 1e3,
           g_array_index (delays, gint64, delays->len - 1) / 1e3);
}

static gboolean
all_connected_cb (gpointer user_data)
{
  gint *connected = user_data;

  return g_atomic_int_get (connected) < g_atomic_int_get (connected + 1);
}

static void
measure (const char *directory,
         guint       listeners)
{
  g_autofree char *seed = cf_test_write_bench_seed (directory, BACKERS, CAMPAIGNS, 0);
  /* The backers sign in from one address, faster than people do: as
   * through a reverse proxy, without a share of connections per address. */
  g_autofree char *arguments = g_strdup_printf ("--max-listeners=%u --trusted-proxy=127.0.0.1", listeners);
  g_autoptr(CfTestPlatform) platform = cf_test_platform_start (seed, arguments);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) spreads = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) receipts = NULL;
  g_autofree char *url = g_strdup_printf ("%s/v1/live", platform->url);
  g_autofree Pledging *pledging = g_new0 (Pledging, 1);
  const char *pid = g_subprocess_get_identifier (platform->process);
  Listeners threads[THREADS];
  gint measuring = FALSE;
  gint connected[2] = { 0, listeners };  /* so far, wanted */
  gint64 connecting;
  guint partial = 0, unreached = 0;
  double platform_cpu;
  GHashTableIter iter;
  Receipts *event;

  pledging->loop = loop;
  pledging->platform = platform;
  for (guint i = 0; i < BACKERS; i++)
    {
      g_autofree char *username = g_strdup_printf ("user%u", i);

      pledging->bearer[i] = cf_test_platform_bearer (platform, username, "pw");
    }

  connecting = g_get_monotonic_time ();
  for (guint t = 0; t < THREADS; t++)
    {
      threads[t] = (Listeners) {
        .url = url,
        .from = listeners * t / THREADS,
        .count = listeners * (t + 1) / THREADS - listeners * t / THREADS,
        .measuring = &measuring,
        .connected_in_all = &connected[0],
        .context = g_main_context_new (),
        .sessions = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref),
        .connections = g_ptr_array_new_with_free_func (g_object_unref),
        .receipts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
      };
      threads[t].loop = g_main_loop_new (threads[t].context, FALSE);
      threads[t].thread = g_thread_new ("listeners", listen_in_thread, &threads[t]);
    }
  while (all_connected_cb (connected))
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_print ("\n%u listeners connected in %.1f s\n", listeners, (g_get_monotonic_time () - connecting) / 1e6);

  /* Subscriptions are in once a second has passed; then the pledges. */
  wait_seconds (loop, 1);
  platform_cpu = cf_test_process_cpu_seconds (pid);
  g_atomic_int_set (&measuring, TRUE);
  pledging->pledging_since = g_get_monotonic_time ();
  g_timeout_add (1000 / RATE, pledge_cb, pledging);
  g_main_loop_run (loop);
  g_atomic_int_set (&measuring, FALSE);
  platform_cpu = cf_test_process_cpu_seconds (pid) - platform_cpu;

  for (guint t = 0; t < THREADS; t++)
    {
      g_main_loop_quit (threads[t].loop);
      g_thread_join (threads[t].thread);
    }
  receipts = merge_receipts (threads);

  g_hash_table_iter_init (&iter, receipts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &event))
    {
      gint64 spread = event->last - event->first;

      if (event->count == listeners)
        g_array_append_val (spreads, spread);
      else
        partial++;
    }
  for (guint i = 0; i < PLEDGES; i++)
    {
      gint64 reached = reached_everybody (pledging, receipts, listeners, i);
      gint64 delay = reached - pledging->pledges[i].sent;

      if (reached == 0)
        unreached++;
      else
        g_array_append_val (delays, delay);
    }

  g_print ("totals events: %u reached every listener, %u did not; %u pledges never reached everybody\n",
           spreads->len, partial, unreached);
  print_delays ("pledge → its totals at the last listener", delays);
  print_delays ("a totals event, first listener → last", spreads);
  g_print ("platform CPU: %.2f s for %u pledges and %.0f messages\n", platform_cpu, PLEDGES,
           (spreads->len + partial) * (double) listeners);

  for (guint t = 0; t < THREADS; t++)
    {
      g_main_loop_unref (threads[t].loop);
      g_main_context_unref (threads[t].context);
      g_hash_table_unref (threads[t].sessions);
      g_ptr_array_unref (threads[t].connections);
      g_hash_table_unref (threads[t].receipts);
    }
  for (guint i = 0; i < BACKERS; i++)
    g_free (pledging->bearer[i]);
  g_unlink (seed);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = NULL;

  g_test_init (&argc, &argv, NULL);
  directory = g_dir_make_tmp ("crowdfund-bench-XXXXXX", NULL);
  for (int i = 1; i < argc; i++)
    measure (directory, atoi (argv[i]));
  g_rmdir (directory);
  return 0;
}
