/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-account.h"
#include "cf-approximation.h"
#include "cf-image-cache.h"

G_BEGIN_DECLS

#define CF_TYPE_FOLLOWING_PAGE (cf_following_page_get_type ())

G_DECLARE_FINAL_TYPE (CfFollowingPage, cf_following_page, CF, FOLLOWING_PAGE, GtkWidget)

void cf_following_page_set_accounts (CfFollowingPage *self,
                                     GListModel      *accounts,
                                     CfImageCache    *image_cache,
                                     CfApproximation *approximation);
void cf_following_page_reload       (CfFollowingPage *self);

G_END_DECLS
