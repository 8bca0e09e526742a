/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cf-http-client.h"
#include "cf-campaign.h"
#include "cf-fake-ulule.h"
#include "cf-json-limits.h"
#include "cf-live-feed-private.h"
#include "cf-platform-error.h"
#include "cf-raw-peer.h"
#include "cf-rest-platform.h"
#include "cf-saved-list.h"
#include "cf-stats.h"
#include "cf-ulule-platform.h"

/* What a hostile platform can send that the fuzzers, with their 64 KiB
 * inputs, never reach: nesting 120 000 levels deep hidden from a bracket
 * count by json-glib's single-quoted strings and comments, and answers
 * without a length that never end. Each is sent to every place the app
 * reads JSON from: our API, Ulule's API and its stats host, the live feed
 * and the files kept for offline reading. */

#define HOSTILE_DEPTH 120000

typedef enum
{
  SHAPE_SINGLE_QUOTES,  /* ['"', [[[…]]], '"'] */
  SHAPE_COMMENTS,       /* the same with C comments instead of quotes */
  SHAPE_QUOTED_MEMBERS, /* {"a": '"', "b": [[[…]]], "c": '"'} */
  N_SHAPES
} Shape;

static char *
hostile_json (Shape shape)
{
  static const char *const around[N_SHAPES][2] = {
    [SHAPE_SINGLE_QUOTES] = { "['\"', ", ", '\"']" },
    [SHAPE_COMMENTS] = { "[/* \" */ ", " /* \" */]" },
    [SHAPE_QUOTED_MEMBERS] = { "{\"a\": '\"', \"b\": ", ", \"c\": '\"'}" },
  };
  GString *text = g_string_new (around[shape][0]);

  for (guint i = 0; i < HOSTILE_DEPTH; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < HOSTILE_DEPTH; i++)
    g_string_append_c (text, ']');
  g_string_append (text, around[shape][1]);
  return g_string_free (text, FALSE);
}

/* The check refuses every shape without counting it as shallow, and still
 * reads the JSON it exists for. */
static void
test_limits_read_what_the_parser_reads (void)
{
  const char *plain = "{\"title\": \"l'atelier /* ' */ [[[\", \"n\": -1.5e+3, \"ok\": [true, false, null]}";
  g_autoptr(GError) error = NULL;

  for (Shape shape = 0; shape < N_SHAPES; shape++)
    {
      g_autofree char *text = hostile_json (shape);

      g_assert_false (cf_json_check_limits (text, strlen (text), G_MAXSIZE, &error));
      g_assert_error (error, CF_JSON_LIMITS_ERROR, CF_JSON_LIMITS_ERROR_NOT_JSON);
      g_clear_error (&error);
    }

  g_assert_true (cf_json_check_limits (plain, strlen (plain), G_MAXSIZE, &error));
  g_assert_no_error (error);
  g_assert_false (cf_json_check_limits ("// \"\n[1]", 8, G_MAXSIZE, &error));
  g_assert_error (error, CF_JSON_LIMITS_ERROR, CF_JSON_LIMITS_ERROR_NOT_JSON);
}

/* A loopback server answering every request with the current hostile
 * body, or refusing with 404 where a test wants the real fake to answer. */
typedef struct
{
  SoupServer *server;
  char *url;
  char *body;
  char *redirect_to;  /* when set, every request is sent there with a 302 */
  guint requests;
} HostileServer;

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  HostileServer *hostile = user_data;

  hostile->requests++;
  if (hostile->redirect_to != NULL)
    {
      g_autofree char *elsewhere = g_strconcat (hostile->redirect_to, path + 1, NULL);

      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, elsewhere);
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    hostile->body, strlen (hostile->body));
}

