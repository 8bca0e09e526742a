/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-account-box.h"
#include "cf-locale.h"
#include "cf-platform-kind.h"
#include "cf-preferences-window.h"
#include "cf-widget-util.h"

/* Preferences: every platform in the window with its account, and adding
 * one. Adding and removing are asked of the window, which owns them. */
struct _CfPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkBox *accounts_box;
  GtkButton *add_button;
  AdwEntryRow *address_row;
  AdwComboRow *currency_row;
  AdwComboRow *kind_row;

  CfAccountList *accounts;
  GPtrArray *offered_kinds;  /* the kinds kind_row offers, in its order; unowned */
  GSettings *settings;
  GPtrArray *currencies;  /* the codes behind currency_row's items; "" first */
};

/* Currencies offered for approximate amounts, besides the account's. */
static const char * const display_currencies[] = {
  "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF",
  "INR", "JPY", "KRW", "MXN", "NOK", "NZD", "PLN", "SEK", "SGD", "USD",
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const CfPlatformKind *
chosen_kind (CfPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < self->offered_kinds->len ? self->offered_kinds->pdata[selected] : NULL;
}

/* What the form would add, or NULL while it is not complete. */
static char *
dup_chosen_platform (CfPreferencesWindow *self)
{
  const CfPlatformKind *kind = chosen_kind (self);

  return kind ? cf_platform_kind_dup_choice (kind, gtk_editable_get_text (GTK_EDITABLE (self->address_row))) : NULL;
}

static void
add_form_changed_cb (CfPreferencesWindow *self)
{
  g_autofree char *choice = dup_chosen_platform (self);
  const CfPlatformKind *kind = chosen_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->address_row), kind != NULL && kind->needs_address);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), choice != NULL);
}

/* Whether a platform of @kind, which has no address, is already kept. */
static gboolean
is_added (CfPreferencesWindow  *self,
          const CfPlatformKind *kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(CfAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (g_strcmp0 (cf_account_get_choice (account), kind->id) == 0 && !cf_account_get_for_this_run_only (account))
        return TRUE;
    }
  return FALSE;
}

/* The kinds that can be added: any that takes an address, and those that
 * do not, once (the demo, Ulule) unless already added. The first is
 * chosen, ready for the next platform. */
static void
offer_kinds (CfPreferencesWindow *self)
{
  const CfPlatformKind * const *kinds = cf_platform_kind_list ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->offered_kinds, 0);
  for (guint i = 0; kinds[i] != NULL; i++)
    if (kinds[i]->needs_address || !is_added (self, kinds[i]))
      {
        g_ptr_array_add (self->offered_kinds, (gpointer) kinds[i]);
        gtk_string_list_append (names, _(kinds[i]->name));
      }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->kind_row, 0);
  add_form_changed_cb (self);
}

static void
currency_chosen_cb (CfPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  if (self->settings != NULL && selected < self->currencies->len)
    g_settings_set_string (self->settings, "display-currency", self->currencies->pdata[selected]);
}

typedef struct
{
  const char *code;
  char *name;
} Currency;

static int
compare_currencies (gconstpointer a,
                    gconstpointer b)
{
  return g_utf8_collate (((const Currency *) a)->name, ((const Currency *) b)->name);
}

/* The region's currency first, then the others by name, the one chosen in
 * @settings selected. Choices are written to @settings only afterwards. */
