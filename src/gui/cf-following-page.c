/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-following-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-campaign-card.h"
#include "cf-error-banner.h"
#include "cf-following-page.h"
#include "cf-merged-list.h"
#include "cf-spinner.h"
#include "cf-widget-util.h"

/* The Following view: the campaigns the person follows, with their figures,
 * the one ending soonest first. */
struct _CfFollowingPage
{
  GtkWidget parent_instance;

  AdwStatusPage *error_status_page;
  GtkGridView *grid_view;
  CfErrorBanner *kept_banner;
  GtkStack *stack;

  GListModel *accounts;
  CfMergedList *following;
  CfImageCache *image_cache;
  CfApproximation *approximation;
};

G_DEFINE_FINAL_TYPE (CfFollowingPage, cf_following_page, GTK_TYPE_WIDGET)

enum
{
  CAMPAIGN_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Soonest deadline first; campaigns without one last. */
static int
compare_deadlines (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GDateTime *first = cf_campaign_get_deadline (cf_account_item_get_item ((CfAccountItem *) a));
  GDateTime *second = cf_campaign_get_deadline (cf_account_item_get_item ((CfAccountItem *) b));

  if (first == NULL || second == NULL)
    return (first == NULL) - (second == NULL);
  return g_date_time_compare (first, second);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CfFollowingPage          *self)
{
  gtk_list_item_set_child (item, cf_campaign_card_new (self->image_cache, self->approximation));
}

/* Cards say which platform a campaign is on when there are several. */
static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CfFollowingPage          *self)
{
  CfCampaignCard *card = CF_CAMPAIGN_CARD (gtk_list_item_get_child (item));
  CfAccountItem *followed = gtk_list_item_get_item (item);

  cf_campaign_card_set_show_platform (card, g_list_model_get_n_items (self->accounts) > 1);
  cf_campaign_card_set_campaign (card, cf_account_item_get_account (followed), cf_account_item_get_item (followed));
}

static void
campaign_activated_cb (CfFollowingPage *self,
                       guint            position)
{
  GListModel *shown = G_LIST_MODEL (gtk_grid_view_get_model (self->grid_view));
  g_autoptr(CfAccountItem) followed = g_list_model_get_item (shown, position);

  g_signal_emit (self, signals[CAMPAIGN_ACTIVATED], 0, cf_account_item_get_account (followed),
                 cf_account_item_get_item (followed));
}

/* An account learns what it follows from the list, fresh or kept from an
 * earlier visit: campaigns shown elsewhere, read before it signed in, then
 * say so. */
static void
tell_followed (CfFollowingPage *self,
               CfAccount       *account)
{
  for (guint i = 0; i < cf_merged_list_get_n_sources (self->following); i++)
    {
      const CfMergedSource *source = cf_merged_list_get_source (self->following, i);

      if (source->account == account && source->items != NULL)
        cf_account_set_followed (account, source->items);
    }
}

/* Every account's campaigns in one grid, which binds the list; an account
 * whose platform failed keeps what it gave last, and the banner says so. */
static void
following_changed_cb (CfFollowingPage *self,
                      CfAccount       *account)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->following)) > 0;

  if (account != NULL)
    tell_followed (self, account);
  cf_widget_show_merged_state (self->stack, self->following, any, "campaigns", self->error_status_page);
  cf_error_banner_show_kept (self->kept_banner, self->following, any);
}

/* Asks every platform again; what is shown stays until the answers come. */
void
cf_following_page_reload (CfFollowingPage *self)
{
  g_return_if_fail (CF_IS_FOLLOWING_PAGE (self));

  if (self->following != NULL)
    cf_merged_list_reload (self->following);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cf_following_page_reload (CF_FOLLOWING_PAGE (widget));
}

static void
cf_following_page_dispose (GObject *object)
{
  CfFollowingPage *self = CF_FOLLOWING_PAGE (object);

  if (self->following != NULL)
    g_signal_handlers_disconnect_by_data (self->following, self);
  g_clear_object (&self->following);
  g_clear_object (&self->accounts);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->approximation);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_FOLLOWING_PAGE);
  cf_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (cf_following_page_parent_class)->dispose (object);
}

static void
cf_following_page_class_init (CfFollowingPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_following_page_dispose;

  /**
   * CfFollowingPage::campaign-activated:
   * @account: the account that follows the campaign
   * @campaign: the campaign
   *
   * A person chose a followed campaign to read.
   */
  signals[CAMPAIGN_ACTIVATED] =
    g_signal_new ("campaign-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, CF_TYPE_ACCOUNT, CF_TYPE_CAMPAIGN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CF_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-following-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfFollowingPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, CfFollowingPage, grid_view);
  gtk_widget_class_bind_template_child (widget_class, CfFollowingPage, kept_banner);
  gtk_widget_class_bind_template_child (widget_class, CfFollowingPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, campaign_activated_cb);
  gtk_widget_class_install_action (widget_class, "following.reload", NULL, reload_action);
}

static void
cf_following_page_init (CfFollowingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_defer_status_icons (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  cf_widget_show_when_first_mapped (GTK_WIDGET (self), GTK_WIDGET (self->stack));
}

/* Shows what every account of @accounts follows, as they sign in and out,
 * amounts approximated through @approximation. */
void
cf_following_page_set_accounts (CfFollowingPage *self,
                                GListModel      *accounts,
                                CfImageCache    *image_cache,
                                CfApproximation *approximation)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkSortListModel *sorted;

  g_return_if_fail (CF_IS_FOLLOWING_PAGE (self));
  g_return_if_fail (self->following == NULL);

  self->accounts = g_object_ref (accounts);
  self->image_cache = g_object_ref (image_cache);
  self->approximation = g_object_ref (approximation);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  gtk_grid_view_set_factory (self->grid_view, factory);
  self->following = cf_merged_list_new (accounts, CF_PLATFORM_FEATURE_FOLLOW, cf_platform_list_all_following_async,
                                         CF_TYPE_CAMPAIGN, "following");
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->following)),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_deadlines, NULL, NULL)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_swapped (self->following, "changed", G_CALLBACK (following_changed_cb), self);
  following_changed_cb (self, NULL);
}
