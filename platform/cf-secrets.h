/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Argon2id's memory cost: OWASP's 19 MiB, and the least libsodium allows. */
#define CF_SECRETS_DEFAULT_MEMORY_KIB 19456
#define CF_SECRETS_MIN_MEMORY_KIB     8

void      cf_secrets_set_password_memory (guint kib);
char     *cf_secrets_unknown_user_hash (void);
gboolean  cf_secrets_needs_rehash    (const char *stored);
char     *cf_secrets_hash_password   (const char *password);
gboolean  cf_secrets_verify_password (const char *password,
                                      const char *stored);
char     *cf_secrets_new_token       (void);
char     *cf_secrets_hash_token      (const char *token);

G_END_DECLS
