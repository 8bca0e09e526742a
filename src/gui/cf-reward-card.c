/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-reward-card"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-locale.h"
#include "cf-reward-card.h"
#include "cf-widget-util.h"

/* One reward tier on a campaign page: what it costs, what it is, when it
 * comes, where it ships and how many are left. */
struct _CfRewardCard
{
  GtkWidget parent_instance;

  GtkLabel *approximate_label;
  GtkLabel *backers_label;
  GtkLabel *delivery_label;
  GtkLabel *description_label;
  GtkLabel *minimum_label;
  GtkLabel *remaining_label;
  GtkLabel *shipping_label;
  GtkLabel *shipping_cost_label;
  GtkLabel *title_label;

  CfReward *reward;
};

G_DEFINE_FINAL_TYPE (CfRewardCard, cf_reward_card, GTK_TYPE_WIDGET)

static char *
format_shipping (CfReward *reward)
{
  GListModel *rates = cf_reward_get_shipping_rates (reward);
  g_autoptr(GStrvBuilder) countries = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *joined = NULL;

  switch (cf_reward_get_shipping_type (reward))
    {
    case CF_SHIPPING_TYPE_NONE:
      return g_strdup (_("Nothing to ship"));
    case CF_SHIPPING_TYPE_ANYWHERE:
      return g_strdup (_("Ships anywhere in the world"));
    case CF_SHIPPING_TYPE_SOME_COUNTRIES:
    default:
      break;
    }

  for (guint i = 0; i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(CfShippingRate) rate = g_list_model_get_item (rates, i);

      if (cf_shipping_rate_covers (rate, "*"))
        return g_strdup (_("Ships anywhere in the world"));
      for (const char * const *code = (const char * const *) cf_shipping_rate_get_countries (rate); *code != NULL;
           code++)
        {
          g_autofree char *name = cf_locale_dup_country_name (*code);

          g_strv_builder_add (countries, name);
        }
    }

  list = g_strv_builder_end (countries);
  /* Translators: the list separator between country names. */
  joined = g_strjoinv (C_("list separator", ", "), list);
  /* Translators: %s is a list of countries, as in “Ships to Japan, France”. */
  return g_strdup_printf (_("Ships to %s"), joined);
}

/* What sending the reward to @country costs, when it is sent at all. */
static char *
format_shipping_cost (CfReward   *reward,
                      const char *country)
{
  g_autofree char *name = NULL;
  g_autofree char *amount = NULL;
  CfMoney cost;

  if (cf_reward_get_shipping_type (reward) == CF_SHIPPING_TYPE_NONE || country == NULL)
    return NULL;

  name = cf_locale_dup_country_name (country);
  if (!cf_reward_get_shipping_cost (reward, country, &cost))
    /* Translators: %s is the person's country, as in “Does not ship to Japan”. */
    return g_strdup_printf (_("Does not ship to %s"), name);
  if (cost.amount == 0)
    /* Translators: %s is the person's country, as in “Free shipping to Japan”. */
    return g_strdup_printf (_("Free shipping to %s"), name);
  amount = cf_money_format (&cost, NULL);
  /* Translators: the cost of sending the reward to the person's country,
   * as in “Shipping to Japan: ¥1,500”. */
  return g_strdup_printf (_("Shipping to %s: %s"), name, amount);
}

static void
cf_reward_card_dispose (GObject *object)
{
  g_clear_object (&CF_REWARD_CARD (object)->reward);
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_REWARD_CARD);
  cf_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (cf_reward_card_parent_class)->dispose (object);
}

static void
cf_reward_card_class_init (CfRewardCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_reward_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-reward-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CfRewardCard, approximate_label);
  gtk_widget_class_bind_template_child (widget_class, CfRewardCard, backers_label);
  gtk_widget_class_bind_template_child (widget_class, CfRewardCard, delivery_label);
  gtk_widget_class_bind_template_child (widget_class, CfRewardCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, CfRewardCard, minimum_label);
  gtk_widget_class_bind_template_child (widget_class, CfRewardCard, remaining_label);
  gtk_widget_class_bind_template_child (widget_class, CfRewardCard, shipping_label);
  gtk_widget_class_bind_template_child (widget_class, CfRewardCard, shipping_cost_label);
  gtk_widget_class_bind_template_child (widget_class, CfRewardCard, title_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cf_reward_card_init (CfRewardCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The minimum in the person's currency too, when it is another. */
static void
show_approximation (CfRewardCard    *self,
                    CfApproximation *approximation)
{
  g_autofree char *text = cf_approximation_dup_text (approximation, cf_reward_get_minimum (self->reward));

  gtk_label_set_label (self->approximate_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->approximate_label), text != NULL);
}

/* A card for @reward, its minimum approximated through @approximation,
 * and what shipping costs to @country (ISO 3166), if it is known. */
GtkWidget *
cf_reward_card_new (CfReward        *reward,
                    CfApproximation *approximation,
                    const char      *country)
{
  CfRewardCard *self = g_object_new (CF_TYPE_REWARD_CARD, NULL);
  g_autofree char *pledge = cf_format_reward_price (reward);
  g_autofree char *remaining = cf_format_reward_remaining (reward);
  g_autofree char *delivery = cf_format_delivery_month (cf_reward_get_estimated_delivery (reward));
  g_autofree char *shipping = format_shipping (reward);
  g_autofree char *shipping_cost = format_shipping_cost (reward, country);
  g_autofree char *backers = cf_format_reward_count (reward, NULL);
  g_autofree char *spoken = NULL;

  gtk_label_set_label (self->minimum_label, pledge);
  gtk_label_set_label (self->remaining_label, remaining);
  gtk_label_set_label (self->title_label, cf_reward_get_title (reward));
  gtk_label_set_label (self->description_label, cf_reward_get_description (reward));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), *cf_reward_get_description (reward) != '\0');
  gtk_label_set_label (self->delivery_label, delivery);
  gtk_label_set_label (self->shipping_label, shipping);
  gtk_label_set_label (self->shipping_cost_label, shipping_cost);
  gtk_widget_set_visible (GTK_WIDGET (self->shipping_cost_label), shipping_cost != NULL);
  gtk_label_set_label (self->backers_label, backers);
  gtk_widget_set_visible (GTK_WIDGET (self->backers_label), backers != NULL);
  self->reward = g_object_ref (reward);
  show_approximation (self, approximation);
  g_signal_connect_object (approximation, "changed", G_CALLBACK (show_approximation), self, G_CONNECT_SWAPPED);
  if (cf_reward_get_limit (reward) >= 0 && cf_reward_get_remaining (reward) <= 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->remaining_label), "error");

  /* Translators: what a screen reader says of a reward: title, minimum,
   * places left and backers, as in “Silver, Pledge ¥35,000 or more, 12 left of 50, 38 backers”. */
  spoken = g_strdup_printf (_("%s, %s, %s, %s"), cf_reward_get_title (reward), pledge, remaining, backers);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return GTK_WIDGET (self);
}
