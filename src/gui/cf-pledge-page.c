/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledge-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-pledge-dialog.h"
#include "cf-pledge-page.h"
#include "cf-web-address.h"
#include "cf-widget-util.h"

/* One pledge: what it is, and its reward's way to the backer's door, from
 * the pledge to the delivery, with the tracking number to copy or open. */
struct _CfPledgePage
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scrolled_window;
  const char *confirmation;  /* said once the change under way is made, or NULL */
  AdwPreferencesGroup *address_group;
  AdwEntryRow *address_row;
  AdwActionRow *amount_row;
  AdwActionRow *backer_row;
  GtkButton *manage_button;
  AdwPreferencesGroup *received_group;
  AdwPreferencesGroup *kept_group;
  AdwActionRow *survey_row;
  AdwActionRow *shipped_row;
  AdwActionRow *refunded_row;
  GtkSwitch *received_switch;
  AdwActionRow *reward_row;
  AdwActionRow *status_row;
  AdwPreferencesGroup *timeline_group;
  AdwActionRow *website_row;
  AdwActionRow *updates_row;
  AdwWindowTitle *window_title;

  CfPlatform *platform;
  CfPledge *pledge;
  GPtrArray *timeline_rows;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (CfPledgePage, cf_pledge_page, GTK_TYPE_WIDGET)

enum
{
  PLEDGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  STEP_PENDING,
  STEP_DONE,
  STEP_TROUBLE,
} StepState;

static char *
format_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  /* Translators: a day in a delivery timeline, as in “26 August 2015”; see strftime(3). */
  return local ? cf_format_date (local, C_("timeline date", "%-d %B %Y")) : NULL;
}

static AdwActionRow *
timeline_step (CfPledgePage *self,
               const char   *title,
               const char   *subtitle,
               StepState     state)
{
  static const char * const icons[] = { "media-record-symbolic", "emblem-ok-symbolic", "dialog-warning-symbolic" };
  static const char * const styles[] = { "dim-label", "success", "warning" };
  /* Translators: how far a delivery step is, read by screen readers. */
  const char * const states[] = { _("not yet"), _("done"), _("needs attention") };
  GtkWidget *row = adw_action_row_new ();
  /* Heard once: the step by its title, how far it is as its description;
   * the icon says nothing more. */
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", icons[state],
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* A step is read, not a Tab stop; the buttons some have still are. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (icon, styles[state]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, states[state], -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->timeline_group, row);
  g_ptr_array_add (self->timeline_rows, row);
  return ADW_ACTION_ROW (row);
}

static void
copy_tracking_cb (GtkButton    *button,
                  CfPledgePage *self)
{
  CfFulfillment *fulfillment = cf_pledge_get_fulfillment (self->pledge);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          cf_fulfillment_get_tracking_number (fulfillment));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", _("Tracking number copied"));
}

static void
open_tracking_cb (GtkButton    *button,
                  CfPledgePage *self)
{
  const char *url = cf_fulfillment_get_tracking_url (cf_pledge_get_fulfillment (self->pledge));

  g_app_info_launch_default_for_uri_async (url, NULL, NULL, NULL, NULL);
}

static void
add_row_button (AdwActionRow *row,
                const char   *icon_name,
                const char   *tooltip,
                GCallback     callback,
                CfPledgePage *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* An icon alone names nothing to a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (row, button);
}

static void
clear_timeline (CfPledgePage *self)
{
  for (guint i = 0; i < self->timeline_rows->len; i++)
    adw_preferences_group_remove (self->timeline_group, self->timeline_rows->pdata[i]);
  g_ptr_array_set_size (self->timeline_rows, 0);
}

