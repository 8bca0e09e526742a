/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-platform.h"

G_BEGIN_DECLS

#define CF_TYPE_CAMPAIGN_LIST (cf_campaign_list_get_type ())

G_DECLARE_FINAL_TYPE (CfCampaignList, cf_campaign_list, CF, CAMPAIGN_LIST, GObject)

CfCampaignList *cf_campaign_list_new         (CfPlatform            *platform);
void            cf_campaign_list_set_query   (CfCampaignList        *self,
                                              const CfCampaignQuery *query);
void            cf_campaign_list_load_more   (CfCampaignList        *self);
void            cf_campaign_list_reload      (CfCampaignList        *self);
gboolean        cf_campaign_list_get_loading (CfCampaignList        *self);
gboolean        cf_campaign_list_get_has_more (CfCampaignList       *self);
const GError   *cf_campaign_list_get_error   (CfCampaignList        *self);
void            cf_campaign_list_keep_first_page (CfCampaignList    *self,
                                                  const char        *path);
GDateTime      *cf_campaign_list_get_saved_at (CfCampaignList       *self);

G_END_DECLS
