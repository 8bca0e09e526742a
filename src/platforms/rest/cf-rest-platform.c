/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-rest-platform"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-category.h"
#include "cf-enum-types.h"
#include "cf-http-client.h"
#include "cf-locale.h"
#include "cf-rest-platform.h"
#include "cf-reward.h"
#include "cf-update.h"

#define LIVE_PROTOCOL        "crowdfund.v1"

/* A list's first page holds what a large screen shows of Explore's grid:
 * at most five columns of cards, four rows of them. The pages after it are
 * the platform's own size. Every campaign of a page becomes a card, laid
 * out whether it is drawn or not. */
#define FIRST_PAGE_SIZE      20

typedef enum
{
  RESULT_PAGE,
  RESULT_MODEL,
  RESULT_RATES,
  RESULT_BOOLEAN,
  RESULT_COUNT,
} ResultKind;

/* One request to the platform, as this API spells it. */
typedef struct
{
  const char *method;
  char *path;
  GBytes *body;
  char *idempotency_key;
  ResultKind result_kind;
  GType result_type;
  gboolean authenticated;
} RestCall;

/* Our own platform API (see docs/api.md): its endpoints, answers and
 * errors, over the shared CfHttpClient. */
struct _CfRestPlatform
{
  GObject parent_instance;

  SoupSession *session;
  char *base_url;
  CfHttpClient *client;
  CfCredentials *credentials;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cf_rest_platform_iface_init (CfPlatformInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfRestPlatform, cf_rest_platform, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CF_TYPE_PLATFORM, cf_rest_platform_iface_init))

static void
rest_call_free (RestCall *call)
{
  g_clear_pointer (&call->path, g_free);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_pointer (&call->idempotency_key, g_free);
  g_free (call);
}

static RestCall *
rest_call_new (const char *method,
               char       *path,
               ResultKind  result_kind,
               GType       result_type)
{
  RestCall *call = g_new0 (RestCall, 1);

  call->method = method;
  call->path = path;
  call->result_kind = result_kind;
  call->result_type = result_type;
  call->authenticated = TRUE;
  return call;
}

static GBytes *
builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize length;
  char *data;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

static char *
paged_path (const char *path,
            const char *cursor)
{
  GString *paged = g_string_new (path);

  cf_http_append_query (paged, "cursor", cursor);
  return g_string_free (paged, FALSE);
}

/* @format has one %s, for @id. */
static char *
resource_path (const char *format,
               const char *id,
               const char *cursor)
{
  g_autofree char *escaped = cf_http_escape (id);
  g_autofree char *path = g_strdup_printf (format, escaped);

  return paged_path (path, cursor);
}

static char *
build_accept_language (void)
{
  g_autofree char *locale = cf_locale_dup_default ();

  g_strdelimit (locale, "_", '-');
  if (strchr (locale, '-') == NULL)
    return g_strdup_printf ("%s, en;q=0.5", locale);

  return g_strdup_printf ("%s, %.*s;q=0.8, en;q=0.5", locale, (int) strcspn (locale, "-"), locale);
}

static GError *
refusal_from_body (guint     status,
                   JsonNode *root,
                   gpointer  user_data)
{
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *error_node = object ? json_object_get_member (object, "error") : NULL;
  JsonObject *error = error_node && JSON_NODE_HOLDS_OBJECT (error_node) ? json_node_get_object (error_node) : NULL;
  const char *code = error ? cf_model_json_string (error, "code") : NULL;
  const char *message = error ? cf_model_json_string (error, "message") : NULL;

  g_debug ("the platform answered %u (%s): %s", status, code ? code : "no code", message ? message : "");
  return cf_platform_error_new (cf_platform_error_from_api (status, code));
}

static gpointer
parse_page (JsonNode      *root,
            gconstpointer  item_type,
            GError       **error)
{
  return cf_page_new_from_json (GPOINTER_TO_SIZE (item_type), root, error);
}

static gpointer
parse_model (JsonNode      *root,
             gconstpointer  type,
             GError       **error)
{
  return cf_model_new_from_json (GPOINTER_TO_SIZE (type), root, error);
}