/* Pledged → collected → in production → shipped → delivered. */
static void
show_timeline (CfPledgePage *self)
{
  CfPledge *pledge = self->pledge;
  CfFulfillment *fulfillment = cf_pledge_get_fulfillment (pledge);
  CfFulfillmentStatus delivery = cf_fulfillment_get_status (fulfillment);
  CfPledgeStatus status = cf_pledge_get_status (pledge);
  gboolean made = delivery != CF_FULFILLMENT_STATUS_NOT_STARTED;
  gboolean shipped = delivery == CF_FULFILLMENT_STATUS_SHIPPED || delivery == CF_FULFILLMENT_STATUS_DELIVERED;
  gboolean delivered = delivery == CF_FULFILLMENT_STATUS_DELIVERED || cf_pledge_get_received (pledge);
  g_autofree char *pledged_on = format_date (cf_pledge_get_pledged_at (pledge));
  g_autofree char *shipped_on = format_date (cf_fulfillment_get_shipped_at (fulfillment));
  g_autofree char *estimate = cf_format_delivery_month (cf_fulfillment_get_estimated_delivery (fulfillment));
  g_autofree char *tracking = NULL;
  const char *tracking_number = cf_fulfillment_get_tracking_number (fulfillment);
  const char *carrier = cf_fulfillment_get_carrier (fulfillment);
  AdwActionRow *shipped_row;

  clear_timeline (self);
  adw_preferences_group_set_description (self->timeline_group,
                                         cf_fulfillment_get_estimated_delivery (fulfillment) ? estimate : NULL);
  timeline_step (self, _("Pledged"), pledged_on, STEP_DONE);
  timeline_step (self, _("Payment collected"),
                 status == CF_PLEDGE_STATUS_ERRORED ? _("The payment failed") : NULL,
                 status == CF_PLEDGE_STATUS_ERRORED ? STEP_TROUBLE
                 : status == CF_PLEDGE_STATUS_COLLECTED || made ? STEP_DONE : STEP_PENDING);
  timeline_step (self, _("In production"),
                 delivery == CF_FULFILLMENT_STATUS_DELAYED ? _("Delayed: the creator expects it later than planned")
                                                           : NULL,
                 delivery == CF_FULFILLMENT_STATUS_DELAYED ? STEP_TROUBLE : made ? STEP_DONE : STEP_PENDING);

  if (tracking_number != NULL)
    /* Translators: a carrier and a tracking number, as in “La Poste · 6A12345678901”. */
    tracking = g_strdup_printf (_("%s · %s"), carrier ? carrier : _("Tracking number"), tracking_number);
  shipped_row = timeline_step (self, _("Shipped"), tracking ? tracking : shipped_on,
                               shipped ? STEP_DONE : STEP_PENDING);
  if (tracking_number != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (shipped_row), "tracking");
      add_row_button (shipped_row, "edit-copy-symbolic", _("Copy Tracking Number"),
                      G_CALLBACK (copy_tracking_cb), self);
    }
  if (cf_fulfillment_get_tracking_url (fulfillment) != NULL)
    add_row_button (shipped_row, "adw-external-link-symbolic", _("Track the Parcel"),
                    G_CALLBACK (open_tracking_cb), self);
  timeline_step (self, _("Delivered"), NULL, delivered ? STEP_DONE : STEP_PENDING);
}

/* What the platform does not say of deliveries is not made up: it is said. */
static void
show_no_tracking (CfPledgePage *self)
{
  clear_timeline (self);
  adw_preferences_group_set_description (self->timeline_group,
                                         _("This platform does not share where rewards are. "
                                           "The campaign’s updates and its website tell of their delivery."));
}

static void
show_address (CfPledgePage *self)
{
  GDateTime *lock = cf_pledge_get_address_lock_at (self->pledge);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *until = format_date (lock);
  g_autofree char *description = NULL;
  CfFulfillmentStatus delivery = cf_fulfillment_get_status (cf_pledge_get_fulfillment (self->pledge));
  gboolean shipped = cf_pledge_get_received (self->pledge) || delivery == CF_FULFILLMENT_STATUS_SHIPPED ||
                     delivery == CF_FULFILLMENT_STATUS_DELIVERED;
  /* Once the reward has shipped, the address it went to stays as it was. */
  gboolean open = (lock == NULL || g_date_time_compare (now, lock) < 0) && !shipped;

  gtk_widget_set_visible (GTK_WIDGET (self->address_group),
                          cf_pledge_get_shipping_country (self->pledge) != NULL && cf_pledge_is_active (self->pledge));
  /* What the platform keeps is saved: shown without offering to apply it. */
  adw_entry_row_set_show_apply_button (self->address_row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                         cf_pledge_get_address (self->pledge) ? cf_pledge_get_address (self->pledge) : "");
  adw_entry_row_set_show_apply_button (self->address_row, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row),
                            open && cf_platform_can (self->platform, CF_PLATFORM_FEATURE_CHANGE_PLEDGE));
  if (lock != NULL && !open && shipped)
    /* Translators: %s is a date, as in “3 December 2026”. */
    description = g_strdup_printf (_("Locked on %s: the reward has shipped."), until);
  else if (lock != NULL)
    /* Translators: %s is a date, as in “3 December 2026”. */
    description = g_strdup_printf (open ? _("You can change it until %s.") : _("Locked on %s: the parcel is being prepared."),
                                   until);
  adw_preferences_group_set_description (self->address_group, description);
}

