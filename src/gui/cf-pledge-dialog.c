/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-locale.h"
#include "cf-pledge-dialog.h"
#include "cf-pledge-key.h"
#include "cf-spinner.h"
#include "cf-widget-util.h"

/* Backing a project, or changing how: a reward or none, a bonus, where to
 * ship, and the total. One Idempotency-Key is made per dialog and sent with
 * every attempt, so that no click, retry or lost answer pledges twice. A
 * refusal is told in a sentence and everything chosen stays as it was. */
struct _CfPledgeDialog
{
  AdwWindow parent_instance;

  AdwEntryRow *bonus_row;
  GtkWidget *cancel_pledge_button;
  GtkButton *confirm_button;
  GtkLabel *confirm_label;
  GtkDropDown *country_drop_down;
  AdwPreferencesGroup *error_group;
  GtkLabel *error_label;
  AdwPreferencesGroup *rewards_group;
  AdwPreferencesGroup *shipping_group;
  CfSpinner *spinner;
  GtkLabel *total_label;
  AdwActionRow *total_row;
  AdwWindowTitle *window_title;

  CfPlatform *platform;
  CfCampaign *campaign;
  CfPledge *pledge;          /* the pledge being changed, or NULL */
  GListModel *rewards;
  CfApproximation *approximation;
  char *preferred_country;
  CfPledgeKey *pledge_key;
  GCancellable *cancellable;

  GPtrArray *reward_rows;    /* AdwActionRow, the first for no reward */
  GPtrArray *reward_checks;  /* GtkCheckButton, in the same order */
  GStrv destinations;        /* the codes behind country_drop_down's items */
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (CfPledgeDialog, cf_pledge_dialog, ADW_TYPE_WINDOW)

enum
{
  PLEDGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CfReward *
selected_reward (CfPledgeDialog *self)
{
  for (guint i = 1; i < self->reward_checks->len; i++)
    if (gtk_check_button_get_active (self->reward_checks->pdata[i]))
      return g_list_model_get_item (self->rewards, i - 1);

  return NULL;
}

static const char *
selected_country (CfPledgeDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->country_drop_down);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->shipping_group)) || self->destinations == NULL ||
      selected >= g_strv_length (self->destinations))
    return NULL;

  return self->destinations[selected];
}

static void
show_refusal (CfPledgeDialog *self,
              const char     *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), message != NULL);
}

typedef struct
{
  char *code;
  char *name;
} Country;

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  return g_utf8_collate (((const Country *) a)->name, ((const Country *) b)->name);
}

/* The countries @reward ships to, by name, each with its cost; the country
 * chosen before stays chosen where it can. */
static void
fill_countries (CfPledgeDialog *self,
                CfReward       *reward)
{
  g_autofree char *previous = g_strdup (selected_country (self));
  g_auto(GStrv) codes = reward ? cf_reward_dup_destinations (reward, cf_locale_get_country_codes ()) : NULL;
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (Country));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) sorted_codes = g_strv_builder_new ();
  const char *wanted = previous ? previous : self->preferred_country;
  guint selected = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->shipping_group), codes != NULL && codes[0] != NULL);
  g_clear_pointer (&self->destinations, g_strfreev);
  if (codes == NULL || codes[0] == NULL)
    return;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      Country country = { codes[i], cf_locale_dup_country_name (codes[i]) };

      g_array_append_val (countries, country);
    }
  g_array_sort (countries, compare_countries);

  for (guint i = 0; i < countries->len; i++)
    {
      Country *country = &g_array_index (countries, Country, i);
      CfMoney cost;
      g_autofree char *formatted = NULL;
      g_autofree char *item = NULL;

      cf_reward_get_shipping_cost (reward, country->code, &cost);
      formatted = cf_money_format (&cost, NULL);
      /* Translators: a country and what shipping there costs, as in “France · €5.00”. */
      item = g_strdup_printf (_("%s · %s"), country->name, formatted);
      gtk_string_list_append (names, item);
      g_strv_builder_add (sorted_codes, country->code);
      if (g_strcmp0 (country->code, wanted) == 0)
        selected = i;
      g_free (country->name);
    }

  self->destinations = g_strv_builder_end (sorted_codes);
  gtk_drop_down_set_model (self->country_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->country_drop_down, selected);
}

/* Adds up the reward's minimum, shipping and bonus; FALSE with a sentence
 * in @problem when the bonus does not read as an amount. */
