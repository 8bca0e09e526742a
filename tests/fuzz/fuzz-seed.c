/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-secrets.h"
#include "cf-seed.h"
#include "fuzz-target.h"

/* A seed file, imported into a new database each time: it must go in
 * whole or leave nothing, and never crash. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  cf_secrets_set_password_memory (64);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CfDatabase) database = cf_database_open (":memory:", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (database);
  if (!cf_seed_import (database, bytes, &error))
    {
      g_assert_nonnull (error);
      g_assert_cmpint (cf_database_query_int (database, "SELECT COUNT(*) FROM users", 0), ==, 0);
    }
  return 0;
}
