/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-model.h"

G_BEGIN_DECLS

#define CF_TYPE_CREDENTIALS (cf_credentials_get_type ())

G_DECLARE_FINAL_TYPE (CfCredentials, cf_credentials, CF, CREDENTIALS, CfModel)

CfCredentials *cf_credentials_new_from_json     (JsonNode  *node,
                                                 GError   **error);
CfCredentials *cf_credentials_new_for_key       (const char *key,
                                                 const char *token_type);
const char    *cf_credentials_get_access_token  (CfCredentials *self);
const char    *cf_credentials_get_refresh_token (CfCredentials *self);
const char    *cf_credentials_get_token_type    (CfCredentials *self);
gint64         cf_credentials_get_expires_in    (CfCredentials *self);

G_END_DECLS
