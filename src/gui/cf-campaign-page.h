/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-account.h"
#include "cf-approximation.h"
#include "cf-image-cache.h"
#include "cf-launch-reminders.h"
#include "cf-platform.h"

G_BEGIN_DECLS

#define CF_TYPE_CAMPAIGN_PAGE (cf_campaign_page_get_type ())

G_DECLARE_FINAL_TYPE (CfCampaignPage, cf_campaign_page, CF, CAMPAIGN_PAGE, GtkWidget)

void        cf_campaign_page_set_account  (CfCampaignPage  *self,
                                           CfAccount       *account,
                                           CfImageCache    *image_cache,
                                           gboolean         show_platform);
void        cf_campaign_page_set_approximation (CfCampaignPage  *self,
                                                CfApproximation *approximation);
void        cf_campaign_page_set_reminders (CfCampaignPage    *self,
                                            CfLaunchReminders *reminders);
void        cf_campaign_page_show         (CfCampaignPage  *self,
                                           CfCampaign      *campaign);
CfCampaign *cf_campaign_page_get_campaign (CfCampaignPage  *self);
CfPledge   *cf_campaign_page_get_pledge   (CfCampaignPage  *self);

G_END_DECLS
