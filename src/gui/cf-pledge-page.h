/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-platform.h"

G_BEGIN_DECLS

#define CF_TYPE_PLEDGE_PAGE (cf_pledge_page_get_type ())

G_DECLARE_FINAL_TYPE (CfPledgePage, cf_pledge_page, CF, PLEDGE_PAGE, GtkWidget)

void      cf_pledge_page_show         (CfPledgePage *self,
                                       CfPlatform   *platform,
                                       CfPledge     *pledge);
CfPledge *cf_pledge_page_get_pledge   (CfPledgePage *self);

G_END_DECLS
