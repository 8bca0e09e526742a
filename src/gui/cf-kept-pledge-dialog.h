/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-kept-platform.h"

G_BEGIN_DECLS

void cf_kept_pledge_dialog_present (GtkWindow      *parent,
                                    CfKeptPlatform *platform);

G_END_DECLS
