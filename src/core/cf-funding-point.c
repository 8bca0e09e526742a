/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-funding-point"

#include "config.h"

#include "cf-funding-point.h"

/* The cumulative totals of a campaign at one moment. */
struct _CfFundingPoint
{
  CfModel parent_instance;

  GDateTime *at;
  CfMoney pledged;
  gint64 backers_count;
};

static const CfField fields[] = {
  { "at", NULL, CF_FIELD_TIME, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfFundingPoint, at) },
  { "pledged", NULL, CF_FIELD_MONEY, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfFundingPoint, pledged) },
  { "backers_count", NULL, CF_FIELD_INT, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfFundingPoint, backers_count) },
};

G_DEFINE_FINAL_TYPE (CfFundingPoint, cf_funding_point, CF_TYPE_MODEL)

static void
cf_funding_point_class_init (CfFundingPointClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_funding_point_init (CfFundingPoint *self)
{
}

CfFundingPoint *
cf_funding_point_new_from_json (JsonNode  *node,
                                GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_FUNDING_POINT, node, error);
}

CF_MODEL_DEFINE_GETTER (CfFundingPoint, cf_funding_point, CF_IS_FUNDING_POINT, GDateTime *, at, , NULL)
CF_MODEL_DEFINE_GETTER (CfFundingPoint, cf_funding_point, CF_IS_FUNDING_POINT, const CfMoney *, pledged, &, NULL)
CF_MODEL_DEFINE_GETTER (CfFundingPoint, cf_funding_point, CF_IS_FUNDING_POINT, gint64, backers_count, , -1)
