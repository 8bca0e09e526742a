/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-account"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-account.h"
#include "cf-platform-kind.h"
#include "cf-saved-list.h"

/* A person's account on one platform. Signing in trades the password for
 * tokens, which go to the keyring and nowhere else; the next start finds
 * them there. Tokens the platform renews are stored again; tokens it
 * refuses to renew end the session. */
struct _CfAccount
{
  GObject parent_instance;

  CfPlatform *platform;
  CfSecretStore *secret_store;
  char *choice;        /* how the settings and the keyring know the platform */
  char *label;         /* what the person calls the platform */
  char *username;      /* while signed in */
  CfUser *user;        /* once the platform said who that is */
  GError *error;       /* why the account is signed out, if not by choice */
  GHashTable *following;  /* campaign id → followed, as changed since loaded */
  GHashTable *followed;   /* ids of the campaigns followed, once a list of them came */
  CfLiveFeed *live_feed;
  char *kept_folder;   /* while signed in: what its campaigns last showed */
  guint busy;
  guint person_actions;  /* sign-ins and sign-outs started: a sign-back-in they overtake changes nothing */
  gboolean for_this_run_only;  /* given on the command line, not added by the person */
};

G_DEFINE_FINAL_TYPE (CfAccount, cf_account, G_TYPE_OBJECT)

G_DEFINE_QUARK (cf-account-error-quark, cf_account_error)

enum
{
  FOLLOWING_CHANGED,
  FOLLOWED_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_USER,
  PROP_SIGNED_IN,
  PROP_BUSY,
  PROP_ERROR,
  PROP_LABEL,
  PROP_FOR_THIS_RUN_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Someone else, or nobody, is signed in: what was known they follow goes. */
static void
forget_following (CfAccount *self)
{
  g_hash_table_remove_all (self->following);
  g_clear_pointer (&self->followed, g_hash_table_unref);
}

static void
notify_state (CfAccount *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_busy (CfAccount *self,
          gboolean   busy)
{
  self->busy += busy ? 1 : -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
forget (CfAccount *self,
        GError    *error)
{
  g_clear_pointer (&self->username, g_free);
  g_clear_object (&self->user);
  g_clear_error (&self->error);
  self->error = error;
  cf_platform_set_credentials (self->platform, NULL);
  forget_following (self);
  if (self->kept_folder != NULL)
    cf_saved_list_forget_folder (self->kept_folder);
  g_clear_pointer (&self->kept_folder, g_free);
  cf_live_feed_set_kept_folder (self->live_feed, NULL);
  notify_state (self);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cf_secret_store_clear_finish (CF_SECRET_STORE (object), result, &error))
    g_warning ("Could not remove the tokens from the keyring: %s", error->message);
}

static void
renewed_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cf_secret_store_store_finish (CF_SECRET_STORE (object), result, &error))
    g_warning ("Could not keep the renewed tokens in the keyring: %s", error->message);
}

static void
credentials_changed_cb (CfAccount *self)
{
  g_autoptr(CfCredentials) credentials = cf_platform_dup_credentials (self->platform);

  if (self->username == NULL)
    return;

  if (credentials != NULL)
    {
      cf_secret_store_store_async (self->secret_store, self->choice, self->username, credentials,
                                   NULL, renewed_stored_cb, NULL);
      return;
    }

  cf_secret_store_clear_async (self->secret_store, self->choice, self->username,
                               NULL, cleared_cb, NULL);
  forget (self, g_error_new (CF_ACCOUNT_ERROR, CF_ACCOUNT_ERROR_EXPIRED,
                             _("Your session on this platform has ended. Sign in again to see your pledges.")));
}

static GError *
keyring_error (const GError *cause)
{
  g_debug ("keyring: %s", cause->message);
  return g_error_new (CF_ACCOUNT_ERROR, CF_ACCOUNT_ERROR_KEYRING,
                      _("The keyring is locked or unavailable, so Crowdfund cannot keep you signed in. "
                        "You can still browse campaigns."));
}

