/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-explore-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-campaign-card.h"
#include "cf-campaign-list.h"
#include "cf-category.h"
#include "cf-error-banner.h"
#include "cf-explore-page.h"
#include "cf-format.h"
#include "cf-saved-list.h"
#include "cf-spinner.h"
#include "cf-widget-util.h"

/* Browsing and searching the platform's campaigns: the query is asked of
 * the platform as the person types, and pages load as they scroll. */
struct _CfExplorePage
{
  GtkWidget parent_instance;

  GtkDropDown *category_drop_down;
  GtkStack *content_stack;
  GtkDropDown *platform_drop_down;
  CfErrorBanner *error_banner;
  AdwStatusPage *error_status_page;
  GtkGridView *grid_view;
  CfSpinner *more_spinner;
  GtkScrolledWindow *scrolled_window;
  GtkSearchEntry *search_entry;
  GtkDropDown *sort_drop_down;
  GtkDropDown *state_drop_down;

  GListModel *accounts;
  CfPlatform *platform;
  CfImageCache *image_cache;
  CfApproximation *approximation;
  CfAccount *account;       /* whose platform is browsed */
  CfCampaignList *campaigns;
  GPtrArray *category_slugs;
  GCancellable *cancellable;
};

enum {
  CAMPAIGN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Translators: the first entry of the category menu. */
static const char * const all_categories[] = { N_("All Categories") };

static void platform_chosen_cb (CfExplorePage *self);

G_DEFINE_FINAL_TYPE (CfExplorePage, cf_explore_page, GTK_TYPE_WIDGET)

/* In the order of the state menu. */
static const CfCampaignFilter filters[] = {
  CF_CAMPAIGN_FILTER_LIVE, CF_CAMPAIGN_FILTER_UPCOMING, CF_CAMPAIGN_FILTER_ENDED, CF_CAMPAIGN_FILTER_ALL,
};

/* In the order of the sort menu. */
static const CfCampaignSort sorts[] = {
  CF_CAMPAIGN_SORT_POPULAR, CF_CAMPAIGN_SORT_NEWEST, CF_CAMPAIGN_SORT_ENDING_SOON,
  CF_CAMPAIGN_SORT_MOST_FUNDED, CF_CAMPAIGN_SORT_MOST_BACKED,
};

static void
apply_query (CfExplorePage *self)
{
  guint category = gtk_drop_down_get_selected (self->category_drop_down);
  CfCampaignQuery query = {
    .search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .category = category > 0 && category < self->category_slugs->len
                ? g_ptr_array_index (self->category_slugs, category) : NULL,
    .filter = filters[MIN (gtk_drop_down_get_selected (self->state_drop_down), G_N_ELEMENTS (filters) - 1)],
    .sort = sorts[MIN (gtk_drop_down_get_selected (self->sort_drop_down), G_N_ELEMENTS (sorts) - 1)],
  };

  if (self->campaigns != NULL)
    cf_campaign_list_set_query (self->campaigns, &query);
}

static void
search_changed_cb (CfExplorePage *self)
{
  apply_query (self);
}

/* Escape in the search clears it, and the whole catalogue comes back. */
static void
stop_search_cb (CfExplorePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
query_changed_cb (CfExplorePage *self)
{
  apply_query (self);
}

static void
campaign_activated_cb (CfExplorePage *self,
                       guint          position)
{
  g_autoptr(CfCampaign) campaign = g_list_model_get_item (G_LIST_MODEL (self->campaigns), position);

  if (campaign != NULL)
    g_signal_emit (self, signals[CAMPAIGN_ACTIVATED], 0, self->account, campaign);
}

/* The failure, and how old the campaigns shown are when they were kept
 * from an earlier run. */
static char *
dup_stale_message (CfExplorePage *self,
                   const GError  *error)
{
  GDateTime *saved_at = cf_campaign_list_get_saved_at (self->campaigns);
  g_autofree char *as_of = NULL;

  if (saved_at == NULL)
    return g_strdup (error->message);
  as_of = cf_format_as_of (saved_at);
  /* Translators: campaigns kept from an earlier run, as in “Shown as of 1 December 2026, 09:30: the platform cannot be reached.” */
  return g_strdup_printf (_("Shown as of %s: %s"), as_of, error->message);
}

static void
update_content (CfExplorePage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->campaigns));
  gboolean loading = cf_campaign_list_get_loading (self->campaigns);
  const GError *error = cf_campaign_list_get_error (self->campaigns);
  const char *page = n_items > 0 ? "campaigns" : loading ? "loading" : error ? "error" : "empty";

  gtk_stack_set_visible_child_name (self->content_stack, page);
  cf_spinner_set_spinning (self->more_spinner, loading && n_items > 0);
  if (error != NULL && n_items > 0 && !loading)
    {
      g_autofree char *message = dup_stale_message (self, error);

      cf_error_banner_show (self->error_banner, message);
    }
  else
    cf_error_banner_hide (self->error_banner);
  if (error != NULL)
    adw_status_page_set_description (self->error_status_page, error->message);
}

/* Asks for the next page when the end is less than a screen away, or when
 * the first pages do not fill the window. */
