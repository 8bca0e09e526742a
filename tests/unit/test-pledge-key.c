/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-pledge-key.h"

/* The same pledge sent again keeps its key; a changed one gets a new key,
 * and changing back does not bring the old key back. */
static void
test_key_follows_the_request (void)
{
  g_autoptr(CfPledgeKey) keys = cf_pledge_key_new ();
  CfPledgeRequest first = { "3", { 1000, "EUR" }, "FR" };
  CfPledgeRequest more = { "3", { 1500, "EUR" }, "FR" };
  CfPledgeRequest elsewhere = { "3", { 1500, "EUR" }, "DE" };
  g_autofree char *key = g_strdup (cf_pledge_key_for (keys, &first));
  g_autofree char *changed = NULL;

  g_assert_true (g_uuid_string_is_valid (key));
  g_assert_cmpstr (cf_pledge_key_for (keys, &first), ==, key);
  g_assert_cmpstr (cf_pledge_key_for (keys, &first), ==, key);

  changed = g_strdup (cf_pledge_key_for (keys, &more));
  g_assert_cmpstr (changed, !=, key);
  g_assert_cmpstr (cf_pledge_key_for (keys, &more), ==, changed);
  g_assert_cmpstr (cf_pledge_key_for (keys, &elsewhere), !=, changed);
  g_assert_cmpstr (cf_pledge_key_for (keys, &first), !=, key);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pledge-key/follows-the-request", test_key_follows_the_request);
  return g_test_run ();
}
