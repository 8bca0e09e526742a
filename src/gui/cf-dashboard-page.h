/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-account.h"

G_BEGIN_DECLS

#define CF_TYPE_DASHBOARD_PAGE (cf_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (CfDashboardPage, cf_dashboard_page, CF, DASHBOARD_PAGE, GtkWidget)

void     cf_dashboard_page_set_accounts      (CfDashboardPage *self,
                                              GSettings       *settings,
                                             GListModel      *accounts);
void     cf_dashboard_page_reload            (CfDashboardPage *self);
gboolean cf_dashboard_page_get_has_campaigns (CfDashboardPage *self);

G_END_DECLS
