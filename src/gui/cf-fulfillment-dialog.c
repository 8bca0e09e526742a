/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-fulfillment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-backers-csv.h"
#include "cf-fulfillment-dialog.h"
#include "cf-reward.h"
#include "cf-widget-util.h"

/* The statuses offered, in the order of the status row. */
static const CfFulfillmentStatus statuses[] = {
  CF_FULFILLMENT_STATUS_IN_PROGRESS,
  CF_FULFILLMENT_STATUS_SHIPPED,
  CF_FULFILLMENT_STATUS_DELAYED,
  CF_FULFILLMENT_STATUS_DELIVERED,
};

/* Tells a reward's backers (or those of a file, one by one) where their
 * rewards are. A refusal or a network failure is said in the dialog,
 * which keeps everything chosen. */
struct _CfFulfillmentDialog
{
  AdwWindow parent_instance;

  GtkWidget *apply_button;
  AdwComboRow *backers_row;
  GtkStringList *backers_choices;
  AdwEntryRow *carrier_row;
  GtkWidget *clear_file_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  AdwActionRow *file_row;
  AdwComboRow *status_row;
  AdwEntryRow *tracking_row;

  GtkWindow *parent;
  CfPlatform *platform;
  CfCampaign *campaign;
  GListModel *rewards;
  GPtrArray *file_ids;      /* from a file: pledge ids… */
  GPtrArray *file_numbers;  /* …and their tracking numbers */
  char *file_name;
  GPtrArray *unused;        /* the file's pledge ids the platform did not take */
  GCancellable *cancellable;
  guint next;               /* the next of the file's backers to send */
  gint64 n_updated;
};

G_DEFINE_FINAL_TYPE (CfFulfillmentDialog, cf_fulfillment_dialog, ADW_TYPE_WINDOW)

static CfFulfillmentStatus
chosen_status (CfFulfillmentDialog *self)
{
  return statuses[MIN (adw_combo_row_get_selected (self->status_row), G_N_ELEMENTS (statuses) - 1)];
}

/* Nothing is preset: the creator chooses whom to tell and what, every time. */
static gboolean
has_choices (CfFulfillmentDialog *self)
{
  return adw_combo_row_get_selected (self->status_row) != GTK_INVALID_LIST_POSITION &&
         (self->file_ids != NULL || adw_combo_row_get_selected (self->backers_row) != GTK_INVALID_LIST_POSITION);
}

static void
status_changed_cb (CfFulfillmentDialog *self)
{
  gboolean shipped = adw_combo_row_get_selected (self->status_row) != GTK_INVALID_LIST_POSITION &&
                     chosen_status (self) == CF_FULFILLMENT_STATUS_SHIPPED;

  gtk_widget_set_sensitive (GTK_WIDGET (self->carrier_row), shipped);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tracking_row), shipped && self->file_ids == NULL);
  gtk_widget_set_sensitive (self->apply_button, has_choices (self));
}

static void
show_error (CfFulfillmentDialog *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static const char *
text_or_null (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return gtk_widget_get_sensitive (GTK_WIDGET (row)) && *text != '\0' ? text : NULL;
}

static void use_file (CfFulfillmentDialog *self,
                      GPtrArray           *ids,
                      GPtrArray           *numbers,
                      const char          *name);

/* Says how many backers were told, and closes. Lines the platform did not
 * take after all (a pledge gone since the file was read) stay listed, and
 * the file is let go, so that nothing is sent twice. */
static void
finish (CfFulfillmentDialog *self)
{
  g_autofree char *message = NULL;
  g_autofree char *unused = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *updated = cf_format_count (self->n_updated, NULL);
  g_autofree char *count = NULL;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s backer updated", "%s backers updated",
                                          self->n_updated), updated);
  gtk_widget_activate_action (GTK_WIDGET (self->parent), "win.show-toast", "s", message);
  if (self->unused->len == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  g_ptr_array_add (self->unused, NULL);
  listed = g_strjoinv (", ", (char **) self->unused->pdata);
  count = cf_format_count (self->unused->len - 1, NULL);
  /* Translators: the number of lines of a file whose pledge numbers, listed in the second %s, the platform did not know. */
  unused = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s line was not used: pledge %s is not one of this campaign’s.",
                                         "%s lines were not used: pledges %s are not this campaign’s.",
                                         self->unused->len - 1), count, listed);
  g_ptr_array_set_size (self->unused, 0);
  use_file (self, NULL, NULL, NULL);
  show_error (self, unused);
}

