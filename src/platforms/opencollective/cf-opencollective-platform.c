/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-opencollective"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-foreign-json.h"
#include "cf-http-client.h"
#include "cf-opencollective-platform.h"
#include "cf-opencollective-queries.h"
#include "cf-opencollective-translate.h"
#include "cf-platform-kind.h"
#include "cf-reward.h"
#include "cf-update.h"
#include "cf-web-address.h"

/* Open Collective (api.opencollective.com/graphql/v2, documented in
 * opencollective/graphql-docs-v2), over the shared HTTP client: browsing
 * and searching collectives, a collective's tiers, updates and figures, and
 * with a personal token, the person's contributions and the collectives
 * they administer. Contributing, changing and cancelling happen on Open
 * Collective's website.
 *
 * Anonymous clients may send 10 requests a minute, and Open Collective
 * keeps their answers for 5 minutes; a personal token sends 100. So each
 * screen is one query (a collective's page, tiers, updates and figures
 * come in one answer), an answer is reused while Open Collective would give
 * it again unchanged, the same query asked twice at once is sent once, and
 * once the X-RateLimit-* headers say the minute's requests are spent, the
 * next wait for its end. Every query sent is a file of queries/, which a
 * test checks against Open Collective's published schema. */

#define PAGE_SIZE 50
/* How long Open Collective keeps a logged-out answer, and how often the
 * figures of a collective are read again by default. */
#define ANONYMOUS_ANSWER_SECONDS (5 * 60)
#define POLL_SECONDS 60
#define RESOURCE_PATH "/com/example/Crowdfund/opencollective/queries/"

struct _CfOpenCollectivePlatform
{
  GObject parent_instance;

  CfHttpClient *client;
  CfCredentials *credentials;  /* the personal token */
  char *website_url;
  char *user_slug;             /* the token's owner, once asked */
  GHashTable *documents;       /* operation → its query, with the fragments it uses */
  GHashTable *answers;         /* query key → Answer */
  GHashTable *waiting;         /* query key → GPtrArray of the GTasks waiting for its answer */
  GQueue held;                 /* query keys waiting for the rate limit's minute to end */
  guint release_id;
  gint64 rate_remaining;       /* -1: unknown */
  gint64 rate_reset;           /* when the minute ends, in seconds since the epoch */
  CfPlatformCapabilities capabilities;
};

static void cf_opencollective_platform_iface_init (CfPlatformInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfOpenCollectivePlatform, cf_opencollective_platform, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CF_TYPE_PLATFORM, cf_opencollective_platform_iface_init))

typedef struct
{
  JsonNode *data;
  gint64 expires;  /* monotonic µs */
} Answer;

static void
answer_free (Answer *answer)
{
  json_node_unref (answer->data);
  g_free (answer);
}

/* What a caller waits for: the answer's `data`, made into @type. */
typedef struct
{
  CfOpenCollectiveTranslateFunc translate;
  GType type;
  gboolean page;
} Reading;

/* A query asked: its operation and variables, and the key its answer is
 * kept and shared under. */
typedef struct
{
  char *key;
  const char *operation;
  JsonNode *variables;
} Query;

static void
query_free (Query *query)
{
  g_free (query->key);
  json_node_unref (query->variables);
  g_free (query);
}

static GBytes *
lookup_query_file (const char *file)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_PATH "%s.graphql", file);

  return g_resource_lookup_data (cf_opencollective_queries_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/* The file of an operation or a fragment: “AccountCard” is account-card.graphql. */
static char *
dup_query_file (const char *name,
                gsize       length)
{
  GString *file = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isupper (name[i]) && i > 0)
        g_string_append_c (file, '-');
      g_string_append_c (file, g_ascii_tolower (name[i]));
    }
  return g_string_free (file, FALSE);
}

/* The query of @operation, its file, followed by each fragment it spreads
 * (“...Name”, never “... on Type”), once. */
