/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <unicode/unum.h>

G_BEGIN_DECLS

UNumberFormat *cf_number_formatter (UNumberFormatStyle  style,
                                    const char         *locale,
                                    const char         *currency);
char          *cf_number_format    (UNumberFormatStyle  style,
                                    double              value,
                                    const char         *locale);

G_END_DECLS
