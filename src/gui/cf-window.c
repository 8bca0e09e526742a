/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-campaign-page.h"
#include "cf-dashboard-page.h"
#include "cf-explore-page.h"
#include "cf-following-page.h"
#include "cf-format.h"
#include "cf-locale.h"
#include "cf-memory-rest.h"
#include "cf-pledge-page.h"
#include "cf-pledge-notifier.h"
#include "cf-platform-kind.h"
#include "cf-pledges-page.h"
#include "cf-web-address.h"
#include "cf-preferences-window.h"
#include "cf-saved-list.h"
#include "cf-window-private.h"
#include "cf-spinner.h"
#include "cf-widget-util.h"

/* The main window: a welcome until a platform is chosen, then the views
 * (Explore, Following, Pledges, Dashboard) with campaign pages over them.
 * It holds an account on every platform the person added: Explore browses
 * one of them, the other views gather all of them. */
G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

static void campaign_activated_cb (CfWindow   *self,
                                   CfAccount  *account,
                                   CfCampaign *campaign);

static guint
n_accounts (CfWindow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
}

/* Approximate amounts are in one currency everywhere, whichever platform
 * or account they come from: the one chosen in Preferences, else the
 * region's. */
static void
approximate (CfWindow *self)
{
  g_autofree char *currency = g_settings_get_string (self->settings, "display-currency");

  if (*currency == '\0')
    {
      g_free (currency);
      currency = cf_locale_dup_currency ();
    }
  cf_approximation_set (self->approximation, self->rates, currency);
}

static void
rates_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfExchangeRates) rates = cf_platform_get_exchange_rates_finish (CF_PLATFORM (object), result, &error);
  CfWindow *self;

  if (rates == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("exchange rates: %s", error->message);
      return;
    }

  self = CF_WINDOW (user_data);
  g_set_object (&self->rates, rates);
  approximate (self);
}

void
cf_window_toast (CfWindow   *self,
                 const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* The keyring is read once the window is on screen, never before. */
static void
restore_after_paint_cb (GdkFrameClock *clock,
                        CfWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, restore_after_paint_cb, self);
  cf_account_list_restore (self->accounts);
}

/* Live figures reach the widgets once a frame, however many events came. */
static gboolean
live_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  CfWindow *self = CF_WINDOW (widget);

  self->live_tick_id = 0;
  for (guint i = 0; i < n_accounts (self); i++)
    {
      g_autoptr(CfAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      cf_live_feed_flush (cf_account_get_live_feed (account));
    }
  return G_SOURCE_REMOVE;
}

static void
realize_cb (CfWindow *self)
{
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                    G_CALLBACK (restore_after_paint_cb), self);
}

static void
live_pending_cb (CfWindow *self)
{
  if (self->live_tick_id == 0)
    self->live_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), live_tick_cb, NULL, NULL);
}

/* Explore moved to another platform: it is the one to open next time, and
 * its rates give the "≈" amounts. */
static void
explored_changed_cb (CfWindow *self)
{
  CfAccount *account = cf_explore_page_get_account (self->explore_page);
  CfPlatform *platform = cf_account_get_platform (account);

  cf_account_list_set_explored (self->accounts, account);
  if (cf_platform_can (platform, CF_PLATFORM_FEATURE_EXCHANGE_RATES))
    cf_platform_get_exchange_rates_async (platform, self->cancellable, rates_cb, self);
}

/* An account opened, or added again: browsed when Explore has none yet
 * or when it is the one to browse first. */
static void
opened_cb (CfWindow  *self,
           CfAccount *account)
{
  if (cf_explore_page_get_account (self->explore_page) == NULL ||
      cf_account_list_is_explored_first (self->accounts, account))
    cf_explore_page_set_account (self->explore_page, account);
  gtk_stack_set_visible_child_name (self->main_stack, "browse");
  cf_window_kept_opened (self, account);
}

static void
open_failed_cb (CfWindow     *self,
                const char   *choice,
                const GError *error)
{
  if (n_accounts (self) > 0)
    {
      g_autofree char *label = cf_platform_kind_dup_label (choice);
      /* Translators: %s is a platform, as in “Demo platform”; the reason follows. */
      g_autofree char *message = g_strdup_printf (_("%s could not be opened: %s"), label, error->message);

      cf_window_toast (self, message);
    }
  else if (!cf_account_list_is_opening (self->accounts))
    {
      adw_status_page_set_description (self->failed_status_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "failed");
    }
}

