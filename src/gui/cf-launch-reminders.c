/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-launch-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-launch-reminders.h"

/* Upcoming campaigns the person asked to hear of when they launch. They are
 * kept in the settings as (platform, campaign id, title, launch time), and
 * each is asked for again once its launch time has come, at start-up for
 * those that launched while the app was closed: the person is told by a
 * notification once the platform says it is live. A platform slower than
 * its announced time is asked again, less and less often. */

#define KEY "launch-reminders"
#define FIRST_RETRY_SECONDS 5
#define LONGEST_WAIT_SECONDS 3600

struct _CfLaunchReminders
{
  GObject parent_instance;

  GApplication *application;
  GSettings *settings;
  GListModel *accounts;
  GCancellable *cancellable;
  guint check_id;
  guint retry_seconds;  /* before asking again of a launch overdue */
};

G_DEFINE_FINAL_TYPE (CfLaunchReminders, cf_launch_reminders, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule (CfLaunchReminders *self);

static CfAccount *
account_for (CfLaunchReminders *self,
             const char        *choice)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->accounts); i++)
    {
      g_autoptr(CfAccount) account = g_list_model_get_item (self->accounts, i);

      if (g_str_equal (cf_account_get_choice (account), choice))
        return account;
    }
  return NULL;
}

/* Every reminder but the one of @campaign_id on @choice, and @added after them if given. */
static void
write_without (CfLaunchReminders *self,
               const char        *choice,
               const char        *campaign_id,
               GVariant          *added)
{
  g_autoptr(GVariant) reminders = g_settings_get_value (self->settings, KEY);
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a(sssx)"));
  GVariantIter iter;
  const char *kept_choice, *kept_id, *title;
  gint64 launch;

  g_variant_iter_init (&iter, reminders);
  while (g_variant_iter_next (&iter, "(&s&s&sx)", &kept_choice, &kept_id, &title, &launch))
    if (!g_str_equal (kept_choice, choice) || !g_str_equal (kept_id, campaign_id))
      g_variant_builder_add (&builder, "(sssx)", kept_choice, kept_id, title, launch);
  if (added != NULL)
    g_variant_builder_add_value (&builder, added);
  g_settings_set_value (self->settings, KEY, g_variant_builder_end (&builder));
}

static void
tell_launched (CfLaunchReminders *self,
               CfAccount         *account,
               CfCampaign        *campaign)
{
  g_autoptr(GNotification) notification = g_notification_new (_("A Campaign Has Launched"));
  g_autofree char *body = NULL;
  g_autofree char *id = g_strdup_printf ("launch-%s-%s", cf_account_get_choice (account), cf_campaign_get_id (campaign));

  /* Translators: %s is a campaign's title; the person asked to be told of its launch. */
  body = g_strdup_printf (_("%s is live: it takes pledges from now on."), cf_campaign_get_title (campaign));
  g_notification_set_body (notification, body);
  g_application_send_notification (self->application, id, notification);
}

typedef struct
{
  CfLaunchReminders *reminders;
  CfAccount *account;
} Check;

static void
check_free (Check *check)
{
  g_object_unref (check->reminders);
  g_object_unref (check->account);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Check, check_free)

static void
campaign_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Check) check = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = cf_platform_get_campaign_finish (CF_PLATFORM (object), result, &error);

  if (campaign == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("launch of a campaign: %s", error->message);
      return;
    }
  if (cf_campaign_get_state (campaign) == CF_CAMPAIGN_STATE_UPCOMING)
    return;

  /* Live, or already over when the app was last open: the reminder is done. */
  if (cf_campaign_get_state (campaign) == CF_CAMPAIGN_STATE_LIVE)
    tell_launched (check->reminders, check->account, campaign);
  cf_launch_reminders_set (check->reminders, check->account, campaign, FALSE);
}

/* Asks for every campaign whose launch time has come; the next look is at
 * the next launch time, or soon again for those that are late. */