/* Asks the platform who the tokens belong to; they are in use from now on. */
static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfUser) user = cf_platform_get_me_finish (CF_PLATFORM (object), result, &error);

  set_busy (self, FALSE);
  if (user == NULL && g_error_matches (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_UNAUTHORIZED))
    {
      /* The platform refused the tokens and their renewal: credentials_changed_cb()
       * has already signed the account out. */
      g_task_return_error (task, g_error_copy (self->error ? self->error : error));
      return;
    }

  /* Offline, the account stays signed in with what the keyring gave. */
  if (user == NULL)
    g_debug ("who is signed in: %s", error->message);
  g_set_object (&self->user, user);
  notify_state (self);
  g_task_return_boolean (task, TRUE);
}

/* Who the person is on which platform, as the lists kept of them are named. */
static char *
dup_person_key (CfAccount *self)
{
  return g_strdup_printf ("%s\n%s", self->choice, self->username);
}

static void
use_credentials (CfAccount     *self,
                 GTask         *task,
                 const char    *username,
                 CfCredentials *credentials)
{
  g_autofree char *key = NULL;

  g_free (self->username);
  self->username = g_strdup (username);
  g_free (self->kept_folder);
  key = dup_person_key (self);
  self->kept_folder = cf_saved_list_folder ("campaigns", key);
  cf_live_feed_set_kept_folder (self->live_feed, self->kept_folder);
  g_clear_error (&self->error);
  g_signal_handlers_block_by_func (self->platform, credentials_changed_cb, self);
  cf_platform_set_credentials (self->platform, credentials);
  g_signal_handlers_unblock_by_func (self->platform, credentials_changed_cb, self);
  forget_following (self);
  notify_state (self);

  set_busy (self, TRUE);
  cf_platform_get_me_async (self->platform, g_task_get_cancellable (task), me_cb, task);
}

typedef struct
{
  char *username;
  guint person_actions;  /* as the sign-back-in started */
} Restore;

static void
restore_free (Restore *restore)
{
  g_free (restore->username);
  g_free (restore);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfAccount *self = g_task_get_source_object (task);
  Restore *restore = g_task_get_task_data (task);
  const char *username = restore->username;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCredentials) credentials = cf_secret_store_lookup_finish (CF_SECRET_STORE (object), result, &error);

  set_busy (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The person signed in or out meanwhile: what the keyring held before is
   * not theirs to undo. */
  if (self->person_actions != restore->person_actions)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "overtaken by a sign-in or sign-out");
      return;
    }
  if (error != NULL)
    forget (self, keyring_error (error));
  else if (credentials == NULL)
    forget (self, g_error_new (CF_ACCOUNT_ERROR, CF_ACCOUNT_ERROR_EXPIRED,
                               _("Sign in again as %s: the keyring no longer holds your session."), username));
  if (credentials == NULL)
    {
      g_task_return_error (task, g_error_copy (self->error));
      return;
    }

  use_credentials (self, g_steal_pointer (&task), username, credentials);
}

/* Signs in as @username with the tokens the keyring holds, if it does. */
void
cf_account_restore_async (CfAccount           *self,
                          const char          *username,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Restore *restore = g_new0 (Restore, 1);

  g_return_if_fail (CF_IS_ACCOUNT (self));

  g_task_set_source_tag (task, cf_account_restore_async);
  restore->username = g_strdup (username);
  restore->person_actions = self->person_actions;
  g_task_set_task_data (task, restore, (GDestroyNotify) restore_free);
  /* Without a sign-in, there is nothing to look up. */
  if (cf_platform_get_capabilities (self->platform)->sign_in == CF_SIGN_IN_METHOD_NONE)
    {
      use_credentials (self, task, username, NULL);
      return;
    }
  set_busy (self, TRUE);
  cf_secret_store_lookup_async (self->secret_store, self->choice, username, cancellable,
                                looked_up_cb, task);
}

gboolean
cf_account_restore_finish (CfAccount     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_account_restore_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char *username;
  CfCredentials *credentials;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_free (sign_in->username);
  g_clear_object (&sign_in->credentials);
  g_free (sign_in);
}

