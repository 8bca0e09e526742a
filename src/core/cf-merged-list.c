/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-merged-list"

#include "config.h"

#include "cf-account-item.h"
#include "cf-http-client.h"
#include "cf-merged-list.h"
#include "cf-saved-list.h"

/* One list (pledges, followed campaigns, a creator's campaigns) gathered
 * from every signed-in account whose platform has it: a GListModel of
 * CfAccountItem, each item with its account. Each account loads
 * on its own: a slow or broken platform delays only its own items, and a
 * failed load keeps what that account gave last, marked with the failure,
 * and tries again by itself, sooner when the network comes back. What an
 * account gave is kept on disk too, to be shown when the app starts with
 * the platform out of reach. */
struct _CfMergedList
{
  GObject parent_instance;

  GListModel *accounts;
  CfPlatformFeatures feature;
  CfListAllFunc list_all;
  GType item_type;
  char *saved_name;    /* the kept lists' name, or NULL to keep none */
  GStrv private_members;  /* left out of what is kept */
  GPtrArray *sources;  /* of Source, one per account, in their order */
  GPtrArray *active;   /* the sources of the accounts that give the list */
  GListStore *items;   /* of CfAccountItem: every active source's items, in the accounts' order */
};

typedef struct
{
  CfMergedSource public;
  CfMergedList *list;  /* unowned */
  GCancellable *cancellable;
  char *saved_path;    /* while the account gives the list */
  guint retry_id;
  guint attempt;
} Source;

static void cf_merged_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfMergedList, cf_merged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cf_merged_list_model_init))

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return CF_TYPE_ACCOUNT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (CF_MERGED_LIST (model)->items));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (CF_MERGED_LIST (model)->items), position);
}

static void
cf_merged_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Every item of every account that gives the list, with its account, then
 * the news for those who show them. */
static void
changed (CfMergedList *self,
         CfAccount    *account)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < self->active->len; i++)
    {
      const CfMergedSource *source = &((Source *) self->active->pdata[i])->public;

      for (guint j = 0; source->items != NULL && j < g_list_model_get_n_items (source->items); j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (source->items, j);

          g_ptr_array_add (items, cf_account_item_new (source->account, item, source->error != NULL));
        }
    }
  g_list_store_splice (self->items, 0, before, items->pdata, items->len);
  g_signal_emit (self, signals[CHANGED], 0, account);
}

static void
source_free (Source *source)
{
  g_cancellable_cancel (source->cancellable);
  g_clear_object (&source->cancellable);
  g_clear_handle_id (&source->retry_id, g_source_remove);
  g_clear_pointer (&source->saved_path, g_free);
  g_clear_pointer (&source->public.as_of, g_date_time_unref);
  g_signal_handlers_disconnect_by_data (source->public.account, source);
  g_signal_handlers_disconnect_by_data (cf_account_get_platform (source->public.account), source);
  g_clear_object (&source->public.account);
  g_clear_object (&source->public.items);
  g_clear_error (&source->public.error);
  g_free (source);
}

static void load (Source *source);

