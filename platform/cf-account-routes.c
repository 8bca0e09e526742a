/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-account-routes"

#include "config.h"

#include "cf-listing.h"
#include "cf-resources.h"
#include "cf-secrets.h"
#include "cf-server.h"

/* Signing in and out, the signed-in user, following and owned campaigns. */

#define ACCESS_TOKEN_SECONDS 3600
#define MAX_CREDENTIAL_BYTES 1024

typedef struct
{
  CfServer *server;
  CfDatabase *database;
  SoupServerMessage *message;
  gint64 user_id;
  char *username;
  char *address;
  char *password;
  char *stored_hash;
  char *new_hash;  /* when the stored one was made at a lower cost */
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_object_unref (sign_in->server);
  g_object_unref (sign_in->database);
  g_object_unref (sign_in->message);
  g_free (sign_in->username);
  g_free (sign_in->address);
  g_free (sign_in->password);
  g_free (sign_in->stored_hash);
  g_free (sign_in->new_hash);
  g_free (sign_in);
}

static gboolean
store_token (CfDatabase *database,
             const char *token,
             gint64      user_id,
             const char *kind,
             const char *refresh_token,
             gint64      expires_at)
{
  g_autofree char *hash = cf_secrets_hash_token (token);
  g_autofree char *refresh_hash = refresh_token ? cf_secrets_hash_token (refresh_token) : NULL;
  sqlite3_stmt *statement = cf_database_prepare (database,
    "INSERT INTO tokens (hash, user_id, kind, refresh_hash, expires_at) VALUES (?, ?, ?, ?, ?)");

  sqlite3_bind_text (statement, 1, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, user_id);
  sqlite3_bind_text (statement, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 4, refresh_hash, -1, SQLITE_TRANSIENT);
  if (expires_at > 0)
    sqlite3_bind_int64 (statement, 5, expires_at);
  return cf_database_write (database, statement, NULL);
}

/* A new access token for @user_id, with @refresh_token or a new one. */
static void
reply_tokens (CfRequest  *request,
              gint64      user_id,
              const char *refresh_token)
{
  g_autofree char *access_token = cf_secrets_new_token ();
  g_autofree char *new_refresh_token = refresh_token ? NULL : cf_secrets_new_token ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (refresh_token == NULL)
    refresh_token = new_refresh_token;

  /* A token handed out must be one the platform will know again. */
  if ((new_refresh_token != NULL &&
       !store_token (request->database, refresh_token, user_id, "refresh", NULL, 0)) ||
      !store_token (request->database, access_token, user_id, "access", refresh_token,
                    g_get_real_time () / G_USEC_PER_SEC + ACCESS_TOKEN_SECONDS))
    {
      cf_request_reply_internal_error (request);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, access_token);
  json_builder_set_member_name (builder, "refresh_token");
  json_builder_add_string_value (builder, refresh_token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, ACCESS_TOKEN_SECONDS);
  json_builder_end_object (builder);
  soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                "Cache-Control", "no-store");
  cf_request_reply_builder (request, SOUP_STATUS_OK, builder);
}

static void
reply_invalid_grant (CfRequest *request)
{
  cf_request_reply_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                          "The username, password or refresh token is not right.");
}

static void
verify_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  SignIn *sign_in = task_data;
  gboolean right;

  /* An unknown user's stand-in is made here too: the first costs a hash. */
  if (sign_in->stored_hash == NULL)
    sign_in->stored_hash = cf_secrets_unknown_user_hash ();
  right = cf_secrets_verify_password (sign_in->password, sign_in->stored_hash);
  if (right && cf_secrets_needs_rehash (sign_in->stored_hash))
    sign_in->new_hash = cf_secrets_hash_password (sign_in->password);
  g_task_return_boolean (task, right);
}

