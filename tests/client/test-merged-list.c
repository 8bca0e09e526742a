/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cf-account-list.h"
#include "cf-format.h"
#include "cf-http-client.h"
#include "cf-merged-list.h"
#include "cf-test-fixtures.h"
#include "cf-test-home.h"
#include "cf-test-platform.h"

/* CfMergedList without a window, over two reference platforms: each
 * pledge comes with the account that gave it; a platform that stops keeps
 * what it gave, marked as kept and told with its name and since when,
 * while the other stays fresh; it comes back fresh; an account signing out
 * takes its items with it. */

static CfTestPlatform *first;
static CfTestPlatform *second;

static gboolean
settled (CfMergedList *list,
         guint         n_items,
         guint         n_kept)
{
  guint kept = 0;

  if (cf_merged_list_get_loading (list) || g_list_model_get_n_items (G_LIST_MODEL (list)) != n_items)
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CfAccountItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      kept += cf_account_item_get_kept (item);
    }
  return kept == n_kept;
}

static void
wait_for (CfMergedList *list,
          guint         n_items,
          guint         n_kept)
{
  while (!settled (list, n_items, n_kept))
    g_main_context_iteration (NULL, TRUE);
}

/* The item of @list whose pledge is to @title. */
static CfAccountItem *
find_pledge (CfMergedList *list,
             const char   *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      CfAccountItem *item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_object_unref (item);  /* the list keeps it */
      if (g_str_equal (cf_pledge_get_campaign_title (cf_account_item_get_item (item)), title))
        return item;
    }
  g_error ("no pledge to “%s”", title);
}

static void
test_two_platforms (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfAccountList) accounts = cf_account_list_new (settings, session);
  g_autoptr(CfMergedList) pledges = NULL;
  const char *platforms[] = { first->url, second->url, NULL };
  g_autofree char *kept = NULL;
  CfAccount *on_first, *on_second;
  CfAccountItem *ten_left, *yen;

  g_settings_set_strv (settings, "platforms", platforms);
  cf_account_list_start (accounts, NULL);
  while (cf_account_list_is_opening (accounts))
    g_main_context_iteration (NULL, TRUE);
  on_first = cf_account_list_find (accounts, first->url);
  on_second = cf_account_list_find (accounts, second->url);
  cf_test_sign_in (on_first, "backer", "backer-pw");
  cf_test_sign_in (on_second, "other", "other-pw");

  pledges = cf_merged_list_new (G_LIST_MODEL (accounts), CF_PLATFORM_FEATURE_PLEDGES,
                                cf_platform_list_all_pledges_async, CF_TYPE_PLEDGE, "pledges");
  wait_for (pledges, 2, 0);
  ten_left = find_pledge (pledges, "Ten left");
  yen = find_pledge (pledges, "Yen watch");
  g_assert_true (cf_account_item_get_account (ten_left) == on_first);
  g_assert_true (cf_account_item_get_account (yen) == on_second);
  g_assert_null (cf_format_kept_sources (pledges));

  /* The second stops: its pledge stays, kept and told by name. */
  cf_test_platform_stop (second);
  cf_merged_list_reload (pledges);
  wait_for (pledges, 2, 1);
  g_assert_true (cf_account_item_get_kept (find_pledge (pledges, "Yen watch")));
  g_assert_false (cf_account_item_get_kept (find_pledge (pledges, "Ten left")));
  kept = cf_format_kept_sources (pledges);
  g_assert_nonnull (strstr (kept, cf_account_get_label (on_second)));
  g_assert_null (strstr (kept, cf_account_get_label (on_first)));

  /* It comes back: fresh again. */
  cf_test_platform_restart (second);
  cf_merged_list_reload (pledges);
  wait_for (pledges, 2, 0);

  /* Removing the first account takes its pledge with it. */
  cf_account_list_remove (accounts, on_first);
  wait_for (pledges, 1, 0);
  g_assert_true (cf_account_item_get_account (find_pledge (pledges, "Yen watch")) == on_second);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = cf_test_use_new_home ("merged-list");
  int status;

  g_test_init (&argc, &argv, NULL);
  first = cf_test_platform_start ("seed.json", NULL);
  second = cf_test_platform_start ("seed.json", NULL);
  cf_test_platform_pledge (first, "backer", "backer-pw", "2", "{\"amount\": {\"amount\": 2500, \"currency\": \"EUR\"}}");

  g_test_add_func ("/merged-list/two-platforms", test_two_platforms);

  status = g_test_run ();
  cf_test_platform_free (first);
  cf_test_platform_free (second);
  return status;
}
