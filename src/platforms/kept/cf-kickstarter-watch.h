/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "cf-kept-book.h"

G_BEGIN_DECLS

#define CF_TYPE_KICKSTARTER_WATCH (cf_kickstarter_watch_get_type ())

G_DECLARE_FINAL_TYPE (CfKickstarterWatch, cf_kickstarter_watch, CF, KICKSTARTER_WATCH, GObject)

CfKickstarterWatch *cf_kickstarter_watch_new         (SoupSession        *session,
                                                      CfKeptBook         *book,
                                                      const char         *base_url,
                                                      guint               interval_seconds);
gboolean            cf_kickstarter_watch_claims      (CfKickstarterWatch *self,
                                                      const char         *address);
char               *cf_kickstarter_watch_dup_project_page (CfKickstarterWatch *self,
                                                      const char         *address,
                                                      const char         *page);
void                cf_kickstarter_watch_update      (CfKickstarterWatch *self);
const char         *cf_kickstarter_watch_get_problem (CfKickstarterWatch *self,
                                                      const char         *campaign_id);

G_END_DECLS
