/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-campaign.h"
#include "cf-merged-list.h"
#include "cf-pledge.h"
#include "cf-reward.h"

G_BEGIN_DECLS

char *cf_format_count        (gint64           count,
                              const char      *locale);
char *cf_format_date         (GDateTime       *date,
                              const char      *format);
char *cf_format_percent      (double           fraction,
                              const char      *locale);
char *cf_format_backers      (gint64           backers,
                              const char      *locale);
char *cf_format_reward_count     (CfReward   *reward,
                                  const char *locale);
char *cf_format_time_left    (CfCampaignState  state,
                              GDateTime       *launched_at,
                              GDateTime       *deadline,
                              GDateTime       *now);
char *cf_format_reward_price     (CfReward   *reward);
char *cf_format_reward_remaining (CfReward   *reward);
char *cf_format_delivery_month   (const char *month);
char *cf_format_pledge_recurrence (CfPledge   *pledge);
char *cf_format_pledge_status    (CfPledge   *pledge);
char *cf_format_kept_sources     (CfMergedList *list);
char *cf_format_pledge_rewards   (CfPledge   *pledge,
                                  gboolean    one_per_line);
char *cf_format_pledge_action    (CfPledge   *pledge);
gint64 cf_format_round_step      (gint64      at_least);
char *cf_format_time_ago         (gint64      then,
                                  gint64      now);
char *cf_format_as_of            (GDateTime  *when);

G_END_DECLS
