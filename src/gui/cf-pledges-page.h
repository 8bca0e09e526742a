/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-merged-list.h"

G_BEGIN_DECLS

#define CF_TYPE_PLEDGES_PAGE (cf_pledges_page_get_type ())

G_DECLARE_FINAL_TYPE (CfPledgesPage, cf_pledges_page, CF, PLEDGES_PAGE, GtkWidget)

void cf_pledges_page_set_pledges (CfPledgesPage *self,
                                  GListModel    *accounts,
                                  CfMergedList  *pledges);
void cf_pledges_page_reload      (CfPledgesPage *self);

G_END_DECLS
