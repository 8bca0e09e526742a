/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-platform-kind"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-platform-kind.h"
#include "cf-web-address.h"

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

/* Opens the platform of @choice (see #CfPlatformKind). */
void
cf_platform_kind_open_async (const char          *choice,
                             SoupSession         *session,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const CfPlatformKind *kind;

  g_return_if_fail (choice != NULL);
  g_return_if_fail (SOUP_IS_SESSION (session));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_platform_kind_open_async);
  kind = cf_platform_kind_for_choice (choice);
  if (kind == NULL)
    {
      /* Translators: %s is what was remembered or given as a platform. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a platform Crowdfund knows."), choice);
      return;
    }
  kind->open (session, choice, g_steal_pointer (&task));
}

CfPlatform *
cf_platform_kind_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_platform_kind_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