static void send_next (CfFulfillmentDialog *self);

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 updated = cf_platform_update_fulfillment_finish (CF_PLATFORM (object), result, &error);
  CfFulfillmentDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_FULFILLMENT_DIALOG (user_data);
  if (updated < 0)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the platform did not take the change. */
      message = g_strdup_printf (_("The fulfillment could not be updated: %s"), error->message);
      show_error (self, message);
      gtk_widget_set_sensitive (self->apply_button, has_choices (self));
      return;
    }

  if (self->file_ids != NULL && updated == 0)
    g_ptr_array_add (self->unused, g_strdup (g_ptr_array_index (self->file_ids, self->next - 1)));
  self->n_updated += updated;
  if (self->file_ids != NULL && self->next < self->file_ids->len)
    send_next (self);
  else
    finish (self);
}

/* The file's backers go one by one, each with its own tracking number; a
 * failure stops there, and Apply sends the rest. */
static void
send_next (CfFulfillmentDialog *self)
{
  const char *ids[2] = { g_ptr_array_index (self->file_ids, self->next), NULL };
  CfFulfillmentChange change = {
    .pledge_ids = ids,
    .status = chosen_status (self),
    .tracking_number = g_ptr_array_index (self->file_numbers, self->next),
    .carrier = text_or_null (self->carrier_row),
  };

  self->next++;
  cf_platform_update_fulfillment_async (self->platform, cf_campaign_get_id (self->campaign), &change,
                                        self->cancellable, updated_cb, self);
}

static void
send_chosen (CfFulfillmentDialog *self)
{
  guint chosen = adw_combo_row_get_selected (self->backers_row);
  g_autoptr(CfReward) reward = NULL;
  CfFulfillmentChange change = { 0 };

  show_error (self, NULL);
  gtk_widget_set_sensitive (self->apply_button, FALSE);
  if (self->file_ids != NULL)
    {
      /* After a failure, the rest of the file; else all of it. */
      if (self->next >= self->file_ids->len)
        self->next = self->n_updated = 0;
      send_next (self);
      return;
    }

  self->n_updated = 0;

  if (chosen < g_list_model_get_n_items (self->rewards))
    reward = g_list_model_get_item (self->rewards, chosen);
  change.reward_id = reward ? cf_reward_get_id (reward) : NULL;
  change.status = chosen_status (self);
  change.tracking_number = text_or_null (self->tracking_row);
  change.carrier = text_or_null (self->carrier_row);
  cf_platform_update_fulfillment_async (self->platform, cf_campaign_get_id (self->campaign), &change,
                                        self->cancellable, updated_cb, self);
}

/* Backers are told at once, possibly hundreds of them: the creator says
 * so first, knowing how many and what. */
