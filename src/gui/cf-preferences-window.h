/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-account-list.h"

G_BEGIN_DECLS

#define CF_TYPE_PREFERENCES_WINDOW (cf_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, CF, PREFERENCES_WINDOW, AdwPreferencesWindow)

CfPreferencesWindow *cf_preferences_window_new (GtkWindow     *parent,
                                                CfAccountList *accounts,
                                                GSettings     *settings);

G_END_DECLS
