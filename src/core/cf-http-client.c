/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-http-client"

#include "config.h"

#include <math.h>

#include "cf-bounded-read.h"
#include "cf-http-client.h"
#include "cf-json-limits.h"
#include "cf-platform-error.h"

/* What every platform adapter needs of HTTP, once: requests sent on the
 * caller's main context, answers parsed in a worker within size and depth
 * limits, idempotent (or keyed) requests retried with backoff and jitter or
 * after Retry-After, a timeout per attempt, conditional GETs answered from a
 * cache bounded in bytes, credentials renewed once through the adapter, and
 * no redirect ever followed. An adapter maps its endpoints, its answers and
 * its errors; it copies none of this. */

#define MAX_RETRIES          3
#define MAX_RETRY_DELAY_MS   10000
#define MAX_RETRY_AFTER_S    60
/* A page is tens of kilobytes: anything past this is refused unparsed. */
#define MAX_RESPONSE_BYTES   (8 * 1024 * 1024)
/* Only what a conditional request pays back is kept, within this. */
#define MAX_CACHE_BYTES      (4 * 1024 * 1024)

typedef struct
{
  char *etag;
  GBytes *body;
} CachedAnswer;

/* One request, through its retries. */
typedef struct
{
  CfHttpClient *client;  /* owned: the task may be its caller's */
  char *method;
  char *path;
  char *url;
  GBytes *body;
  char *idempotency_key;
  gboolean authenticated;
  CfHttpParseFunc parse;
  gconstpointer parse_data;
  GDestroyNotify free_parse_data;
  GDestroyNotify free_result;
  CfHttpResultType result_type;
  gboolean may_retry;
  gboolean renewed;
  guint attempt;

  SoupMessage *message;
  CachedAnswer *cached;  /* what If-None-Match named, kept until the answer */
  guint status;
  GBytes *response;
  char *flight_key;      /* while other callers may wait for this read's answer */
  GPtrArray *followers;  /* GTask: the same read, asked while this one was under way */
} HttpCall;

struct _CfHttpClient
{
  GObject parent_instance;

  SoupSession *session;
  char *base_url;
  CfHttpAdapter adapter;
  GHashTable *headers;  /* name → value, on every request */
  GHashTable *cache;    /* URL → CachedAnswer */
  GHashTable *in_flight;  /* a read's key (see flight_key()) → the task sending it, unowned */
  gsize cache_bytes;
  guint timeout_seconds;
  guint retry_delay_ms;
};

G_DEFINE_FINAL_TYPE (CfHttpClient, cf_http_client, G_TYPE_OBJECT)

static void send_attempt (GTask *task);
static void renewed_cb   (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data);

static void
cached_answer_free (CachedAnswer *cached)
{
  g_free (cached->etag);
  g_bytes_unref (cached->body);
  g_free (cached);
}

static CachedAnswer *
cached_answer_copy (const CachedAnswer *cached)
{
  CachedAnswer *copy = g_new0 (CachedAnswer, 1);

  copy->etag = g_strdup (cached->etag);
  copy->body = g_bytes_ref (cached->body);
  return copy;
}

static void
http_call_free (HttpCall *call)
{
  if (call->free_parse_data != NULL)
    call->free_parse_data ((gpointer) call->parse_data);
  g_clear_object (&call->client);
  g_free (call->method);
  g_free (call->path);
  g_free (call->url);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_free (call->idempotency_key);
  g_clear_object (&call->message);
  g_clear_pointer (&call->cached, cached_answer_free);
  g_clear_pointer (&call->response, g_bytes_unref);
  g_free (call->flight_key);
  g_clear_pointer (&call->followers, g_ptr_array_unref);
  g_free (call);
}

/* Exponential, with jitter, so that many clients failing together do not
 * retry together. Shared with the live feed's reconnections. */
