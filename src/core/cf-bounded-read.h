/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void    cf_bounded_read_async  (SoupSession         *session,
                                SoupMessage         *message,
                                gsize                max_bytes,
                                guint                timeout_seconds,
                                int                  io_priority,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
GBytes *cf_bounded_read_finish (GAsyncResult        *result,
                                GError             **error);

G_END_DECLS