static gboolean
check_cb (gpointer user_data)
{
  CfLaunchReminders *self = user_data;
  g_autoptr(GVariant) reminders = g_settings_get_value (self->settings, KEY);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean overdue = FALSE;
  GVariantIter iter;
  const char *choice, *campaign_id, *title;
  gint64 launch;

  self->check_id = 0;
  g_variant_iter_init (&iter, reminders);
  while (g_variant_iter_next (&iter, "(&s&s&sx)", &choice, &campaign_id, &title, &launch))
    {
      CfAccount *account = account_for (self, choice);
      Check *check;

      if (launch > now || account == NULL)
        continue;
      overdue = TRUE;
      check = g_new0 (Check, 1);
      check->reminders = g_object_ref (self);
      check->account = g_object_ref (account);
      cf_platform_get_campaign_async (cf_account_get_platform (account), campaign_id, self->cancellable,
                                      campaign_cb, check);
    }
  self->retry_seconds = overdue ? MIN (MAX (self->retry_seconds * 2, FIRST_RETRY_SECONDS), LONGEST_WAIT_SECONDS) : 0;
  schedule (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (CfLaunchReminders *self)
{
  g_autoptr(GVariant) reminders = g_settings_get_value (self->settings, KEY);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 wait = LONGEST_WAIT_SECONDS;
  GVariantIter iter;
  const char *choice, *campaign_id, *title;
  gint64 launch;

  g_clear_handle_id (&self->check_id, g_source_remove);
  if (g_variant_n_children (reminders) == 0)
    return;

  g_variant_iter_init (&iter, reminders);
  while (g_variant_iter_next (&iter, "(&s&s&sx)", &choice, &campaign_id, &title, &launch))
    wait = MIN (wait, launch > now ? launch - now : self->retry_seconds);
  self->check_id = g_timeout_add_seconds (MAX (wait, 0), check_cb, self);
}

static void
reminders_changed_cb (CfLaunchReminders *self)
{
  self->retry_seconds = 0;
  schedule (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cf_launch_reminders_dispose (GObject *object)
{
  CfLaunchReminders *self = CF_LAUNCH_REMINDERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (cf_launch_reminders_parent_class)->dispose (object);
}

static void
cf_launch_reminders_class_init (CfLaunchRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_launch_reminders_dispose;

  /**
   * CfLaunchReminders::changed:
   *
   * A reminder was asked for or is done.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cf_launch_reminders_init (CfLaunchReminders *self)
{
  self->cancellable = g_cancellable_new ();
}

/* Reminders told through @application's notifications, kept in @settings,
 * for the platforms of @accounts (as they are opened). */
CfLaunchReminders *
cf_launch_reminders_new (GApplication *application,
                         GSettings    *settings,
                         GListModel   *accounts)
{
  CfLaunchReminders *self = g_object_new (CF_TYPE_LAUNCH_REMINDERS, NULL);

  self->application = g_object_ref (application);
  self->settings = g_object_ref (settings);
  self->accounts = g_object_ref (accounts);
  g_signal_connect_object (settings, "changed::" KEY, G_CALLBACK (reminders_changed_cb), self, G_CONNECT_SWAPPED);
  /* Platforms open one by one at start-up: each may have a launch to tell. */
  g_signal_connect_swapped (accounts, "items-changed", G_CALLBACK (schedule), self);
  schedule (self);
  return self;
}

gboolean
cf_launch_reminders_contains (CfLaunchReminders *self,
                              CfAccount         *account,
                              CfCampaign        *campaign)
{
  g_autoptr(GVariant) reminders = NULL;
  GVariantIter iter;
  const char *choice, *campaign_id, *title;
  gint64 launch;

  g_return_val_if_fail (CF_IS_LAUNCH_REMINDERS (self), FALSE);

  reminders = g_settings_get_value (self->settings, KEY);
  g_variant_iter_init (&iter, reminders);
  while (g_variant_iter_next (&iter, "(&s&s&sx)", &choice, &campaign_id, &title, &launch))
    if (g_str_equal (choice, cf_account_get_choice (account)) &&
        g_str_equal (campaign_id, cf_campaign_get_id (campaign)))
      return TRUE;
  return FALSE;
}

/* Asks to be told when @campaign, on @account's platform, launches; or no
 * longer to be. */
void
cf_launch_reminders_set (CfLaunchReminders *self,
                         CfAccount         *account,
                         CfCampaign        *campaign,
                         gboolean           remind)
{
  GDateTime *launch;
  GVariant *added = NULL;

  g_return_if_fail (CF_IS_LAUNCH_REMINDERS (self));

  launch = cf_campaign_get_launched_at (campaign);
  if (remind)
    added = g_variant_new ("(sssx)", cf_account_get_choice (account), cf_campaign_get_id (campaign),
                           cf_campaign_get_title (campaign), launch ? g_date_time_to_unix (launch) : 0);
  write_without (self, cf_account_get_choice (account), cf_campaign_get_id (campaign), added);
}