guint
cf_http_backoff_delay_ms (guint first_ms,
                          guint max_ms,
                          guint attempt)
{
  guint base = MIN (first_ms << MIN (attempt, 10u), max_ms);

  return base / 2 + g_random_int_range (0, base / 2 + 1);
}

/* Retry-After in seconds or as an HTTP date, capped; -1 when absent.
 * Some platforms (Open Collective) send fractions of a second: “37.204”. */
static int
retry_after_ms (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                    "Retry-After");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  char *end;
  double seconds;

  if (value == NULL)
    return -1;

  /* Only a number that starts with a digit: strtod would read "-5",
   * "inf" or "0x1p3" too. */
  seconds = g_ascii_strtod (value, &end);
  if (g_ascii_isdigit (value[0]) && *end == '\0' && isfinite (seconds))
    return (int) ceil (MIN (seconds, MAX_RETRY_AFTER_S) * 1000);

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return -1;

  now = g_date_time_new_now_utc ();
  return CLAMP (g_date_time_difference (when, now) / 1000, 0, MAX_RETRY_AFTER_S * 1000);
}

static void
return_error (GTask           *task,
              CfPlatformError  code)
{
  g_task_return_error (task, cf_platform_error_new (code));
}

static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (!g_task_return_error_if_cancelled (task))
    send_attempt (task);

  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gboolean
schedule_retry (GTask *task,
                int    delay_ms)
{
  CfHttpClient *self = ((HttpCall *) g_task_get_task_data (task))->client;
  HttpCall *call = g_task_get_task_data (task);

  if (!call->may_retry || call->attempt >= MAX_RETRIES)
    return FALSE;

  if (delay_ms < 0)
    delay_ms = cf_http_backoff_delay_ms (self->retry_delay_ms, MAX_RETRY_DELAY_MS, call->attempt);

  g_debug ("%s %s: attempt %u failed, retrying in %d ms",
           call->method, call->path, call->attempt + 1, delay_ms);
  call->attempt++;
  g_timeout_add (delay_ms, retry_cb, g_object_ref (task));
  return TRUE;
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CfHttpClient *self = source_object;
  HttpCall *call = task_data;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (call->response, &length);
  gboolean parsed = length == 0 ||
                    (cf_json_check_limits (data, length, MAX_RESPONSE_BYTES, &error) &&
                     json_parser_load_from_data (parser, data, length, &error));
  JsonNode *root = parsed && length > 0 ? json_parser_get_root (parser) : NULL;
  gpointer result;

  if (call->status >= 400)
    {
      g_task_return_error (task, self->adapter.refusal (call->status, root, self->adapter.user_data));
      return;
    }

  if (call->status >= 300)
    {
      g_debug ("%s %s: answered %u, which is not followed", call->method, call->path, call->status);
      return_error (task, CF_PLATFORM_ERROR_INVALID_RESPONSE);
      return;
    }

  if (call->parse == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  result = parsed ? call->parse (root, call->parse_data, &error) : NULL;
  if (result != NULL)
    {
      g_task_return_pointer (task, result, call->free_result);
      return;
    }

  /* What the adapter read in the answer (not found, rate limited, an
   * expired token inside a 200) is kept, not made “invalid”. */
  if (error != NULL && error->domain == CF_PLATFORM_ERROR)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("%s %s: invalid response: %s", call->method, call->path,
           error ? error->message : "unexpected shape");
  return_error (task, CF_PLATFORM_ERROR_INVALID_RESPONSE);
}

static void
remember_answer (CfHttpClient *self,
                 HttpCall     *call)
{
  const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (call->message), "ETag");
  CachedAnswer *cached;

  if (etag == NULL || !g_str_equal (call->method, "GET") ||
      g_bytes_get_size (call->response) > MAX_CACHE_BYTES / 4)
    return;

  cached = g_hash_table_lookup (self->cache, call->url);
  if (cached != NULL)
    self->cache_bytes -= g_bytes_get_size (cached->body);
  if (self->cache_bytes + g_bytes_get_size (call->response) > MAX_CACHE_BYTES)
    cf_http_client_forget_answers (self);

  cached = g_new0 (CachedAnswer, 1);
  cached->etag = g_strdup (etag);
  cached->body = g_bytes_ref (call->response);
  self->cache_bytes += g_bytes_get_size (call->response);
  g_hash_table_insert (self->cache, g_strdup (call->url), cached);
}

