/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-preferences-window.h"

/* Preferences: the platform in use and the account signed in on it. */
struct _CfPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwActionRow *account_row;
  GtkLabel *error_label;
  AdwPasswordEntryRow *password_row;
  AdwActionRow *platform_row;
  GtkButton *sign_in_button;
  AdwPreferencesGroup *sign_in_actions;
  AdwPreferencesGroup *sign_in_group;
  GtkSpinner *sign_in_spinner;
  AdwPreferencesGroup *signed_in_group;
  GtkButton *sign_out_button;
  AdwEntryRow *username_row;

  CfAccount *account;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
show_error (CfPreferencesWindow *self,
            const GError        *error)
{
  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
form_changed_cb (CfPreferencesWindow *self)
{
  gboolean busy = cf_account_get_busy (self->account);
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy && *username != '\0' && *password != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->username_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_out_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_spinner), busy);
  gtk_spinner_set_spinning (self->sign_in_spinner, busy);
}

static void
account_changed_cb (CfPreferencesWindow *self)
{
  gboolean signed_in = cf_account_get_signed_in (self->account);
  CfUser *user = cf_account_get_user (self->account);
  const char *username = cf_account_get_username (self->account);

  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_group), !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_actions), !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->signed_in_group), signed_in);
  if (signed_in)
    {
      const char *name = user ? cf_user_get_name (user) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), name ? name : username);
      adw_action_row_set_subtitle (self->account_row, username);
    }
  show_error (self, cf_account_get_error (self->account));
  form_changed_cb (self);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CfPreferencesWindow *self;

  if (cf_account_sign_in_finish (CF_ACCOUNT (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* What was typed stays, so that a typo is fixed rather than retyped. */
  self = CF_PREFERENCES_WINDOW (user_data);
  show_error (self, error);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
sign_in_cb (CfPreferencesWindow *self)
{
  g_autofree char *username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (*username == '\0' || *password == '\0' || cf_account_get_busy (self->account))
    return;

  show_error (self, NULL);
  cf_account_sign_in_async (self->account, username, password, self->cancellable, signed_in_cb, self);
  /* The password is not kept, not even in the entry. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
username_activated_cb (CfPreferencesWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cf_account_sign_out_finish (CF_ACCOUNT (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (CF_PREFERENCES_WINDOW (user_data), error);
}

static void
sign_out_cb (CfPreferencesWindow *self)
{
  cf_account_sign_out_async (self->account, self->cancellable, signed_out_cb, self);
}

static void
cf_preferences_window_dispose (GObject *object)
{
  CfPreferencesWindow *self = CF_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cf_preferences_window_parent_class)->dispose (object);
}

static void
cf_preferences_window_class_init (CfPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, platform_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, sign_in_actions);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, sign_in_group);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, signed_in_group);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, username_row);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, username_activated_cb);
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Preferences over @parent, for @account on the platform at @platform_label. */
CfPreferencesWindow *
cf_preferences_window_new (GtkWindow  *parent,
                           CfAccount  *account,
                           const char *platform_label)
{
  CfPreferencesWindow *self = g_object_new (CF_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  self->account = g_object_ref (account);
  adw_action_row_set_subtitle (self->platform_row, platform_label);
  g_signal_connect_swapped (account, "notify", G_CALLBACK (account_changed_cb), self);
  account_changed_cb (self);
  return self;
}
