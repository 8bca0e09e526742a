/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-account-list.h"
#include "cf-http-client.h"
#include "cf-test-fixtures.h"
#include "cf-test-home.h"
#include "cf-test-platform.h"

/* CfAccountList without a window: the platforms a person added are opened
 * in order and remembered in the settings, one given on the command line
 * stays for the run unless added, sign-ins come back from a real keyring
 * (libsecret's file backend), removal forgets, a platform that cannot be
 * opened is told and tried again, and the same username on two platforms
 * is two accounts. */

static CfTestPlatform *first;
static CfTestPlatform *second;

typedef struct
{
  GSettings *settings;
  SoupSession *session;
  GPtrArray *failed;   /* choices told as failed */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (APP_ID);
  fixture->session = cf_http_client_new_session ();
  fixture->failed = g_ptr_array_new_with_free_func (g_free);
  g_settings_reset (fixture->settings, "platforms");
  g_settings_reset (fixture->settings, "platform");
  g_settings_reset (fixture->settings, "accounts");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->session);
  g_ptr_array_unref (fixture->failed);
}

static void
open_failed_cb (CfAccountList *list,
                const char    *choice,
                const GError  *error,
                Fixture       *fixture)
{
  g_assert_nonnull (error);
  g_ptr_array_add (fixture->failed, g_strdup (choice));
}

static CfAccountList *
start (Fixture    *fixture,
       const char *option)
{
  CfAccountList *list = cf_account_list_new (fixture->settings, fixture->session);

  g_signal_connect (list, "open-failed", G_CALLBACK (open_failed_cb), fixture);
  cf_account_list_start (list, option);
  while (cf_account_list_is_opening (list))
    g_main_context_iteration (NULL, TRUE);
  return list;
}

static void
set_platforms (Fixture    *fixture,
               const char *one,
               const char *two)
{
  const char *platforms[] = { one, two, NULL };

  g_settings_set_strv (fixture->settings, "platforms", platforms);
}

static char *
remembered_username (Fixture    *fixture,
                     const char *choice)
{
  g_autoptr(GVariant) accounts = g_settings_get_value (fixture->settings, "accounts");
  char *username = NULL;

  g_variant_lookup (accounts, choice, "s", &username);
  return username;
}

static const char *
choice_at (CfAccountList *list,
           guint          position)
{
  g_autoptr(CfAccount) account = g_list_model_get_item (G_LIST_MODEL (list), position);

  return cf_account_get_choice (account);
}

static void
test_open_and_remember (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CfAccountList) list = NULL;
  g_autoptr(CfAccountList) again = NULL;
  g_auto(GStrv) kept = NULL;
  CfAccount *given;

  set_platforms (fixture, first->url, NULL);
  /* The command line's platform comes first, for this run only. */
  list = start (fixture, second->url);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpstr (choice_at (list, 0), ==, second->url);
  g_assert_cmpstr (choice_at (list, 1), ==, first->url);
  given = cf_account_list_find (list, second->url);
  g_assert_true (cf_account_get_for_this_run_only (given));
  g_assert_true (cf_account_list_is_explored_first (list, given));
  kept = g_settings_get_strv (fixture->settings, "platforms");
  g_assert_cmpstrv (kept, ((const char *[]) { first->url, NULL }));
  g_clear_pointer (&kept, g_strfreev);

  /* Added by the person, it is theirs to keep. */
  cf_account_list_add (list, second->url);
  g_assert_false (cf_account_get_for_this_run_only (given));
  kept = g_settings_get_strv (fixture->settings, "platforms");
  g_assert_cmpstrv (kept, ((const char *[]) { second->url, first->url, NULL }));

  /* The next start opens both, whatever the command line says. */
  again = start (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  g_assert_cmpuint (fixture->failed->len, ==, 0);
}

/* The same username on two platforms is two accounts: each signs back in
 * from the keyring by itself, and removing one leaves the other. */
