/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-live-feed.h"

G_BEGIN_DECLS

#define CF_TYPE_REWARD_FIGURES (cf_reward_figures_get_type ())

G_DECLARE_FINAL_TYPE (CfRewardFigures, cf_reward_figures, CF, REWARD_FIGURES, GtkWidget)

void cf_reward_figures_set_rewards (CfRewardFigures      *self,
                                    GListModel           *rewards);
void cf_reward_figures_show        (CfRewardFigures      *self,
                                    CfCampaign           *campaign,
                                    const CfLiveCampaign *live);
void cf_reward_figures_clear       (CfRewardFigures      *self);

G_END_DECLS
