/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cf_local_help_dup_uri (const char *help_dir);

G_END_DECLS
