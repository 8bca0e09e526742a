/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-merged-list.h"

G_BEGIN_DECLS

#define CF_TYPE_PLEDGE_NOTIFIER (cf_pledge_notifier_get_type ())

G_DECLARE_FINAL_TYPE (CfPledgeNotifier, cf_pledge_notifier, CF, PLEDGE_NOTIFIER, GObject)

CfPledgeNotifier *cf_pledge_notifier_new (GApplication *application,
                                          GListModel   *accounts);
CfMergedList     *cf_pledge_notifier_get_pledges (CfPledgeNotifier *self);

G_END_DECLS