static void received_toggled_cb (CfPledgePage *self);

/* The amount, and the bonus in it: “€199, including a €5 bonus”. */
static char *
dup_amount (CfPledge *pledge)
{
  g_autofree char *amount = cf_money_format (cf_pledge_get_amount (pledge), NULL);
  g_autofree char *bonus = NULL;
  char *recurrence = cf_format_pledge_recurrence (pledge);

  if (recurrence != NULL)
    return recurrence;

  if (cf_pledge_get_bonus (pledge)->amount <= 0)
    return g_steal_pointer (&amount);
  bonus = cf_money_format (cf_pledge_get_bonus (pledge), NULL);
  /* Translators: a pledge's amount and the bonus given on top of the rewards, as in “€199, including a €5 bonus”. */
  return g_strdup_printf (_("%s, including a %s bonus"), amount, bonus);
}

/* Our word for the status, and what it means on the platform. */
static char *
dup_status (CfPledge *pledge)
{
  g_autofree char *status = cf_format_pledge_status (pledge);

  if (cf_pledge_get_status_detail (pledge) == NULL)
    return g_steal_pointer (&status);
  return g_strdup_printf ("%s\n%s", status, cf_pledge_get_status_detail (pledge));
}

static void
show_website (CfPledgePage *self)
{
  const char *url = cf_pledge_get_url (self->pledge);
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->website_row), uri != NULL);
  /* The row says what the website is for, where the app cannot do it. */
  if (cf_pledge_get_status (self->pledge) == CF_PLEDGE_STATUS_ERRORED)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->website_row), _("_Fix the Payment on the Platform’s Website"));
  else if (cf_pledge_get_frequency (self->pledge) != CF_PLEDGE_FREQUENCY_ONCE)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->website_row),
                                   _("_Change or Cancel on the Platform’s Website"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->website_row), _("_Open on the Platform’s Website"));
  if (uri != NULL)
    adw_action_row_set_subtitle (self->website_row, g_uri_get_host (uri));
}

static void
open_website_cb (CfPledgePage *self)
{
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), cf_pledge_get_url (self->pledge),
                GDK_CURRENT_TIME);
}

/* A pledge kept by hand moves on as the backer says. */
static void
show_kept (CfPledgePage *self)
{
  CfFulfillmentStatus delivery = cf_fulfillment_get_status (cf_pledge_get_fulfillment (self->pledge));
  gboolean open = cf_pledge_is_active (self->pledge) && !cf_pledge_get_received (self->pledge) &&
                  delivery != CF_FULFILLMENT_STATUS_SHIPPED && delivery != CF_FULFILLMENT_STATUS_DELIVERED;

  gtk_widget_set_visible (GTK_WIDGET (self->kept_group), cf_pledge_get_kept_by_hand (self->pledge));
  gtk_widget_set_visible (GTK_WIDGET (self->survey_row), open && delivery != CF_FULFILLMENT_STATUS_IN_PROGRESS);
  gtk_widget_set_visible (GTK_WIDGET (self->shipped_row), open);
  gtk_widget_set_visible (GTK_WIDGET (self->refunded_row), cf_pledge_is_active (self->pledge));
}

static void
open_updates_cb (CfPledgePage *self)
{
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), cf_pledge_get_updates_url (self->pledge),
                GDK_CURRENT_TIME);
}

