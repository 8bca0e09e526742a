/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-platform.h"

G_BEGIN_DECLS

#define CF_TYPE_PLEDGE_KEY (cf_pledge_key_get_type ())

G_DECLARE_FINAL_TYPE (CfPledgeKey, cf_pledge_key, CF, PLEDGE_KEY, GObject)

CfPledgeKey *cf_pledge_key_new     (void);
const char  *cf_pledge_key_for     (CfPledgeKey           *self,
                                    const CfPledgeRequest *request);

G_END_DECLS
