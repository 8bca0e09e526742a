/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cf-http-client.h"
#include "cf-live-feed.h"
#include "cf-rest-platform.h"
#include "cf-test-platform.h"

/* Five seconds of pledges at 300 a second: time enough for the feed to
 * subscribe first even on a loaded machine, under sanitizers. */
#define SIMULATED 1500

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds, however long a busy machine
 * takes; the test runner's own limit ends a wait for what never comes. */
static void
wait_for (const char *what,
          Condition   condition,
          gpointer    data)
{
  g_test_message ("waiting for %s", what);
  while (!condition (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static CfPlatform *
platform_for (const char *url)
{
  g_autoptr(SoupSession) session = cf_http_client_new_session ();

  return CF_PLATFORM (cf_rest_platform_new (session, url));
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CfCredentials **credentials = user_data;
  g_autoptr(GError) error = NULL;

  *credentials = cf_platform_sign_in_finish (CF_PLATFORM (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
sign_in_as_creator (CfPlatform *platform)
{
  g_autoptr(CfCredentials) credentials = NULL;

  cf_platform_sign_in_async (platform, "creator", "creator-pw", NULL, signed_in_cb, &credentials);
  wait_for ("signing in", is_set, &credentials);
  cf_platform_set_credentials (platform, credentials);
}

typedef struct
{
  CfTestPlatform *server;
  CfLiveFeed *feed;
  const char * const *ids;
  GArray *statuses;   /* CfLiveFeedStatus, each as it came */
  guint flushes;
  guint changes;
  gint64 last_count;
  gint64 stable_since;
} Watch;

static void
status_cb (CfLiveFeed *feed,
           GParamSpec *pspec,
           Watch      *watch)
{
  CfLiveFeedStatus status = cf_live_feed_get_status (feed);

  g_array_append_val (watch->statuses, status);
}

static void
changed_cb (CfLiveFeed *feed,
            const char *campaign_id,
            Watch      *watch)
{
  watch->changes++;
}

static gboolean
saw_status (Watch            *watch,
            CfLiveFeedStatus  status)
{
  for (guint i = 0; i < watch->statuses->len; i++)
    if (g_array_index (watch->statuses, CfLiveFeedStatus, i) == status)
      return TRUE;
  return FALSE;
}

static gint64
server_figure (Watch      *watch,
               const char *format,
               const char *id)
{
  g_autofree char *sql = g_strdup_printf (format, id);

  return cf_test_platform_query (watch->server, sql);
}

static gint64
simulated_pledges (Watch *watch)
{
  return cf_test_platform_query (watch->server,
                                 "SELECT COUNT(*) FROM users WHERE username LIKE 'simulated-%'");
}

/* The simulation has made @data pledges, or no more for a second. */
static gboolean
simulation_ended (gpointer data)
{
  Watch *watch = data;
  gint64 count = simulated_pledges (watch);
  gint64 now = g_get_monotonic_time ();

  cf_live_feed_flush (watch->feed);
  watch->flushes++;
  if (count != watch->last_count)
    {
      watch->last_count = count;
      watch->stable_since = now;
    }
  return count >= SIMULATED && now - watch->stable_since > G_USEC_PER_SEC;
}

/* Every watched campaign shows exactly what the platform holds. */
static gboolean
figures_agree (gpointer data)
{
  Watch *watch = data;

  cf_live_feed_flush (watch->feed);
  for (guint i = 0; watch->ids[i] != NULL; i++)
    {
      const CfLiveCampaign *live = cf_live_feed_lookup (watch->feed, watch->ids[i]);

      if (!live->known ||
          live->pledged.amount != server_figure (watch, "SELECT pledged FROM campaigns WHERE id = %s", watch->ids[i]) ||
          live->backers_count != server_figure (watch, "SELECT backers_count FROM campaigns WHERE id = %s",
                                                watch->ids[i]))
        return FALSE;

      for (guint r = 0; r < live->rewards->len; r++)
        {
          const CfLiveRewardFigures *figures = &g_array_index (live->rewards, CfLiveRewardFigures, r);

          if (figures->backers_count != server_figure (watch, "SELECT backers_count FROM rewards WHERE id = %s",
                                                       figures->reward_id))
            return FALSE;
        }
    }
  return TRUE;
}

static void
watch_simulation (gboolean restart_midway)
{
  static const char * const ids[] = { "1", "2", "5", NULL };
  g_autoptr(CfTestPlatform) server = cf_test_platform_start (
    "seed.json", "--simulate-pledges 300 --simulate-count " G_STRINGIFY (SIMULATED));
  g_autoptr(CfPlatform) platform = platform_for (server->url);
  g_autoptr(CfLiveFeed) feed = NULL;
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (CfLiveFeedStatus));
  Watch watch = { server, NULL, ids, statuses };
  guint64 pledge_events = 0;

  sign_in_as_creator (platform);
  feed = cf_live_feed_new (platform);
  watch.feed = feed;
  g_signal_connect (feed, "notify::status", G_CALLBACK (status_cb), &watch);
  g_signal_connect (feed, "changed", G_CALLBACK (changed_cb), &watch);
  for (guint i = 0; ids[i] != NULL; i++)
    cf_live_feed_subscribe (feed, ids[i], TRUE);

  if (restart_midway)
    {
      while (simulated_pledges (&watch) < SIMULATED / 3)
        g_main_context_iteration (NULL, FALSE);
      cf_test_platform_restart (server);
    }

  wait_for ("the simulation to end", simulation_ended, &watch);
  wait_for ("the live figures to agree with the platform", figures_agree, &watch);

  g_assert_true (saw_status (&watch, CF_LIVE_FEED_STATUS_LIVE));
  g_assert_cmpint (cf_live_feed_get_status (feed), ==, CF_LIVE_FEED_STATUS_LIVE);
  g_assert_cmpuint (cf_live_feed_get_n_ignored (feed), ==, 0);
  for (guint i = 0; ids[i] != NULL; i++)
    pledge_events += cf_live_feed_lookup (feed, ids[i])->n_pledges;
  g_assert_cmpuint (pledge_events, >, 0);
  /* Changes are told per flush, not per event. */
  g_assert_cmpuint (watch.changes, <=, watch.flushes * G_N_ELEMENTS (ids));
  g_assert_cmpuint (watch.changes, <, cf_live_feed_get_n_events (feed));
  if (restart_midway)
    g_assert_true (saw_status (&watch, CF_LIVE_FEED_STATUS_POLLING));
}

static void
test_simulated_pledges (void)
{
  watch_simulation (FALSE);
}

static void
test_platform_restarted (void)
{
  watch_simulation (TRUE);
}

/* A platform without a live feed: only stats, with an ETag. */
typedef struct
{
  SoupServer *server;
  gint64 backers_count;
  guint requests;
  guint not_modified;
  gboolean down;
} PollOnly;

static void
stats_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           data)
{
  PollOnly *platform = data;
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", platform->backers_count);
  g_autofree char *body = NULL;
  const char *if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                            "If-None-Match");

  platform->requests++;
  if (platform->down)
    {
      soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
      return;
    }
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "ETag", etag);
  if (g_strcmp0 (if_none_match, etag) == 0)
    {
      platform->not_modified++;
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  body = g_strdup_printf ("{\"pledged\": {\"amount\": %" G_GINT64_FORMAT "00, \"currency\": \"EUR\"},"
                          " \"backers_count\": %" G_GINT64_FORMAT ", \"funding\": [], \"rewards\": []}",
                          platform->backers_count, platform->backers_count);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

/* A live endpoint that sends what the test tells it to. */
typedef struct
{
  SoupServer *server;
  SoupWebsocketConnection *connection;
  guint n_connections;
  guint n_subscribes;
} FakeLive;

static void
fake_message_cb (SoupWebsocketConnection *connection,
                 SoupWebsocketDataType    type,
                 GBytes                  *message,
                 FakeLive                *fake)
{
  if (strstr (g_bytes_get_data (message, NULL), "\"subscribe\"") != NULL)
    fake->n_subscribes++;
}

static void
fake_websocket_cb (SoupServer              *server,
                   SoupServerMessage       *message,
                   const char              *path,
                   SoupWebsocketConnection *connection,
                   gpointer                 user_data)
{
  FakeLive *fake = user_data;

  g_set_object (&fake->connection, connection);
  soup_websocket_connection_set_max_incoming_payload_size (connection, 0);
  g_signal_connect (connection, "message", G_CALLBACK (fake_message_cb), fake);
  fake->n_connections++;
}

static gboolean
subscribed_once (gpointer data)
{
  FakeLive *fake = data;

  return fake->n_subscribes == 1;
}

static gboolean
reconnected (gpointer data)
{
  FakeLive *fake = data;

  return fake->n_connections == 2 && fake->n_subscribes == 2;
}

typedef struct
{
  CfLiveFeed *feed;
  gint64 backers_count;
} Expected;

static gboolean
shows_backers (gpointer data)
{
  Expected *expected = data;
  const CfLiveCampaign *live = cf_live_feed_lookup (expected->feed, "7");

  return live->known && live->backers_count == expected->backers_count;
}

static void
send_totals (FakeLive *fake,
             gint64    backers_count)
{
  g_autofree char *text = g_strdup_printf (
    "{\"type\": \"totals\", \"campaign\": 7, \"pledged\": {\"amount\": 12345, \"currency\": \"EUR\"},"
    " \"backers_count\": %" G_GINT64_FORMAT ", \"at\": \"2026-11-22T10:00:00Z\"}", backers_count);

  soup_websocket_connection_send_text (fake->connection, text);
}

static gboolean
stats_read (gpointer data)
{
  PollOnly *stats = data;

  return stats->requests > 0;
}

/* Malformed messages are ignored; past what any event needs, the connection
 * is dropped. A campaign watched without details is not read when the feed
 * first connects (its figures came with the list it was shown in), but is
 * after a lost connection, when events may have been missed. */
static void
test_malformed_messages (void)
{
  static const char * const malformed[] = {
    "not json at all",
    "[1, 2, 3]",
    "{\"type\": \"totals\"}",
    "{\"type\": \"totals\", \"campaign\": 7, \"pledged\": \"lots\", \"backers_count\": 1}",
    "{\"type\": \"totals\", \"campaign\": 7, \"pledged\": {\"amount\": 1, \"currency\": \"EUR\"}, \"backers_count\": \"x\"}",
    "{\"type\": \"totals\", \"campaign\": 7, \"pledged\": {\"amount\": 1, \"currency\": \"XYZ1\"}, \"backers_count\": 1}",
    "{\"type\": \"totals\", \"campaign\": {\"id\": 7}, \"backers_count\": 1}",
    "{\"type\": \"teleport\", \"campaign\": 7}",
    "{\"type\": 12, \"campaign\": 7}",
    "{\"type\": \"pledge\", \"campaign\": 7, \"reward_id\": {}, \"amount\": {\"amount\": 5, \"currency\": \"EUR\"}}",
    "{\"type\": \"state\", \"campaign\": 7, \"state\": \"exploded\"}",
    "{\"type\": \"totals\", \"campaign\": 7, \"pledged\": {\"amount\": 1, \"currency\": \"EUR\"}, \"backers_count\": -4}",
  };
  FakeLive fake = { soup_server_new (NULL, NULL) };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autoptr(CfPlatform) platform = NULL;
  g_autoptr(CfLiveFeed) feed = NULL;
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autoptr(GString) oversized = g_string_new ("{\"type\": \"totals\", \"campaign\": 7, \"padding\": \"");
  g_autofree char *huge = g_malloc0 (2 * 1024 * 1024);
  guint64 ignored;
  Expected expected = { NULL, 42 };
  PollOnly stats = { NULL, 42 };

  soup_server_add_websocket_handler (fake.server, "/v1/live", NULL, NULL, fake_websocket_cb, &fake, NULL);
  soup_server_add_handler (fake.server, "/v1/campaigns/7/stats", stats_cb, &stats, NULL);
  soup_server_listen_local (fake.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake.server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  platform = platform_for (url);
  feed = cf_live_feed_new (platform);
  expected.feed = feed;
  cf_live_feed_subscribe (feed, "7", FALSE);
  wait_for ("the feed to subscribe", subscribed_once, &fake);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    soup_websocket_connection_send_text (fake.connection, malformed[i]);
  soup_websocket_connection_send_binary (fake.connection, "\x00\x01\x02", 3);
  for (guint i = 0; i < 6000; i++)
    g_string_append_c (nested, '[');
  soup_websocket_connection_send_text (fake.connection, nested->str);
  for (guint i = 0; i < 20 * 1024; i++)
    g_string_append_c (oversized, 'x');
  g_string_append (oversized, "\"}");
  soup_websocket_connection_send_text (fake.connection, oversized->str);
  send_totals (&fake, 42);

  wait_for ("the good message among the bad", shows_backers, &expected);
  ignored = cf_live_feed_get_n_ignored (feed);
  g_assert_cmpuint (ignored, ==, G_N_ELEMENTS (malformed) + 3);
  g_assert_cmpuint (cf_live_feed_get_n_events (feed), ==, ignored + 1);
  g_assert_cmpint (cf_live_feed_lookup (feed, "7")->pledged.amount, ==, 12345);
  g_assert_cmpuint (stats.requests, ==, 0);

  /* Past what any event needs, the connection is dropped; the feed comes
   * back, subscribes again, reads what it may have missed, and goes on. */
  memset (huge, 'x', 2 * 1024 * 1024 - 1);
  soup_websocket_connection_send_text (fake.connection, huge);
  wait_for ("the feed to come back", reconnected, &fake);
  wait_for ("the campaign to be read again", stats_read, &stats);
  send_totals (&fake, 43);
  expected.backers_count = 43;
  wait_for ("the feed to go on", shows_backers, &expected);

  g_clear_object (&fake.connection);
  g_clear_object (&fake.server);
}

static gboolean
polled_twice_unchanged (gpointer data)
{
  PollOnly *platform = data;

  return platform->not_modified >= 2;
}

typedef struct
{
  CfLiveFeed *feed;
  gint64 backers_count;
} PolledFigures;

static gboolean
polled_figures (gpointer data)
{
  PolledFigures *expected = data;
  const CfLiveCampaign *live = cf_live_feed_lookup (expected->feed, "7");

  return cf_live_feed_get_status (expected->feed) == CF_LIVE_FEED_STATUS_POLLING &&
         live->known && live->backers_count == expected->backers_count;
}

static CfLiveFeed *polled_feed;

static gboolean
status_is (gpointer status)
{
  return cf_live_feed_get_status (polled_feed) == (CfLiveFeedStatus) GPOINTER_TO_INT (status);
}

static void
test_polls_without_websocket (void)
{
  PollOnly platform = { soup_server_new (NULL, NULL), 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autoptr(CfPlatform) rest = NULL;
  g_autoptr(CfLiveFeed) feed = NULL;
  PolledFigures expected = { NULL, 1 };

  soup_server_add_handler (platform.server, "/v1/campaigns/7/stats", stats_cb, &platform, NULL);
  soup_server_listen_local (platform.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (platform.server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  rest = platform_for (url);
  cf_rest_platform_set_retry_delay (CF_REST_PLATFORM (rest), 1);
  feed = cf_live_feed_new (rest);
  polled_feed = feed;
  expected.feed = feed;
  cf_live_feed_set_poll_interval (feed, 1);
  cf_live_feed_subscribe (feed, "7", FALSE);
  wait_for ("the feed to poll", polled_figures, &expected);

  /* Unchanged figures cost a 304, not a body. */
  wait_for ("two polls answered Not Modified", polled_twice_unchanged, &platform);
  g_assert_cmpint (cf_live_feed_lookup (feed, "7")->backers_count, ==, 1);

  platform.backers_count = 2;
  expected.backers_count = 2;
  wait_for ("the new figures to be polled", polled_figures, &expected);
  g_assert_cmpint (cf_live_feed_lookup (feed, "7")->pledged.amount, ==, 200);

  /* The platform stops answering: the feed says so, and keeps the figures;
   * it answers again: polling as before. */
  platform.down = TRUE;
  wait_for ("the feed to say it is offline", status_is, GINT_TO_POINTER (CF_LIVE_FEED_STATUS_OFFLINE));
  g_assert_cmpint (cf_live_feed_lookup (feed, "7")->backers_count, ==, 2);
  platform.down = FALSE;
  wait_for ("the feed to poll again", status_is, GINT_TO_POINTER (CF_LIVE_FEED_STATUS_POLLING));

  g_clear_object (&platform.server);
}

/* The address of @server, listening on loopback, whose /v1/live takes
 * WebSocket connections with @callback. */
static char *
listen_live (SoupServer                  *server,
             SoupServerWebsocketCallback  callback,
             gpointer                     data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  soup_server_add_websocket_handler (server, "/v1/live", NULL, NULL, callback, data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

typedef struct
{
  GMainLoop *loop;
  GArray *times;  /* when each connection came, in µs */
} Connections;

static void
drop_at_once_cb (SoupServer              *server,
                 SoupServerMessage       *message,
                 const char              *path,
                 SoupWebsocketConnection *connection,
                 gpointer                 user_data)
{
  Connections *connections = user_data;
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (connections->times, now);
  soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  if (connections->times->len == 5)
    g_main_loop_quit (connections->loop);
}

/* A server that accepts the WebSocket and drops it at once gets the same
 * backoff as one that refuses: no reconnection storm. */
static void
test_no_reconnection_storm (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *url = NULL;
  g_autoptr(CfPlatform) platform = NULL;
  g_autoptr(CfLiveFeed) feed = NULL;
  Connections connections = { loop, times };

  url = listen_live (server, drop_at_once_cb, &connections);
  platform = platform_for (url);
  feed = cf_live_feed_new (platform);
  cf_live_feed_subscribe (feed, "7", FALSE);
  g_main_loop_run (loop);

  /* Each retry waits at least 0.25, 0.5, 1, then 2 s (there were 47
   * connections in 8 s before the backoff waited for a lasting one). */
  for (guint i = 1; i < times->len; i++)
    {
      gint64 gap = g_array_index (times, gint64, i) - g_array_index (times, gint64, i - 1);

      g_test_message ("connection %u came %" G_GINT64_FORMAT " ms after the one before", i + 1, gap / 1000);
      g_assert_cmpint (gap, >=, (G_USEC_PER_SEC / 4) << (i - 1));
    }
}

static void
keep_open_cb (SoupServer              *server,
              SoupServerMessage       *message,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  GPtrArray *authorizations = user_data;
  const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                            "Authorization");

  g_ptr_array_add (authorizations, g_strdup (authorization != NULL ? authorization : "none"));
  g_object_set_data_full (G_OBJECT (server), authorization != NULL ? authorization : "none",
                          g_object_ref (connection), g_object_unref);
}

static gboolean
has_connections (gpointer data)
{
  GPtrArray **wanted = data;

  return wanted[0]->len >= GPOINTER_TO_UINT (wanted[1]);
}

static gboolean
is_live (gpointer feed)
{
  return cf_live_feed_get_status (feed) == CF_LIVE_FEED_STATUS_LIVE;
}

static CfCredentials *
credentials_with_token (const char *token)
{
  g_autofree char *json = g_strdup_printf ("{\"access_token\": \"%s\", \"token_type\": \"Bearer\", "
                                           "\"expires_in\": 3600}", token);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return cf_credentials_new_from_json (node, NULL);
}

/* Being told again of the person already signed in (as an account is,
 * once the platform said who it is) keeps the connection; someone else
 * signing in opens one with their token. */
static void
test_same_person_keeps_connection (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GPtrArray) authorizations = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *url = NULL;
  g_autoptr(CfPlatform) platform = NULL;
  g_autoptr(CfLiveFeed) feed = NULL;
  g_autoptr(CfCredentials) first = credentials_with_token ("first-token");
  g_autoptr(CfCredentials) second = credentials_with_token ("second-token");
  gpointer wanted[] = { authorizations, GUINT_TO_POINTER (1) };

  url = listen_live (server, keep_open_cb, authorizations);
  platform = platform_for (url);
  cf_platform_set_credentials (platform, first);
  feed = cf_live_feed_new (platform);
  cf_live_feed_subscribe (feed, "7", FALSE);
  wait_for ("the first connection", has_connections, wanted);
  wait_for ("the feed to be live", is_live, feed);

  cf_live_feed_reconnect (feed);
  cf_live_feed_reconnect (feed);
  wait_for ("the feed to be live again", is_live, feed);
  cf_platform_set_credentials (platform, second);
  cf_live_feed_reconnect (feed);
  wanted[1] = GUINT_TO_POINTER (2);
  wait_for ("a connection for the second person", has_connections, wanted);

  g_assert_cmpstr (authorizations->pdata[0], ==, "Bearer first-token");
  g_assert_cmpstr (authorizations->pdata[1], ==, "Bearer second-token");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/live-feed/simulated-pledges", test_simulated_pledges);
  g_test_add_func ("/live-feed/platform-restarted", test_platform_restarted);
  g_test_add_func ("/live-feed/malformed-messages", test_malformed_messages);
  g_test_add_func ("/live-feed/polls-without-websocket", test_polls_without_websocket);
  g_test_add_func ("/live-feed/no-reconnection-storm", test_no_reconnection_storm);
  g_test_add_func ("/live-feed/same-person-keeps-connection", test_same_person_keeps_connection);

  return g_test_run ();
}
