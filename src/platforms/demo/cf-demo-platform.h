/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-platform-kind.h"

G_BEGIN_DECLS

#define CF_TYPE_DEMO_PLATFORM (cf_demo_platform_get_type ())

G_DECLARE_FINAL_TYPE (CfDemoPlatform, cf_demo_platform, CF, DEMO_PLATFORM, GObject)

extern const CfPlatformKind cf_demo_platform_kind;

CfDemoPlatform *cf_demo_platform_new          (void);
void            cf_demo_platform_start_async  (CfDemoPlatform       *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
char           *cf_demo_platform_start_finish (CfDemoPlatform       *self,
                                               GAsyncResult         *result,
                                               GError              **error);
void            cf_demo_platform_stop         (CfDemoPlatform       *self);

G_END_DECLS
