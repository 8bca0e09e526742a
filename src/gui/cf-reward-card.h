/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-approximation.h"
#include "cf-reward.h"

G_BEGIN_DECLS

#define CF_TYPE_REWARD_CARD (cf_reward_card_get_type ())

G_DECLARE_FINAL_TYPE (CfRewardCard, cf_reward_card, CF, REWARD_CARD, GtkWidget)

GtkWidget *cf_reward_card_new (CfReward        *reward,
                               CfApproximation *approximation,
                               const char      *country);

G_END_DECLS
