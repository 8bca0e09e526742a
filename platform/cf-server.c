/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-server"

#include "config.h"

#include <string.h>

#include "cf-connection-guard.h"
#include "cf-json-limits.h"
#include "cf-secrets.h"
#include "cf-server.h"
#include "cf-web-pages.h"

#define LIVE_PROTOCOL  "crowdfund.v1"
#define LISTEN_BACKLOG 512

/* The reference platform: the API of docs/api.md over HTTP on loopback. */
struct _CfServer
{
  GObject parent_instance;

  SoupServer *soup_server;
  CfConnectionGuard *connection_guard;
  CfDatabase *database;
  CfLiveHub *live_hub;
  CfSignInThrottle *sign_in_throttle;
  GHashTable *trusted_proxies;  /* addresses, as text; shared with the connection guard */
  char *base_url;
};

G_DEFINE_FINAL_TYPE (CfServer, cf_server, G_TYPE_OBJECT)

static const CfRoute *route_tables[] = {
  cf_catalogue_routes,
  cf_account_routes,
  cf_pledge_routes,
};

/* The user of the bearer token presented: 0 when none was, -1 when the
 * token is unknown or expired. */
static gint64
authenticate (CfServer          *self,
              SoupServerMessage *message,
              char             **token_hash)
{
  const char *authorization = soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Authorization");
  sqlite3_stmt *statement;
  g_autofree char *hash = NULL;

  if (authorization == NULL)
    return 0;
  if (!g_str_has_prefix (authorization, "Bearer "))
    return -1;

  hash = cf_secrets_hash_token (authorization + strlen ("Bearer "));
  statement = cf_database_prepare (self->database,
    "SELECT user_id FROM tokens WHERE hash = ? AND kind = 'access' AND expires_at > ?");
  sqlite3_bind_text (statement, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return -1;

  if (token_hash != NULL)
    *token_hash = g_steal_pointer (&hash);
  return sqlite3_column_int64 (statement, 0);
}

static void
reply_invalid_token (CfRequest *request)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                "WWW-Authenticate", "Bearer error=\"invalid_token\"");
  cf_request_reply_error (request, SOUP_STATUS_UNAUTHORIZED, "invalid_token",
                          "The access token is unknown or has expired.");
}

static gboolean
read_body (CfRequest *request)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (length > CF_MAX_BODY_BYTES)
    {
      cf_request_reply_error (request, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "body_too_large",
                              "Request bodies are limited to 64 KiB.");
      return FALSE;
    }
  if (length == 0)
    return TRUE;

  if (!cf_json_scan (data, length, CF_MAX_BODY_BYTES, &request->body_has_huge_integer, NULL) ||
      !json_parser_load_from_data (parser, data, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      cf_request_reply_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_json",
                              "The body must be a JSON object.");
      return FALSE;
    }

  request->body = json_object_ref (json_node_get_object (root));
  return TRUE;
}

static gboolean
route_matches (const CfRoute *route,
               GStrv          segments,
               GStrvBuilder  *params)
{
  g_auto(GStrv) pattern = g_strsplit (route->pattern, "/", -1);

  if (g_strv_length (pattern) != g_strv_length (segments))
    return FALSE;

  for (guint i = 0; pattern[i] != NULL; i++)
    {
      if (g_str_equal (pattern[i], "*"))
        g_strv_builder_add (params, segments[i]);
      else if (!g_str_equal (pattern[i], segments[i]))
        return FALSE;
    }

  return TRUE;
}

static void
dispatch (CfServer  *self,
          CfRequest *request,
          const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  gboolean path_known = FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (route_tables); t++)
    for (const CfRoute *route = route_tables[t]; route->pattern != NULL; route++)
      {
        g_autoptr(GStrvBuilder) params = g_strv_builder_new ();

        if (!route_matches (route, segments, params))
          continue;
        path_known = TRUE;
        if (!g_str_equal (route->method, request->method))
          continue;

        request->params = g_strv_builder_end (params);
        route->handler (request);
        return;
      }

  if (path_known)
    cf_request_reply_error (request, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed",
                            "This resource does not take that method.");
  else
    cf_request_reply_error (request, SOUP_STATUS_NOT_FOUND, "not_found", "No such resource.");
}

