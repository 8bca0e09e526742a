/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-database.h"

G_BEGIN_DECLS

gboolean cf_seed_import (CfDatabase  *database,
                         GBytes      *json,
                         GError     **error);

G_END_DECLS
