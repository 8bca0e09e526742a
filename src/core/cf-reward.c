/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-reward"

#include "config.h"

#include <string.h>

#include "cf-reward.h"

/* A reward tier of a campaign, with its limit and shipping rules. */
struct _CfReward
{
  CfModel parent_instance;

  char *id;
  char *title;
  char *description;
  CfMoney minimum;
  gint64 limit;
  gint64 remaining;
  gint64 backers_count;  /* -1 where the platform counts rewards taken instead */
  gint64 taken;          /* how many were taken, where a backer may take several; else -1 */
  CfPledgeFrequency frequency;  /* a monthly or yearly tier is paid every month or year */
  gboolean fixed_amount;        /* the minimum is the price itself: nothing more may be given */
  GDateTime *ends_at;           /* when it stops being offered, or NULL */
  char *estimated_delivery;
  gboolean available;
  CfShippingType shipping_type;
  GListModel *shipping_rates;
};

static const CfField fields[] = {
  { "id", NULL, CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfReward, id) },
  { "title", NULL, CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfReward, title) },
  { "description", NULL, CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfReward, description) },
  { "minimum", NULL, CF_FIELD_MONEY, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfReward, minimum) },
  { "limit", NULL, CF_FIELD_INT, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfReward, limit) },
  { "remaining", NULL, CF_FIELD_INT, CF_FIELD_NULLABLE | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfReward, remaining) },
  { "backers_count", NULL, CF_FIELD_INT, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfReward, backers_count) },
  { "taken", NULL, CF_FIELD_INT, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfReward, taken) },
  { "frequency", NULL, CF_FIELD_ENUM, CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfReward, frequency), cf_pledge_frequency_get_type },
  { "fixed_amount", "fixed-amount", CF_FIELD_BOOLEAN, CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfReward, fixed_amount) },
  { "ends_at", "ends-at", CF_FIELD_TIME, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfReward, ends_at) },
  { "estimated_delivery", NULL, CF_FIELD_MONTH, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfReward, estimated_delivery) },
  { "available", NULL, CF_FIELD_BOOLEAN, CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfReward, available) },
  { "shipping.type", "shipping-type", CF_FIELD_ENUM, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfReward, shipping_type), cf_shipping_type_get_type },
  { "shipping.rates", "shipping-rates", CF_FIELD_LIST, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfReward, shipping_rates), cf_shipping_rate_get_type },
};

G_DEFINE_FINAL_TYPE (CfReward, cf_reward, CF_TYPE_MODEL)

static void
cf_reward_class_init (CfRewardClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_reward_init (CfReward *self)
{
}

CfReward *
cf_reward_new_from_json (JsonNode  *node,
                         GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_REWARD, node, error);
}

CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, const char *, id, , NULL)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, const char *, title, , NULL)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, const char *, description, , NULL)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, const CfMoney *, minimum, &, NULL)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, gint64, limit, , -1)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, gint64, remaining, , -1)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, gint64, backers_count, , -1)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, gint64, taken, , -1)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, CfPledgeFrequency, frequency, , CF_PLEDGE_FREQUENCY_ONCE)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, gboolean, fixed_amount, , FALSE)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, GDateTime *, ends_at, , NULL)

/* How much of the reward's limit is used: rewards taken where the platform
 * counts them, else its backers. */
gint64
cf_reward_get_claimed (CfReward *self)
{
  g_return_val_if_fail (CF_IS_REWARD (self), -1);

  return self->taken >= 0 ? self->taken : self->backers_count;
}
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, const char *, estimated_delivery, , NULL)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, gboolean, available, , FALSE)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, CfShippingType, shipping_type, , 0)
CF_MODEL_DEFINE_GETTER (CfReward, cf_reward, CF_IS_REWARD, GListModel *, shipping_rates, , NULL)

/* What shipping to @country costs, preferring a rate that names the country
 * over the "*" one; FALSE when the reward does not ship there. A reward with
 * nothing to ship costs nothing to send anywhere. */
gboolean
cf_reward_get_shipping_cost (CfReward   *self,
                             const char *country,
                             CfMoney    *cost)
{
  g_autoptr(CfShippingRate) fallback = NULL;
  guint n_rates;

  g_return_val_if_fail (CF_IS_REWARD (self), FALSE);

  *cost = (CfMoney) { 0 };
  memcpy (cost->currency, self->minimum.currency, sizeof cost->currency);
  if (self->shipping_type == CF_SHIPPING_TYPE_NONE)
    return TRUE;

  n_rates = g_list_model_get_n_items (self->shipping_rates);
  for (guint i = 0; i < n_rates; i++)
    {
      g_autoptr(CfShippingRate) rate = g_list_model_get_item (self->shipping_rates, i);

      if (country != NULL && cf_shipping_rate_covers (rate, country))
        {
          *cost = *cf_shipping_rate_get_cost (rate);
          return TRUE;
        }
      if (fallback == NULL && cf_shipping_rate_covers (rate, "*"))
        fallback = g_steal_pointer (&rate);
    }

  if (fallback != NULL)
    *cost = *cf_shipping_rate_get_cost (fallback);

  return fallback != NULL;
}

/* The ISO 3166 codes of the countries the reward ships to: every country
 * when a rate covers "*", none when nothing is shipped. */
GStrv
cf_reward_dup_destinations (CfReward           *self,
                            const char * const *all_countries)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_rates;

  g_return_val_if_fail (CF_IS_REWARD (self), NULL);

  n_rates = self->shipping_type == CF_SHIPPING_TYPE_NONE ? 0 : g_list_model_get_n_items (self->shipping_rates);
  for (guint i = 0; i < n_rates; i++)
    {
      g_autoptr(CfShippingRate) rate = g_list_model_get_item (self->shipping_rates, i);
      const char * const *countries = cf_shipping_rate_get_countries (rate);

      if (cf_shipping_rate_covers (rate, "*"))
        return g_strdupv ((char **) all_countries);
      for (guint j = 0; countries[j] != NULL; j++)
        g_strv_builder_add (builder, countries[j]);
    }

  return g_strv_builder_end (builder);
}
