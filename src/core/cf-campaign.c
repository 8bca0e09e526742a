/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-campaign"

#include "config.h"

#include "cf-campaign.h"

/* A project asking for pledges; list pages leave out the description. */
struct _CfCampaign
{
  CfModel parent_instance;

  char *id;
  char *slug;
  char *title;
  char *blurb;
  char *description;
  char *creator_id;
  char *creator_name;
  char *category_id;
  char *category_slug;
  char *category_name;
  char *country;
  char *city;
  char *image_url;
  char *url;
  CfCampaignState state;
  CfMoney goal;
  CfMoney pledged;
  gint64 backers_count;
  GDateTime *launched_at;
  GDateTime *deadline;
  gint64 rewards_count;
  gint64 updates_count;
  gboolean following;
  CfGoalUnit goal_unit;        /* what the goal counts; money unless told */
  gint64 counted_goal;         /* a goal in pre-orders or members; -1 for money */
  gint64 counted;              /* pre-orders or members so far */
  gint64 next_counted_goal;    /* the next stretch goal in that unit, or -1 */
  CfMoney next_goal;           /* the next stretch goal in money, if any */
  CfGoalBasis goal_basis;      /* what “pledged” is, for a goal in money */
  CfMoney received;            /* all a collective ever received, beside its balance or budget */
  CfMoney monthly_income;      /* what its monthly contributions bring, where the platform tells it */
  gboolean figures_unknown;    /* a web page followed by its address: pledged and backers are not known */
  char *platform_name;         /* the platform its page is on, when it is not the account's */
};

static const CfField fields[] = {
  { "id", NULL, CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfCampaign, id) },
  { "slug", NULL, CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfCampaign, slug) },
  { "title", NULL, CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfCampaign, title) },
  { "blurb", NULL, CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfCampaign, blurb) },
  { "description", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfCampaign, description) },
  { "creator.id", "creator-id", CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfCampaign, creator_id) },
  { "creator.name", "creator-name", CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfCampaign, creator_name) },
  { "category.id", "category-id", CF_FIELD_ID, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL | CF_FIELD_INTERN,
    G_STRUCT_OFFSET (CfCampaign, category_id) },
  { "category.slug", "category-slug", CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL | CF_FIELD_INTERN,
    G_STRUCT_OFFSET (CfCampaign, category_slug) },
  { "category.name", "category-name", CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL | CF_FIELD_INTERN,
    G_STRUCT_OFFSET (CfCampaign, category_name) },
  { "location.country", "country", CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_INTERN,
    G_STRUCT_OFFSET (CfCampaign, country) },
  { "location.city", "city", CF_FIELD_STRING, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfCampaign, city) },
  { "image_url", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_WEB_ADDRESS,
    G_STRUCT_OFFSET (CfCampaign, image_url) },
  { "url", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL | CF_FIELD_WEB_ADDRESS,
    G_STRUCT_OFFSET (CfCampaign, url) },
  { "state", NULL, CF_FIELD_ENUM, CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, state), cf_campaign_state_get_type },
  { "goal", NULL, CF_FIELD_MONEY, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfCampaign, goal) },
  { "pledged", NULL, CF_FIELD_MONEY, CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, pledged) },
  { "backers_count", NULL, CF_FIELD_INT, CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, backers_count) },
  { "launched_at", NULL, CF_FIELD_TIME, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfCampaign, launched_at) },
  { "deadline", NULL, CF_FIELD_TIME, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfCampaign, deadline) },
  { "rewards_count", NULL, CF_FIELD_INT, CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfCampaign, rewards_count) },
  { "updates_count", NULL, CF_FIELD_INT, CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfCampaign, updates_count) },
  { "following", NULL, CF_FIELD_BOOLEAN, CF_FIELD_OPTIONAL | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, following) },
  { "counted.unit", "goal-unit", CF_FIELD_ENUM, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, goal_unit), cf_goal_unit_get_type },
  { "counted.goal", "counted-goal", CF_FIELD_INT, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, counted_goal) },
  { "counted.count", "counted", CF_FIELD_INT, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, counted) },
  { "counted.next_goal", "next-counted-goal", CF_FIELD_INT, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, next_counted_goal) },
  { "next_goal", "next-goal", CF_FIELD_MONEY, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, next_goal) },
  { "goal_basis", "goal-basis", CF_FIELD_ENUM, CF_FIELD_OPTIONAL | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, goal_basis), cf_goal_basis_get_type },
  { "received", NULL, CF_FIELD_MONEY, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE | CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfCampaign, received) },
  { "figures_unknown", "figures-unknown", CF_FIELD_BOOLEAN, CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfCampaign, figures_unknown) },
  { "platform_name", "platform-name", CF_FIELD_STRING, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfCampaign, platform_name) },
  { "monthly_income", "monthly-income", CF_FIELD_MONEY, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfCampaign, monthly_income) },
};

