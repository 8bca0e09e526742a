/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_PLATFORM_ERROR (cf_platform_error_quark ())

/* What went wrong talking to a platform, in terms a caller can act on. The
 * messages of these errors are translated sentences fit to show a person. */
typedef enum
{
  CF_PLATFORM_ERROR_FAILED,
  CF_PLATFORM_ERROR_NETWORK,
  CF_PLATFORM_ERROR_TIMED_OUT,
  CF_PLATFORM_ERROR_SERVER,
  CF_PLATFORM_ERROR_INVALID_RESPONSE,
  CF_PLATFORM_ERROR_INVALID_REQUEST,
  CF_PLATFORM_ERROR_UNAUTHORIZED,
  CF_PLATFORM_ERROR_INVALID_CREDENTIALS,
  CF_PLATFORM_ERROR_FORBIDDEN,
  CF_PLATFORM_ERROR_NOT_FOUND,
  CF_PLATFORM_ERROR_CONFLICT,
  CF_PLATFORM_ERROR_REFUSED,
  CF_PLATFORM_ERROR_RATE_LIMITED,
  CF_PLATFORM_ERROR_SOLD_OUT,
  CF_PLATFORM_ERROR_BELOW_MINIMUM,
  CF_PLATFORM_ERROR_NOT_LIVE,
  CF_PLATFORM_ERROR_ALREADY_BACKED,
  CF_PLATFORM_ERROR_NO_SHIPPING,
  CF_PLATFORM_ERROR_CURRENCY_MISMATCH,
  CF_PLATFORM_ERROR_NOT_SUPPORTED,
  CF_PLATFORM_ERROR_UNSENDABLE_TEXT,
  CF_PLATFORM_ERROR_INVALID_API_KEY,
  CF_PLATFORM_ERROR_BLOCKED,
} CfPlatformError;

GQuark           cf_platform_error_quark     (void);
CfPlatformError  cf_platform_error_from_api  (guint       http_status,
                                              const char *api_code);
const char      *cf_platform_error_describe  (CfPlatformError code);
GError          *cf_platform_error_new       (CfPlatformError code);
gboolean         cf_platform_error_is_refusal (const GError  *error);
gboolean         cf_platform_error_is_unreachable (const GError *error);

G_END_DECLS
