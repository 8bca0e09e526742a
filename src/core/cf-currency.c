/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-currency"

#include "config.h"

#include <string.h>

#include "cf-currency.h"

/* ISO 4217 currencies whose minor unit is not the hundredth. */
static const struct
{
  const char *code;
  int exponent;
} exponents[] = {
  { "BHD", 3 }, { "BIF", 0 }, { "CLF", 4 }, { "CLP", 0 }, { "DJF", 0 },
  { "GNF", 0 }, { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 },
  { "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 },
  { "PYG", 0 }, { "RWF", 0 }, { "TND", 3 }, { "UGX", 0 }, { "UYI", 0 },
  { "UYW", 4 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 },
  { "XPF", 0 },
};

/* Three capital letters, as ISO 4217 codes are. */
gboolean
cf_currency_is_code (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (code[i]))
      return FALSE;
  return TRUE;
}

/* The number of decimal places of the currency's minor unit. */
int
cf_currency_exponent (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (exponents); i++)
    if (g_strcmp0 (exponents[i].code, code) == 0)
      return exponents[i].exponent;

  return 2;
}
