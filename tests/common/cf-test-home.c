/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cf-test-home.h"

/* Gives the process a home of its own, before anything reads one: config,
 * data and cache in a new folder named after @name, settings in memory,
 * and the keyring in a file there, as libsecret's file backend keeps it.
 * Returns the folder. */
char *
cf_test_use_new_home (const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("crowdfund-%s-XXXXXX", name);
  char *home = g_dir_make_tmp (pattern, NULL);
  g_autofree char *keyring = g_build_filename (home, "keyring", NULL);

  g_assert_nonnull (home);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "crowdfund-test-keyring", TRUE);
  return home;
}

/* Removes @folder and the files in it, as a test made them. */
void
cf_test_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}
