/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-widget-util.h"

/* For the dispose of a widget whose template children have no id: they
 * are its own to unparent. */
void
cf_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* A named colour of the current style (“accent_color”), which follows the
 * dark and high-contrast styles; @fallback when the style has none. */
GdkRGBA
cf_widget_lookup_color (GtkWidget  *widget,
                        const char *name,
                        const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (context, name, &color))
    gdk_rgba_parse (&color, fallback);

  return color;
}
