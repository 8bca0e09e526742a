/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-model.h"
#include "cf-money.h"

G_BEGIN_DECLS

#define CF_TYPE_REWARD_STATS (cf_reward_stats_get_type ())

G_DECLARE_FINAL_TYPE (CfRewardStats, cf_reward_stats, CF, REWARD_STATS, CfModel)

CfRewardStats *cf_reward_stats_new_from_json     (JsonNode  *node,
                                                  GError   **error);
const char    *cf_reward_stats_get_reward_id     (CfRewardStats *self);
gint64         cf_reward_stats_get_backers_count (CfRewardStats *self);
const CfMoney *cf_reward_stats_get_pledged       (CfRewardStats *self);

G_END_DECLS
