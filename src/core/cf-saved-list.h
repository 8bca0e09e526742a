/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-account.h"

G_BEGIN_DECLS

/* The last answer of a list an account gave, kept in the user's cache
 * folder so that it can be shown when the platform cannot be reached. */
char       *cf_saved_list_path   (const char  *name,
                                  CfAccount   *account);
char       *cf_saved_list_path_for_platform (const char *name,
                                             CfAccount  *account);
void        cf_saved_list_save   (const char  *path,
                                  GListModel  *items);
GListModel *cf_saved_list_load   (const char  *path,
                                  GType        item_type,
                                  GDateTime  **saved_at);
void        cf_saved_list_forget (const char  *path);

G_END_DECLS
