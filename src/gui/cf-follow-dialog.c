/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-follow-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-follow-dialog.h"
#include "cf-kept-translate.h"
#include "cf-locale.h"
#include "cf-widget-util.h"

/* Following a campaign at an address no platform the person added reads:
 * its title, and for a Kickstarter campaign whether to read its public
 * figures, with the currency and goal Kickstarter's figures do not say. */

/* The currencies Kickstarter projects are run in. */
static const char * const kickstarter_currencies[] = {
  "USD", "GBP", "EUR", "CAD", "AUD", "NZD", "SEK", "DKK", "NOK", "CHF", "HKD", "SGD", "MXN", "JPY", "PLN", NULL,
};

typedef struct
{
  CfKeptPlatform *platform;
  char *address;
  GtkEditable *title;
  AdwExpanderRow *live;       /* NULL where figures cannot be read */
  AdwComboRow *currency;
  GtkEditable *goal;
  GtkEditable *stretch_goals;
  GtkCalendar *deadline;
  GtkToggleButton *has_deadline;
  GtkSwitch *mine;
  GtkWidget *goal_problem;
  CfFollowedFunc followed;
  gpointer user_data;
} Follow;

static void
follow_free (Follow *follow)
{
  g_object_unref (follow->platform);
  g_free (follow->address);
  g_free (follow);
}

/* The goal typed, if any; FALSE when what is typed is not an amount. */
static gboolean
read_goal (Follow  *follow,
           CfMoney *goal,
           gboolean *has_goal)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (follow->goal)));

  *has_goal = *text != '\0';
  return !*has_goal || (cf_money_parse (text, cf_widget_get_currency (follow->currency), NULL, goal, NULL) &&
                        goal->amount > 0);
}

/* The stretch goals typed, separated by semicolons, as amounts; NULL when
 * one of them is not an amount. */
static GArray *
read_stretch_goals (Follow *follow)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (follow->stretch_goals), ";", -1);
  g_autoptr(GArray) goals = g_array_new (FALSE, FALSE, sizeof (CfMoney));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      CfMoney goal;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (!cf_money_parse (parts[i], cf_widget_get_currency (follow->currency), NULL, &goal, NULL) || goal.amount <= 0)
        return NULL;
      g_array_append_val (goals, goal);
    }
  return g_steal_pointer (&goals);
}

static void
changed_cb (AdwMessageDialog *dialog)
{
  Follow *follow = g_object_get_data (G_OBJECT (dialog), "follow");
  gboolean live = follow->live != NULL && adw_expander_row_get_enable_expansion (follow->live);
  gboolean has_goal;
  CfMoney goal;
  g_autoptr(GArray) stretch_goals = live ? read_stretch_goals (follow) : NULL;
  gboolean valid_goal = !live || (read_goal (follow, &goal, &has_goal) && stretch_goals != NULL);

  /* Said as a hint while figures are read, and as a problem while what is
   * typed is not amounts. */
  gtk_widget_set_visible (follow->goal_problem, live);
  gtk_widget_set_css_classes (follow->goal_problem, valid_goal ? (const char *[]) { "dim-label", "caption", NULL }
                                                               : (const char *[]) { "error", "caption", NULL });
  adw_message_dialog_set_response_enabled (dialog, "follow", valid_goal);
}

static void
follow_cb (AdwMessageDialog *dialog)
{
  Follow *follow = g_object_get_data (G_OBJECT (dialog), "follow");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (follow->title)));
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stretch_goals = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  gboolean has_goal = FALSE;
  CfMoney goal;
  CfKeptFollow kept = {
    .address = follow->address,
    .title = title,
    .live_figures = follow->live != NULL && adw_expander_row_get_enable_expansion (follow->live),
  };

  if (kept.live_figures)
    {
      kept.currency = cf_widget_get_currency (follow->currency);
      if (read_goal (follow, &goal, &has_goal) && has_goal)
        kept.goal = &goal;
      stretch_goals = read_stretch_goals (follow);
      if (stretch_goals != NULL)
        {
          kept.stretch_goals = (const CfMoney *) stretch_goals->data;
          kept.n_stretch_goals = stretch_goals->len;
        }
      if (gtk_toggle_button_get_active (follow->has_deadline))
        {
          g_autoptr(GDateTime) day = gtk_calendar_get_date (follow->deadline);

          /* The end of the day chosen, where the person is. */
          deadline = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                            g_date_time_get_day_of_month (day), 23, 59, 0);
          kept.deadline = deadline;
        }
      kept.mine = gtk_switch_get_active (follow->mine);
    }
  id = cf_kept_platform_follow (follow->platform, &kept, &error);
  if (id == NULL)
    gtk_widget_activate_action (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog))),
                                "win.show-toast", "s", error->message);
  else
    follow->followed (follow->user_data, id);
}

static GtkWidget *
new_stretch_goals_row (Follow    *follow,
                       GtkWidget *problem)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Stretch Goals"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, problem, NULL, -1);
  follow->stretch_goals = GTK_EDITABLE (row);
  return row;
}

