/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-follow-dialog.h"
#include "cf-kept-pledge-dialog.h"
#include "cf-window-private.h"

/* The window's ways to what is kept on this computer: following an
 * address no platform reads, pledges kept by hand, their export and
 * import, and the creator's notifications of goals passed. The platform
 * of what is kept is opened the first time it is needed. */

/* Does @func with the platform of what is kept on this computer, once it
 * is open: it is opened and kept the first time, without browsing it. */
static void
with_kept_platform (CfWindow *self,
                    KeptFunc  func)
{
  CfAccount *account = cf_account_list_find (self->accounts, CF_KEPT_CHOICE);

  if (account != NULL)
    {
      func (self, CF_KEPT_PLATFORM (cf_account_get_platform (account)));
      return;
    }
  self->kept_pending = func;
  cf_account_list_keep (self->accounts, CF_KEPT_CHOICE);
}

/* @account opened: what waited for it is done if it is the one of what is kept. */
void
cf_window_kept_opened (CfWindow  *self,
                       CfAccount *account)
{
  KeptFunc pending = self->kept_pending;

  if (pending == NULL || !CF_IS_KEPT_PLATFORM (cf_account_get_platform (account)))
    return;
  self->kept_pending = NULL;
  pending (self, CF_KEPT_PLATFORM (cf_account_get_platform (account)));
}

/* A creator's own launch, followed by its address, went past a goal. */
static void
goal_passed_cb (CfWindow      *self,
                const char    *title,
                const CfMoney *goal,
                gboolean       stretch)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autofree char *amount = cf_money_format (goal, NULL);
  /* Translators: a notification's text: a campaign's title and the goal it passed, as in “Hell Let Loose passed $100,000.” */
  g_autofree char *body = g_strdup_printf (_("%s passed %s."), title, amount);
  g_autofree char *id = g_strdup_printf ("goal-%s-%s", title, amount);
  g_autoptr(GNotification) notification = g_notification_new (stretch ? _("Stretch Goal Reached") : _("Goal Reached"));

  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-view", "s", "dashboard");
  if (application != NULL)
    g_application_send_notification (application, id, notification);
}

static void
followed_cb (gpointer    user_data,
             const char *campaign_id)
{
  CfWindow *self = CF_WINDOW (user_data);

  g_clear_pointer (&self->last_address, g_free);
  cf_window_toast (self, _("Added to Following"));
}

/* The address no platform had becomes a campaign followed by its address. */
static void
follow_last_address_with (CfWindow       *self,
                          CfKeptPlatform *platform)
{
  if (self->last_address != NULL)
    cf_follow_dialog_present (GTK_WINDOW (self), platform, self->last_address, followed_cb, self);
}

static void
present_kept_pledge_dialog (CfWindow       *self,
                            CfKeptPlatform *platform)
{
  cf_kept_pledge_dialog_present (GTK_WINDOW (self), platform);
}

static void
add_kept_pledge_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  with_kept_platform (CF_WINDOW (widget), present_kept_pledge_dialog);
}

/* A file chooser over @window, answering @response_cb with the window. */
static GtkFileChooser *
choose_file (GtkWidget            *window,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             GCallback             response_cb)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window), action, accept, NULL);

  g_signal_connect (chooser, "response", response_cb, window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return GTK_FILE_CHOOSER (chooser);
}

static void
exported_cb (GtkNativeDialog *chooser,
             int              response,
             CfWindow        *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  CfAccount *account = cf_account_list_find (self->accounts, CF_KEPT_CHOICE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && account != NULL && path != NULL)
    {
      if (cf_kept_platform_export (CF_KEPT_PLATFORM (cf_account_get_platform (account)), path, &error))
        cf_window_toast (self, _("Pledges and campaigns kept by hand exported"));
      else
        cf_window_toast (self, error->message);
    }
  g_object_unref (chooser);
}

static void
export_kept_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooser *chooser = choose_file (widget, _("Export Pledges Kept by Hand"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), G_CALLBACK (exported_cb));

  gtk_file_chooser_set_current_name (chooser, "crowdfund-kept.json");
}

static void
import_into (CfWindow       *self,
             CfKeptPlatform *platform)
{
  g_autoptr(GError) error = NULL;
  guint added = 0;

  if (self->last_import == NULL)
    return;
  if (!cf_kept_platform_import (platform, self->last_import, &added, &error))
    cf_window_toast (self, error->message);
  else
    {
      g_autofree char *count = cf_format_count (added, NULL);
      /* Translators: pledges and campaigns read from an exported file; %s is their number. */
      g_autofree char *message = g_strdup_printf (ngettext ("%s pledge or campaign imported",
                                                            "%s pledges and campaigns imported", added), count);

      cf_window_toast (self, message);
    }
  g_clear_pointer (&self->last_import, g_free);
}

static void
imported_cb (GtkNativeDialog *chooser,
             int              response,
             CfWindow        *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      g_free (self->last_import);
      self->last_import = g_file_get_path (file);
      with_kept_platform (self, import_into);
    }
  g_object_unref (chooser);
}

static void
import_kept_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_file (widget, _("Import Pledges Kept by Hand"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
               G_CALLBACK (imported_cb));
}

void
cf_window_kept_follow_last_address (CfWindow *self)
{
  with_kept_platform (self, follow_last_address_with);
}

/* The creator hears of the goals passed by launches followed on @account's
 * platform, when it is the one of what is kept. */
void
cf_window_kept_watch (CfWindow  *self,
                      CfAccount *account)
{
  CfPlatform *platform = cf_account_get_platform (account);

  if (!CF_IS_KEPT_PLATFORM (platform))
    return;
  g_signal_connect_object (platform, "goal-passed", G_CALLBACK (goal_passed_cb), self, G_CONNECT_SWAPPED);
}

void
cf_window_kept_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-kept-pledge", NULL, add_kept_pledge_action);
  gtk_widget_class_install_action (widget_class, "win.export-kept", NULL, export_kept_action);
  gtk_widget_class_install_action (widget_class, "win.import-kept", NULL, import_kept_action);
}
