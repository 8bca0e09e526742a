/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-live-subscription"

#include "config.h"

#include "cf-live-subscription.h"

/* One widget's interest in one campaign's live figures: subscribed while
 * it lives, it gives the campaign each change the feed flushes, then says
 * "changed". Dropping it unsubscribes. */
struct _CfLiveSubscription
{
  GObject parent_instance;

  CfLiveFeed *feed;
  CfCampaign *campaign;
  const CfLiveCampaign *live;
  gulong changed_id;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CfLiveSubscription, cf_live_subscription, G_TYPE_OBJECT)

static void
changed_cb (CfLiveFeed         *feed,
            const char         *campaign_id,
            CfLiveSubscription *self)
{
  cf_live_campaign_apply_to (self->live, self->campaign);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cf_live_subscription_dispose (GObject *object)
{
  CfLiveSubscription *self = CF_LIVE_SUBSCRIPTION (object);

  if (self->feed != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->feed);
      cf_live_feed_unsubscribe (self->feed, cf_campaign_get_id (self->campaign));
    }
  g_clear_object (&self->feed);
  g_clear_object (&self->campaign);

  G_OBJECT_CLASS (cf_live_subscription_parent_class)->dispose (object);
}

static void
cf_live_subscription_class_init (CfLiveSubscriptionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_live_subscription_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cf_live_subscription_init (CfLiveSubscription *self)
{
}

CfLiveSubscription *
cf_live_subscription_new (CfLiveFeed *feed,
                          CfCampaign *campaign,
                          gboolean    with_details)
{
  CfLiveSubscription *self = g_object_new (CF_TYPE_LIVE_SUBSCRIPTION, NULL);
  g_autofree char *signal = g_strdup_printf ("changed::%s", cf_campaign_get_id (campaign));

  self->feed = g_object_ref (feed);
  self->campaign = g_object_ref (campaign);
  self->live = cf_live_feed_subscribe (feed, cf_campaign_get_id (campaign), with_details);
  self->changed_id = g_signal_connect (feed, signal, G_CALLBACK (changed_cb), self);
  cf_live_campaign_apply_to (self->live, campaign);
  return self;
}

/* What the feed knows of the campaign, valid as long as the subscription. */
const CfLiveCampaign *
cf_live_subscription_get_live (CfLiveSubscription *self)
{
  g_return_val_if_fail (CF_IS_LIVE_SUBSCRIPTION (self), NULL);

  return self->live;
}