static const char *
document (CfOpenCollectivePlatform *self,
          const char               *operation)
{
  const char *text = g_hash_table_lookup (self->documents, operation);
  g_autofree char *file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) spread = NULL;
  GString *joined;

  if (text != NULL)
    return text;
  file = dup_query_file (operation, strlen (operation));
  bytes = lookup_query_file (file);
  g_return_val_if_fail (bytes != NULL, NULL);
  joined = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  spread = g_ptr_array_new_with_free_func (g_free);
  for (const char *at = strstr (joined->str, "..."); at != NULL; at = strstr (at + 3, "..."))
    {
      gsize length = 0;
      g_autofree char *fragment = NULL;

      while (g_ascii_isalnum (at[3 + length]))
        length++;
      if (length == 0 || !g_ascii_isupper (at[3]))
        continue;
      fragment = dup_query_file (at + 3, length);
      if (!g_ptr_array_find_with_equal_func (spread, fragment, g_str_equal, NULL))
        g_ptr_array_add (spread, g_steal_pointer (&fragment));
    }
  for (guint i = 0; i < spread->len; i++)
    {
      g_autoptr(GBytes) fragment = lookup_query_file (spread->pdata[i]);

      g_string_append_len (joined, g_bytes_get_data (fragment, NULL), g_bytes_get_size (fragment));
    }
  text = g_string_free (joined, FALSE);
  g_hash_table_insert (self->documents, g_strdup (operation), (char *) text);
  return text;
}

/* @operation (a file of queries/, named in CamelCase) with @variables,
 * which it takes. */
static Query *
query_new (CfOpenCollectivePlatform *self,
           const char               *operation,
           JsonNode                 *variables)
{
  g_autofree char *variables_text = json_to_string (variables, FALSE);
  Query *query = g_new0 (Query, 1);

  query->operation = operation;
  query->variables = variables;
  /* One person's answers are never another's, nor anyone's signed out. */
  query->key = g_strdup_printf ("%s %s %s", self->credentials ? cf_credentials_get_access_token (self->credentials) : "-",
                                operation, variables_text);
  return query;
}

/* What is sent: `{"operationName", "query", "variables"}`. */
static GBytes *
dup_body (CfOpenCollectivePlatform *self,
          Query                    *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *body;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "operationName");
  json_builder_add_string_value (builder, query->operation);
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, document (self, query->operation));
  json_builder_set_member_name (builder, "variables");
  json_builder_add_value (builder, json_node_ref (query->variables));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);
  return g_bytes_new_take (body, strlen (body));
}

static JsonNode *
variables_new (const char *first_name,
               ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      json_builder_set_member_name (builder, name);
      if (g_str_equal (name, "limit") || g_str_equal (name, "offset"))
        json_builder_add_int_value (builder, va_arg (args, gint64));
      else
        json_builder_add_string_value (builder, va_arg (args, const char *));
    }
  va_end (args);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gint64
offset_of (const char *cursor)
{
  guint64 offset = 0;

  if (cursor != NULL)
    g_ascii_string_to_unsigned (cursor, 10, 0, G_MAXINT32, &offset, NULL);
  return offset;
}

/* GraphQL's own errors, inside a 200: what the first means, when the
 * answer's `data` lacks what was asked. */
static GError *
graphql_error (JsonObject *root)
{
  static const struct { const char *code; CfPlatformError error; } codes[] = {
    { "NotFound", CF_PLATFORM_ERROR_NOT_FOUND },
    { "Unauthorized", CF_PLATFORM_ERROR_UNAUTHORIZED },
    { "Forbidden", CF_PLATFORM_ERROR_FORBIDDEN },
    { "RateLimitExceeded", CF_PLATFORM_ERROR_RATE_LIMITED },
    { "BadRequest", CF_PLATFORM_ERROR_INVALID_REQUEST },
    { "ValidationFailed", CF_PLATFORM_ERROR_INVALID_REQUEST },
  };
  JsonArray *errors = cf_foreign_json_array (root, "errors");
  JsonNode *first = errors && json_array_get_length (errors) > 0 ? json_array_get_element (errors, 0) : NULL;
  JsonObject *error = first && JSON_NODE_HOLDS_OBJECT (first) ? json_node_get_object (first) : NULL;
  JsonObject *extensions = cf_foreign_json_object (error, "extensions");
  const char *code = extensions ? cf_model_json_string (extensions, "code") : NULL;

  g_debug ("Open Collective: %s (%s)", error ? cf_model_json_string (error, "message") : "no data", code);
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (codes); i++)
    if (g_str_equal (code, codes[i].code))
      return cf_platform_error_new (codes[i].error);
  return cf_platform_error_new (CF_PLATFORM_ERROR_SERVER);
}

