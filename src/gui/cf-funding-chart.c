/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-funding-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-funding-chart.h"
#include "cf-locale.h"
#include "cf-widget-util.h"

#define MARGIN_LEFT    12.0
#define MARGIN_TOP     16.0
#define MARGIN_BOTTOM  28.0
#define LABEL_GAP      8.0
#define DAY_US         (24 * G_TIME_SPAN_HOUR)

/* Money pledged over time: the cumulative total as a line over a soft
 * area, the goal as a dashed line, the axes in the locale's money and
 * dates. Hovering or moving along it with the arrow keys shows a point. */
struct _CfFundingChart
{
  GtkWidget parent_instance;

  GArray *points;  /* CfLivePoint */
  CfMoney goal;
  char *locale;
  int selected;    /* the point shown, or -1 */
};

G_DEFINE_FINAL_TYPE (CfFundingChart, cf_funding_chart, GTK_TYPE_WIDGET)

typedef struct
{
  double left, top, width, height;  /* the plot, inside the axes' labels */
  gint64 start, end;                /* time across it, µs */
  gint64 top_amount;                /* money at its top */
  gint64 step;                      /* between the amounts on its axis */
  gboolean rtl;                     /* time runs leftwards, amounts on the right */
} Frame;

static char *
format_amount (CfFundingChart *self,
               gint64          amount)
{
  CfMoney money = self->goal;

  money.amount = amount;
  return cf_money_format (&money, self->locale);
}

static char *
format_moment (gint64   at,
               gboolean with_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (at / G_USEC_PER_SEC);

  /* Translators: a day and time on the funding chart, see strftime(3). */
  return cf_format_date (time, with_time ? C_("chart point", "%-d %b, %H:%M")
                                         /* Translators: a day on the funding chart's axis. */
                                         : C_("chart axis", "%-d %b"));
}

static gboolean
compute_frame (CfFundingChart *self,
               Frame          *frame,
               double          label_width)
{
  const CfLivePoint *first, *last;
  gint64 highest;

  if (self->points->len == 0)
    return FALSE;

  first = &g_array_index (self->points, CfLivePoint, 0);
  last = &g_array_index (self->points, CfLivePoint, self->points->len - 1);
  highest = MAX (last->pledged, self->goal.amount);
  for (guint i = 0; i < self->points->len; i++)
    highest = MAX (highest, g_array_index (self->points, CfLivePoint, i).pledged);

  /* Read as the language reads: in Arabic, time runs from the right, and
   * the amounts stand on the right where a line starts. */
  frame->rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  frame->left = frame->rtl ? MARGIN_LEFT : MARGIN_LEFT + label_width + LABEL_GAP;
  frame->top = MARGIN_TOP;
  frame->width = gtk_widget_get_width (GTK_WIDGET (self)) - label_width - LABEL_GAP - 2 * MARGIN_LEFT;
  frame->height = gtk_widget_get_height (GTK_WIDGET (self)) - MARGIN_TOP - MARGIN_BOTTOM;
  /* The axis ends at the last reading, never in the future; an hour at
   * least, so that a few readings do not fill it. */
  frame->end = last->at;
  frame->start = MIN (first->at, last->at - G_TIME_SPAN_HOUR);
  /* Four steps of a round amount, a tenth of room above the highest. */
  frame->step = cf_format_round_step ((highest + highest / 10 + 3) / 4);
  frame->top_amount = frame->step * 4;
  return frame->width > 20 && frame->height > 20;
}

static double
x_of (const Frame *frame,
      gint64       at)
{
  double along = (double) (at - frame->start) / (double) (frame->end - frame->start);

  return frame->left + frame->width * (frame->rtl ? 1.0 - along : along);
}

static double
y_of (const Frame *frame,
      gint64       amount)
{
  return frame->top + frame->height * (1.0 - (double) amount / (double) frame->top_amount);
}

static void
draw_text (GtkWidget     *widget,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           double         x_align,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * x_align, y - height / 2.0);
  gdk_cairo_set_source_rgba (cr, color);
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static void
draw_axes (CfFundingChart *self,
           cairo_t        *cr,
           const Frame    *frame,
           const GdkRGBA  *foreground)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA dim = *foreground, faint = *foreground;
  gboolean with_time = frame->end - frame->start < 2 * DAY_US;
  g_autofree char *start = format_moment (frame->start, with_time);
  g_autofree char *end = format_moment (frame->end, with_time);

  dim.alpha *= 0.55;
  faint.alpha *= 0.12;
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= 4; i++)
    {
      gint64 amount = frame->step * i;
      double y = round (y_of (frame, amount)) + 0.5;
      g_autofree char *label = format_amount (self, amount);

      gdk_cairo_set_source_rgba (cr, &faint);
      cairo_move_to (cr, frame->left, y);
      cairo_line_to (cr, frame->left + frame->width, y);
      cairo_stroke (cr);
      if (frame->rtl)
        draw_text (widget, cr, label, frame->left + frame->width + LABEL_GAP, y, 0.0, &dim);
      else
        draw_text (widget, cr, label, frame->left - LABEL_GAP, y, 1.0, &dim);
    }

  draw_text (widget, cr, start, x_of (frame, frame->start), frame->top + frame->height + MARGIN_BOTTOM / 2,
             frame->rtl ? 1.0 : 0.0, &dim);
  draw_text (widget, cr, end, x_of (frame, frame->end), frame->top + frame->height + MARGIN_BOTTOM / 2,
             frame->rtl ? 0.0 : 1.0, &dim);
}

