/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-approximation.h"
#include "cf-platform.h"

G_BEGIN_DECLS

#define CF_TYPE_PLEDGE_DIALOG (cf_pledge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfPledgeDialog, cf_pledge_dialog, CF, PLEDGE_DIALOG, AdwWindow)

CfPledgeDialog *cf_pledge_dialog_new (GtkWindow       *parent,
                                      CfPlatform      *platform,
                                      CfCampaign      *campaign,
                                      GListModel      *rewards,
                                      CfPledge        *pledge,
                                      CfApproximation *approximation,
                                      const char      *country);

G_END_DECLS
