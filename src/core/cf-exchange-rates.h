/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cf-money.h"

G_BEGIN_DECLS

#define CF_TYPE_EXCHANGE_RATES (cf_exchange_rates_get_type ())

G_DECLARE_FINAL_TYPE (CfExchangeRates, cf_exchange_rates, CF, EXCHANGE_RATES, GObject)

CfExchangeRates *cf_exchange_rates_new_from_json (JsonNode         *node,
                                                  GError          **error);
const char      *cf_exchange_rates_get_base      (CfExchangeRates  *self);
GDateTime       *cf_exchange_rates_get_as_of     (CfExchangeRates  *self);
gboolean         cf_exchange_rates_convert       (CfExchangeRates  *self,
                                                  const CfMoney    *money,
                                                  const char       *currency,
                                                  CfMoney          *converted);

G_END_DECLS