static gpointer
parse_rates (JsonNode      *root,
             gconstpointer  unused,
             GError       **error)
{
  return cf_exchange_rates_new_from_json (root, error);
}

static gpointer
parse_count (JsonNode      *root,
             gconstpointer  unused,
             GError       **error)
{
  gint64 updated;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !cf_model_json_int (json_node_get_object (root), "updated", &updated) || updated < 0)
    return NULL;
  return g_memdup2 (&updated, sizeof updated);
}

static void
start_call (CfRestPlatform      *self,
            RestCall            *call,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag)
{
  static const CfHttpParseFunc parsers[] = {
    [RESULT_PAGE] = parse_page,
    [RESULT_MODEL] = parse_model,
    [RESULT_RATES] = parse_rates,
    [RESULT_BOOLEAN] = NULL,
    [RESULT_COUNT] = parse_count,
  };
  static const CfHttpResultType result_types[] = {
    [RESULT_PAGE] = CF_HTTP_RESULT_POINTER,
    [RESULT_MODEL] = CF_HTTP_RESULT_POINTER,
    [RESULT_RATES] = CF_HTTP_RESULT_POINTER,
    [RESULT_BOOLEAN] = CF_HTTP_RESULT_BOOLEAN,
    [RESULT_COUNT] = CF_HTTP_RESULT_INT,
  };
  CfHttpRequest request = {
    .method = call->method,
    .path = call->path,
    .body = call->body,
    .idempotency_key = call->idempotency_key,
    .authenticated = call->authenticated,
    .parse = parsers[call->result_kind],
    .parse_data = GSIZE_TO_POINTER (call->result_type),
    .free_result = call->result_kind == RESULT_COUNT ? g_free : g_object_unref,
    .source_object = self,
    .source_tag = source_tag,
    .result_type = result_types[call->result_kind],
  };

  cf_http_client_send_async (self->client, &request, cancellable, callback, user_data);
  rest_call_free (call);
}

static void
authorize (SoupMessageHeaders *headers,
           gpointer            user_data)
{
  CfRestPlatform *self = user_data;

  cf_http_authorize (headers, "Bearer", self->credentials);
}

static void
renewed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfRestPlatform *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCredentials) credentials = cf_http_client_send_finish (CF_HTTP_CLIENT (object), result, &error);

  if (credentials == NULL && cf_platform_error_is_refusal (error))
    {
      g_clear_object (&self->credentials);
      cf_http_client_forget_answers (self->client);
      g_signal_emit_by_name (self, "credentials-changed");
    }
  if (credentials == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_set_object (&self->credentials, credentials);
  g_signal_emit_by_name (self, "credentials-changed");
  g_task_return_boolean (task, TRUE);
}

/* The access token has expired: trade the refresh token for a new one. */
static void
renew (GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             callback_data,
       gpointer             user_data)
{
  CfRestPlatform *self = user_data;
  GTask *task = g_task_new (self, cancellable, callback, callback_data);
  const char *refresh_token = self->credentials
                              ? cf_credentials_get_refresh_token (self->credentials) : NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) body = NULL;
  CfHttpRequest request = {
    .method = "POST", .path = "auth/token", .authenticated = FALSE,
    .parse = parse_model, .parse_data = GSIZE_TO_POINTER (CF_TYPE_CREDENTIALS), .free_result = g_object_unref,
  };

  if (refresh_token == NULL)
    {
      g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_UNAUTHORIZED));
      g_object_unref (task);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "grant_type");
  json_builder_add_string_value (builder, "refresh_token");
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, refresh_token);
  json_builder_end_object (builder);
  request.body = body = builder_to_bytes (builder);
  cf_http_client_send_async (self->client, &request, cancellable, renewed_cb, task);
}

static void
get (CfRestPlatform      *self,
     char                *path,
     ResultKind           result_kind,
     GType                result_type,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data,
     gpointer             source_tag)
{
  start_call (self, rest_call_new ("GET", path, result_kind, result_type),
              cancellable, callback, user_data, source_tag);
}

