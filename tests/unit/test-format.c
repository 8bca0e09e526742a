/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-format.h"
#include "cf-test-fixtures.h"

static GDateTime *
at (const char *text)
{
  return g_date_time_new_from_iso8601 (text, NULL);
}

static void
test_time_left (void)
{
  g_autoptr(GDateTime) now = at ("2026-11-22T12:00:00Z");
  g_autoptr(GDateTime) in_three_days = at ("2026-11-25T13:00:00Z");
  g_autoptr(GDateTime) in_twelve_hours = at ("2026-11-23T00:00:00Z");
  g_autoptr(GDateTime) in_one_hour = at ("2026-11-22T13:10:00Z");
  g_autoptr(GDateTime) in_forty_minutes = at ("2026-11-22T12:40:00Z");
  g_autoptr(GDateTime) in_two_seconds = at ("2026-11-22T12:00:02Z");
  g_autoptr(GDateTime) far_off = at ("2099-07-15T20:00:00Z");
  g_autoptr(GDateTime) ended = at ("2016-05-02T10:00:00Z");
  g_autofree char *days = cf_format_time_left (CF_CAMPAIGN_STATE_LIVE, NULL, in_three_days, now);
  g_autofree char *hours = cf_format_time_left (CF_CAMPAIGN_STATE_LIVE, NULL, in_twelve_hours, now);
  g_autofree char *hour = cf_format_time_left (CF_CAMPAIGN_STATE_LIVE, NULL, in_one_hour, now);
  g_autofree char *launches = cf_format_time_left (CF_CAMPAIGN_STATE_UPCOMING, in_three_days, in_three_days, now);
  g_autofree char *past = cf_format_time_left (CF_CAMPAIGN_STATE_SUCCESSFUL, ended, ended, now);
  g_autofree char *overdue = cf_format_time_left (CF_CAMPAIGN_STATE_LIVE, ended, ended, now);
  g_autofree char *unsuccessful = cf_format_time_left (CF_CAMPAIGN_STATE_FAILED, ended, ended, now);
  g_autofree char *canceled = cf_format_time_left (CF_CAMPAIGN_STATE_CANCELED, ended, ended, now);
  g_autofree char *soon = cf_format_time_left (CF_CAMPAIGN_STATE_UPCOMING, NULL, in_three_days, now);
  g_autofree char *minutes = cf_format_time_left (CF_CAMPAIGN_STATE_LIVE, NULL, in_forty_minutes, now);
  g_autofree char *any_moment = cf_format_time_left (CF_CAMPAIGN_STATE_UPCOMING, in_two_seconds, in_three_days, now);
  g_autofree char *years = cf_format_time_left (CF_CAMPAIGN_STATE_LIVE, NULL, far_off, now);

  g_assert_cmpstr (days, ==, "3 days to go");
  g_assert_cmpstr (hours, ==, "12 hours to go");
  g_assert_cmpstr (hour, ==, "1 hour to go");
  g_assert_cmpstr (launches, ==, "Launches in 3 days");
  g_assert_cmpstr (past, ==, "Ended 2 May 2016");
  g_assert_cmpstr (overdue, ==, "Ended 2 May 2016");
  g_assert_cmpstr (unsuccessful, ==, "Unsuccessful, ended 2 May 2016");
  g_assert_cmpstr (canceled, ==, "Canceled, was to end 2 May 2016");
  g_assert_cmpstr (soon, ==, "Launching soon");
  /* Below an hour, minutes: not “1 hour” for what launches in seconds. */
  g_assert_cmpstr (minutes, ==, "40 minutes to go");
  g_assert_cmpstr (any_moment, ==, "Launches in 1 minute");
  /* Counts are grouped as every other figure is. */
  g_assert_cmpstr (years, ==, "26,533 days to go");
}

static void
test_time_ago (void)
{
  g_autoptr(GDateTime) noon = at ("2026-11-22T12:00:00Z");
  gint64 now = g_date_time_to_unix (noon) * G_USEC_PER_SEC;
  g_autofree char *seconds = cf_format_time_ago (now - 59 * G_TIME_SPAN_SECOND, now);
  g_autofree char *minute = cf_format_time_ago (now - 61 * G_TIME_SPAN_SECOND, now);
  g_autofree char *minutes = cf_format_time_ago (now - 59 * G_TIME_SPAN_MINUTE, now);
  g_autofree char *hours = cf_format_time_ago (now - 3 * G_TIME_SPAN_HOUR, now);
  g_autofree char *days = cf_format_time_ago (now - 3 * G_TIME_SPAN_DAY, now);
  g_autofree char *future = cf_format_time_ago (now + G_USEC_PER_SEC, now);

  g_assert_cmpstr (seconds, ==, "just now");
  g_assert_cmpstr (minute, ==, "1 minute ago");
  g_assert_cmpstr (minutes, ==, "59 minutes ago");
  g_assert_cmpstr (hours, ==, "3 hours ago");
  g_assert_cmpstr (days, ==, "19 November");
  g_assert_cmpstr (future, ==, "just now");
}

