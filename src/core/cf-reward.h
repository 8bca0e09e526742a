/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-enum-types.h"
#include "cf-model.h"
#include "cf-money.h"
#include "cf-shipping-rate.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_REWARD (cf_reward_get_type ())

G_DECLARE_FINAL_TYPE (CfReward, cf_reward, CF, REWARD, CfModel)

CfReward       *cf_reward_new_from_json          (JsonNode  *node,
                                                  GError   **error);
const char     *cf_reward_get_id                 (CfReward *self);
const char     *cf_reward_get_title              (CfReward *self);
const char     *cf_reward_get_description        (CfReward *self);
const CfMoney  *cf_reward_get_minimum            (CfReward *self);
gint64          cf_reward_get_limit              (CfReward *self);
gint64          cf_reward_get_remaining          (CfReward *self);
gint64          cf_reward_get_backers_count      (CfReward *self);
gint64          cf_reward_get_taken              (CfReward *self);
CfPledgeFrequency cf_reward_get_frequency        (CfReward *self);
gboolean        cf_reward_get_fixed_amount       (CfReward *self);
GDateTime      *cf_reward_get_ends_at            (CfReward *self);
gint64          cf_reward_get_claimed            (CfReward *self);
const char     *cf_reward_get_estimated_delivery (CfReward *self);
gboolean        cf_reward_get_available          (CfReward *self);
CfShippingType  cf_reward_get_shipping_type      (CfReward *self);
GListModel     *cf_reward_get_shipping_rates     (CfReward *self);

gboolean cf_reward_get_shipping_cost (CfReward   *self,
                                     const char *country,
                                     CfMoney    *cost);

GStrv    cf_reward_dup_destinations  (CfReward           *self,
                                     const char * const *all_countries);

G_END_DECLS