/* In the client's worker: the answer's `data`, or what its `errors` say
 * when there is none. Errors beside data (a field the person may not see)
 * leave the rest readable. */
static gpointer
parse_envelope (JsonNode      *root,
                gconstpointer  data,
                GError       **error)
{
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *answer = cf_foreign_json_object (object, "data");
  GList *members = answer ? json_object_get_values (answer) : NULL;
  gboolean empty = TRUE;

  for (GList *l = members; l != NULL; l = l->next)
    empty = empty && JSON_NODE_HOLDS_NULL ((JsonNode *) l->data);
  g_list_free (members);
  if (object == NULL)
    return NULL;
  if (answer == NULL || (empty && cf_foreign_json_array (object, "errors") != NULL))
    {
      g_propagate_error (error, graphql_error (object));
      return NULL;
    }
  return json_node_ref (json_object_get_member (object, "data"));
}

/* A 4xx or 5xx outside GraphQL: `{"error": {"message", "type"}}`. */
static GError *
refusal (guint     status,
         JsonNode *root,
         gpointer  user_data)
{
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *error = cf_foreign_json_object (object, "error");

  g_debug ("Open Collective answered %u: %s", status, error ? cf_model_json_string (error, "message") : "");
  return cf_platform_error_new (cf_platform_error_from_api (status, NULL));
}

static void
authorize (SoupMessageHeaders *headers,
           gpointer            user_data)
{
  CfOpenCollectivePlatform *self = user_data;

  /* Open Collective → Settings → For developers: “Personal-Token: …”. */
  if (self->credentials != NULL)
    soup_message_headers_replace (headers, "Personal-Token", cf_credentials_get_access_token (self->credentials));
}

static void
forget_person (CfOpenCollectivePlatform *self)
{
  g_clear_pointer (&self->user_slug, g_free);
  g_hash_table_remove_all (self->answers);
}

/* A token refused expired or was revoked: the session ends, and the person
 * is asked to sign in again. */
static void
renew (GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             callback_data,
       gpointer             user_data)
{
  CfOpenCollectivePlatform *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, callback_data);

  if (self->credentials != NULL)
    {
      g_clear_object (&self->credentials);
      forget_person (self);
      g_signal_emit_by_name (self, "credentials-changed");
    }
  g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_UNAUTHORIZED));
}

/* Reads how many requests this minute has left. */
static void
observe (guint               status,
         SoupMessageHeaders *headers,
         gpointer            user_data)
{
  CfOpenCollectivePlatform *self = user_data;
  const char *remaining = soup_message_headers_get_one (headers, "X-RateLimit-Remaining");
  const char *reset = soup_message_headers_get_one (headers, "X-RateLimit-Reset");
  guint64 value;

  if (remaining != NULL && g_ascii_string_to_unsigned (remaining, 10, 0, G_MAXINT32, &value, NULL))
    self->rate_remaining = value;
  if (reset != NULL && g_ascii_string_to_unsigned (reset, 10, 0, G_MAXINT64, &value, NULL))
    self->rate_reset = value;
}

static void
answer_waiters (CfOpenCollectivePlatform *self,
                const char               *key,
                JsonNode                 *data,
                const GError             *error)
{
  g_autoptr(GPtrArray) waiters = NULL;
  g_autofree char *waiting_key = NULL;
  CfOpenCollectiveContext context = { self->website_url, self->user_slug };

  g_hash_table_steal_extended (self->waiting, key, (gpointer *) &waiting_key, (gpointer *) &waiters);
  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      GTask *task = waiters->pdata[i];
      const Reading *reading = g_task_get_task_data (task);
      g_autoptr(JsonNode) translated = NULL;
      GError *translate_error = NULL;
      gpointer result;

      if (g_task_return_error_if_cancelled (task))
        continue;
      if (error != NULL)
        {
          g_task_return_error (task, g_error_copy (error));
          continue;
        }
      translated = reading->translate (json_node_get_object (data), &context, &translate_error);
      result = translated == NULL ? NULL
               : reading->page ? (gpointer) cf_page_new_from_json (reading->type, translated, &translate_error)
               : cf_model_new_from_json (reading->type, translated, &translate_error);
      if (result != NULL)
        g_task_return_pointer (task, result, g_object_unref);
      else
        {
          g_debug ("%s", translate_error->message);
          g_clear_error (&translate_error);
          g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_INVALID_RESPONSE));
        }
    }
}

