/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-user"

#include "config.h"

#include "cf-user.h"

/* The signed-in person, as the platform knows them. */
struct _CfUser
{
  CfModel parent_instance;

  char *id;
  char *username;
  char *name;
  char *country;
  char *currency;
};

static const CfField fields[] = {
  { "id", NULL, CF_FIELD_ID, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfUser, id) },
  { "username", NULL, CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfUser, username) },
  { "name", NULL, CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfUser, name) },
  { "country", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfUser, country) },
  { "currency", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL,
    G_STRUCT_OFFSET (CfUser, currency) },
};

G_DEFINE_FINAL_TYPE (CfUser, cf_user, CF_TYPE_MODEL)

static void
cf_user_class_init (CfUserClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_user_init (CfUser *self)
{
}

CfUser *
cf_user_new_from_json (JsonNode  *node,
                       GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_USER, node, error);
}

CF_MODEL_DEFINE_GETTER (CfUser, cf_user, CF_IS_USER, const char *, id, , NULL)
CF_MODEL_DEFINE_GETTER (CfUser, cf_user, CF_IS_USER, const char *, username, , NULL)
CF_MODEL_DEFINE_GETTER (CfUser, cf_user, CF_IS_USER, const char *, name, , NULL)
CF_MODEL_DEFINE_GETTER (CfUser, cf_user, CF_IS_USER, const char *, country, , NULL)
CF_MODEL_DEFINE_GETTER (CfUser, cf_user, CF_IS_USER, const char *, currency, , NULL)