static void
maybe_load_more (CfExplorePage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment)
                - gtk_adjustment_get_page_size (adjustment);

  if (self->campaigns != NULL && left < gtk_adjustment_get_page_size (adjustment))
    cf_campaign_list_load_more (self->campaigns);
}

static void
campaigns_changed_cb (CfExplorePage *self)
{
  update_content (self);
  maybe_load_more (self);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CfExplorePage            *self)
{
  GtkWidget *card = cf_campaign_card_new (self->image_cache, self->approximation);

  cf_campaign_card_set_show_platform (CF_CAMPAIGN_CARD (card), g_list_model_get_n_items (self->accounts) > 1);
  gtk_list_item_set_child (item, card);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CfExplorePage            *self)
{
  cf_campaign_card_set_campaign (CF_CAMPAIGN_CARD (gtk_list_item_get_child (item)), self->account,
                                 gtk_list_item_get_item (item));
}

static GtkStringList *
string_list (const char * const *labels,
             guint               n_labels)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (list, g_dgettext (GETTEXT_PACKAGE, labels[i]));

  return list;
}

static void
categories_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = cf_platform_list_finish (CF_PLATFORM (object), result, &error);
  CfExplorePage *self;
  GListModel *categories;
  GtkStringList *names;

  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("categories: %s", error->message);
      return;
    }

  self = CF_EXPLORE_PAGE (user_data);
  categories = cf_page_get_items (page);
  names = GTK_STRING_LIST (gtk_drop_down_get_model (self->category_drop_down));
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(CfCategory) category = g_list_model_get_item (categories, i);

      g_ptr_array_add (self->category_slugs, g_strdup (cf_category_get_slug (category)));
      gtk_string_list_append (names, cf_category_get_name (category));
    }
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cf_explore_page_reload (CF_EXPLORE_PAGE (widget));
}

static void
cf_explore_page_dispose (GObject *object)
{
  CfExplorePage *self = CF_EXPLORE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->campaigns != NULL)
    g_signal_handlers_disconnect_by_data (self->campaigns, self);
  g_clear_object (&self->campaigns);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->platform);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->approximation);
  g_clear_object (&self->account);
  g_clear_pointer (&self->category_slugs, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_EXPLORE_PAGE);
  cf_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (cf_explore_page_parent_class)->dispose (object);
}

static void
cf_explore_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CfExplorePage *self = CF_EXPLORE_PAGE (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_explore_page_class_init (CfExplorePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_explore_page_dispose;
  object_class->get_property = cf_explore_page_get_property;
  g_type_ensure (CF_TYPE_ERROR_BANNER);

  /* The account whose platform is browsed. */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, CF_TYPE_ACCOUNT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfExplorePage::campaign-activated:
   * @account: the account whose platform has the campaign
   * @campaign: the campaign
   *
   * A person chose a campaign to read.
   */
  signals[CAMPAIGN_ACTIVATED] =
    g_signal_new ("campaign-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, CF_TYPE_ACCOUNT, CF_TYPE_CAMPAIGN);

  g_type_ensure (CF_TYPE_SPINNER);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-explore-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, category_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, error_banner);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, grid_view);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, platform_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, more_spinner);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, sort_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CfExplorePage, state_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, campaign_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, platform_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_install_action (widget_class, "explore.reload", NULL, reload_action);
}

static void
cf_explore_page_init (CfExplorePage *self)
{
  /* Translators: a menu of campaigns to show: taking pledges, not launched yet, finished, or all. */
  static const char * const states[] = { N_("Live"), N_("Upcoming"), N_("Ended"), N_("All Campaigns") };
  static const char * const orders[] = {
    N_("Popular"), N_("Newest"), N_("Ending Soon"), N_("Most Funded"), N_("Most Backed"),
  };
  g_autoptr(GtkExpression) label = gtk_property_expression_new (CF_TYPE_ACCOUNT, NULL, "label");

  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_defer_status_icons (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  self->category_slugs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->category_slugs, NULL);

  g_signal_handlers_block_by_func (self->category_drop_down, query_changed_cb, self);
  g_signal_handlers_block_by_func (self->state_drop_down, query_changed_cb, self);
  g_signal_handlers_block_by_func (self->sort_drop_down, query_changed_cb, self);
  gtk_drop_down_set_model (self->category_drop_down, G_LIST_MODEL (string_list (all_categories, 1)));
  gtk_drop_down_set_model (self->state_drop_down, G_LIST_MODEL (string_list (states, G_N_ELEMENTS (states))));
  gtk_drop_down_set_model (self->sort_drop_down, G_LIST_MODEL (string_list (orders, G_N_ELEMENTS (orders))));
  g_signal_handlers_unblock_by_func (self->category_drop_down, query_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->state_drop_down, query_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->sort_drop_down, query_changed_cb, self);

  gtk_drop_down_set_expression (self->platform_drop_down, label);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "value-changed",
                            G_CALLBACK (maybe_load_more), self);
}

/* Browses @account's platform: new cards, which show the campaigns as the
 * account sees them, and the platform's own categories. */