static HostileServer *
hostile_server_new (void)
{
  HostileServer *hostile = g_new0 (HostileServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  hostile->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (hostile->server, NULL, handle, hostile, NULL);
  soup_server_listen_local (hostile->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (hostile->server);
  hostile->url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  return hostile;
}

static void
hostile_server_free (HostileServer *hostile)
{
  g_object_unref (hostile->server);
  g_free (hostile->url);
  g_free (hostile->body);
  g_free (hostile->redirect_to);
  g_free (hostile);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static void
expect_campaign_refused (CfPlatform *platform,
                         const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = NULL;

  cf_platform_get_campaign_async (platform, id, NULL, done_cb, &result);
  campaign = cf_platform_get_campaign_finish (platform, wait_for (&result), &error);
  g_assert_null (campaign);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
}

static void
test_our_api (void)
{
  HostileServer *hostile = hostile_server_new ();
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfRestPlatform) platform = cf_rest_platform_new (session, hostile->url);

  for (Shape shape = 0; shape < N_SHAPES; shape++)
    {
      g_free (hostile->body);
      hostile->body = hostile_json (shape);
      expect_campaign_refused (CF_PLATFORM (platform), "1");
    }

  g_assert_cmpuint (hostile->requests, ==, N_SHAPES);
  hostile_server_free (hostile);
}

static void
test_ulule_api_and_stats (void)
{
  HostileServer *hostile = hostile_server_new ();
  g_autoptr(CfFakeUlule) ulule = cf_fake_ulule_new ();
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  /* Ulule's API hostile; then its stats host alone, behind a real API. */
  g_autoptr(CfUlulePlatform) api = cf_ulule_platform_new (session, hostile->url, hostile->url);
  g_autoptr(CfUlulePlatform) stats = cf_ulule_platform_new (session, cf_fake_ulule_get_api_url (ulule),
                                                            hostile->url);

  for (Shape shape = 0; shape < N_SHAPES; shape++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CfStats) read = NULL;

      g_free (hostile->body);
      hostile->body = hostile_json (shape);
      expect_campaign_refused (CF_PLATFORM (api), "101");

      cf_platform_get_stats_async (CF_PLATFORM (stats), "101", NULL, done_cb, &result);
      read = cf_platform_get_stats_finish (CF_PLATFORM (stats), wait_for (&result), &error);
      g_assert_null (read);
      g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
    }

  g_assert_cmpuint (hostile->requests, ==, 2 * N_SHAPES);
  hostile_server_free (hostile);
}

/* A kept file is read at every start: a hostile one must not crash them all. */
static void
test_kept_files (void)
{
  g_autofree char *folder = g_dir_make_tmp ("crowdfund-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "pledges.json", NULL);

  for (Shape shape = 0; shape < N_SHAPES; shape++)
    {
      g_autofree char *text = hostile_json (shape);
      g_autoptr(GDateTime) saved_at = NULL;
      g_autoptr(GListModel) items = NULL;

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      items = cf_saved_list_load (path, CF_TYPE_CAMPAIGN, &saved_at);
      g_assert_null (items);
    }

  g_unlink (path);
  g_rmdir (folder);
}

static void
test_live_messages (void)
{
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfRestPlatform) platform = cf_rest_platform_new (session, "http://127.0.0.1:9/");
  g_autoptr(CfLiveFeed) feed = cf_live_feed_new (CF_PLATFORM (platform));
  const char *hidden = "{\"type\": 'x', \"campaign_id\": \"1\", \"pledged\": [[[]]]}";

  g_assert_false (cf_live_feed_read_message (feed, hidden, strlen (hidden)));
  for (Shape shape = 0; shape < N_SHAPES; shape++)
    {
      g_autofree char *text = hostile_json (shape);

      g_assert_false (cf_live_feed_read_message (feed, text, strlen (text)));
    }
}

static CfCredentials *
sign_in (CfPlatform  *platform,
         const char  *username,
         const char  *secret,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cf_platform_sign_in_async (platform, username, secret, NULL, done_cb, &result);
  return cf_platform_sign_in_finish (platform, wait_for (&result), error);
}

/* Nothing typed or received reaches a header with a line break in it: a
 * pasted API key is told and never sent, a token a platform hands out with
 * one is an answer not understood (the suite runs with fatal criticals, as
 * libsoup's refusal of such a header is one). */
static void
test_line_breaks_in_headers (void)
{
  HostileServer *hostile = hostile_server_new ();
  g_autoptr(CfFakeUlule) ulule = cf_fake_ulule_new ();
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfUlulePlatform) ulule_platform = cf_ulule_platform_new (session, cf_fake_ulule_get_api_url (ulule),
                                                                     cf_fake_ulule_get_data_url (ulule));
  g_autoptr(CfRestPlatform) rest_platform = cf_rest_platform_new (session, hostile->url);
  const char *typed[] = { CF_FAKE_ULULE_KEY "\n", CF_FAKE_ULULE_KEY "\r\nX-Injected: 1", "good\tkey" };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCredentials) credentials = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      credentials = sign_in (CF_PLATFORM (ulule_platform), "camille", typed[i], &error);
      g_assert_null (credentials);
      g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_UNSENDABLE_TEXT);
      g_clear_error (&error);
    }
  g_assert_cmpuint (cf_fake_ulule_count (ulule, "/v1/me"), ==, 0);
  credentials = sign_in (CF_PLATFORM (ulule_platform), "camille", CF_FAKE_ULULE_KEY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (credentials);
  g_clear_object (&credentials);

  hostile->body = g_strdup ("{\"access_token\": \"abc\\r\\nX-Injected: 1\", \"refresh_token\": \"r\", "
                            "\"token_type\": \"Bearer\", \"expires_in\": 3600}");
  credentials = sign_in (CF_PLATFORM (rest_platform), "backer", "a password", &error);
  g_assert_null (credentials);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_null (cf_platform_dup_credentials (CF_PLATFORM (rest_platform)));

  hostile_server_free (hostile);
}

