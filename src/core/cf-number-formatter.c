/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-number-formatter"

#include "config.h"

#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "cf-locale.h"
#include "cf-currency.h"
#include "cf-number-formatter.h"

/* A locale without a symbol of its own for a currency shows its ISO code
 * ("19 470 000 JPY" in French); its narrow symbol reads better there. */
static void
prefer_narrow_symbol (UNumberFormat *formatter,
                      const char    *locale,
                      const UChar   *code,
                      UErrorCode    *status)
{
  UBool is_choice = FALSE;
  int32_t length = 0;
  const UChar *symbol = ucurr_getName (code, locale, UCURR_SYMBOL_NAME, &is_choice, &length, status);

  if (U_FAILURE (*status) || u_strcmp (symbol, code) != 0)
    return;

  symbol = ucurr_getName (code, locale, UCURR_NARROW_SYMBOL_NAME, &is_choice, &length, status);
  if (U_SUCCESS (*status))
    unum_setSymbol (formatter, UNUM_CURRENCY_SYMBOL, symbol, length, status);
}

/* In a language written right to left, a symbol in Latin letters such as
 * “US$” or “JP¥” is isolated as left-to-right: the bidirectional
 * algorithm would otherwise show its sign before its letters (“$US”). */
static void
isolate_latin_symbol (UNumberFormat *formatter,
                      const char    *locale,
                      UErrorCode    *status)
{
  UChar symbol[32] = { 0x2066 };
  int32_t length;
  gboolean latin = FALSE;

  if (!uloc_isRightToLeft (locale))
    return;
  length = unum_getSymbol (formatter, UNUM_CURRENCY_SYMBOL, symbol + 1, G_N_ELEMENTS (symbol) - 2, status);
  if (U_FAILURE (*status))
    return;
  for (int32_t i = 1; i <= length; i++)
    latin |= u_charDirection (symbol[i]) == U_LEFT_TO_RIGHT;
  if (!latin)
    return;
  symbol[length + 1] = 0x2069;
  unum_setSymbol (formatter, UNUM_CURRENCY_SYMBOL, symbol, length + 2, status);
}

static UNumberFormat *
open_formatter (UNumberFormatStyle  style,
                const char         *locale,
                const char         *currency)
{
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat *formatter;
  UChar code[4];

  formatter = unum_open (style, NULL, 0, locale, NULL, &status);
  if (U_FAILURE (status))
    return NULL;

  if (currency != NULL)
    {
      int exponent = cf_currency_exponent (currency);

      u_uastrcpy (code, currency);
      unum_setTextAttribute (formatter, UNUM_CURRENCY_CODE, code, 3, &status);
      prefer_narrow_symbol (formatter, locale, code, &status);
      isolate_latin_symbol (formatter, locale, &status);
      unum_setAttribute (formatter, UNUM_MIN_FRACTION_DIGITS, exponent);
      unum_setAttribute (formatter, UNUM_MAX_FRACTION_DIGITS, exponent);
    }

  if (U_FAILURE (status))
    g_clear_pointer (&formatter, unum_close);

  return formatter;
}

static void
formatters_free (gpointer formatters)
{
  g_hash_table_unref (formatters);
}

/* Opening an ICU formatter costs far more than formatting with it: one per
 * style, locale and currency is kept, per thread, and reused. The caller
 * must leave it as it found it. */
UNumberFormat *
cf_number_formatter (UNumberFormatStyle  style,
                     const char         *locale,
                     const char         *currency)
{
  static GPrivate formatters_key = G_PRIVATE_INIT (formatters_free);
  GHashTable *formatters = g_private_get (&formatters_key);
  g_autofree char *default_locale = locale ? NULL : cf_locale_dup_default ();
  g_autofree char *key = NULL;
  UNumberFormat *formatter;

  if (formatters == NULL)
    {
      formatters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) unum_close);
      g_private_set (&formatters_key, formatters);
    }
  if (locale == NULL)
    locale = default_locale;

  key = g_strdup_printf ("%d %s %s", style, locale, currency ? currency : "");
  formatter = g_hash_table_lookup (formatters, key);
  if (formatter == NULL && (formatter = open_formatter (style, locale, currency)) != NULL)
    g_hash_table_insert (formatters, g_steal_pointer (&key), formatter);
  return formatter;
}

/* @value in @style, as the language of @locale (NULL: the user's) writes it. */
char *
cf_number_format (UNumberFormatStyle  style,
                  double              value,
                  const char         *locale)
{
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat *formatter = cf_number_formatter (style, locale, NULL);
  UChar buffer[64];
  char utf8[256];
  int32_t length = 0;

  if (formatter == NULL)
    status = U_INTERNAL_PROGRAM_ERROR;
  if (U_SUCCESS (status))
    length = unum_formatDouble (formatter, value, buffer, G_N_ELEMENTS (buffer), NULL, &status);
  if (U_SUCCESS (status))
    u_strToUTF8 (utf8, sizeof utf8, NULL, buffer, length, &status);

  return U_SUCCESS (status) ? g_strdup (utf8) : g_strdup_printf ("%.0f", value);
}
