/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-backers-csv.h"
#include "fuzz-target.h"

/* A creator's file of pledge numbers and tracking numbers. */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) pledge_ids = NULL;
  g_autoptr(GPtrArray) tracking_numbers = NULL;

  if (g_utf8_validate (text, -1, NULL))
    cf_backers_csv_read_tracking (text, &pledge_ids, &tracking_numbers, NULL);
  return 0;
}
