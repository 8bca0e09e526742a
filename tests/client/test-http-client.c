/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cf-http-client.h"
#include "cf-platform-error.h"

/* CfHttpClient on its own, against a SoupServer in this process: what any
 * platform adapter gets from it. */

typedef struct
{
  SoupServer *server;
  CfHttpClient *client;
  GMainLoop *loop;
  GAsyncResult *result;
  guint requests;
  gboolean forget_before_answering;
  char *last_method;
  char *token;
  guint renewals;
} Fixture;

static GError *
refusal (guint     status,
         JsonNode *root,
         gpointer  user_data)
{
  return cf_platform_error_new (cf_platform_error_from_api (status, NULL));
}

/* The member @member's text; an answer saying {"errors": …} is, as
 * GraphQL says it inside a 200, a thing not found, or a session that ended
 * when the first error is UNAUTHENTICATED. */
static gpointer
parse_text (JsonNode      *root,
            gconstpointer  member,
            GError       **error)
{
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  if (object != NULL && json_object_has_member (object, "errors"))
    {
      JsonObject *first = json_array_get_object_element (json_object_get_array_member (object, "errors"), 0);
      gboolean unauthenticated = g_strcmp0 (json_object_get_string_member_with_default (first, "code", ""),
                                            "UNAUTHENTICATED") == 0;

      g_propagate_error (error, cf_platform_error_new (unauthenticated ? CF_PLATFORM_ERROR_UNAUTHORIZED
                                                                       : CF_PLATFORM_ERROR_NOT_FOUND));
      return NULL;
    }
  return object ? g_strdup (json_object_get_string_member_with_default (object, member, "")) : NULL;
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);
  const char *body = "{\"text\": \"first answer\"}";

  fixture->requests++;
  g_free (fixture->last_method);
  fixture->last_method = g_strdup (soup_server_message_get_method (message));

  if (g_str_equal (path, "/bot-wall") || g_str_equal (path, "/bot-wall-ok"))
    {
      const char *page = "<!DOCTYPE html><html><body>Checking your browser…</body></html>";

      soup_server_message_set_status (message, g_str_equal (path, "/bot-wall") ? SOUP_STATUS_FORBIDDEN
                                                                              : SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, page,
                                        strlen (page));
      return;
    }

  if (g_str_equal (path, "/me"))
    {
      const char *answer = g_strcmp0 (soup_message_headers_get_one (request_headers, "Authorization"),
                                      "Bearer fresh") == 0
                           ? "{\"text\": \"renewed\"}"
                           : "{\"data\": null, \"errors\": [{\"code\": \"UNAUTHENTICATED\"}]}";

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, answer, strlen (answer));
      return;
    }

  if (g_str_equal (path, "/graphql"))
    {
      const char *answer = "{\"data\": null, \"errors\": [{\"message\": \"No collective found\"}]}";

      /* The first attempt fails as a busy server would. */
      if (fixture->requests == 1)
        {
          soup_server_message_set_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
          return;
        }
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, answer, strlen (answer));
      return;
    }

  if (g_str_equal (path, "/moved"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Location", "/elsewhere");
      soup_server_message_set_status (message, SOUP_STATUS_FOUND, NULL);
      return;
    }

  soup_message_headers_replace (soup_server_message_get_response_headers (message), "ETag", "\"v1\"");
  if (g_strcmp0 (soup_message_headers_get_one (request_headers, "If-None-Match"), "\"v1\"") == 0)
    {
      /* The cache is emptied while this request is on its way. */
      if (fixture->forget_before_answering)
        cf_http_client_forget_answers (fixture->client);
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const CfHttpAdapter adapter = { .refusal = refusal };
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GSList) uris = NULL;
  g_autofree char *base = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, NULL));
  uris = soup_server_get_uris (fixture->server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  fixture->client = cf_http_client_new (session, base, &adapter);
  cf_http_client_set_retry_delay (fixture->client, 10);
  fixture->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->result);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  g_clear_pointer (&fixture->last_method, g_free);
  g_clear_pointer (&fixture->token, g_free);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_set_object (&fixture->result, result);
  g_main_loop_quit (fixture->loop);
}

