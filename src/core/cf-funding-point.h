/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-model.h"
#include "cf-money.h"

G_BEGIN_DECLS

#define CF_TYPE_FUNDING_POINT (cf_funding_point_get_type ())

G_DECLARE_FINAL_TYPE (CfFundingPoint, cf_funding_point, CF, FUNDING_POINT, CfModel)

CfFundingPoint *cf_funding_point_new_from_json     (JsonNode  *node,
                                                    GError   **error);
GDateTime      *cf_funding_point_get_at            (CfFundingPoint *self);
const CfMoney  *cf_funding_point_get_pledged       (CfFundingPoint *self);
gint64          cf_funding_point_get_backers_count (CfFundingPoint *self);

G_END_DECLS
