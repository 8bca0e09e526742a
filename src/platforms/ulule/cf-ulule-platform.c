/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-ulule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-category.h"
#include "cf-http-client.h"
#include "cf-locale.h"
#include "cf-reward.h"
#include "cf-ulule-platform.h"
#include "cf-ulule-translate.h"
#include "cf-update.h"
#include "cf-web-address.h"

/* Ulule (api.ulule.com, documented at developers.ulule.com), over the
 * shared HTTP client: browsing, news, rewards, the signed-in person's
 * orders and followed projects, a creator's projects and their orders, and
 * live totals polled from data.ulule.com. Ulule has no public API to pledge
 * or to mark rewards shipped: those stay on its website. Every answer is
 * translated into the shapes of our own API before the models read it. */

#define API_VERSION "2020-11-10"
/* Only the extra fields Ulule documents for each endpoint: since version
 * 2019-03-07 any other is an error. A search's projects have their
 * picture, tag and owner as extras; the project resource has them as
 * plain fields, and its rewards and delivery settings as extras. */
#define EXTRA_FIELDS_SEARCH "main_image,main_tag,owner"
#define EXTRA_FIELDS_PROJECT "rewards,delivery,latest_news,links"
#define PAGE_SIZE "20"
/* data.ulule.com's stats are a file refreshed now and then: a read every
 * 30 seconds sees every change soon enough. */
#define STATS_SECONDS 30

struct _CfUlulePlatform
{
  GObject parent_instance;

  CfHttpClient *client;
  CfHttpClient *data_client;
  CfCredentials *credentials;  /* the API key */
  char *user_id;               /* the key's owner, once asked */
  GPtrArray *me_waiters;       /* callers of the one request for the key's owner in flight */
  char *lang;
  GHashTable *stats_contexts;  /* project id → its {"currency", "presale"}, which its stats need */
  CfPlatformCapabilities capabilities;
};

static void cf_ulule_platform_iface_init (CfPlatformInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfUlulePlatform, cf_ulule_platform, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CF_TYPE_PLATFORM, cf_ulule_platform_iface_init))

/* Ulule's languages; others read Ulule in English. */
static char *
dup_language (void)
{
  static const char * const languages[] = { "en", "fr", "es", "it", "de", "ca", "nl", "pt" };
  g_autofree char *locale = cf_locale_dup_default ();

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_has_prefix (locale, languages[i]))
      return g_strdup (languages[i]);
  return g_strdup ("en");
}

/* How an answer becomes a result, in the client's worker thread. */
typedef struct
{
  CfUluleTranslateFunc translate;  /* NULL: the answer itself, as a JsonNode */
  GType type;
  gboolean page;
  char *lang;
  JsonNode *context;        /* a project, for its orders */
} Parse;

static void
parse_free (Parse *parse)
{
  g_free (parse->lang);
  g_clear_pointer (&parse->context, json_node_unref);
  g_free (parse);
}

static gpointer
parse_answer (JsonNode      *root,
              gconstpointer  data,
              GError       **error)
{
  const Parse *parse = data;
  g_autoptr(JsonNode) translated = NULL;

  if (parse->translate == NULL)
    return root ? json_node_copy (root) : NULL;

  translated = parse->translate (root, parse->lang, parse->context, error);
  if (translated == NULL)
    return NULL;
  return parse->page ? (gpointer) cf_page_new_from_json (parse->type, translated, error)
                     : cf_model_new_from_json (parse->type, translated, error);
}

static GError *
refusal (guint     status,
         JsonNode *root,
         gpointer  user_data)
{
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *message = object ? cf_model_json_string (object, "message") : NULL;

  g_debug ("Ulule answered %u: %s", status, message ? message : "");
  return cf_platform_error_new (cf_platform_error_from_api (status, NULL));
}

