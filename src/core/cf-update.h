/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-model.h"

G_BEGIN_DECLS

#define CF_TYPE_UPDATE (cf_update_get_type ())

G_DECLARE_FINAL_TYPE (CfUpdate, cf_update, CF, UPDATE, CfModel)

CfUpdate   *cf_update_new_from_json    (JsonNode  *node,
                                        GError   **error);
const char *cf_update_get_id           (CfUpdate *self);
gint64      cf_update_get_number       (CfUpdate *self);
const char *cf_update_get_title        (CfUpdate *self);
const char *cf_update_get_body         (CfUpdate *self);
GDateTime  *cf_update_get_published_at (CfUpdate *self);
gboolean    cf_update_get_backers_only (CfUpdate *self);

G_END_DECLS