static void
handle_api (SoupServer        *soup_server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  CfServer *self = user_data;
  CfRequest request = {
    .server = self,
    .database = self->database,
    .message = message,
    .method = soup_server_message_get_method (message),
    .query = query,
  };

  request.user_id = authenticate (self, message, &request.token_hash);
  if (request.user_id < 0)
    {
      request.user_id = 0;
      reply_invalid_token (&request);
    }
  else if (read_body (&request))
    dispatch (self, &request, path + strlen ("/v1/"));

  g_clear_pointer (&request.params, g_strfreev);
  g_clear_pointer (&request.token_hash, g_free);
  g_clear_pointer (&request.body, json_object_unref);
}

/* A body sent in chunks has no length to check first: once it passes the
 * limit, the connection is shut, so that no more of it is read. */
static void
body_chunk_cb (SoupServerMessage *message,
               GBytes            *chunk,
               gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);

  if (body->length <= CF_MAX_BODY_BYTES)
    return;

  g_debug ("a body past %d bytes: closing its connection", CF_MAX_BODY_BYTES);
  g_signal_handlers_disconnect_by_func (message, body_chunk_cb, user_data);
  g_socket_shutdown (soup_server_message_get_socket (message), TRUE, TRUE, NULL);
}

/* After the refusal, the rest of the body is read and dropped for a while
 * before closing: closing with unread data resets the connection, and the
 * client would never read the answer. Past these bounds it is reset. */
#define LINGER_BYTES (1024 * 1024)
#define LINGER_MS    2000

typedef struct
{
  GIOStream *stream;
  char scratch[16 * 1024];
  gsize dropped;
  gint64 deadline;
} Refusal;

static void
refusal_done (Refusal *refusal)
{
  g_io_stream_close_async (refusal->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_object_unref (refusal->stream);
  g_free (refusal);
}

static void
dropped_cb (GObject      *input,
            GAsyncResult *result,
            gpointer      user_data)
{
  Refusal *refusal = user_data;
  gssize got = g_input_stream_read_finish (G_INPUT_STREAM (input), result, NULL);

  refusal->dropped += MAX (got, 0);
  if (got <= 0 || refusal->dropped > LINGER_BYTES || g_get_monotonic_time () > refusal->deadline)
    {
      refusal_done (refusal);
      return;
    }

  g_input_stream_read_async (G_INPUT_STREAM (input), refusal->scratch, sizeof refusal->scratch,
                             G_PRIORITY_DEFAULT, NULL, dropped_cb, refusal);
}

static void
refusal_sent_cb (GObject      *output,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Refusal *refusal = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (output), result, NULL, NULL))
    {
      refusal_done (refusal);
      return;
    }

  refusal->deadline = g_get_monotonic_time () + LINGER_MS * 1000;
  g_input_stream_read_async (g_io_stream_get_input_stream (refusal->stream), refusal->scratch,
                             sizeof refusal->scratch, G_PRIORITY_DEFAULT, NULL, dropped_cb, refusal);
}

#define BODY_TOO_LARGE \
  "{\"error\":{\"code\":\"body_too_large\",\"message\":\"Request bodies are limited to 64 KiB.\"}}"
G_STATIC_ASSERT (sizeof BODY_TOO_LARGE - 1 == 85);

/* SoupServer reads a body whole before it answers, whatever status an early
 * handler set: the connection is taken from it, answered and closed. */
