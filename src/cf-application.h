/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-image-cache.h"
#include "cf-platform.h"

G_BEGIN_DECLS

#define CF_TYPE_APPLICATION (cf_application_get_type ())

G_DECLARE_FINAL_TYPE (CfApplication, cf_application, CF, APPLICATION, AdwApplication)

/* What cf_application_connect_async() takes for the demo platform: the id
 * of its kind. */
#define CF_DEMO_CHOICE "demo"

CfApplication *cf_application_new            (void);
GSettings     *cf_application_get_settings   (CfApplication        *self);
CfImageCache  *cf_application_get_image_cache (CfApplication       *self);
GStrv          cf_application_dup_platform_choices (CfApplication  *self,
                                                    char          **run_only);
const char    *cf_application_get_platform_option (CfApplication  *self);
void           cf_application_set_platform_option (CfApplication   *self,
                                                   const char      *choice);
void           cf_application_connect_async  (CfApplication        *self,
                                              const char           *choice,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
CfPlatform    *cf_application_connect_finish (CfApplication        *self,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
