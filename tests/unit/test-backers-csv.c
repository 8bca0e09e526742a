/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-backers-csv.h"
#include "cf-test-fixtures.h"

static void
test_write (void)
{
  g_autoptr(GListStore) pledges = g_list_store_new (CF_TYPE_PLEDGE);
  g_autoptr(CfPledge) plain = cf_test_pledge_with (NULL, "shipping_country", "\"JP\"",
                                                   NULL, "address", "\"1-2-3 Shibuya, Tokyo\"", NULL, NULL);
  g_autoptr(CfPledge) awkward = cf_test_pledge_with ("reward", "title", "\"Silver, \\\"boxed\\\"\"", NULL, NULL);
  g_autoptr(CfPledge) monthly = cf_test_pledge_with (NULL, "frequency", "\"monthly\"",
                                                     NULL, "next_charge_at", "\"2027-01-01T00:00:00Z\"", NULL, NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  g_list_store_append (pledges, plain);
  g_list_store_append (pledges, awkward);
  g_list_store_append (pledges, monthly);
  csv = cf_backers_csv_write (G_LIST_MODEL (pledges));
  lines = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "pledge_id,backer_number,backer,reward,amount,currency,shipping_country,"
                                 "shipping_address,status,fulfillment,carrier,tracking_number,frequency,next_charge");
  /* The address is quoted: it holds a comma. */
  g_assert_cmpstr (lines[1], ==, "501,12,,wena wrist Three Hands Silver,37500,JPY,JP,\"1-2-3 Shibuya, Tokyo\","
                                 "collected,shipped,Japan Post,EJ123456789JP,once,");
  g_assert_cmpstr (lines[2], ==, "501,12,,\"Silver, \"\"boxed\"\"\",37500,JPY,FR,,collected,shipped,"
                                 "Japan Post,EJ123456789JP,once,");
  /* A monthly contribution, with the day of its next charge. */
  g_assert_cmpstr (lines[3], ==, "501,12,,wena wrist Three Hands Silver,37500,JPY,FR,,collected,shipped,"
                                 "Japan Post,EJ123456789JP,monthly,2027-01-01");
  g_assert_cmpstr (lines[4], ==, "");
}

/* Cells a spreadsheet would take for formulas stay text. */
static void
test_write_formulas (void)
{
  g_autoptr(GListStore) pledges = g_list_store_new (CF_TYPE_PLEDGE);
  static const char * const titles[] = {
    "\"=HYPERLINK(\\\"http://x\\\")\"", "\"+1\"", "\"-2+3\"", "\"@SUM(A1)\"", "\"\\tx\"",
  };
  static const char * const cells[] = {
    "\"'=HYPERLINK(\"\"http://x\"\")\"", "\"'+1\"", "\"'-2+3\"", "\"'@SUM(A1)\"", "\"'\tx\"",
  };
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(CfPledge) pledge = cf_test_pledge_with ("reward", "title", titles[i], NULL, NULL);

      g_list_store_append (pledges, pledge);
    }
  csv = cf_backers_csv_write (G_LIST_MODEL (pledges));
  lines = g_strsplit (csv, "\r\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i + 1], ",", -1);

      g_assert_cmpstr (fields[3], ==, cells[i]);
    }
}

static void
test_read_tracking (void)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) numbers = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_backers_csv_read_tracking ("pledge,tracking\r\n501, EJ1\r\n\r\n\"502\",\"LX 2, box\"\n",
                                               &ids, &numbers, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "501");
  g_assert_cmpstr (g_ptr_array_index (numbers, 0), ==, "EJ1");
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "502");
  g_assert_cmpstr (g_ptr_array_index (numbers, 1), ==, "LX 2, box");
}

static void
test_read_tracking_refuses (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "501,EJ1\nabc,EJ2\n", "Line 2 should hold a pledge number and a tracking number, separated by a comma." },
    { "501,EJ1\n502\n", "Line 2 should hold a pledge number and a tracking number, separated by a comma." },
    { "501,\"EJ1\n", "Line 1 should hold a pledge number and a tracking number, separated by a comma." },
    { "pledge,tracking\n\n", "The file holds no tracking numbers." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) ids = NULL;
      g_autoptr(GPtrArray) numbers = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (cf_backers_csv_read_tracking (cases[i].text, &ids, &numbers, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_null (ids);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backers-csv/write", test_write);
  g_test_add_func ("/backers-csv/write-formulas", test_write_formulas);
  g_test_add_func ("/backers-csv/read-tracking", test_read_tracking);
  g_test_add_func ("/backers-csv/read-tracking-refuses", test_read_tracking_refuses);

  return g_test_run ();
}
