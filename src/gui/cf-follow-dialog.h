/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-kept-platform.h"

G_BEGIN_DECLS

typedef void (*CfFollowedFunc) (gpointer    user_data,
                                const char *campaign_id);

void cf_follow_dialog_present (GtkWindow      *parent,
                               CfKeptPlatform *platform,
                               const char     *address,
                               CfFollowedFunc  followed,
                               gpointer        user_data);

G_END_DECLS
