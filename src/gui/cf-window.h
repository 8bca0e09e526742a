/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-account.h"
#include "cf-application.h"

G_BEGIN_DECLS

#define CF_TYPE_WINDOW (cf_window_get_type ())

G_DECLARE_FINAL_TYPE (CfWindow, cf_window, CF, WINDOW, AdwApplicationWindow)

CfWindow *cf_window_new            (CfApplication *application);
void      cf_window_show_view      (CfWindow      *self,
                                    const char    *name);
void      cf_window_add_platform   (CfWindow      *self,
                                    const char    *choice);
void      cf_window_remove_account (CfWindow      *self,
                                    CfAccount     *account);

G_END_DECLS
