/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "cf-local-help.h"

/* The user guide as HTML pages, installed under @help_dir in one folder a
 * language (html-fr, html-ja, html-C): the address of the first page in the
 * person's language, the nearest one the guide is in, or in English. NULL
 * when the pages are not there at all. */
char *
cf_local_help_dup_uri (const char *help_dir)
{
  const char * const *languages = g_get_language_names_with_category ("LC_MESSAGES");

  g_return_val_if_fail (help_dir != NULL, NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *folder = g_strconcat ("html-", languages[i], NULL);
      g_autofree char *index = g_build_filename (help_dir, folder, "index.html", NULL);

      if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
        return g_filename_to_uri (index, NULL, NULL);
    }
  return NULL;
}