static char *
send (Fixture     *fixture,
      const char  *method,
      const char  *path,
      GError     **error)
{
  CfHttpRequest request = { .method = method, .path = path, .parse = parse_text, .parse_data = "text",
                            .free_result = g_free };

  cf_http_client_send_async (fixture->client, &request, NULL, done_cb, fixture);
  g_main_loop_run (fixture->loop);
  return cf_http_client_send_finish (fixture->client, fixture->result, error);
}

/* A 304 is answered from the entry its If-None-Match named, even when the
 * cache was emptied in between. */
static void
test_not_modified_race (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *first = send (fixture, "GET", "thing", NULL);
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (first, ==, "first answer");
  fixture->forget_before_answering = TRUE;
  second = send (fixture, "GET", "thing", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, "first answer");
  g_assert_cmpuint (fixture->requests, ==, 2);
}

/* A redirect is followed neither for a read nor, above all, for a write. */
static void
test_no_redirect (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const methods[] = { "GET", "POST", "PATCH" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *answer = NULL;

      fixture->requests = 0;
      answer = send (fixture, methods[i], "moved", &error);
      g_assert_null (answer);
      g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
      g_assert_cmpuint (fixture->requests, ==, 1);
      g_assert_cmpstr (fixture->last_method, ==, methods[i]);
    }
}

/* A page for browsers, as bot walls send with a 403 or a 200, is told as
 * a refusal of the app, and not asked again. */
static void
test_bot_wall (Fixture       *fixture,
               gconstpointer  data)
{
  static const char * const paths[] = { "bot-wall", "bot-wall-ok" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *answer = NULL;

      fixture->requests = 0;
      answer = send (fixture, "GET", paths[i], &error);
      g_assert_null (answer);
      g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_BLOCKED);
      g_assert_cmpuint (fixture->requests, ==, 1);
    }
}

/* A read sent as POST, marked repeatable, is retried after a 503 as a GET
 * would be, and the error its answer holds is the adapter's, kept; an
 * ordinary POST is sent once. */
static void
test_repeatable_post (Fixture       *fixture,
                      gconstpointer  data)
{
  CfHttpRequest request = { .method = "POST", .path = "graphql", .repeatable = TRUE, .parse = parse_text,
                            .parse_data = "text", .free_result = g_free };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) once = NULL;
  g_autofree char *answer = NULL;

  cf_http_client_send_async (fixture->client, &request, NULL, done_cb, fixture);
  g_main_loop_run (fixture->loop);
  answer = cf_http_client_send_finish (fixture->client, fixture->result, &error);
  g_assert_null (answer);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_NOT_FOUND);
  g_assert_cmpuint (fixture->requests, ==, 2);

  fixture->requests = 0;
  g_free (send (fixture, "POST", "graphql", &once));
  g_assert_error (once, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_SERVER);
  g_assert_cmpuint (fixture->requests, ==, 1);
}

static void
authorize_with_token (SoupMessageHeaders *headers,
                      gpointer            user_data)
{
  g_autofree char *bearer = g_strdup_printf ("Bearer %s", ((Fixture *) user_data)->token);

  soup_message_headers_replace (headers, "Authorization", bearer);
}

static void
renew_token (GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             callback_data,
             gpointer             user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, callback_data);

  fixture->renewals++;
  g_free (fixture->token);
  fixture->token = g_strdup ("fresh");
  g_task_return_boolean (task, TRUE);
}

