/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cf-local-help.h"

/* The guide built as web pages for reading without a help browser: the
 * first page in the person's language, or the nearest the guide is in. */

static char *
guide_language (const char *language)
{
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *folder = NULL;

  g_setenv ("LANGUAGE", language, TRUE);
  uri = cf_local_help_dup_uri (g_getenv ("CROWDFUND_HELP_DIR"));
  g_assert_nonnull (uri);
  path = g_filename_from_uri (uri, NULL, NULL);
  g_assert_true (g_str_has_suffix (path, "/index.html"));
  directory = g_path_get_dirname (path);
  folder = g_path_get_basename (directory);
  g_assert_true (g_str_has_prefix (folder, "html-"));
  return g_strdup (folder + strlen ("html-"));
}

static char *
title_of (const char *language)
{
  g_autofree char *folder = g_strconcat ("html-", language, NULL);
  g_autofree char *index = g_build_filename (g_getenv ("CROWDFUND_HELP_DIR"), folder, "index.html", NULL);
  g_autofree char *html = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (index, &html, NULL, NULL));
  start = strstr (html, "<title>");
  end = start ? strstr (start, "</title>") : NULL;
  g_assert_nonnull (end);
  return g_strstrip (g_strndup (start + strlen ("<title>"), end - start - strlen ("<title>")));
}

static void
test_languages (void)
{
  g_autofree char *french = guide_language ("fr");
  g_autofree char *japanese = guide_language ("ja_JP");
  g_autofree char *nearest = guide_language ("de:fr");
  g_autofree char *unknown = guide_language ("de");
  g_autofree char *english_title = title_of ("C");
  g_autofree char *french_title = title_of ("fr");
  g_autofree char *japanese_title = title_of ("ja");

  g_assert_cmpstr (french, ==, "fr");
  g_assert_cmpstr (japanese, ==, "ja");
  g_assert_cmpstr (nearest, ==, "fr");
  g_assert_cmpstr (unknown, ==, "C");
  /* Each is the guide translated, not the English pages copied. */
  g_assert_cmpstr (english_title, ==, "Crowdfund Help");
  g_assert_cmpstr (french_title, !=, english_title);
  g_assert_cmpstr (japanese_title, !=, english_title);
  g_assert_cmpstr (japanese_title, !=, french_title);
}

static void
test_missing (void)
{
  g_autofree char *empty = g_dir_make_tmp ("crowdfund-help-XXXXXX", NULL);

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_null (cf_local_help_dup_uri (empty));
  g_rmdir (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/local-help/languages", test_languages);
  g_test_add_func ("/local-help/missing", test_missing);

  return g_test_run ();
}
