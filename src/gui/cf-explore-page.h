/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-account.h"
#include "cf-approximation.h"
#include "cf-image-cache.h"
#include "cf-platform.h"

G_BEGIN_DECLS

#define CF_TYPE_EXPLORE_PAGE (cf_explore_page_get_type ())

G_DECLARE_FINAL_TYPE (CfExplorePage, cf_explore_page, CF, EXPLORE_PAGE, GtkWidget)

void       cf_explore_page_set_accounts (CfExplorePage   *self,
                                         GListModel      *accounts,
                                         CfImageCache    *image_cache,
                                         CfApproximation *approximation);
void       cf_explore_page_set_account  (CfExplorePage *self,
                                         CfAccount     *account);
CfAccount *cf_explore_page_get_account  (CfExplorePage *self);
void       cf_explore_page_focus_search (CfExplorePage *self);
void       cf_explore_page_reload       (CfExplorePage *self);

G_END_DECLS
