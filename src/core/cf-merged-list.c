/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-merged-list"

#include "config.h"

#include "cf-merged-list.h"

/* One list (pledges, followed campaigns, a creator's campaigns) gathered
 * from every signed-in account whose platform has it. Each account loads
 * on its own: a slow or broken platform delays only its own items, and a
 * failed load keeps what that account gave last, marked with the failure. */
struct _CfMergedList
{
  GObject parent_instance;

  GListModel *accounts;
  CfPlatformFeatures feature;
  CfListAllFunc list_all;
  GPtrArray *sources;  /* of Source, one per account, in their order */
  GPtrArray *active;   /* the sources of the accounts that give the list */
};

typedef struct
{
  CfMergedSource public;
  CfMergedList *list;  /* unowned */
  GCancellable *cancellable;
} Source;

G_DEFINE_FINAL_TYPE (CfMergedList, cf_merged_list, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
source_free (Source *source)
{
  g_cancellable_cancel (source->cancellable);
  g_clear_object (&source->cancellable);
  g_signal_handlers_disconnect_by_data (source->public.account, source);
  g_clear_object (&source->public.account);
  g_clear_object (&source->public.items);
  g_clear_error (&source->public.error);
  g_free (source);
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
    g_set_object (&source->public.items, items);
  else
    source->public.error = g_steal_pointer (&error);
  g_signal_emit (source->list, signals[CHANGED], 0, source->public.account);
}

static void
load (Source *source)
{
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
  return source;
}

/* Drops what an account gave, once it no longer gives anything. */
static gboolean
empty (Source *source)
{
  gboolean had_any = source->public.items != NULL || source->public.error != NULL || source->public.loading;

  g_cancellable_cancel (source->cancellable);
  g_clear_object (&source->public.items);
  g_clear_error (&source->public.error);
  source->public.loading = FALSE;
  return had_any;
}

/* Keeps a source for every account, in the accounts' order: a wanted one
 * starts loading when it has nothing yet, an unwanted one is emptied, and
 * those of removed accounts go. */
static void
gather (CfMergedList *self)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->sources);
  guint n_accounts = g_list_model_get_n_items (self->accounts);
  gboolean changed = FALSE;

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
          changed |= empty (source);
          continue;
        }
      g_ptr_array_add (self->active, source);
      if (source->public.items == NULL && !source->public.loading)
        load (source);
    }

  if (changed || old->len > 0)
    g_signal_emit (self, signals[CHANGED], 0, NULL);
}

static void
cf_merged_list_dispose (GObject *object)
{
  CfMergedList *self = CF_MERGED_LIST (object);

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_pointer (&self->active, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_object (&self->accounts);

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
}

/* The list that @list_all gives, from every account of @accounts signed in
 * on a platform that has @feature. Loading starts at once. */
CfMergedList *
cf_merged_list_new (GListModel         *accounts,
                    CfPlatformFeatures  feature,
                    CfListAllFunc       list_all)
{
  CfMergedList *self = g_object_new (CF_TYPE_MERGED_LIST, NULL);

  self->accounts = g_object_ref (accounts);
  self->feature = feature;
  self->list_all = list_all;
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (gather), self);
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
