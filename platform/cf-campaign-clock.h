/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-database.h"
#include "cf-live-hub.h"

G_BEGIN_DECLS

#define CF_TYPE_CAMPAIGN_CLOCK (cf_campaign_clock_get_type ())

G_DECLARE_FINAL_TYPE (CfCampaignClock, cf_campaign_clock, CF, CAMPAIGN_CLOCK, GObject)

CfCampaignClock *cf_campaign_clock_new  (CfDatabase      *database,
                                         CfLiveHub       *live_hub);
void             cf_campaign_clock_tick (CfCampaignClock *self);

G_END_DECLS
