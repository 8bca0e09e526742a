/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cf-secret-store.h"

/* The real libsecret, on its file backend in a temporary directory: what is
 * stored survives the process, and is gone after clearing. */

#define PLATFORM_URL "http://127.0.0.1:8080"
#define ACCESS_TOKEN "access-4f9c2a77e1d0b3"
#define REFRESH_TOKEN "refresh-8e1b5c0d2a9f47"

static char *keyring_path;

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static CfCredentials *
lookup (CfSecretStore  *store,
        GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cf_secret_store_lookup_async (store, PLATFORM_URL, "backer", NULL, done_cb, &result);
  return cf_secret_store_lookup_finish (store, wait_for (&result), error);
}

static void
test_store (void)
{
  g_autoptr(CfSecretStore) store = cf_secret_store_new ();
  g_autoptr(JsonNode) node = json_from_string (
    "{\"access_token\": \"" ACCESS_TOKEN "\", \"refresh_token\": \"" REFRESH_TOKEN "\","
    " \"token_type\": \"Bearer\", \"expires_in\": 3600}", NULL);
  g_autoptr(CfCredentials) credentials = cf_credentials_new_from_json (node, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;

  cf_secret_store_store_async (store, PLATFORM_URL, "backer", credentials, NULL, done_cb, &result);
  g_assert_true (cf_secret_store_store_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);

  /* The keyring file holds the secret encrypted, never as text. */
  g_assert_true (g_file_get_contents (keyring_path, &file, NULL, NULL));
  g_assert_null (g_strstr_len (file, -1, REFRESH_TOKEN));
}

static void
test_lookup_in_new_process (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CfSecretStore) store = cf_secret_store_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CfCredentials) credentials = lookup (store, &error);

      g_assert_no_error (error);
      g_assert_nonnull (credentials);
      g_assert_cmpstr (cf_credentials_get_refresh_token (credentials), ==, REFRESH_TOKEN);
      g_assert_cmpstr (cf_credentials_get_access_token (credentials), ==, ACCESS_TOKEN);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_other_account_is_separate (void)
{
  g_autoptr(CfSecretStore) store = cf_secret_store_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CfCredentials) credentials = NULL;

  cf_secret_store_lookup_async (store, PLATFORM_URL, "creator", NULL, done_cb, &result);
  credentials = cf_secret_store_lookup_finish (store, wait_for (&result), NULL);
  g_assert_null (credentials);
}

static void
test_clear (void)
{
  g_autoptr(CfSecretStore) store = cf_secret_store_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCredentials) after = NULL;

  cf_secret_store_clear_async (store, PLATFORM_URL, "backer", NULL, done_cb, &result);
  g_assert_true (cf_secret_store_clear_finish (store, wait_for (&result), &error));
  g_assert_no_error (error);

  after = lookup (store, &error);
  g_assert_no_error (error);
  g_assert_null (after);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = NULL;
  int status;

  /* A subprocess of a test inherits the parent's keyring. */
  keyring_path = g_strdup (g_getenv ("SECRET_FILE_TEST_PATH"));
  if (keyring_path == NULL)
    {
      directory = g_dir_make_tmp ("crowdfund-keyring-XXXXXX", NULL);
      keyring_path = g_build_filename (directory, "test.keyring", NULL);
      g_setenv ("SECRET_BACKEND", "file", TRUE);
      g_setenv ("SECRET_FILE_TEST_PATH", keyring_path, TRUE);
      g_setenv ("SECRET_FILE_TEST_PASSWORD", "crowdfund-test-keyring", TRUE);
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/secret-store/store", test_store);
  g_test_add_func ("/secret-store/lookup-in-new-process", test_lookup_in_new_process);
  g_test_add_func ("/secret-store/other-account-is-separate", test_other_account_is_separate);
  g_test_add_func ("/secret-store/clear", test_clear);
  status = g_test_run ();

  if (directory != NULL)
    {
      g_unlink (keyring_path);
      g_rmdir (directory);
    }
  g_free (keyring_path);
  return status;
}