/* Renews the credentials of an authenticated request refused for them, once,
 * and sends it again: TRUE when that is under way. */
static gboolean
try_renewal (CfHttpClient *self,
             GTask        *task)
{
  HttpCall *call = g_task_get_task_data (task);

  if (!call->authenticated || call->renewed || self->adapter.renew == NULL)
    return FALSE;

  self->adapter.renew (g_task_get_cancellable (task), renewed_cb, g_object_ref (task), self->adapter.user_data);
  return TRUE;
}

/* The answer as the caller reads its task: the parsed result, or for a
 * platform's own task, TRUE for a write and a count as an integer. */
static void
return_result (GTask    *task,
               HttpCall *call,
               gpointer  answer)
{
  switch (call->result_type)
    {
    case CF_HTTP_RESULT_BOOLEAN:
      g_task_return_boolean (task, TRUE);
      break;
    case CF_HTTP_RESULT_INT:
      g_task_return_int (task, *(gint64 *) answer);
      call->free_result (answer);
      break;
    case CF_HTTP_RESULT_POINTER:
    default:
      g_task_return_pointer (task, answer, call->free_result);
      break;
    }
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfHttpClient *self = ((HttpCall *) g_task_get_task_data (task))->client;
  HttpCall *call = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer answer = g_task_propagate_pointer (G_TASK (result), &error);

  if (error == NULL)
    {
      return_result (task, call, answer);
      return;
    }

  /* A session that ended, said inside a 200 as GraphQL says it, is renewed
   * once as after a 401. */
  if (g_error_matches (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_UNAUTHORIZED) && call->status < 300 &&
      try_renewal (self, task))
    {
      g_error_free (error);
      return;
    }

  g_task_return_error (task, error);
}

/* Reads the answer in a worker; what it means is decided back here. */
static void
parse (CfHttpClient *self,
       GTask        *task)
{
  g_autoptr(GTask) parsing = g_task_new (self, g_task_get_cancellable (task), parsed_cb, g_object_ref (task));

  g_task_set_source_tag (parsing, parse);
  g_task_set_task_data (parsing, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (parsing, parse_in_thread);
}

static gboolean
is_web_page (SoupMessage *message)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);

  return type != NULL && (g_ascii_strcasecmp (type, "text/html") == 0 ||
                          g_ascii_strcasecmp (type, "application/xhtml+xml") == 0);
}

static void
renewed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfHttpClient *self = ((HttpCall *) g_task_get_task_data (task))->client;
  HttpCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (self->adapter.renew_finish ? self->adapter.renew_finish (result, &error)
                                 : g_task_propagate_boolean (G_TASK (result), &error))
    {
      call->renewed = TRUE;
      send_attempt (task);
    }
  else if (cf_platform_error_is_refusal (error))
    return_error (task, CF_PLATFORM_ERROR_UNAUTHORIZED);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* What makes two reads the same: their address, and whose credentials
 * they are sent with (an answer given to one person is not another's). */
static char *
dup_flight_key (CfHttpClient *self,
                HttpCall     *call)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  const char *authorization;

  cf_http_client_add_headers (self, headers, call->authenticated);
  authorization = soup_message_headers_get_one (headers, "Authorization");
  return g_strdup_printf ("%s %s", authorization ? authorization : "-", call->url);
}

/* Those waiting for @call's answer; from now on, callers asking for the
 * same read send it anew. */