/* Each account's live figures reach the widgets once a frame, and what it
 * follows, the Following view. */
static void
accounts_changed_cb (CfWindow *self,
                     guint     position,
                     guint     removed,
                     guint     added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CfAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      g_signal_connect_object (account, "following-changed", G_CALLBACK (cf_following_page_reload),
                               self->following_page, G_CONNECT_SWAPPED);
      g_signal_connect_object (cf_account_get_live_feed (account), "pending", G_CALLBACK (live_pending_cb), self,
                               G_CONNECT_SWAPPED);
      cf_window_kept_watch (self, account);
    }
  if (n_accounts (self) == 0 && !cf_account_list_is_opening (self->accounts))
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

/* The person adds the platform of @choice: it is opened, kept, and browsed. */
static void
add_platform (CfWindow   *self,
              const char *choice)
{
  if (n_accounts (self) == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "starting");
  cf_account_list_add (self->accounts, choice);
}

static void
use_demo_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_platform (CF_WINDOW (widget), CF_DEMO_CHOICE);
}

/* Opens again the platforms that could not be opened. */
static void
retry_connection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "starting");
  cf_account_list_retry (self->accounts);
}

static void
connect_to_address (gpointer    user_data,
                    const char *url)
{
  add_platform (CF_WINDOW (user_data), url);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  cf_widget_ask_address (GTK_WINDOW (widget), _("Connect to a Platform"),
                         _("Enter the address of a Crowdfund platform. Browsing needs no account."),
                         _("Platform address"),
                         _("A platform’s address starts with https:// or http://, as in https://crowdfund.example"),
                         NULL, _("C_onnect"), connect_to_address, widget);
}

/* A campaign asked for by its address, and the account it is on. */
typedef struct
{
  CfWindow *self;  /* alive unless the read was cancelled: the window cancels it when it goes */
  CfAccount *account;
} AddressedCampaign;

static void
addressed_campaign_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  AddressedCampaign *asked = user_data;
  g_autoptr(CfAccount) account = asked->account;
  CfWindow *self = asked->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = cf_platform_get_campaign_finish (CF_PLATFORM (object), result, &error);

  g_free (asked);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (campaign == NULL)
    cf_window_toast (self, error->message);
  else
    campaign_activated_cb (self, account, campaign);
}

/* Opens the campaign at @address on the platform it belongs to, among the
 * person's; what was typed is offered again when none has it. */
