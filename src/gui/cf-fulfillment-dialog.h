/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-platform.h"

G_BEGIN_DECLS

#define CF_TYPE_FULFILLMENT_DIALOG (cf_fulfillment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfFulfillmentDialog, cf_fulfillment_dialog, CF, FULFILLMENT_DIALOG, AdwWindow)

GtkWidget *cf_fulfillment_dialog_new (GtkWindow  *parent,
                                      CfPlatform *platform,
                                      CfCampaign *campaign,
                                      GListModel *rewards);

G_END_DECLS
