/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-model.h"
#include "cf-money.h"

G_BEGIN_DECLS

#define CF_TYPE_SHIPPING_RATE (cf_shipping_rate_get_type ())

G_DECLARE_FINAL_TYPE (CfShippingRate, cf_shipping_rate, CF, SHIPPING_RATE, CfModel)

CfShippingRate     *cf_shipping_rate_new_from_json (JsonNode  *node,
                                                    GError   **error);
const char * const *cf_shipping_rate_get_countries (CfShippingRate *self);
const CfMoney      *cf_shipping_rate_get_cost      (CfShippingRate *self);

gboolean cf_shipping_rate_covers (CfShippingRate *self,
                                 const char     *country);

G_END_DECLS