static void
authorize (SoupMessageHeaders *headers,
           gpointer            user_data)
{
  CfUlulePlatform *self = user_data;

  /* developers.ulule.com: “Authorization: APIKey YOUR_API_KEY”. */
  cf_http_authorize (headers, "APIKey", self->credentials);
}

/* An API key does not expire: one refused was revoked, and the session ends. */
static void
renew (GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             callback_data,
       gpointer             user_data)
{
  CfUlulePlatform *self = user_data;
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, callback_data);

  if (self->credentials != NULL)
    {
      g_clear_object (&self->credentials);
      g_clear_pointer (&self->user_id, g_free);
      cf_http_client_forget_answers (self->client);
      g_signal_emit_by_name (self, "credentials-changed");
    }
  g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_UNAUTHORIZED));
}

/* Sends @method @path (with the language added) through @client, in a task
 * of the platform's tagged @source_tag: it returns what @translate makes
 * of the answer, as @type, or the answer itself without @translate, or
 * TRUE for a write. */
static void
send (CfUlulePlatform     *self,
      CfHttpClient        *client,
      const char          *method,
      const char          *path,
      CfUluleTranslateFunc        translate,
      GType                type,
      gboolean             page,
      JsonNode            *context,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data,
      gpointer             source_tag)
{
  gboolean read = g_str_equal (method, "GET");
  Parse *parse = g_new0 (Parse, 1);
  g_autofree char *full_path = client == self->client
                               ? g_strdup_printf ("%s%clang=%s", path, strchr (path, '?') ? '&' : '?', self->lang)
                               : g_strdup (path);
  CfHttpRequest request = {
    .method = method,
    .path = full_path,
    .authenticated = client == self->client,
    .parse = read ? parse_answer : NULL,
    .parse_data = parse,
    .free_parse_data = (GDestroyNotify) parse_free,
    .free_result = translate == NULL ? (GDestroyNotify) json_node_unref : g_object_unref,
    .source_object = self,
    .source_tag = source_tag,
    .result_type = read ? CF_HTTP_RESULT_POINTER : CF_HTTP_RESULT_BOOLEAN,
  };

  parse->translate = translate;
  parse->type = type;
  parse->page = page;
  parse->lang = g_strdup (self->lang);
  parse->context = context ? json_node_ref (context) : NULL;
  cf_http_client_send_async (client, &request, cancellable, callback, user_data);
}

/* @path with the cursor's paging (offset or since) added. */
static char *
paged (const char *path,
       const char *cursor)
{
  g_autofree char *query = cf_ulule_next_query (cursor);

  if (query == NULL)
    return g_strdup_printf ("%s%climit=" PAGE_SIZE, path, strchr (path, '?') ? '&' : '?');
  return g_strdup_printf ("%s%c%s", path, strchr (path, '?') ? '&' : '?', query);
}

static void
remember_project (CfUlulePlatform *self,
                  CfCampaign      *campaign)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  cf_model_build_string (builder, "currency", cf_campaign_get_pledged (campaign)->currency);
  json_builder_set_member_name (builder, "presale");
  json_builder_add_boolean_value (builder, cf_campaign_get_goal_unit (campaign) == CF_GOAL_UNIT_PRE_ORDERS);
  json_builder_end_object (builder);
  g_hash_table_replace (self->stats_contexts, g_strdup (cf_campaign_get_id (campaign)),
                        json_builder_get_root (builder));
}

/* Lists of projects note each one's currency and type, which its stats do not say. */
static void
projects_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfUlulePlatform *self = CF_ULULE_PLATFORM (object);
  GError *error = NULL;
  CfPage *page = g_task_propagate_pointer (G_TASK (result), &error);
  GListModel *items;

  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  items = cf_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfCampaign) campaign = g_list_model_get_item (items, i);

      remember_project (self, campaign);
    }
  g_task_return_pointer (task, page, g_object_unref);
}

