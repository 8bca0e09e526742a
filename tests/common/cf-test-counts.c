/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-test-counts.h"

/* What @counts holds now, kept apart from what comes after. */
GHashTable *
cf_test_counts_copy (GHashTable *counts)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer request, count;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &request, &count))
    g_hash_table_insert (copy, g_strdup (request), count);
  return copy;
}

/* The requests sent more than once between the copies @before and @after,
 * “REQUEST ×N ” each, or "" when none was; every request sent meanwhile is
 * told as a test message. */
char *
cf_test_counts_asked_twice (GHashTable *before,
                            GHashTable *after)
{
  GString *twice = g_string_new (NULL);
  GHashTableIter iter;
  gpointer request, count;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &request, &count))
    {
      guint asked = GPOINTER_TO_UINT (count) - GPOINTER_TO_UINT (g_hash_table_lookup (before, request));

      if (asked > 0)
        g_test_message ("%s: %u", (const char *) request, asked);
      if (asked > 1)
        g_string_append_printf (twice, "%s ×%u ", (const char *) request, asked);
    }
  return g_string_free (twice, FALSE);
}