G_DEFINE_FINAL_TYPE (CfCampaign, cf_campaign, CF_TYPE_MODEL)

static void
cf_campaign_class_init (CfCampaignClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_campaign_init (CfCampaign *self)
{
}

CfCampaign *
cf_campaign_new_from_json (JsonNode  *node,
                           GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_CAMPAIGN, node, error);
}

CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, id, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, gboolean, figures_unknown, , FALSE)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, platform_name, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, slug, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, title, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, blurb, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, description, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, creator_id, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, creator_name, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, category_id, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, category_slug, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, category_name, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, country, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, city, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, image_url, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const char *, url, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, CfCampaignState, state, , 0)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const CfMoney *, goal, &, NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, const CfMoney *, pledged, &, NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, gint64, backers_count, , -1)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, GDateTime *, launched_at, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, GDateTime *, deadline, , NULL)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, gint64, rewards_count, , -1)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, gint64, updates_count, , -1)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, gboolean, following, , FALSE)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, CfGoalUnit, goal_unit, , CF_GOAL_UNIT_MONEY)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, gint64, counted_goal, , -1)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, gint64, counted, , -1)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, gint64, next_counted_goal, , -1)
CF_MODEL_DEFINE_GETTER (CfCampaign, cf_campaign, CF_IS_CAMPAIGN, CfGoalBasis, goal_basis, , CF_GOAL_BASIS_PLEDGED)

/* Whether the campaign has a goal: a collective funded for good may have
 * none, and then shows no progress at all. */
gboolean
cf_campaign_has_goal (CfCampaign *self)
{
  g_return_val_if_fail (CF_IS_CAMPAIGN (self), FALSE);

  if (self->goal_unit != CF_GOAL_UNIT_MONEY)
    return self->counted_goal > 0;
  return cf_money_is_valid (&self->goal) && self->goal.amount > 0;
}

/* What a collective's monthly contributions bring each month, or NULL. */
const CfMoney *
cf_campaign_get_monthly_income (CfCampaign *self)
{
  g_return_val_if_fail (CF_IS_CAMPAIGN (self), NULL);

  return cf_money_is_valid (&self->monthly_income) ? &self->monthly_income : NULL;
}

/* All a collective received, when “pledged” is its balance or budget; else NULL. */
const CfMoney *
cf_campaign_get_received (CfCampaign *self)
{
  g_return_val_if_fail (CF_IS_CAMPAIGN (self), NULL);

  return cf_money_is_valid (&self->received) ? &self->received : NULL;
}

/* The next stretch goal, or NULL when the platform names none. */
const CfMoney *
cf_campaign_get_next_goal (CfCampaign *self)
{
  g_return_val_if_fail (CF_IS_CAMPAIGN (self), NULL);

  return cf_money_is_valid (&self->next_goal) ? &self->next_goal : NULL;
}

/* How far a campaign is, in what its goal counts: 1.95 for 195 %. Against
 * its goal, or with @to_next_goal, past its goal, against the next
 * stretch goal while there is one, as platforms show progress. */
double
cf_campaign_get_progress (CfCampaign *self,
                          gboolean    to_next_goal)
{
  double reached, goal, next = -1;

  g_return_val_if_fail (CF_IS_CAMPAIGN (self), 0.0);

  if (self->goal_unit != CF_GOAL_UNIT_MONEY)
    {
      reached = self->counted;
      goal = self->counted_goal;
      next = self->next_counted_goal;
    }
  else
    {
      reached = self->pledged.amount;
      goal = self->goal.amount;
      if (cf_money_is_valid (&self->next_goal) && g_str_equal (self->next_goal.currency, self->pledged.currency))
        next = self->next_goal.amount;
    }
  if (to_next_goal && next > reached)
    goal = next;
  return goal > 0 && reached > 0 ? reached / goal : 0.0;
}