static void
test_counts (void)
{
  g_autofree char *one = cf_format_backers (1, "en");
  g_autofree char *many = cf_format_backers (1234, "en");
  g_autofree char *many_fr = cf_format_count (1234, "fr");
  static const struct
  {
    double fraction;
    const char *shown;
  } floored[] = {
    { 3240.0 / 5000, "64%" }, { 0.29, "29%" }, { 0.996, "99%" }, { 1.0, "100%" }, { 50704.0 / 50000, "101%" },
  };
  g_autofree char *percent = cf_format_percent (1.95, "en");
  g_autofree char *percent_fr = cf_format_percent (0.42, "fr");

  g_assert_cmpstr (one, ==, "1 backer");
  g_assert_cmpstr (many, ==, "1,234 backers");
  g_assert_cmpstr (many_fr, ==, "1\u202f234");
  g_assert_cmpstr (percent, ==, "195%");
  g_assert_cmpstr (percent_fr, ==, "42\u00a0%");
  /* Floored, as Ulule shows them: 3 240 of 5 000 is 64 %, 99.6 % is not 100 %. */
  for (guint i = 0; i < G_N_ELEMENTS (floored); i++)
    {
      g_autofree char *shown = cf_format_percent (floored[i].fraction, "en");

      g_assert_cmpstr (shown, ==, floored[i].shown);
    }
}

static void
assert_status (const char *object,
               const char *member,
               const char *value,
               const char *expected)
{
  g_autoptr(CfPledge) pledge = cf_test_pledge_with (object, member, value, NULL, NULL);
  g_autofree char *status = cf_format_pledge_status (pledge);

  g_assert_cmpstr (status, ==, expected);
}

static void
test_pledge_status (void)
{
  assert_status ("fulfillment", "status", "\"shipped\"", "Shipped");
  assert_status ("fulfillment", "status", "\"delayed\"", "Delayed");
  assert_status ("fulfillment", "status", "\"in_progress\"", "In production");
  assert_status ("fulfillment", "status", "\"delivered\"", "Delivered");
  assert_status ("fulfillment", "status", "\"not_started\"", "Collected");
  assert_status (NULL, "received", "true", "Received");
  assert_status (NULL, "status", "\"errored\"", "Payment failed");
  assert_status (NULL, "status", "\"canceled\"", "Canceled");
  assert_status (NULL, "reward", "null", "Collected");
}

static void
assert_action (CfPledge   *pledge,
               const char *expected)
{
  g_autofree char *action = cf_format_pledge_action (pledge);

  g_assert_cmpstr (action, ==, expected);
}

/* The app asks for an address only where it can be given and still matters. */
static void
test_pledge_action (void)
{
  g_autoptr(CfPledge) waiting = cf_test_pledge_with ("fulfillment", "status", "\"not_started\"", NULL, NULL);
  g_autoptr(CfPledge) shipped = cf_test_pledge_with ("fulfillment", "status", "\"shipped\"", NULL, NULL);
  g_autoptr(CfPledge) received = cf_test_pledge_with ("fulfillment", "status", "\"in_progress\"",
                                                      NULL, "received", "true", NULL, NULL);
  g_autoptr(CfPledge) nothing_ships = cf_test_pledge_with ("fulfillment", "status", "\"not_started\"",
                                                           NULL, "shipping_country", "null", NULL, NULL);
  g_autoptr(CfPledge) locked = cf_test_pledge_with ("fulfillment", "status", "\"not_started\"",
                                                    NULL, "address_lock_at", "\"2020-01-01T00:00:00Z\"", NULL, NULL);
  g_autoptr(CfPledge) unpaid = cf_test_pledge_with (NULL, "actions", "[\"fix_payment\"]", NULL, NULL);

  assert_action (waiting, "Confirm your shipping address.");
  assert_action (shipped, NULL);
  assert_action (received, NULL);
  assert_action (nothing_ships, NULL);
  assert_action (locked, NULL);
  assert_action (unpaid, "The payment failed. Update how you pay on the platform to keep your pledge.");
}

/* Axis steps are round amounts, never smaller than asked. */
static void
test_round_step (void)
{
  static const struct { gint64 at_least, step; } cases[] = {
    { 0, 1 }, { 1, 1 }, { 2, 2 }, { 3, 5 }, { 7, 10 }, { 11, 20 }, { 21, 25 }, { 26, 50 },
    { 101, 200 }, { 2300, 2500 }, { 18494, 20000 }, { 462351, 500000 }, { 1849430, 2000000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cf_format_round_step (cases[i].at_least), ==, cases[i].step);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/time-left", test_time_left);
  g_test_add_func ("/format/time-ago", test_time_ago);
  g_test_add_func ("/format/counts", test_counts);
  g_test_add_func ("/format/pledge-status", test_pledge_status);
  g_test_add_func ("/format/pledge-action", test_pledge_action);
  g_test_add_func ("/format/round-step", test_round_step);

  return g_test_run ();
}
