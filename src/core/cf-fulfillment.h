/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-enum-types.h"
#include "cf-model.h"
#include "cf-types.h"

G_BEGIN_DECLS

#define CF_TYPE_FULFILLMENT (cf_fulfillment_get_type ())

G_DECLARE_FINAL_TYPE (CfFulfillment, cf_fulfillment, CF, FULFILLMENT, CfModel)

CfFulfillment       *cf_fulfillment_new_from_json          (JsonNode  *node,
                                                            GError   **error);
CfFulfillmentStatus  cf_fulfillment_get_status             (CfFulfillment *self);
const char          *cf_fulfillment_get_tracking_number    (CfFulfillment *self);
const char          *cf_fulfillment_get_carrier            (CfFulfillment *self);
const char          *cf_fulfillment_get_tracking_url       (CfFulfillment *self);
GDateTime           *cf_fulfillment_get_shipped_at         (CfFulfillment *self);
const char          *cf_fulfillment_get_estimated_delivery (CfFulfillment *self);

G_END_DECLS
