/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledges-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-error-banner.h"
#include "cf-format.h"
#include "cf-merged-list.h"
#include "cf-pledges-page.h"
#include "cf-spinner.h"
#include "cf-widget-util.h"

/* The Pledges view: first what needs the backer, then every pledge with
 * where its reward stands, filtered as the backer likes; the pledges of
 * every account, each marked with its platform when there are several. */
/* The widest a pledge's status is on one line, in pixels, before it wraps. */
#define STATUS_WIDTH 120

struct _CfPledgesPage
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *attention_group;
  AdwStatusPage *error_status_page;
  GtkDropDown *filter_drop_down;
  CfErrorBanner *kept_banner;
  AdwPreferencesGroup *pledges_group;
  GtkStack *stack;

  GListModel *accounts;
  CfMergedList *pledges;
  GPtrArray *rows;          /* rows in either group */
};

G_DEFINE_FINAL_TYPE (CfPledgesPage, cf_pledges_page, GTK_TYPE_WIDGET)

enum
{
  PLEDGE_ACTIVATED,
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
  g_signal_emit (self, signals[PLEDGE_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "account"),
                 g_object_get_data (G_OBJECT (row), "pledge"));
}

/* With several accounts, which platform the pledge is on comes first. */
static char *
dup_subtitle (CfPledgesPage *self,
              CfAccountItem *item,
              const char    *text)
{
  if (g_list_model_get_n_items (self->accounts) < 2)
    return g_strdup (text);
  /* Translators: a platform and what is said of a pledge there, as in “Demo platform · Early bird · €65”. */
  return g_strdup_printf (_("%s · %s"), cf_account_get_label (cf_account_item_get_account (item)), text);
}

