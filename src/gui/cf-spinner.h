/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CF_TYPE_SPINNER (cf_spinner_get_type ())

G_DECLARE_FINAL_TYPE (CfSpinner, cf_spinner, CF, SPINNER, GtkWidget)

void       cf_spinner_set_spinning (CfSpinner *self,
                                    gboolean   spinning);
gboolean   cf_spinner_get_spinning (CfSpinner *self);

G_END_DECLS
