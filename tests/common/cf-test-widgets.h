/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

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
gboolean   cf_test_shows_label_starting (GtkWidget *root,
                                         gpointer   prefix);

gboolean   cf_test_shows_label_containing (GtkWidget *root,
                                           gpointer   text);
gboolean   cf_test_shows_row       (GtkWidget  *root,
                                    gpointer    title);
gboolean   cf_test_shows_dialog    (GtkWidget  *root,
                                    gpointer    heading);
typedef gboolean (*CfTestCondition) (GtkWidget *root,
                                     gpointer   data);

void       cf_test_wait_until      (GtkWidget       *root,
                                    CfTestCondition  condition,
                                    gpointer         data,
                                    const char      *what);
void       cf_test_wait_until_laid_out (GtkWidget  *widget);
void       cf_test_render_to_png   (GtkWidget       *widget,
                                    const char      *name);
GtkWidget *cf_test_row_titled      (GtkWidget       *root,
                                    GType            type,
                                    const char      *title);
GtkWidget *cf_test_button_labelled (GtkWidget       *root,
                                    const char      *label);
GtkWidget *cf_test_find_window     (GType            type);

G_END_DECLS
