/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-exchange-rates"

#include "config.h"

#include <math.h>

#include "cf-exchange-rates.h"
#include "cf-model.h"

/* How many units of each currency one unit of the base currency buys. Only
 * ever used to show "≈" amounts: a pledge never goes through a rate. */
struct _CfExchangeRates
{
  GObject parent_instance;

  char *base;
  GDateTime *as_of;
  GHashTable *rates;  /* currency code → gdouble * */
};

G_DEFINE_FINAL_TYPE (CfExchangeRates, cf_exchange_rates, G_TYPE_OBJECT)

static void
cf_exchange_rates_finalize (GObject *object)
{
  CfExchangeRates *self = CF_EXCHANGE_RATES (object);

  g_clear_pointer (&self->base, g_free);
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->rates, g_hash_table_unref);

  G_OBJECT_CLASS (cf_exchange_rates_parent_class)->finalize (object);
}

static void
cf_exchange_rates_class_init (CfExchangeRatesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_exchange_rates_finalize;
}

static void
cf_exchange_rates_init (CfExchangeRates *self)
{
  self->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean
read_rates (CfExchangeRates *self,
            JsonObject      *rates)
{
  JsonObjectIter iter;
  const char *code;
  JsonNode *node;

  json_object_iter_init (&iter, rates);
  while (json_object_iter_next (&iter, &code, &node))
    {
      GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
      double rate;

      if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
        return FALSE;
      rate = json_node_get_double (node);
      if (!(rate > 0) || !isfinite (rate))
        return FALSE;
      g_hash_table_insert (self->rates, g_strdup (code), g_memdup2 (&rate, sizeof rate));
    }

  return TRUE;
}

/* Reads {"base": "USD", "as_of": "…", "rates": {"EUR": 0.92, …}}. */
CfExchangeRates *
cf_exchange_rates_new_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(CfExchangeRates) self = g_object_new (CF_TYPE_EXCHANGE_RATES, NULL);
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *base = object ? cf_model_json_string (object, "base") : NULL;
  const char *as_of = object ? cf_model_json_string (object, "as_of") : NULL;
  JsonNode *rates = object ? json_object_get_member (object, "rates") : NULL;
  CfMoney probe;

  if (base == NULL || !cf_money_init (&probe, 0, base, NULL) || as_of == NULL ||
      (self->as_of = g_date_time_new_from_iso8601 (as_of, NULL)) == NULL ||
      rates == NULL || !JSON_NODE_HOLDS_OBJECT (rates) ||
      !read_rates (self, json_node_get_object (rates)))
    {
      g_set_error_literal (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID,
                           "exchange rates must be {\"base\", \"as_of\", \"rates\": {code: number}}");
      return NULL;
    }

  self->base = g_strdup (base);
  return g_steal_pointer (&self);
}

const char *
cf_exchange_rates_get_base (CfExchangeRates *self)
{
  g_return_val_if_fail (CF_IS_EXCHANGE_RATES (self), NULL);

  return self->base;
}

GDateTime *
cf_exchange_rates_get_as_of (CfExchangeRates *self)
{
  g_return_val_if_fail (CF_IS_EXCHANGE_RATES (self), NULL);

  return self->as_of;
}

static gboolean
lookup_rate (CfExchangeRates *self,
             const char      *currency,
             double          *rate)
{
  double *found = g_hash_table_lookup (self->rates, currency);

  if (g_strcmp0 (currency, self->base) == 0)
    *rate = 1.0;
  else if (found != NULL)
    *rate = *found;

  return found != NULL || g_strcmp0 (currency, self->base) == 0;
}

/* An approximate amount in @currency, rounded to its minor unit, for an
 * "≈" figure; FALSE when either currency has no rate. */
gboolean
cf_exchange_rates_convert (CfExchangeRates *self,
                           const CfMoney   *money,
                           const char      *currency,
                           CfMoney         *converted)
{
  double from_rate, to_rate, major, result;

  g_return_val_if_fail (CF_IS_EXCHANGE_RATES (self), FALSE);

  if (!lookup_rate (self, money->currency, &from_rate) || !lookup_rate (self, currency, &to_rate))
    return FALSE;

  major = money->amount / pow (10, cf_currency_exponent (money->currency));
  result = round (major / from_rate * to_rate * pow (10, cf_currency_exponent (currency)));
  if (!(fabs (result) < 9.0e18))
    return FALSE;

  return cf_money_init (converted, (gint64) result, currency, NULL);
}
