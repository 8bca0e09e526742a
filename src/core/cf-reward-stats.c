/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-reward-stats"

#include "config.h"

#include "cf-reward-stats.h"

/* How one reward tier has sold. */
struct _CfRewardStats
{
  CfModel parent_instance;

  char *reward_id;
  gint64 backers_count;
  CfMoney pledged;
};

static const CfField fields[] = {
  { "reward_id", NULL, CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfRewardStats, reward_id) },
  { "backers_count", NULL, CF_FIELD_INT, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfRewardStats, backers_count) },
  { "pledged", NULL, CF_FIELD_MONEY, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfRewardStats, pledged) },
};

G_DEFINE_FINAL_TYPE (CfRewardStats, cf_reward_stats, CF_TYPE_MODEL)

static void
cf_reward_stats_class_init (CfRewardStatsClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_reward_stats_init (CfRewardStats *self)
{
}

CfRewardStats *
cf_reward_stats_new_from_json (JsonNode  *node,
                               GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_REWARD_STATS, node, error);
}

CF_MODEL_DEFINE_GETTER (CfRewardStats, cf_reward_stats, CF_IS_REWARD_STATS, const char *, reward_id, , NULL)
CF_MODEL_DEFINE_GETTER (CfRewardStats, cf_reward_stats, CF_IS_REWARD_STATS, gint64, backers_count, , -1)
CF_MODEL_DEFINE_GETTER (CfRewardStats, cf_reward_stats, CF_IS_REWARD_STATS, const CfMoney *, pledged, &, NULL)
