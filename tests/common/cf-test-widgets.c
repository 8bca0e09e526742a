/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-test-widgets.h"

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* The widgets of @type that are on screen under @root. */
GPtrArray *
cf_test_visible_widgets (GtkWidget *root,
                         GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

GtkWidget *
cf_test_first_visible (GtkWidget *root,
                       GType      type)
{
  g_autoptr(GPtrArray) found = cf_test_visible_widgets (root, type);

  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

guint
cf_test_count_visible (GtkWidget *root,
                       GType      type)
{
  g_autoptr(GPtrArray) found = cf_test_visible_widgets (root, type);

  return found->len;
}

gboolean
cf_test_shows_label (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) labels = cf_test_visible_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}
