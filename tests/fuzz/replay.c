/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "fuzz-target.h"

/* Runs one fuzz target over every file of its corpus, with the ordinary
 * compiler, so that each input the fuzzers ever kept is tried again on
 * every change. A crash or a critical fails the test. */

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) corpus = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);
  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);
  g_assert_cmpint (argc, ==, 2);
  corpus = g_dir_open (argv[1], 0, NULL);
  g_assert_nonnull (corpus);

  while ((name = g_dir_read_name (corpus)) != NULL)
    g_ptr_array_add (paths, g_build_filename (argv[1], name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (paths, i));
      g_autofree char *test_path = g_strdup_printf ("/replay/%s", base);

      g_test_add_data_func (test_path, g_ptr_array_index (paths, i), replay_file);
    }

  return g_test_run ();
}
