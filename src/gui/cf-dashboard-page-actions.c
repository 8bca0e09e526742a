/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-format.h"
#include "cf-backers-csv.h"
#include "cf-dashboard-page-private.h"
#include "cf-fulfillment-dialog.h"

/* What a creator does from the dashboard: tell backers their rewards
 * shipped, and export the campaign's backers to a file. */

static void
fulfill_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfDashboardPage *self = CF_DASHBOARD_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->campaign == NULL || self->rewards == NULL)
    return;

  gtk_window_present (GTK_WINDOW (cf_fulfillment_dialog_new (GTK_WINDOW (root), self->platform,
                                                             self->campaign, self->rewards)));
}

typedef struct
{
  CfDashboardPage *self;
  GFile *file;
  char *csv;
  guint n_backers;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->self);
  g_object_unref (export->file);
  g_free (export->csv);
  g_free (export);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *count = cf_format_count (export->n_backers, NULL);

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s backer exported", "%s backers exported",
                                            export->n_backers), count);
  else
    /* Translators: %s says why a file could not be written. */
    message = g_strdup_printf (_("The backers could not be saved: %s"), error->message);
  cf_dashboard_page_toast (export->self, message);
  export_free (export);
}

static void
backers_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backers = cf_platform_list_all_finish (CF_PLATFORM (object), result, &error);

  if (backers == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the platform did not give the backers. */
      message = g_strdup_printf (_("The backers could not be read: %s"), error->message);
      cf_dashboard_page_toast (export->self, message);
      export_free (export);
      return;
    }

  export->csv = cf_backers_csv_write (backers);
  export->n_backers = g_list_model_get_n_items (backers);
  g_file_replace_contents_async (export->file, export->csv, strlen (export->csv), NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, NULL, exported_cb, export);
}

/* Writes every backer of the campaign shown to the file at the URI given. */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfDashboardPage *self = CF_DASHBOARD_PAGE (widget);
  Export *export;

  if (self->campaign == NULL)
    return;

  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  cf_platform_list_all_backers_async (self->platform, cf_campaign_get_id (self->campaign), NULL,
                                      backers_cb, export);
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  CfDashboardPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (response == GTK_RESPONSE_ACCEPT && uri != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "dashboard.export-to", "s", uri);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CfDashboardPage *self = CF_DASHBOARD_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  if (self->campaign == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Backers"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name suggested for a campaign's backers; %s is the campaign's short name. */
  name = g_strdup_printf (_("%s-backers.csv"), cf_campaign_get_slug (self->campaign));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The dashboard's actions, as its class installs them. */
void
cf_dashboard_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dashboard.fulfill", NULL, fulfill_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-to", "s", export_to_action);
}