static void
revoked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cf_platform_sign_out_finish (CF_PLATFORM (object), result, &error))
    g_debug ("revoking unkept tokens: %s", error->message);
  cf_platform_set_credentials (CF_PLATFORM (object), NULL);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfAccount *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!cf_secret_store_store_finish (CF_SECRET_STORE (object), result, &error))
    {
      /* Tokens nobody keeps are given back at once. */
      forget (self, keyring_error (error));
      cf_platform_set_credentials (self->platform, sign_in->credentials);
      cf_platform_sign_out_async (self->platform, NULL, revoked_cb, NULL);
      g_task_return_error (task, g_error_copy (self->error));
      return;
    }

  use_credentials (self, g_steal_pointer (&task), sign_in->username, sign_in->credentials);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfAccount *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  sign_in->credentials = cf_platform_sign_in_finish (CF_PLATFORM (object), result, &error);
  if (sign_in->credentials == NULL)
    {
      set_busy (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cf_secret_store_store_async (self->secret_store, self->choice, sign_in->username,
                               sign_in->credentials, g_task_get_cancellable (task),
                               stored_cb, g_object_ref (task));
}

/* Trades @password for tokens, keeps them in the keyring, and finds out who
 * signed in. The password is forgotten as soon as it is sent. */
void
cf_account_sign_in_async (CfAccount           *self,
                          const char          *username,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SignIn *sign_in = g_new0 (SignIn, 1);

  g_return_if_fail (CF_IS_ACCOUNT (self));

  g_task_set_source_tag (task, cf_account_sign_in_async);
  self->person_actions++;
  sign_in->username = g_strdup (username);
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);
  set_busy (self, TRUE);
  cf_platform_sign_in_async (self->platform, username, password, cancellable, signed_in_cb, task);
}

gboolean
cf_account_sign_in_finish (CfAccount     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_account_sign_in_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What notifications remember of @username's pledges on this platform, in
 * the user's data folder. */
static CfPledgeWatch *
new_pledge_watch (CfAccount  *self,
                  const char *username)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crowdfund", "seen-pledges.ini", NULL);
  g_autofree char *scope = g_strdup_printf ("%s %s", self->choice, username);

  return cf_pledge_watch_new (path, scope);
}

/* What the person chose to sign out of leaves no trace of them here: the
 * lists kept for offline reading (by forget()), the campaigns Explore kept
 * of the platform while they were signed in, and what notifications
 * remembered of their pledges. */
static void
forget_traces (CfAccount  *self,
               const char *username)
{
  g_autofree char *explored = cf_account_dup_platform_list_path (self, "explore");
  g_autoptr(CfPledgeWatch) watch = new_pledge_watch (self, username);

  cf_saved_list_forget (explored);
  cf_pledge_watch_forget (watch);
}

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  /* Whether or not the platform heard it, the tokens are gone from here. */
  if (!cf_platform_sign_out_finish (CF_PLATFORM (object), result, &error))
    g_debug ("revoking tokens: %s", error->message);
  set_busy (self, FALSE);
  forget_traces (self, g_task_get_task_data (task));
  forget (self, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
sign_out_cleared_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!cf_secret_store_clear_finish (CF_SECRET_STORE (object), result, &error))
    {
      set_busy (self, FALSE);
      g_task_return_error (task, keyring_error (error));
      return;
    }

  g_signal_handlers_block_by_func (self->platform, credentials_changed_cb, self);
  cf_platform_sign_out_async (self->platform, NULL, signed_out_cb, g_steal_pointer (&task));
  g_signal_handlers_unblock_by_func (self->platform, credentials_changed_cb, self);
}

/* Removes the tokens from the keyring, then revokes them on the platform,
 * and forgets what was kept of the person. */
