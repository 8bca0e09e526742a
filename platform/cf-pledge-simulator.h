/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-database.h"
#include "cf-live-hub.h"

G_BEGIN_DECLS

#define CF_TYPE_PLEDGE_SIMULATOR (cf_pledge_simulator_get_type ())

G_DECLARE_FINAL_TYPE (CfPledgeSimulator, cf_pledge_simulator, CF, PLEDGE_SIMULATOR, GObject)

CfPledgeSimulator *cf_pledge_simulator_new           (CfDatabase        *database,
                                                      CfLiveHub         *live_hub,
                                                      double             pledges_per_second,
                                                      guint64            limit);
guint64            cf_pledge_simulator_get_n_pledged (CfPledgeSimulator *self);

G_END_DECLS