static void
send_projects (CfUlulePlatform     *self,
               char                *path,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  send (self, self->client, "GET", path, cf_ulule_translate_projects, CF_TYPE_CAMPAIGN, TRUE, NULL, cancellable,
        projects_cb, task, source_tag);
  g_free (path);
}

/* Ulule's search qualifiers for what Explore asks. */
static char *
dup_search_terms (const CfCampaignQuery *query)
{
  static const char * const sorts[] = {
    [CF_CAMPAIGN_SORT_POPULAR] = "popular",
    [CF_CAMPAIGN_SORT_NEWEST] = "new",
    [CF_CAMPAIGN_SORT_ENDING_SOON] = "ending-soon",
    [CF_CAMPAIGN_SORT_MOST_FUNDED] = "amount",
    /* Ulule sorts by backers only as part of popularity. */
    [CF_CAMPAIGN_SORT_MOST_BACKED] = "popular",
  };
  static const char * const statuses[] = {
    [CF_CAMPAIGN_FILTER_ALL] = "all",
    [CF_CAMPAIGN_FILTER_LIVE] = "currently",
    /* Ulule searches only what has been online. */
    [CF_CAMPAIGN_FILTER_UPCOMING] = "all",
    [CF_CAMPAIGN_FILTER_ENDED] = "ended",
    [CF_CAMPAIGN_FILTER_SUCCESSFUL] = "success",
  };
  GString *terms = g_string_new (NULL);

  if (query->search != NULL && *query->search != '\0')
    g_string_append_printf (terms, "%s ", query->search);
  g_string_append_printf (terms, "sort:%s status:%s", sorts[query->sort], statuses[query->filter]);
  if (query->category != NULL)
    g_string_append_printf (terms, " tag_id:%s", query->category);
  return g_string_free (terms, FALSE);
}

static void
cf_ulule_platform_list_campaigns (CfPlatform            *platform,
                                  const CfCampaignQuery *query,
                                  const char            *cursor,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  g_autofree char *terms = dup_search_terms (query);
  g_autofree char *escaped = cf_http_escape (terms);
  g_autofree char *path = g_strdup_printf ("search/projects?q=%s&extra_fields=" EXTRA_FIELDS_SEARCH, escaped);

  send_projects (self, paged (path, cursor), cancellable, callback, user_data, cf_ulule_platform_list_campaigns);
}

static void
cf_ulule_platform_list_categories (CfPlatform          *platform,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);

  send (self, self->client, "GET", "categories", cf_ulule_translate_categories, CF_TYPE_CATEGORY, TRUE, NULL,
        cancellable, callback, user_data, cf_ulule_platform_list_categories);
}

static void
campaign_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  CfCampaign *campaign = g_task_propagate_pointer (G_TASK (result), &error);

  if (campaign == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  remember_project (CF_ULULE_PLATFORM (object), campaign);
  g_task_return_pointer (task, campaign, g_object_unref);
}

static char *
project_path (const char *id)
{
  g_autofree char *escaped = cf_http_escape (id);

  return g_strdup_printf ("projects/%s?extra_fields=" EXTRA_FIELDS_PROJECT, escaped);
}

static void
cf_ulule_platform_get_campaign (CfPlatform          *platform,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  g_autofree char *path = project_path (id);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, cf_ulule_platform_get_campaign);
  send (self, self->client, "GET", path, cf_ulule_translate_project, CF_TYPE_CAMPAIGN, FALSE, NULL, cancellable,
        campaign_cb, task, cf_ulule_platform_get_campaign);
}

/* The same answer as the campaign's (one request, then its cached copy). */
static void
cf_ulule_platform_list_rewards (CfPlatform          *platform,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  g_autofree char *path = project_path (id);

  send (self, self->client, "GET", path, cf_ulule_translate_rewards, CF_TYPE_REWARD, TRUE, NULL, cancellable,
        callback, user_data, cf_ulule_platform_list_rewards);
}

