/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-database.h"

G_BEGIN_DECLS

gboolean cf_seed_backers_generate (CfDatabase *database,
                                   gint64      campaign_id);

G_END_DECLS