static void
cf_rest_platform_set_credentials (CfPlatform    *platform,
                                  CfCredentials *credentials)
{
  CfRestPlatform *self = CF_REST_PLATFORM (platform);

  if (g_set_object (&self->credentials, credentials))
    cf_http_client_forget_answers (self->client);
}

static CfCredentials *
cf_rest_platform_dup_credentials (CfPlatform *platform)
{
  CfRestPlatform *self = CF_REST_PLATFORM (platform);

  return self->credentials ? g_object_ref (self->credentials) : NULL;
}

static void
cf_rest_platform_list_categories (CfPlatform          *platform,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  get (CF_REST_PLATFORM (platform), g_strdup ("categories"), RESULT_PAGE, CF_TYPE_CATEGORY,
       cancellable, callback, user_data, cf_rest_platform_list_categories);
}

static void
cf_rest_platform_list_campaigns (CfPlatform            *platform,
                                 const CfCampaignQuery *query,
                                 const char            *cursor,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(GEnumClass) filters = g_type_class_ref (CF_TYPE_CAMPAIGN_FILTER);
  g_autoptr(GEnumClass) sorts = g_type_class_ref (CF_TYPE_CAMPAIGN_SORT);
  GString *path = g_string_new ("campaigns");

  cf_http_append_query (path, "q", query->search);
  cf_http_append_query (path, "category", query->category);
  cf_http_append_query (path, "state", g_enum_get_value (filters, query->filter)->value_nick);
  cf_http_append_query (path, "sort", g_enum_get_value (sorts, query->sort)->value_nick);
  cf_http_append_query (path, "cursor", cursor);
  if (cursor == NULL)
    cf_http_append_query (path, "limit", G_STRINGIFY (FIRST_PAGE_SIZE));

  get (CF_REST_PLATFORM (platform), g_string_free (path, FALSE), RESULT_PAGE, CF_TYPE_CAMPAIGN,
       cancellable, callback, user_data, cf_rest_platform_list_campaigns);
}

static void
cf_rest_platform_get_campaign (CfPlatform          *platform,
                               const char          *id_or_slug,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  get (CF_REST_PLATFORM (platform), resource_path ("campaigns/%s", id_or_slug, NULL),
       RESULT_MODEL, CF_TYPE_CAMPAIGN, cancellable, callback, user_data,
       cf_rest_platform_get_campaign);
}

static void
cf_rest_platform_list_rewards (CfPlatform          *platform,
                               const char          *campaign_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  get (CF_REST_PLATFORM (platform), resource_path ("campaigns/%s/rewards", campaign_id, NULL),
       RESULT_PAGE, CF_TYPE_REWARD, cancellable, callback, user_data,
       cf_rest_platform_list_rewards);
}

static void
cf_rest_platform_list_updates (CfPlatform          *platform,
                               const char          *campaign_id,
                               const char          *cursor,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  get (CF_REST_PLATFORM (platform), resource_path ("campaigns/%s/updates", campaign_id, cursor),
       RESULT_PAGE, CF_TYPE_UPDATE, cancellable, callback, user_data,
       cf_rest_platform_list_updates);
}

static void
cf_rest_platform_get_stats (CfPlatform          *platform,
                            const char          *campaign_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  get (CF_REST_PLATFORM (platform), resource_path ("campaigns/%s/stats", campaign_id, NULL),
       RESULT_MODEL, CF_TYPE_STATS, cancellable, callback, user_data, cf_rest_platform_get_stats);
}

static void
cf_rest_platform_get_exchange_rates (CfPlatform          *platform,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  get (CF_REST_PLATFORM (platform), g_strdup ("exchange-rates"), RESULT_RATES, G_TYPE_NONE,
       cancellable, callback, user_data, cf_rest_platform_get_exchange_rates);
}

static void
cf_rest_platform_sign_in (CfPlatform          *platform,
                          const char          *username,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  RestCall *call = rest_call_new ("POST", g_strdup ("auth/token"), RESULT_MODEL, CF_TYPE_CREDENTIALS);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "grant_type");
  json_builder_add_string_value (builder, "password");
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);

  call->body = builder_to_bytes (builder);
  call->authenticated = FALSE;
  start_call (CF_REST_PLATFORM (platform), call, cancellable, callback, user_data,
              cf_rest_platform_sign_in);
}