void
cf_account_sign_out_async (CfAccount           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (CF_IS_ACCOUNT (self));

  g_task_set_source_tag (task, cf_account_sign_out_async);
  if (self->username == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  self->person_actions++;
  g_task_set_task_data (task, g_strdup (self->username), g_free);
  set_busy (self, TRUE);
  cf_secret_store_clear_async (self->secret_store, self->choice, self->username, cancellable,
                               sign_out_cleared_cb, task);
}

gboolean
cf_account_sign_out_finish (CfAccount     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_account_sign_out_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What notifications remember of the signed-in person's pledges. */
CfPledgeWatch *
cf_account_new_pledge_watch (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (self->username != NULL, NULL);

  return new_pledge_watch (self, self->username);
}

/* The live figures of campaigns, seen with this account's eyes: its
 * creator's pledge events come only to those signed in as the creator. */
CfLiveFeed *
cf_account_get_live_feed (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  return self->live_feed;
}

CfPlatform *
cf_account_get_platform (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  return self->platform;
}

/* How the settings and the keyring know the account's platform. */
const char *
cf_account_get_choice (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  return self->choice;
}

/* The platform as the person knows it: “Demo platform”, or its host. */
const char *
cf_account_get_label (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  return self->label;
}

/* Whether the platform was opened for this run only (from the command
 * line) rather than added by the person, who keeps it by adding it. */
gboolean
cf_account_get_for_this_run_only (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), FALSE);

  return self->for_this_run_only;
}

void
cf_account_set_for_this_run_only (CfAccount *self,
                                  gboolean   for_this_run_only)
{
  g_return_if_fail (CF_IS_ACCOUNT (self));

  if (self->for_this_run_only == !!for_this_run_only)
    return;
  self->for_this_run_only = !!for_this_run_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOR_THIS_RUN_ONLY]);
}

/* Where what the account's campaigns showed last is kept for a run that
 * cannot reach the platform (see cf_saved_list_path_in()); NULL while
 * signed out. Signing out deletes it. */
const char *
cf_account_get_kept_folder (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  return self->kept_folder;
}

/* The signed-in user, once the platform said who it is. */
CfUser *
cf_account_get_user (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  return self->user;
}

/* Who is signed in, or NULL. */
const char *
cf_account_get_username (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  return self->username;
}

gboolean
cf_account_get_signed_in (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), FALSE);

  return self->username != NULL;
}

/* Whether signing in, out, or back is under way. */
gboolean
cf_account_get_busy (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), FALSE);

  return self->busy > 0;
}

/* Why the account was signed out without being asked to, or NULL. */
const GError *
cf_account_get_error (CfAccount *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  return self->error;
}

static void
cf_account_dispose (GObject *object)
{
  CfAccount *self = CF_ACCOUNT (object);

  if (self->platform != NULL)
    g_signal_handlers_disconnect_by_data (self->platform, self);
  g_clear_object (&self->live_feed);
  g_clear_object (&self->platform);
  g_clear_object (&self->secret_store);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (cf_account_parent_class)->dispose (object);
}

