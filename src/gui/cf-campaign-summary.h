/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-campaign.h"

G_BEGIN_DECLS

/* A campaign's figures, written once for every widget that shows them, in
 * what its goal counts: money, pre-orders or members. */
typedef struct
{
  char *pledged;         /* "¥19,470,000", "50,704 pre-orders" */
  char *goal;            /* "¥10,000,000", "50,000 pre-orders"; NULL without a goal */
  char *pledged_of_goal; /* "¥19,470,000 of ¥10,000,000", "50,704 of 50,000 pre-orders" */
  char *goal_caption;    /* for a goal in money, what the figure beside it is: "pledged of ¥10,000,000 goal" */
  char *next_goal;       /* the next stretch goal not reached yet, "60,000 pre-orders"; or NULL */
  char *raised;          /* beside a count, the money it brought: "€12,345 raised"; or NULL */
  char *percent;         /* "195%" */
  char *backers;         /* "394 backers" */
  char *time_left;       /* "60 days to go" */
  char *spoken;          /* "wena wrist, 195% funded, 394 backers, 60 days to go" */
  double fraction;       /* against the next stretch goal while there is one */
  gboolean counted;      /* the goal counts pre-orders or members */
  gboolean has_goal;     /* FALSE: no progress is shown, only what was raised */
} CfCampaignSummary;

void cf_campaign_summary_init  (CfCampaignSummary *summary,
                                CfCampaign        *campaign);
void cf_campaign_summary_clear (CfCampaignSummary *summary);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CfCampaignSummary, cf_campaign_summary_clear)

G_END_DECLS