static gboolean
renew_token_finish (GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A session that ended, said inside a 200 (as GraphQL says it), is renewed
 * once and the request sent again, as after a 401. */
static void
test_renewal_from_a_200 (Fixture       *fixture,
                         gconstpointer  data)
{
  const CfHttpAdapter adapter = { .authorize = authorize_with_token, .renew = renew_token,
                                  .renew_finish = renew_token_finish, .refusal = refusal, .user_data = fixture };
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GSList) uris = soup_server_get_uris (fixture->server);
  g_autofree char *base = g_uri_to_string (uris->data);
  g_autoptr(CfHttpClient) client = cf_http_client_new (session, base, &adapter);
  CfHttpRequest request = { .method = "POST", .path = "me", .repeatable = TRUE, .authenticated = TRUE,
                            .parse = parse_text, .parse_data = "text", .free_result = g_free };
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = NULL;

  g_slist_foreach (uris, (GFunc) g_uri_unref, NULL);
  fixture->token = g_strdup ("expired");
  cf_http_client_send_async (client, &request, NULL, done_cb, fixture);
  g_main_loop_run (fixture->loop);
  answer = cf_http_client_send_finish (client, fixture->result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (answer, ==, "renewed");
  g_assert_cmpuint (fixture->renewals, ==, 1);
  g_assert_cmpuint (fixture->requests, ==, 2);
}

/* One backoff for requests and the live feed: exponential, jittered within
 * half of each step, capped. */
typedef struct
{
  Fixture *fixture;
  GError *error;
  char *text;
  gboolean done;
} Read;

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Read *read = user_data;

  read->text = cf_http_client_send_finish (CF_HTTP_CLIENT (object), result, &read->error);
  read->done = TRUE;
}

static void
start_read (Fixture      *fixture,
            Read         *read,
            GCancellable *cancellable)
{
  const CfHttpRequest request = {
    .method = "GET", .path = "page", .parse = parse_text, .parse_data = "text", .free_result = g_free,
  };

  cf_http_client_send_async (fixture->client, &request, cancellable, read_cb, read);
}

static void
wait_for_reads (Read *first,
                Read *second)
{
  while (!first->done || !second->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Two callers asking for the same page at once get it from one request;
 * one that gives up does not take the answer from the other. */
static void
test_same_read_once (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Read first = { fixture }, second = { fixture }, given_up = { fixture }, waiting = { fixture };

  start_read (fixture, &first, NULL);
  start_read (fixture, &second, NULL);
  wait_for_reads (&first, &second);
  g_assert_cmpuint (fixture->requests, ==, 1);
  g_assert_cmpstr (first.text, ==, "first answer");
  g_assert_cmpstr (second.text, ==, "first answer");

  cf_http_client_forget_answers (fixture->client);
  start_read (fixture, &given_up, cancellable);
  start_read (fixture, &waiting, NULL);
  g_cancellable_cancel (cancellable);
  wait_for_reads (&given_up, &waiting);
  g_assert_error (given_up.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (waiting.error);
  g_assert_cmpstr (waiting.text, ==, "first answer");

  g_free (first.text);
  g_free (second.text);
  g_free (waiting.text);
  g_clear_error (&given_up.error);
}

static void
test_backoff (void)
{
  for (guint attempt = 0; attempt < 20; attempt++)
    for (guint i = 0; i < 50; i++)
      {
        guint step = MIN (500u << MIN (attempt, 10u), 60000u);
        guint delay = cf_http_backoff_delay_ms (500, 60000, attempt);

        g_assert_cmpuint (delay, >=, step / 2);
        g_assert_cmpuint (delay, <=, step);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/http-client/not-modified-race", Fixture, NULL, fixture_set_up, test_not_modified_race,
              fixture_tear_down);
  g_test_add ("/http-client/no-redirect", Fixture, NULL, fixture_set_up, test_no_redirect, fixture_tear_down);
  g_test_add ("/http-client/bot-wall", Fixture, NULL, fixture_set_up, test_bot_wall, fixture_tear_down);
  g_test_add ("/http-client/repeatable-post", Fixture, NULL, fixture_set_up, test_repeatable_post,
              fixture_tear_down);
  g_test_add ("/http-client/renewal-from-a-200", Fixture, NULL, fixture_set_up, test_renewal_from_a_200,
              fixture_tear_down);
  g_test_add ("/http-client/same-read-once", Fixture, NULL, fixture_set_up, test_same_read_once, fixture_tear_down);
  g_test_add_func ("/http-client/backoff", test_backoff);
  return g_test_run ();
}
