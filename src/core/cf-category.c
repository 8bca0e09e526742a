/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-category"

#include "config.h"

#include "cf-category.h"

/* A kind of campaign: games, design, technology. */
struct _CfCategory
{
  CfModel parent_instance;

  char *id;
  char *slug;
  char *name;
};

static const CfField fields[] = {
  { "id", NULL, CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfCategory, id) },
  { "slug", NULL, CF_FIELD_STRING, CF_FIELD_INTERN,
    G_STRUCT_OFFSET (CfCategory, slug) },
  { "name", NULL, CF_FIELD_STRING, CF_FIELD_INTERN,
    G_STRUCT_OFFSET (CfCategory, name) },
};

G_DEFINE_FINAL_TYPE (CfCategory, cf_category, CF_TYPE_MODEL)

static void
cf_category_class_init (CfCategoryClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_category_init (CfCategory *self)
{
}

CfCategory *
cf_category_new_from_json (JsonNode  *node,
                           GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_CATEGORY, node, error);
}

CF_MODEL_DEFINE_GETTER (CfCategory, cf_category, CF_IS_CATEGORY, const char *, id, , NULL)
CF_MODEL_DEFINE_GETTER (CfCategory, cf_category, CF_IS_CATEGORY, const char *, slug, , NULL)
CF_MODEL_DEFINE_GETTER (CfCategory, cf_category, CF_IS_CATEGORY, const char *, name, , NULL)
