/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "cf-format.h"
#include "cf-money.h"

/* The app's counts, dates and amounts in Arabic (LANGUAGE=ar, set with the
 * catalogues built here in meson.build): six plural forms, each count
 * tried with 0, 1, 2, 3, 11 and 100 where the app can show it, in
 * Arabic-Indic digits, isolated in their sentence (U+2068…U+2069), and a
 * sentence starting with one marked right-to-left (U+200F). */

#define RLM "\u200f"
#define FSI "\u2068"
#define PDI "\u2069"

typedef struct
{
  gint64 count;
  const char *shown;
} Count;

static void
test_backers (void)
{
  static const Count backers[] = {
    { 0, "لا داعمين" }, { 1, "داعم واحد" }, { 2, "داعمان" },
    { 3, RLM FSI "٣" PDI " داعمين" }, { 11, RLM FSI "١١" PDI " داعمًا" }, { 100, RLM FSI "١٠٠" PDI " داعم" },
    /* What counts is the last two digits: 1,204 is “few”. */
    { 1204, RLM FSI "١٬٢٠٤" PDI " داعمين" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (backers); i++)
    {
      g_autofree char *shown = cf_format_backers (backers[i].count, NULL);

      g_assert_cmpstr (shown, ==, backers[i].shown);
    }
}

/* A campaign's countdown: days from two days on, hours from one, minutes
 * below. */
static void
test_time_left (void)
{
  static const Count days[] = {
    { 2, "بقي يومان" }, { 3, "بقيت " FSI "٣" PDI " أيام" }, { 11, "بقي " FSI "١١" PDI " يومًا" },
    { 100, "بقي " FSI "١٠٠" PDI " يوم" },
  };
  static const Count hours[] = {
    { 1, "بقيت ساعة واحدة" }, { 2, "بقيت ساعتان" }, { 3, "بقيت " FSI "٣" PDI " ساعات" },
    { 11, "بقيت " FSI "١١" PDI " ساعة" },
  };
  static const Count minutes[] = {
    { 1, "بقيت دقيقة واحدة" }, { 2, "بقيت دقيقتان" }, { 3, "بقيت " FSI "٣" PDI " دقائق" },
    { 11, "بقيت " FSI "١١" PDI " دقيقة" },
  };
  static const Count launches[] = {
    { 2, "تنطلق بعد يومين" }, { 3, "تنطلق بعد " FSI "٣" PDI " أيام" }, { 11, "تنطلق بعد " FSI "١١" PDI " يومًا" },
    { 100, "تنطلق بعد " FSI "١٠٠" PDI " يوم" },
  };
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-22T12:00:00Z", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDateTime) deadline = g_date_time_add (now, days[i].count * G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR);
      g_autofree char *left = cf_format_time_left (CF_CAMPAIGN_STATE_LIVE, NULL, deadline, now);
      g_autofree char *launch = cf_format_time_left (CF_CAMPAIGN_STATE_UPCOMING, deadline, deadline, now);

      g_assert_cmpstr (left, ==, days[i].shown);
      g_assert_cmpstr (launch, ==, launches[i].shown);
    }
  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    {
      g_autoptr(GDateTime) deadline = g_date_time_add (now, hours[i].count * G_TIME_SPAN_HOUR + 10 * G_TIME_SPAN_MINUTE);
      g_autofree char *left = cf_format_time_left (CF_CAMPAIGN_STATE_LIVE, NULL, deadline, now);

      g_assert_cmpstr (left, ==, hours[i].shown);
    }
  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    {
      g_autoptr(GDateTime) deadline = g_date_time_add (now, minutes[i].count * G_TIME_SPAN_MINUTE + G_TIME_SPAN_SECOND);
      g_autofree char *left = cf_format_time_left (CF_CAMPAIGN_STATE_LIVE, NULL, deadline, now);

      g_assert_cmpstr (left, ==, minutes[i].shown);
    }
}

/* When a pledge landed, on the dashboard's list. */
static void
test_time_ago (void)
{
  static const Count minutes[] = {
    { 1, "قبل دقيقة واحدة" }, { 2, "قبل دقيقتين" }, { 3, "قبل " FSI "٣" PDI " دقائق" },
    { 11, "قبل " FSI "١١" PDI " دقيقة" },
  };
  static const Count hours[] = {
    { 1, "قبل ساعة واحدة" }, { 2, "قبل ساعتين" }, { 3, "قبل " FSI "٣" PDI " ساعات" },
    { 11, "قبل " FSI "١١" PDI " ساعة" },
  };
  gint64 now = g_get_real_time ();

  for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
    {
      g_autofree char *ago = cf_format_time_ago (now - minutes[i].count * G_TIME_SPAN_MINUTE, now);

      g_assert_cmpstr (ago, ==, minutes[i].shown);
    }
  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    {
      g_autofree char *ago = cf_format_time_ago (now - hours[i].count * G_TIME_SPAN_HOUR, now);

      g_assert_cmpstr (ago, ==, hours[i].shown);
    }
}

/* Dates in the digits of the amounts beside them, not strftime's Latin ones. */
static void
test_dates (void)
{
  g_autoptr(GDateTime) day = g_date_time_new_utc (2016, 5, 2, 14, 5, 0);
  g_autofree char *ended = cf_format_time_left (CF_CAMPAIGN_STATE_SUCCESSFUL, day, day, day);
  g_autofree char *month = cf_format_delivery_month ("2027-03");

  g_assert_cmpstr (ended, ==, "انتهت في " FSI "٢ مايو ٢٠١٦" PDI);
  g_assert_cmpstr (month, ==, "التسليم المتوقع: " FSI "مارس ٢٠٢٧" PDI);
}

/* An amount with more decimals than its currency has, in yen (none),
 * euros (two) and Kuwaiti dinars (three). */
static void
test_decimal_places (void)
{
  static const struct { const char *typed, *currency, *message; } refused[] = {
    { "١٫٥", "JPY", "لا تقبل المبالغ بعملة " FSI "JPY" PDI " أي خانة عشرية" },
    { "١٫٥٥٥", "EUR", "لا تقبل المبالغ بعملة " FSI "EUR" PDI " أكثر من خانتين عشريتين" },
    { "١٫٥٥٥٥", "KWD", "لا تقبل المبالغ بعملة " FSI "KWD" PDI " أكثر من " FSI "٣" PDI " خانات عشرية" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      CfMoney read;

      g_assert_false (cf_money_parse (refused[i].typed, refused[i].currency, NULL, &read, &error));
      g_assert_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_TOO_PRECISE);
      g_assert_cmpstr (error->message, ==, refused[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CROWDFUND_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/arabic/backers", test_backers);
  g_test_add_func ("/arabic/time-left", test_time_left);
  g_test_add_func ("/arabic/time-ago", test_time_ago);
  g_test_add_func ("/arabic/dates", test_dates);
  g_test_add_func ("/arabic/decimal-places", test_decimal_places);

  return g_test_run ();
}
