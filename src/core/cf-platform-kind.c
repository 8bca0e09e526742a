/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-platform-kind"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-demo-platform.h"
#include "cf-platform-kind.h"
#include "cf-rest-platform.h"
#include "cf-ulule-platform.h"
#include "cf-web-address.h"

/* Every kind of platform, in the order Preferences offers them. */
const CfPlatformKind * const *
cf_platform_kind_list (void)
{
  static const CfPlatformKind * const kinds[] = {
    &cf_rest_platform_kind,
    &cf_demo_platform_kind,
    &cf_ulule_platform_kind,
    NULL,
  };

  return kinds;
}

/* The kind @choice opens: the one whose id it is, else the first that
 * takes an address when @choice is one. */
const CfPlatformKind *
cf_platform_kind_for_choice (const char *choice)
{
  const CfPlatformKind * const *kinds = cf_platform_kind_list ();
  gboolean is_address = cf_web_address_is_valid (choice);

  for (guint i = 0; kinds[i] != NULL; i++)
    if (kinds[i]->needs_address ? is_address : g_strcmp0 (kinds[i]->id, choice) == 0)
      return kinds[i];
  return NULL;
}

/* How a platform of @kind at @address (ignored by kinds without one) is
 * chosen, or NULL when @address is not a web address. */
char *
cf_platform_kind_dup_choice (const CfPlatformKind *kind,
                             const char           *address)
{
  g_autofree char *stripped = NULL;

  if (!kind->needs_address)
    return g_strdup (kind->id);

  stripped = g_strstrip (g_strdup (address != NULL ? address : ""));
  return cf_web_address_is_valid (stripped) ? g_steal_pointer (&stripped) : NULL;
}

/* What a person calls the platform of @choice: the kind's name, or for a
 * platform with an address, its host (and port, when not the usual one). */
char *
cf_platform_kind_dup_label (const char *choice)
{
  const CfPlatformKind *kind = cf_platform_kind_for_choice (choice);
  g_autoptr(GUri) uri = NULL;

  if (kind == NULL)
    return g_strdup (choice);
  if (!kind->needs_address)
    return g_strdup (_(kind->name));

  uri = g_uri_parse (choice, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (choice);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}
