/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-campaign-list"

#include "config.h"

#include "cf-campaign-list.h"
#include "cf-http-client.h"
#include "cf-saved-list.h"

/* The campaigns matching a query, a page at a time, as a GListModel. Each
 * page is spliced in at once; a new query replaces the items only when its
 * first page arrives, so what is on screen stays until there is better, and
 * a failure keeps the last items with the error beside them. After a
 * failure the list asks again by itself, less and less often, and at once
 * when the network comes back. */
struct _CfCampaignList
{
  GObject parent_instance;

  CfPlatform *platform;
  GPtrArray *items;
  CfCampaignQuery query;
  char *search;
  char *category;
  char *next_cursor;
  gboolean has_more;
  gboolean replace_on_arrival;
  GCancellable *cancellable;
  GError *error;
  char *saved_path;     /* where the first page of the usual query is kept */
  GDateTime *saved_at;  /* while the items are that kept page */
  guint retry_id;
  guint attempt;        /* failed loads in a row */
};

enum {
  PROP_0,
  PROP_LOADING,
  PROP_HAS_MORE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cf_campaign_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfCampaignList, cf_campaign_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cf_campaign_list_model_init))

static GType
cf_campaign_list_get_item_type (GListModel *model)
{
  return CF_TYPE_CAMPAIGN;
}

static guint
cf_campaign_list_get_n_items (GListModel *model)
{
  return CF_CAMPAIGN_LIST (model)->items->len;
}

static gpointer
cf_campaign_list_get_item (GListModel *model,
                           guint       position)
{
  CfCampaignList *self = CF_CAMPAIGN_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
cf_campaign_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cf_campaign_list_get_item_type;
  iface->get_n_items = cf_campaign_list_get_n_items;
  iface->get_item = cf_campaign_list_get_item;
}

static void
set_error (CfCampaignList *self,
           GError         *error)
{
  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
splice_page (CfCampaignList *self,
             CfPage         *page)
{
  GListModel *items = cf_page_get_items (page);
  guint n_new = g_list_model_get_n_items (items);
  guint removed = self->replace_on_arrival ? self->items->len : 0;
  guint position = self->items->len - removed;

  if (removed > 0)
    g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (items, i));

  self->replace_on_arrival = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, n_new);
}

/* What Explore asks for first: live campaigns, most popular first. */
static gboolean
is_usual_query (const CfCampaignQuery *query)
{
  return (query->search == NULL || *query->search == '\0') && query->category == NULL &&
         query->filter == CF_CAMPAIGN_FILTER_LIVE && query->sort == CF_CAMPAIGN_SORT_POPULAR;
}

/* The kept first page, when the usual query's first page failed and
 * nothing is shown. */
static void
show_saved (CfCampaignList *self)
{
  g_autoptr(GListModel) saved = NULL;
  GDateTime *saved_at = NULL;

  if (self->saved_path == NULL || self->items->len > 0 || !is_usual_query (&self->query))
    return;
  saved = cf_saved_list_load (self->saved_path, CF_TYPE_CAMPAIGN, &saved_at);
  if (saved == NULL)
    return;

  self->saved_at = saved_at;
  for (guint i = 0; i < g_list_model_get_n_items (saved); i++)
    g_ptr_array_add (self->items, g_list_model_get_item (saved, i));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->items->len);
}