static gboolean
compute_total (CfPledgeDialog  *self,
               CfReward        *reward,
               CfMoney         *total,
               char           **problem)
{
  const char *currency = cf_campaign_get_pledged (self->campaign)->currency;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->bonus_row))));
  g_autoptr(GError) error = NULL;
  CfMoney bonus = { 0 }, shipping = { 0 }, minimum = { 0 }, sum;

  cf_money_init (&minimum, 0, currency, NULL);
  cf_money_init (&bonus, 0, currency, NULL);
  cf_money_init (&shipping, 0, currency, NULL);
  if (*text != '\0' && !cf_money_parse (text, currency, NULL, &bonus, &error))
    {
      *problem = g_strdup (error->message);
      return FALSE;
    }
  if (bonus.amount < 0)
    {
      *problem = g_strdup (_("The amount cannot be negative."));
      return FALSE;
    }
  if (reward != NULL)
    {
      minimum = *cf_reward_get_minimum (reward);
      cf_reward_get_shipping_cost (reward, selected_country (self), &shipping);
    }
  if (!cf_money_add (&minimum, &shipping, &sum, &error) || !cf_money_add (&sum, &bonus, total, &error))
    {
      *problem = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

static void
update_total (CfPledgeDialog *self)
{
  g_autoptr(CfReward) reward = selected_reward (self);
  g_autofree char *problem = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *approximate = NULL;
  g_autofree char *confirm = NULL;
  CfMoney total;
  gboolean valid = compute_total (self, reward, &total, &problem);
  gboolean unchanged_reward = self->pledge != NULL &&
                              g_strcmp0 (cf_pledge_get_reward_id (self->pledge),
                                         reward ? cf_reward_get_id (reward) : NULL) == 0;
  gboolean available = reward == NULL || cf_reward_get_available (reward) || unchanged_reward;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->bonus_row),
                                 reward ? _("Bonus, on top of the reward") : _("Amount"));
  if (valid)
    {
      formatted = cf_money_format (&total, NULL);
      gtk_label_set_label (self->total_label, formatted);
      if (self->approximation != NULL)
        approximate = cf_approximation_dup_text (self->approximation, &total);
    }
  else
    gtk_label_set_label (self->total_label, "—");
  adw_action_row_set_subtitle (self->total_row, problem ? problem : approximate ? approximate : "");

  if (self->pledge != NULL)
    confirm = g_strdup (_("_Save"));
  else if (valid)
    /* Translators: the button that pledges, as in “Pledge €65.00”. */
    confirm = g_strdup_printf (_("_Pledge %s"), formatted);
  else
    confirm = g_strdup (_("_Pledge"));
  gtk_label_set_label (self->confirm_label, confirm);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button),
                            valid && available && total.amount > 0 && !self->busy);
}

static void
choice_changed_cb (CfPledgeDialog *self)
{
  update_total (self);
}

static void
reward_toggled_cb (GtkCheckButton *check,
                   CfPledgeDialog *self)
{
  g_autoptr(CfReward) reward = NULL;
  guint index;

  /* The row is what the keyboard reaches: it says whether it is chosen. */
  if (g_ptr_array_find (self->reward_checks, check, &index))
    gtk_accessible_update_state (GTK_ACCESSIBLE (self->reward_rows->pdata[index]), GTK_ACCESSIBLE_STATE_CHECKED,
                                 gtk_check_button_get_active (check), -1);
  if (!gtk_check_button_get_active (check))
    return;

  reward = selected_reward (self);
  fill_countries (self, reward);
  update_total (self);
}

static GtkWidget *
reward_row (CfPledgeDialog *self,
            const char     *title,
            const char     *subtitle,
            gboolean        selectable)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* The row makes its title the check's label, which GTK 4.8 then reads twice. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* One Tab stop a reward: the row, which chooses it; the radio inside
   * only shows it is chosen. */
  gtk_widget_set_can_focus (check, FALSE);
  gtk_widget_set_sensitive (row, selectable);
  if (self->reward_checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->reward_checks->pdata[0]);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED, FALSE, -1);
  g_signal_connect (check, "toggled", G_CALLBACK (reward_toggled_cb), self);
  adw_preferences_group_add (self->rewards_group, row);
  g_ptr_array_add (self->reward_rows, row);
  g_ptr_array_add (self->reward_checks, check);
  return row;
}

/* The keyboard starts at the reward chosen, not at Cancel. */
static void
focus_chosen_reward (CfPledgeDialog *self)
{
  for (guint i = 0; i < self->reward_checks->len; i++)
    if (gtk_check_button_get_active (self->reward_checks->pdata[i]))
      gtk_widget_grab_focus (self->reward_rows->pdata[i]);
}

/* One row per reward, sold-out ones shown but not selectable; @selected_id
 * (NULL for no reward) is chosen. */
