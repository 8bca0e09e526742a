/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-latest-pledges"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-latest-pledges.h"
#include "cf-locale.h"
#include "cf-pledge.h"
#include "cf-reward.h"
#include "cf-widget-util.h"

#define LATEST_SHOWN 8

/* The dashboard's latest pledges, newest first: those the platform gave
 * when the campaign was opened, then those the live feed hears of, a row
 * each with its reward, when, and how much. */
struct _CfLatestPledges
{
  GtkWidget parent_instance;

  GtkListBox *list;
  GtkStack *stack;

  GListModel *rewards;                   /* owned, or NULL: the campaign's, for their titles */
  AdwActionRow *rows[LATEST_SHOWN];
  GtkLabel *amounts[LATEST_SHOWN];
  CfLivePledge latest[LATEST_SHOWN];     /* newest first */
  guint n_latest;
  char *locale;
};

G_DEFINE_FINAL_TYPE (CfLatestPledges, cf_latest_pledges, GTK_TYPE_WIDGET)

static const char *
reward_title (CfLatestPledges *self,
              const char      *reward_id)
{
  guint n = self->rewards ? g_list_model_get_n_items (self->rewards) : 0;

  if (reward_id == NULL || *reward_id == '\0')
    return _("No reward");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfReward) reward = g_list_model_get_item (self->rewards, i);

      if (g_str_equal (cf_reward_get_id (reward), reward_id))
        return cf_reward_get_title (reward);
    }
  return _("A reward");
}

/* Shows the pledges kept, and how long ago each came. */
void
cf_latest_pledges_show (CfLatestPledges *self)
{
  gint64 now = g_get_real_time ();

  g_return_if_fail (CF_IS_LATEST_PLEDGES (self));

  for (guint i = 0; i < LATEST_SHOWN; i++)
    {
      const CfLivePledge *pledge = &self->latest[i];
      g_autofree char *amount = NULL;
      g_autofree char *when = NULL;

      gtk_widget_set_visible (GTK_WIDGET (self->rows[i]), i < self->n_latest);
      if (i >= self->n_latest)
        continue;

      amount = cf_money_format (&pledge->amount, self->locale);
      when = cf_format_time_ago (pledge->received_at, now);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), reward_title (self, pledge->reward_id));
      adw_action_row_set_subtitle (self->rows[i], when);
      gtk_label_set_label (self->amounts[i], amount);
    }
  gtk_stack_set_visible_child_name (self->stack, self->n_latest > 0 ? "some" : "none");
}

/* The newest first; only as many as are shown are kept. */
static void
add_latest (CfLatestPledges    *self,
            const CfLivePledge *pledge)
{
  memmove (&self->latest[1], &self->latest[0], (LATEST_SHOWN - 1) * sizeof (CfLivePledge));
  self->latest[0] = *pledge;
  self->n_latest = MIN (self->n_latest + 1, LATEST_SHOWN);
}

/* The pledges @live heard of since @seen, however many: the newest of
 * them go in, once; @seen becomes the number heard of. */
void
cf_latest_pledges_take_live (CfLatestPledges      *self,
                             const CfLiveCampaign *live,
                             guint64              *seen)
{
  g_return_if_fail (CF_IS_LATEST_PLEDGES (self));

  for (guint64 n = MAX (*seen, live->n_pledges - MIN (live->n_pledges, LATEST_SHOWN)); n < live->n_pledges; n++)
    {
      const CfLivePledge *pledge = cf_live_campaign_get_pledge (live, n);

      if (pledge != NULL)
        add_latest (self, pledge);
    }
  *seen = live->n_pledges;
  cf_latest_pledges_show (self);
}

static int
compare_newest_first (const void *a,
                      const void *b)
{
  const CfLivePledge *first = a;
  const CfLivePledge *second = b;

  return (second->received_at > first->received_at) - (second->received_at < first->received_at);
}

/* The latest @pledges the platform gave, newest first; those already heard
 * of live are newer still and stay above them. */
void
cf_latest_pledges_add_read (CfLatestPledges *self,
                            GListModel      *pledges)
{
  guint n;

  g_return_if_fail (CF_IS_LATEST_PLEDGES (self));

  n = MIN (g_list_model_get_n_items (pledges), LATEST_SHOWN - self->n_latest);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfPledge) pledge = g_list_model_get_item (pledges, i);
      CfLivePledge entry = {
        .amount = *cf_pledge_get_amount (pledge),
        .received_at = g_date_time_to_unix (cf_pledge_get_pledged_at (pledge)) * G_USEC_PER_SEC,
      };

      g_strlcpy (entry.reward_id, cf_pledge_get_reward_id (pledge) ? cf_pledge_get_reward_id (pledge) : "",
                 sizeof entry.reward_id);
      self->latest[self->n_latest++] = entry;
    }
  qsort (self->latest, self->n_latest, sizeof (CfLivePledge), compare_newest_first);
  cf_latest_pledges_show (self);
}

/* The rewards whose titles the rows show. */
void
cf_latest_pledges_set_rewards (CfLatestPledges *self,
                               GListModel      *rewards)
{
  g_return_if_fail (CF_IS_LATEST_PLEDGES (self));

  g_set_object (&self->rewards, rewards);
  cf_latest_pledges_show (self);
}

/* Another campaign: nothing shown until its pledges come. */
void
cf_latest_pledges_clear (CfLatestPledges *self)
{
  g_return_if_fail (CF_IS_LATEST_PLEDGES (self));

  g_clear_object (&self->rewards);
  self->n_latest = 0;
  cf_latest_pledges_show (self);
}

static void
cf_latest_pledges_dispose (GObject *object)
{
  CfLatestPledges *self = CF_LATEST_PLEDGES (object);

  g_clear_object (&self->rewards);
  g_clear_pointer (&self->locale, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_LATEST_PLEDGES);
  cf_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (cf_latest_pledges_parent_class)->dispose (object);
}

static void
cf_latest_pledges_class_init (CfLatestPledgesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_latest_pledges_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A wrapper screen readers pass through: its list is what they name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-latest-pledges.ui");
  gtk_widget_class_bind_template_child (widget_class, CfLatestPledges, list);
  gtk_widget_class_bind_template_child (widget_class, CfLatestPledges, stack);
}

static void
cf_latest_pledges_init (CfLatestPledges *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->locale = cf_locale_dup_default ();
  for (guint i = 0; i < LATEST_SHOWN; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *amount = gtk_label_new (NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_add_css_class (amount, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
      gtk_list_box_append (self->list, row);
      self->rows[i] = ADW_ACTION_ROW (row);
      self->amounts[i] = GTK_LABEL (amount);
    }
}
