/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The last answer of a list an account gave, kept in the user's cache
 * folder so that it can be shown when the platform cannot be reached. */
char       *cf_saved_list_path   (const char  *name,
                                  const char  *key);
char       *cf_saved_list_folder (const char  *name,
                                  const char  *key);
char       *cf_saved_list_path_in (const char *folder,
                                   const char *kind,
                                   const char *id);
void        cf_saved_list_save   (const char  *path,
                                  GListModel  *items);
void        cf_saved_list_save_leaving_out (const char         *path,
                                            GListModel         *items,
                                            const char * const *private_members);
GListModel *cf_saved_list_load   (const char  *path,
                                  GType        item_type,
                                  GDateTime  **saved_at);
void        cf_saved_list_forget (const char  *path);
void        cf_saved_list_forget_folder (const char *folder);

G_END_DECLS
