/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-model.h"

G_BEGIN_DECLS

#define CF_TYPE_PLEDGE_ITEM (cf_pledge_item_get_type ())

G_DECLARE_FINAL_TYPE (CfPledgeItem, cf_pledge_item, CF, PLEDGE_ITEM, CfModel)

const char *cf_pledge_item_get_reward_id    (CfPledgeItem *self);
const char *cf_pledge_item_get_reward_title (CfPledgeItem *self);
gint64      cf_pledge_item_get_quantity     (CfPledgeItem *self);

G_END_DECLS
