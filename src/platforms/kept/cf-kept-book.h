/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CF_TYPE_KEPT_BOOK (cf_kept_book_get_type ())

G_DECLARE_FINAL_TYPE (CfKeptBook, cf_kept_book, CF, KEPT_BOOK, GObject)

/* The two lists of a book. */
#define CF_KEPT_CAMPAIGNS "campaigns"
#define CF_KEPT_PLEDGES   "pledges"

CfKeptBook   *cf_kept_book_new        (const char  *path);
const GError *cf_kept_book_get_damage (CfKeptBook  *self);
JsonArray    *cf_kept_book_get_list   (CfKeptBook  *self,
                                       const char  *list);
JsonObject   *cf_kept_book_find       (CfKeptBook  *self,
                                       const char  *list,
                                       const char  *id);
JsonObject   *cf_kept_book_find_campaign_at (CfKeptBook *self,
                                             const char *address);
JsonObject   *cf_kept_book_add        (CfKeptBook  *self,
                                       const char  *list);
gboolean      cf_kept_book_remove     (CfKeptBook  *self,
                                       const char  *list,
                                       const char  *id);
gboolean      cf_kept_book_save       (CfKeptBook  *self,
                                       GError     **error);
gboolean      cf_kept_book_export     (CfKeptBook  *self,
                                       const char  *path,
                                       GError     **error);
gboolean      cf_kept_book_import     (CfKeptBook  *self,
                                       const char  *path,
                                       guint       *n_added,
                                       GError     **error);

G_END_DECLS
