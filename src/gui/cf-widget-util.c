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
