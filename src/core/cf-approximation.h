/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-exchange-rates.h"

G_BEGIN_DECLS

#define CF_TYPE_APPROXIMATION (cf_approximation_get_type ())

G_DECLARE_FINAL_TYPE (CfApproximation, cf_approximation, CF, APPROXIMATION, GObject)

CfApproximation *cf_approximation_new          (void);
void             cf_approximation_set          (CfApproximation *self,
                                                CfExchangeRates *rates,
                                                const char      *currency);
const char      *cf_approximation_get_currency (CfApproximation *self);
char            *cf_approximation_dup_text     (CfApproximation *self,
                                                const CfMoney   *amount);

G_END_DECLS