static gboolean
has_expired (gpointer key,
             gpointer value,
             gpointer now)
{
  return ((Answer *) value)->expires <= *(gint64 *) now;
}

static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree char *key = user_data;
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (g_task_get_source_object (G_TASK (result)));
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) data = g_task_propagate_pointer (G_TASK (result), &error);
  gint64 seconds = self->credentials ? self->capabilities.live_poll_seconds
                                     : MAX (self->capabilities.live_poll_seconds, ANONYMOUS_ANSWER_SECONDS);

  if (data != NULL)
    {
      Answer *answer = g_new0 (Answer, 1);
      gint64 now = g_get_monotonic_time ();

      /* Every search is kept a while: those past their life go. */
      g_hash_table_foreach_remove (self->answers, has_expired, &now);
      answer->data = json_node_ref (data);
      answer->expires = now + seconds * G_USEC_PER_SEC;
      g_hash_table_replace (self->answers, g_strdup (key), answer);
    }
  answer_waiters (self, key, data, error);
}

static void
send_query (CfOpenCollectivePlatform *self,
            Query                    *query)
{
  g_autoptr(GBytes) body = dup_body (self, query);
  CfHttpRequest request = {
    .method = "POST",
    .path = "",
    .body = body,
    .repeatable = TRUE,
    .authenticated = TRUE,
    .parse = parse_envelope,
    .free_result = (GDestroyNotify) json_node_unref,
    .source_object = self,
    .source_tag = send_query,
    .result_type = CF_HTTP_RESULT_POINTER,
  };

  if (self->rate_remaining > 0)
    self->rate_remaining--;
  cf_http_client_send_async (self->client, &request, NULL, answered_cb, g_strdup (query->key));
  query_free (query);
}

static gboolean
release_held_cb (gpointer user_data)
{
  CfOpenCollectivePlatform *self = user_data;
  Query *query;

  self->release_id = 0;
  self->rate_remaining = -1;
  while ((query = g_queue_pop_head (&self->held)) != NULL)
    send_query (self, query);
  return G_SOURCE_REMOVE;
}

/* Sends @query now, or once the minute's requests are counted afresh. */
static void
send_paced (CfOpenCollectivePlatform *self,
            Query                    *query)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (self->rate_remaining != 0 || self->rate_reset <= now)
    {
      send_query (self, query);
      return;
    }
  g_debug ("the minute's requests are spent: %s waits %" G_GINT64_FORMAT " s", query->operation,
           self->rate_reset - now);
  g_queue_push_tail (&self->held, query);
  if (self->release_id == 0)
    self->release_id = g_timeout_add_seconds (self->rate_reset - now, release_held_cb, self);
}

/* Answers @callback with what @reading makes of @query's answer: a kept
 * one while it is fresh, else the one on its way, else a new one. */
static void
ask (CfOpenCollectivePlatform      *self,
     Query                         *query,
     CfOpenCollectiveTranslateFunc  translate,
     GType                          type,
     gboolean                       page,
     GCancellable                  *cancellable,
     GAsyncReadyCallback            callback,
     gpointer                       user_data,
     gpointer                       source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Reading *reading = g_new0 (Reading, 1);
  Answer *answer = g_hash_table_lookup (self->answers, query->key);
  GPtrArray *waiters = g_hash_table_lookup (self->waiting, query->key);

  reading->translate = translate;
  reading->type = type;
  reading->page = page;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, reading, g_free);

  if (waiters == NULL)
    {
      waiters = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->waiting, g_strdup (query->key), waiters);
    }
  g_ptr_array_add (waiters, task);

  if (answer != NULL && answer->expires > g_get_monotonic_time ())
    {
      g_autoptr(JsonNode) data = json_node_ref (answer->data);

      answer_waiters (self, query->key, data, NULL);
      query_free (query);
    }
  else if (waiters->len > 1)
    query_free (query);
  else
    send_paced (self, query);
}