static void
show_pledge (CfPledgePage *self)
{
  CfPledge *pledge = self->pledge;
  g_autofree char *amount = dup_amount (pledge);
  g_autofree char *status = dup_status (pledge);
  g_autofree char *rewards = cf_format_pledge_rewards (pledge, TRUE);
  g_autofree char *backer = g_strdup_printf ("#%d", (int) cf_pledge_get_sequence (pledge));
  /* A tier given every month or year is a membership: nothing to deliver. */
  gboolean delivers_reward = cf_pledge_get_reward_id (pledge) != NULL &&
                             cf_pledge_get_frequency (pledge) == CF_PLEDGE_FREQUENCY_ONCE;

  adw_window_title_set_title (self->window_title, cf_pledge_get_campaign_title (pledge));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cf_pledge_get_campaign_title (pledge), -1);
  adw_action_row_set_subtitle (self->reward_row, rewards);
  adw_action_row_set_subtitle (self->amount_row, amount);
  adw_action_row_set_subtitle (self->status_row, status);
  /* The platform's own word stays at hand, for a question to its support. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_row), cf_pledge_get_platform_status (pledge));
  show_website (self);
  gtk_widget_set_visible (GTK_WIDGET (self->updates_row), cf_pledge_get_updates_url (pledge) != NULL);
  adw_action_row_set_subtitle (self->backer_row, backer);
  gtk_widget_set_visible (GTK_WIDGET (self->backer_row), cf_pledge_get_sequence (pledge) > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), delivers_reward && cf_pledge_is_active (pledge));
  gtk_widget_set_visible (GTK_WIDGET (self->received_group), cf_pledge_can_be_received (pledge) &&
                          cf_platform_can (self->platform, CF_PLATFORM_FEATURE_CHANGE_PLEDGE));
  if (delivers_reward && cf_platform_can (self->platform, CF_PLATFORM_FEATURE_DELIVERY_TRACKING))
    show_timeline (self);
  else if (delivers_reward)
    show_no_tracking (self);

  g_signal_handlers_block_by_func (self->received_switch, received_toggled_cb, self);
  gtk_switch_set_active (self->received_switch, cf_pledge_get_received (pledge));
  g_signal_handlers_unblock_by_func (self->received_switch, received_toggled_cb, self);

  show_kept (self);
  show_address (self);
  gtk_widget_set_visible (GTK_WIDGET (self->manage_button),
                          cf_pledge_is_active (pledge) && cf_pledge_get_campaign_state (pledge) == CF_CAMPAIGN_STATE_LIVE &&
                          cf_platform_can (self->platform, CF_PLATFORM_FEATURE_CHANGE_PLEDGE |
                                                           CF_PLATFORM_FEATURE_CANCEL_PLEDGE));
}

static void
replace_pledge (CfPledgePage *self,
                CfPledge     *pledge)
{
  g_set_object (&self->pledge, pledge);
  show_pledge (self);
  g_signal_emit (self, signals[PLEDGE_CHANGED], 0, pledge);
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPledge) pledge = cf_platform_change_pledge_finish (CF_PLATFORM (object), result, &error);
  CfPledgePage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_PLEDGE_PAGE (user_data);
  if (pledge == NULL)
    {
      /* Back to what the platform holds, with the reason. */
      show_pledge (self);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }

  replace_pledge (self, pledge);
  if (self->confirmation != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", self->confirmation);
}

static void
received_toggled_cb (CfPledgePage *self)
{
  CfPledgeChange change = {
    .fields = CF_PLEDGE_CHANGE_RECEIVED,
    .received = gtk_switch_get_active (self->received_switch),
  };

  if (self->pledge == NULL || change.received == cf_pledge_get_received (self->pledge))
    return;

  self->confirmation = NULL;
  cf_platform_change_pledge_async (self->platform, cf_pledge_get_id (self->pledge), &change, self->cancellable,
                                   changed_cb, self);
}

static void
move_delivery (CfPledgePage   *self,
               CfPledgeChange *change,
               const char     *confirmation)
{

  change->fields = CF_PLEDGE_CHANGE_DELIVERY;
  self->confirmation = confirmation;
  cf_platform_change_pledge_async (self->platform, cf_pledge_get_id (self->pledge), change, self->cancellable,
                                   changed_cb, self);
}

static void
survey_answered_cb (CfPledgePage *self)
{
  CfPledgeChange change = { .delivery_step = CF_DELIVERY_STEP_SURVEY_ANSWERED };

  move_delivery (self, &change, _("Survey marked as answered"));
}

static void
refunded_cb (CfPledgePage *self)
{
  CfPledgeChange change = { .delivery_step = CF_DELIVERY_STEP_REFUNDED };

  move_delivery (self, &change, _("Pledge marked as refunded"));
}