static void
fill_rewards (CfPledgeDialog *self,
              const char     *selected_id)
{
  guint selected = 0;

  for (guint i = 0; i < self->reward_rows->len; i++)
    adw_preferences_group_remove (self->rewards_group, self->reward_rows->pdata[i]);
  g_ptr_array_set_size (self->reward_rows, 0);
  g_ptr_array_set_size (self->reward_checks, 0);

  reward_row (self, _("No reward"), _("Back the project because you believe in it."), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (self->rewards); i++)
    {
      g_autoptr(CfReward) reward = g_list_model_get_item (self->rewards, i);
      g_autofree char *minimum = cf_money_format (cf_reward_get_minimum (reward), NULL);
      g_autofree char *remaining = cf_format_reward_remaining (reward);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      gboolean mine = g_strcmp0 (selected_id, cf_reward_get_id (reward)) == 0;

      /* Translators: a reward and its minimum, as in “Early bird · €60.00”. */
      title = g_strdup_printf (_("%s · %s"), cf_reward_get_title (reward), minimum);
      subtitle = cf_reward_get_description (reward) && *cf_reward_get_description (reward)
                 ? g_strdup_printf ("%s\n%s", remaining, cf_reward_get_description (reward))
                 : g_strdup (remaining);
      reward_row (self, title, subtitle, cf_reward_get_available (reward) || mine);
      if (mine)
        selected = i + 1;
    }

  gtk_check_button_set_active (self->reward_checks->pdata[selected], TRUE);
}

static void
set_busy (CfPledgeDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  cf_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rewards_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->shipping_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bonus_row), !busy);
  gtk_widget_set_sensitive (self->cancel_pledge_button, !busy);
  update_total (self);
}

static void
rewards_reloaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CfPage) page = cf_platform_list_finish (CF_PLATFORM (object), result, NULL);
  CfPledgeDialog *self;
  g_autoptr(CfReward) reward = NULL;
  g_autofree char *selected_id = NULL;

  if (page == NULL)
    return;

  self = CF_PLEDGE_DIALOG (user_data);
  reward = selected_reward (self);
  selected_id = reward ? g_strdup (cf_reward_get_id (reward)) : NULL;
  g_set_object (&self->rewards, cf_page_get_items (page));
  fill_rewards (self, selected_id);
}

static void
finished (CfPledgeDialog *self,
          CfPledge       *pledge,
          GError         *error)
{
  set_busy (self, FALSE);
  if (error == NULL)
    {
      g_signal_emit (self, signals[PLEDGE_CHANGED], 0, pledge);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  show_refusal (self, error->message);
  /* What is left has changed: show it, keeping the choice. */
  if (g_error_matches (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_SOLD_OUT))
    cf_platform_list_rewards_async (self->platform, cf_campaign_get_id (self->campaign), self->cancellable,
                                    rewards_reloaded_cb, self);
}

static void
pledged_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPledge) pledge = cf_platform_create_pledge_finish (CF_PLATFORM (object), result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    finished (CF_PLEDGE_DIALOG (user_data), pledge, error);
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPledge) pledge = cf_platform_change_pledge_finish (CF_PLATFORM (object), result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    finished (CF_PLEDGE_DIALOG (user_data), pledge, error);
}

static void
confirm_cb (CfPledgeDialog *self)
{
  g_autoptr(CfReward) reward = selected_reward (self);
  g_autofree char *problem = NULL;
  CfMoney total;

  if (self->busy || !gtk_widget_get_sensitive (GTK_WIDGET (self->confirm_button)) ||
      !compute_total (self, reward, &total, &problem))
    return;

  show_refusal (self, NULL);
  set_busy (self, TRUE);
  if (self->pledge == NULL)
    {
      CfPledgeRequest request = {
        .reward_id = reward ? cf_reward_get_id (reward) : NULL,
        .amount = total,
        .shipping_country = selected_country (self),
      };

      cf_platform_create_pledge_async (self->platform, cf_campaign_get_id (self->campaign), &request,
                                       cf_pledge_key_for (self->pledge_key, &request), self->cancellable,
                                       pledged_cb, self);
    }
  else
    {
      CfPledgeChange change = {
        .fields = CF_PLEDGE_CHANGE_REWARD | CF_PLEDGE_CHANGE_AMOUNT | CF_PLEDGE_CHANGE_SHIPPING_COUNTRY,
        .reward_id = reward ? cf_reward_get_id (reward) : NULL,
        .amount = total,
        .shipping_country = selected_country (self),
      };

      cf_platform_change_pledge_async (self->platform, cf_pledge_get_id (self->pledge), &change,
                                       self->cancellable, changed_cb, self);
    }
}

