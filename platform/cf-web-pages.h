/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "cf-database.h"

G_BEGIN_DECLS

void cf_web_pages_add_handlers (SoupServer *soup_server,
                                CfDatabase *database);

G_END_DECLS
