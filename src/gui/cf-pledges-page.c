/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledges-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-pledges-page.h"
#include "cf-widget-util.h"

/* The Pledges view: first what needs the backer, then every pledge with
 * where its reward stands, filtered as the backer likes. */
struct _CfPledgesPage
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *attention_group;
  AdwStatusPage *error_status_page;
  GtkDropDown *filter_drop_down;
  AdwPreferencesGroup *pledges_group;
  GtkStack *stack;

  CfPlatform *platform;
  CfAccount *account;
  GListModel *pledges;      /* as last loaded */
  GPtrArray *rows;          /* rows in either group */
  GCancellable *cancellable;
  guint refresh_source;
};

/* Deliveries move slowly: a look every ten minutes tells of them in time. */
#define REFRESH_SECONDS (10 * 60)

G_DEFINE_FINAL_TYPE (CfPledgesPage, cf_pledges_page, GTK_TYPE_WIDGET)

enum
{
  PLEDGE_ACTIVATED,
  PLEDGES_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  FILTER_ALL,
  FILTER_AWAITING,
  FILTER_RECEIVED,
  FILTER_NO_REWARD,
} Filter;

static gboolean
passes (CfPledge *pledge,
        Filter    filter)
{
  gboolean has_reward = cf_pledge_get_reward_id (pledge) != NULL;

  switch (filter)
    {
    case FILTER_AWAITING:
      return has_reward && cf_pledge_is_active (pledge) && !cf_pledge_get_received (pledge) &&
             cf_fulfillment_get_status (cf_pledge_get_fulfillment (pledge)) != CF_FULFILLMENT_STATUS_DELIVERED;
    case FILTER_RECEIVED:
      return has_reward && (cf_pledge_get_received (pledge) ||
                            cf_fulfillment_get_status (cf_pledge_get_fulfillment (pledge))
                            == CF_FULFILLMENT_STATUS_DELIVERED);
    case FILTER_NO_REWARD:
      return !has_reward;
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static void
row_activated_cb (AdwActionRow  *row,
                  CfPledgesPage *self)
{
  g_signal_emit (self, signals[PLEDGE_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "pledge"));
}

static GtkWidget *
pledge_row (CfPledgesPage *self,
            CfPledge      *pledge,
            const char    *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *status = cf_format_pledge_status (pledge);
  GtkWidget *status_label = gtk_label_new (status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_pledge_get_campaign_title (pledge));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (status_label, "pledge-status");
  if (!cf_pledge_is_active (pledge) || cf_pledge_get_status (pledge) == CF_PLEDGE_STATUS_ERRORED)
    gtk_widget_add_css_class (status_label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "pledge", g_object_ref (pledge), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  g_ptr_array_add (self->rows, row);
  return row;
}

static char *
dup_summary (CfPledge *pledge)
{
  g_autofree char *amount = cf_money_format (cf_pledge_get_amount (pledge), NULL);
  const char *reward = cf_pledge_get_reward_title (pledge);

  /* Translators: a pledge's reward, amount and backer number, as in “Early bird · €65 · Backer #12”. */
  return g_strdup_printf (_("%s · %s · Backer #%d"), reward ? reward : _("No reward"), amount,
                          (int) cf_pledge_get_sequence (pledge));
}

static void
clear_rows (CfPledgesPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static int
compare_by_campaign (gconstpointer a,
                     gconstpointer b)
{
  CfPledge *first = *(CfPledge **) a;
  CfPledge *second = *(CfPledge **) b;

  return g_utf8_collate (cf_pledge_get_campaign_title (first), cf_pledge_get_campaign_title (second));
}

static void
show_pledges (CfPledgesPage *self)
{
  Filter filter = gtk_drop_down_get_selected (self->filter_drop_down);
  guint n_pledges = g_list_model_get_n_items (self->pledges);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  guint needing = 0;
  guint shown = 0;

  clear_rows (self);
  for (guint i = 0; i < n_pledges; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (self->pledges, i));
  g_ptr_array_sort (sorted, compare_by_campaign);

  for (guint i = 0; i < sorted->len; i++)
    {
      CfPledge *pledge = sorted->pdata[i];
      g_autofree char *action = cf_pledge_is_active (pledge) ? cf_format_pledge_action (pledge) : NULL;
      g_autofree char *summary = NULL;

      if (action != NULL)
        {
          adw_preferences_group_add (self->attention_group, pledge_row (self, pledge, action));
          needing++;
        }
      if (!passes (pledge, filter))
        continue;
      summary = dup_summary (pledge);
      adw_preferences_group_add (self->pledges_group, pledge_row (self, pledge, summary));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attention_group), needing > 0);
  adw_preferences_group_set_description (self->pledges_group, shown == 0 ? _("No pledges here.") : NULL);
  gtk_stack_set_visible_child_name (self->stack, n_pledges > 0 ? "list" : "empty");
}

static void
filter_changed_cb (CfPledgesPage *self)
{
  if (self->pledges != NULL)
    show_pledges (self);
}

static void
pledges_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pledges = cf_platform_list_all_finish (CF_PLATFORM (object), result, &error);
  CfPledgesPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_PLEDGES_PAGE (user_data);
  if (pledges == NULL)
    {
      /* What was shown stays; the failure is told over it. */
      if (g_list_model_get_n_items (self->pledges) > 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      else
        {
          adw_status_page_set_description (self->error_status_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }

  g_set_object (&self->pledges, pledges);
  show_pledges (self);
  g_signal_emit (self, signals[PLEDGES_LOADED], 0, self->pledges);
}

/* Asks the platform for every pledge again; the list on screen stays until
 * the new one is complete. */
void
cf_pledges_page_reload (CfPledgesPage *self)
{
  g_return_if_fail (CF_IS_PLEDGES_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->account == NULL || !cf_account_get_signed_in (self->account))
    {
      g_clear_object (&self->pledges);
      self->pledges = G_LIST_MODEL (g_list_store_new (CF_TYPE_PLEDGE));
      clear_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      return;
    }

  if (g_list_model_get_n_items (self->pledges) == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  cf_platform_list_all_pledges_async (self->platform, self->cancellable, pledges_cb, self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  CfPledgesPage *self = user_data;

  if (self->account != NULL && cf_account_get_signed_in (self->account))
    cf_pledges_page_reload (self);
  return G_SOURCE_CONTINUE;
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cf_pledges_page_reload (CF_PLEDGES_PAGE (widget));
}

static void
cf_pledges_page_dispose (GObject *object)
{
  CfPledgesPage *self = CF_PLEDGES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  g_clear_object (&self->platform);
  g_clear_object (&self->pledges);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLEDGES_PAGE);
  cf_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (cf_pledges_page_parent_class)->dispose (object);
}

static void
cf_pledges_page_class_init (CfPledgesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_pledges_page_dispose;

  /**
   * CfPledgesPage::pledge-activated:
   *
   * The backer chose a pledge to look at.
   */
  signals[PLEDGE_ACTIVATED] =
    g_signal_new ("pledge-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_PLEDGE);
  /**
   * CfPledgesPage::pledges-loaded:
   * @pledges: every pledge of the backer, a #GListModel
   */
  signals[PLEDGES_LOADED] =
    g_signal_new ("pledges-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_LIST_MODEL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-pledges-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPledgesPage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgesPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, CfPledgesPage, filter_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CfPledgesPage, pledges_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgesPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_install_action (widget_class, "pledges.reload", NULL, reload_action);
}

static void
cf_pledges_page_init (CfPledgesPage *self)
{
  static const char * const filters[] = {
    N_("All Pledges"), N_("Awaiting Reward"), N_("Received"), N_("No Reward"), NULL,
  };
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->refresh_source = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
  self->pledges = G_LIST_MODEL (g_list_store_new (CF_TYPE_PLEDGE));
  for (guint i = 0; filters[i] != NULL; i++)
    gtk_string_list_append (names, _(filters[i]));
  gtk_drop_down_set_model (self->filter_drop_down, G_LIST_MODEL (names));
}

/* Shows the pledges of @account on @platform, and follows it signing in
 * and out. */
void
cf_pledges_page_set_platform (CfPledgesPage *self,
                              CfPlatform    *platform,
                              CfAccount     *account)
{
  g_return_if_fail (CF_IS_PLEDGES_PAGE (self));

  g_set_object (&self->platform, platform);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);
  g_signal_connect_swapped (account, "notify::signed-in", G_CALLBACK (cf_pledges_page_reload), self);
  cf_pledges_page_reload (self);
}
