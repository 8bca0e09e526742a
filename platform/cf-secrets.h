/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *cf_secrets_hash_password   (const char *password);
gboolean  cf_secrets_verify_password (const char *password,
                                      const char *stored);
char     *cf_secrets_new_token       (void);
char     *cf_secrets_hash_token      (const char *token);

G_END_DECLS
