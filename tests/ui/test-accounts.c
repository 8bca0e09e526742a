/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cf-application.h"
#include "cf-secret-store.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

/* Signing in through Preferences with a real keyring (libsecret's file
 * backend): the tokens land in the keyring and nowhere else, a new window
 * signs back in by itself, and signing out removes them everywhere. */

#define PASSWORD "backer-pw"

static CfTestPlatform *platform;
static CfApplication *application;
static char *home;
static GString *log_text;

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      g_string_append_printf (log_text, "%s\n", (const char *) fields[i].value);

  /* Debug messages are read here, not printed into the test's report. */
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

static gboolean
has_label (GtkWidget *root,
           gpointer   text)
{
  return cf_test_shows_label (root, text);
}

static gboolean
types_into_username (GtkWidget *preferences,
                     gpointer   data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (preferences));
  GtkWidget *username = cf_test_row_titled (preferences, ADW_TYPE_ENTRY_ROW, "Username");

  return focus != NULL && (focus == username || gtk_widget_is_ancestor (focus, username));
}

static char *
remembered_username (void)
{
  g_autoptr(GVariant) accounts = g_settings_get_value (cf_application_get_settings (application), "accounts");
  char *username = NULL;

  g_variant_lookup (accounts, platform->url, "s", &username);
  return username;
}

/* Fails if @secret is in any file under @directory. */
static void
assert_not_in_files (const char *directory,
                     const char *secret)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_not_in_files (path, secret);
      else if (g_file_get_contents (path, &contents, &length, NULL))
        g_assert_null (memmem (contents, length, secret, strlen (secret)));
    }
}

static void
test_wrong_password (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *preferences = cf_ui_open_preferences (window);

  /* Opened to sign in: the username has the keyboard. */
  cf_test_wait_until (preferences, types_into_username, NULL, "the username has the keyboard");
  cf_ui_fill_sign_in (preferences, "backer", "not-the-password");
  cf_test_wait_until (preferences, has_label, "The username or password is not right.",
                      "the refusal is explained");
  cf_test_render_to_png (preferences, "preferences-refused");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_test_row_titled (preferences, ADW_TYPE_ENTRY_ROW, "Username"))),
                   ==, "backer");
  g_assert_null (cf_ui_keyring_lookup (platform->url, "backer"));
  g_assert_null (remembered_username ());

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sign_in_restart_sign_out (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *preferences = cf_ui_open_preferences (window);
  g_autoptr(CfCredentials) credentials = NULL;
  g_autofree char *username = NULL;
  g_autofree char *bearer = NULL;
  g_autofree char *access_token = NULL;
  g_autoptr(JsonNode) me = NULL;
  const char *secrets[3];
  guint status;

  cf_ui_fill_sign_in (preferences, "backer", PASSWORD);
  cf_test_wait_until (preferences, has_label, "Bea Backer", "the account is shown");
  cf_test_render_to_png (preferences, "preferences-signed-in");

  credentials = cf_ui_keyring_lookup (platform->url, "backer");
  g_assert_nonnull (credentials);
  username = remembered_username ();
  g_assert_cmpstr (username, ==, "backer");

  /* The tokens and the password are in the keyring's encrypted file alone. */
  access_token = g_strdup (cf_credentials_get_access_token (credentials));
  secrets[0] = access_token;
  secrets[1] = cf_credentials_get_refresh_token (credentials);
  secrets[2] = PASSWORD;
  g_settings_sync ();
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_assert_nonnull (secrets[i]);
      assert_not_in_files (home, secrets[i]);
      g_assert_null (strstr (log_text->str, secrets[i]));
    }

  /* A new window finds the account in the keyring. */
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  window = cf_ui_open_window (application, platform->url);
  preferences = cf_ui_open_preferences (window);
  cf_test_wait_until (preferences, has_label, "Bea Backer", "the new window is signed in");
  /* Signed in, Preferences do not open with the keyboard on removing the platform. */
  gtk_window_destroy (GTK_WINDOW (preferences));
  preferences = cf_ui_open_preferences (window);
  cf_test_wait_until (preferences, (CfTestCondition) gtk_widget_get_mapped, NULL, "Preferences show");
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (preferences)));
  g_assert_null (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (preferences)), GTK_TYPE_BUTTON));

  /* Signed out from the keyboard, the keyboard is not lost: it goes to
   * the username, ready to sign in again. */
  gtk_widget_grab_focus (cf_test_button_labelled (preferences, "Sign Out"));
  g_signal_emit_by_name (cf_test_button_labelled (preferences, "Sign Out"), "clicked");
  cf_test_wait_until (preferences, has_label, "Sign In", "the sign-in form is back");
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (preferences)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (preferences)),
                                         cf_test_row_titled (preferences, ADW_TYPE_ENTRY_ROW, "Username")));
  g_clear_object (&credentials);
  g_assert_null (cf_ui_keyring_lookup (platform->url, "backer"));
  g_clear_pointer (&username, g_free);
  g_assert_null (remembered_username ());

  /* The platform no longer takes the token either. */
  me = cf_test_platform_call (platform, "GET", "/v1/me", secrets[0], NULL, &status);
  g_assert_cmpuint (status, ==, 401);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_directory = g_dir_make_tmp ("crowdfund-keyring-XXXXXX", NULL);
  g_autofree char *keyring = g_build_filename (keyring_directory, "keyring", NULL);
  int status;

  home = cf_ui_use_new_home ("accounts");
  /* Settings on disk and the keyring outside the home, which is searched for tokens. */
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);
  /* Every message the app logs is searched for secrets. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  application = cf_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add_func ("/accounts/wrong-password", test_wrong_password);
  g_test_add_func ("/accounts/sign-in-restart-sign-out", test_sign_in_restart_sign_out);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
