/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "cf-platform-kind.h"

G_BEGIN_DECLS

#define CF_TYPE_REST_PLATFORM (cf_rest_platform_get_type ())

G_DECLARE_FINAL_TYPE (CfRestPlatform, cf_rest_platform, CF, REST_PLATFORM, GObject)

extern const CfPlatformKind cf_rest_platform_kind;

CfRestPlatform *cf_rest_platform_new              (SoupSession    *session,
                                                   const char     *base_url);
const char     *cf_rest_platform_get_base_url     (CfRestPlatform *self);
void            cf_rest_platform_set_timeout      (CfRestPlatform *self,
                                                   guint           seconds);
void            cf_rest_platform_set_retry_delay  (CfRestPlatform *self,
                                                   guint           milliseconds);

G_END_DECLS
