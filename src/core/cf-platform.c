/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-platform"

#include "config.h"

#include <string.h>

#include "cf-platform.h"
#include "cf-web-address.h"

enum {
  CREDENTIALS_CHANGED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_INTERFACE (CfPlatform, cf_platform, G_TYPE_OBJECT)

static void
cf_platform_default_init (CfPlatformInterface *iface)
{
  /**
   * CfPlatform::credentials-changed:
   *
   * Emitted when the platform renewed the credentials by itself, or dropped
   * them because it refused to renew them: whoever keeps them stores the new
   * ones (cf_platform_dup_credentials() is NULL after a refusal).
   */
  signals[CREDENTIALS_CHANGED] =
    g_signal_new ("credentials-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CfPlatform::changed:
   *
   * Emitted when what the platform holds for the person changed without
   * being asked (figures read in the background, something kept by hand):
   * whoever lists it asks again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* For adapters: says that what the platform holds changed (::changed). */
void
cf_platform_emit_changed (CfPlatform *self)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static gpointer
propagate_pointer (CfPlatform    *self,
                   GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
propagate_boolean (CfPlatform    *self,
                   GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gint64
propagate_int (CfPlatform    *self,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

/* What an operation the platform does not have answers. */
static gboolean
unsupported (CfPlatform          *self,
             gpointer             operation,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  if (operation != NULL)
    return FALSE;
  task = g_task_new (self, NULL, callback, user_data);
  g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_NOT_SUPPORTED));
  return TRUE;
}

/* For adapters: hands the object (a page, a model) that one step of a
 * request found to the request's own task, @user_data, which it takes. */
void
cf_platform_forward_object_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);

  if (value == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, g_object_unref);
}

/* The campaign whose web page is at @address, a web address a person
 * pasted, when the page is this platform's: its id, or NULL. */
char *
cf_platform_dup_campaign_at_address (CfPlatform *self,
                                     const char *address)
{
  CfPlatformInterface *iface;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (CF_IS_PLATFORM (self), NULL);
  g_return_val_if_fail (address != NULL, NULL);

  iface = CF_PLATFORM_GET_IFACE (self);
  if (iface->campaign_at_address == NULL || !cf_web_address_is_valid (address))
    return NULL;
  uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  return uri ? iface->campaign_at_address (self, uri) : NULL;
}

/* The first segment of @path (“tidepool” of “/tidepool/updates”), when it
 * is a plain name, or NULL. For adapters reading addresses. */
char *
cf_platform_dup_first_path_segment (const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path[0] == '/' ? path + 1 : path, "/", 3);
  g_autofree char *segment = segments[0] ? g_uri_unescape_string (segments[0], NULL) : NULL;

  if (segment == NULL || *segment == '\0' || strpbrk (segment, ".?#") != NULL)
    return NULL;
  return g_steal_pointer (&segment);
}

/* A fresh key for one pledge: reuse it for every retry of that pledge. */
char *
cf_platform_new_idempotency_key (void)
{
  return g_uuid_string_random ();
}

/* What @self can do: views ask it rather than assume. */
const CfPlatformCapabilities *
cf_platform_get_capabilities (CfPlatform *self)
{
  g_return_val_if_fail (CF_IS_PLATFORM (self), NULL);

  return CF_PLATFORM_GET_IFACE (self)->get_capabilities (self);
}

/* Whether @self can do every one of @features. */
gboolean
cf_platform_can (CfPlatform         *self,
                 CfPlatformFeatures  features)
{
  g_return_val_if_fail (CF_IS_PLATFORM (self), FALSE);

  return (cf_platform_get_capabilities (self)->features & features) == features;
}

void
cf_platform_set_credentials (CfPlatform    *self,
                             CfCredentials *credentials)
{
  g_return_if_fail (CF_IS_PLATFORM (self));
  g_return_if_fail (credentials == NULL || CF_IS_CREDENTIALS (credentials));

  CF_PLATFORM_GET_IFACE (self)->set_credentials (self, credentials);
}

CfCredentials *
cf_platform_dup_credentials (CfPlatform *self)
{
  g_return_val_if_fail (CF_IS_PLATFORM (self), NULL);

  return CF_PLATFORM_GET_IFACE (self)->dup_credentials (self);
}

/* Finishes any of the list operations. */
CfPage *
cf_platform_list_finish (CfPlatform    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return propagate_pointer (self, result, error);
}

/* Every category, in one page. */
void
cf_platform_list_categories_async (CfPlatform          *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->list_categories (self, cancellable, callback, user_data);
}

/* A page of campaigns matching @query; @cursor is NULL for the first. */
void
cf_platform_list_campaigns_async (CfPlatform            *self,
                                  const CfCampaignQuery *query,
                                  const char            *cursor,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->list_campaigns (self, query, cursor, cancellable, callback, user_data);
}

/* One campaign, with its description. */
void
cf_platform_get_campaign_async (CfPlatform          *self,
                                const char          *id_or_slug,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->get_campaign (self, id_or_slug, cancellable, callback, user_data);
}

CfCampaign *
cf_platform_get_campaign_finish (CfPlatform    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return propagate_pointer (self, result, error);
}

/* Every reward of a campaign, in one page. */
void
cf_platform_list_rewards_async (CfPlatform          *self,
                                const char          *campaign_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->list_rewards (self, campaign_id, cancellable, callback, user_data);
}

/* A page of a campaign's updates, newest first. */
void
cf_platform_list_updates_async (CfPlatform          *self,
                                const char          *campaign_id,
                                const char          *cursor,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->list_updates (self, campaign_id, cursor, cancellable, callback, user_data);
}

/* A campaign's totals and funding over time. */
void
cf_platform_get_stats_async (CfPlatform          *self,
                             const char          *campaign_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->get_stats (self, campaign_id, cancellable, callback, user_data);
}

CfStats *
cf_platform_get_stats_finish (CfPlatform    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return propagate_pointer (self, result, error);
}

/* Rates for "≈" amounts. */
void
cf_platform_get_exchange_rates_async (CfPlatform          *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  if (unsupported (self, CF_PLATFORM_GET_IFACE (self)->get_exchange_rates, callback, user_data))
    return;
  CF_PLATFORM_GET_IFACE (self)->get_exchange_rates (self, cancellable, callback, user_data);
}

CfExchangeRates *
cf_platform_get_exchange_rates_finish (CfPlatform    *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return propagate_pointer (self, result, error);
}

/* Exchanges a password for credentials; the password is not kept. */
void
cf_platform_sign_in_async (CfPlatform          *self,
                           const char          *username,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->sign_in (self, username, password, cancellable, callback, user_data);
}

CfCredentials *
cf_platform_sign_in_finish (CfPlatform    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return propagate_pointer (self, result, error);
}

/* Revokes the credentials in use on the platform and forgets them. */
void
cf_platform_sign_out_async (CfPlatform          *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->sign_out (self, cancellable, callback, user_data);
}

gboolean
cf_platform_sign_out_finish (CfPlatform    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return propagate_boolean (self, result, error);
}

/* The signed-in user. */
void
cf_platform_get_me_async (CfPlatform          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->get_me (self, cancellable, callback, user_data);
}

CfUser *
cf_platform_get_me_finish (CfPlatform    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return propagate_pointer (self, result, error);
}

/* A page of the campaigns the user follows. */
void
cf_platform_list_following_async (CfPlatform          *self,
                                  const char          *cursor,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->list_following (self, cursor, cancellable, callback, user_data);
}

/* Follows or unfollows a campaign. */
void
cf_platform_set_following_async (CfPlatform          *self,
                                 const char          *campaign_id,
                                 gboolean             following,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->set_following (self, campaign_id, following, cancellable, callback, user_data);
}

gboolean
cf_platform_set_following_finish (CfPlatform    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return propagate_boolean (self, result, error);
}

/* A page of the user's pledges, of one @status or all when NULL. */
void
cf_platform_list_pledges_async (CfPlatform          *self,
                                const char          *status,
                                const char          *cursor,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->list_pledges (self, status, cursor, cancellable, callback, user_data);
}

/* Pledges; the same @idempotency_key never pledges twice. */
void
cf_platform_create_pledge_async (CfPlatform            *self,
                                 const char            *campaign_id,
                                 const CfPledgeRequest *request,
                                 const char            *idempotency_key,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  if (unsupported (self, CF_PLATFORM_GET_IFACE (self)->create_pledge, callback, user_data))
    return;
  CF_PLATFORM_GET_IFACE (self)->create_pledge (self, campaign_id, request, idempotency_key, cancellable, callback, user_data);
}

CfPledge *
cf_platform_create_pledge_finish (CfPlatform    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return propagate_pointer (self, result, error);
}

/* Changes a pledge while its campaign is live, or marks it received. */
void
cf_platform_change_pledge_async (CfPlatform           *self,
                                 const char           *pledge_id,
                                 const CfPledgeChange *change,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  if (unsupported (self, CF_PLATFORM_GET_IFACE (self)->change_pledge, callback, user_data))
    return;
  CF_PLATFORM_GET_IFACE (self)->change_pledge (self, pledge_id, change, cancellable, callback, user_data);
}

CfPledge *
cf_platform_change_pledge_finish (CfPlatform    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return propagate_pointer (self, result, error);
}

/* Cancels a pledge while its campaign is live. */
void
cf_platform_cancel_pledge_async (CfPlatform          *self,
                                 const char          *pledge_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  if (unsupported (self, CF_PLATFORM_GET_IFACE (self)->cancel_pledge, callback, user_data))
    return;
  CF_PLATFORM_GET_IFACE (self)->cancel_pledge (self, pledge_id, cancellable, callback, user_data);
}

gboolean
cf_platform_cancel_pledge_finish (CfPlatform    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return propagate_boolean (self, result, error);
}

/* A page of the campaigns the user created. */
void
cf_platform_list_my_campaigns_async (CfPlatform          *self,
                                     const char          *cursor,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->list_my_campaigns (self, cursor, cancellable, callback, user_data);
}

/* A page of the pledges to a campaign the user created. */
void
cf_platform_list_backers_async (CfPlatform          *self,
                                const char          *campaign_id,
                                gboolean             newest_first,
                                const char          *cursor,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  CF_PLATFORM_GET_IFACE (self)->list_backers (self, campaign_id, newest_first, cursor, cancellable, callback, user_data);
}

/* Sets the fulfillment of some of a campaign's pledges; the result is how many changed. */
void
cf_platform_update_fulfillment_async (CfPlatform                *self,
                                      const char                *campaign_id,
                                      const CfFulfillmentChange *change,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  if (unsupported (self, CF_PLATFORM_GET_IFACE (self)->update_fulfillment, callback, user_data))
    return;
  CF_PLATFORM_GET_IFACE (self)->update_fulfillment (self, campaign_id, change, cancellable, callback, user_data);
}

gint64
cf_platform_update_fulfillment_finish (CfPlatform    *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return propagate_int (self, result, error);
}

/* Opens the live feed; platforms without one fail with CF_PLATFORM_ERROR_NOT_SUPPORTED. */
void
cf_platform_connect_live_async (CfPlatform          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  if (unsupported (self, CF_PLATFORM_GET_IFACE (self)->connect_live, callback, user_data))
    return;
  CF_PLATFORM_GET_IFACE (self)->connect_live (self, cancellable, callback, user_data);
}

SoupWebsocketConnection *
cf_platform_connect_live_finish (CfPlatform    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return propagate_pointer (self, result, error);
}

/* A page of some list; @scope says of what, when the list needs it. */
typedef void (*PageRequest) (CfPlatform          *self,
                             const char          *scope,
                             const char          *cursor,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);

/* However many pages a platform claims, collecting stops here, and at the
 * first cursor it gives twice. */
#define MAX_PAGES 500

typedef struct
{
  PageRequest request;
  char *scope;
  GListStore *items;
  GHashTable *cursors;  /* those already followed */
} Collection;

static void
collection_free (Collection *collection)
{
  g_hash_table_unref (collection->cursors);
  g_object_unref (collection->items);
  g_free (collection->scope);
  g_free (collection);
}

static void request_next (GTask      *task,
                          const char *cursor);

static void
collected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Collection *collection = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(CfPage) page = cf_platform_list_finish (CF_PLATFORM (object), result, &error);
  GListModel *items;

  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  items = cf_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      g_list_store_append (collection->items, item);
    }

  if (cf_page_get_next_cursor (page) != NULL &&
      (g_hash_table_contains (collection->cursors, cf_page_get_next_cursor (page)) ||
       g_hash_table_size (collection->cursors) >= MAX_PAGES))
    {
      g_debug ("a cursor given twice, or more than %d pages: the list is not followed further", MAX_PAGES);
      g_task_return_error (task, cf_platform_error_new (CF_PLATFORM_ERROR_INVALID_RESPONSE));
    }
  else if (cf_page_get_next_cursor (page) != NULL)
    {
      g_hash_table_add (collection->cursors, g_strdup (cf_page_get_next_cursor (page)));
      request_next (g_steal_pointer (&task), cf_page_get_next_cursor (page));
    }
  else
    g_task_return_pointer (task, g_object_ref (collection->items), g_object_unref);
}

