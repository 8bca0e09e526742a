/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-enum-types.h"
#include "cf-model.h"
#include "cf-money.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_CAMPAIGN (cf_campaign_get_type ())

G_DECLARE_FINAL_TYPE (CfCampaign, cf_campaign, CF, CAMPAIGN, CfModel)

CfCampaign      *cf_campaign_new_from_json     (JsonNode  *node,
                                                GError   **error);
const char      *cf_campaign_get_id            (CfCampaign *self);
const char      *cf_campaign_get_slug          (CfCampaign *self);
const char      *cf_campaign_get_title         (CfCampaign *self);
const char      *cf_campaign_get_blurb         (CfCampaign *self);
const char      *cf_campaign_get_description   (CfCampaign *self);
const char      *cf_campaign_get_creator_id    (CfCampaign *self);
const char      *cf_campaign_get_creator_name  (CfCampaign *self);
const char      *cf_campaign_get_category_id   (CfCampaign *self);
const char      *cf_campaign_get_category_slug (CfCampaign *self);
const char      *cf_campaign_get_category_name (CfCampaign *self);
const char      *cf_campaign_get_country       (CfCampaign *self);
const char      *cf_campaign_get_city          (CfCampaign *self);
const char      *cf_campaign_get_image_url     (CfCampaign *self);
const char      *cf_campaign_get_url           (CfCampaign *self);
CfCampaignState  cf_campaign_get_state         (CfCampaign *self);
const CfMoney   *cf_campaign_get_goal          (CfCampaign *self);
const CfMoney   *cf_campaign_get_pledged       (CfCampaign *self);
gint64           cf_campaign_get_backers_count (CfCampaign *self);
GDateTime       *cf_campaign_get_launched_at   (CfCampaign *self);
GDateTime       *cf_campaign_get_deadline      (CfCampaign *self);
gint64           cf_campaign_get_rewards_count (CfCampaign *self);
gint64           cf_campaign_get_updates_count (CfCampaign *self);
gboolean         cf_campaign_get_following     (CfCampaign *self);
CfGoalUnit       cf_campaign_get_goal_unit     (CfCampaign *self);
gint64           cf_campaign_get_counted_goal  (CfCampaign *self);
gint64           cf_campaign_get_counted       (CfCampaign *self);
gint64           cf_campaign_get_next_counted_goal (CfCampaign *self);
const CfMoney   *cf_campaign_get_next_goal     (CfCampaign *self);
CfGoalBasis      cf_campaign_get_goal_basis    (CfCampaign *self);
gboolean         cf_campaign_has_goal          (CfCampaign *self);
const CfMoney   *cf_campaign_get_received      (CfCampaign *self);
const CfMoney   *cf_campaign_get_monthly_income (CfCampaign *self);
gboolean         cf_campaign_get_figures_unknown (CfCampaign *self);
const char      *cf_campaign_get_platform_name (CfCampaign *self);
double           cf_campaign_get_progress      (CfCampaign *self,
                                                gboolean    to_next_goal);

G_END_DECLS