static void
cf_ulule_platform_list_updates (CfPlatform          *platform,
                                const char          *id,
                                const char          *cursor,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  g_autofree char *escaped = cf_http_escape (id);
  g_autofree char *path = g_strdup_printf ("projects/%s/news", escaped);
  g_autofree char *page = paged (path, cursor);

  send (self, self->client, "GET", page, cf_ulule_translate_news, CF_TYPE_UPDATE, TRUE, NULL, cancellable,
        callback, user_data, cf_ulule_platform_list_updates);
}

static void
read_stats (CfUlulePlatform *self,
            GTask           *task)
{
  const char *id = g_task_get_task_data (task);
  g_autofree char *escaped = cf_http_escape (id);
  g_autofree char *path = g_strdup_printf ("projects/%s/stats.json", escaped);
  JsonNode *project = g_hash_table_lookup (self->stats_contexts, id);

  send (self, self->data_client, "GET", path, cf_ulule_translate_stats, CF_TYPE_STATS, FALSE, project,
        g_task_get_cancellable (task), cf_platform_forward_object_cb, task, g_task_get_source_tag (task));
}

static void
stats_project_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(CfCampaign) campaign = cf_platform_get_campaign_finish (CF_PLATFORM (object), result, &error);

  if (campaign == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  read_stats (CF_ULULE_PLATFORM (object), g_steal_pointer (&task));
}

/* Live totals come from the file data.ulule.com publishes for each project,
 * as Ulule's own widgets read them; its currency comes from the project. */
static void
cf_ulule_platform_get_stats (CfPlatform          *platform,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, cf_ulule_platform_get_stats);
  g_task_set_task_data (task, g_strdup (id), g_free);
  if (g_hash_table_contains (self->stats_contexts, id))
    read_stats (self, task);
  else
    cf_ulule_platform_get_campaign (platform, id, cancellable, stats_project_cb, task);
}

/* The key's owner, told to every caller that asked while the request was
 * on its way: asked for at start-up by the account and by each list of the
 * person's own things at once, it is asked once. */
static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (object);
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->me_waiters);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfUser) user = g_task_propagate_pointer (G_TASK (result), &error);

  if (user != NULL)
    {
      g_free (self->user_id);
      self->user_id = g_strdup (cf_user_get_id (user));
    }
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = waiters->pdata[i];

      if (user != NULL)
        g_task_return_pointer (task, g_object_ref (user), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

static void
cf_ulule_platform_get_me (CfPlatform          *platform,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, cf_ulule_platform_get_me);
  if (self->me_waiters != NULL)
    {
      g_ptr_array_add (self->me_waiters, task);
      return;
    }
  self->me_waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->me_waiters, task);
  send (self, self->client, "GET", "me", cf_ulule_translate_user, CF_TYPE_USER, FALSE, NULL, NULL, me_cb, NULL,
        cf_ulule_platform_get_me);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfUlulePlatform *self = CF_ULULE_PLATFORM (object);
  CfCredentials *key = g_task_get_task_data (task);
  const char *username = g_object_get_data (G_OBJECT (task), "username");
  GError *error = NULL;
  g_autoptr(CfUser) user = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_object (&self->credentials);
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
  g_task_return_pointer (task, g_object_ref (key), g_object_unref);
}

/* An API key is checked by asking who it belongs to: it must be @username's. */
static void
cf_ulule_platform_sign_in (CfPlatform          *platform,
                           const char          *username,
                           const char          *api_key,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(CfCredentials) key = NULL;

  g_task_set_source_tag (task, cf_ulule_platform_sign_in);
  /* The key goes in a header: a pasted line break is told, never sent. */
  if (!cf_header_value_is_valid (api_key))
    {
      g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_UNSENDABLE_TEXT));
      g_object_unref (task);
      return;
    }

  key = cf_credentials_new_for_key (api_key, "APIKey");

  g_task_set_task_data (task, g_object_ref (key), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "username", g_strdup (username), g_free);
  g_set_object (&self->credentials, key);
  cf_ulule_platform_get_me (platform, cancellable, signed_in_cb, task);
}

