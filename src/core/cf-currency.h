/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cf_currency_is_code  (const char *code);
int      cf_currency_exponent (const char *code);

G_END_DECLS
