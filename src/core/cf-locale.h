/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cf_locale_dup_default (void);
char *cf_locale_to_icu      (const char *posix_locale);
char *cf_locale_dup_currency (void);
char *cf_locale_dup_country  (void);
char *cf_locale_dup_country_name (const char *code);
char *cf_locale_dup_currency_name (const char *code);
const char * const *cf_locale_get_country_codes (void);

G_END_DECLS