/* Ulule keeps API keys until the person renews theirs: signing out forgets it here. */
static void
cf_ulule_platform_sign_out (CfPlatform          *platform,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, cf_ulule_platform_sign_out);
  g_clear_object (&self->credentials);
  g_clear_pointer (&self->user_id, g_free);
  cf_http_client_forget_answers (self->client);
  g_task_return_boolean (task, TRUE);
}

typedef void (*UserListFunc) (CfUlulePlatform *self,
                              GTask           *task);

static void
user_known_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(CfUser) user = cf_platform_get_me_finish (CF_PLATFORM (object), result, &error);
  UserListFunc list = g_object_get_data (G_OBJECT (task), "list");

  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  list (CF_ULULE_PLATFORM (object), g_steal_pointer (&task));
}

/* Lists of the person's own things name them by id: asked once. */
static void
with_user (CfUlulePlatform *self,
           GTask           *task,
           UserListFunc     list)
{
  if (self->credentials == NULL)
    {
      g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_UNAUTHORIZED));
      g_object_unref (task);
      return;
    }
  if (self->user_id != NULL)
    {
      list (self, task);
      return;
    }
  g_object_set_data (G_OBJECT (task), "list", list);
  cf_ulule_platform_get_me (CF_PLATFORM (self), g_task_get_cancellable (task), user_known_cb, task);
}

static void
user_projects (CfUlulePlatform *self,
               GTask           *task,
               const char      *state)
{
  g_autofree char *path = g_strdup_printf ("users/%s/projects?state=%s", self->user_id, state);

  send_projects (self, paged (path, g_object_get_data (G_OBJECT (task), "cursor")),
                 g_task_get_cancellable (task), cf_platform_forward_object_cb, task, g_task_get_source_tag (task));
}

static void
list_followed (CfUlulePlatform *self,
               GTask           *task)
{
  user_projects (self, task, "followed");
}

static void
list_created (CfUlulePlatform *self,
              GTask           *task)
{
  user_projects (self, task, "created");
}

static void
list_orders (CfUlulePlatform *self,
             GTask           *task)
{
  g_autofree char *path = g_strdup_printf ("users/%s/orders?extra_fields=project", self->user_id);
  g_autofree char *page = paged (path, g_object_get_data (G_OBJECT (task), "cursor"));

  send (self, self->client, "GET", page, cf_ulule_translate_orders, CF_TYPE_PLEDGE, TRUE, NULL,
        g_task_get_cancellable (task), cf_platform_forward_object_cb, task, g_task_get_source_tag (task));
}

static GTask *
new_user_task (CfUlulePlatform     *self,
               const char          *cursor,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_object_set_data_full (G_OBJECT (task), "cursor", g_strdup (cursor), g_free);
  return task;
}

static void
cf_ulule_platform_list_following (CfPlatform          *platform,
                                  const char          *cursor,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);

  with_user (self, new_user_task (self, cursor, cancellable, callback, user_data, cf_ulule_platform_list_following),
             list_followed);
}

/* Following is liking a project on Ulule. */
static void
cf_ulule_platform_set_following (CfPlatform          *platform,
                                 const char          *campaign_id,
                                 gboolean             following,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  g_autofree char *escaped = cf_http_escape (campaign_id);
  g_autofree char *path = g_strdup_printf ("projects/%s/%s", escaped, following ? "like" : "unlike");

  send (self, self->client, "POST", path, NULL, G_TYPE_NONE, FALSE, NULL, cancellable, callback, user_data,
        cf_ulule_platform_set_following);
}

static void
cf_ulule_platform_list_pledges (CfPlatform          *platform,
                                const char          *status,
                                const char          *cursor,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);

  with_user (self, new_user_task (self, cursor, cancellable, callback, user_data, cf_ulule_platform_list_pledges),
             list_orders);
}

