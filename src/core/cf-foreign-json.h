/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Reading other platforms' JSON into the shapes of our own API, for the
 * adapters of src/platforms. Nothing here trusts a member's type: a member
 * of another type reads as absent. */

typedef gboolean (*CfForeignBuildFunc) (JsonBuilder   *builder,
                                        JsonObject    *item,
                                        gconstpointer  data);

JsonObject *cf_foreign_json_object         (JsonObject         *object,
                                            const char         *member);
JsonArray  *cf_foreign_json_array          (JsonObject         *object,
                                            const char         *member);
gboolean    cf_foreign_json_boolean        (JsonObject         *object,
                                            const char         *member);
gboolean    cf_foreign_json_has_id         (JsonObject         *object);
gboolean    cf_foreign_json_units          (JsonNode           *node,
                                            double             *units);
char       *cf_foreign_json_html_to_text   (const char         *html);
gboolean    cf_foreign_json_build_money    (JsonBuilder        *builder,
                                            const char         *name,
                                            double              units,
                                            const char         *currency);
gboolean    cf_foreign_json_build_cents    (JsonBuilder        *builder,
                                            const char         *name,
                                            double              cents,
                                            const char         *currency);
gboolean    cf_foreign_json_build_member_money (JsonBuilder    *builder,
                                            const char         *name,
                                            JsonObject         *object,
                                            const char         *member,
                                            const char         *currency);
void        cf_foreign_json_build_int      (JsonBuilder        *builder,
                                            const char         *name,
                                            gint64              value);
void        cf_foreign_json_build_copy     (JsonBuilder        *builder,
                                            const char         *name,
                                            JsonObject         *object,
                                            const char         *member);
void        cf_foreign_json_build_text     (JsonBuilder        *builder,
                                            const char         *name,
                                            const char         *html);
void        cf_foreign_json_build_untracked_delivery (JsonBuilder *builder);
JsonNode   *cf_foreign_json_build_page     (JsonArray          *items,
                                            const char         *next_cursor,
                                            CfForeignBuildFunc  build,
                                            gconstpointer       data);

G_END_DECLS