static void
request_next (GTask      *task,
              const char *cursor)
{
  Collection *collection = g_task_get_task_data (task);

  collection->request (g_task_get_source_object (task), collection->scope, cursor, g_task_get_cancellable (task),
                       collected_cb, task);
}

static void
collect_all (CfPlatform          *self,
             PageRequest          request,
             const char          *scope,
             GType                item_type,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Collection *collection = g_new0 (Collection, 1);

  collection->request = request;
  collection->scope = g_strdup (scope);
  collection->items = g_list_store_new (item_type);
  collection->cursors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, collection, (GDestroyNotify) collection_free);
  request_next (task, NULL);
}

static void
list_any_pledges (CfPlatform          *self,
                  const char          *scope,
                  const char          *cursor,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  cf_platform_list_pledges_async (self, NULL, cursor, cancellable, callback, user_data);
}

static void
list_following_page (CfPlatform          *self,
                     const char          *scope,
                     const char          *cursor,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  cf_platform_list_following_async (self, cursor, cancellable, callback, user_data);
}

static void
list_my_campaigns_page (CfPlatform          *self,
                        const char          *scope,
                        const char          *cursor,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  cf_platform_list_my_campaigns_async (self, cursor, cancellable, callback, user_data);
}

static void
list_oldest_backers (CfPlatform          *self,
                     const char          *campaign_id,
                     const char          *cursor,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  cf_platform_list_backers_async (self, campaign_id, FALSE, cursor, cancellable, callback, user_data);
}

/* Every pledge of the user, page after page, in one list. */
void
cf_platform_list_all_pledges_async (CfPlatform          *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  collect_all (self, list_any_pledges, NULL, CF_TYPE_PLEDGE, cancellable, callback, user_data);
}

/* Every campaign the user follows, page after page, in one list. */
void
cf_platform_list_all_following_async (CfPlatform          *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  collect_all (self, list_following_page, NULL, CF_TYPE_CAMPAIGN, cancellable, callback, user_data);
}

/* Every campaign the user created, page after page, in one list. */
void
cf_platform_list_all_my_campaigns_async (CfPlatform          *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  collect_all (self, list_my_campaigns_page, NULL, CF_TYPE_CAMPAIGN, cancellable, callback, user_data);
}

/* Every pledge to a campaign the user created, oldest first, in one list. */
void
cf_platform_list_all_backers_async (CfPlatform          *self,
                                    const char          *campaign_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (CF_IS_PLATFORM (self));

  collect_all (self, list_oldest_backers, campaign_id, CF_TYPE_PLEDGE, cancellable, callback, user_data);
}

GListModel *
cf_platform_list_all_finish (CfPlatform    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return propagate_pointer (self, result, error);
}
