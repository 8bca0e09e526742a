/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-account-box"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-account-box.h"
#include "cf-platform-kind.h"
#include "cf-spinner.h"
#include "cf-widget-util.h"

/* One platform in Preferences: which it is, signing in with the method
 * its capabilities name or the account signed in, and removing it. */
struct _CfAccountBox
{
  GtkBox parent_instance;

  AdwActionRow *account_row;
  GtkLabel *error_label;
  AdwPasswordEntryRow *password_row;
  AdwPreferencesGroup *platform_group;
  GtkButton *remove_button;
  GtkButton *sign_in_button;
  AdwPreferencesGroup *sign_in_actions;
  AdwPreferencesGroup *sign_in_group;
  CfSpinner *sign_in_spinner;
  AdwPreferencesGroup *signed_in_group;
  GtkButton *sign_out_button;
  AdwEntryRow *username_row;

  CfAccount *account;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CfAccountBox, cf_account_box, GTK_TYPE_BOX)

enum
{
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (CfAccountBox *self,
            const GError        *error)
{
  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
form_changed_cb (CfAccountBox *self)
{
  gboolean busy = cf_account_get_busy (self->account);
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy && *username != '\0' && *password != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->username_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_out_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_spinner), busy);
  cf_spinner_set_spinning (self->sign_in_spinner, busy);
}

static gboolean
needs_sign_in (CfAccountBox *self)
{
  return cf_platform_get_capabilities (cf_account_get_platform (self->account))->sign_in != CF_SIGN_IN_METHOD_NONE;
}

static void
account_changed_cb (CfAccountBox *self)
{
  gboolean signed_in = cf_account_get_signed_in (self->account);
  CfUser *user = cf_account_get_user (self->account);
  const char *username = cf_account_get_username (self->account);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The form goes once signed in, and the keyboard focus with it. */
  if (signed_in && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sign_in_group)))
    gtk_root_set_focus (root, NULL);
  /* What needs no sign-in has no one signed in to show, nor signing out. */
  gtk_widget_set_visible (GTK_WIDGET (self->signed_in_group), signed_in && needs_sign_in (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_group), !signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_actions), !signed_in);

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
  CfAccountBox *self;

  if (cf_account_sign_in_finish (CF_ACCOUNT (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* What was typed stays, so that a typo is fixed rather than retyped. */
  self = CF_ACCOUNT_BOX (user_data);
  show_error (self, error);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
sign_in_cb (CfAccountBox *self)
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
username_activated_cb (CfAccountBox *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CfAccountBox *self;
  GtkRoot *root;
  GtkWidget *focus;

  if (!cf_account_sign_out_finish (CF_ACCOUNT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (CF_ACCOUNT_BOX (user_data), error);
      return;
    }

  /* The Sign Out button went with the session, and the keyboard with it:
   * it goes to the form that replaces it, unless it went elsewhere since. */
  self = CF_ACCOUNT_BOX (user_data);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
}

static void
sign_out_cb (CfAccountBox *self)
{
  cf_account_sign_out_async (self->account, self->cancellable, signed_out_cb, self);
}

static void
remove_cb (CfAccountBox *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
cf_account_box_dispose (GObject *object)
{
  CfAccountBox *self = CF_ACCOUNT_BOX (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_ACCOUNT_BOX);

  G_OBJECT_CLASS (cf_account_box_parent_class)->dispose (object);
}

static void
cf_account_box_class_init (CfAccountBoxClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_account_box_dispose;

  /**
   * CfAccountBox::remove:
   *
   * The person asked to remove the platform.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  g_type_ensure (CF_TYPE_SPINNER);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-account-box.ui");
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, account_row);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, error_label);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, password_row);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, platform_group);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, sign_in_actions);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, sign_in_group);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, signed_in_group);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, CfAccountBox, username_row);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_out_cb);
  gtk_widget_class_bind_template_callback (widget_class, username_activated_cb);
}

static void
cf_account_box_init (CfAccountBox *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* A password, or an API key or personal token copied from the platform's website. */
static void
show_sign_in_method (CfAccountBox *self)
{
  const CfPlatformCapabilities *capabilities = cf_platform_get_capabilities (cf_account_get_platform (self->account));

  if (capabilities->sign_in == CF_SIGN_IN_METHOD_API_KEY)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("API Key"));
      adw_preferences_group_set_description (self->sign_in_group,
                                             _("Copy your API key from your account’s settings on the platform’s "
                                               "website (on Ulule: Settings → Privacy). Crowdfund keeps it in your "
                                               "keyring."));
    }
  else if (capabilities->sign_in == CF_SIGN_IN_METHOD_TOKEN)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->username_row), _("Profile Name"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->password_row), _("Personal Token"));
      adw_preferences_group_set_description (self->sign_in_group,
                                             _("Your profile name is the end of your profile’s address. Create a "
                                               "personal token in your settings on the platform’s website (on Open "
                                               "Collective: Settings → For Developers → Personal Tokens). Crowdfund "
                                               "keeps it in your keyring."));
    }
}

/* What is said of the platform under its name: its address, and whether
 * it is only there for this run. */
static void
show_platform_description (CfAccountBox *self)
{
  const CfPlatformKind *kind = cf_platform_kind_for_choice (cf_account_get_choice (self->account));
  const char *address = kind != NULL && kind->needs_address ? cf_account_get_choice (self->account) : NULL;
  g_autofree char *description = NULL;

  if (cf_account_get_for_this_run_only (self->account) && address != NULL)
    /* Translators: %s is a platform's address; the platform was given on the command line. */
    description = g_strdup_printf (_("%s, opened for this run only: add it below to open it every time."), address);
  else if (cf_account_get_for_this_run_only (self->account))
    description = g_strdup (_("Opened for this run only: add it below to open it every time."));
  else if (!needs_sign_in (self))
    description = g_strdup (_("Campaigns followed by their address and pledges kept by hand, in a file on this "
                              "computer. Removing it here keeps the file."));
  else
    description = g_strdup (address);
  adw_preferences_group_set_description (self->platform_group, description);
}

/* @account's platform, its sign-in and its removal. */
GtkWidget *
cf_account_box_new (CfAccount *account)
{
  CfAccountBox *self = g_object_new (CF_TYPE_ACCOUNT_BOX, NULL);
  /* Translators: the tooltip of the button that removes a platform, also read by screen readers; %s is the platform. */
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), cf_account_get_label (account));
  /* Translators: what a screen reader says of a Sign Out button; %s is the platform, as in “Sign Out of Ulule”. */
  g_autofree char *sign_out_label = g_strdup_printf (_("Sign Out of %s"), cf_account_get_label (account));

  self->account = g_object_ref (account);
  show_sign_in_method (self);
  adw_preferences_group_set_title (self->platform_group, cf_account_get_label (account));
  show_platform_description (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  /* With several platforms, each Sign Out says which. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sign_out_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sign_out_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cf_account_get_label (account), -1);
  g_signal_connect_swapped (account, "notify", G_CALLBACK (account_changed_cb), self);
  g_signal_connect_swapped (account, "notify::for-this-run-only", G_CALLBACK (show_platform_description), self);
  account_changed_cb (self);
  return GTK_WIDGET (self);
}

/* Puts the keyboard in the username when the account is signed out:
 * whoever opened Preferences to sign in can type at once. */
gboolean
cf_account_box_focus_sign_in (CfAccountBox *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT_BOX (self), FALSE);

  return !cf_account_get_signed_in (self->account) && gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
}

CfAccount *
cf_account_box_get_account (CfAccountBox *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT_BOX (self), NULL);

  return self->account;
}