static gboolean
retry_cb (gpointer user_data)
{
  Source *source = user_data;

  source->retry_id = 0;
  load (source);
  return G_SOURCE_REMOVE;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Source *source = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = cf_platform_list_all_finish (CF_PLATFORM (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  source->public.loading = FALSE;
  g_clear_error (&source->public.error);
  if (items != NULL)
    {
      g_set_object (&source->public.items, items);
      g_clear_pointer (&source->public.as_of, g_date_time_unref);
      source->public.as_of = g_date_time_new_now_utc ();
      source->attempt = 0;
      if (source->saved_path != NULL)
        cf_saved_list_save_leaving_out (source->saved_path, items,
                                        (const char * const *) source->list->private_members);
    }
  else
    {
      source->public.error = g_steal_pointer (&error);
      source->retry_id = g_timeout_add (cf_http_backoff_delay_ms (CF_HTTP_RELOAD_FIRST_MS, CF_HTTP_RELOAD_MAX_MS,
                                                                  source->attempt++),
                                        retry_cb, source);
    }
  changed (source->list, source->public.account);
}

static void
load (Source *source)
{
  g_clear_handle_id (&source->retry_id, g_source_remove);
  g_cancellable_cancel (source->cancellable);
  g_clear_object (&source->cancellable);
  source->cancellable = g_cancellable_new ();
  source->public.loading = TRUE;
  source->list->list_all (cf_account_get_platform (source->public.account), source->cancellable,
                          loaded_cb, source);
}

static gboolean
wanted (CfMergedList *self,
        CfAccount    *account)
{
  return cf_account_get_signed_in (account) && cf_platform_can (cf_account_get_platform (account), self->feature);
}

static void gather (CfMergedList *self);

/* An account signed in or out: its items come or go, the others stay. */
static void
signed_in_changed_cb (CfAccount  *account,
                      GParamSpec *pspec,
                      Source     *source)
{
  gather (source->list);
}

/* What an account's platform holds changed by itself: that source, and
 * only it, is asked again. */
static void
platform_changed_cb (CfPlatform *platform,
                     Source     *source)
{
  if (g_ptr_array_find (source->list->active, source, NULL))
    load (source);
}

static gint
find_source (GPtrArray *sources,
             CfAccount *account)
{
  for (guint i = 0; i < sources->len; i++)
    if (((Source *) sources->pdata[i])->public.account == account)
      return i;
  return -1;
}

static Source *
source_new (CfMergedList *self,
            CfAccount    *account)
{
  Source *source = g_new0 (Source, 1);

  source->list = self;
  source->public.account = g_object_ref (account);
  g_signal_connect (account, "notify::signed-in", G_CALLBACK (signed_in_changed_cb), source);
  g_signal_connect (cf_account_get_platform (account), "changed", G_CALLBACK (platform_changed_cb), source);
  return source;
}

/* Drops what an account gave once it no longer gives anything (it signed
 * out, or went), on disk too. */
static gboolean
empty (Source *source)
{
  gboolean had_any = source->public.items != NULL || source->public.error != NULL || source->public.loading;

  g_cancellable_cancel (source->cancellable);
  g_clear_handle_id (&source->retry_id, g_source_remove);
  g_clear_object (&source->public.items);
  g_clear_error (&source->public.error);
  g_clear_pointer (&source->public.as_of, g_date_time_unref);
  source->public.loading = FALSE;
  if (source->saved_path != NULL)
    cf_saved_list_forget (source->saved_path);
  g_clear_pointer (&source->saved_path, g_free);
  return had_any;
}

/* Shows what the account gave when last asked, perhaps in an earlier run,
 * while asking again; whether there was anything to show. */
static gboolean
start (CfMergedList *self,
       Source       *source)
{
  if (self->saved_name != NULL && source->saved_path == NULL)
    {
      source->saved_path = cf_account_dup_list_path (source->public.account, self->saved_name);
      source->public.items = cf_saved_list_load (source->saved_path, self->item_type, &source->public.as_of);
    }
  load (source);
  return source->public.items != NULL;
}

/* Keeps a source for every account, in the accounts' order: a wanted one
 * starts loading when it has nothing yet, an unwanted one is emptied, and
 * those of removed accounts go. */
static void
gather (CfMergedList *self)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->sources);
  guint n_accounts = g_list_model_get_n_items (self->accounts);
  gboolean any_changed = FALSE;

  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  g_ptr_array_set_size (self->active, 0);
  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(CfAccount) account = g_list_model_get_item (self->accounts, i);
      gint index = find_source (old, account);
      Source *source = index >= 0 ? g_ptr_array_steal_index (old, index) : source_new (self, account);

      g_ptr_array_add (self->sources, source);
      if (!wanted (self, account))
        {
          any_changed |= empty (source);
          continue;
        }
      g_ptr_array_add (self->active, source);
      if (source->public.items == NULL && !source->public.loading)
        any_changed |= start (self, source);
    }

  /* Accounts removed: what they gave goes with them. */
  for (guint i = 0; i < old->len; i++)
    empty (old->pdata[i]);
  if (any_changed || old->len > 0)
    changed (self, NULL);
}