static void
open_address (gpointer    user_data,
              const char *address)
{
  CfWindow *self = CF_WINDOW (user_data);

  for (guint i = 0; i < n_accounts (self); i++)
    {
      g_autoptr(CfAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      CfPlatform *platform = cf_account_get_platform (account);
      g_autofree char *id = cf_platform_dup_campaign_at_address (platform, address);
      AddressedCampaign *asked;

      if (id == NULL)
        continue;
      g_clear_pointer (&self->last_address, g_free);
      asked = g_new0 (AddressedCampaign, 1);
      asked->self = self;
      asked->account = g_steal_pointer (&account);
      cf_platform_get_campaign_async (platform, id, self->cancellable, addressed_campaign_cb, asked);
      return;
    }
  g_free (self->last_address);
  self->last_address = g_strdup (address);
  cf_window_kept_follow_last_address (self);
}

/* A campaign's address dropped on the window, from a browser's address
 * bar or a message: opened, or offered to Following, as if pasted. */
static gboolean
address_dropped_cb (GtkDropTarget *target,
                    const GValue  *value,
                    double         x,
                    double         y,
                    CfWindow      *self)
{
  g_auto(GStrv) lines = g_strsplit (g_value_get_string (value), "\n", 2);

  if (lines[0] == NULL || n_accounts (self) == 0 || !cf_web_address_is_valid (g_strstrip (lines[0])))
    return FALSE;
  open_address (self, lines[0]);
  return TRUE;
}

static void
open_address_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (n_accounts (self) == 0)
    return;
  cf_widget_ask_address (GTK_WINDOW (widget), _("Open a Campaign by Its Address"),
                         _("Paste the address of a campaign’s page on a platform you added."),
                         _("Campaign address"),
                         _("A campaign’s address starts with https:// or http://"),
                         self->last_address, _("_Open"), open_address, widget);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (n_accounts (self) == 0)
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, "explore");
  cf_explore_page_focus_search (self->explore_page);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (n_accounts (self) == 0)
    return;

  if (self->campaign_page != NULL &&
      adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->campaign_page))
    gtk_widget_activate_action (GTK_WIDGET (self->campaign_page), "campaign.reload", NULL);
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "pledges") == 0)
    cf_pledges_page_reload (self->pledges_page);
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "following") == 0)
    cf_following_page_reload (self->following_page);
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "dashboard") == 0)
    cf_dashboard_page_reload (self->dashboard_page);
  else
    cf_explore_page_reload (self->explore_page);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  CfPreferencesWindow *preferences;

  if (n_accounts (self) == 0)
    return;

  preferences = cf_preferences_window_new (GTK_WINDOW (self), self->accounts, self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cf_window_toast (CF_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
pledge_changed_cb (CfWindow *self,
                   CfPledge *pledge)
{
  CfCampaign *campaign = cf_campaign_page_get_campaign (self->campaign_page);
  g_autofree char *message = NULL;

  if (pledge == NULL)
    /* Translators: %s is a campaign's title. */
    message = g_strdup_printf (_("Your pledge to %s is canceled"), cf_campaign_get_title (campaign));
  else if (cf_campaign_page_get_pledge (self->campaign_page) != NULL)
    /* Translators: %s is a campaign's title. */
    message = g_strdup_printf (_("Your pledge to %s is changed"), cf_campaign_get_title (campaign));
  else
    /* Translators: %s is a campaign's title. */
    message = g_strdup_printf (_("You back %s"), cf_campaign_get_title (campaign));
  cf_window_toast (self, message);
  cf_pledges_page_reload (self->pledges_page);
}

static void
pledge_edited_cb (CfWindow *self,
                  CfPledge *pledge)
{
  cf_pledges_page_reload (self->pledges_page);
}

/* The campaign and pledge pages are made the first time one is shown: a
 * window that only browses never builds, styles nor measures them. */
static CfCampaignPage *
campaign_page (CfWindow *self)
{
  if (self->campaign_page != NULL)
    return self->campaign_page;

  self->campaign_page = CF_CAMPAIGN_PAGE (g_object_new (CF_TYPE_CAMPAIGN_PAGE, NULL));
  g_signal_connect_swapped (self->campaign_page, "pledge-changed", G_CALLBACK (pledge_changed_cb), self);
  cf_campaign_page_set_approximation (self->campaign_page, self->approximation);
  cf_campaign_page_set_reminders (self->campaign_page, self->reminders);
  adw_leaflet_insert_child_after (self->leaflet, GTK_WIDGET (self->campaign_page),
                                  adw_leaflet_get_child_by_name (self->leaflet, "main"));
  return self->campaign_page;
}

static CfPledgePage *
pledge_page (CfWindow *self)
{
  if (self->pledge_page != NULL)
    return self->pledge_page;

  self->pledge_page = CF_PLEDGE_PAGE (g_object_new (CF_TYPE_PLEDGE_PAGE, NULL));
  g_signal_connect_swapped (self->pledge_page, "pledge-changed", G_CALLBACK (pledge_edited_cb), self);
  adw_leaflet_append (self->leaflet, GTK_WIDGET (self->pledge_page));
  return self->pledge_page;
}

static void
pledge_activated_cb (CfWindow  *self,
                     CfAccount *account,
                     CfPledge  *pledge)
{
  cf_pledge_page_show (pledge_page (self), cf_account_get_platform (account), pledge);
  /* Back leads where the person came from: the Pledges view, not the last campaign. */
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, GTK_WIDGET (campaign_page (self))), FALSE);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pledge_page));
}

static void
campaign_activated_cb (CfWindow   *self,
                       CfAccount  *account,
                       CfCampaign *campaign)
{
  cf_campaign_page_set_account (campaign_page (self), account, self->image_cache, n_accounts (self) > 1);
  cf_campaign_page_show (self->campaign_page, campaign);
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, GTK_WIDGET (self->campaign_page)), TRUE);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->campaign_page));
}

