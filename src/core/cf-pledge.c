/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledge"

#include "config.h"

#include "cf-pledge.h"

/* A backer's pledge to a campaign: the campaign and reward come as summaries,
 * and creators listing their backers also get the backer. */
struct _CfPledge
{
  CfModel parent_instance;

  char *id;
  char *campaign_id;
  char *campaign_slug;
  char *campaign_title;
  CfCampaignState campaign_state;
  char *campaign_image_url;
  GDateTime *campaign_deadline;
  char *reward_id;
  char *reward_title;
  GListModel *items;      /* CfPledgeItem, when the pledge holds several rewards or several of one; or NULL */
  char *backer_id;
  char *backer_name;
  CfMoney amount;
  CfMoney bonus;
  CfMoney shipping;
  char *shipping_country;
  char *address;
  CfPledgeStatus status;
  char *platform_status;  /* the platform's own word, when ours is coarser */
  char *status_detail;    /* what the status means there, in a sentence of the person's language */
  char *url;              /* the pledge on the platform's website, where it has a page */
  char *updates_url;      /* the campaign's updates on the platform's website, where known */
  gint64 sequence;
  GDateTime *pledged_at;
  GDateTime *address_lock_at;
  CfFulfillment *fulfillment;
  gboolean received;
  GStrv actions;
  CfPledgeFrequency frequency;
  GDateTime *next_charge_at;  /* a recurring contribution's next payment, or NULL */
  gboolean kept_by_hand;      /* made where the app cannot read it, and kept by the backer */
};

static const CfField fields[] = {
  { "id", NULL, CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, id) },
  { "campaign.id", "campaign-id", CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, campaign_id) },
  { "campaign.slug", "campaign-slug", CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, campaign_slug) },
  { "campaign.title", "campaign-title", CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, campaign_title) },
  { "campaign.state", "campaign-state", CF_FIELD_ENUM, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, campaign_state), cf_campaign_state_get_type },
  { "campaign.image_url", "campaign-image-url", CF_FIELD_STRING, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfPledge, campaign_image_url) },
  { "campaign.deadline", "campaign-deadline", CF_FIELD_TIME, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfPledge, campaign_deadline) },
  { "reward.id", "reward-id", CF_FIELD_ID, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfPledge, reward_id) },
  { "reward.title", "reward-title", CF_FIELD_STRING, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfPledge, reward_title) },
  { "items", NULL, CF_FIELD_LIST, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfPledge, items), cf_pledge_item_get_type },
  { "backer.id", "backer-id", CF_FIELD_ID, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfPledge, backer_id) },
  { "backer.name", "backer-name", CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfPledge, backer_name) },
  { "amount", NULL, CF_FIELD_MONEY, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, amount) },
  { "bonus", NULL, CF_FIELD_MONEY, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, bonus) },
  { "shipping", NULL, CF_FIELD_MONEY, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, shipping) },
  { "shipping_country", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfPledge, shipping_country) },
  { "address", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfPledge, address) },
  { "status", NULL, CF_FIELD_ENUM, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, status), cf_pledge_status_get_type },
  { "platform_status", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfPledge, platform_status) },
  { "status_detail", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfPledge, status_detail) },
  { "url", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL | CF_FIELD_WEB_ADDRESS,
    G_STRUCT_OFFSET (CfPledge, url) },
  { "updates_url", "updates-url", CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL | CF_FIELD_WEB_ADDRESS,
    G_STRUCT_OFFSET (CfPledge, updates_url) },
  { "sequence", NULL, CF_FIELD_INT, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, sequence) },
  { "pledged_at", NULL, CF_FIELD_TIME, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, pledged_at) },
  { "address_lock_at", NULL, CF_FIELD_TIME, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfPledge, address_lock_at) },
  { "fulfillment", NULL, CF_FIELD_OBJECT, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, fulfillment), cf_fulfillment_get_type },
  { "received", NULL, CF_FIELD_BOOLEAN, CF_FIELD_WRITABLE,
    G_STRUCT_OFFSET (CfPledge, received) },
  { "actions", NULL, CF_FIELD_STRV, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfPledge, actions) },
  { "frequency", NULL, CF_FIELD_ENUM, CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfPledge, frequency), cf_pledge_frequency_get_type },
  { "next_charge_at", "next-charge-at", CF_FIELD_TIME, CF_FIELD_OPTIONAL | CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfPledge, next_charge_at) },
  { "kept_by_hand", "kept-by-hand", CF_FIELD_BOOLEAN, CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfPledge, kept_by_hand) },
};

G_DEFINE_FINAL_TYPE (CfPledge, cf_pledge, CF_TYPE_MODEL)

static void
cf_pledge_class_init (CfPledgeClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_pledge_init (CfPledge *self)
{
}

CfPledge *
cf_pledge_new_from_json (JsonNode  *node,
                         GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_PLEDGE, node, error);
}

CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, id, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, campaign_id, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, campaign_slug, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, campaign_title, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, CfCampaignState, campaign_state, , 0)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, campaign_image_url, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, GDateTime *, campaign_deadline, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, reward_id, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, reward_title, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, GListModel *, items, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, backer_id, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, backer_name, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const CfMoney *, amount, &, NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const CfMoney *, bonus, &, NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const CfMoney *, shipping, &, NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, shipping_country, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, address, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, CfPledgeStatus, status, , 0)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, platform_status, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, status_detail, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, url, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char *, updates_url, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, gint64, sequence, , -1)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, GDateTime *, pledged_at, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, GDateTime *, address_lock_at, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, CfFulfillment *, fulfillment, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, gboolean, received, , FALSE)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, const char * const *, actions, (const char * const *), NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, CfPledgeFrequency, frequency, , CF_PLEDGE_FREQUENCY_ONCE)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, GDateTime *, next_charge_at, , NULL)
CF_MODEL_DEFINE_GETTER (CfPledge, cf_pledge, CF_IS_PLEDGE, gboolean, kept_by_hand, , FALSE)

/* Whether the pledge still stands: pledged, collected, or waiting for its
 * payment to be fixed; a paused contribution waits for the backer. */
gboolean
cf_pledge_is_active (CfPledge *self)
{
  g_return_val_if_fail (CF_IS_PLEDGE (self), FALSE);

  return self->status == CF_PLEDGE_STATUS_PLEDGED || self->status == CF_PLEDGE_STATUS_COLLECTED ||
         self->status == CF_PLEDGE_STATUS_ERRORED;
}

/* Whether the backer can say the reward arrived: once it has been sent
 * (or they said so already, to take it back), never for a pledge whose
 * payment failed. */
gboolean
cf_pledge_can_be_received (CfPledge *self)
{
  CfFulfillmentStatus delivery;

  g_return_val_if_fail (CF_IS_PLEDGE (self), FALSE);

  delivery = cf_fulfillment_get_status (cf_pledge_get_fulfillment (self));
  return self->reward_id != NULL && (self->status == CF_PLEDGE_STATUS_PLEDGED ||
                                     self->status == CF_PLEDGE_STATUS_COLLECTED) &&
         (self->received || delivery == CF_FULFILLMENT_STATUS_SHIPPED || delivery == CF_FULFILLMENT_STATUS_DELIVERED);
}
