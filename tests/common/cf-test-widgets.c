/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib-unix.h>
#include <signal.h>

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
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}

/* Whether a label under @root shows a text that starts with @prefix. */
gboolean
cf_test_shows_label_starting (GtkWidget *root,
                              gpointer   prefix)
{
  g_autoptr(GPtrArray) labels = cf_test_visible_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), prefix))
      return TRUE;
  return FALSE;
}

/* Whether @root shows a label with @text in it, a CfTestCondition. */
gboolean
cf_test_shows_label_containing (GtkWidget *root,
                                gpointer   text)
{
  g_autoptr(GPtrArray) labels = cf_test_visible_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether a message dialog headed @heading (or any, when NULL) is shown, a
 * CfTestCondition whatever @root. */
gboolean
cf_test_shows_dialog (GtkWidget *root,
                      gpointer   heading)
{
  GList *windows = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = windows; l != NULL; l = l->next)
    found |= ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
             (heading == NULL || g_strcmp0 (adw_message_dialog_get_heading (l->data), heading) == 0);
  g_list_free (windows);
  return found;
}

static gboolean
stopped_while_waiting_cb (gpointer what)
{
  g_error ("stopped while waiting until %s", (const char *) what);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds for @root, looking again after
 * each round of it and at least every 2 ms for what changes outside this
 * process. There is no time limit of its own: a busy machine is slow, not wrong. When
 * the test runner's limit stops the test, the log says what it waited for. */
void
cf_test_wait_until (GtkWidget       *root,
                    CfTestCondition  condition,
                    gpointer         data,
                    const char      *what)
{
  guint stopped = g_unix_signal_add (SIGTERM, stopped_while_waiting_cb, (gpointer) what);

  while (!condition (root, data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_source_remove (stopped);
}

static void
note_cb (gboolean *noted)
{
  *noted = TRUE;
}

/* Runs the main loop until @widget's window paints a frame that had
 * nothing left to measure or lay out: what it shows has its final size. */
void
cf_test_wait_until_laid_out (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean laid_out = TRUE;

  g_assert_nonnull (clock);
  while (laid_out)
    {
      gboolean painted = FALSE;
      gulong layout = g_signal_connect_swapped (clock, "layout", G_CALLBACK (note_cb), &laid_out);
      gulong paint = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (note_cb), &painted);

      laid_out = FALSE;
      gtk_widget_queue_draw (widget);
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, layout);
      g_signal_handler_disconnect (clock, paint);
    }
}

static gboolean
is_laid_out (GtkWidget *widget,
             gpointer   data)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

/* Renders @widget to NAME.png in the test's build folder, for a person to
 * look at. */
void
cf_test_render_to_png (GtkWidget  *widget,
                       const char *name)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GdkRGBA background;

  /* A window paints nothing of itself through a paintable: its content does. */
  if (ADW_IS_APPLICATION_WINDOW (widget))
    widget = adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget));
  else if (ADW_IS_WINDOW (widget))
    widget = adw_window_get_content (ADW_WINDOW (widget));
  cf_test_wait_until (widget, is_laid_out, NULL, "the window is laid out");
  for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  paintable = gtk_widget_paintable_new (widget);

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color", &background))
    gdk_rgba_parse (&background, "#fafafa");
  gtk_snapshot_append_color (snapshot, &background,
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s", path);
}

static GtkWidget *
find_row_titled (GtkWidget  *root,
                 GType       type,
                 const char *title)
{
  g_autoptr(GPtrArray) rows = cf_test_visible_widgets (root, type);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title))
      return rows->pdata[i];
  return NULL;
}

/* The visible preferences row of @type titled @title under @root, which
 * must be there. */
GtkWidget *
cf_test_row_titled (GtkWidget  *root,
                    GType       type,
                    const char *title)
{
  GtkWidget *row = find_row_titled (root, type, title);

  if (row == NULL)
    g_error ("no row “%s”", title);
  return row;
}

/* Whether @root shows an action row titled @title, a CfTestCondition. */
gboolean
cf_test_shows_row (GtkWidget *root,
                   gpointer   title)
{
  return find_row_titled (root, ADW_TYPE_ACTION_ROW, title) != NULL;
}

/* The visible button under @root that shows @label. */
GtkWidget *
cf_test_button_labelled (GtkWidget  *root,
                         const char *label)
{
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (cf_test_shows_label (buttons->pdata[i], label))
      return buttons->pdata[i];
  g_error ("no button “%s”", label);
}

/* The open window of @type, or NULL. */
GtkWidget *
cf_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (toplevel), type) && gtk_widget_get_visible (toplevel))
        return toplevel;
    }

  return NULL;
}
