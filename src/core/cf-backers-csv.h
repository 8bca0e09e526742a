/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Backers to a spreadsheet, and tracking numbers from one (RFC 4180 CSV). */
char     *cf_backers_csv_write   (GListModel  *pledges);
gboolean  cf_backers_csv_read_tracking (const char  *text,
                                        GPtrArray  **pledge_ids,
                                        GPtrArray  **tracking_numbers,
                                        GError     **error);

G_END_DECLS
