/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cf-credentials.h"

G_BEGIN_DECLS

#define CF_TYPE_SECRET_STORE (cf_secret_store_get_type ())

G_DECLARE_FINAL_TYPE (CfSecretStore, cf_secret_store, CF, SECRET_STORE, GObject)

CfSecretStore *cf_secret_store_new           (void);
void           cf_secret_store_store_async   (CfSecretStore        *self,
                                              const char           *choice,
                                              const char           *username,
                                              CfCredentials        *credentials,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       cf_secret_store_store_finish  (CfSecretStore        *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void           cf_secret_store_lookup_async  (CfSecretStore        *self,
                                              const char           *choice,
                                              const char           *username,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
CfCredentials *cf_secret_store_lookup_finish (CfSecretStore        *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void           cf_secret_store_clear_async   (CfSecretStore        *self,
                                              const char           *choice,
                                              const char           *username,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       cf_secret_store_clear_finish  (CfSecretStore        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