static void
cf_rest_platform_sign_out (CfPlatform          *platform,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  RestCall *call = rest_call_new ("DELETE", g_strdup ("auth/token"), RESULT_BOOLEAN, G_TYPE_NONE);

  start_call (CF_REST_PLATFORM (platform), call, cancellable, callback, user_data,
              cf_rest_platform_sign_out);
}

static void
cf_rest_platform_get_me (CfPlatform          *platform,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  get (CF_REST_PLATFORM (platform), g_strdup ("me"), RESULT_MODEL, CF_TYPE_USER,
       cancellable, callback, user_data, cf_rest_platform_get_me);
}

static void
cf_rest_platform_list_following (CfPlatform          *platform,
                                 const char          *cursor,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  get (CF_REST_PLATFORM (platform), paged_path ("me/following", cursor), RESULT_PAGE,
       CF_TYPE_CAMPAIGN, cancellable, callback, user_data, cf_rest_platform_list_following);
}

static void
cf_rest_platform_set_following (CfPlatform          *platform,
                                const char          *campaign_id,
                                gboolean             following,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  RestCall *call = rest_call_new (following ? "PUT" : "DELETE",
                                  resource_path ("me/following/%s", campaign_id, NULL),
                                  RESULT_BOOLEAN, G_TYPE_NONE);

  start_call (CF_REST_PLATFORM (platform), call, cancellable, callback, user_data,
              cf_rest_platform_set_following);
}

static void
cf_rest_platform_list_pledges (CfPlatform          *platform,
                               const char          *status,
                               const char          *cursor,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GString *path = g_string_new ("me/pledges");

  cf_http_append_query (path, "status", status);
  cf_http_append_query (path, "cursor", cursor);
  get (CF_REST_PLATFORM (platform), g_string_free (path, FALSE), RESULT_PAGE, CF_TYPE_PLEDGE,
       cancellable, callback, user_data, cf_rest_platform_list_pledges);
}

static void
add_id_or_null (JsonBuilder *builder,
                const char  *name,
                const char  *id)
{
  json_builder_set_member_name (builder, name);
  if (id != NULL)
    cf_model_build_id (builder, id);
  else
    json_builder_add_null_value (builder);
}

static void
add_money (JsonBuilder   *builder,
           const char    *name,
           const CfMoney *money)
{
  json_builder_set_member_name (builder, name);
  cf_money_build_json (money, builder);
}

static void
cf_rest_platform_create_pledge (CfPlatform            *platform,
                                const char            *campaign_id,
                                const CfPledgeRequest *request,
                                const char            *idempotency_key,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  RestCall *call = rest_call_new ("POST", resource_path ("campaigns/%s/pledges", campaign_id, NULL),
                                  RESULT_MODEL, CF_TYPE_PLEDGE);

  json_builder_begin_object (builder);
  add_id_or_null (builder, "reward_id", request->reward_id);
  add_money (builder, "amount", &request->amount);
  cf_model_build_string (builder, "shipping_country", request->shipping_country);
  json_builder_end_object (builder);

  call->body = builder_to_bytes (builder);
  call->idempotency_key = g_strdup (idempotency_key);
  start_call (CF_REST_PLATFORM (platform), call, cancellable, callback, user_data,
              cf_rest_platform_create_pledge);
}

