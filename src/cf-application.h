/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-image-cache.h"
#include "cf-window.h"

G_BEGIN_DECLS

#define CF_TYPE_APPLICATION (cf_application_get_type ())

G_DECLARE_FINAL_TYPE (CfApplication, cf_application, CF, APPLICATION, AdwApplication)

CfApplication *cf_application_new            (void);
GSettings     *cf_application_get_settings   (CfApplication        *self);
CfImageCache  *cf_application_get_image_cache (CfApplication       *self);
void           cf_application_set_platform_option (CfApplication   *self,
                                                   const char      *choice);
CfWindow      *cf_application_new_window     (CfApplication        *self);

G_END_DECLS