static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CfFulfillmentDialog *self = CF_FULFILLMENT_DIALOG (widget);
  guint chosen = adw_combo_row_get_selected (self->backers_row);
  g_autoptr(CfReward) reward = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *status;

  if (!has_choices (self))
    return;

  status = gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (self->status_row)));
  if (self->file_ids != NULL)
    {
      g_autofree char *count = cf_format_count (self->file_ids->len, NULL);

      /* Translators: %s is a number of backers. */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tell %s Backer?", "Tell %s Backers?",
                                              self->file_ids->len), count);
      /* Translators: %s is a file's name, then a status such as “Shipped”. */
      body = g_strdup_printf (_("Each backer listed in %s gets their own tracking number and the status “%s”, and is told at once."),
                              self->file_name, status);
    }
  else
    {
      if (chosen < g_list_model_get_n_items (self->rewards))
        reward = g_list_model_get_item (self->rewards, chosen);
      if (reward == NULL)
        heading = g_strdup (_("Tell Backers Without a Reward?"));
      else
        {
          g_autofree char *count = cf_format_count (cf_reward_get_backers_count (reward), NULL);

          heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tell %s Backer?", "Tell %s Backers?",
                                                  cf_reward_get_backers_count (reward)), count);
        }
      /* Translators: %s is a status such as “Shipped”. */
      body = g_strdup_printf (_("Their pledges will show “%s”, and they are told at once."), status);
    }

  cf_widget_confirm (GTK_WINDOW (self), heading, body, _("_Cancel"), _("_Tell Backers"), ADW_RESPONSE_SUGGESTED,
                     G_CALLBACK (send_chosen), self);
}

static void
use_file (CfFulfillmentDialog *self,
          GPtrArray           *ids,
          GPtrArray           *numbers,
          const char          *name)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *count = ids != NULL ? cf_format_count (ids->len, NULL) : NULL;

  g_clear_pointer (&self->file_ids, g_ptr_array_unref);
  g_clear_pointer (&self->file_numbers, g_ptr_array_unref);
  g_free (self->file_name);
  self->file_ids = ids;
  self->file_numbers = numbers;
  self->file_name = g_strdup (name);
  self->next = 0;
  self->n_updated = 0;
  if (ids != NULL)
    /* Translators: a number of tracking numbers, then the file they were read from. */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s tracking number from %s",
                                             "%s tracking numbers from %s", ids->len), count, name);
  adw_action_row_set_subtitle (self->file_row, subtitle ? subtitle : "");
  gtk_widget_set_visible (self->clear_file_button, ids != NULL);
  /* The file says who: the backers row does not apply. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->backers_row), ids == NULL);
  status_changed_cb (self);
}

/* A file read, while its lines are matched with the campaign's backers. */
typedef struct
{
  CfFulfillmentDialog *dialog;
  GPtrArray *ids;
  GPtrArray *numbers;
  char *name;
} FileRead;

static void
file_read_free (FileRead *read)
{
  g_object_unref (read->dialog);
  g_clear_pointer (&read->ids, g_ptr_array_unref);
  g_clear_pointer (&read->numbers, g_ptr_array_unref);
  g_free (read->name);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileRead, file_read_free)

/* Keeps the file's lines whose pledges are among @backers, and says which
 * are not, before anything is sent. Without the list (the platform did not
 * answer), every line is kept and the platform tells. */
