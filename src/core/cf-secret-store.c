/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-secret-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "cf-platform-kind.h"
#include "cf-secret-store.h"

/* The tokens of each account, in the system keyring and nowhere else. An
 * item is found by the kind of platform, the platform's choice (its address,
 * or the kind's id) and the username; its secret is the credentials as JSON. */
struct _CfSecretStore
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (CfSecretStore, cf_secret_store, G_TYPE_OBJECT)

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    "com.example.Crowdfund.Token", SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "platform", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static const char *
kind_of (const char *choice)
{
  const CfPlatformKind *kind = cf_platform_kind_for_choice (choice);

  return kind != NULL ? kind->id : "";
}

static char *
credentials_to_json (CfCredentials *credentials)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *refresh_token = cf_credentials_get_refresh_token (credentials);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, cf_credentials_get_access_token (credentials));
  json_builder_set_member_name (builder, "refresh_token");
  if (refresh_token != NULL)
    json_builder_add_string_value (builder, refresh_token);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, cf_credentials_get_token_type (credentials));
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, cf_credentials_get_expires_in (credentials));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  CfCredentials *credentials;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (secret == NULL)
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, NULL, NULL);
      return;
    }

  node = json_from_string (secret, NULL);
  secret_password_free (secret);
  credentials = node ? cf_credentials_new_from_json (node, NULL) : NULL;
  if (credentials == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("The saved sign-in could not be read. Sign in again."));
  else
    g_task_return_pointer (task, credentials, g_object_unref);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
cf_secret_store_class_init (CfSecretStoreClass *klass)
{
}

static void
cf_secret_store_init (CfSecretStore *self)
{
}

CfSecretStore *
cf_secret_store_new (void)
{
  return g_object_new (CF_TYPE_SECRET_STORE, NULL);
}

void
cf_secret_store_store_async (CfSecretStore       *self,
                             const char          *choice,
                             const char          *username,
                             CfCredentials       *credentials,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *secret = credentials_to_json (credentials);
  /* Translators: the name of a keyring item, as Passwords and Keys shows it.
   * The first %s is a username, the second the address of a platform. */
  g_autofree char *label = g_strdup_printf (_("Crowdfund sign-in for %s on %s"),
                                            username, choice);

  g_task_set_source_tag (task, cf_secret_store_store_async);
  secret_password_store (token_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, stored_cb, task,
                         "kind", kind_of (choice), "platform", choice, "username", username, NULL);
}

gboolean
cf_secret_store_store_finish (CfSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_secret_store_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
cf_secret_store_lookup_async (CfSecretStore       *self,
                              const char          *choice,
                              const char          *username,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, cf_secret_store_lookup_async);
  secret_password_lookup (token_schema (), cancellable, looked_up_cb, task,
                          "kind", kind_of (choice), "platform", choice, "username", username, NULL);
}

/* The saved credentials, or NULL without an error when there are none. */
CfCredentials *
cf_secret_store_lookup_finish (CfSecretStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_secret_store_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cf_secret_store_clear_async (CfSecretStore       *self,
                             const char          *choice,
                             const char          *username,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, cf_secret_store_clear_async);
  secret_password_clear (token_schema (), cancellable, cleared_cb, task,
                         "kind", kind_of (choice), "platform", choice, "username", username, NULL);
}

gboolean
cf_secret_store_clear_finish (CfSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_secret_store_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
