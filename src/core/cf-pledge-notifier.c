/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledge-notifier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-format.h"
#include "cf-pledge-notifier.h"
#include "cf-pledge-watch.h"

/* Deliveries move slowly: a look every ten minutes tells of them in time. */
#define REFRESH_SECONDS (10 * 60)

/* Watches the pledges of every account, whatever view is shown, and tells
 * the backer, once, of a reward that shipped or a pledge that needs them,
 * even when the window is not in front. It owns the merged list of
 * pledges the Pledges view shows, and reads it again every few minutes. */
struct _CfPledgeNotifier
{
  GObject parent_instance;

  GApplication *application;  /* unowned: it outlives the windows */
  GListModel *accounts;       /* owned */
  CfMergedList *pledges;      /* owned */
  guint refresh_id;
};

G_DEFINE_FINAL_TYPE (CfPledgeNotifier, cf_pledge_notifier, G_TYPE_OBJECT)

static GNotification *
new_notification (CfPledgeNotifier *self,
                  CfAccount        *account,
                  const CfPledgeNews *item,
                  char            **id)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;

  if (item->kind == CF_PLEDGE_NEWS_SHIPPED)
    {
      g_autofree char *rewards = cf_format_pledge_rewards (item->pledge, FALSE);

      notification = g_notification_new (_("Your Reward Has Shipped"));
      /* Translators: a reward and its campaign, as in “Early bird from Alpha board game”. */
      body = g_strdup_printf (_("%s from %s is on its way."), rewards, cf_pledge_get_campaign_title (item->pledge));
      *id = g_strdup_printf ("pledge-%s-shipped", cf_pledge_get_id (item->pledge));
    }
  else
    {
      g_autofree char *action = cf_format_pledge_action (item->pledge);

      notification = g_notification_new (_("A Pledge Needs You"));
      body = g_strdup_printf ("%s: %s", cf_pledge_get_campaign_title (item->pledge), action);
      *id = g_strdup_printf ("pledge-%s-action", cf_pledge_get_id (item->pledge));
    }
  if (g_list_model_get_n_items (self->accounts) > 1)
    {
      /* Translators: a platform and what happened there, as in “Demo platform: Early bird … is on its way.” */
      g_autofree char *with_platform = g_strdup_printf (_("%s: %s"), cf_account_get_label (account), body);

      g_free (body);
      body = g_steal_pointer (&with_platform);
    }
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-view", "s", "pledges");
  return g_steal_pointer (&notification);
}

static void
tell (CfPledgeNotifier *self,
      CfAccount        *account,
      GListModel       *pledges)
{
  g_autoptr(CfPledgeWatch) watch = cf_account_new_pledge_watch (account);
  g_autoptr(GArray) news = cf_pledge_watch_update (watch, pledges);

  for (guint i = 0; i < news->len; i++)
    {
      g_autofree char *id = NULL;
      g_autoptr(GNotification) notification = new_notification (self, account,
                                                                 &g_array_index (news, CfPledgeNews, i), &id);

      g_application_send_notification (self->application, id, notification);
    }
}

/* A fresh answer from @account: what changed since it was last seen. An
 * answer that arrives after its person signed out is nobody's news. */
static void
pledges_changed_cb (CfPledgeNotifier *self,
                    CfAccount        *account)
{
  if (account == NULL || !cf_account_get_signed_in (account))
    return;

  for (guint i = 0; i < cf_merged_list_get_n_sources (self->pledges); i++)
    {
      const CfMergedSource *source = cf_merged_list_get_source (self->pledges, i);

      if (source->account == account && source->error == NULL && source->items != NULL)
        tell (self, account, source->items);
    }
}

static gboolean
refresh_cb (gpointer user_data)
{
  CfPledgeNotifier *self = user_data;

  cf_merged_list_reload (self->pledges);
  return G_SOURCE_CONTINUE;
}

static void
cf_pledge_notifier_dispose (GObject *object)
{
  CfPledgeNotifier *self = CF_PLEDGE_NOTIFIER (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->pledges != NULL)
    g_signal_handlers_disconnect_by_data (self->pledges, self);
  g_clear_object (&self->pledges);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (cf_pledge_notifier_parent_class)->dispose (object);
}

static void
cf_pledge_notifier_class_init (CfPledgeNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_pledge_notifier_dispose;
}

static void
cf_pledge_notifier_init (CfPledgeNotifier *self)
{
}

/* Watches the pledges of every account of @accounts, telling of news
 * through @application's notifications. */
CfPledgeNotifier *
cf_pledge_notifier_new (GApplication *application,
                        GListModel   *accounts)
{
  CfPledgeNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);

  self = g_object_new (CF_TYPE_PLEDGE_NOTIFIER, NULL);
  self->application = application;
  self->accounts = g_object_ref (accounts);
  self->pledges = cf_merged_list_new (accounts, CF_PLATFORM_FEATURE_PLEDGES, cf_platform_list_all_pledges_async,
                                      CF_TYPE_PLEDGE, "pledges");
  /* A pledge read offline shows its state; the person's address waits for the platform. */
  cf_merged_list_keep_without (self->pledges, (const char *[]) { "address", NULL });
  g_signal_connect_swapped (self->pledges, "changed", G_CALLBACK (pledges_changed_cb), self);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
  return self;
}

/* Every pledge of every account, as the Pledges view shows them. */
CfMergedList *
cf_pledge_notifier_get_pledges (CfPledgeNotifier *self)
{
  g_return_val_if_fail (CF_IS_PLEDGE_NOTIFIER (self), NULL);

  return self->pledges;
}
