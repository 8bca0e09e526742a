/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CF_TYPE_PAGE (cf_page_get_type ())

G_DECLARE_FINAL_TYPE (CfPage, cf_page, CF, PAGE, GObject)

CfPage     *cf_page_new_from_json   (GType       item_type,
                                     JsonNode   *node,
                                     GError    **error);
CfPage     *cf_page_new             (GListModel *items,
                                     const char *next_cursor,
                                     gint64      total);
GListModel *cf_page_get_items       (CfPage     *self);
const char *cf_page_get_next_cursor (CfPage     *self);
gint64      cf_page_get_total       (CfPage     *self);

G_END_DECLS