static void
view_changed_cb (CfWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (name != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

static void
save_size (CfWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
cf_window_close_request (GtkWindow *window)
{
  save_size (CF_WINDOW (window));

  return GTK_WINDOW_CLASS (cf_window_parent_class)->close_request (window);
}

static void
cf_window_dispose (GObject *object)
{
  CfWindow *self = CF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->live_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->live_tick_id);
  self->live_tick_id = 0;
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->image_cache);
  g_clear_pointer (&self->last_address, g_free);
  g_clear_pointer (&self->last_import, g_free);
  g_clear_object (&self->rates);
  g_clear_object (&self->approximation);
  g_clear_object (&self->reminders);
  g_clear_object (&self->notifier);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_WINDOW);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (cf_window_parent_class)->dispose (object);
}

/* Alt+1…4, as GNOME apps switch views; a view the account does not have
 * (the dashboard, for a backer) is not shown. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, name);

  if (child != NULL && adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack, child)))
    cf_window_show_view (self, name);
}

static void
cf_window_class_init (CfWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cf_window_close_request;

  g_type_ensure (CF_TYPE_DASHBOARD_PAGE);
  g_type_ensure (CF_TYPE_EXPLORE_PAGE);
  g_type_ensure (CF_TYPE_FOLLOWING_PAGE);
  g_type_ensure (CF_TYPE_PLEDGES_PAGE);
  g_type_ensure (CF_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, explore_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, failed_status_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, following_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, pledges_page);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, campaign_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pledge_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_install_action (widget_class, "win.use-demo", NULL, use_demo_action);
  gtk_widget_class_install_action (widget_class, "win.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "win.retry-connection", NULL, retry_connection_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.open-address", NULL, open_address_action);
  cf_window_kept_install_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
}

static void
cf_window_init (CfWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_defer_status_icons (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->explore_page, "notify::account", G_CALLBACK (explored_changed_cb), self);
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  cf_memory_rest_watch (GTK_WIDGET (self));
  drop_target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY | GDK_ACTION_LINK);
  g_signal_connect (drop_target, "drop", G_CALLBACK (address_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

/* Brings the view called @name (“explore”, “following”, “pledges”) to the
 * front, over any campaign or pledge page. */
void
cf_window_show_view (CfWindow   *self,
                     const char *name)
{
  g_return_if_fail (CF_IS_WINDOW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  gtk_window_present (GTK_WINDOW (self));
}

/* A window on the platforms of @accounts, with its settings and pictures. */
CfWindow *
cf_window_new (GtkApplication *application,
               GSettings      *settings,
               CfImageCache   *image_cache,
               CfAccountList  *accounts)
{
  CfWindow *self = g_object_new (CF_TYPE_WINDOW, "application", application, NULL);
  g_autofree char *view = NULL;

  self->settings = g_object_ref (settings);
  self->image_cache = g_object_ref (image_cache);
  self->accounts = g_object_ref (accounts);
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, view);

  self->approximation = cf_approximation_new ();
  g_signal_connect_object (self->settings, "changed::display-currency", G_CALLBACK (approximate),
                           self, G_CONNECT_SWAPPED);
  cf_explore_page_set_accounts (self->explore_page, G_LIST_MODEL (accounts), image_cache, self->approximation);
  cf_following_page_set_accounts (self->following_page, G_LIST_MODEL (accounts), image_cache,
                                  self->approximation);
  self->notifier = cf_pledge_notifier_new (G_APPLICATION (application), G_LIST_MODEL (accounts));
  cf_pledges_page_set_pledges (self->pledges_page, G_LIST_MODEL (accounts),
                               cf_pledge_notifier_get_pledges (self->notifier));
  cf_dashboard_page_set_accounts (self->dashboard_page, self->settings, G_LIST_MODEL (accounts));
  self->reminders = cf_launch_reminders_new (G_APPLICATION (application), self->settings, G_LIST_MODEL (accounts));

  g_signal_connect_swapped (accounts, "opened", G_CALLBACK (opened_cb), self);
  g_signal_connect_swapped (accounts, "open-failed", G_CALLBACK (open_failed_cb), self);
  g_signal_connect_swapped (accounts, "problem", G_CALLBACK (cf_window_toast), self);
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self);
  accounts_changed_cb (self, 0, 0, n_accounts (self));
  gtk_stack_set_visible_child_name (self->main_stack, n_accounts (self) > 0 ? "browse"
                                                      : cf_account_list_is_opening (accounts) ? "starting"
                                                      : "welcome");
  return self;
}