/* The live feed's WebSocket carries the token: a redirect is not followed,
 * to another origin or the same. */
static void
test_live_redirect (void)
{
  HostileServer *redirecting = hostile_server_new ();
  HostileServer *elsewhere = hostile_server_new ();
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfRestPlatform) platform = cf_rest_platform_new (session, redirecting->url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupWebsocketConnection) connection = NULL;

  redirecting->redirect_to = g_strdup (elsewhere->url);
  cf_platform_connect_live_async (CF_PLATFORM (platform), NULL, done_cb, &result);
  connection = cf_platform_connect_live_finish (CF_PLATFORM (platform), wait_for (&result), &error);
  g_assert_null (connection);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_NETWORK);
  g_assert_cmpuint (redirecting->requests, ==, 1);
  g_assert_cmpuint (elsewhere->requests, ==, 0);

  hostile_server_free (redirecting);
  hostile_server_free (elsewhere);
}

/* An answer with no length that never ends is cut off at the limit. */
static void
test_endless_answer (void)
{
  g_autoptr(CfRawPeer) endless = cf_raw_peer_new (CF_RAW_ANSWER_ENDLESS_CHUNKS);
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfRestPlatform) platform = cf_rest_platform_new (session, cf_raw_peer_get_url (endless));
  gsize written;

  expect_campaign_refused (CF_PLATFORM (platform), "1");
  written = cf_raw_peer_wait_for_hang_up (endless);

  /* The app hung up after its 8 MiB limit; the socket buffers between the
   * two take a few more. Read whole, it would have taken 512 MiB. */
  g_test_message ("%" G_GSIZE_FORMAT " bytes written before the app hung up", written);
  g_assert_cmpuint (written, <, 32 * 1024 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/limits-read-what-the-parser-reads", test_limits_read_what_the_parser_reads);
  g_test_add_func ("/hostile/our-api", test_our_api);
  g_test_add_func ("/hostile/ulule-api-and-stats", test_ulule_api_and_stats);
  g_test_add_func ("/hostile/kept-files", test_kept_files);
  g_test_add_func ("/hostile/live-messages", test_live_messages);
  g_test_add_func ("/hostile/endless-answer", test_endless_answer);
  g_test_add_func ("/hostile/live-redirect", test_live_redirect);
  g_test_add_func ("/hostile/line-breaks-in-headers", test_line_breaks_in_headers);
  return g_test_run ();
}
