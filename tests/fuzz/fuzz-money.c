/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-money.h"
#include "fuzz-target.h"

/* Amounts as a backer types them, in each locale and a currency with 0 and
 * 2 decimals; whatever is read must format again. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const locales[] = { "en_US", "fr_FR", "ja_JP" };
  static const char * const currencies[] = { "EUR", "JPY" };
  g_autofree char *text = g_strndup ((const char *) data, size);

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
      {
        CfMoney money;

        if (cf_money_parse (text, currencies[c], locales[l], &money, NULL))
          g_free (cf_money_format (&money, locales[l]));
      }
  return 0;
}
