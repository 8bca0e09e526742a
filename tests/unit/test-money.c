/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-exchange-rates.h"
#include "cf-money.h"

typedef struct
{
  gint64 amount;
  const char *currency;
  const char *locale;
  const char *expected;
} FormatCase;

/* ICU separates French thousands with U+202F and the symbol with U+00A0. */
static const FormatCase format_cases[] = {
  { 19470000, "JPY", "fr", "19\u202f470\u202f000\u00a0¥" },
  { 19470000, "JPY", "ja", "￥19,470,000" },
  { 19470000, "JPY", "en", "¥19,470,000" },
  { 144200050, "EUR", "fr_FR", "1\u202f442\u202f000,50\u00a0€" },
  { 144200050, "EUR", "ja", "€1,442,000.50" },
  { 144200050, "EUR", "en_US", "€1,442,000.50" },
  { 12345, "KWD", "en", "KWD\u00a012.345" },
  { 12345, "KWD", "fr", "12,345\u00a0KWD" },
  { 5, "KWD", "ja", "KWD\u00a00.005" },
  { -1999, "USD", "en", "-$19.99" },
  { 2000, "EUR", "en", "€20" },
  { 2000, "EUR", "fr", "20\u00a0€" },
};

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autofree char *text = NULL;
      CfMoney money;

      g_assert_true (cf_money_init (&money, c->amount, c->currency, NULL));
      text = cf_money_format (&money, c->locale);
      g_assert_cmpstr (text, ==, c->expected);
    }
}

static void
test_exponents (void)
{
  g_assert_cmpint (cf_currency_exponent ("JPY"), ==, 0);
  g_assert_cmpint (cf_currency_exponent ("EUR"), ==, 2);
  g_assert_cmpint (cf_currency_exponent ("USD"), ==, 2);
  g_assert_cmpint (cf_currency_exponent ("KWD"), ==, 3);
  g_assert_cmpint (cf_currency_exponent ("GBP"), ==, 2);
}

static void
test_decimal (void)
{
  CfMoney money;
  g_autofree char *jpy = NULL;
  g_autofree char *eur = NULL;
  g_autofree char *kwd = NULL;

  cf_money_init (&money, 19470000, "JPY", NULL);
  jpy = cf_money_to_decimal (&money);
  cf_money_init (&money, -5, "EUR", NULL);
  eur = cf_money_to_decimal (&money);
  cf_money_init (&money, G_MININT64, "KWD", NULL);
  kwd = cf_money_to_decimal (&money);

  g_assert_cmpstr (jpy, ==, "19470000");
  g_assert_cmpstr (eur, ==, "-0.05");
  g_assert_cmpstr (kwd, ==, "-9223372036854775.808");
}

typedef struct
{
  const char *text;
  const char *currency;
  const char *locale;
  gint64 expected;  /* -1: refused */
} ParseCase;

static const ParseCase parse_cases[] = {
  { "12.50", "EUR", "en", 1250 },
  { "12,50", "EUR", "fr", 1250 },
  { " 1,234.5 ", "USD", "en", 123450 },
  { "1\u202f234,5", "EUR", "fr", 123450 },
  { "35000", "JPY", "ja", 35000 },
  { "35,000", "JPY", "ja", 35000 },
  { "1.5", "JPY", "en", -1 },
  { "12.345", "KWD", "en", 12345 },
  { "12.3456", "KWD", "en", -1 },
  { "12.5000", "EUR", "en", 1250 },
  { "", "EUR", "en", -1 },
  { "twelve", "EUR", "en", -1 },
  { "12abc", "EUR", "en", -1 },
  { "99999999999999999999", "EUR", "en", -1 },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(GError) error = NULL;
      CfMoney money = { 0 };
      gboolean parsed = cf_money_parse (c->text, c->currency, c->locale, &money, &error);

      g_test_message ("parsing “%s” in %s", c->text, c->locale);
      if (c->expected < 0)
        {
          g_assert_false (parsed);
          g_assert_error (error, CF_MONEY_ERROR, error->code);
          g_assert_cmpstr (error->message, !=, "");
        }
      else
        {
          g_assert_no_error (error);
          g_assert_true (parsed);
          g_assert_cmpint (money.amount, ==, c->expected);
          g_assert_cmpstr (money.currency, ==, c->currency);
        }
    }
}

/* Whatever the app shows as a number, the backer can type back, in every
 * locale it speaks; ICU's exponent form is neither shown nor accepted. */
