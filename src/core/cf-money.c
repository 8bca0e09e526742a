/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "cf-money.h"
#include "cf-number-formatter.h"

G_DEFINE_BOXED_TYPE (CfMoney, cf_money, cf_money_copy, cf_money_free)
G_DEFINE_QUARK (cf-money-error-quark, cf_money_error)

static gint64
power_of_ten (int exponent)
{
  gint64 result = 1;

  while (exponent-- > 0)
    result *= 10;

  return result;
}

CfMoney *
cf_money_copy (const CfMoney *money)
{
  return g_memdup2 (money, sizeof *money);
}

void
cf_money_free (CfMoney *money)
{
  g_free (money);
}

gboolean
cf_money_init (CfMoney     *money,
               gint64       amount,
               const char  *currency,
               GError     **error)
{
  if (!cf_currency_is_code (currency))
    {
      g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_UNKNOWN_CURRENCY,
                   _("“%s” is not a currency code"), currency ? currency : "");
      return FALSE;
    }

  money->amount = amount;
  memcpy (money->currency, currency, 4);
  return TRUE;
}

gboolean
cf_money_is_valid (const CfMoney *money)
{
  return money != NULL && cf_currency_is_code (money->currency);
}

gboolean
cf_money_equal (const CfMoney *a,
                const CfMoney *b)
{
  return a->amount == b->amount && strcmp (a->currency, b->currency) == 0;
}

gboolean
cf_money_add (const CfMoney  *a,
              const CfMoney  *b,
              CfMoney        *sum,
              GError        **error)
{
  gint64 total;

  if (strcmp (a->currency, b->currency) != 0)
    {
      g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_CURRENCY_MISMATCH,
                   _("Amounts in %s and %s cannot be added"), a->currency, b->currency);
      return FALSE;
    }

  if (__builtin_add_overflow (a->amount, b->amount, &total))
    {
      g_set_error_literal (error, CF_MONEY_ERROR, CF_MONEY_ERROR_OVERFLOW,
                           _("The amount is too large"));
      return FALSE;
    }

  return cf_money_init (sum, total, a->currency, error);
}

gboolean
cf_money_from_json (JsonNode  *node,
                    CfMoney   *money,
                    GError   **error)
{
  JsonObject *object;
  JsonNode *amount;
  JsonNode *currency;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;

  object = json_node_get_object (node);
  amount = json_object_get_member (object, "amount");
  currency = json_object_get_member (object, "currency");

  if (amount == NULL || json_node_get_value_type (amount) != G_TYPE_INT64 ||
      currency == NULL || json_node_get_value_type (currency) != G_TYPE_STRING)
    goto invalid;

  return cf_money_init (money, json_node_get_int (amount), json_node_get_string (currency), error);

invalid:
  g_set_error_literal (error, CF_MONEY_ERROR, CF_MONEY_ERROR_INVALID,
                       "money must be {\"amount\": integer, \"currency\": string}");
  return FALSE;
}

void
cf_money_build_json (const CfMoney *money,
                     JsonBuilder   *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, money->amount);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, money->currency);
  json_builder_end_object (builder);
}

JsonNode *
cf_money_to_json (const CfMoney *money)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  cf_money_build_json (money, builder);
  return json_builder_get_root (builder);
}

/* @money rounded to whole units of its currency, half away from zero: an
 * approximation has no cents to show. */
void
cf_money_round_to_units (CfMoney *money)
{
  gint64 unit = power_of_ten (cf_currency_exponent (money->currency));
  gint64 rest = money->amount % unit;

  money->amount -= rest;
  if (rest * 2 >= unit)
    money->amount += unit;
  else if (rest * 2 <= -unit)
    money->amount -= unit;
}

/* The exact decimal value in major units: 1950 EUR → "19.50", -5 KWD → "-0.005". */
char *
cf_money_to_decimal (const CfMoney *money)
{
  int exponent = cf_currency_exponent (money->currency);
  guint64 magnitude = money->amount < 0 ? -(guint64) money->amount : (guint64) money->amount;
  guint64 scale = (guint64) power_of_ten (exponent);
  const char *sign = money->amount < 0 ? "-" : "";

  if (exponent == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, magnitude);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT,
                          sign, magnitude / scale, exponent, magnitude % scale);
}

static gboolean
set_invalid_amount (GError **error)
{
  g_set_error_literal (error, CF_MONEY_ERROR, CF_MONEY_ERROR_INVALID,
                       _("Enter an amount, such as 25 or 12.50"));
  return FALSE;
}

/* Turns ICU's decimal string ("12.5", "-3", and for larger numbers
 * "1.2345650E+5") into minor units, refusing more decimals than the
 * currency has. */
