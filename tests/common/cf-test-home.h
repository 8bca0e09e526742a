/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cf_test_use_new_home  (const char *name);
void  cf_test_remove_folder (const char *folder);

G_END_DECLS
