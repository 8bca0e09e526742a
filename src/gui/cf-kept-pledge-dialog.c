/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-kept-pledge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-kept-pledge-dialog.h"
#include "cf-locale.h"
#include "cf-web-address.h"
#include "cf-widget-util.h"

/* Adding a pledge made where the app cannot read it: the campaign's page
 * and title, what was pledged, the reward and when it is expected, the
 * backer number and a note. Add is possible once the address and the
 * amount are readable; nothing typed is lost when they are not. */

static const char * const currencies[] = {
  "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "NZD", "CHF", "SEK", "DKK", "NOK", "PLN", "HKD", "SGD", "MXN",
  "CNY", "KRW", "BRL", "INR", NULL,
};

/* The estimated delivery can be a month from two years back to three ahead. */
#define MONTHS_BACK 24
#define MONTHS_AHEAD 36

typedef struct
{
  CfKeptPlatform *platform;
  GtkEditable *address;
  GtkEditable *title;
  GtkEditable *amount;
  AdwComboRow *currency;
  GtkEditable *reward;
  AdwComboRow *delivery;
  GtkEditable *backer;
  GtkEditable *note;
  GtkWidget *problem;
  GDateTime *first_month;
} KeptPledge;

static void
kept_pledge_free (KeptPledge *kept)
{
  g_object_unref (kept->platform);
  g_date_time_unref (kept->first_month);
  g_free (kept);
}

static char *
dup_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/* The month chosen as "YYYY-MM", or NULL for “Not known”. */
static char *
dup_delivery_month (KeptPledge *kept)
{
  guint selected = adw_combo_row_get_selected (kept->delivery);
  g_autoptr(GDateTime) month = NULL;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  month = g_date_time_add_months (kept->first_month, selected - 1);
  return g_date_time_format (month, "%Y-%m");
}

/* What is wrong with what was typed, or NULL when it can be kept. */
static const char *
problem_of (KeptPledge *kept,
            CfMoney    *amount,
            guint64    *backer_number)
{
  g_autofree char *address = dup_text (kept->address);
  g_autofree char *typed_amount = dup_text (kept->amount);
  g_autofree char *backer = dup_text (kept->backer);

  if (!cf_web_address_is_valid (address))
    return _("The campaign’s address starts with https:// or http://");
  if (!cf_money_parse (typed_amount, cf_widget_get_currency (kept->currency), NULL, amount, NULL) ||
      amount->amount <= 0)
    return _("Type the amount pledged, as in 25 or 1,250.50.");
  *backer_number = 0;
  if (*backer != '\0' && !g_ascii_string_to_unsigned (*backer == '#' ? backer + 1 : backer, 10, 1, G_MAXINT64,
                                                      backer_number, NULL))
    return _("A backer number is a whole number, as in 1204.");
  return NULL;
}

static void
changed_cb (AdwMessageDialog *dialog)
{
  KeptPledge *kept = g_object_get_data (G_OBJECT (dialog), "kept-pledge");
  CfMoney amount;
  guint64 backer_number;
  g_autofree char *address = dup_text (kept->address);
  g_autofree char *typed_amount = dup_text (kept->amount);
  const char *problem = problem_of (kept, &amount, &backer_number);

  /* A problem is said once something was typed where it is. */
  gtk_label_set_label (GTK_LABEL (kept->problem), problem ? problem : "");
  gtk_widget_set_visible (kept->problem, problem != NULL && (*address != '\0' || *typed_amount != '\0'));
  adw_message_dialog_set_response_enabled (dialog, "add", problem == NULL);
}