static GPtrArray *
take_followers (CfHttpClient *self,
                HttpCall     *call)
{
  if (call->flight_key != NULL)
    g_hash_table_remove (self->in_flight, call->flight_key);
  g_clear_pointer (&call->flight_key, g_free);
  return g_steal_pointer (&call->followers);
}

/* Callers that asked for the same read while it was under way get its
 * answer, each parsed for itself. */
static void
serve_followers (CfHttpClient *self,
                 HttpCall     *call)
{
  g_autoptr(GPtrArray) followers = take_followers (self, call);
  for (guint i = 0; followers != NULL && i < followers->len; i++)
    {
      GTask *follower = followers->pdata[i];
      HttpCall *follower_call = g_task_get_task_data (follower);

      follower_call->status = call->status;
      follower_call->response = g_bytes_ref (call->response);
      parse (self, follower);
    }
}

/* A read that ended without an answer to share (cancelled, or failed):
 * those who waited for it are sent on their own. */
static void
leader_completed_cb (GTask        *task,
                     GParamSpec   *pspec,
                     CfHttpClient *self)
{
  HttpCall *call = g_task_get_task_data (task);
  g_autoptr(GPtrArray) followers = take_followers (self, call);
  for (guint i = 0; followers != NULL && i < followers->len; i++)
    send_attempt (followers->pdata[i]);
}

static void
response_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfHttpClient *self = ((HttpCall *) g_task_get_task_data (task))->client;
  HttpCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean timed_out;

  g_clear_pointer (&call->response, g_bytes_unref);
  call->response = cf_bounded_read_finish (result, &error);
  call->status = soup_message_get_status (call->message);
  if (call->status != SOUP_STATUS_NONE && self->adapter.observe != NULL)
    self->adapter.observe (call->status, soup_message_get_response_headers (call->message), self->adapter.user_data);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_debug ("%s %s: %s, refused", call->method, call->path, error->message);
      return_error (task, CF_PLATFORM_ERROR_INVALID_RESPONSE);
      return;
    }

  if (call->response == NULL)
    {
      timed_out = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
      if (!timed_out && g_task_return_error_if_cancelled (task))
        return;
      g_debug ("%s %s: %s", call->method, call->path, error->message);
      if (!schedule_retry (task, -1))
        return_error (task, timed_out ? CF_PLATFORM_ERROR_TIMED_OUT : CF_PLATFORM_ERROR_NETWORK);
      return;
    }

  /* A bot wall answers with a page for browsers, whatever its status: it
   * is told as such, and not asked again. */
  if (is_web_page (call->message))
    {
      g_debug ("%s %s: answered %u with a web page", call->method, call->path, call->status);
      return_error (task, CF_PLATFORM_ERROR_BLOCKED);
      return;
    }

  /* The answer the request named, even if the cache was emptied since. */
  if (call->status == SOUP_STATUS_NOT_MODIFIED && call->cached != NULL)
    {
      g_bytes_unref (call->response);
      call->response = g_bytes_ref (call->cached->body);
      call->status = SOUP_STATUS_OK;
    }

  if (call->status == SOUP_STATUS_UNAUTHORIZED && try_renewal (self, task))
    return;

  if ((call->status == 429 || call->status >= 500) &&
      schedule_retry (task, retry_after_ms (call->message)))
    return;

  if (call->status == SOUP_STATUS_OK)
    remember_answer (self, call);

  serve_followers (self, call);
  parse (self, task);
}

