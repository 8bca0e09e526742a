/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-update"

#include "config.h"

#include "cf-update.h"

/* A post from the creator; the body is withheld from non-backers when backers_only. */
struct _CfUpdate
{
  CfModel parent_instance;

  char *id;
  gint64 number;
  char *title;
  char *body;
  GDateTime *published_at;
  gboolean backers_only;
};

static const CfField fields[] = {
  { "id", NULL, CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfUpdate, id) },
  { "number", NULL, CF_FIELD_INT, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfUpdate, number) },
  { "title", NULL, CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfUpdate, title) },
  { "body", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE,
    G_STRUCT_OFFSET (CfUpdate, body) },
  { "published_at", NULL, CF_FIELD_TIME, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfUpdate, published_at) },
  { "backers_only", NULL, CF_FIELD_BOOLEAN, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfUpdate, backers_only) },
};

G_DEFINE_FINAL_TYPE (CfUpdate, cf_update, CF_TYPE_MODEL)

static void
cf_update_class_init (CfUpdateClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_update_init (CfUpdate *self)
{
}

CfUpdate *
cf_update_new_from_json (JsonNode  *node,
                         GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_UPDATE, node, error);
}

CF_MODEL_DEFINE_GETTER (CfUpdate, cf_update, CF_IS_UPDATE, const char *, id, , NULL)
CF_MODEL_DEFINE_GETTER (CfUpdate, cf_update, CF_IS_UPDATE, gint64, number, , -1)
CF_MODEL_DEFINE_GETTER (CfUpdate, cf_update, CF_IS_UPDATE, const char *, title, , NULL)
CF_MODEL_DEFINE_GETTER (CfUpdate, cf_update, CF_IS_UPDATE, const char *, body, , NULL)
CF_MODEL_DEFINE_GETTER (CfUpdate, cf_update, CF_IS_UPDATE, GDateTime *, published_at, , NULL)
CF_MODEL_DEFINE_GETTER (CfUpdate, cf_update, CF_IS_UPDATE, gboolean, backers_only, , FALSE)
