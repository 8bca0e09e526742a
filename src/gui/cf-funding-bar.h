/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CF_TYPE_FUNDING_BAR (cf_funding_bar_get_type ())

G_DECLARE_FINAL_TYPE (CfFundingBar, cf_funding_bar, CF, FUNDING_BAR, GtkWidget)

GtkWidget *cf_funding_bar_new          (void);
void       cf_funding_bar_set_fraction (CfFundingBar *self,
                                        double        fraction);
double     cf_funding_bar_get_fraction (CfFundingBar *self);

G_END_DECLS
