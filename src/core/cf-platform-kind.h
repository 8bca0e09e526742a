/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-platform.h"

G_BEGIN_DECLS

/* A kind of platform the app can open. A platform is chosen by a “choice”:
 * its address, for kinds with one platform per address, or the kind's id
 * for kinds with a single platform. The choice names the account in the
 * settings and, with the kind's id, in the keyring. */
typedef struct
{
  const char *id;           /* stable: it is in the settings and the keyring */
  const char *name;         /* marked with N_(), shown in the person's language */
  gboolean needs_address;   /* one platform per address, given by the person */
  /* Opens the platform of @choice and returns it, a CfPlatform, on @task
   * (or an error): at once, or once what it needs has started (the demo's
   * server). */
  void (*open) (SoupSession *session,
                const char  *choice,
                GTask       *task);
} CfPlatformKind;

/* The choice of the demo platform, which the welcome offers to try. */
#define CF_DEMO_CHOICE "demo"

const CfPlatformKind * const *cf_platform_kind_list       (void);
const CfPlatformKind         *cf_platform_kind_for_choice (const char           *choice);
char                         *cf_platform_kind_dup_choice (const CfPlatformKind *kind,
                                                           const char           *address);
char                         *cf_platform_kind_dup_label  (const char           *choice);
void                          cf_platform_kind_open_async  (const char          *choice,
                                                            SoupSession         *session,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
CfPlatform                   *cf_platform_kind_open_finish (GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