static GtkWidget *
pledge_row (CfPledgesPage *self,
            CfAccountItem *item,
            const char    *text)
{
  CfPledge *pledge = cf_account_item_get_item (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *status = cf_format_pledge_status (pledge);
  g_autofree char *subtitle = dup_subtitle (self, item, text);
  g_autofree char *spoken = NULL;
  GtkWidget *status_label = gtk_label_new (status);
  int natural;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_pledge_get_campaign_title (pledge));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Two pledges to one campaign (on two platforms) are told apart when heard.
   * Translators: what a screen reader says of a pledge: its campaign, its
   * status, then its platform, reward and amount, as in
   * “Ten left, Shipped, Demo platform · Ten places · €25”. */
  spoken = g_strdup_printf (_("%s, %s, %s"), cf_pledge_get_campaign_title (pledge), status, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  /* The row is labelled by its title too, which would be heard twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_widget_add_css_class (status_label, "pledge-status");
  /* A long status, in some languages, wraps within the row on a phone;
   * a short one keeps its line. */
  gtk_label_set_wrap (GTK_LABEL (status_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (status_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (status_label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (GTK_LABEL (status_label), 1);
  gtk_widget_measure (status_label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  gtk_widget_set_size_request (status_label, MIN (natural, STATUS_WIDTH), -1);
  /* A failed payment is a problem to see, not a detail. */
  if (cf_pledge_get_status (pledge) == CF_PLEDGE_STATUS_ERRORED)
    gtk_widget_add_css_class (status_label, "error");
  else if (!cf_pledge_is_active (pledge))
    gtk_widget_add_css_class (status_label, "dim-label");
  if (cf_account_item_get_kept (item))
    {
      GtkWidget *stale = gtk_image_new_from_icon_name ("network-offline-symbolic");

      /* Translators: said of a pledge whose platform could not be reached. */
      gtk_widget_set_tooltip_text (stale, _("Not up to date"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (stale), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not up to date"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), stale);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                                  NULL));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "pledge", g_object_ref (pledge), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (cf_account_item_get_account (item)), g_object_unref);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
  g_ptr_array_add (self->rows, row);
  return row;
}

static char *
dup_summary (CfPledge *pledge)
{
  g_autofree char *amount = cf_money_format (cf_pledge_get_amount (pledge), NULL);
  g_autofree char *rewards = cf_format_pledge_rewards (pledge, FALSE);
  g_autofree char *recurrence = cf_format_pledge_recurrence (pledge);
  g_autofree char *sequence = NULL;

  /* A monthly or yearly contribution says so, and when it is charged next. */
  if (recurrence != NULL && cf_pledge_get_reward_id (pledge) == NULL && cf_pledge_get_items (pledge) == NULL)
    return g_steal_pointer (&recurrence);
  if (recurrence != NULL)
    return g_strdup_printf (_("%s · %s"), rewards, recurrence);

  /* Platforms that do not number backers give none. */
  if (cf_pledge_get_sequence (pledge) <= 0)
    /* Translators: a pledge's reward and amount, as in “Early bird · €65”. */
    return g_strdup_printf (_("%s · %s"), rewards, amount);
  sequence = cf_format_count (cf_pledge_get_sequence (pledge), NULL);
  /* Translators: a pledge's reward, amount and backer number, as in “Early bird · €65 · Backer #12”. */
  return g_strdup_printf (_("%s · %s · Backer #%s"), rewards, amount, sequence);
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

/* By campaign, then by platform. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  CfAccountItem *first = *(CfAccountItem **) a;
  CfAccountItem *second = *(CfAccountItem **) b;
  int order = g_utf8_collate (cf_pledge_get_campaign_title (cf_account_item_get_item (first)),
                              cf_pledge_get_campaign_title (cf_account_item_get_item (second)));

  return order != 0 ? order : g_utf8_collate (cf_account_get_label (cf_account_item_get_account (first)),
                                              cf_account_get_label (cf_account_item_get_account (second)));
}

static void
show_pledges (CfPledgesPage *self)
{
  Filter filter = gtk_drop_down_get_selected (self->filter_drop_down);
  GListModel *merged = G_LIST_MODEL (self->pledges);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint needing = 0;
  guint shown = 0;

  clear_rows (self);
  for (guint i = 0; i < g_list_model_get_n_items (merged); i++)
    g_ptr_array_add (items, g_list_model_get_item (merged, i));
  g_ptr_array_sort (items, compare_items);

  for (guint i = 0; i < items->len; i++)
    {
      CfAccountItem *item = items->pdata[i];
      CfPledge *pledge = cf_account_item_get_item (item);
      g_autofree char *action = cf_pledge_is_active (pledge) ? cf_format_pledge_action (pledge) : NULL;
      g_autofree char *summary = NULL;

      if (action != NULL)
        {
          adw_preferences_group_add (self->attention_group, pledge_row (self, item, action));
          needing++;
        }
      if (passes (pledge, filter))
        {
          summary = dup_summary (pledge);
          adw_preferences_group_add (self->pledges_group, pledge_row (self, item, summary));
          shown++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attention_group), needing > 0);
  adw_preferences_group_set_description (self->pledges_group, shown == 0 ? _("No pledges here.") : NULL);
  cf_widget_show_merged_state (self->stack, self->pledges, items->len > 0, "list", self->error_status_page);
  cf_error_banner_show_kept (self->kept_banner, self->pledges, items->len > 0);
}

static void
filter_changed_cb (CfPledgesPage *self)
{
  if (self->pledges != NULL)
    show_pledges (self);
}

static void
pledges_changed_cb (CfPledgesPage *self)
{
  show_pledges (self);
}

/* Asks every platform for every pledge again; the list on screen stays
 * until each answer is complete. */
void
cf_pledges_page_reload (CfPledgesPage *self)
{
  g_return_if_fail (CF_IS_PLEDGES_PAGE (self));

  if (self->pledges != NULL)
    cf_merged_list_reload (self->pledges);
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

  if (self->pledges != NULL)
    g_signal_handlers_disconnect_by_data (self->pledges, self);
  g_clear_object (&self->pledges);
  g_clear_object (&self->accounts);
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
   * @account: the account the pledge was made with
   * @pledge: the pledge
   *
   * The backer chose a pledge to look at.
   */
  signals[PLEDGE_ACTIVATED] =
    g_signal_new ("pledge-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, CF_TYPE_ACCOUNT, CF_TYPE_PLEDGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (CF_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-pledges-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPledgesPage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgesPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, CfPledgesPage, filter_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CfPledgesPage, kept_banner);
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
  cf_widget_defer_status_icons (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  cf_widget_show_when_first_mapped (GTK_WIDGET (self), GTK_WIDGET (self->stack));
  self->rows = g_ptr_array_new ();
  for (guint i = 0; filters[i] != NULL; i++)
    gtk_string_list_append (names, _(filters[i]));
  gtk_drop_down_set_model (self->filter_drop_down, G_LIST_MODEL (names));
}

/* Shows @pledges, those of every account of @accounts, as they sign in
 * and out. */
void
cf_pledges_page_set_pledges (CfPledgesPage *self,
                             GListModel    *accounts,
                             CfMergedList  *pledges)
{
  g_return_if_fail (CF_IS_PLEDGES_PAGE (self));
  g_return_if_fail (self->pledges == NULL);

  self->accounts = g_object_ref (accounts);
  self->pledges = g_object_ref (pledges);
  g_signal_connect_swapped (self->pledges, "changed", G_CALLBACK (pledges_changed_cb), self);
  show_pledges (self);
}