static gboolean
retry_cb (gpointer user_data)
{
  CfCampaignList *self = user_data;

  self->retry_id = 0;
  cf_campaign_list_reload (self);
  return G_SOURCE_REMOVE;
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    CfCampaignList  *self)
{
  if (available && self->error != NULL && self->cancellable == NULL)
    cf_campaign_list_reload (self);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CfCampaignList *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = cf_platform_list_finish (CF_PLATFORM (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (page == NULL)
    {
      show_saved (self);
      set_error (self, g_steal_pointer (&error));
      if (self->retry_id == 0)
        self->retry_id = g_timeout_add (cf_http_backoff_delay_ms (CF_HTTP_RELOAD_FIRST_MS, CF_HTTP_RELOAD_MAX_MS,
                                                                  self->attempt++),
                                        retry_cb, self);
    }
  else
    {
      self->attempt = 0;
      g_free (self->next_cursor);
      self->next_cursor = g_strdup (cf_page_get_next_cursor (page));
      self->has_more = self->next_cursor != NULL;
      if (self->error != NULL)
        set_error (self, NULL);
      if (self->replace_on_arrival && self->saved_path != NULL && is_usual_query (&self->query))
        cf_saved_list_save (self->saved_path, cf_page_get_items (page));
      if (self->replace_on_arrival)
        g_clear_pointer (&self->saved_at, g_date_time_unref);
      splice_page (self, page);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
request_page (CfCampaignList *self,
              const char     *cursor)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  cf_platform_list_campaigns_async (self->platform, &self->query, cursor, self->cancellable,
                                    page_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
cf_campaign_list_dispose (GObject *object)
{
  CfCampaignList *self = CF_CAMPAIGN_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_object (&self->platform);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_pointer (&self->saved_path, g_free);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cf_campaign_list_parent_class)->dispose (object);
}

static void
cf_campaign_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfCampaignList *self = CF_CAMPAIGN_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, cf_campaign_list_get_loading (self));
      break;
    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_campaign_list_class_init (CfCampaignListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_campaign_list_dispose;
  object_class->get_property = cf_campaign_list_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_campaign_list_init (CfCampaignList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->query.filter = CF_CAMPAIGN_FILTER_LIVE;
  self->query.sort = CF_CAMPAIGN_SORT_POPULAR;
}

CfCampaignList *
cf_campaign_list_new (CfPlatform *platform)
{
  CfCampaignList *self = g_object_new (CF_TYPE_CAMPAIGN_LIST, NULL);

  self->platform = g_object_ref (platform);
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed", G_CALLBACK (network_changed_cb),
                           self, 0);
  return self;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

/* Asks for the first page of @query, cancelling whatever was under way;
 * the query already shown, or on its way, is not asked again. */
void
cf_campaign_list_set_query (CfCampaignList        *self,
                            const CfCampaignQuery *query)
{
  gboolean asked;

  g_return_if_fail (CF_IS_CAMPAIGN_LIST (self));

  /* Campaigns kept from an earlier run are not an answer. */
  asked = self->cancellable != NULL || (self->items->len > 0 && self->saved_at == NULL);
  if (asked && same_text (query->search, self->search) && same_text (query->category, self->category) &&
      query->filter == self->query.filter && query->sort == self->query.sort)
    return;

  g_free (self->search);
  g_free (self->category);
  self->search = g_strdup (query->search);
  self->category = g_strdup (query->category);
  self->query = *query;
  self->query.search = self->search;
  self->query.category = self->category;
  cf_campaign_list_reload (self);
}

void
cf_campaign_list_reload (CfCampaignList *self)
{
  g_return_if_fail (CF_IS_CAMPAIGN_LIST (self));

  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->replace_on_arrival = TRUE;
  request_page (self, NULL);
}

/* The next page, unless one is on its way or there is none. */
void
cf_campaign_list_load_more (CfCampaignList *self)
{
  g_return_if_fail (CF_IS_CAMPAIGN_LIST (self));

  if (self->cancellable != NULL || !self->has_more || self->replace_on_arrival)
    return;

  request_page (self, self->next_cursor);
}

gboolean
cf_campaign_list_get_loading (CfCampaignList *self)
{
  return self->cancellable != NULL;
}

gboolean
cf_campaign_list_get_has_more (CfCampaignList *self)
{
  return self->has_more;
}

/* Keeps the first page of the usual query at @path, and shows the one kept
 * there when the platform cannot give it: with the platform down, the
 * campaigns of the last run are still there. */
void
cf_campaign_list_keep_first_page (CfCampaignList *self,
                                  const char     *path)
{
  g_return_if_fail (CF_IS_CAMPAIGN_LIST (self));

  g_free (self->saved_path);
  self->saved_path = g_strdup (path);
}

/* When the campaigns shown are those kept from an earlier run, or NULL. */
GDateTime *
cf_campaign_list_get_saved_at (CfCampaignList *self)
{
  g_return_val_if_fail (CF_IS_CAMPAIGN_LIST (self), NULL);

  return self->saved_at;
}

const GError *
cf_campaign_list_get_error (CfCampaignList *self)
{
  return self->error;
}