/* What was typed in the entry @key of @dialog, without spaces around. */
static char *
dup_typed (AdwMessageDialog *dialog,
           const char       *key)
{
  GtkEditable *editable = g_object_get_data (G_OBJECT (dialog), key);

  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static void
shipped_given_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CfPledgePage     *self)
{
  g_autofree char *carrier = dup_typed (dialog, "carrier");
  g_autofree char *tracking_number = dup_typed (dialog, "tracking-number");
  g_autofree char *tracking_url = dup_typed (dialog, "tracking-url");
  CfPledgeChange change = {
    .delivery_step = CF_DELIVERY_STEP_SHIPPED,
    .carrier = carrier,
    .tracking_number = tracking_number,
    .tracking_url = tracking_url,
  };

  move_delivery (self, &change, _("Reward marked as shipped"));
}

/* The carrier's page of the parcel is an address, or nothing. */
static void
tracking_url_changed_cb (AdwMessageDialog *dialog)
{
  g_autofree char *tracking_url = dup_typed (dialog, "tracking-url");

  adw_message_dialog_set_response_enabled (dialog, "shipped", *tracking_url == '\0' ||
                                                              cf_web_address_is_valid (tracking_url));
}

static void
shipped_cb (CfPledgePage *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("The Reward Shipped"),
    _("Give what the creator sent, if anything: the carrier, a tracking number, a link to follow the parcel.")));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *carrier;
  GtkWidget *tracking;
  GtkWidget *tracking_url;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  carrier = cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Carrier"), NULL);
  tracking = cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Tracking Number"), NULL);
  tracking_url = cf_widget_new_entry_row (GTK_LIST_BOX (list), _("Tracking Link"), NULL);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (tracking_url), GTK_INPUT_PURPOSE_URL);
  g_object_set_data (G_OBJECT (dialog), "carrier", carrier);
  g_object_set_data (G_OBJECT (dialog), "tracking-number", tracking);
  g_object_set_data (G_OBJECT (dialog), "tracking-url", tracking_url);
  g_signal_connect_swapped (tracking_url, "changed", G_CALLBACK (tracking_url_changed_cb), dialog);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "shipped", _("_Mark Shipped"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "shipped", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "shipped");
  g_signal_connect_object (dialog, "response::shipped", G_CALLBACK (shipped_given_cb), self, 0);
  cf_widget_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CfPledgePage *self;

  if (!cf_platform_cancel_pledge_finish (CF_PLATFORM (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CF_PLEDGE_PAGE (user_data);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                              error ? error->message : _("Pledge removed from this computer"));
  if (error == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "pledge.back", NULL);
}

static void
forget_confirmed_cb (CfPledgePage *self)
{
  cf_platform_cancel_pledge_async (self->platform, cf_pledge_get_id (self->pledge), self->cancellable,
                                   forgotten_cb, self);
}

static void
forget_cb (CfPledgePage *self)
{
  cf_widget_confirm (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Remove This Pledge?"),
                     _("It is forgotten on this computer. The pledge itself stays on its platform."),
                     _("_Keep"), _("_Remove"), ADW_RESPONSE_DESTRUCTIVE, G_CALLBACK (forget_confirmed_cb), self);
}

static void
address_applied_cb (CfPledgePage *self)
{
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
  CfPledgeChange change = {
    .fields = CF_PLEDGE_CHANGE_ADDRESS,
    .address = address,
  };

  self->confirmation = _("Shipping address saved");
  cf_platform_change_pledge_async (self->platform, cf_pledge_get_id (self->pledge), &change, self->cancellable,
                                   changed_cb, self);
}

static void
dialog_pledge_changed_cb (CfPledgePage *self,
                          CfPledge     *pledge)
{
  GtkWidget *leaflet;

  if (pledge != NULL)
    {
      replace_pledge (self, pledge);
      return;
    }

  /* Canceled: back to the list, which the window reloads. */
  g_signal_emit (self, signals[PLEDGE_CHANGED], 0, NULL);
  leaflet = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_LEAFLET);
  if (leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

typedef struct
{
  CfPledgePage *self;
  CfCampaign *campaign;
  GListModel *rewards;
  guint pending;
  GError *error;
} Manage;

static void
manage_free (Manage *manage)
{
  g_clear_object (&manage->campaign);
  g_clear_object (&manage->rewards);
  g_clear_error (&manage->error);
  g_free (manage);
}

static void
manage_ready (Manage *manage)
{
  CfPledgePage *self = manage->self;
  CfPledgeDialog *dialog;

  if (--manage->pending > 0)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->manage_button), TRUE);
  if (manage->error != NULL)
    {
      if (!g_error_matches (manage->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", manage->error->message);
      manage_free (manage);
      return;
    }

  dialog = cf_pledge_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->platform,
                                 manage->campaign, manage->rewards, self->pledge, NULL,
                                 cf_pledge_get_shipping_country (self->pledge));
  g_signal_connect_object (dialog, "pledge-changed", G_CALLBACK (dialog_pledge_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  manage_free (manage);
}

static void
manage_campaign_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Manage *manage = user_data;
  GError *error = NULL;

  manage->campaign = cf_platform_get_campaign_finish (CF_PLATFORM (object), result, &error);
  if (error != NULL && manage->error == NULL)
    manage->error = error;
  else
    g_clear_error (&error);
  manage_ready (manage);
}

static void
manage_rewards_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Manage *manage = user_data;
  GError *error = NULL;
  g_autoptr(CfPage) page = cf_platform_list_finish (CF_PLATFORM (object), result, &error);

  if (page != NULL)
    manage->rewards = g_object_ref (cf_page_get_items (page));
  if (error != NULL && manage->error == NULL)
    manage->error = error;
  else
    g_clear_error (&error);
  manage_ready (manage);
}

/* The dialog needs the campaign and its rewards as they are now. */
static void
manage_cb (CfPledgePage *self)
{
  Manage *manage = g_new0 (Manage, 1);
  const char *campaign_id = cf_pledge_get_campaign_id (self->pledge);

  manage->self = self;
  manage->pending = 2;
  gtk_widget_set_sensitive (GTK_WIDGET (self->manage_button), FALSE);
  cf_platform_get_campaign_async (self->platform, campaign_id, self->cancellable, manage_campaign_cb, manage);
  cf_platform_list_rewards_async (self->platform, campaign_id, self->cancellable, manage_rewards_cb, manage);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);

  if (leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
cf_pledge_page_dispose (GObject *object)
{
  CfPledgePage *self = CF_PLEDGE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->platform);
  g_clear_object (&self->pledge);
  g_clear_pointer (&self->timeline_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLEDGE_PAGE);
  cf_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (cf_pledge_page_parent_class)->dispose (object);
}

static void
cf_pledge_page_class_init (CfPledgePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_pledge_page_dispose;

  /**
   * CfPledgePage::pledge-changed:
   * @pledge: (nullable): the pledge as the platform now has it, or %NULL
   *   when it was canceled
   */
  signals[PLEDGE_CHANGED] =
    g_signal_new ("pledge-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_PLEDGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-pledge-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, address_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, address_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, backer_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, manage_button);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, received_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, kept_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, survey_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, shipped_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, refunded_row);
  gtk_widget_class_bind_template_callback (widget_class, survey_answered_cb);
  gtk_widget_class_bind_template_callback (widget_class, shipped_cb);
  gtk_widget_class_bind_template_callback (widget_class, refunded_cb);
  gtk_widget_class_bind_template_callback (widget_class, forget_cb);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, received_switch);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, reward_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, status_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, website_row);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, updates_row);
  gtk_widget_class_bind_template_callback (widget_class, open_updates_cb);
  gtk_widget_class_bind_template_child (widget_class, CfPledgePage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, address_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, manage_cb);
  gtk_widget_class_bind_template_callback (widget_class, received_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_website_cb);
  gtk_widget_class_install_action (widget_class, "pledge.back", NULL, back_action);
}

static void
cf_pledge_page_init (CfPledgePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  self->timeline_rows = g_ptr_array_new ();
}

/* Shows @pledge, made on @platform. */
void
cf_pledge_page_show (CfPledgePage *self,
                     CfPlatform   *platform,
                     CfPledge     *pledge)
{
  g_return_if_fail (CF_IS_PLEDGE_PAGE (self));

  g_set_object (&self->platform, platform);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->pledge, pledge);
  show_pledge (self);
  /* Each pledge opens at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

CfPledge *
cf_pledge_page_get_pledge (CfPledgePage *self)
{
  g_return_val_if_fail (CF_IS_PLEDGE_PAGE (self), NULL);

  return self->pledge;
}