static void
deadline_chosen_cb (Follow *follow)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (follow->deadline);
  /* Translators: a campaign's last day, as in “31 January 2027”; see strftime(3). */
  g_autofree char *text = cf_format_date (day, C_("deadline", "%-d %B %Y"));

  gtk_button_set_label (GTK_BUTTON (follow->has_deadline), text);
  gtk_toggle_button_set_active (follow->has_deadline, TRUE);
}

static void
deadline_toggled_cb (Follow *follow)
{
  if (!gtk_toggle_button_get_active (follow->has_deadline))
    /* Translators: on the button choosing a campaign's deadline, when none is chosen. */
    gtk_button_set_label (GTK_BUTTON (follow->has_deadline), _("None"));
  else
    deadline_chosen_cb (follow);
}

/* The campaign's last day, which Kickstarter's figures do not say: a
 * toggle with the day chosen on a calendar beside it. */
static GtkWidget *
new_deadline_row (Follow *follow)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *choose = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Deadline"));
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (choose), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (choose), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (choose, _("Choose the Deadline"));
  gtk_box_append (GTK_BOX (box), toggle);
  gtk_box_append (GTK_BOX (box), choose);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  follow->deadline = GTK_CALENDAR (calendar);
  follow->has_deadline = GTK_TOGGLE_BUTTON (toggle);
  g_signal_connect_swapped (calendar, "day-selected", G_CALLBACK (deadline_chosen_cb), follow);
  g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (deadline_toggled_cb), follow);
  deadline_toggled_cb (follow);
  return row;
}

static GtkWidget *
new_mine_row (Follow *follow)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *mine = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("It Is My Campaign"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("On the Dashboard, with a notification as each goal is passed"));
  gtk_widget_set_valign (mine, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mine);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), mine);
  follow->mine = GTK_SWITCH (mine);
  return row;
}

static void
add_live_rows (Follow     *follow,
               GtkListBox *list)
{
  g_autofree char *regional = cf_locale_dup_currency ();
  GtkWidget *live = adw_expander_row_new ();
  GtkWidget *currency = adw_combo_row_new ();
  GtkWidget *goal = adw_entry_row_new ();
  GtkWidget *problem = gtk_label_new (_("The goal, stretch goals and deadline may stay empty. Stretch goals are "
                                        "amounts separated by semicolons, as in 50,000; 75,000."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (live), _("Read Its Live Figures"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (live),
                                 _("What Kickstarter publishes: pledged and backers, every few minutes"));
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (live), TRUE);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (live), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (live), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (currency), _("Currency"));
  cf_widget_offer_currencies (ADW_COMBO_ROW (currency), kickstarter_currencies, regional);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (goal), _("Goal"));
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (goal), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, problem, NULL, -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (live), currency);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (live), goal);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (live), new_stretch_goals_row (follow, problem));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (live), new_deadline_row (follow));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (live), new_mine_row (follow));
  gtk_list_box_append (list, live);
  follow->live = ADW_EXPANDER_ROW (live);
  follow->currency = ADW_COMBO_ROW (currency);
  follow->goal = GTK_EDITABLE (goal);
  follow->goal_problem = problem;
}

/* Asks how to follow the campaign at @address, then follows it on
 * @platform and calls @followed with its id. */
void
cf_follow_dialog_present (GtkWindow      *parent,
                          CfKeptPlatform *platform,
                          const char     *address,
                          CfFollowedFunc  followed,
                          gpointer        user_data)
{
  gboolean reads_figures = cf_kept_platform_reads_figures_of (platform, address);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    parent, _("Follow This Campaign?"),
    reads_figures ? _("No platform you added reads this address, but Kickstarter publishes this campaign’s "
                      "figures. Crowdfund can keep it in Following with them.")
                  : _("No platform you added reads this address. Crowdfund can keep it in Following, "
                      "with a link to its page.")));
  g_autofree char *title = cf_kept_dup_title_from_address (address);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  Follow *follow = g_new0 (Follow, 1);

  follow->platform = g_object_ref (platform);
  follow->address = g_strdup (address);
  follow->followed = followed;
  follow->user_data = user_data;
  g_object_set_data_full (G_OBJECT (dialog), "follow", follow, (GDestroyNotify) follow_free);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  follow->title = GTK_EDITABLE (cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Title"), title));
  if (reads_figures)
    add_live_rows (follow, GTK_LIST_BOX (list));
  gtk_box_append (GTK_BOX (box), list);
  if (follow->goal_problem != NULL)
    {
      gtk_box_append (GTK_BOX (box), follow->goal_problem);
      g_signal_connect_swapped (follow->goal, "changed", G_CALLBACK (changed_cb), dialog);
      g_signal_connect_swapped (follow->stretch_goals, "changed", G_CALLBACK (changed_cb), dialog);
      g_signal_connect_swapped (follow->live, "notify::enable-expansion", G_CALLBACK (changed_cb), dialog);
      g_signal_connect_swapped (follow->currency, "notify::selected", G_CALLBACK (changed_cb), dialog);
    }
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "follow", _("_Follow"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "follow", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "follow");
  g_signal_connect (dialog, "response::follow", G_CALLBACK (follow_cb), NULL);
  if (follow->goal_problem != NULL)
    changed_cb (dialog);
  cf_widget_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}
