/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-live-feed.h"

G_BEGIN_DECLS

/* What message_cb does with a text message, for the fuzzer to reach. */
gboolean cf_live_feed_read_message (CfLiveFeed *self,
                                    const char *data,
                                    gsize       length);

G_END_DECLS