static void
test_restore_and_remove (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CfAccountList) list = NULL;
  g_autoptr(CfAccountList) again = NULL;
  g_autofree char *first_name = NULL;
  g_autofree char *second_name = NULL;
  g_auto(GStrv) kept = NULL;
  CfAccount *on_first, *on_second;

  set_platforms (fixture, first->url, second->url);
  list = start (fixture, NULL);
  cf_account_list_restore (list);
  cf_test_sign_in (cf_account_list_find (list, first->url), "backer", "backer-pw");
  cf_test_sign_in (cf_account_list_find (list, second->url), "backer", "backer-pw");
  first_name = remembered_username (fixture, first->url);
  second_name = remembered_username (fixture, second->url);
  g_assert_cmpstr (first_name, ==, "backer");
  g_assert_cmpstr (second_name, ==, "backer");
  g_clear_object (&list);

  again = start (fixture, NULL);
  on_first = cf_account_list_find (again, first->url);
  on_second = cf_account_list_find (again, second->url);
  g_assert_false (cf_account_get_signed_in (on_first));
  cf_account_list_restore (again);
  while (!cf_account_get_signed_in (on_first) || !cf_account_get_signed_in (on_second))
    g_main_context_iteration (NULL, TRUE);

  cf_account_list_remove (again, on_first);
  while (g_list_model_get_n_items (G_LIST_MODEL (again)) > 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cf_account_list_find (again, first->url));
  g_clear_pointer (&first_name, g_free);
  first_name = remembered_username (fixture, first->url);
  g_assert_null (first_name);
  g_assert_true (cf_account_get_signed_in (on_second));
  kept = g_settings_get_strv (fixture->settings, "platforms");
  g_assert_cmpstrv (kept, ((const char *[]) { second->url, NULL }));

  cf_account_list_remove (again, on_second);
  while (g_list_model_get_n_items (G_LIST_MODEL (again)) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&second_name, g_free);
  second_name = remembered_username (fixture, second->url);
  g_assert_null (second_name);
}

/* A platform that cannot be opened is told, does not stop the others,
 * and is tried again when asked; the others are not opened twice. */
static void
test_failure_told (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CfAccountList) list = NULL;

  set_platforms (fixture, "not-a-platform", first->url);
  list = start (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (fixture->failed->len, ==, 1);
  g_assert_cmpstr (fixture->failed->pdata[0], ==, "not-a-platform");

  cf_account_list_retry (list);
  while (cf_account_list_is_opening (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->failed->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
keep_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A sign-in started while the account signs back in wins, whichever ends
 * first: the keyring's answer, which holds nothing here, neither signs the
 * person out again nor tells them their session is gone. */
static void
test_sign_in_overtakes_restore (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(CfAccountList) list = NULL;
  g_autoptr(GAsyncResult) restored = NULL;
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GError) error = NULL;
  CfAccount *account;

  set_platforms (fixture, first->url, NULL);
  list = start (fixture, NULL);
  account = cf_account_list_find (list, first->url);
  cf_account_restore_async (account, "nobody-kept", NULL, keep_result_cb, &restored);
  cf_account_sign_in_async (account, "backer", "backer-pw", NULL, keep_result_cb, &signed_in);
  while (restored == NULL || signed_in == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (cf_account_sign_in_finish (account, signed_in, &error));
  g_assert_no_error (error);
  g_assert_false (cf_account_restore_finish (account, restored, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (cf_account_get_username (account), ==, "backer");
  g_assert_null (cf_account_get_error (account));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = cf_test_use_new_home ("account-list");
  int status;

  g_test_init (&argc, &argv, NULL);
  first = cf_test_platform_start ("seed.json", NULL);
  second = cf_test_platform_start ("seed.json", NULL);

  g_test_add ("/account-list/open-and-remember", Fixture, NULL, fixture_set_up, test_open_and_remember,
              fixture_tear_down);
  g_test_add ("/account-list/restore-and-remove", Fixture, NULL, fixture_set_up, test_restore_and_remove,
              fixture_tear_down);
  g_test_add ("/account-list/failure-told", Fixture, NULL, fixture_set_up, test_failure_told, fixture_tear_down);
  g_test_add ("/account-list/sign-in-overtakes-restore", Fixture, NULL, fixture_set_up,
              test_sign_in_overtakes_restore, fixture_tear_down);

  status = g_test_run ();
  cf_test_platform_free (first);
  cf_test_platform_free (second);
  return status;
}
