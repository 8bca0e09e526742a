/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-enum-types.h"
#include "cf-fulfillment.h"
#include "cf-model.h"
#include "cf-money.h"
#include "cf-pledge-item.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_PLEDGE (cf_pledge_get_type ())

G_DECLARE_FINAL_TYPE (CfPledge, cf_pledge, CF, PLEDGE, CfModel)

CfPledge           *cf_pledge_new_from_json          (JsonNode  *node,
                                                      GError   **error);
const char         *cf_pledge_get_id                 (CfPledge *self);
const char         *cf_pledge_get_campaign_id        (CfPledge *self);
const char         *cf_pledge_get_campaign_slug      (CfPledge *self);
const char         *cf_pledge_get_campaign_title     (CfPledge *self);
CfCampaignState     cf_pledge_get_campaign_state     (CfPledge *self);
const char         *cf_pledge_get_campaign_image_url (CfPledge *self);
GDateTime          *cf_pledge_get_campaign_deadline  (CfPledge *self);
const char         *cf_pledge_get_reward_id          (CfPledge *self);
const char         *cf_pledge_get_reward_title       (CfPledge *self);
GListModel         *cf_pledge_get_items              (CfPledge *self);
const char         *cf_pledge_get_backer_id          (CfPledge *self);
const char         *cf_pledge_get_backer_name        (CfPledge *self);
const CfMoney      *cf_pledge_get_amount             (CfPledge *self);
const CfMoney      *cf_pledge_get_bonus              (CfPledge *self);
const CfMoney      *cf_pledge_get_shipping           (CfPledge *self);
const char         *cf_pledge_get_shipping_country   (CfPledge *self);
const char         *cf_pledge_get_address            (CfPledge *self);
CfPledgeStatus      cf_pledge_get_status             (CfPledge *self);
const char         *cf_pledge_get_platform_status    (CfPledge *self);
const char         *cf_pledge_get_status_detail      (CfPledge *self);
const char         *cf_pledge_get_url                (CfPledge *self);
const char         *cf_pledge_get_updates_url        (CfPledge *self);
gint64              cf_pledge_get_sequence           (CfPledge *self);
GDateTime          *cf_pledge_get_pledged_at         (CfPledge *self);
GDateTime          *cf_pledge_get_address_lock_at    (CfPledge *self);
CfFulfillment      *cf_pledge_get_fulfillment        (CfPledge *self);
gboolean            cf_pledge_get_received           (CfPledge *self);
const char * const *cf_pledge_get_actions            (CfPledge *self);
CfPledgeFrequency cf_pledge_get_frequency      (CfPledge *self);
GDateTime        *cf_pledge_get_next_charge_at (CfPledge *self);
gboolean          cf_pledge_get_kept_by_hand   (CfPledge *self);

gboolean            cf_pledge_is_active              (CfPledge *self);
gboolean            cf_pledge_can_be_received        (CfPledge *self);

G_END_DECLS
