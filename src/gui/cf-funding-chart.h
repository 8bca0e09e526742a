/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cf-live-feed.h"

G_BEGIN_DECLS

#define CF_TYPE_FUNDING_CHART (cf_funding_chart_get_type ())

G_DECLARE_FINAL_TYPE (CfFundingChart, cf_funding_chart, CF, FUNDING_CHART, GtkWidget)

GtkWidget *cf_funding_chart_new      (void);
void       cf_funding_chart_set_data (CfFundingChart *self,
                                      GArray         *points,
                                      const CfMoney  *goal);

G_END_DECLS