static void
cf_ulule_platform_list_my_campaigns (CfPlatform          *platform,
                                     const char          *cursor,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);

  with_user (self, new_user_task (self, cursor, cancellable, callback, user_data,
                                  cf_ulule_platform_list_my_campaigns),
             list_created);
}

static void
backers_project_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfUlulePlatform *self = CF_ULULE_PLATFORM (object);
  GError *error = NULL;
  g_autoptr(JsonNode) project = g_task_propagate_pointer (G_TASK (result), &error);
  const char *id = g_task_get_task_data (task);
  g_autofree char *escaped = cf_http_escape (id);
  g_autofree char *path = g_strdup_printf ("projects/%s/orders", escaped);
  g_autofree char *page = paged (path, g_object_get_data (G_OBJECT (task), "cursor"));

  if (project == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  send (self, self->client, "GET", page, cf_ulule_translate_orders, CF_TYPE_PLEDGE, TRUE, project,
        g_task_get_cancellable (task), cf_platform_forward_object_cb, task, g_task_get_source_tag (task));
  task = NULL;
}

/* A project's orders, for its owner; they do not embed the project, which
 * is read first (usually from the cache). Ulule lists them newest first. */
static void
cf_ulule_platform_list_backers (CfPlatform          *platform,
                                const char          *campaign_id,
                                gboolean             newest_first,
                                const char          *cursor,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);
  GTask *task = new_user_task (self, cursor, cancellable, callback, user_data, cf_ulule_platform_list_backers);
  g_autofree char *path = project_path (campaign_id);

  g_task_set_task_data (task, g_strdup (campaign_id), g_free);
  send (self, self->client, "GET", path, NULL, G_TYPE_NONE, FALSE, NULL, cancellable, backers_project_cb, task,
        cf_ulule_platform_list_backers);
}

static void
cf_ulule_platform_set_credentials (CfPlatform    *platform,
                                   CfCredentials *credentials)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);

  if (g_set_object (&self->credentials, credentials))
    {
      g_clear_pointer (&self->user_id, g_free);
      cf_http_client_forget_answers (self->client);
    }
}

static CfCredentials *
cf_ulule_platform_dup_credentials (CfPlatform *platform)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (platform);

  return self->credentials ? g_object_ref (self->credentials) : NULL;
}

static const CfPlatformCapabilities *
cf_ulule_platform_get_capabilities (CfPlatform *platform)
{
  return &CF_ULULE_PLATFORM (platform)->capabilities;
}

static void
cf_ulule_platform_iface_init (CfPlatformInterface *iface)
{
  iface->get_capabilities = cf_ulule_platform_get_capabilities;
  iface->set_credentials = cf_ulule_platform_set_credentials;
  iface->dup_credentials = cf_ulule_platform_dup_credentials;
  iface->list_categories = cf_ulule_platform_list_categories;
  iface->list_campaigns = cf_ulule_platform_list_campaigns;
  iface->get_campaign = cf_ulule_platform_get_campaign;
  iface->list_rewards = cf_ulule_platform_list_rewards;
  iface->list_updates = cf_ulule_platform_list_updates;
  iface->get_stats = cf_ulule_platform_get_stats;
  iface->sign_in = cf_ulule_platform_sign_in;
  iface->sign_out = cf_ulule_platform_sign_out;
  iface->get_me = cf_ulule_platform_get_me;
  iface->list_following = cf_ulule_platform_list_following;
  iface->set_following = cf_ulule_platform_set_following;
  iface->list_pledges = cf_ulule_platform_list_pledges;
  iface->list_my_campaigns = cf_ulule_platform_list_my_campaigns;
  iface->list_backers = cf_ulule_platform_list_backers;
}

