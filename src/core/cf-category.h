/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-model.h"

G_BEGIN_DECLS

#define CF_TYPE_CATEGORY (cf_category_get_type ())

G_DECLARE_FINAL_TYPE (CfCategory, cf_category, CF, CATEGORY, CfModel)

CfCategory *cf_category_new_from_json (JsonNode  *node,
                                       GError   **error);
const char *cf_category_get_id        (CfCategory *self);
const char *cf_category_get_slug      (CfCategory *self);
const char *cf_category_get_name      (CfCategory *self);

G_END_DECLS
