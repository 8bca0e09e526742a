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

/* Text that can go in an HTTP header as it is: visible ASCII and spaces.
 * libsoup refuses a line break there with a critical, and a header split in
 * two is a request the person never made. */
gboolean
cf_header_value_is_valid (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || (guchar) *c > 0x7e)
      return FALSE;

  return TRUE;
}
