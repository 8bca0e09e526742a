/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-following-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-campaign-card.h"
#include "cf-following-page.h"
#include "cf-widget-util.h"

/* The Following view: the campaigns the person follows, with their figures,
 * the one ending soonest first. */
struct _CfFollowingPage
{
  GtkWidget parent_instance;

  AdwStatusPage *error_status_page;
  GtkFlowBox *flow_box;
  GtkStack *stack;

  CfPlatform *platform;
  CfAccount *account;
  CfImageCache *image_cache;
  GListStore *campaigns;
  GCancellable *cancellable;
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
                   gpointer      data)
{
  GDateTime *first = cf_campaign_get_deadline ((CfCampaign *) a);
  GDateTime *second = cf_campaign_get_deadline ((CfCampaign *) b);

  if (first == NULL || second == NULL)
    return (first == NULL) - (second == NULL);
  return g_date_time_compare (first, second);
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  CfFollowingPage *self = user_data;
  GtkWidget *card = cf_campaign_card_new (self->image_cache, self->account);

  cf_campaign_card_set_campaign (CF_CAMPAIGN_CARD (card), item);
  return card;
}

static void
child_activated_cb (CfFollowingPage *self,
                    GtkFlowBoxChild *child)
{
  g_autoptr(CfCampaign) campaign = g_list_model_get_item (G_LIST_MODEL (self->campaigns),
                                                          gtk_flow_box_child_get_index (child));

  g_signal_emit (self, signals[CAMPAIGN_ACTIVATED], 0, campaign);
}

static void
following_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) campaigns = cf_platform_list_all_finish (CF_PLATFORM (object), result, &error);
  CfFollowingPage *self;
  guint n_campaigns;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_FOLLOWING_PAGE (user_data);
  n_campaigns = g_list_model_get_n_items (G_LIST_MODEL (self->campaigns));
  if (campaigns == NULL)
    {
      /* What was shown stays; the failure is told over it. */
      if (n_campaigns > 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      else
        {
          adw_status_page_set_description (self->error_status_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  g_list_store_remove_all (self->campaigns);
  for (guint i = 0; i < g_list_model_get_n_items (campaigns); i++)
    {
      g_autoptr(CfCampaign) campaign = g_list_model_get_item (campaigns, i);

      g_list_store_insert_sorted (self->campaigns, campaign, compare_deadlines, NULL);
    }
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (campaigns) > 0 ? "campaigns" : "empty");
}

/* Asks the platform again; what is shown stays until the answer comes. */
void
cf_following_page_reload (CfFollowingPage *self)
{
  g_return_if_fail (CF_IS_FOLLOWING_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->account == NULL || !cf_account_get_signed_in (self->account))
    {
      g_list_store_remove_all (self->campaigns);
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  cf_platform_list_all_following_async (self->platform, self->cancellable, following_cb, self);
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

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  g_clear_object (&self->platform);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->campaigns);
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
   *
   * A person chose a followed campaign to read.
   */
  signals[CAMPAIGN_ACTIVATED] =
    g_signal_new ("campaign-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_CAMPAIGN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-following-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfFollowingPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, CfFollowingPage, flow_box);
  gtk_widget_class_bind_template_child (widget_class, CfFollowingPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);
  gtk_widget_class_install_action (widget_class, "following.reload", NULL, reload_action);
}

static void
cf_following_page_init (CfFollowingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->campaigns = g_list_store_new (CF_TYPE_CAMPAIGN);
}

/* Shows what @account follows on @platform, and follows it signing in and
 * out. */
void
cf_following_page_set_platform (CfFollowingPage *self,
                                CfPlatform      *platform,
                                CfAccount       *account,
                                CfImageCache    *image_cache)
{
  g_return_if_fail (CF_IS_FOLLOWING_PAGE (self));

  g_set_object (&self->platform, platform);
  g_set_object (&self->image_cache, image_cache);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);
  g_signal_connect_swapped (account, "notify::signed-in", G_CALLBACK (cf_following_page_reload), self);
  g_signal_connect_swapped (account, "following-changed", G_CALLBACK (cf_following_page_reload), self);
  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (self->campaigns), create_card, self, NULL);
  cf_following_page_reload (self);
}