static void
cf_rest_platform_change_pledge (CfPlatform           *platform,
                                const char           *pledge_id,
                                const CfPledgeChange *change,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  RestCall *call = rest_call_new ("PATCH", resource_path ("pledges/%s", pledge_id, NULL),
                                  RESULT_MODEL, CF_TYPE_PLEDGE);

  json_builder_begin_object (builder);
  if (change->fields & CF_PLEDGE_CHANGE_REWARD)
    add_id_or_null (builder, "reward_id", change->reward_id);
  if (change->fields & CF_PLEDGE_CHANGE_AMOUNT)
    add_money (builder, "amount", &change->amount);
  if (change->fields & CF_PLEDGE_CHANGE_SHIPPING_COUNTRY)
    cf_model_build_string (builder, "shipping_country", change->shipping_country);
  if (change->fields & CF_PLEDGE_CHANGE_ADDRESS)
    cf_model_build_string (builder, "address", change->address);
  if (change->fields & CF_PLEDGE_CHANGE_RECEIVED)
    {
      json_builder_set_member_name (builder, "received");
      json_builder_add_boolean_value (builder, change->received);
    }
  json_builder_end_object (builder);

  call->body = builder_to_bytes (builder);
  start_call (CF_REST_PLATFORM (platform), call, cancellable, callback, user_data,
              cf_rest_platform_change_pledge);
}

static void
cf_rest_platform_cancel_pledge (CfPlatform          *platform,
                                const char          *pledge_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  RestCall *call = rest_call_new ("DELETE", resource_path ("pledges/%s", pledge_id, NULL),
                                  RESULT_BOOLEAN, G_TYPE_NONE);

  start_call (CF_REST_PLATFORM (platform), call, cancellable, callback, user_data,
              cf_rest_platform_cancel_pledge);
}

static void
cf_rest_platform_list_my_campaigns (CfPlatform          *platform,
                                    const char          *cursor,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  get (CF_REST_PLATFORM (platform), paged_path ("me/campaigns", cursor), RESULT_PAGE,
       CF_TYPE_CAMPAIGN, cancellable, callback, user_data, cf_rest_platform_list_my_campaigns);
}

static void
cf_rest_platform_list_backers (CfPlatform          *platform,
                               const char          *campaign_id,
                               gboolean             newest_first,
                               const char          *cursor,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *escaped = cf_http_escape (campaign_id);
  GString *path = g_string_new (NULL);

  g_string_printf (path, "campaigns/%s/pledges", escaped);
  cf_http_append_query (path, "sort", newest_first ? "newest" : "oldest");
  cf_http_append_query (path, "cursor", cursor);
  get (CF_REST_PLATFORM (platform), g_string_free (path, FALSE),
       RESULT_PAGE, CF_TYPE_PLEDGE, cancellable, callback, user_data,
       cf_rest_platform_list_backers);
}

static void
cf_rest_platform_update_fulfillment (CfPlatform                *platform,
                                     const char                *campaign_id,
                                     const CfFulfillmentChange *change,
                                     GCancellable              *cancellable,
                                     GAsyncReadyCallback        callback,
                                     gpointer                   user_data)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (CF_TYPE_FULFILLMENT_STATUS);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  RestCall *call = rest_call_new ("PATCH",
                                  resource_path ("campaigns/%s/fulfillment", campaign_id, NULL),
                                  RESULT_COUNT, G_TYPE_NONE);

  json_builder_begin_object (builder);
  if (change->pledge_ids != NULL)
    {
      json_builder_set_member_name (builder, "pledge_ids");
      json_builder_begin_array (builder);
      for (guint i = 0; change->pledge_ids[i] != NULL; i++)
        cf_model_build_id (builder, change->pledge_ids[i]);
      json_builder_end_array (builder);
    }
  else
    add_id_or_null (builder, "reward_id", change->reward_id);
  cf_model_build_string (builder, "status", g_enum_get_value (statuses, change->status)->value_nick);
  if (change->tracking_number != NULL)
    cf_model_build_string (builder, "tracking_number", change->tracking_number);
  if (change->carrier != NULL)
    cf_model_build_string (builder, "carrier", change->carrier);
  json_builder_end_object (builder);

  call->body = builder_to_bytes (builder);
  start_call (CF_REST_PLATFORM (platform), call, cancellable, callback, user_data,
              cf_rest_platform_update_fulfillment);
}

static void
live_connected_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (connection != NULL)
    g_task_return_pointer (task, connection, g_object_unref);
  else if (!g_task_return_error_if_cancelled (task))
    {
      g_debug ("live feed: %s", error->message);
      g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_NETWORK));
    }
}