static void
store_new_hash (SignIn *sign_in)
{
  sqlite3_stmt *statement = cf_database_prepare (sign_in->database,
    "UPDATE users SET password_hash = ? WHERE id = ?");

  sqlite3_bind_text (statement, 1, sign_in->new_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, sign_in->user_id);
  if (cf_database_write (sign_in->database, statement, NULL))
    g_debug ("password of user %" G_GINT64_FORMAT " hashed again at today's cost", sign_in->user_id);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SignIn *sign_in = g_task_get_task_data (G_TASK (result));
  CfRequest request = {
    .server = sign_in->server,
    .database = sign_in->database,
    .message = sign_in->message,
    .method = "POST",
  };

  CfSignInThrottle *throttle = cf_server_get_sign_in_throttle (sign_in->server);

  /* The try was counted as a failure before the hash was checked. */
  if (g_task_propagate_boolean (G_TASK (result), NULL) && sign_in->user_id > 0)
    {
      cf_sign_in_throttle_succeeded (throttle, sign_in->username, sign_in->address);
      if (sign_in->new_hash != NULL)
        store_new_hash (sign_in);
      reply_tokens (&request, sign_in->user_id, NULL);
    }
  else
    reply_invalid_grant (&request);

  soup_server_message_unpause (sign_in->message);
}

/* The slow hash runs in a worker, so that signing in never holds up the
 * other requests. */
static void
sign_in_with_password (CfRequest  *request,
                       const char *username,
                       const char *password)
{
  SignIn *sign_in;
  sqlite3_stmt *statement;
  g_autoptr(GTask) task = NULL;
  g_autofree char *address = cf_server_dup_client_address (request->server, request->message);
  guint wait = cf_sign_in_throttle_begin (cf_server_get_sign_in_throttle (request->server), username, address);

  if (wait > 0)
    {
      g_autofree char *retry_after = g_strdup_printf ("%u", wait);

      soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                    "Retry-After", retry_after);
      cf_request_reply_error (request, 429, "too_many_attempts",
                              "Too many wrong passwords: wait a little before trying again.");
      return;
    }

  sign_in = g_new0 (SignIn, 1);
  statement = cf_database_prepare (request->database,
    "SELECT id, password_hash FROM users WHERE username = ? AND password_hash IS NOT NULL");
  sqlite3_bind_text (statement, 1, username, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    {
      sign_in->user_id = sqlite3_column_int64 (statement, 0);
      sign_in->stored_hash = g_strdup ((const char *) sqlite3_column_text (statement, 1));
    }

  sign_in->server = g_object_ref (request->server);
  sign_in->database = g_object_ref (request->database);
  sign_in->message = g_object_ref (request->message);
  sign_in->username = g_strdup (username);
  sign_in->address = g_steal_pointer (&address);
  sign_in->password = g_strdup (password);

  soup_server_message_pause (request->message);
  task = g_task_new (NULL, NULL, verified_cb, NULL);
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);
  g_task_run_in_thread (task, verify_in_thread);
}

static void
sign_in_with_refresh_token (CfRequest  *request,
                            const char *refresh_token)
{
  g_autofree char *hash = cf_secrets_hash_token (refresh_token);
  sqlite3_stmt *statement = cf_database_prepare (request->database,
    "SELECT user_id FROM tokens WHERE hash = ? AND kind = 'refresh'");

  sqlite3_bind_text (statement, 1, hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      reply_invalid_grant (request);
      return;
    }

  reply_tokens (request, sqlite3_column_int64 (statement, 0), refresh_token);
}

static void
create_token (CfRequest *request)
{
  static const char * const members[] = { "grant_type", "username", "password", "refresh_token", NULL };
  const char *grant_type, *username, *password, *refresh_token;

  if (request->body == NULL)
    {
      cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                    "grant_type", "missing");
      return;
    }

  if (!cf_request_check_members (request, members) ||
      !cf_request_body_text (request, "grant_type", 32, &grant_type) ||
      !cf_request_body_text (request, "username", MAX_CREDENTIAL_BYTES, &username) ||
      !cf_request_body_text (request, "password", MAX_CREDENTIAL_BYTES, &password) ||
      !cf_request_body_text (request, "refresh_token", MAX_CREDENTIAL_BYTES, &refresh_token))
    return;

  if (g_strcmp0 (grant_type, "password") == 0 && username != NULL && password != NULL)
    sign_in_with_password (request, username, password);
  else if (g_strcmp0 (grant_type, "refresh_token") == 0 && refresh_token != NULL)
    sign_in_with_refresh_token (request, refresh_token);
  else
    cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                  "grant_type", "unsupported_or_incomplete");
}

/* Signing out ends the whole sign-in: the refresh token and every access
 * token it gave. */
