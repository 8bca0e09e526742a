/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-reward-figures"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-locale.h"
#include "cf-reward-figures.h"
#include "cf-reward.h"
#include "cf-widget-util.h"

/* The dashboard's rewards: a row each with who chose it and, from the live
 * figures, what they pledged, and how many places are left; then a row of
 * the backers who chose none, so that the rows add up to the totals. */
struct _CfRewardFigures
{
  GtkWidget parent_instance;

  GtkListBox *list;

  GListModel *rewards;        /* owned, or NULL */
  GPtrArray *rows;            /* AdwActionRow, one a reward, in its order; unowned */
  GPtrArray *left_labels;     /* GtkLabel: the places left of each; unowned */
  AdwActionRow *no_reward_row;
  char *locale;
};

G_DEFINE_FINAL_TYPE (CfRewardFigures, cf_reward_figures, GTK_TYPE_WIDGET)

/* "%s · %s pledged": backers, then the money they pledged. */
static char *
format_reward_figures (CfRewardFigures *self,
                       CfCampaign      *campaign,
                       gint64           backers,
                       gint64           pledged)
{
  g_autofree char *count = cf_format_backers (backers, self->locale);
  g_autofree char *amount = NULL;
  CfMoney money = *cf_campaign_get_pledged (campaign);

  money.amount = pledged;
  amount = cf_money_format (&money, self->locale);
  /* Translators: a reward's figures: its backers, then the money they pledged. */
  return g_strdup_printf (_("%s · %s pledged"), count, amount);
}

static void
show_reward_row (CfRewardFigures      *self,
                 CfCampaign           *campaign,
                 const CfLiveCampaign *live,
                 guint                 index)
{
  g_autoptr(CfReward) reward = g_list_model_get_item (self->rewards, index);
  AdwActionRow *row = self->rows->pdata[index];
  GtkLabel *left_label = self->left_labels->pdata[index];
  const CfLiveRewardFigures *figures = live ? cf_live_campaign_find_reward (live, cf_reward_get_id (reward)) : NULL;
  gint64 backers = figures ? figures->backers_count : cf_reward_get_claimed (reward);
  gint64 limit = cf_reward_get_limit (reward);
  g_autofree char *count = figures ? cf_format_backers (backers, self->locale)
                                   : cf_format_reward_count (reward, self->locale);
  g_autofree char *subtitle = NULL;
  g_autofree char *left = NULL;

  if (figures != NULL)
    subtitle = format_reward_figures (self, campaign, backers, figures->pledged);
  adw_action_row_set_subtitle (row, subtitle ? subtitle : count);

  gtk_widget_remove_css_class (GTK_WIDGET (left_label), "error");
  if (limit < 0)
    left = g_strdup (_("No limit"));
  else if (backers >= limit)
    {
      left = g_strdup (_("Sold out"));
      gtk_widget_add_css_class (GTK_WIDGET (left_label), "error");
    }
  else
    {
      g_autofree char *remaining = cf_format_count (limit - backers, self->locale);
      g_autofree char *total = cf_format_count (limit, self->locale);

      /* Translators: places left in a limited reward, as in “12 left of 50”. */
      left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s left of %s", "%s left of %s", limit - backers),
                              remaining, total);
    }
  gtk_label_set_label (left_label, left);
}

/* Backers who chose no reward: what the rewards leave of the campaign's
 * totals. Shown once every reward's figures are known, and while they
 * agree with the totals. */
static void
show_no_reward_row (CfRewardFigures      *self,
                    CfCampaign           *campaign,
                    const CfLiveCampaign *live)
{
  gint64 backers = cf_campaign_get_backers_count (campaign);
  gint64 pledged = cf_campaign_get_pledged (campaign)->amount;
  g_autofree char *subtitle = NULL;
  guint n = self->rewards ? g_list_model_get_n_items (self->rewards) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfReward) reward = g_list_model_get_item (self->rewards, i);
      const CfLiveRewardFigures *figures = live ? cf_live_campaign_find_reward (live, cf_reward_get_id (reward)) : NULL;

      if (figures == NULL)
        {
          backers = pledged = -1;
          break;
        }
      backers -= figures->backers_count;
      pledged -= figures->pledged;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->no_reward_row), backers >= 0 && pledged >= 0);
  if (backers < 0 || pledged < 0)
    return;
  subtitle = format_reward_figures (self, campaign, backers, pledged);
  adw_action_row_set_subtitle (self->no_reward_row, subtitle);
}

/* Shows the figures of @campaign's rewards, @live's where it has them. */
void
cf_reward_figures_show (CfRewardFigures      *self,
                        CfCampaign           *campaign,
                        const CfLiveCampaign *live)
{
  g_return_if_fail (CF_IS_REWARD_FIGURES (self));

  if (self->rewards == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    show_reward_row (self, campaign, live, i);
  show_no_reward_row (self, campaign, live);
}

/* Another campaign: no rows until its rewards come. */
void
cf_reward_figures_clear (CfRewardFigures *self)
{
  GtkWidget *row;

  g_return_if_fail (CF_IS_REWARD_FIGURES (self));

  g_clear_object (&self->rewards);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->left_labels, 0);
  self->no_reward_row = NULL;
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, row);
}

/* A row for each of @rewards, then one for backers without a reward. */
void
cf_reward_figures_set_rewards (CfRewardFigures *self,
                               GListModel      *rewards)
{
  guint n = g_list_model_get_n_items (rewards);

  g_return_if_fail (CF_IS_REWARD_FIGURES (self));

  cf_reward_figures_clear (self);
  self->rewards = g_object_ref (rewards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfReward) reward = g_list_model_get_item (rewards, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *left = gtk_label_new (NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_reward_get_title (reward));
      gtk_widget_add_css_class (left, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), left);
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->left_labels, left);
    }
  self->no_reward_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_reward_row), _("No reward"));
  gtk_list_box_append (self->list, GTK_WIDGET (self->no_reward_row));
}

static void
cf_reward_figures_dispose (GObject *object)
{
  CfRewardFigures *self = CF_REWARD_FIGURES (object);

  g_clear_object (&self->rewards);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->left_labels, g_ptr_array_unref);
  g_clear_pointer (&self->locale, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_REWARD_FIGURES);
  cf_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (cf_reward_figures_parent_class)->dispose (object);
}

static void
cf_reward_figures_class_init (CfRewardFiguresClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_reward_figures_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A wrapper screen readers pass through: its list is what they name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-reward-figures.ui");
  gtk_widget_class_bind_template_child (widget_class, CfRewardFigures, list);
}

static void
cf_reward_figures_init (CfRewardFigures *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->left_labels = g_ptr_array_new ();
  self->locale = cf_locale_dup_default ();
}
