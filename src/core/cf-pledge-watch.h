/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-pledge.h"

G_BEGIN_DECLS

#define CF_TYPE_PLEDGE_WATCH (cf_pledge_watch_get_type ())

G_DECLARE_FINAL_TYPE (CfPledgeWatch, cf_pledge_watch, CF, PLEDGE_WATCH, GObject)

typedef enum
{
  CF_PLEDGE_NEWS_SHIPPED,       /* the reward is on its way */
  CF_PLEDGE_NEWS_NEEDS_ACTION,  /* the backer must do something */
} CfPledgeNewsKind;

typedef struct
{
  CfPledgeNewsKind kind;
  CfPledge *pledge;
} CfPledgeNews;

CfPledgeWatch *cf_pledge_watch_new    (const char    *path,
                                       const char    *scope);
GArray        *cf_pledge_watch_update (CfPledgeWatch *self,
                                       GListModel    *pledges);
void           cf_pledge_watch_forget (CfPledgeWatch *self);

G_END_DECLS