static void
ask_collective (CfOpenCollectivePlatform      *self,
                const char                    *slug,
                CfOpenCollectiveTranslateFunc  translate,
                GType                          type,
                gboolean                       page,
                GCancellable                  *cancellable,
                GAsyncReadyCallback            callback,
                gpointer                       user_data,
                gpointer                       source_tag)
{
  ask (self, query_new (self, "Collective", variables_new ("slug", slug, NULL)),
       translate, type, page, cancellable, callback, user_data, source_tag);
}

static void
cf_opencollective_platform_list_campaigns (CfPlatform            *platform,
                                           const CfCampaignQuery *campaign_query,
                                           const char            *cursor,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data)
{
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (platform);
  const char *words = campaign_query->search && *campaign_query->search ? campaign_query->search : "";
  JsonNode *variables = variables_new ("searchTerm", words, "limit", (gint64) PAGE_SIZE,
                                       "offset", offset_of (cursor), NULL);

  ask (self, query_new (self, "SearchAccounts", variables), cf_opencollective_translate_accounts,
       CF_TYPE_CAMPAIGN, TRUE, cancellable, callback, user_data, cf_opencollective_platform_list_campaigns);
}

static void
cf_opencollective_platform_get_campaign (CfPlatform          *platform,
                                         const char          *slug,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  ask_collective (CF_OPENCOLLECTIVE_PLATFORM (platform), slug, cf_opencollective_translate_collective,
                  CF_TYPE_CAMPAIGN, FALSE, cancellable, callback, user_data, cf_opencollective_platform_get_campaign);
}

/* The same answer as the collective's: one request for the whole page. */
static void
cf_opencollective_platform_list_rewards (CfPlatform          *platform,
                                         const char          *slug,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  ask_collective (CF_OPENCOLLECTIVE_PLATFORM (platform), slug, cf_opencollective_translate_tiers,
                  CF_TYPE_REWARD, TRUE, cancellable, callback, user_data, cf_opencollective_platform_list_rewards);
}

static void
cf_opencollective_platform_list_updates (CfPlatform          *platform,
                                         const char          *slug,
                                         const char          *cursor,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  ask_collective (CF_OPENCOLLECTIVE_PLATFORM (platform), slug, cf_opencollective_translate_updates,
                  CF_TYPE_UPDATE, TRUE, cancellable, callback, user_data, cf_opencollective_platform_list_updates);
}

static void
cf_opencollective_platform_get_stats (CfPlatform          *platform,
                                      const char          *slug,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ask_collective (CF_OPENCOLLECTIVE_PLATFORM (platform), slug, cf_opencollective_translate_stats,
                  CF_TYPE_STATS, FALSE, cancellable, callback, user_data, cf_opencollective_platform_get_stats);
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (object);
  GError *error = NULL;
  CfUser *user = g_task_propagate_pointer (G_TASK (result), &error);

  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_free (self->user_slug);
  self->user_slug = g_strdup (cf_user_get_username (user));
  g_task_return_pointer (task, user, g_object_unref);
}

static void
cf_opencollective_platform_get_me (CfPlatform          *platform,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (platform);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, cf_opencollective_platform_get_me);
  if (self->credentials == NULL)
    {
      g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_UNAUTHORIZED));
      g_object_unref (task);
      return;
    }
  ask (self, query_new (self, "Me", variables_new (NULL)), cf_opencollective_translate_me, CF_TYPE_USER,
       FALSE, cancellable, me_cb, task, cf_opencollective_platform_get_me);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (object);
  CfCredentials *token = g_task_get_task_data (task);
  const char *username = g_object_get_data (G_OBJECT (task), "username");
  GError *error = NULL;
  g_autoptr(CfUser) user = cf_platform_get_me_finish (CF_PLATFORM (object), result, &error);

  g_clear_object (&self->credentials);
  forget_person (self);
  if (user == NULL && cf_platform_error_is_refusal (error))
    {
      g_clear_error (&error);
      error = cf_platform_error_new (CF_PLATFORM_ERROR_INVALID_API_KEY);
    }
  else if (user != NULL && g_strcmp0 (cf_user_get_username (user), username) != 0)
    error = cf_platform_error_new (CF_PLATFORM_ERROR_INVALID_API_KEY);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_object_ref (token), g_object_unref);
}

