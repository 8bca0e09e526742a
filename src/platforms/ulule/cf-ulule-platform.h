/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-platform-kind.h"

G_BEGIN_DECLS

#define CF_TYPE_ULULE_PLATFORM (cf_ulule_platform_get_type ())

G_DECLARE_FINAL_TYPE (CfUlulePlatform, cf_ulule_platform, CF, ULULE_PLATFORM, GObject)

extern const CfPlatformKind cf_ulule_platform_kind;

CfUlulePlatform *cf_ulule_platform_new                (SoupSession     *session,
                                                       const char      *api_url,
                                                       const char      *data_url);
void             cf_ulule_platform_set_stats_interval (CfUlulePlatform *self,
                                                       guint            seconds);

G_END_DECLS