static void
add_cb (AdwMessageDialog *dialog)
{
  KeptPledge *kept = g_object_get_data (G_OBJECT (dialog), "kept-pledge");
  GtkWidget *window = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  g_autofree char *address = dup_text (kept->address);
  g_autofree char *title = dup_text (kept->title);
  g_autofree char *reward = dup_text (kept->reward);
  g_autofree char *note = dup_text (kept->note);
  g_autofree char *month = dup_delivery_month (kept);
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  guint64 backer_number = 0;
  CfKeptPledge pledge = {
    .address = address,
    .title = title,
    .reward = reward,
    .estimated_delivery = month,
    .note = note,
  };

  if (problem_of (kept, &pledge.amount, &backer_number) != NULL)
    return;
  pledge.backer_number = backer_number;
  id = cf_kept_platform_add_pledge (kept->platform, &pledge, &error);
  gtk_widget_activate_action (window, "win.show-toast", "s", id ? _("Pledge kept on this computer") : error->message);
}

static GtkWidget *
new_delivery_row (KeptPledge *kept)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) this_month = NULL;

  this_month = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now), 1, 0, 0, 0);
  kept->first_month = g_date_time_add_months (this_month, -MONTHS_BACK);
  /* Translators: the estimated delivery of a pledge kept by hand, when the backer does not know it. */
  gtk_string_list_append (months, _("Not known"));
  for (int i = 0; i <= MONTHS_BACK + MONTHS_AHEAD; i++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (kept->first_month, i);
      /* Translators: a month, as in “March 2027”; see strftime(3). */
      g_autofree char *text = cf_format_date (month, C_("delivery month", "%B %Y"));

      gtk_string_list_append (months, text);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Estimated Delivery"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (months));
  return row;
}

/* Asks for a pledge made elsewhere and keeps it on @platform. */
void
cf_kept_pledge_dialog_present (GtkWindow      *parent,
                               CfKeptPlatform *platform)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    parent, _("Add a Pledge Kept by Hand"),
    _("For a pledge made where Crowdfund cannot read it, as on Kickstarter. Only its address and amount are "
      "needed. It is kept on this computer, and you move its delivery on yourself.")));
  g_autofree char *regional = cf_locale_dup_currency ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *currency = adw_combo_row_new ();
  GtkWidget *delivery;
  KeptPledge *kept = g_new0 (KeptPledge, 1);
  GtkEditable *editables[7];

  kept->platform = g_object_ref (platform);
  g_object_set_data_full (G_OBJECT (dialog), "kept-pledge", kept, (GDestroyNotify) kept_pledge_free);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  kept->address = GTK_EDITABLE (cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Campaign Address"), NULL));
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (kept->address), GTK_INPUT_PURPOSE_URL);
  kept->title = GTK_EDITABLE (cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Campaign Title"), NULL));
  kept->amount = GTK_EDITABLE (cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Amount Pledged"), NULL));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (currency), _("Currency"));
  cf_widget_offer_currencies (ADW_COMBO_ROW (currency), currencies, regional);
  gtk_list_box_append (GTK_LIST_BOX (list), currency);
  kept->currency = ADW_COMBO_ROW (currency);
  kept->reward = GTK_EDITABLE (cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Reward"), NULL));
  delivery = new_delivery_row (kept);
  gtk_list_box_append (GTK_LIST_BOX (list), delivery);
  kept->delivery = ADW_COMBO_ROW (delivery);
  kept->backer = GTK_EDITABLE (cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Backer Number"), NULL));
  kept->note = GTK_EDITABLE (cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Note"), NULL));
  kept->problem = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (kept->problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (kept->problem), 0);
  gtk_widget_add_css_class (kept->problem, "error");
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), kept->problem);
  editables[0] = kept->address;
  editables[1] = kept->title;
  editables[2] = kept->amount;
  editables[3] = kept->reward;
  editables[4] = kept->backer;
  editables[5] = kept->note;
  editables[6] = NULL;
  for (guint i = 0; editables[i] != NULL; i++)
    {
      g_signal_connect_swapped (editables[i], "changed", G_CALLBACK (changed_cb), dialog);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (editables[i]), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      kept->problem, NULL, -1);
    }
  g_signal_connect_swapped (currency, "notify::selected", G_CALLBACK (changed_cb), dialog);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response::add", G_CALLBACK (add_cb), NULL);
  changed_cb (dialog);
  cf_widget_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}