static gboolean
decimal_to_minor_units (const char  *decimal,
                        const char  *currency,
                        gint64      *amount,
                        GError     **error)
{
  int exponent = cf_currency_exponent (currency);
  gboolean negative = *decimal == '-';
  const char *p = decimal + (negative || *decimal == '+');
  g_autoptr(GString) digits = g_string_new (NULL);
  int point = -1;
  gint64 shift = 0;
  gint64 value = 0;
  int decimals;

  for (; *p != '\0' && *p != 'E' && *p != 'e'; p++)
    {
      if (*p == '.' && point < 0)
        point = (int) digits->len;
      else if (g_ascii_isdigit (*p) && digits->len < 64)
        g_string_append_c (digits, *p);
      else
        goto invalid;
    }
  if (*p != '\0' && !g_ascii_string_to_signed (p + 1, 10, -64, 64, &shift, NULL))
    goto invalid;
  if (digits->len == 0)
    goto invalid;

  /* How many digits stand after the point once the exponent is applied;
   * zeros past the currency's decimals mean nothing. */
  decimals = (int) digits->len - (point < 0 ? (int) digits->len : point) - (int) shift;
  while (decimals > exponent && digits->str[digits->len - 1] == '0')
    {
      g_string_truncate (digits, digits->len - 1);
      decimals--;
    }
  if (decimals > exponent)
    {
      g_autofree char *places = cf_number_format (UNUM_DECIMAL, exponent, NULL);

      /* Translators: a currency's code, then how many decimals its amounts have, as in “Amounts in EUR have at most 2 decimal places”. */
      g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_TOO_PRECISE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Amounts in %s have at most %s decimal place",
                                "Amounts in %s have at most %s decimal places", exponent),
                   currency, places);
      return FALSE;
    }

  for (gsize i = 0; i < digits->len; i++)
    if (__builtin_mul_overflow (value, 10, &value) ||
        __builtin_add_overflow (value, digits->str[i] - '0', &value))
      goto overflow;

  for (; decimals < exponent; decimals++)
    if (__builtin_mul_overflow (value, 10, &value))
      goto overflow;

  *amount = negative ? -value : value;
  return TRUE;

invalid:
  return set_invalid_amount (error);

overflow:
  g_set_error_literal (error, CF_MONEY_ERROR, CF_MONEY_ERROR_OVERFLOW,
                       _("The amount is too large"));
  return FALSE;
}

/* Parses what a person typed ("12,50" in French, "1,234.5" in English) in the
 * given ICU locale, or the user's when NULL. */
gboolean
cf_money_parse (const char  *text,
                const char  *currency,
                const char  *locale,
                CfMoney     *money,
                GError     **error)
{
  UNumberFormat *formatter;
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *utext = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  char decimal[64];
  int32_t length = 0;
  int32_t position = 0;
  int32_t decimal_length = -1;
  gint64 amount;

  if (!cf_money_init (money, 0, currency, error))
    return FALSE;

  utext = g_new0 (UChar, strlen (trimmed) + 1);
  u_strFromUTF8 (utext, strlen (trimmed) + 1, &length, trimmed, -1, &status);
  formatter = cf_number_formatter (UNUM_DECIMAL, locale, NULL);
  /* ICU fills the whole buffer without a terminator when the number takes
   * exactly its size: only a shorter one is read. */
  if (U_SUCCESS (status) && formatter != NULL && length > 0)
    decimal_length = unum_parseDecimal (formatter, utext, length, &position, decimal, sizeof decimal, &status);
  if (decimal_length < 0 || decimal_length >= (int32_t) sizeof decimal)
    return set_invalid_amount (error);
  decimal[decimal_length] = '\0';

  /* ICU reads "1e3" as a thousand; nobody types an amount so. */
  if (U_FAILURE (status) || length == 0 || position != length || strpbrk (trimmed, "eE") != NULL)
    return set_invalid_amount (error);

  if (!decimal_to_minor_units (decimal, currency, &amount, error))
    return FALSE;

  money->amount = amount;
  return TRUE;
}

static char *
format_money (const CfMoney      *money,
              const char         *locale,
              UNumberFormatStyle  style)
{
  g_autofree char *decimal = cf_money_to_decimal (money);
  UNumberFormat *formatter = cf_number_formatter (style, locale, money->currency);
  int exponent = cf_currency_exponent (money->currency);
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[128];
  char utf8[512];
  int32_t length;

  if (formatter == NULL)
    return g_strdup_printf ("%s %s", decimal, money->currency);

  /* "€28,900" rather than "€28,900.00"; cents that are there always show. */
  if (money->amount % power_of_ten (exponent) == 0)
    unum_setAttribute (formatter, UNUM_MIN_FRACTION_DIGITS, 0);
  length = unum_formatDecimal (formatter, decimal, -1, buffer, G_N_ELEMENTS (buffer), NULL, &status);
  unum_setAttribute (formatter, UNUM_MIN_FRACTION_DIGITS, exponent);
  if (U_SUCCESS (status))
    u_strToUTF8 (utf8, sizeof utf8, NULL, buffer, length, &status);

  if (U_FAILURE (status))
    return g_strdup_printf ("%s %s", decimal, money->currency);

  return g_strdup (utf8);
}

/* "19 470 000 ¥" in fr, "￥19,470,000" in ja, "¥19,470,000" in en, "€19.50",
 * "€20"; the user's locale when locale is NULL. */
char *
cf_money_format (const CfMoney *money,
                 const char    *locale)
{
  return format_money (money, locale, UNUM_CURRENCY);
}

/* The amount alone, as a person types it: "19,50" in fr, "19.50" in en;
 * what cf_money_parse() reads back. */
char *
cf_money_format_number (const CfMoney *money,
                        const char    *locale)
{
  return format_money (money, locale, UNUM_DECIMAL);
}