static void
canceled_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cf_platform_cancel_pledge_finish (CF_PLATFORM (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  finished (CF_PLEDGE_DIALOG (user_data), NULL, error);
}

static void
cancel_confirmed_cb (CfPledgeDialog *self)
{
  show_refusal (self, NULL);
  set_busy (self, TRUE);
  cf_platform_cancel_pledge_async (self->platform, cf_pledge_get_id (self->pledge), self->cancellable,
                                   canceled_cb, self);
}

static void
cancel_pledge_cb (CfPledgeDialog *self)
{
  g_autofree char *amount = cf_money_format (cf_pledge_get_amount (self->pledge), NULL);
  g_autofree char *body = NULL;

  /* Translators: %s is an amount and %s a campaign, as in “Your pledge of €65.00 to Alpha will end.” */
  body = g_strdup_printf (_("Your pledge of %s to %s will end. You can back the project again while it is live."),
                          amount, cf_campaign_get_title (self->campaign));
  cf_widget_confirm (GTK_WINDOW (self), _("Cancel Your Pledge?"), body, _("_Keep Pledge"), _("_Cancel Pledge"),
                     ADW_RESPONSE_DESTRUCTIVE, G_CALLBACK (cancel_confirmed_cb), self);
}

static void
cf_pledge_dialog_dispose (GObject *object)
{
  CfPledgeDialog *self = CF_PLEDGE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->platform);
  g_clear_object (&self->campaign);
  g_clear_object (&self->pledge);
  g_clear_object (&self->rewards);
  g_clear_object (&self->approximation);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLEDGE_DIALOG);

  G_OBJECT_CLASS (cf_pledge_dialog_parent_class)->dispose (object);
}

static void
cf_pledge_dialog_finalize (GObject *object)
{
  CfPledgeDialog *self = CF_PLEDGE_DIALOG (object);

  g_free (self->preferred_country);
  g_clear_object (&self->pledge_key);
  g_strfreev (self->destinations);
  g_ptr_array_unref (self->reward_rows);
  g_ptr_array_unref (self->reward_checks);

  G_OBJECT_CLASS (cf_pledge_dialog_parent_class)->finalize (object);
}

static void
cf_pledge_dialog_class_init (CfPledgeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_pledge_dialog_dispose;
  object_class->finalize = cf_pledge_dialog_finalize;

  /**
   * CfPledgeDialog::pledge-changed:
   * @pledge: (nullable): the pledge as the platform now has it, or %NULL
   *   when it was canceled
   */
  signals[PLEDGE_CHANGED] =
    g_signal_new ("pledge-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_PLEDGE);

  g_type_ensure (CF_TYPE_SPINNER);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-pledge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, bonus_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, cancel_pledge_button);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, confirm_label);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, country_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, rewards_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, shipping_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, total_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgeDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, cancel_pledge_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_pledge_dialog_init (CfPledgeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  cf_widget_open_menu_at_choice (self->country_drop_down);
  self->cancellable = g_cancellable_new ();
  self->reward_rows = g_ptr_array_new ();
  self->reward_checks = g_ptr_array_new ();
}

/* A dialog to back @campaign with one of @rewards, or to change @pledge
 * when there is one. Totals are also shown in the person's currency through
 * @approximation when given; shipping goes to @country when it can. */
CfPledgeDialog *
cf_pledge_dialog_new (GtkWindow       *parent,
                      CfPlatform      *platform,
                      CfCampaign      *campaign,
                      GListModel      *rewards,
                      CfPledge        *pledge,
                      CfApproximation *approximation,
                      const char      *country)
{
  CfPledgeDialog *self = g_object_new (CF_TYPE_PLEDGE_DIALOG, "transient-for", parent, NULL);
  g_autofree char *bonus = NULL;

  self->platform = g_object_ref (platform);
  self->campaign = g_object_ref (campaign);
  self->rewards = g_object_ref (rewards);
  self->pledge = pledge ? g_object_ref (pledge) : NULL;
  self->approximation = approximation ? g_object_ref (approximation) : NULL;
  self->preferred_country = g_strdup (pledge && cf_pledge_get_shipping_country (pledge)
                                      ? cf_pledge_get_shipping_country (pledge) : country);
  self->pledge_key = cf_pledge_key_new ();

  gtk_window_set_title (GTK_WINDOW (self), pledge ? _("Change Your Pledge") : _("Back This Project"));
  adw_window_title_set_title (self->window_title, pledge ? _("Change Your Pledge") : _("Back This Project"));
  adw_window_title_set_subtitle (self->window_title, cf_campaign_get_title (campaign));
  gtk_widget_set_visible (self->cancel_pledge_button, pledge != NULL);
  /* Without a reward, the whole amount is the bonus. */
  if (pledge != NULL && cf_pledge_get_reward_id (pledge) == NULL)
    bonus = cf_money_format_number (cf_pledge_get_amount (pledge), NULL);
  else if (pledge != NULL && cf_pledge_get_bonus (pledge)->amount > 0)
    bonus = cf_money_format_number (cf_pledge_get_bonus (pledge), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->bonus_row), bonus ? bonus : "");
  fill_rewards (self, pledge ? cf_pledge_get_reward_id (pledge) : NULL);
  update_total (self);
  g_signal_connect (self, "map", G_CALLBACK (focus_chosen_reward), NULL);
  return self;
}
