/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-model.h"

G_BEGIN_DECLS

#define CF_TYPE_USER (cf_user_get_type ())

G_DECLARE_FINAL_TYPE (CfUser, cf_user, CF, USER, CfModel)

CfUser     *cf_user_new_from_json (JsonNode  *node,
                                   GError   **error);
const char *cf_user_get_id        (CfUser *self);
const char *cf_user_get_username  (CfUser *self);
const char *cf_user_get_name      (CfUser *self);
const char *cf_user_get_country   (CfUser *self);
const char *cf_user_get_currency  (CfUser *self);

G_END_DECLS
