/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-fulfillment"

#include "config.h"

#include "cf-fulfillment.h"

/* Where the delivery of a pledge's reward stands. */
struct _CfFulfillment
{
  CfModel parent_instance;

  CfFulfillmentStatus status;
  char *tracking_number;
  char *carrier;
  char *tracking_url;
  GDateTime *shipped_at;
  char *estimated_delivery;
};

static const CfField fields[] = {
  { "status", NULL, CF_FIELD_ENUM, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfFulfillment, status), cf_fulfillment_status_get_type },
  { "tracking_number", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfFulfillment, tracking_number) },
  { "carrier", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfFulfillment, carrier) },
  { "tracking_url", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_WEB_ADDRESS,
    G_STRUCT_OFFSET (CfFulfillment, tracking_url) },
  { "shipped_at", NULL, CF_FIELD_TIME, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfFulfillment, shipped_at) },
  { "estimated_delivery", NULL, CF_FIELD_MONTH, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfFulfillment, estimated_delivery) },
};

G_DEFINE_FINAL_TYPE (CfFulfillment, cf_fulfillment, CF_TYPE_MODEL)

static void
cf_fulfillment_class_init (CfFulfillmentClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_fulfillment_init (CfFulfillment *self)
{
}

CfFulfillment *
cf_fulfillment_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_FULFILLMENT, node, error);
}

CF_MODEL_DEFINE_GETTER (CfFulfillment, cf_fulfillment, CF_IS_FULFILLMENT, CfFulfillmentStatus, status, , 0)
CF_MODEL_DEFINE_GETTER (CfFulfillment, cf_fulfillment, CF_IS_FULFILLMENT, const char *, tracking_number, , NULL)
CF_MODEL_DEFINE_GETTER (CfFulfillment, cf_fulfillment, CF_IS_FULFILLMENT, const char *, carrier, , NULL)
CF_MODEL_DEFINE_GETTER (CfFulfillment, cf_fulfillment, CF_IS_FULFILLMENT, const char *, tracking_url, , NULL)
CF_MODEL_DEFINE_GETTER (CfFulfillment, cf_fulfillment, CF_IS_FULFILLMENT, GDateTime *, shipped_at, , NULL)
CF_MODEL_DEFINE_GETTER (CfFulfillment, cf_fulfillment, CF_IS_FULFILLMENT, const char *, estimated_delivery, , NULL)
