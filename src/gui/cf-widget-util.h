/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void    cf_widget_unparent_children (GtkWidget  *widget);
GdkRGBA cf_widget_lookup_color      (GtkWidget  *widget,
                                     const char *name,
                                     const char *fallback);

G_END_DECLS
