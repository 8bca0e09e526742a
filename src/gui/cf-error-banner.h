/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-merged-list.h"

G_BEGIN_DECLS

#define CF_TYPE_ERROR_BANNER (cf_error_banner_get_type ())

G_DECLARE_FINAL_TYPE (CfErrorBanner, cf_error_banner, CF, ERROR_BANNER, GtkWidget)

void cf_error_banner_show (CfErrorBanner *self,
                           const char    *message);
void cf_error_banner_hide (CfErrorBanner *self);
void cf_error_banner_show_kept (CfErrorBanner *self,
                                CfMergedList  *list,
                                gboolean       has_items);

G_END_DECLS
