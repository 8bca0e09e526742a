/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-web-address"

#include "config.h"

#include "cf-web-address.h"

/* An http or https address with a host: the only kind the platform stores
 * for backers to open and the app hands to the desktop, never javascript:,
 * file: or a handler's scheme. */
gboolean
cf_web_address_is_valid (const char *text)
{
  g_autoptr(GUri) uri = text ? g_uri_parse (text, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host = uri ? g_uri_get_host (uri) : NULL;
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  return host != NULL && *host != '\0' &&
         (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0);
}