static void
cf_account_finalize (GObject *object)
{
  CfAccount *self = CF_ACCOUNT (object);

  g_free (self->choice);
  g_free (self->label);
  g_free (self->username);
  g_free (self->kept_folder);
  g_hash_table_unref (self->following);
  g_clear_pointer (&self->followed, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (cf_account_parent_class)->finalize (object);
}

static void
cf_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CfAccount *self = CF_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, cf_account_get_signed_in (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, cf_account_get_busy (self));
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_FOR_THIS_RUN_ONLY:
      g_value_set_boolean (value, self->for_this_run_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_account_class_init (CfAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_account_dispose;
  object_class->finalize = cf_account_finalize;
  object_class->get_property = cf_account_get_property;

  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, CF_TYPE_USER, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOR_THIS_RUN_ONLY] =
    g_param_spec_boolean ("for-this-run-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfAccount::following-changed:
   * @campaign_id: the campaign followed or unfollowed
   * @following: whether it is followed now
   */
  signals[FOLLOWING_CHANGED] =
    g_signal_new ("following-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  /**
   * CfAccount::followed-loaded:
   *
   * What the account follows is known anew: campaigns read without its
   * token may now say otherwise.
   */
  signals[FOLLOWED_LOADED] =
    g_signal_new ("followed-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cf_account_init (CfAccount *self)
{
  self->following = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Whether the account follows @campaign: as it was changed since loaded,
 * wherever that was; else as the list of what the account follows says,
 * once it came; else as the campaign was loaded. */
gboolean
cf_account_is_following (CfAccount  *self,
                         CfCampaign *campaign)
{
  gpointer following;

  g_return_val_if_fail (CF_IS_ACCOUNT (self), FALSE);

  if (g_hash_table_lookup_extended (self->following, cf_campaign_get_id (campaign), NULL, &following))
    return GPOINTER_TO_INT (following);
  if (self->followed != NULL)
    return g_hash_table_contains (self->followed, cf_campaign_get_id (campaign));
  return cf_campaign_get_following (campaign);
}

/* What the account follows, from a list of those campaigns: a list of
 * campaigns read before the account signed in need not be read again to
 * say which are followed. */
void
cf_account_set_followed (CfAccount  *self,
                         GListModel *campaigns)
{
  guint n_campaigns;

  g_return_if_fail (CF_IS_ACCOUNT (self));
  g_return_if_fail (G_IS_LIST_MODEL (campaigns));

  n_campaigns = g_list_model_get_n_items (campaigns);
  g_clear_pointer (&self->followed, g_hash_table_unref);
  self->followed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_campaigns; i++)
    {
      g_autoptr(CfCampaign) campaign = g_list_model_get_item (campaigns, i);

      g_hash_table_add (self->followed, g_strdup (cf_campaign_get_id (campaign)));
    }
  g_signal_emit (self, signals[FOLLOWED_LOADED], 0);
}

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfAccount *self = g_task_get_source_object (task);
  CfCampaign *campaign = g_task_get_task_data (task);
  gboolean following = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "following"));
  GError *error = NULL;

  if (!cf_platform_set_following_finish (CF_PLATFORM (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_hash_table_insert (self->following, g_strdup (cf_campaign_get_id (campaign)), GINT_TO_POINTER (following));
  g_signal_emit (self, signals[FOLLOWING_CHANGED], 0, cf_campaign_get_id (campaign), following);
  g_task_return_boolean (task, TRUE);
}

/* Follows or unfollows @campaign, and tells every view that shows it. */
void
cf_account_set_following_async (CfAccount           *self,
                                CfCampaign          *campaign,
                                gboolean             following,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (CF_IS_ACCOUNT (self));

  g_task_set_source_tag (task, cf_account_set_following_async);
  g_task_set_task_data (task, g_object_ref (campaign), g_object_unref);
  g_object_set_data (G_OBJECT (task), "following", GINT_TO_POINTER (following));
  cf_platform_set_following_async (self->platform, cf_campaign_get_id (campaign), following, cancellable,
                                   followed_cb, task);
}

gboolean
cf_account_set_following_finish (CfAccount     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_account_set_following_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* An account on @platform, chosen as @choice (see #CfPlatformKind), whose
 * tokens @secret_store keeps. */
CfAccount *
cf_account_new (CfPlatform    *platform,
                CfSecretStore *secret_store,
                const char    *choice)
{
  CfAccount *self = g_object_new (CF_TYPE_ACCOUNT, NULL);

  self->platform = g_object_ref (platform);
  self->secret_store = g_object_ref (secret_store);
  self->choice = g_strdup (choice);
  self->label = cf_platform_kind_dup_label (choice);
  g_signal_connect_swapped (platform, "credentials-changed", G_CALLBACK (credentials_changed_cb), self);
  self->live_feed = cf_live_feed_new (platform);
  g_signal_connect_swapped (self, "notify::signed-in", G_CALLBACK (cf_live_feed_reconnect), self->live_feed);
  return self;
}

/* Where the list @name of the person signed in is kept for a later run. */
char *
cf_account_dup_list_path (CfAccount  *self,
                          const char *name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  key = dup_person_key (self);
  return cf_saved_list_path (name, key);
}

/* Where the list @name of the platform is kept, whoever is signed in: what
 * anyone browsing it sees. */
char *
cf_account_dup_platform_list_path (CfAccount  *self,
                                   const char *name)
{
  g_return_val_if_fail (CF_IS_ACCOUNT (self), NULL);

  return cf_saved_list_path (name, self->choice);
}
