/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-funding-point.h"
#include "cf-model.h"
#include "cf-money.h"
#include "cf-reward-stats.h"
#include "cf-enum-types.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_STATS (cf_stats_get_type ())

G_DECLARE_FINAL_TYPE (CfStats, cf_stats, CF, STATS, CfModel)

CfStats       *cf_stats_new_from_json     (JsonNode  *node,
                                           GError   **error);
const CfMoney *cf_stats_get_pledged       (CfStats *self);
gint64         cf_stats_get_backers_count (CfStats *self);
GListModel    *cf_stats_get_funding       (CfStats *self);
GListModel    *cf_stats_get_rewards       (CfStats *self);
const CfMoney *cf_stats_get_next_goal     (CfStats *self);
CfGoalUnit     cf_stats_get_goal_unit     (CfStats *self);
gint64         cf_stats_get_counted       (CfStats *self);
gint64         cf_stats_get_counted_goal  (CfStats *self);
gint64         cf_stats_get_next_counted_goal (CfStats *self);

G_END_DECLS
