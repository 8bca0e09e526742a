/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cf_web_address_is_valid  (const char *text);
gboolean cf_header_value_is_valid (const char *text);

G_END_DECLS
