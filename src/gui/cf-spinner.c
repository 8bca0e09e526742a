/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-spinner"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-spinner.h"

/* How long something may take before the spinner shows it is awaited: what
 * arrives sooner does not flash one. */
#define APPEAR_DELAY_MS 500
#define SIZE 16  /* as GTK's own, unless a template asks for more */
#define TURN_USEC G_USEC_PER_SEC

/* That something is awaited, drawn as a ring with a quarter of it turning.
 *
 * It costs nothing until it is seen: it turns only while it is spinning and
 * mapped — a spinner on a hidden page asks for no frame — and it is seen only
 * once it has turned for APPEAR_DELAY_MS. It draws itself rather than
 * turning Adwaita's spinner icon, which exists only in SVG: loading that
 * brings librsvg and libxml2, some 7 MB of the app's memory. */
struct _CfSpinner
{
  GtkWidget parent_instance;

  gboolean spinning;
  gboolean seen;
  guint appear_source;
  guint tick_callback;
};

enum {
  PROP_0,
  PROP_SPINNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CfSpinner, cf_spinner, GTK_TYPE_WIDGET)

static gboolean
turn_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static gboolean
appear_cb (gpointer user_data)
{
  CfSpinner *self = user_data;

  self->appear_source = 0;
  self->seen = TRUE;
  self->tick_callback = gtk_widget_add_tick_callback (GTK_WIDGET (self), turn_cb, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Waits to appear while spinning and mapped; otherwise hides and stops. */
static void
update (CfSpinner *self)
{
  gboolean turning = self->spinning && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (turning && (self->seen || self->appear_source != 0))
    return;

  g_clear_handle_id (&self->appear_source, g_source_remove);
  if (self->tick_callback != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_callback);
      self->tick_callback = 0;
    }
  if (self->seen)
    {
      self->seen = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (turning)
    self->appear_source = g_timeout_add (APPEAR_DELAY_MS, appear_cb, self);
}

static void
cf_spinner_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  CfSpinner *self = CF_SPINNER (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float size = MIN (width, height);
  float line = MAX (1.5f, size / 8);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (-size / 2, -size / 2, size, size);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);
  gint64 now = frame_clock ? gdk_frame_clock_get_frame_time (frame_clock) : 0;
  const float widths[4] = { line, line, line, line };
  GskRoundedRect ring;
  GdkRGBA color, transparent = { 0 }, track;

  if (!self->seen || size <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  track = color;
  track.alpha *= 0.15;
  gsk_rounded_rect_init_from_rect (&ring, &bounds, size / 2);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2, height / 2));
  gtk_snapshot_append_border (snapshot, &ring, widths, (const GdkRGBA[4]) { track, track, track, track });
  /* The top side of the ring's border, a quarter of it, turned once a second. */
  gtk_snapshot_rotate (snapshot, 360.f * (now % TURN_USEC) / TURN_USEC);
  gtk_snapshot_append_border (snapshot, &ring, widths,
                              (const GdkRGBA[4]) { color, transparent, transparent, transparent });
  gtk_snapshot_restore (snapshot);
}

static void
cf_spinner_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static void
cf_spinner_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cf_spinner_parent_class)->map (widget);
  update (CF_SPINNER (widget));
}

static void
cf_spinner_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cf_spinner_parent_class)->unmap (widget);
  update (CF_SPINNER (widget));
}

static void
cf_spinner_dispose (GObject *object)
{
  g_clear_handle_id (&CF_SPINNER (object)->appear_source, g_source_remove);

  G_OBJECT_CLASS (cf_spinner_parent_class)->dispose (object);
}

static void
cf_spinner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SPINNING:
      g_value_set_boolean (value, CF_SPINNER (object)->spinning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_spinner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SPINNING:
      cf_spinner_set_spinning (CF_SPINNER (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_spinner_class_init (CfSpinnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_spinner_dispose;
  object_class->get_property = cf_spinner_get_property;
  object_class->set_property = cf_spinner_set_property;
  widget_class->snapshot = cf_spinner_snapshot;
  widget_class->measure = cf_spinner_measure;
  widget_class->map = cf_spinner_map;
  widget_class->unmap = cf_spinner_unmap;

  properties[PROP_SPINNING] =
    g_param_spec_boolean ("spinning", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "loadingspinner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
cf_spinner_init (CfSpinner *self)
{
  /* Translators: what a spinner is called by screen readers while something is awaited. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Loading"), -1);
}

void
cf_spinner_set_spinning (CfSpinner *self,
                         gboolean   spinning)
{
  g_return_if_fail (CF_IS_SPINNER (self));

  spinning = !!spinning;
  if (self->spinning == spinning)
    return;

  self->spinning = spinning;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, spinning, -1);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPINNING]);
}

gboolean
cf_spinner_get_spinning (CfSpinner *self)
{
  g_return_val_if_fail (CF_IS_SPINNER (self), FALSE);

  return self->spinning;
}