static void
keep_backers_lines (FileRead   *read,
                    GListModel *backers)
{
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  g_autofree char *listed = NULL;
  g_autofree char *count = NULL;

  for (guint i = 0; backers != NULL && i < g_list_model_get_n_items (backers); i++)
    {
      g_autoptr(CfPledge) pledge = g_list_model_get_item (backers, i);

      /* The id is the pledge's, which @backers holds for as long as this runs. */
      g_hash_table_add (known, (gpointer) cf_pledge_get_id (pledge));
    }

  for (guint i = 0; i < read->ids->len; i++)
    {
      const char *id = read->ids->pdata[i];

      if (backers != NULL && !g_hash_table_contains (known, id))
        {
          g_ptr_array_add (unknown, g_strdup (id));
          continue;
        }
      g_ptr_array_add (ids, g_strdup (id));
      g_ptr_array_add (numbers, g_strdup (read->numbers->pdata[i]));
    }

  use_file (read->dialog, ids, numbers, read->name);
  if (unknown->len == 0)
    return;

  g_ptr_array_add (unknown, NULL);
  listed = g_strjoinv (", ", (char **) unknown->pdata);
  count = cf_format_count (unknown->len - 1, NULL);
  /* Translators: the number of lines of a file whose pledge numbers, listed in the second %s, are not the campaign's. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s line will not be used: pledge %s is not one of this campaign’s.",
                                          "%s lines will not be used: pledges %s are not this campaign’s.",
                                          unknown->len - 1),
                             count, listed);
  show_error (read->dialog, message);
}

static void
backers_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(FileRead) read = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backers = cf_platform_list_all_finish (CF_PLATFORM (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (backers == NULL)
    g_debug ("the backers could not be read: %s", error->message);
  keep_backers_lines (read, backers);
}

static void
file_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CfFulfillmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  GPtrArray *ids = NULL, *numbers = NULL;
  FileRead *read;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error) ||
      !g_utf8_validate (contents, length, NULL) ||
      !cf_backers_csv_read_tracking (contents, &ids, &numbers, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a file's name, then why it could not be used. */
      message = g_strdup_printf (_("%s cannot be used: %s"), name,
                                 error ? error->message : _("it is not a text file."));
      show_error (self, message);
      return;
    }

  show_error (self, NULL);
  /* Whom the file names is counted against the campaign's backers first,
   * so that the creator is asked about those who will be told. */
  read = g_new0 (FileRead, 1);
  read->dialog = g_object_ref (self);
  read->ids = ids;
  read->numbers = numbers;
  read->name = g_strdup (name);
  cf_platform_list_all_backers_async (self->platform, cf_campaign_get_id (self->campaign), self->cancellable,
                                      backers_listed_cb, read);
}

static void
file_chosen_cb (GtkNativeDialog     *chooser,
                int                  response,
                CfFulfillmentDialog *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    g_file_load_contents_async (file, self->cancellable, file_read_cb, g_object_ref (self));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Tracking Numbers"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                               _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
clear_file_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  use_file (CF_FULFILLMENT_DIALOG (widget), NULL, NULL, NULL);
}

static void
cf_fulfillment_dialog_dispose (GObject *object)
{
  CfFulfillmentDialog *self = CF_FULFILLMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->platform);
  g_clear_object (&self->campaign);
  g_clear_object (&self->rewards);
  g_clear_pointer (&self->file_ids, g_ptr_array_unref);
  g_clear_pointer (&self->file_numbers, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->unused, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_fulfillment_dialog_parent_class)->dispose (object);
}

static void
cf_fulfillment_dialog_class_init (CfFulfillmentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_fulfillment_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-fulfillment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, backers_choices);
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, backers_row);
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, clear_file_button);
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, CfFulfillmentDialog, tracking_row);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_install_action (widget_class, "fulfillment.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "fulfillment.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "fulfillment.clear-file", NULL, clear_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_fulfillment_dialog_init (CfFulfillmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->unused = g_ptr_array_new_with_free_func (g_free);
  adw_combo_row_set_selected (self->status_row, GTK_INVALID_LIST_POSITION);
}

/* Changes the fulfillment of @campaign's backers, chosen among @rewards. */
GtkWidget *
cf_fulfillment_dialog_new (GtkWindow  *parent,
                           CfPlatform *platform,
                           CfCampaign *campaign,
                           GListModel *rewards)
{
  CfFulfillmentDialog *self = g_object_new (CF_TYPE_FULFILLMENT_DIALOG, "transient-for", parent, NULL);
  guint n = g_list_model_get_n_items (rewards);

  self->parent = parent;
  self->platform = g_object_ref (platform);
  self->campaign = g_object_ref (campaign);
  self->rewards = g_object_ref (rewards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfReward) reward = g_list_model_get_item (rewards, i);

      gtk_string_list_append (self->backers_choices, cf_reward_get_title (reward));
    }
  gtk_string_list_append (self->backers_choices, _("Backers without a reward"));
  adw_combo_row_set_selected (self->backers_row, GTK_INVALID_LIST_POSITION);
  status_changed_cb (self);
  return GTK_WIDGET (self);
}
