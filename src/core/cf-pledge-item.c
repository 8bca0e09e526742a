/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledge-item"

#include "config.h"

#include "cf-pledge-item.h"

/* One reward of a pledge that holds several, as orders on some platforms
 * do: which reward, and how many of it. */
struct _CfPledgeItem
{
  CfModel parent_instance;

  char *reward_id;
  char *reward_title;
  gint64 quantity;
};

static const CfField fields[] = {
  { "reward.id", "reward-id", CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledgeItem, reward_id) },
  { "reward.title", "reward-title", CF_FIELD_STRING, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfPledgeItem, reward_title) },
  { "quantity", NULL, CF_FIELD_INT, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledgeItem, quantity) },
};

G_DEFINE_FINAL_TYPE (CfPledgeItem, cf_pledge_item, CF_TYPE_MODEL)

static void
cf_pledge_item_class_init (CfPledgeItemClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_pledge_item_init (CfPledgeItem *self)
{
}

CF_MODEL_DEFINE_GETTER (CfPledgeItem, cf_pledge_item, CF_IS_PLEDGE_ITEM, const char *, reward_id, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledgeItem, cf_pledge_item, CF_IS_PLEDGE_ITEM, const char *, reward_title, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledgeItem, cf_pledge_item, CF_IS_PLEDGE_ITEM, gint64, quantity, , 0)
