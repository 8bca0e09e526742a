/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-error-banner"

#include "config.h"

#include "cf-error-banner.h"
#include "cf-format.h"
#include "cf-widget-util.h"

/* What went wrong, over content that stays on screen, with the one way to
 * try again: the action named by “retry-action”. Where there is no content
 * to keep, pages show an AdwStatusPage instead. It shows and hides at once:
 * GTK 4.8's revealer gives its child a negative height at some widths. */
struct _CfErrorBanner
{
  GtkWidget parent_instance;

  GtkLabel *message_label;
  GtkButton *retry_button;
};

enum
{
  PROP_0,
  PROP_RETRY_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CfErrorBanner, cf_error_banner, GTK_TYPE_WIDGET)

static void
cf_error_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_ERROR_BANNER);
  cf_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (cf_error_banner_parent_class)->dispose (object);
}

static void
cf_error_banner_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CfErrorBanner *self = CF_ERROR_BANNER (object);

  switch (prop_id)
    {
    case PROP_RETRY_ACTION:
      g_value_set_string (value, gtk_actionable_get_action_name (GTK_ACTIONABLE (self->retry_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_error_banner_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CfErrorBanner *self = CF_ERROR_BANNER (object);

  switch (prop_id)
    {
    case PROP_RETRY_ACTION:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_error_banner_class_init (CfErrorBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_error_banner_dispose;
  object_class->get_property = cf_error_banner_get_property;
  object_class->set_property = cf_error_banner_set_property;

  properties[PROP_RETRY_ACTION] =
    g_param_spec_string ("retry-action", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-error-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, CfErrorBanner, message_label);
  gtk_widget_class_bind_template_child (widget_class, CfErrorBanner, retry_button);
}

static void
cf_error_banner_init (CfErrorBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
}

void
cf_error_banner_show (CfErrorBanner *self,
                      const char    *message)
{
  g_return_if_fail (CF_IS_ERROR_BANNER (self));

  gtk_label_set_label (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

void
cf_error_banner_hide (CfErrorBanner *self)
{
  g_return_if_fail (CF_IS_ERROR_BANNER (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Tells what @list shows that an account gave at an earlier visit, its
 * platform not answering now, the same way in every view that gathers
 * several platforms; hidden when @list shows no such items. */
void
cf_error_banner_show_kept (CfErrorBanner *self,
                           CfMergedList  *list,
                           gboolean       has_items)
{
  g_autofree char *kept = has_items ? cf_format_kept_sources (list) : NULL;

  if (kept != NULL)
    cf_error_banner_show (self, kept);
  else
    cf_error_banner_hide (self);
}