static void
cf_rest_platform_connect_live (CfPlatform          *platform,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  CfRestPlatform *self = CF_REST_PLATFORM (platform);
  g_autofree char *url = g_strconcat (self->base_url, "live", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  char *protocols[] = { (char *) LIVE_PROTOCOL, NULL };

  g_task_set_source_tag (task, cf_rest_platform_connect_live);
  cf_http_client_add_headers (self->client, soup_message_get_request_headers (message), TRUE);
  /* A redirect would carry the token to wherever the answer says. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_session_websocket_connect_async (self->session, message, NULL, protocols,
                                        G_PRIORITY_DEFAULT, cancellable, live_connected_cb, task);
}

static void
open_platform (SoupSession *session,
               const char  *address,
               GTask       *task)
{
  g_task_return_pointer (task, cf_rest_platform_new (session, address), g_object_unref);
  g_object_unref (task);
}

/* A Crowdfund platform, at the address its operator gives. */
const CfPlatformKind cf_rest_platform_kind = {
  .id = "crowdfund",
  .name = N_("Crowdfund platform"),
  .needs_address = TRUE,
  .open = open_platform,
};

/* The reference API does everything the app knows of. */
static const CfPlatformCapabilities *
cf_rest_platform_get_capabilities (CfPlatform *platform)
{
  static const CfPlatformCapabilities capabilities = {
    .features = CF_PLATFORM_FEATURE_BROWSE | CF_PLATFORM_FEATURE_SEARCH | CF_PLATFORM_FEATURE_CATEGORIES |
                CF_PLATFORM_FEATURE_FILTER_AND_SORT |
                CF_PLATFORM_FEATURE_UPDATES | CF_PLATFORM_FEATURE_FOLLOW | CF_PLATFORM_FEATURE_PLEDGE |
                CF_PLATFORM_FEATURE_CHANGE_PLEDGE | CF_PLATFORM_FEATURE_CANCEL_PLEDGE |
                CF_PLATFORM_FEATURE_PLEDGES | CF_PLATFORM_FEATURE_DELIVERY_TRACKING |
                CF_PLATFORM_FEATURE_MY_CAMPAIGNS | CF_PLATFORM_FEATURE_BACKERS |
                CF_PLATFORM_FEATURE_FULFILLMENT | CF_PLATFORM_FEATURE_EXCHANGE_RATES |
                CF_PLATFORM_FEATURE_FUNDING_HISTORY,
    .sign_in = CF_SIGN_IN_METHOD_PASSWORD,
    .live_totals = CF_LIVE_TOTALS_PUSH,
    .live_poll_seconds = 1,
  };

  return &capabilities;
}

/* A campaign's page is its platform's address and /campaigns/SLUG. */
static char *
cf_rest_platform_campaign_at_address (CfPlatform *platform,
                                      GUri       *address)
{
  CfRestPlatform *self = CF_REST_PLATFORM (platform);
  g_autoptr(GUri) base = g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL);
  const char *path = g_uri_get_path (address);
  g_autofree char *slug = NULL;

  if (base == NULL || g_strcmp0 (g_uri_get_scheme (base), g_uri_get_scheme (address)) != 0 ||
      g_ascii_strcasecmp (g_uri_get_host (base), g_uri_get_host (address)) != 0 ||
      g_uri_get_port (base) != g_uri_get_port (address) || !g_str_has_prefix (path, "/campaigns/"))
    return NULL;
  slug = g_strndup (path + strlen ("/campaigns/"), strcspn (path + strlen ("/campaigns/"), "/"));
  return *slug != '\0' ? g_steal_pointer (&slug) : NULL;
}

static void
cf_rest_platform_iface_init (CfPlatformInterface *iface)
{
  iface->campaign_at_address = cf_rest_platform_campaign_at_address;
  iface->get_capabilities = cf_rest_platform_get_capabilities;
  iface->set_credentials = cf_rest_platform_set_credentials;
  iface->dup_credentials = cf_rest_platform_dup_credentials;
  iface->list_categories = cf_rest_platform_list_categories;
  iface->list_campaigns = cf_rest_platform_list_campaigns;
  iface->get_campaign = cf_rest_platform_get_campaign;
  iface->list_rewards = cf_rest_platform_list_rewards;
  iface->list_updates = cf_rest_platform_list_updates;
  iface->get_stats = cf_rest_platform_get_stats;
  iface->get_exchange_rates = cf_rest_platform_get_exchange_rates;
  iface->sign_in = cf_rest_platform_sign_in;
  iface->sign_out = cf_rest_platform_sign_out;
  iface->get_me = cf_rest_platform_get_me;
  iface->list_following = cf_rest_platform_list_following;
  iface->set_following = cf_rest_platform_set_following;
  iface->list_pledges = cf_rest_platform_list_pledges;
  iface->create_pledge = cf_rest_platform_create_pledge;
  iface->change_pledge = cf_rest_platform_change_pledge;
  iface->cancel_pledge = cf_rest_platform_cancel_pledge;
  iface->list_my_campaigns = cf_rest_platform_list_my_campaigns;
  iface->list_backers = cf_rest_platform_list_backers;
  iface->update_fulfillment = cf_rest_platform_update_fulfillment;
  iface->connect_live = cf_rest_platform_connect_live;
}

static void
cf_rest_platform_finalize (GObject *object)
{
  CfRestPlatform *self = CF_REST_PLATFORM (object);

  g_clear_object (&self->session);
  g_clear_object (&self->credentials);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (cf_rest_platform_parent_class)->finalize (object);
}

static void
cf_rest_platform_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfRestPlatform *self = CF_REST_PLATFORM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* "http://host:port" and "http://host:port/" both become ".../v1/". */
static char *
normalize_base_url (const char *url)
{
  g_autofree char *trimmed = g_strdup (url);
  gsize length = strlen (trimmed);

  while (length > 0 && trimmed[length - 1] == '/')
    trimmed[--length] = '\0';

  if (g_str_has_suffix (trimmed, "/v1"))
    return g_strconcat (trimmed, "/", NULL);

  return g_strconcat (trimmed, "/v1/", NULL);
}

static void
cf_rest_platform_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CfRestPlatform *self = CF_REST_PLATFORM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_BASE_URL:
      self->base_url = normalize_base_url (g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_rest_platform_constructed (GObject *object)
{
  CfRestPlatform *self = CF_REST_PLATFORM (object);
  g_autofree char *accept_language = build_accept_language ();
  CfHttpAdapter adapter = {
    .authorize = authorize,
    .renew = renew,
    .refusal = refusal_from_body,
    .user_data = self,
  };

  G_OBJECT_CLASS (cf_rest_platform_parent_class)->constructed (object);
  self->client = cf_http_client_new (self->session, self->base_url, &adapter);
  cf_http_client_set_header (self->client, "Accept-Language", accept_language);
}

static void
cf_rest_platform_class_init (CfRestPlatformClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cf_rest_platform_constructed;
  object_class->finalize = cf_rest_platform_finalize;
  object_class->get_property = cf_rest_platform_get_property;
  object_class->set_property = cf_rest_platform_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, "http://127.0.0.1/",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_rest_platform_init (CfRestPlatform *self)
{

}

CfRestPlatform *
cf_rest_platform_new (SoupSession *session,
                      const char  *base_url)
{
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (CF_TYPE_REST_PLATFORM, "session", session, "base-url", base_url, NULL);
}

const char *
cf_rest_platform_get_base_url (CfRestPlatform *self)
{
  g_return_val_if_fail (CF_IS_REST_PLATFORM (self), NULL);

  return self->base_url;
}

void
cf_rest_platform_set_timeout (CfRestPlatform *self,
                              guint           seconds)
{
  g_return_if_fail (CF_IS_REST_PLATFORM (self));

  cf_http_client_set_timeout (self->client, seconds);
}

/* The first delay before retrying; it doubles with each further attempt. */
void
cf_rest_platform_set_retry_delay (CfRestPlatform *self,
                                  guint           milliseconds)
{
  g_return_if_fail (CF_IS_REST_PLATFORM (self));

  cf_http_client_set_retry_delay (self->client, milliseconds);
}