/* The menus of categories, states and orders the platform has; where
 * every campaign is open for good, there is nothing to filter or order by.
 * Each menu is a flow box's child, hidden with it, and the flow box with
 * the last of them. */
static void
show_query_controls (CfExplorePage *self)
{
  GtkWidget *controls[] = {
    GTK_WIDGET (self->category_drop_down), GTK_WIDGET (self->state_drop_down), GTK_WIDGET (self->sort_drop_down),
  };
  gboolean shown[] = {
    cf_platform_can (self->platform, CF_PLATFORM_FEATURE_CATEGORIES),
    cf_platform_can (self->platform, CF_PLATFORM_FEATURE_FILTER_AND_SORT),
    cf_platform_can (self->platform, CF_PLATFORM_FEATURE_FILTER_AND_SORT),
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      gtk_widget_set_visible (gtk_widget_get_parent (controls[i]), shown[i]);
      any = any || shown[i];
    }
  gtk_widget_set_visible (gtk_widget_get_ancestor (controls[0], GTK_TYPE_FLOW_BOX), any);
}

static void
browse (CfExplorePage *self,
        CfAccount     *account)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *saved_path = NULL;

  if (self->account == account)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->campaigns != NULL)
    g_signal_handlers_disconnect_by_data (self->campaigns, self);
  g_clear_object (&self->campaigns);
  g_set_object (&self->account, account);
  g_set_object (&self->platform, cf_account_get_platform (account));

  g_ptr_array_set_size (self->category_slugs, 1);
  g_signal_handlers_block_by_func (self->category_drop_down, query_changed_cb, self);
  gtk_drop_down_set_model (self->category_drop_down, G_LIST_MODEL (string_list (all_categories, 1)));
  g_signal_handlers_unblock_by_func (self->category_drop_down, query_changed_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry),
                            cf_platform_can (self->platform, CF_PLATFORM_FEATURE_SEARCH));
  show_query_controls (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);

  self->campaigns = cf_campaign_list_new (self->platform);
  saved_path = cf_account_dup_platform_list_path (account, "explore");
  cf_campaign_list_keep_first_page (self->campaigns, saved_path);
  g_signal_connect_swapped (self->campaigns, "items-changed", G_CALLBACK (campaigns_changed_cb), self);
  g_signal_connect_swapped (self->campaigns, "notify::loading", G_CALLBACK (update_content), self);
  g_signal_connect_swapped (self->campaigns, "notify::error", G_CALLBACK (update_content), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->campaigns)));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));

  if (cf_platform_can (self->platform, CF_PLATFORM_FEATURE_CATEGORIES))
    cf_platform_list_categories_async (self->platform, self->cancellable, categories_cb, self);
  apply_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

static void
platform_chosen_cb (CfExplorePage *self)
{
  CfAccount *account = gtk_drop_down_get_selected_item (self->platform_drop_down);

  if (account != NULL)
    browse (self, account);
}

/* The platform menu is there when there is a choice. */
static void
accounts_changed_cb (CfExplorePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->platform_drop_down), g_list_model_get_n_items (self->accounts) > 1);
}

/* Offers the platforms of @accounts, loading pictures through @image_cache
 * and approximating amounts through @approximation. */
void
cf_explore_page_set_accounts (CfExplorePage   *self,
                              GListModel      *accounts,
                              CfImageCache    *image_cache,
                              CfApproximation *approximation)
{
  g_return_if_fail (CF_IS_EXPLORE_PAGE (self));

  g_set_object (&self->image_cache, image_cache);
  g_set_object (&self->approximation, approximation);
  g_set_object (&self->accounts, accounts);
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_handlers_block_by_func (self->platform_drop_down, platform_chosen_cb, self);
  gtk_drop_down_set_model (self->platform_drop_down, accounts);
  g_signal_handlers_unblock_by_func (self->platform_drop_down, platform_chosen_cb, self);
  accounts_changed_cb (self);
}

/* Browses @account's platform, one of those set. */
void
cf_explore_page_set_account (CfExplorePage *self,
                             CfAccount     *account)
{
  g_return_if_fail (CF_IS_EXPLORE_PAGE (self));

  for (guint i = 0; i < g_list_model_get_n_items (self->accounts); i++)
    {
      g_autoptr(CfAccount) item = g_list_model_get_item (self->accounts, i);

      if (item != account)
        continue;
      g_signal_handlers_block_by_func (self->platform_drop_down, platform_chosen_cb, self);
      gtk_drop_down_set_selected (self->platform_drop_down, i);
      g_signal_handlers_unblock_by_func (self->platform_drop_down, platform_chosen_cb, self);
    }
  browse (self, account);
}

CfAccount *
cf_explore_page_get_account (CfExplorePage *self)
{
  g_return_val_if_fail (CF_IS_EXPLORE_PAGE (self), NULL);

  return self->account;
}

void
cf_explore_page_focus_search (CfExplorePage *self)
{
  g_return_if_fail (CF_IS_EXPLORE_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
cf_explore_page_reload (CfExplorePage *self)
{
  g_return_if_fail (CF_IS_EXPLORE_PAGE (self));

  if (self->campaigns != NULL)
    cf_campaign_list_reload (self->campaigns);
}
