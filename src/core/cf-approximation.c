/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-approximation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-approximation.h"

/* Amounts in another currency told approximately in the person's own, at
 * the platform's exchange rates: whoever shows an amount asks for its text
 * and listens to “changed”, which says the rates or the currency changed. */
struct _CfApproximation
{
  GObject parent_instance;

  CfExchangeRates *rates;
  char *currency;
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CfApproximation, cf_approximation, G_TYPE_OBJECT)

static void
cf_approximation_finalize (GObject *object)
{
  CfApproximation *self = CF_APPROXIMATION (object);

  g_clear_object (&self->rates);
  g_free (self->currency);

  G_OBJECT_CLASS (cf_approximation_parent_class)->finalize (object);
}

static void
cf_approximation_class_init (CfApproximationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_approximation_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cf_approximation_init (CfApproximation *self)
{
}

CfApproximation *
cf_approximation_new (void)
{
  return g_object_new (CF_TYPE_APPROXIMATION, NULL);
}

/* Approximates in @currency (an ISO 4217 code) at @rates from now on. */
void
cf_approximation_set (CfApproximation *self,
                      CfExchangeRates *rates,
                      const char      *currency)
{
  g_return_if_fail (CF_IS_APPROXIMATION (self));

  if (self->rates == rates && g_strcmp0 (self->currency, currency) == 0)
    return;

  g_set_object (&self->rates, rates);
  g_free (self->currency);
  self->currency = g_strdup (currency);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
cf_approximation_get_currency (CfApproximation *self)
{
  g_return_val_if_fail (CF_IS_APPROXIMATION (self), NULL);

  return self->currency;
}

/* “≈ $130” for @amount, rounded to whole units; NULL when it is already in
 * the person's currency, there is no rate for it, or it is nothing: zero
 * is zero in any currency. */
char *
cf_approximation_dup_text (CfApproximation *self,
                           const CfMoney   *amount)
{
  CfMoney converted;
  g_autofree char *formatted = NULL;

  g_return_val_if_fail (CF_IS_APPROXIMATION (self), NULL);

  if (amount->amount == 0 || self->rates == NULL || self->currency == NULL ||
      g_str_equal (amount->currency, self->currency) ||
      !cf_exchange_rates_convert (self->rates, amount, self->currency, &converted))
    return NULL;

  cf_money_round_to_units (&converted);
  formatted = cf_money_format (&converted, NULL);
  /* Translators: an approximate amount in the user's currency, as in “≈ €144,200”. */
  return g_strdup_printf (_("≈ %s"), formatted);
}
