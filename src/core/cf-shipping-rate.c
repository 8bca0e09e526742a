/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-shipping-rate"

#include "config.h"

#include "cf-shipping-rate.h"

/* What shipping a reward costs to some countries, or to "*": everywhere else. */
struct _CfShippingRate
{
  CfModel parent_instance;

  GStrv countries;
  CfMoney cost;
};

static const CfField fields[] = {
  { "countries", NULL, CF_FIELD_STRV, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfShippingRate, countries) },
  { "cost", NULL, CF_FIELD_MONEY, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfShippingRate, cost) },
};

G_DEFINE_FINAL_TYPE (CfShippingRate, cf_shipping_rate, CF_TYPE_MODEL)

static void
cf_shipping_rate_class_init (CfShippingRateClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_shipping_rate_init (CfShippingRate *self)
{
}

CfShippingRate *
cf_shipping_rate_new_from_json (JsonNode  *node,
                                GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_SHIPPING_RATE, node, error);
}

CF_MODEL_DEFINE_GETTER (CfShippingRate, cf_shipping_rate, CF_IS_SHIPPING_RATE, const char * const *, countries, (const char * const *), NULL)
CF_MODEL_DEFINE_GETTER (CfShippingRate, cf_shipping_rate, CF_IS_SHIPPING_RATE, const CfMoney *, cost, &, NULL)

gboolean
cf_shipping_rate_covers (CfShippingRate *self,
                         const char     *country)
{
  g_return_val_if_fail (CF_IS_SHIPPING_RATE (self), FALSE);

  return g_strv_contains ((const char * const *) self->countries, country);
}
