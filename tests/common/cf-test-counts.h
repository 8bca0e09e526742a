/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tables of requests a fake platform was sent, each request's text (its
 * path and query, or its operation and variables) → how many times. */
GHashTable *cf_test_counts_copy        (GHashTable *counts);
char       *cf_test_counts_asked_twice (GHashTable *before,
                                        GHashTable *after);

G_END_DECLS
