/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-database.h"

G_BEGIN_DECLS

/* Backers made into pledges, in a campaign, at most. */
#define CF_SEED_BACKERS_MAX 1000000

gboolean cf_seed_backers_generate (CfDatabase  *database,
                                   gint64       campaign_id,
                                   const char **problem);

G_END_DECLS