static void
add_request_headers (CfHttpClient *self,
                     HttpCall     *call)
{
  SoupMessageHeaders *headers = soup_message_get_request_headers (call->message);
  CachedAnswer *cached = g_str_equal (call->method, "GET") ? g_hash_table_lookup (self->cache, call->url) : NULL;

  cf_http_client_add_headers (self, headers, call->authenticated);
  if (call->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", call->idempotency_key);

  g_clear_pointer (&call->cached, cached_answer_free);
  if (cached != NULL)
    {
      call->cached = cached_answer_copy (cached);
      soup_message_headers_replace (headers, "If-None-Match", cached->etag);
    }
}

static void
send_attempt (GTask *task)
{
  CfHttpClient *self = ((HttpCall *) g_task_get_task_data (task))->client;
  HttpCall *call = g_task_get_task_data (task);

  g_clear_object (&call->message);
  call->message = soup_message_new (call->method, call->url);
  if (call->message == NULL)
    {
      return_error (task, CF_PLATFORM_ERROR_INVALID_REQUEST);
      return;
    }

  add_request_headers (self, call);
  /* libsoup would follow a 302 to a POST with a GET, maybe to another
   * origin, and take its answer for ours: nothing is followed. */
  soup_message_add_flags (call->message, SOUP_MESSAGE_NO_REDIRECT);
  /* A keyed write, or a read sent as POST, may be sent again safely, so it
   * may also reuse a kept-alive connection, which libsoup only does for
   * idempotent requests. */
  if (call->may_retry)
    soup_message_add_flags (call->message, SOUP_MESSAGE_IDEMPOTENT);
  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (call->message, "application/json", call->body);

  cf_bounded_read_async (self->session, call->message, MAX_RESPONSE_BYTES, self->timeout_seconds,
                         G_PRIORITY_DEFAULT, g_task_get_cancellable (task), response_cb, g_object_ref (task));
}

static void
cf_http_client_finalize (GObject *object)
{
  CfHttpClient *self = CF_HTTP_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->headers, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);

  G_OBJECT_CLASS (cf_http_client_parent_class)->finalize (object);
}

static void
cf_http_client_class_init (CfHttpClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_http_client_finalize;
}

static void
cf_http_client_init (CfHttpClient *self)
{
  self->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cached_answer_free);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->timeout_seconds = 30;
  self->retry_delay_ms = 500;
}

/* A client of @base_url (ending in "/") over @session, for @adapter. */
CfHttpClient *
cf_http_client_new (SoupSession         *session,
                    const char          *base_url,
                    const CfHttpAdapter *adapter)
{
  CfHttpClient *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (adapter != NULL && adapter->refusal != NULL, NULL);

  self = g_object_new (CF_TYPE_HTTP_CLIENT, NULL);
  self->session = g_object_ref (session);
  self->base_url = g_strdup (base_url);
  self->adapter = *adapter;
  return self;
}

/* A header sent with every request (a language, an API version). */
void
cf_http_client_set_header (CfHttpClient *self,
                           const char   *name,
                           const char   *value)
{
  g_return_if_fail (CF_IS_HTTP_CLIENT (self));

  g_hash_table_replace (self->headers, g_strdup (name), g_strdup (value));
}

/* The headers of every request, and the adapter's credentials when
 * @authenticated: for a request the client does not send itself (the live
 * feed's WebSocket). */
void
cf_http_client_add_headers (CfHttpClient       *self,
                            SoupMessageHeaders *headers,
                            gboolean            authenticated)
{
  GHashTableIter iter;
  const char *name, *value;

  g_return_if_fail (CF_IS_HTTP_CLIENT (self));

  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "User-Agent", "Crowdfund/" PACKAGE_VERSION);
  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &value))
    soup_message_headers_replace (headers, name, value);
  if (authenticated && self->adapter.authorize != NULL)
    self->adapter.authorize (headers, self->adapter.user_data);
}

void
cf_http_client_set_timeout (CfHttpClient *self,
                            guint         seconds)
{
  g_return_if_fail (CF_IS_HTTP_CLIENT (self));

  self->timeout_seconds = MAX (seconds, 1);
}

/* The first delay before retrying; it doubles with each further attempt. */
void
cf_http_client_set_retry_delay (CfHttpClient *self,
                                guint         milliseconds)
{
  g_return_if_fail (CF_IS_HTTP_CLIENT (self));

  self->retry_delay_ms = MAX (milliseconds, 1);
}