static void
refuse_unread (SoupServerMessage *message)
{
  static const char answer[] = "HTTP/1.1 413 Payload Too Large\r\n"
                               "Content-Type: application/json\r\n"
                               "Content-Length: 85\r\nConnection: close\r\n\r\n" BODY_TOO_LARGE;
  Refusal *refusal = g_new0 (Refusal, 1);

  refusal->stream = soup_server_message_steal_connection (message);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (refusal->stream), answer, sizeof answer - 1,
                                   G_PRIORITY_DEFAULT, NULL, refusal_sent_cb, refusal);
}

/* Refuses an oversized body from its Content-Length, before reading it, on
 * every path. */
static void
check_length_early (SoupServer        *soup_server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED)
    g_signal_connect (message, "got-chunk", G_CALLBACK (body_chunk_cb), NULL);
  else if (soup_message_headers_get_content_length (headers) > CF_MAX_BODY_BYTES)
    refuse_unread (message);
}

/* Before the WebSocket handshake: a token that is presented must be valid,
 * and the hub must have room for one more listener from this address. */
static void
check_live_handshake (SoupServer        *soup_server,
                      SoupServerMessage *message,
                      const char        *path,
                      GHashTable        *query,
                      gpointer           user_data)
{
  CfServer *self = user_data;
  CfRequest request = { .server = self, .message = message, .method = soup_server_message_get_method (message) };
  g_autofree char *client_address = cf_server_dup_client_address (self, message);

  if (authenticate (self, message, NULL) < 0)
    reply_invalid_token (&request);
  else if (!cf_live_hub_has_room (self->live_hub, client_address))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "Retry-After", "30");
      cf_request_reply_error (&request, SOUP_STATUS_SERVICE_UNAVAILABLE, "too_many_listeners",
                              "Too many live connections; figures can be read from stats meanwhile.");
    }
}

static void
live_connected (SoupServer              *soup_server,
                SoupServerMessage       *message,
                const char              *path,
                SoupWebsocketConnection *connection,
                gpointer                 user_data)
{
  CfServer *self = user_data;
  g_autofree char *client_address = cf_server_dup_client_address (self, message);

  cf_live_hub_add_client (self->live_hub, connection, client_address,
                          MAX (authenticate (self, message, NULL), 0));
}

static void
cf_server_dispose (GObject *object)
{
  CfServer *self = CF_SERVER (object);

  g_clear_object (&self->connection_guard);
  if (self->soup_server != NULL)
    soup_server_disconnect (self->soup_server);
  g_clear_object (&self->soup_server);
  g_clear_object (&self->live_hub);
  g_clear_object (&self->sign_in_throttle);
  g_clear_pointer (&self->trusted_proxies, g_hash_table_unref);
  g_clear_object (&self->database);
  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (cf_server_parent_class)->dispose (object);
}

static void
cf_server_class_init (CfServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_server_dispose;
}

/* Early handlers belong to a path like handlers do: each handled path needs
 * its own, or bodies sent there are never checked. */
static const char * const handled_paths[] = { "/v1/", "/v1/live", "/images/", "/campaigns/", "/" };

static void
cf_server_init (CfServer *self)
{
  char *protocols[] = { (char *) LIVE_PROTOCOL, NULL };

  self->trusted_proxies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->soup_server = soup_server_new ("server-header", "crowdfund-platform/" PACKAGE_VERSION, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (handled_paths); i++)
    soup_server_add_early_handler (self->soup_server, handled_paths[i], check_length_early, self, NULL);
  soup_server_add_handler (self->soup_server, "/v1/live", check_live_handshake, self, NULL);
  soup_server_add_websocket_handler (self->soup_server, "/v1/live", NULL, protocols,
                                     live_connected, self, NULL);
  soup_server_add_handler (self->soup_server, "/v1/", handle_api, self, NULL);
}

CfServer *
cf_server_new (CfDatabase *database)
{
  CfServer *self = g_object_new (CF_TYPE_SERVER, NULL);

  self->database = g_object_ref (database);
  self->live_hub = cf_live_hub_new (database);
  self->sign_in_throttle = cf_sign_in_throttle_new ();
  cf_web_pages_add_handlers (self->soup_server, database);
  return self;
}

