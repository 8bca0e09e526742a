/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-stats"

#include "config.h"

#include "cf-stats.h"

/* A campaign's totals, its funding over time and, for its owner, per reward. */
struct _CfStats
{
  CfModel parent_instance;

  CfMoney pledged;
  gint64 backers_count;
  GListModel *funding;
  GListModel *rewards;
  CfMoney next_goal;  /* the next stretch goal, where the platform has one */
  CfGoalUnit goal_unit;
  gint64 counted;            /* pre-orders or members, for a goal that counts them; else -1 */
  gint64 counted_goal;       /* that goal, or -1 */
  gint64 next_counted_goal;  /* the next stretch goal in that unit, or -1 */
};

static const CfField fields[] = {
  { "pledged", NULL, CF_FIELD_MONEY, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfStats, pledged) },
  { "backers_count", NULL, CF_FIELD_INT, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfStats, backers_count) },
  { "funding", NULL, CF_FIELD_LIST, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfStats, funding), cf_funding_point_get_type },
  { "rewards", NULL, CF_FIELD_LIST, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfStats, rewards), cf_reward_stats_get_type },
  { "next_goal", NULL, CF_FIELD_MONEY, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfStats, next_goal) },
  { "counted.unit", "goal-unit", CF_FIELD_ENUM, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfStats, goal_unit), cf_goal_unit_get_type },
  { "counted.count", "counted", CF_FIELD_INT, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfStats, counted) },
  { "counted.goal", "counted-goal", CF_FIELD_INT, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfStats, counted_goal) },
  { "counted.next_goal", "next-counted-goal", CF_FIELD_INT, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfStats, next_counted_goal) },
};

G_DEFINE_FINAL_TYPE (CfStats, cf_stats, CF_TYPE_MODEL)

static void
cf_stats_class_init (CfStatsClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_stats_init (CfStats *self)
{
}

CfStats *
cf_stats_new_from_json (JsonNode  *node,
                        GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_STATS, node, error);
}

CF_MODEL_DEFINE_GETTER (CfStats, cf_stats, CF_IS_STATS, const CfMoney *, pledged, &, NULL)
CF_MODEL_DEFINE_GETTER (CfStats, cf_stats, CF_IS_STATS, gint64, backers_count, , -1)
CF_MODEL_DEFINE_GETTER (CfStats, cf_stats, CF_IS_STATS, GListModel *, funding, , NULL)
CF_MODEL_DEFINE_GETTER (CfStats, cf_stats, CF_IS_STATS, GListModel *, rewards, , NULL)
CF_MODEL_DEFINE_GETTER (CfStats, cf_stats, CF_IS_STATS, CfGoalUnit, goal_unit, , CF_GOAL_UNIT_MONEY)
CF_MODEL_DEFINE_GETTER (CfStats, cf_stats, CF_IS_STATS, gint64, counted, , -1)
CF_MODEL_DEFINE_GETTER (CfStats, cf_stats, CF_IS_STATS, gint64, counted_goal, , -1)
CF_MODEL_DEFINE_GETTER (CfStats, cf_stats, CF_IS_STATS, gint64, next_counted_goal, , -1)

/* The next stretch goal, or NULL. */
const CfMoney *
cf_stats_get_next_goal (CfStats *self)
{
  g_return_val_if_fail (CF_IS_STATS (self), NULL);

  return cf_money_is_valid (&self->next_goal) ? &self->next_goal : NULL;
}