/* A personal token is checked by asking whose it is: it must be @username's. */
static void
cf_opencollective_platform_sign_in (CfPlatform          *platform,
                                    const char          *username,
                                    const char          *token,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (platform);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(CfCredentials) credentials = NULL;

  g_task_set_source_tag (task, cf_opencollective_platform_sign_in);
  /* The token goes in a header: a pasted line break is told, never sent. */
  if (!cf_header_value_is_valid (token))
    {
      g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_UNSENDABLE_TEXT));
      g_object_unref (task);
      return;
    }

  credentials = cf_credentials_new_for_key (token, "Personal-Token");

  g_task_set_task_data (task, g_object_ref (credentials), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "username", g_strdup (username), g_free);
  g_set_object (&self->credentials, credentials);
  forget_person (self);
  cf_opencollective_platform_get_me (platform, cancellable, signed_in_cb, task);
}

/* Personal tokens are revoked on Open Collective's website: signing out forgets it here. */
static void
cf_opencollective_platform_sign_out (CfPlatform          *platform,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (platform);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, cf_opencollective_platform_sign_out);
  g_clear_object (&self->credentials);
  forget_person (self);
  g_task_return_boolean (task, TRUE);
}

typedef void (*PersonalListFunc) (CfOpenCollectivePlatform *self,
                                  GTask                    *task);

static void
person_known_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(CfUser) user = cf_platform_get_me_finish (CF_PLATFORM (object), result, &error);
  PersonalListFunc list = g_object_get_data (G_OBJECT (task), "list");

  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  list (CF_OPENCOLLECTIVE_PLATFORM (object), g_steal_pointer (&task));
}

/* Lists of the person's own things link to their own pages: whose the
 * token is is asked first, once. */
static void
with_person (CfOpenCollectivePlatform *self,
             const char               *cursor,
             GCancellable             *cancellable,
             GAsyncReadyCallback       callback,
             gpointer                  user_data,
             gpointer                  source_tag,
             PersonalListFunc          list)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_object_set_data_full (G_OBJECT (task), "cursor", g_strdup (cursor), g_free);
  if (self->credentials == NULL)
    {
      g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_UNAUTHORIZED));
      g_object_unref (task);
      return;
    }
  if (self->user_slug != NULL)
    {
      list (self, task);
      return;
    }
  g_object_set_data (G_OBJECT (task), "list", list);
  cf_opencollective_platform_get_me (CF_PLATFORM (self), cancellable, person_known_cb, task);
}

static void
ask_personal (CfOpenCollectivePlatform      *self,
              GTask                         *task,
              const char                    *operation,
              CfOpenCollectiveTranslateFunc  translate,
              GType                          type)
{
  gint64 offset = offset_of (g_object_get_data (G_OBJECT (task), "cursor"));
  JsonNode *variables = variables_new ("limit", (gint64) PAGE_SIZE, "offset", offset, NULL);

  ask (self, query_new (self, operation, variables), translate, type, TRUE, g_task_get_cancellable (task),
       cf_platform_forward_object_cb, task, g_task_get_source_tag (task));
}

static void
list_contributions (CfOpenCollectivePlatform *self,
                    GTask                    *task)
{
  ask_personal (self, task, "MyContributions", cf_opencollective_translate_contributions, CF_TYPE_PLEDGE);
}

static void
list_administered (CfOpenCollectivePlatform *self,
                   GTask                    *task)
{
  ask_personal (self, task, "Administered", cf_opencollective_translate_administered, CF_TYPE_CAMPAIGN);
}

/* Recurring contributions are pledges too, with their frequency and next charge. */
static void
cf_opencollective_platform_list_pledges (CfPlatform          *platform,
                                         const char          *status,
                                         const char          *cursor,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  with_person (CF_OPENCOLLECTIVE_PLATFORM (platform), cursor, cancellable, callback, user_data,
               cf_opencollective_platform_list_pledges, list_contributions);
}