/* Listens on loopback only, on @port or, when 0, on any free port, with a
 * backlog deep enough for a burst of clients connecting at once (GLib's
 * default of 10 resets the rest). */
gboolean
cf_server_listen (CfServer  *self,
                  guint      port,
                  GError   **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);

  if (socket == NULL)
    return FALSE;

  /* Non-blocking, so that an accept() with nothing left to accept fails
   * instead of stopping the whole platform until the next client comes. */
  g_socket_set_blocking (socket, FALSE);
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error) ||
      !soup_server_listen_socket (self->soup_server, socket, 0, error) ||
      (bound = g_socket_get_local_address (socket, error)) == NULL)
    return FALSE;

  self->connection_guard = cf_connection_guard_new (self->soup_server, socket, self->trusted_proxies);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u",
                                    g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return TRUE;
}

const char *
cf_server_get_base_url (CfServer *self)
{
  return self->base_url;
}

/* Live connections kept in all. They stay open for as long as people
 * watch, so they have places of their own besides the connections kept for
 * requests: listeners never crowd out what the same people ask. Call after
 * cf_server_listen(). */
void
cf_server_set_max_listeners (CfServer *self,
                             guint     listeners)
{
  cf_live_hub_set_max_clients (self->live_hub, listeners);
  cf_connection_guard_add_listeners (self->connection_guard, listeners);
}

/* How long a connection's first request may take to arrive whole. Call
 * after cf_server_listen(). */
void
cf_server_set_request_seconds (CfServer *self,
                               guint     seconds)
{
  cf_connection_guard_set_request_seconds (self->connection_guard, seconds);
}

CfLiveHub *
cf_server_get_live_hub (CfServer *self)
{
  return self->live_hub;
}

CfSignInThrottle *
cf_server_get_sign_in_throttle (CfServer *self)
{
  return self->sign_in_throttle;
}

/* Trusts the reverse proxy at @address (an IP address) to say in
 * X-Forwarded-For whom it forwards requests for. */
gboolean
cf_server_trust_proxy (CfServer    *self,
                       const char  *address,
                       GError     **error)
{
  g_autoptr(GInetAddress) parsed = g_inet_address_new_from_string (address);

  g_return_val_if_fail (CF_IS_SERVER (self), FALSE);

  if (parsed == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address", address);
      return FALSE;
    }

  g_hash_table_add (self->trusted_proxies, g_inet_address_to_string (parsed));
  return TRUE;
}

/* Who sent @message: the connection's address, or, when that is a trusted
 * proxy, the last address in X-Forwarded-For that is not one (a client can
 * write anything before what the proxy appended). A header from any other
 * address is not read. */
char *
cf_server_dup_client_address (CfServer          *self,
                              SoupServerMessage *message)
{
  const char *peer = soup_server_message_get_remote_host (message);
  const char *forwarded;
  g_auto(GStrv) hops = NULL;

  if (peer == NULL || !g_hash_table_contains (self->trusted_proxies, peer))
    return g_strdup (peer ? peer : "");

  forwarded = soup_message_headers_get_list (soup_server_message_get_request_headers (message),
                                             "X-Forwarded-For");
  hops = forwarded ? g_strsplit (forwarded, ",", -1) : NULL;
  for (guint i = hops ? g_strv_length (hops) : 0; i > 0; i--)
    {
      g_autoptr(GInetAddress) hop = g_inet_address_new_from_string (g_strstrip (hops[i - 1]));
      g_autofree char *text = hop ? g_inet_address_to_string (hop) : NULL;

      if (text == NULL)
        break;
      if (!g_hash_table_contains (self->trusted_proxies, text))
        return g_steal_pointer (&text);
    }

  return g_strdup (peer);
}
