/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-credentials"

#include "config.h"

#include "cf-credentials.h"

/* The tokens a sign-in gives: secrets, kept only in memory and the keyring. */
struct _CfCredentials
{
  CfModel parent_instance;

  char *access_token;
  char *refresh_token;
  char *token_type;
  gint64 expires_in;
};

static const CfField fields[] = {
  /* Tokens go back to the platform in a header, whatever it sent. */
  { "access_token", NULL, CF_FIELD_STRING, CF_FIELD_HEADER_VALUE,
    G_STRUCT_OFFSET (CfCredentials, access_token) },
  { "refresh_token", NULL, CF_FIELD_STRING, CF_FIELD_NULLABLE | CF_FIELD_OPTIONAL | CF_FIELD_HEADER_VALUE,
    G_STRUCT_OFFSET (CfCredentials, refresh_token) },
  { "token_type", NULL, CF_FIELD_STRING, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfCredentials, token_type) },
  { "expires_in", NULL, CF_FIELD_INT, CF_FIELD_REQUIRED,
    G_STRUCT_OFFSET (CfCredentials, expires_in) },
};

G_DEFINE_FINAL_TYPE (CfCredentials, cf_credentials, CF_TYPE_MODEL)

static void
cf_credentials_class_init (CfCredentialsClass *klass)
{
  cf_model_class_install_fields (CF_MODEL_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
cf_credentials_init (CfCredentials *self)
{
}

CfCredentials *
cf_credentials_new_from_json (JsonNode  *node,
                              GError   **error)
{
  return cf_model_new_from_json (CF_TYPE_CREDENTIALS, node, error);
}

/* Credentials that are a key copied from the platform's website (an API
 * key, a personal token), sent as @token_type: they do not expire and
 * have nothing to renew them with. */
CfCredentials *
cf_credentials_new_for_key (const char *key,
                            const char *token_type)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, key);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, token_type);
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, 0);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return cf_credentials_new_from_json (root, NULL);
}

CF_MODEL_DEFINE_GETTER (CfCredentials, cf_credentials, CF_IS_CREDENTIALS, const char *, access_token, , NULL)
CF_MODEL_DEFINE_GETTER (CfCredentials, cf_credentials, CF_IS_CREDENTIALS, const char *, refresh_token, , NULL)
CF_MODEL_DEFINE_GETTER (CfCredentials, cf_credentials, CF_IS_CREDENTIALS, const char *, token_type, , NULL)
CF_MODEL_DEFINE_GETTER (CfCredentials, cf_credentials, CF_IS_CREDENTIALS, gint64, expires_in, , -1)
