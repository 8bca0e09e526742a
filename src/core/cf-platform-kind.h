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
  /* The platform at @address: the choice, or for kinds started by the app
   * (the demo) the address where it listens. */
  CfPlatform *(*create) (SoupSession *session,
                         const char  *address);
} CfPlatformKind;

const CfPlatformKind * const *cf_platform_kind_list       (void);
const CfPlatformKind         *cf_platform_kind_for_choice (const char           *choice);
char                         *cf_platform_kind_dup_choice (const CfPlatformKind *kind,
                                                           const char           *address);
char                         *cf_platform_kind_dup_label  (const char           *choice);

G_END_DECLS
