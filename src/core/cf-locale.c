/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-locale"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <unicode/ucurr.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "cf-locale.h"

/* "fr_FR.UTF-8@euro" → "fr_FR"; "C" and "POSIX" → "en". */
char *
cf_locale_to_icu (const char *posix_locale)
{
  if (posix_locale == NULL || *posix_locale == '\0' ||
      g_str_equal (posix_locale, "C") || g_str_equal (posix_locale, "POSIX") ||
      g_str_has_prefix (posix_locale, "C."))
    return g_strdup ("en");

  return g_strndup (posix_locale, strcspn (posix_locale, ".@"));
}

/* The locale figures are shown in: the user's first language, honouring
 * LANGUAGE as gettext does, so that numbers read like the surrounding text. */
char *
cf_locale_dup_default (void)
{
  const char * const *names = g_get_language_names_with_category ("LC_NUMERIC");

  return cf_locale_to_icu (names[0]);
}

/* The currency of the user's region ("EUR" for fr_FR), for "≈" amounts;
 * US dollars when the locale names no region. The region is the monetary
 * locale's: LANGUAGE names languages, often without a region. */
char *
cf_locale_dup_currency (void)
{
  const char *monetary = setlocale (LC_MONETARY, NULL);
  const char * const *names = g_get_language_names_with_category ("LC_MONETARY");
  g_autofree char *locale = cf_locale_to_icu (monetary && strchr (monetary, '_') ? monetary : names[0]);
  UErrorCode status = U_ZERO_ERROR;
  UChar code[4] = { 0 };
  char currency[4] = { 0 };

  ucurr_forLocale (locale, code, G_N_ELEMENTS (code), &status);
  if (U_FAILURE (status) || code[0] == 0)
    return g_strdup ("USD");

  u_UCharsToChars (code, currency, 3);
  return g_strdup (currency);
}

/* The name of the country with ISO 3166 code @code in the user's language,
 * or the code itself when ICU does not know it. */
char *
cf_locale_dup_country_name (const char *code)
{
  const char * const *names = g_get_language_names_with_category ("LC_MESSAGES");
  g_autofree char *locale = cf_locale_to_icu (names[0]);
  g_autofree char *region = g_strconcat ("und_", code, NULL);
  UErrorCode status = U_ZERO_ERROR;
  UChar name[128];
  int32_t length = uloc_getDisplayCountry (region, locale, name, G_N_ELEMENTS (name), &status);
  char *text;

  if (U_FAILURE (status) || length <= 0)
    return g_strdup (code);

  text = g_utf16_to_utf8 ((const gunichar2 *) name, length, NULL, NULL, NULL);
  return text ? text : g_strdup (code);
}

/* A currency's name in the user's language, as in “euro” or “ユーロ”;
 * the code itself when ICU has none. */
char *
cf_locale_dup_currency_name (const char *code)
{
  const char * const *names = g_get_language_names_with_category ("LC_MESSAGES");
  g_autofree char *locale = cf_locale_to_icu (names[0]);
  UChar iso[4] = { 0 };
  UErrorCode status = U_ZERO_ERROR;
  UBool is_choice_format = FALSE;
  int32_t length = 0;
  const UChar *name;

  if (strlen (code) != 3)
    return g_strdup (code);
  u_charsToUChars (code, iso, 3);
  name = ucurr_getName (iso, locale, UCURR_LONG_NAME, &is_choice_format, &length, &status);
  if (U_FAILURE (status) || name == NULL || length <= 0)
    return g_strdup (code);
  return g_utf16_to_utf8 ((const gunichar2 *) name, length, NULL, NULL, NULL);
}

/* Every current ISO 3166 country code. */
const char * const *
cf_locale_get_country_codes (void)
{
  return uloc_getISOCountries ();
}

/* The user's region ("FR" for fr_FR), or NULL when the locale names none. */
char *
cf_locale_dup_country (void)
{
  const char * const *names = g_get_language_names_with_category ("LC_MESSAGES");
  g_autofree char *locale = cf_locale_to_icu (names[0]);
  UErrorCode status = U_ZERO_ERROR;
  char country[ULOC_COUNTRY_CAPACITY];
  int32_t length = uloc_getCountry (locale, country, sizeof country, &status);

  return U_SUCCESS (status) && length == 2 ? g_strndup (country, 2) : NULL;
}
