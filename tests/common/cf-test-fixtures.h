/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-account.h"
#include "cf-campaign.h"
#include "cf-pledge.h"

G_BEGIN_DECLS

/* Models from tests/fixtures, changed member by member: triples of
 * object, member and JSON value, ended by NULL, NULL. */
CfPledge *cf_test_pledge_with (const char *object,
                               const char *member,
                               const char *value,
                               ...);

CfCampaign *cf_test_counted_campaign (const char *unit,
                                      gint64      goal,
                                      gint64      count,
                                      gint64      next_goal);

void        cf_test_sign_in          (CfAccount  *account,
                                      const char *username,
                                      const char *password);

G_END_DECLS
