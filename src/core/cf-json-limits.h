/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_JSON_LIMITS_ERROR (cf_json_limits_error_quark ())

typedef enum
{
  CF_JSON_LIMITS_ERROR_TOO_LARGE,
  CF_JSON_LIMITS_ERROR_TOO_DEEP,
  CF_JSON_LIMITS_ERROR_NOT_JSON,
} CfJsonLimitsError;

/* Nesting deeper than this is refused before any tree is built: json-glib
 * recurses once per level, and a few thousand levels overflow a stack. */
#define CF_JSON_MAX_DEPTH 64

GQuark   cf_json_limits_error_quark (void);
gboolean cf_json_check_limits       (const char  *data,
                                     gsize        length,
                                     gsize        max_bytes,
                                     GError     **error);
gboolean cf_json_scan               (const char  *data,
                                     gsize        length,
                                     gsize        max_bytes,
                                     gboolean    *beyond_int64,
                                     GError     **error);

G_END_DECLS
