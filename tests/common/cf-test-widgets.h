/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Finding what a person sees in a window: widgets that are mapped. */
GPtrArray *cf_test_visible_widgets (GtkWidget  *root,
                                    GType       type);
GtkWidget *cf_test_first_visible   (GtkWidget  *root,
                                    GType       type);
guint      cf_test_count_visible   (GtkWidget  *root,
                                    GType       type);
gboolean   cf_test_shows_label     (GtkWidget  *root,
                                    const char *text);

G_END_DECLS