/* The network came back: every account that failed is asked again now. */
static void
network_changed_cb (CfMergedList *self,
                    gboolean      available)
{
  for (guint i = 0; available && i < self->active->len; i++)
    {
      Source *source = self->active->pdata[i];

      if (source->public.error != NULL && !source->public.loading)
        load (source);
    }
}

static void
cf_merged_list_dispose (GObject *object)
{
  CfMergedList *self = CF_MERGED_LIST (object);

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_signal_handlers_disconnect_by_data (g_network_monitor_get_default (), self);
  g_clear_pointer (&self->active, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->saved_name, g_free);
  g_clear_pointer (&self->private_members, g_strfreev);

  G_OBJECT_CLASS (cf_merged_list_parent_class)->dispose (object);
}

static void
cf_merged_list_class_init (CfMergedListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_merged_list_dispose;

  /**
   * CfMergedList::changed:
   * @account: (nullable): the account whose load ended, or NULL when
   *   accounts came, went, or signed out
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, CF_TYPE_ACCOUNT);
}

static void
cf_merged_list_init (CfMergedList *self)
{
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  self->active = g_ptr_array_new ();
  self->items = g_list_store_new (CF_TYPE_ACCOUNT_ITEM);
  g_signal_connect_swapped (self->items, "items-changed", G_CALLBACK (g_list_model_items_changed), self);
}

/* The list of @item_type that @list_all gives, from every account of
 * @accounts signed in on a platform that has @feature, kept on disk under
 * @saved_name (or not, when NULL). Loading starts at once. */
CfMergedList *
cf_merged_list_new (GListModel         *accounts,
                    CfPlatformFeatures  feature,
                    CfListAllFunc       list_all,
                    GType               item_type,
                    const char         *saved_name)
{
  CfMergedList *self = g_object_new (CF_TYPE_MERGED_LIST, NULL);

  self->accounts = g_object_ref (accounts);
  self->feature = feature;
  self->list_all = list_all;
  self->item_type = item_type;
  self->saved_name = g_strdup (saved_name);
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (gather), self);
  g_signal_connect_swapped (g_network_monitor_get_default (), "network-changed",
                            G_CALLBACK (network_changed_cb), self);
  gather (self);
  return self;
}

/* Asks every account again; what each gave stays until its answer. */
void
cf_merged_list_reload (CfMergedList *self)
{
  g_return_if_fail (CF_IS_MERGED_LIST (self));

  for (guint i = 0; i < self->active->len; i++)
    load (self->active->pdata[i]);
}

/* How many accounts give the list: those signed in where it exists. */
guint
cf_merged_list_get_n_sources (CfMergedList *self)
{
  g_return_val_if_fail (CF_IS_MERGED_LIST (self), 0);

  return self->active->len;
}

const CfMergedSource *
cf_merged_list_get_source (CfMergedList *self,
                           guint         index)
{
  g_return_val_if_fail (CF_IS_MERGED_LIST (self), NULL);
  g_return_val_if_fail (index < self->active->len, NULL);

  return &((Source *) self->active->pdata[index])->public;
}

/* Whether some account has not answered yet. */
gboolean
cf_merged_list_get_loading (CfMergedList *self)
{
  g_return_val_if_fail (CF_IS_MERGED_LIST (self), FALSE);

  for (guint i = 0; i < self->active->len; i++)
    if (((Source *) self->active->pdata[i])->public.loading)
      return TRUE;
  return FALSE;
}

/* Why the first account that failed did, or NULL when none did. */
const GError *
cf_merged_list_get_error (CfMergedList *self)
{
  g_return_val_if_fail (CF_IS_MERGED_LIST (self), NULL);

  for (guint i = 0; i < self->active->len; i++)
    if (((Source *) self->active->pdata[i])->public.error != NULL)
      return ((Source *) self->active->pdata[i])->public.error;
  return NULL;
}

/* Members of each item that the kept lists leave out: what the list is
 * kept for does not need them, and the cache folder is no place for them. */
void
cf_merged_list_keep_without (CfMergedList       *self,
                             const char * const *members)
{
  g_return_if_fail (CF_IS_MERGED_LIST (self));

  g_strfreev (self->private_members);
  self->private_members = g_strdupv ((char **) members);
}