static void
draw_goal (CfFundingChart *self,
           cairo_t        *cr,
           const Frame    *frame)
{
  GdkRGBA success = cf_widget_lookup_color (GTK_WIDGET (self), "success_color", "#26a269");
  double dashes[] = { 6, 4 };
  double y = round (y_of (frame, self->goal.amount)) + 0.5;

  if (self->goal.amount <= 0)
    return;

  gdk_cairo_set_source_rgba (cr, &success);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, frame->left, y);
  cairo_line_to (cr, frame->left + frame->width, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  /* Translators: the label of the goal's line on the funding chart. */
  if (frame->rtl)
    draw_text (GTK_WIDGET (self), cr, C_("chart", "Goal"), frame->left + frame->width - 6, y - 10, 1.0, &success);
  else
    draw_text (GTK_WIDGET (self), cr, C_("chart", "Goal"), frame->left + 6, y - 10, 0.0, &success);
}

static void
draw_line (CfFundingChart *self,
           cairo_t        *cr,
           const Frame    *frame)
{
  GdkRGBA accent = cf_widget_lookup_color (GTK_WIDGET (self), "accent_color", "#1c71d8");
  GdkRGBA area = accent;
  const CfLivePoint *last;

  cairo_new_path (cr);
  for (guint i = 0; i < self->points->len; i++)
    {
      const CfLivePoint *point = &g_array_index (self->points, CfLivePoint, i);

      cairo_line_to (cr, x_of (frame, point->at), y_of (frame, point->pledged));
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 2.5);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_stroke_preserve (cr);

  cairo_line_to (cr, x_of (frame, g_array_index (self->points, CfLivePoint, self->points->len - 1).at),
                 frame->top + frame->height);
  cairo_line_to (cr, x_of (frame, g_array_index (self->points, CfLivePoint, 0).at), frame->top + frame->height);
  cairo_close_path (cr);
  area.alpha *= 0.15;
  gdk_cairo_set_source_rgba (cr, &area);
  cairo_fill (cr);

  /* The latest reading, a point even when it is the only one. */
  last = &g_array_index (self->points, CfLivePoint, self->points->len - 1);
  cairo_arc (cr, x_of (frame, last->at), y_of (frame, last->pledged), 3.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_fill (cr);
}

/* The selected point as the chart shows it: money pledged by then, and when. */
static char *
dup_selected_label (CfFundingChart *self)
{
  const CfLivePoint *point = &g_array_index (self->points, CfLivePoint, self->selected);
  g_autofree char *amount = format_amount (self, point->pledged);
  g_autofree char *moment = format_moment (point->at, TRUE);

  /* Translators: a point of the funding chart: money pledged by then, and when. */
  return g_strdup_printf (C_("chart point", "%s · %s"), amount, moment);
}

static void
draw_selected (CfFundingChart *self,
               cairo_t        *cr,
               const Frame    *frame,
               const GdkRGBA  *foreground)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const CfLivePoint *point;
  GdkRGBA accent = cf_widget_lookup_color (widget, "accent_color", "#1c71d8");
  GdkRGBA card = cf_widget_lookup_color (widget, "card_bg_color", "#ffffff");
  g_autofree char *label = NULL;
  double x, y, width;

  if (self->selected < 0 || (guint) self->selected >= self->points->len)
    return;

  point = &g_array_index (self->points, CfLivePoint, self->selected);
  x = x_of (frame, point->at);
  y = y_of (frame, point->pledged);
  cairo_arc (cr, x, y, 5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_fill (cr);

  label = dup_selected_label (self);
  width = text_width (widget, label) + 16;
  x = CLAMP (x - width / 2, frame->left, frame->left + frame->width - width);
  y = MAX (y - 34, 0);
  cairo_rectangle (cr, x, y, width, 24);
  gdk_cairo_set_source_rgba (cr, &card);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  draw_text (widget, cr, label, x + 8, y + 12, 0.0, foreground);
}

static double
widest_amount_label (CfFundingChart *self)
{
  g_autofree char *label = NULL;
  gint64 highest = self->goal.amount;

  for (guint i = 0; i < self->points->len; i++)
    highest = MAX (highest, g_array_index (self->points, CfLivePoint, i).pledged);
  label = format_amount (self, highest + highest / 10);
  return text_width (GTK_WIDGET (self), label);
}

static void
cf_funding_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CfFundingChart *self = CF_FUNDING_CHART (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  GdkRGBA foreground;
  cairo_t *cr;
  Frame frame;

  if (!compute_frame (self, &frame, widest_amount_label (self)))
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  draw_axes (self, cr, &frame, &foreground);
  draw_goal (self, cr, &frame);
  draw_line (self, cr, &frame);
  draw_selected (self, cr, &frame, &foreground);
  cairo_destroy (cr);
}

/* What a screen reader says of the chart: where it ends and how it went,
 * or the point chosen on it. */
static void
describe (CfFundingChart *self)
{
  g_autofree char *description = NULL;
  const CfLivePoint *first, *last;
  g_autofree char *total = NULL;
  g_autofree char *since = NULL;
  g_autofree char *start = NULL;

  if (self->points->len == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  /* Moving along the chart with the arrow keys, the point reached. */
  if (self->selected >= 0)
    {
      description = dup_selected_label (self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      return;
    }

  first = &g_array_index (self->points, CfLivePoint, 0);
  last = &g_array_index (self->points, CfLivePoint, self->points->len - 1);
  total = format_amount (self, last->pledged);
  since = format_amount (self, last->pledged - first->pledged);
  start = format_moment (first->at, TRUE);
  /* Translators: the funding chart for screen readers: the total now, how much
   * it rose and since when, as in “¥1,200,000 pledged, up ¥300,000 since 3 Mar, 10:00”. */
  description = g_strdup_printf (_("%s pledged, up %s since %s"), total, since, start);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
select_point (CfFundingChart *self,
              int             index)
{
  if (self->points->len == 0)
    index = -1;
  else if (index >= 0)
    index = MIN (index, (int) self->points->len - 1);

  if (self->selected == index)
    return;

  self->selected = index;
  describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CfFundingChart           *self)
{
  Frame frame;
  int nearest = -1;
  double best = G_MAXDOUBLE;

  if (!compute_frame (self, &frame, widest_amount_label (self)))
    return;

  for (guint i = 0; i < self->points->len; i++)
    {
      double distance = fabs (x_of (&frame, g_array_index (self->points, CfLivePoint, i).at) - x);

      if (distance < best)
        {
          best = distance;
          nearest = i;
        }
    }
  select_point (self, nearest);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          CfFundingChart           *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    select_point (self, -1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CfFundingChart        *self)
{
  int last = (int) self->points->len - 1;
  /* The arrow pointing back in time: left, or right where time runs leftwards. */
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  guint earlier = rtl ? GDK_KEY_Right : GDK_KEY_Left;
  guint later = rtl ? GDK_KEY_Left : GDK_KEY_Right;

  if (keyval == GDK_KEY_KP_Left || keyval == GDK_KEY_KP_Right)
    keyval = keyval == GDK_KEY_KP_Left ? GDK_KEY_Left : GDK_KEY_Right;
  if (keyval == earlier)
    {
      select_point (self, self->selected < 0 ? last : MAX (self->selected - 1, 0));
      return TRUE;
    }
  if (keyval == later)
    {
      select_point (self, self->selected < 0 ? last : self->selected + 1);
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_Home:
      select_point (self, 0);
      return TRUE;
    case GDK_KEY_End:
      select_point (self, last);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A click on the chart gives it the keyboard, for the arrow keys. */
static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            CfFundingChart  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
focus_left_cb (GtkEventControllerFocus *controller,
               CfFundingChart          *self)
{
  select_point (self, -1);
}

static void
cf_funding_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 240;
}

static void
cf_funding_chart_finalize (GObject *object)
{
  CfFundingChart *self = CF_FUNDING_CHART (object);

  g_array_unref (self->points);
  g_free (self->locale);

  G_OBJECT_CLASS (cf_funding_chart_parent_class)->finalize (object);
}

static void
cf_funding_chart_class_init (CfFundingChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cf_funding_chart_finalize;
  widget_class->snapshot = cf_funding_chart_snapshot;
  widget_class->measure = cf_funding_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "fundingchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cf_funding_chart_init (CfFundingChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->points = g_array_new (FALSE, FALSE, sizeof (CfLivePoint));
  self->locale = cf_locale_dup_default ();
  self->selected = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left_cb), self);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Funding over time"), -1);
}

GtkWidget *
cf_funding_chart_new (void)
{
  return g_object_new (CF_TYPE_FUNDING_CHART, NULL);
}

/* Shows @points (CfLivePoint, oldest first) against @goal. */
void
cf_funding_chart_set_data (CfFundingChart *self,
                           GArray         *points,
                           const CfMoney  *goal)
{
  g_return_if_fail (CF_IS_FUNDING_CHART (self));

  g_array_set_size (self->points, points->len);
  if (points->len > 0)
    memcpy (self->points->data, points->data, points->len * sizeof (CfLivePoint));
  self->goal = *goal;
  if (self->selected >= (int) self->points->len)
    self->selected = -1;
  describe (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