/* Drops every kept answer, when the credentials change. */
void
cf_http_client_forget_answers (CfHttpClient *self)
{
  g_return_if_fail (CF_IS_HTTP_CLIENT (self));

  g_hash_table_remove_all (self->cache);
  self->cache_bytes = 0;
}

void
cf_http_client_send_async (CfHttpClient        *self,
                           const CfHttpRequest *request,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  HttpCall *call;

  g_return_if_fail (CF_IS_HTTP_CLIENT (self));

  task = g_task_new (request->source_object ? request->source_object : self, cancellable, callback, user_data);
  call = g_new0 (HttpCall, 1);
  call->client = g_object_ref (self);
  call->method = g_strdup (request->method);
  call->path = g_strdup (request->path);
  call->url = g_strconcat (self->base_url, request->path, NULL);
  call->body = request->body ? g_bytes_ref (request->body) : NULL;
  call->idempotency_key = g_strdup (request->idempotency_key);
  call->authenticated = request->authenticated;
  call->parse = request->parse;
  call->parse_data = request->parse_data;
  call->free_parse_data = request->free_parse_data;
  call->free_result = request->free_result;
  call->result_type = request->result_type;
  call->may_retry = g_str_equal (call->method, "GET") || g_str_equal (call->method, "PUT") ||
                    g_str_equal (call->method, "DELETE") || call->idempotency_key != NULL ||
                    request->repeatable;

  g_task_set_source_tag (task, request->source_tag ? request->source_tag : (gpointer) cf_http_client_send_async);
  g_task_set_task_data (task, call, (GDestroyNotify) http_call_free);

  /* Views opening together ask for the same page at once: it is read once. */
  if (g_str_equal (call->method, "GET"))
    {
      g_autofree char *key = dup_flight_key (self, call);
      GTask *leader = g_hash_table_lookup (self->in_flight, key);

      if (leader != NULL)
        {
          HttpCall *leader_call = g_task_get_task_data (leader);

          if (leader_call->followers == NULL)
            leader_call->followers = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (leader_call->followers, g_steal_pointer (&task));
          return;
        }
      call->flight_key = g_strdup (key);
      g_hash_table_insert (self->in_flight, g_steal_pointer (&key), task);
      g_signal_connect_object (task, "notify::completed", G_CALLBACK (leader_completed_cb), self, G_CONNECT_DEFAULT);
    }
  send_attempt (task);
}

/* The parsed result, NULL for a request whose answer is not read, or NULL
 * with a CfPlatformError. */
gpointer
cf_http_client_send_finish (CfHttpClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_http_client_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A session fit for the app's platforms: six connections per host, so that
 * pictures never wait behind API calls. */
SoupSession *
cf_http_client_new_session (void)
{
  return soup_session_new_with_options ("max-conns-per-host", 6,
                                        "user-agent", "Crowdfund/" PACKAGE_VERSION,
                                        NULL);
}

/* @text escaped to stand as a segment or a value in a request's path. */
char *
cf_http_escape (const char *text)
{
  return g_uri_escape_string (text, NULL, TRUE);
}

/* Adds @name=@value (escaped) to the query of @path; nothing for an empty
 * @value. */
void
cf_http_append_query (GString    *path,
                      const char *name,
                      const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;

  escaped = cf_http_escape (value);
  g_string_append_printf (path, "%c%s=%s", strchr (path->str, '?') ? '&' : '?', name, escaped);
}

/* Authorization: @scheme and @credentials' access token, when there are
 * credentials. */
void
cf_http_authorize (SoupMessageHeaders *headers,
                   const char         *scheme,
                   CfCredentials      *credentials)
{
  g_autofree char *value = NULL;

  if (credentials == NULL)
    return;

  value = g_strdup_printf ("%s %s", scheme, cf_credentials_get_access_token (credentials));
  soup_message_headers_replace (headers, "Authorization", value);
}