static void
cf_ulule_platform_finalize (GObject *object)
{
  CfUlulePlatform *self = CF_ULULE_PLATFORM (object);

  g_clear_object (&self->client);
  g_clear_object (&self->data_client);
  g_clear_object (&self->credentials);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->stats_contexts, g_hash_table_unref);

  G_OBJECT_CLASS (cf_ulule_platform_parent_class)->finalize (object);
}

static void
cf_ulule_platform_class_init (CfUlulePlatformClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_ulule_platform_finalize;
}

static void
cf_ulule_platform_init (CfUlulePlatform *self)
{
  self->lang = dup_language ();
  self->stats_contexts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
  self->capabilities = (CfPlatformCapabilities) {
    .features = CF_PLATFORM_FEATURE_BROWSE | CF_PLATFORM_FEATURE_SEARCH | CF_PLATFORM_FEATURE_CATEGORIES |
                CF_PLATFORM_FEATURE_FILTER_AND_SORT |
                CF_PLATFORM_FEATURE_UPDATES | CF_PLATFORM_FEATURE_FOLLOW | CF_PLATFORM_FEATURE_PLEDGES |
                CF_PLATFORM_FEATURE_MY_CAMPAIGNS | CF_PLATFORM_FEATURE_BACKERS,
    .sign_in = CF_SIGN_IN_METHOD_API_KEY,
    .live_totals = CF_LIVE_TOTALS_POLL,
    .live_poll_seconds = STATS_SECONDS,
  };
}

/* How often live totals may be read, in seconds: 30 unless said otherwise,
 * as a test on a fake Ulule does. */
void
cf_ulule_platform_set_stats_interval (CfUlulePlatform *self,
                                      guint            seconds)
{
  g_return_if_fail (CF_IS_ULULE_PLATFORM (self));
  g_return_if_fail (seconds > 0);

  self->capabilities.live_poll_seconds = seconds;
}

/* Ulule's API at @api_url (“https://api.ulule.com/v1/”) and its published
 * stats at @data_url (“https://data.ulule.com/”). */
CfUlulePlatform *
cf_ulule_platform_new (SoupSession *session,
                       const char  *api_url,
                       const char  *data_url)
{
  CfUlulePlatform *self = g_object_new (CF_TYPE_ULULE_PLATFORM, NULL);
  CfHttpAdapter adapter = {
    .authorize = authorize,
    .renew = renew,
    .refusal = refusal,
    .user_data = self,
  };

  self->client = cf_http_client_new (session, api_url, &adapter);
  /* Without it, Ulule answers in its oldest shapes. */
  cf_http_client_set_header (self->client, "Ulule-Version", API_VERSION);
  self->data_client = cf_http_client_new (session, data_url, &adapter);
  return self;
}

static void
open_platform (SoupSession *session,
               const char  *choice,
               GTask       *task)
{
  const char *api_url = g_getenv ("CROWDFUND_ULULE_API_URL");
  const char *data_url = g_getenv ("CROWDFUND_ULULE_DATA_URL");
  const char *interval = g_getenv ("CROWDFUND_ULULE_STATS_SECONDS");
  CfUlulePlatform *self = cf_ulule_platform_new (session, api_url ? api_url : "https://api.ulule.com/v1/",
                                                 data_url ? data_url : "https://data.ulule.com/");
  guint64 seconds;

  if (interval != NULL && g_ascii_string_to_unsigned (interval, 10, 1, 3600, &seconds, NULL))
    cf_ulule_platform_set_stats_interval (self, seconds);
  g_task_return_pointer (task, self, g_object_unref);
  g_object_unref (task);
}

/* Ulule, the one there is; its addresses can be pointed elsewhere with
 * CROWDFUND_ULULE_API_URL and CROWDFUND_ULULE_DATA_URL, and the pace of its
 * live totals set with CROWDFUND_ULULE_STATS_SECONDS. */
const CfPlatformKind cf_ulule_platform_kind = {
  .id = "ulule",
  .name = N_("Ulule"),
  .needs_address = FALSE,
  .open = open_platform,
};
