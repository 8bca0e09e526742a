/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "cf-http-client.h"
#include "cf-application.h"
#include "cf-dashboard-page.h"
#include "cf-funding-bar.h"
#include "cf-live-feed.h"
#include "cf-rest-platform.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"

/* The live feed and the creator dashboard under load. Modes:
 *
 *   serve URL CAMPAIGN REWARD RATE SECONDS
 *       A platform in front of the reference one at URL: everything is
 *       passed to it, except /v1/live, where, once POST /bench/start is
 *       asked, CAMPAIGN gets RATE pledge events a second for SECONDS, and
 *       its totals every 100 ms. It prints its address, then
 *       "sent N FIRST LAST" (monotonic µs) when done.
 *   events URL N
 *       The feed alone, signed in as the seed's creator, until N events
 *       came from a serve platform; run twice under callgrind, the
 *       difference is per event.
 *   dashboard URL
 *       The app showing the dashboard of campaign 2 while a serve platform
 *       streams: frames painted, dashboard updates per frame, and when the
 *       last event was shown.
 *   latency URL PLEDGES
 *       The app's dashboard of campaign 1 on the reference platform while
 *       PLEDGES pledges are made on it, one every 200 ms from another
 *       thread: from each request to the first frame painted with it.
 *
 * Figures are printed as "name: value" lines for bench-live.py. */

#define TOTALS_MS 100

/* ---- serve ---------------------------------------------------------- */

typedef struct
{
  SoupServer *server;
  SoupSession *session;
  char *upstream;
  gint64 campaign, reward;
  double rate;
  double seconds;
  GPtrArray *sockets;
  gint64 started, first_sent, last_sent, last_totals;
  guint64 sent;
  gint64 pledged, backers;
  guint tick_id;
} Serve;

static Serve serve;

static void
broadcast (const char *text)
{
  for (guint i = 0; i < serve.sockets->len; i++)
    if (soup_websocket_connection_get_state (serve.sockets->pdata[i]) == SOUP_WEBSOCKET_STATE_OPEN)
      soup_websocket_connection_send_text (serve.sockets->pdata[i], text);
}

static void
send_totals (void)
{
  g_autofree char *text = g_strdup_printf (
    "{\"type\": \"totals\", \"campaign\": %" G_GINT64_FORMAT ", \"pledged\": {\"amount\": %" G_GINT64_FORMAT
    ", \"currency\": \"EUR\"}, \"backers_count\": %" G_GINT64_FORMAT ", \"at\": \"2026-11-22T10:00:00Z\"}",
    serve.campaign, serve.pledged, serve.backers);

  broadcast (text);
}

static void
send_pledge (void)
{
  gint64 amount = 100 + (gint64) (serve.sent % 7) * 25;
  g_autofree char *text = g_strdup_printf (
    "{\"type\": \"pledge\", \"campaign\": %" G_GINT64_FORMAT ", \"reward_id\": %" G_GINT64_FORMAT
    ", \"amount\": {\"amount\": %" G_GINT64_FORMAT ", \"currency\": \"EUR\"}, \"at\": \"2026-11-22T10:00:00Z\"}",
    serve.campaign, serve.reward, amount);

  broadcast (text);
  serve.pledged += amount;
  serve.backers++;
  serve.sent++;
  serve.last_sent = g_get_monotonic_time ();
  if (serve.first_sent == 0)
    serve.first_sent = serve.last_sent;
}

static gboolean
stream_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  double elapsed = (now - serve.started) / (double) G_USEC_PER_SEC;
  gboolean done = elapsed >= serve.seconds;
  guint64 due = (guint64) (MIN (elapsed, serve.seconds) * serve.rate);

  while (serve.sent < due)
    send_pledge ();
  if (done || now - serve.last_totals >= TOTALS_MS * 1000)
    {
      send_totals ();
      serve.last_totals = now;
    }
  if (!done)
    return G_SOURCE_CONTINUE;

  g_print ("sent %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           serve.sent, serve.first_sent, serve.last_sent);
  serve.tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
socket_cb (SoupServer              *server,
           SoupServerMessage       *message,
           const char              *path,
           SoupWebsocketConnection *connection,
           gpointer                 data)
{
  g_ptr_array_add (serve.sockets, g_object_ref (connection));
}

static void
forwarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  SoupServerMessage *message = data;
  SoupMessage *upstream = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (upstream), NULL);
  gsize length;
  const char *data_bytes = body ? g_bytes_get_data (body, &length) : NULL;

  soup_server_message_set_status (message, body ? soup_message_get_status (upstream) : SOUP_STATUS_BAD_GATEWAY,
                                  NULL);
  if (data_bytes != NULL && length > 0)
    soup_server_message_set_response (message, type ? type : "application/json", SOUP_MEMORY_COPY,
                                      data_bytes, length);
  soup_server_message_unpause (message);
  g_object_unref (message);
}