static void
offer_currencies (CfPreferencesWindow *self,
                  GSettings           *settings)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_settings_get_string (settings, "display-currency");
  g_autofree char *regional = cf_locale_dup_currency ();
  g_autofree char *region_item = NULL;
  Currency currencies[G_N_ELEMENTS (display_currencies)];
  guint selected = 0;

  /* Translators: the first choice of currency for approximate amounts, the
   * one of the region set for the desktop, as in “Your Region’s (EUR)”. */
  region_item = g_strdup_printf (_("Your Region’s (%s)"), regional);
  gtk_string_list_append (names, region_item);
  g_ptr_array_add (self->currencies, "");
  for (guint i = 0; i < G_N_ELEMENTS (display_currencies); i++)
    {
      currencies[i].code = display_currencies[i];
      currencies[i].name = cf_locale_dup_currency_name (display_currencies[i]);
    }
  qsort (currencies, G_N_ELEMENTS (currencies), sizeof (Currency), compare_currencies);
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      /* Translators: a currency for approximate amounts, as in “Euro (EUR)”. */
      g_autofree char *item = g_strdup_printf (_("%s (%s)"), currencies[i].name, currencies[i].code);

      gtk_string_list_append (names, item);
      g_ptr_array_add (self->currencies, (gpointer) currencies[i].code);
      if (g_str_equal (currencies[i].code, chosen))
        selected = self->currencies->len - 1;
      g_free (currencies[i].name);
    }

  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->currency_row, selected);
}

static void
add_cb (CfPreferencesWindow *self)
{
  g_autofree char *choice = dup_chosen_platform (self);

  if (choice == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), "");
  cf_account_list_add (self->accounts, choice);
  offer_kinds (self);
}

static void
remove_response_cb (AdwMessageDialog    *dialog,
                    const char          *response,
                    CfPreferencesWindow *self)
{
  CfAccount *account = g_object_get_data (G_OBJECT (dialog), "account");

  if (g_str_equal (response, "remove"))
    cf_account_list_remove (self->accounts, account);
}

/* Removing signs out and forgets the platform: asked once more. */
static void
remove_cb (CfPreferencesWindow *self,
           CfAccountBox        *box)
{
  CfAccount *account = cf_account_box_get_account (box);
  /* Translators: %s is a platform, as in “Demo platform”. */
  g_autofree char *heading = g_strdup_printf (_("Remove %s?"), cf_account_get_label (account));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), heading,
                            _("You will be signed out, and its pledges and campaigns will no longer show. "
                              "You can add it again at any time.")));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
accounts_changed_cb (CfPreferencesWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_box))) != NULL)
    gtk_box_remove (self->accounts_box, child);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(CfAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      GtkWidget *box = cf_account_box_new (account);

      g_signal_connect_object (box, "remove", G_CALLBACK (remove_cb), self, G_CONNECT_SWAPPED);
      /* Once per account, however often the list is shown again. */
      g_signal_handlers_disconnect_by_func (account, offer_kinds, self);
      g_signal_connect_object (account, "notify::for-this-run-only", G_CALLBACK (offer_kinds), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->accounts_box, box);
    }
  offer_kinds (self);
}

static void
cf_preferences_window_dispose (GObject *object)
{
  CfPreferencesWindow *self = CF_PREFERENCES_WINDOW (object);

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->currencies, g_ptr_array_unref);
  g_clear_pointer (&self->offered_kinds, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cf_preferences_window_parent_class)->dispose (object);
}

static void
cf_preferences_window_class_init (CfPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_preferences_window_dispose;

  g_type_ensure (CF_TYPE_ACCOUNT_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, accounts_box);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, kind_row);
  gtk_widget_class_bind_template_callback (widget_class, add_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_chosen_cb);
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  self->offered_kinds = g_ptr_array_new ();
}

/* Opened to sign in, as most often: the first signed-out account's
 * username has the keyboard. With every account signed in, the keyboard
 * starts on adding a platform, never on removing one. */
static void
focus_sign_in_cb (CfPreferencesWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (cf_account_box_focus_sign_in (CF_ACCOUNT_BOX (child)))
      return;
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

/* Preferences over @parent, for the accounts of @accounts. */
CfPreferencesWindow *
cf_preferences_window_new (GtkWindow     *parent,
                           CfAccountList *accounts,
                           GSettings     *settings)
{
  CfPreferencesWindow *self = g_object_new (CF_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  self->accounts = g_object_ref (accounts);
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self);
  accounts_changed_cb (self);
  self->currencies = g_ptr_array_new ();
  offer_currencies (self, settings);
  self->settings = g_object_ref (settings);
  g_signal_connect (self, "map", G_CALLBACK (focus_sign_in_cb), NULL);
  return self;
}