/* A creator's campaigns are the collectives the person administers. */
static void
cf_opencollective_platform_list_my_campaigns (CfPlatform          *platform,
                                              const char          *cursor,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  with_person (CF_OPENCOLLECTIVE_PLATFORM (platform), cursor, cancellable, callback, user_data,
               cf_opencollective_platform_list_my_campaigns, list_administered);
}

/* Contributions to a collective, newest first as Open Collective lists them. */
static void
cf_opencollective_platform_list_backers (CfPlatform          *platform,
                                         const char          *slug,
                                         gboolean             newest_first,
                                         const char          *cursor,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (platform);
  JsonNode *variables = variables_new ("slug", slug, "limit", (gint64) PAGE_SIZE, "offset", offset_of (cursor), NULL);

  ask (self, query_new (self, "IncomingContributions", variables),
       cf_opencollective_translate_incoming, CF_TYPE_PLEDGE, TRUE, cancellable, callback, user_data,
       cf_opencollective_platform_list_backers);
}

static void
cf_opencollective_platform_set_credentials (CfPlatform    *platform,
                                            CfCredentials *credentials)
{
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (platform);

  if (g_set_object (&self->credentials, credentials))
    forget_person (self);
}

static CfCredentials *
cf_opencollective_platform_dup_credentials (CfPlatform *platform)
{
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (platform);

  return self->credentials ? g_object_ref (self->credentials) : NULL;
}

static const CfPlatformCapabilities *
cf_opencollective_platform_get_capabilities (CfPlatform *platform)
{
  return &CF_OPENCOLLECTIVE_PLATFORM (platform)->capabilities;
}

/* A collective's page is Open Collective's website and its slug. */
static char *
cf_opencollective_platform_campaign_at_address (CfPlatform *platform,
                                                GUri       *address)
{
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (platform);
  g_autoptr(GUri) website = g_uri_parse (self->website_url, G_URI_FLAGS_NONE, NULL);
  const char *website_path = website ? g_uri_get_path (website) : "";
  const char *host = g_uri_get_host (address);

  if (website == NULL || host == NULL ||
      (g_ascii_strcasecmp (host, g_uri_get_host (website)) != 0 &&
       !(g_str_has_prefix (host, "www.") && g_ascii_strcasecmp (host + 4, g_uri_get_host (website)) == 0)) ||
      g_uri_get_port (address) != g_uri_get_port (website) ||
      !g_str_has_prefix (g_uri_get_path (address), website_path))
    return NULL;
  /* The collective is what follows the website's own path. */
  return cf_platform_dup_first_path_segment (g_uri_get_path (address) + strlen (website_path));
}

static void
cf_opencollective_platform_iface_init (CfPlatformInterface *iface)
{
  iface->campaign_at_address = cf_opencollective_platform_campaign_at_address;
  iface->get_capabilities = cf_opencollective_platform_get_capabilities;
  iface->set_credentials = cf_opencollective_platform_set_credentials;
  iface->dup_credentials = cf_opencollective_platform_dup_credentials;
  iface->list_campaigns = cf_opencollective_platform_list_campaigns;
  iface->get_campaign = cf_opencollective_platform_get_campaign;
  iface->list_rewards = cf_opencollective_platform_list_rewards;
  iface->list_updates = cf_opencollective_platform_list_updates;
  iface->get_stats = cf_opencollective_platform_get_stats;
  iface->sign_in = cf_opencollective_platform_sign_in;
  iface->sign_out = cf_opencollective_platform_sign_out;
  iface->get_me = cf_opencollective_platform_get_me;
  iface->list_pledges = cf_opencollective_platform_list_pledges;
  iface->list_my_campaigns = cf_opencollective_platform_list_my_campaigns;
  iface->list_backers = cf_opencollective_platform_list_backers;
}

