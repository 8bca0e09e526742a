/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-account-list.h"
#include "cf-image-cache.h"

G_BEGIN_DECLS

#define CF_TYPE_WINDOW (cf_window_get_type ())

G_DECLARE_FINAL_TYPE (CfWindow, cf_window, CF, WINDOW, AdwApplicationWindow)

CfWindow *cf_window_new            (GtkApplication *application,
                                    GSettings      *settings,
                                    CfImageCache   *image_cache,
                                    CfAccountList  *accounts);
void      cf_window_show_view      (CfWindow       *self,
                                    const char     *name);

G_END_DECLS
