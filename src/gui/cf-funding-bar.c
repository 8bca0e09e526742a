/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-funding-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-funding-bar.h"
#include "cf-widget-util.h"

#define BAR_HEIGHT 8

/* How far a campaign is to its goal. Past 100 % the bar stays full and a
 * second stripe grows over it for each further goal: wena's 195 % shows a
 * full bar with a stripe nearly across. */
struct _CfFundingBar
{
  GtkWidget parent_instance;

  double fraction;
};

enum {
  PROP_0,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CfFundingBar, cf_funding_bar, GTK_TYPE_WIDGET)

static void
append_bar (GtkSnapshot   *snapshot,
            const GdkRGBA *color,
            float          x,
            float          y,
            float          width,
            float          height)
{
  GskRoundedRect rect;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, width, height);

  gsk_rounded_rect_init_from_rect (&rect, &bounds, height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

static void
cf_funding_bar_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CfFundingBar *self = CF_FUNDING_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float y = (height - BAR_HEIGHT) / 2;
  GdkRGBA track, fill, beyond;
  double excess;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &track);
  track.alpha *= 0.15;
  fill = cf_widget_lookup_color (widget, "accent_bg_color", "#3584e4");
  beyond = cf_widget_lookup_color (widget, "success_color", "#26a269");

  /* Filling from where the language starts a line: from the right in Arabic. */
  gtk_snapshot_save (snapshot);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    {
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width, 0));
      gtk_snapshot_scale (snapshot, -1, 1);
    }
  append_bar (snapshot, &track, 0, y, width, BAR_HEIGHT);
  if (self->fraction > 0)
    append_bar (snapshot, &fill, 0, y, width * MIN (self->fraction, 1.0), BAR_HEIGHT);

  excess = self->fraction - 1.0;
  if (excess > 0)
    append_bar (snapshot, &beyond, 0, y + BAR_HEIGHT / 4.0,
                width * (excess >= 1.0 ? 1.0 : excess), BAR_HEIGHT / 2.0);
  gtk_snapshot_restore (snapshot);
}

static void
cf_funding_bar_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 48 : BAR_HEIGHT;
}

static void
cf_funding_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, CF_FUNDING_BAR (object)->fraction);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_funding_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_FRACTION:
      cf_funding_bar_set_fraction (CF_FUNDING_BAR (object), g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_funding_bar_class_init (CfFundingBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cf_funding_bar_get_property;
  object_class->set_property = cf_funding_bar_set_property;
  widget_class->snapshot = cf_funding_bar_snapshot;
  widget_class->measure = cf_funding_bar_measure;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fundingbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
cf_funding_bar_init (CfFundingBar *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "funding-bar");
  /* Translators: what a campaign's progress bar is called by screen readers; its value says how far. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Funding"), -1);
}

GtkWidget *
cf_funding_bar_new (void)
{
  return g_object_new (CF_TYPE_FUNDING_BAR, NULL);
}

void
cf_funding_bar_set_fraction (CfFundingBar *self,
                             double        fraction)
{
  g_autofree char *percent = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CF_IS_FUNDING_BAR (self));

  fraction = MAX (fraction, 0.0);
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  percent = cf_format_percent (fraction, NULL);
  /* Translators: %s is a percentage, as in “195 % funded”. */
  text = g_strdup_printf (_("%s funded"), percent);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, MAX (100.0, fraction * 100),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, fraction * 100,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

double
cf_funding_bar_get_fraction (CfFundingBar *self)
{
  g_return_val_if_fail (CF_IS_FUNDING_BAR (self), 0.0);

  return self->fraction;
}