static void
revoke_token (CfRequest *request)
{
  g_autofree char *refresh_hash = NULL;
  sqlite3_stmt *statement;

  if (!cf_request_require_user (request))
    return;

  statement = cf_database_prepare (request->database, "SELECT refresh_hash FROM tokens WHERE hash = ?");
  sqlite3_bind_text (statement, 1, request->token_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    refresh_hash = g_strdup ((const char *) sqlite3_column_text (statement, 0));

  statement = cf_database_prepare (request->database,
    "DELETE FROM tokens WHERE hash = :hash OR refresh_hash = :refresh OR hash = :refresh");
  cf_listing_bind_text (statement, ":hash", request->token_hash);
  cf_listing_bind_text (statement, ":refresh", refresh_hash);
  if (cf_database_write (request->database, statement, NULL))
    cf_request_reply_empty (request);
  else
    cf_request_reply_internal_error (request);
}

static void
get_me (CfRequest *request)
{
  sqlite3_stmt *statement;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  static const char * const names[] = { "id", "username", "name", "country", "currency" };

  if (!cf_request_require_user (request))
    return;

  statement = cf_database_prepare (request->database,
    "SELECT id, username, name, country, currency FROM users WHERE id = ?");
  sqlite3_bind_int64 (statement, 1, request->user_id);
  sqlite3_step (statement);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      if (i == 0)
        json_builder_add_int_value (builder, sqlite3_column_int64 (statement, 0));
      else if (sqlite3_column_type (statement, i) == SQLITE_NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, (const char *) sqlite3_column_text (statement, i));
    }
  json_builder_end_object (builder);
  cf_request_reply_builder (request, SOUP_STATUS_OK, builder);
}

static void
bind_user (sqlite3_stmt *statement,
           gpointer      data)
{
  CfRequest *request = data;

  cf_listing_bind_int (statement, ":user", request->user_id);
}

static void
write_campaign (JsonBuilder  *builder,
                sqlite3_stmt *statement,
                gpointer      data)
{
  CfRequest *request = data;

  cf_resources_add_campaign (builder, statement, cf_server_get_base_url (request->server), FALSE, TRUE);
}

/* Followed campaigns, ending soonest first. */
static void
list_following (CfRequest *request)
{
  if (!cf_request_require_user (request))
    return;

  cf_listing_reply (request, &(CfListing) {
    CF_CAMPAIGN_COLUMNS, CF_CAMPAIGN_FROM " JOIN following w ON w.campaign_id = c.id",
    "w.user_id = :user", "c.deadline", "c.id", FALSE, TRUE, bind_user, write_campaign, request,
  });
}

static void
list_my_campaigns (CfRequest *request)
{
  if (!cf_request_require_user (request))
    return;

  cf_listing_reply (request, &(CfListing) {
    CF_CAMPAIGN_COLUMNS, CF_CAMPAIGN_FROM, "c.owner_id = :user", "c.id", "c.id", TRUE, TRUE,
    bind_user, write_campaign, request,
  });
}

static void
set_following (CfRequest *request)
{
  gboolean follow = g_str_equal (request->method, "PUT");
  gint64 campaign_id;
  sqlite3_stmt *statement;

  if (!cf_request_require_user (request) || (campaign_id = cf_request_param_id (request, 0)) < 0)
    return;

  if (cf_database_query_int (request->database, "SELECT id FROM campaigns WHERE id = ?", campaign_id) < 0)
    {
      cf_request_reply_error (request, SOUP_STATUS_NOT_FOUND, "not_found", "No such campaign.");
      return;
    }

  statement = cf_database_prepare (request->database, follow
    ? "INSERT OR IGNORE INTO following (user_id, campaign_id) VALUES (?, ?)"
    : "DELETE FROM following WHERE user_id = ? AND campaign_id = ?");
  sqlite3_bind_int64 (statement, 1, request->user_id);
  sqlite3_bind_int64 (statement, 2, campaign_id);
  if (cf_database_write (request->database, statement, NULL))
    cf_request_reply_empty (request);
  else
    cf_request_reply_internal_error (request);
}

const CfRoute cf_account_routes[] = {
  { "POST", "auth/token", create_token },
  { "DELETE", "auth/token", revoke_token },
  { "GET", "me", get_me },
  { "GET", "me/following", list_following },
  { "PUT", "me/following/*", set_following },
  { "DELETE", "me/following/*", set_following },
  { "GET", "me/campaigns", list_my_campaigns },
  { NULL, NULL, NULL },
};