static void
request_cb (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  GUri *uri = soup_server_message_get_uri (message);
  g_autofree char *url = NULL;
  SoupMessage *upstream;
  SoupMessageBody *body;
  const char *authorization;

  if (g_str_equal (path, "/bench/start"))
    {
      serve.started = g_get_monotonic_time ();
      serve.tick_id = g_timeout_add (1, stream_cb, NULL);
      soup_server_message_set_status (message, SOUP_STATUS_NO_CONTENT, NULL);
      return;
    }

  url = g_strconcat (serve.upstream, path, g_uri_get_query (uri) ? "?" : "",
                     g_uri_get_query (uri) ? g_uri_get_query (uri) : "", NULL);
  upstream = soup_message_new (soup_server_message_get_method (message), url);
  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Authorization");
  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (upstream), "Authorization", authorization);
  body = soup_server_message_get_request_body (message);
  if (body->length > 0)
    soup_message_set_request_body_from_bytes (upstream, "application/json",
                                              g_bytes_new (body->data, body->length));
  soup_server_message_pause (message);
  soup_session_send_and_read_async (serve.session, upstream, G_PRIORITY_DEFAULT, NULL, forwarded_cb,
                                    g_object_ref (message));
  g_object_unref (upstream);
}

static int
run_serve (char **argv)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;

  serve.upstream = argv[0];
  serve.campaign = g_ascii_strtoll (argv[1], NULL, 10);
  serve.reward = g_ascii_strtoll (argv[2], NULL, 10);
  serve.rate = g_ascii_strtod (argv[3], NULL);
  serve.seconds = g_ascii_strtod (argv[4], NULL);
  serve.sockets = g_ptr_array_new_with_free_func (g_object_unref);
  serve.session = soup_session_new ();
  serve.server = soup_server_new (NULL, NULL);
  soup_server_add_websocket_handler (serve.server, "/v1/live", NULL, NULL, socket_cb, NULL, NULL);
  soup_server_add_handler (serve.server, NULL, request_cb, NULL, NULL);
  if (!soup_server_listen_local (serve.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (serve.server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_print ("listening on %.*s\n", (int) strlen (url) - 1, url);
  fflush (stdout);
  g_main_loop_run (loop);
  return 0;
}

/* ---- the client side ------------------------------------------------ */

static void
start_stream (const char *url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *start = g_strconcat (url, "/bench/start", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", start);
  g_autoptr(GBytes) body = soup_session_send_and_read (session, message, NULL, NULL);

  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_NO_CONTENT);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  CfCredentials **credentials = data;

  *credentials = cf_platform_sign_in_finish (CF_PLATFORM (object), result, NULL);
}

static gboolean
flush_cb (gpointer feed)
{
  cf_live_feed_flush (feed);
  return G_SOURCE_CONTINUE;
}

static int
run_events (char **argv)
{
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfPlatform) platform = CF_PLATFORM (cf_rest_platform_new (session, argv[0]));
  guint64 wanted = g_ascii_strtoull (argv[1], NULL, 10);
  g_autoptr(CfCredentials) credentials = NULL;
  g_autoptr(CfLiveFeed) feed = NULL;
  const CfLiveCampaign *live;
  gint64 started;

  cf_platform_sign_in_async (platform, "creator", "creator-pw", NULL, signed_in_cb, &credentials);
  while (credentials == NULL)
    g_main_context_iteration (NULL, TRUE);
  cf_platform_set_credentials (platform, credentials);
  feed = cf_live_feed_new (platform);
  live = cf_live_feed_subscribe (feed, "2", TRUE);
  while (cf_live_feed_get_status (feed) != CF_LIVE_FEED_STATUS_LIVE || live->n_snapshots == 0)
    g_main_context_iteration (NULL, TRUE);

  /* Flushed as a window would be, once a frame. */
  g_timeout_add (16, flush_cb, feed);
  start_stream (argv[0]);
  started = g_get_monotonic_time ();
  while (cf_live_feed_get_n_events (feed) < wanted)
    g_main_context_iteration (NULL, TRUE);

  g_print ("events: %" G_GUINT64_FORMAT "\n", cf_live_feed_get_n_events (feed));
  g_print ("ignored: %" G_GUINT64_FORMAT "\n", cf_live_feed_get_n_ignored (feed));
  g_print ("pledges: %" G_GUINT64_FORMAT "\n", live->n_pledges);
  g_print ("seconds: %.2f\n", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return 0;
}

/* ---- the app -------------------------------------------------------- */

typedef struct
{
  guint frames;
  guint updates;              /* "changed" told by the feed */
  guint updates_this_frame;
  guint most_updates_in_a_frame;
  GtkDropDown *campaigns;     /* the dashboard's choice of campaign */
  gint64 most_backers;        /* painted so far… */
  gint64 most_backers_at;     /* …first painted then */
  guint frames_at_most;
  /* latency */
  GArray *sent_at;            /* of pledge k, monotonic µs */
  gint64 backers_before;
  gint64 shown_backers;       /* as of the last update */
  GArray *latencies;
  GMutex lock;
} Watch;

static Watch watch;

/* The campaign the dashboard shows. */
static CfCampaign *
selected_campaign (void)
{
  return cf_account_item_get_item (gtk_drop_down_get_selected_item (watch.campaigns));
}

static gboolean
feed_changed_hook (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               data)
{
  watch.updates++;
  watch.updates_this_frame++;
  return TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  gint64 now = g_get_monotonic_time ();
  CfCampaign *campaign = watch.campaigns ? selected_campaign () : NULL;
  gint64 backers = campaign ? cf_campaign_get_backers_count (campaign) : 0;

  watch.frames++;
  watch.most_updates_in_a_frame = MAX (watch.most_updates_in_a_frame, watch.updates_this_frame);
  watch.updates_this_frame = 0;
  if (backers > watch.most_backers)
    {
      watch.most_backers = backers;
      watch.most_backers_at = now;
      watch.frames_at_most = watch.frames;
    }

  /* Every pledge counted by this frame, not counted before, is on screen now. */
  g_mutex_lock (&watch.lock);
  for (gint64 k = watch.shown_backers; watch.sent_at && k < backers - watch.backers_before &&
       k < (gint64) watch.sent_at->len; k++)
    {
      double latency = (now - g_array_index (watch.sent_at, gint64, k)) / 1000.0;

      g_array_append_val (watch.latencies, latency);
    }
  g_mutex_unlock (&watch.lock);
  if (watch.sent_at)
    watch.shown_backers = MAX (watch.shown_backers, backers - watch.backers_before);
}

static gboolean
has_dashboard (GtkWidget *window,
               gpointer   data)
{
  return cf_test_count_visible (window, CF_TYPE_FUNDING_BAR) > 0 &&
         cf_test_count_visible (window, CF_TYPE_DASHBOARD_PAGE) > 0;
}

static GtkWidget *
open_dashboard (const char *url,
                const char *title)
{
  static CfApplication *application;
  GtkWidget *window;
  AdwViewStack *views;
  GtkDropDown *campaigns;
  GListModel *model;

  application = cf_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  window = cf_ui_open_window (application, url);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  cf_ui_sign_in (window, "creator", "creator-pw", "Cleo Creator");
  views = ADW_VIEW_STACK (cf_test_first_visible (window, ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (views, "dashboard");
  cf_test_wait_until (window, has_dashboard, NULL, "the dashboard");
  campaigns = GTK_DROP_DOWN (cf_test_first_visible (cf_test_first_visible (window, CF_TYPE_DASHBOARD_PAGE),
                                                    GTK_TYPE_DROP_DOWN));
  model = gtk_drop_down_get_model (campaigns);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfAccountItem) created = g_list_model_get_item (model, i);
      CfCampaign *campaign = cf_account_item_get_item (created);

      if (g_str_equal (cf_campaign_get_title (campaign), title))
        gtk_drop_down_set_selected (campaigns, i);
    }
  watch.campaigns = campaigns;
  g_assert_cmpstr (cf_campaign_get_title (cf_account_item_get_item (gtk_drop_down_get_selected_item (campaigns))), ==,
                   title);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_signal_add_emission_hook (g_signal_lookup ("changed", CF_TYPE_LIVE_FEED), 0, feed_changed_hook, NULL, NULL);
  return window;
}

static void
spin (double seconds)
{
  for (gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
}

static int
run_dashboard (char **argv)
{
  GtkWidget *window = open_dashboard (argv[0], "Ten left");
  guint frames_before, updates_before;
  gint64 started;

  spin (2);
  frames_before = watch.frames;
  updates_before = watch.updates;
  watch.most_updates_in_a_frame = 0;
  watch.most_backers = cf_campaign_get_backers_count (selected_campaign ());
  started = g_get_monotonic_time ();
  start_stream (argv[0]);
  /* The stream counts backers from nothing: the most painted is its last
   * totals, and a quiet second after it, all was shown. */
  while (g_get_monotonic_time () - MAX (watch.most_backers_at, started) < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);

  g_print ("frames-until-shown: %u\n", watch.frames_at_most - frames_before);
  g_print ("updates: %u\n", watch.updates - updates_before);
  g_print ("most-updates-in-a-frame: %u\n", watch.most_updates_in_a_frame);
  g_print ("backers-shown: %" G_GINT64_FORMAT "\n", watch.most_backers);
  g_print ("first-request: %" G_GINT64_FORMAT "\n", started);
  g_print ("shown-last: %" G_GINT64_FORMAT "\n", watch.most_backers_at);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

typedef struct
{
  char *url;
  guint pledges;
} Pledger;

/* Backers pledge from their own thread, as the rest of the world would. */
static gpointer
pledge_thread (gpointer data)
{
  Pledger *pledger = data;
  g_autoptr(CfTestPlatform) platform = g_new0 (CfTestPlatform, 1);

  platform->url = g_strdup (pledger->url);
  platform->session = soup_session_new ();
  platform->directory = g_dir_make_tmp ("bench-live-XXXXXX", NULL);
  for (guint k = 0; k < pledger->pledges; k++)
    {
      g_autofree char *username = g_strdup_printf ("fan%02u", k + 1);
      g_autofree char *token = cf_test_platform_sign_in (platform, username, "fan-pw");
      g_autoptr(JsonNode) answer = NULL;
      gint64 now;
      guint status;

      g_usleep (200 * 1000);
      now = g_get_monotonic_time ();
      g_mutex_lock (&watch.lock);
      g_array_append_val (watch.sent_at, now);
      g_mutex_unlock (&watch.lock);
      answer = cf_test_platform_call (platform, "POST", "/v1/campaigns/1/pledges", token,
                                      "{\"reward_id\": 2, \"amount\": {\"amount\": 2000, \"currency\": \"EUR\"}}",
                                      &status);
      g_assert_cmpuint (status, ==, 201);
    }
  return NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
run_latency (char **argv)
{
  GtkWidget *window = open_dashboard (argv[0], "Alpha board game");
  Pledger pledger = { argv[0], g_ascii_strtoull (argv[1], NULL, 10) };
  GThread *thread;

  spin (2);
  watch.latencies = g_array_new (FALSE, FALSE, sizeof (double));
  watch.backers_before = cf_campaign_get_backers_count (selected_campaign ());
  watch.sent_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  thread = g_thread_new ("pledges", pledge_thread, &pledger);
  while (watch.latencies->len < pledger.pledges)
    g_main_context_iteration (NULL, FALSE);
  g_thread_join (thread);

  g_array_sort (watch.latencies, compare_doubles);
  g_print ("samples: %u\n", watch.latencies->len);
  g_print ("latency-median-ms: %.1f\n", g_array_index (watch.latencies, double, watch.latencies->len / 2));
  g_print ("latency-p95-ms: %.1f\n",
           g_array_index (watch.latencies, double, (guint) ceil (watch.latencies->len * 0.95) - 1));
  g_print ("latency-max-ms: %.1f\n", g_array_index (watch.latencies, double, watch.latencies->len - 1));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  setlocale (LC_ALL, "");
  if (argc == 7 && g_str_equal (argv[1], "serve"))
    return run_serve (argv + 2);
  if (argc == 4 && g_str_equal (argv[1], "events"))
    return run_events (argv + 2);

  /* The app's account lives in a keyring of its own, in a folder of its own. */
  home = cf_ui_use_new_home ("bench-live");
  gtk_init ();
  adw_init ();
  if (argc == 3 && g_str_equal (argv[1], "dashboard"))
    return run_dashboard (argv + 2);
  if (argc == 4 && g_str_equal (argv[1], "latency"))
    return run_latency (argv + 2);

  g_printerr ("usage: bench-live serve URL CAMPAIGN REWARD RATE SECONDS | events URL N | dashboard URL"
              " | latency URL PLEDGES\n");
  return 2;
}