static void
test_parse_what_is_shown (void)
{
  static const char * const locales[] = { "en_US", "fr_FR", "ja_JP", "ar_EG" };
  static const char * const currencies[] = { "EUR", "USD", "JPY" };
  static const gint64 amounts[] = { 1, 1950, 99999, 100000, 10000050, 12345650, 999999999999, 1000000000000 };
  struct { const char *text; const char *locale; gint64 cents; } typed[] = {
    { "123456.50", "en_US", 12345650 },
    { "100 000,50", "fr_FR", 10000050 },
    { "100\u202f000,50", "fr_FR", 10000050 },
    { "1,234,567.89", "en_US", 123456789 },
    /* Arabic-Indic digits, separators and decimal point, as Arabic shows
     * them; and the Latin digits of a keyboard set to Latin letters. */
    { "١٬٢٥٠٫٥٠", "ar_EG", 125050 },
    { "٢٥", "ar_EG", 2500 },
    { "\u200f١٢٫٥", "ar_EG", 1250 },
    { "25", "ar_EG", 2500 },
  };

  for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
    for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
      for (guint a = 0; a < G_N_ELEMENTS (amounts); a++)
        {
          CfMoney shown = { amounts[a], "" }, read;
          g_autofree char *text = NULL;
          g_autoptr(GError) error = NULL;

          g_strlcpy (shown.currency, currencies[c], sizeof shown.currency);
          text = cf_money_format_number (&shown, locales[l]);
          g_assert_true (cf_money_parse (text, currencies[c], locales[l], &read, &error));
          g_assert_no_error (error);
          g_assert_cmpint (read.amount, ==, shown.amount);
        }

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      CfMoney read;
      g_autoptr(GError) error = NULL;

      g_assert_true (cf_money_parse (typed[i].text, "EUR", typed[i].locale, &read, &error));
      g_assert_no_error (error);
      g_assert_cmpint (read.amount, ==, typed[i].cents);
    }

  for (guint i = 0; i < 3; i++)
    {
      const char *refused[] = { "1e3", "2E2", "1.5e1" };
      CfMoney read;
      g_autoptr(GError) error = NULL;

      g_assert_false (cf_money_parse (refused[i], "EUR", "en_US", &read, &error));
      g_assert_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_INVALID);
    }
}

static void
test_add (void)
{
  g_autoptr(GError) overflow = NULL;
  g_autoptr(GError) mismatch = NULL;
  CfMoney a, b, sum;

  cf_money_init (&a, 1950, "EUR", NULL);
  cf_money_init (&b, 50, "EUR", NULL);
  g_assert_true (cf_money_add (&a, &b, &sum, NULL));
  g_assert_cmpint (sum.amount, ==, 2000);
  g_assert_cmpstr (sum.currency, ==, "EUR");

  cf_money_init (&a, G_MAXINT64 - 10, "JPY", NULL);
  cf_money_init (&b, 11, "JPY", NULL);
  g_assert_false (cf_money_add (&a, &b, &sum, &overflow));
  g_assert_error (overflow, CF_MONEY_ERROR, CF_MONEY_ERROR_OVERFLOW);

  cf_money_init (&b, 1, "EUR", NULL);
  g_assert_false (cf_money_add (&a, &b, &sum, &mismatch));
  g_assert_error (mismatch, CF_MONEY_ERROR, CF_MONEY_ERROR_CURRENCY_MISMATCH);
}

static void
test_json (void)
{
  const char *bad[] = {
    "{\"amount\": 19.5, \"currency\": \"EUR\"}",
    "{\"amount\": \"1950\", \"currency\": \"EUR\"}",
    "{\"amount\": 1950}",
    "{\"amount\": 1950, \"currency\": \"euro\"}",
    "[1950, \"EUR\"]",
    "null",
  };
  g_autoptr(JsonNode) good = json_from_string ("{\"amount\": 19470000, \"currency\": \"JPY\"}", NULL);
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *text = NULL;
  CfMoney money;

  g_assert_true (cf_money_from_json (good, &money, NULL));
  g_assert_cmpint (money.amount, ==, 19470000);
  g_assert_cmpstr (money.currency, ==, "JPY");

  written = cf_money_to_json (&money);
  text = json_to_string (written, FALSE);
  g_assert_cmpstr (text, ==, "{\"amount\":19470000,\"currency\":\"JPY\"}");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (cf_money_from_json (node, &money, &error));
      g_assert_nonnull (error);
    }
}

static void
test_convert (void)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{\"base\": \"USD\", \"as_of\": \"2026-11-01T00:00:00Z\","
    " \"rates\": {\"EUR\": 0.92, \"JPY\": 150, \"KWD\": 0.307}}", NULL);
  g_autoptr(CfExchangeRates) rates = cf_exchange_rates_new_from_json (node, NULL);
  CfMoney yen, euros, dollars;

  g_assert_nonnull (rates);
  cf_money_init (&yen, 19470000, "JPY", NULL);
  g_assert_true (cf_exchange_rates_convert (rates, &yen, "EUR", &euros));
  g_assert_cmpstr (euros.currency, ==, "EUR");
  g_assert_cmpint (euros.amount, ==, 11941600);  /* 19 470 000 / 150 × 0.92 = 119 416.00 */

  g_assert_true (cf_exchange_rates_convert (rates, &yen, "USD", &dollars));
  g_assert_cmpint (dollars.amount, ==, 12980000);

  g_assert_false (cf_exchange_rates_convert (rates, &yen, "CHF", &dollars));
}

/* Approximations round to whole units: 12 345.67 € is about 12 346 €. */
static void
test_round_to_units (void)
{
  static const struct { gint64 amount; const char *currency; gint64 rounded; } cases[] = {
    { 1234567, "EUR", 1234600 }, { 1234549, "EUR", 1234500 }, { 1234550, "EUR", 1234600 },
    { -1234550, "EUR", -1234600 }, { 19470000, "JPY", 19470000 }, { 1234, "KWD", 1000 }, { 1500, "KWD", 2000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CfMoney money = { 0 };

      g_assert_true (cf_money_init (&money, cases[i].amount, cases[i].currency, NULL));
      cf_money_round_to_units (&money);
      g_assert_cmpint (money.amount, ==, cases[i].rounded);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/round-to-units", test_round_to_units);
  g_test_add_func ("/money/exponents", test_exponents);
  g_test_add_func ("/money/decimal", test_decimal);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/parse-what-is-shown", test_parse_what_is_shown);
  g_test_add_func ("/money/add", test_add);
  g_test_add_func ("/money/json", test_json);
  g_test_add_func ("/money/convert", test_convert);

  return g_test_run ();
}
