/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cf-pledge-watch.h"
#include "cf-test-fixtures.h"

/* News about pledges is told once per change, survives a restart, and the
 * first look at an account tells nothing. */

static char *path;

static GArray *
look (const char *scope,
      CfPledge   *pledge)
{
  g_autoptr(CfPledgeWatch) watch = cf_pledge_watch_new (path, scope);
  g_autoptr(GListStore) pledges = g_list_store_new (CF_TYPE_PLEDGE);

  g_list_store_append (pledges, pledge);
  return cf_pledge_watch_update (watch, G_LIST_MODEL (pledges));
}

static void
assert_news (const char       *scope,
             CfPledge         *pledge,
             guint             count,
             CfPledgeNewsKind  kind)
{
  g_autoptr(GArray) news = look (scope, pledge);

  g_assert_cmpuint (news->len, ==, count);
  if (count > 0)
    {
      g_assert_cmpint (g_array_index (news, CfPledgeNews, 0).kind, ==, kind);
      g_assert_true (g_array_index (news, CfPledgeNews, 0).pledge == pledge);
    }
}

static void
test_told_once (void)
{
  g_autoptr(CfPledge) in_production = cf_test_pledge_with ("fulfillment", "status", "\"in_progress\"", NULL, NULL);
  g_autoptr(CfPledge) shipped = cf_test_pledge_with ("fulfillment", "status", "\"shipped\"", NULL, NULL);
  g_autoptr(CfPledge) payment_failed = cf_test_pledge_with (NULL, "actions", "[\"fix_payment\"]", NULL, NULL);
  g_autoptr(CfPledge) canceled = cf_test_pledge_with (NULL, "status", "\"canceled\"", NULL, NULL);

  /* The first look is what the backer already knows. */
  assert_news ("demo backer", in_production, 0, 0);
  assert_news ("demo backer", in_production, 0, 0);

  assert_news ("demo backer", shipped, 1, CF_PLEDGE_NEWS_SHIPPED);
  assert_news ("demo backer", shipped, 0, 0);

  assert_news ("demo backer", payment_failed, 1, CF_PLEDGE_NEWS_NEEDS_ACTION);
  assert_news ("demo backer", payment_failed, 0, 0);
  assert_news ("demo backer", canceled, 0, 0);

  /* Another account starts afresh. */
  assert_news ("demo creator", shipped, 0, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = g_dir_make_tmp ("crowdfund-watch-XXXXXX", NULL);
  int status;

  g_test_init (&argc, &argv, NULL);
  path = g_build_filename (directory, "crowdfund", "seen-pledges.ini", NULL);
  g_test_add_func ("/pledge-watch/told-once", test_told_once);
  status = g_test_run ();
  g_free (path);
  return status;
}
