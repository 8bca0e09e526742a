/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-campaign.h"

G_BEGIN_DECLS

/* A campaign's figures, written once for every widget that shows them. */
typedef struct
{
  char *pledged;         /* "¥19,470,000" */
  char *goal;            /* "¥10,000,000" */
  char *pledged_of_goal; /* "¥19,470,000 of ¥10,000,000" */
  char *percent;         /* "195%" */
  char *backers;         /* "394 backers" */
  char *time_left;       /* "60 days to go" */
  char *spoken;          /* "wena wrist, 195% funded, 394 backers, 60 days to go" */
  double fraction;
} CfCampaignSummary;

void cf_campaign_summary_init  (CfCampaignSummary *summary,
                                CfCampaign        *campaign);
void cf_campaign_summary_clear (CfCampaignSummary *summary);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CfCampaignSummary, cf_campaign_summary_clear)

G_END_DECLS
