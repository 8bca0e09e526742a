/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-live-feed.h"

G_BEGIN_DECLS

#define CF_TYPE_LATEST_PLEDGES (cf_latest_pledges_get_type ())

G_DECLARE_FINAL_TYPE (CfLatestPledges, cf_latest_pledges, CF, LATEST_PLEDGES, GtkWidget)

void  cf_latest_pledges_clear       (CfLatestPledges      *self);
void  cf_latest_pledges_set_rewards (CfLatestPledges      *self,
                                     GListModel           *rewards);
void  cf_latest_pledges_add_read    (CfLatestPledges      *self,
                                     GListModel           *pledges);
void  cf_latest_pledges_take_live   (CfLatestPledges      *self,
                                     const CfLiveCampaign *live,
                                     guint64              *seen);
void  cf_latest_pledges_show        (CfLatestPledges      *self);

G_END_DECLS
