/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-live-feed.h"

G_BEGIN_DECLS

#define CF_TYPE_LIVE_SUBSCRIPTION (cf_live_subscription_get_type ())

G_DECLARE_FINAL_TYPE (CfLiveSubscription, cf_live_subscription, CF, LIVE_SUBSCRIPTION, GObject)

CfLiveSubscription   *cf_live_subscription_new      (CfLiveFeed         *feed,
                                                     CfCampaign         *campaign,
                                                     gboolean            with_details);
const CfLiveCampaign *cf_live_subscription_get_live (CfLiveSubscription *self);

G_END_DECLS