static void
cf_opencollective_platform_finalize (GObject *object)
{
  CfOpenCollectivePlatform *self = CF_OPENCOLLECTIVE_PLATFORM (object);

  g_clear_handle_id (&self->release_id, g_source_remove);
  g_queue_clear_full (&self->held, (GDestroyNotify) query_free);
  g_clear_object (&self->client);
  g_clear_object (&self->credentials);
  g_clear_pointer (&self->website_url, g_free);
  g_clear_pointer (&self->user_slug, g_free);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_hash_table_unref);

  G_OBJECT_CLASS (cf_opencollective_platform_parent_class)->finalize (object);
}

static void
cf_opencollective_platform_class_init (CfOpenCollectivePlatformClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_opencollective_platform_finalize;
}

static void
cf_opencollective_platform_init (CfOpenCollectivePlatform *self)
{
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) answer_free);
  self->waiting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->held);
  self->rate_remaining = -1;
  self->capabilities = (CfPlatformCapabilities) {
    .features = CF_PLATFORM_FEATURE_BROWSE | CF_PLATFORM_FEATURE_SEARCH | CF_PLATFORM_FEATURE_UPDATES |
                CF_PLATFORM_FEATURE_PLEDGES | CF_PLATFORM_FEATURE_MY_CAMPAIGNS | CF_PLATFORM_FEATURE_BACKERS,
    .sign_in = CF_SIGN_IN_METHOD_TOKEN,
    .live_totals = CF_LIVE_TOTALS_POLL,
    .live_poll_seconds = POLL_SECONDS,
    /* Ten requests a minute signed out: a card's figures come with its list. */
    .poll_details_only = TRUE,
  };
}

/* How often a collective's figures may be read again, in seconds: 60
 * unless said otherwise, as a test on a fake Open Collective does. */
void
cf_opencollective_platform_set_poll_interval (CfOpenCollectivePlatform *self,
                                              guint                     seconds)
{
  g_return_if_fail (CF_IS_OPENCOLLECTIVE_PLATFORM (self));
  g_return_if_fail (seconds > 0);

  self->capabilities.live_poll_seconds = seconds;
}

/* Open Collective's GraphQL API at @api_url
 * (“https://api.opencollective.com/graphql/v2”), its website at
 * @website_url (“https://opencollective.com/”). */
CfOpenCollectivePlatform *
cf_opencollective_platform_new (SoupSession *session,
                                const char  *api_url,
                                const char  *website_url)
{
  CfOpenCollectivePlatform *self = g_object_new (CF_TYPE_OPENCOLLECTIVE_PLATFORM, NULL);
  CfHttpAdapter adapter = {
    .authorize = authorize,
    .renew = renew,
    .refusal = refusal,
    .observe = observe,
    .user_data = self,
  };

  self->client = cf_http_client_new (session, api_url, &adapter);
  self->website_url = g_str_has_suffix (website_url, "/") ? g_strdup (website_url)
                                                           : g_strconcat (website_url, "/", NULL);
  return self;
}

static void
open_platform (SoupSession *session,
               const char  *choice,
               GTask       *task)
{
  const char *api_url = g_getenv ("CROWDFUND_OPENCOLLECTIVE_API_URL");
  const char *website_url = g_getenv ("CROWDFUND_OPENCOLLECTIVE_WEBSITE_URL");
  const char *interval = g_getenv ("CROWDFUND_OPENCOLLECTIVE_POLL_SECONDS");
  CfOpenCollectivePlatform *self = cf_opencollective_platform_new (
      session, api_url ? api_url : "https://api.opencollective.com/graphql/v2",
      website_url ? website_url : "https://opencollective.com/");
  guint64 seconds;

  if (interval != NULL && g_ascii_string_to_unsigned (interval, 10, 1, 3600, &seconds, NULL))
    cf_opencollective_platform_set_poll_interval (self, seconds);
  g_task_return_pointer (task, self, g_object_unref);
  g_object_unref (task);
}

/* Open Collective, the one there is; its addresses can be pointed
 * elsewhere with CROWDFUND_OPENCOLLECTIVE_API_URL and
 * CROWDFUND_OPENCOLLECTIVE_WEBSITE_URL, and the pace of its figures set
 * with CROWDFUND_OPENCOLLECTIVE_POLL_SECONDS. */
const CfPlatformKind cf_opencollective_platform_kind = {
  .id = "opencollective",
  .name = N_("Open Collective"),
  .needs_address = FALSE,
  .open = open_platform,
};
