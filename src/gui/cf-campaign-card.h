/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-account.h"
#include "cf-approximation.h"
#include "cf-campaign.h"
#include "cf-image-cache.h"

G_BEGIN_DECLS

#define CF_TYPE_CAMPAIGN_CARD (cf_campaign_card_get_type ())

G_DECLARE_FINAL_TYPE (CfCampaignCard, cf_campaign_card, CF, CAMPAIGN_CARD, GtkWidget)

GtkWidget *cf_campaign_card_new               (CfImageCache    *image_cache,
                                               CfApproximation *approximation);
void       cf_campaign_card_set_campaign      (CfCampaignCard *self,
                                               CfAccount      *account,
                                               CfCampaign     *campaign);
void       cf_campaign_card_set_show_platform (CfCampaignCard *self,
                                               gboolean        show_platform);

G_END_DECLS
