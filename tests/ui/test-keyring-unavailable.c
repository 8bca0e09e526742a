/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-application.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"

/* A keyring that cannot keep anything (its file cannot be written): signing
 * in says so, the session is given back to the platform, nothing is kept
 * anywhere else, and browsing goes on. */

static gboolean
has_label (GtkWidget *root,
           gpointer   text)
{
  return cf_test_shows_label (root, text);
}

static gboolean
sessions_revoked (GtkWidget *root,
                  gpointer   platform)
{
  return cf_test_platform_query (platform, "SELECT COUNT(*) FROM tokens") == 0;
}

static void
test_sign_in_without_keyring (gconstpointer data)
{
  CfApplication *application = CF_APPLICATION ((gpointer) data);
  CfTestPlatform *platform = g_object_get_data (G_OBJECT (application), "platform");
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *preferences = cf_ui_open_preferences (window);
  g_autoptr(GVariant) accounts = NULL;

  cf_ui_fill_sign_in (preferences, "backer", "backer-pw");
  cf_test_wait_until (preferences, has_label,
                      "The keyring is locked or unavailable, so Crowdfund cannot keep you signed in. "
                      "You can still browse campaigns.", "the keyring problem is explained");
  cf_test_render_to_png (preferences, "preferences-no-keyring");
  cf_test_wait_until (preferences, sessions_revoked, platform, "the unkept session is given back");
  g_assert_true (cf_test_shows_label (preferences, "Sign In"));

  accounts = g_settings_get_value (cf_application_get_settings (application), "accounts");
  g_assert_cmpuint (g_variant_n_children (accounts), ==, 0);
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_assert_true (cf_test_shows_label (window, "Alpha board game"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = cf_ui_use_new_home ("no-keyring");
  g_autoptr(CfApplication) application = NULL;
  CfTestPlatform *platform;
  int status;

  /* Under a file, where no folder can be made. */
  g_setenv ("SECRET_FILE_TEST_PATH", "/dev/null/keyring", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);
  application = cf_application_new ();
  g_object_set_data (G_OBJECT (application), "platform", platform);
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add_data_func ("/keyring/unavailable", application, test_sign_in_without_keyring);

  status = g_test_run ();
  cf_test_platform_free (platform);
  return status;
}
