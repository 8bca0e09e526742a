/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-platform.h"

G_BEGIN_DECLS

#define CF_TYPE_OPENCOLLECTIVE_PLATFORM (cf_opencollective_platform_get_type ())

G_DECLARE_FINAL_TYPE (CfOpenCollectivePlatform, cf_opencollective_platform, CF, OPENCOLLECTIVE_PLATFORM, GObject)

CfOpenCollectivePlatform *cf_opencollective_platform_new (SoupSession *session,
                                                          const char  *api_url,
                                                          const char  *website_url);
void cf_opencollective_platform_set_poll_interval (CfOpenCollectivePlatform *self,
                                                   guint                     seconds);

G_END_DECLS
