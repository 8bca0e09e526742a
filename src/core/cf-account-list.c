/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-account-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-account-list.h"
#include "cf-platform-kind.h"
#include "cf-saved-list.h"

/* The platforms the person added, an account on each: a GListModel of
 * CfAccount that opens them (one after the other, in the order they were
 * added), remembers them and their usernames in the settings, signs them
 * back in from the keyring, and removes them. Views render it; they never
 * write the settings or the keyring themselves.
 *
 * A platform given on the command line (--platform, --demo) that the
 * person did not add is opened for this run only, beside theirs: it never
 * takes their place, and is kept only once they add it. */
struct _CfAccountList
{
  GObject parent_instance;

  GSettings *settings;       /* owned */
  SoupSession *session;      /* owned */
  CfSecretStore *secret_store;
  GListStore *accounts;      /* of CfAccount, owned */
  char *run_only;            /* the command line's platform, while the person has not added it */
  char *explored;            /* the choice Explore shows first */
  GQueue opening;            /* choices still to open, in order; the head is on its way */
  GPtrArray *failed;         /* choices that could not be opened, to try again */
  GCancellable *cancellable;
  gboolean restored;         /* the keyring was read: later accounts sign back in at once */
};

static void cf_account_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfAccountList, cf_account_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cf_account_list_model_init))

enum
{
  OPENED,
  OPEN_FAILED,
  PROBLEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return CF_TYPE_ACCOUNT;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (CF_ACCOUNT_LIST (model)->accounts));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (CF_ACCOUNT_LIST (model)->accounts), position);
}

static void
cf_account_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
items_changed_cb (CfAccountList *self,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static char *
dup_remembered_username (CfAccountList *self,
                         CfAccount     *account)
{
  g_autoptr(GVariant) accounts = g_settings_get_value (self->settings, "accounts");
  char *username = NULL;

  g_variant_lookup (accounts, cf_account_get_choice (account), "s", &username);
  return username;
}

/* Only the username is remembered; the tokens are in the keyring. */
static void
remember_username (CfAccountList *self,
                   CfAccount     *account,
                   const char    *username)
{
  g_autoptr(GVariant) accounts = g_settings_get_value (self->settings, "accounts");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  const char *account_choice = cf_account_get_choice (account);
  GVariantIter iter;
  const char *choice, *name;

  g_variant_iter_init (&iter, accounts);
  while (g_variant_iter_next (&iter, "{&s&s}", &choice, &name))
    if (!g_str_equal (choice, account_choice))
      g_variant_builder_add (&builder, "{ss}", choice, name);
  if (username != NULL)
    g_variant_builder_add (&builder, "{ss}", account_choice, username);
  g_settings_set_value (self->settings, "accounts", g_variant_builder_end (&builder));
}

/* The platforms the person added, kept for the next start; one opened
 * from the command line for this run only is not among them. */
static void
save_platforms (CfAccountList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) choices = NULL;

  for (guint i = 0; i < get_n_items (G_LIST_MODEL (self)); i++)
    {
      g_autoptr(CfAccount) account = get_item (G_LIST_MODEL (self), i);

      if (!cf_account_get_for_this_run_only (account))
        g_strv_builder_add (builder, cf_account_get_choice (account));
    }
  choices = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "platforms", (const char * const *) choices);
}

static void
signed_in_changed_cb (CfAccountList *self,
                      GParamSpec    *pspec,
                      CfAccount     *account)
{
  const GError *error = cf_account_get_error (account);

  if (cf_account_get_signed_in (account))
    remember_username (self, account, cf_account_get_username (account));
  else if (error == NULL)
    remember_username (self, account, NULL);
  else
    g_signal_emit (self, signals[PROBLEM], 0, error->message);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A failure is the account's error, told by signed_in_changed_cb(). */
  if (!cf_account_restore_finish (CF_ACCOUNT (object), result, &error))
    g_debug ("signing back in: %s", error->message);
}

static void
restore (CfAccountList *self,
         CfAccount     *account)
{
  g_autofree char *username = dup_remembered_username (self, account);

  /* A platform without sign-in is the person's as soon as it is open. */
  if (cf_platform_get_capabilities (cf_account_get_platform (account))->sign_in == CF_SIGN_IN_METHOD_NONE)
    {
      g_free (username);
      username = g_strdup (g_get_user_name ());
    }
  if (username != NULL)
    cf_account_restore_async (account, username, self->cancellable, restored_cb, self);
}

static void
poll_interval_changed_cb (CfAccountList *self)
{
  guint seconds = g_settings_get_uint (self->settings, "live-poll-interval");

  for (guint i = 0; i < get_n_items (G_LIST_MODEL (self)); i++)
    {
      g_autoptr(CfAccount) account = get_item (G_LIST_MODEL (self), i);

      cf_live_feed_set_poll_interval (cf_account_get_live_feed (account), seconds);
    }
}

static void
append_account (CfAccountList *self,
                const char    *choice,
                CfPlatform    *platform)
{
  g_autoptr(CfAccount) account = cf_account_new (platform, self->secret_store, choice);

  cf_account_set_for_this_run_only (account, g_strcmp0 (choice, self->run_only) == 0);
  g_signal_connect_object (account, "notify::signed-in", G_CALLBACK (signed_in_changed_cb), self,
                           G_CONNECT_SWAPPED);
  cf_live_feed_set_poll_interval (cf_account_get_live_feed (account),
                                  g_settings_get_uint (self->settings, "live-poll-interval"));
  g_list_store_append (self->accounts, account);
  save_platforms (self);
  g_signal_emit (self, signals[OPENED], 0, account);
  if (self->restored)
    restore (self, account);
}

static void open_next (CfAccountList *self);

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlatform) platform = cf_platform_kind_open_finish (result, &error);
  g_autofree char *choice = NULL;
  CfAccountList *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_ACCOUNT_LIST (user_data);
  choice = g_queue_pop_head (&self->opening);
  if (platform != NULL)
    append_account (self, choice, platform);
  else
    {
      g_ptr_array_add (self->failed, g_strdup (choice));
      g_signal_emit (self, signals[OPEN_FAILED], 0, choice, error);
    }
  open_next (self);
}

/* Opens the platforms one after the other, in the order they were added. */
static void
open_next (CfAccountList *self)
{
  const char *choice = g_queue_peek_head (&self->opening);

  if (choice != NULL)
    cf_platform_kind_open_async (choice, self->session, self->cancellable, opened_cb, self);
}

static void
open_choice (CfAccountList *self,
             const char    *choice)
{
  for (GList *l = self->opening.head; l != NULL; l = l->next)
    if (g_str_equal (l->data, choice))
      return;
  g_queue_push_tail (&self->opening, g_strdup (choice));
  if (g_queue_get_length (&self->opening) == 1)
    open_next (self);
}

/* Opens the platforms the person added, and @option (a choice given on
 * the command line, or NULL) beside them: for this run only, when they did
 * not add it, and browsed first. */
void
cf_account_list_start (CfAccountList *self,
                       const char    *option)
{
  g_auto(GStrv) added = NULL;
  g_autofree char *explored = NULL;

  g_return_if_fail (CF_IS_ACCOUNT_LIST (self));

  added = g_settings_get_strv (self->settings, "platforms");
  explored = g_settings_get_string (self->settings, "platform");
  /* Before several platforms, the one chosen was the only one. */
  if (added[0] == NULL && *explored != '\0')
    {
      g_strfreev (added);
      added = g_new0 (char *, 2);
      added[0] = g_strdup (explored);
    }

  g_free (self->explored);
  self->explored = option != NULL ? g_strdup (option) : g_steal_pointer (&explored);
  /* What was asked for comes first, as it did when it was all there was. */
  if (option != NULL && !g_strv_contains ((const char * const *) added, option))
    {
      g_free (self->run_only);
      self->run_only = g_strdup (option);
      open_choice (self, option);
    }
  for (guint i = 0; added[i] != NULL; i++)
    open_choice (self, added[i]);
}

static void
add_choice (CfAccountList *self,
            const char    *choice)
{
  CfAccount *account;

  if (g_strcmp0 (choice, self->run_only) == 0)
    g_clear_pointer (&self->run_only, g_free);
  account = cf_account_list_find (self, choice);
  if (account == NULL)
    {
      open_choice (self, choice);
      return;
    }
  if (cf_account_get_for_this_run_only (account))
    {
      cf_account_set_for_this_run_only (account, FALSE);
      save_platforms (self);
    }
  g_signal_emit (self, signals[OPENED], 0, account);
}

/* The person adds the platform of @choice: it is opened and kept for the
 * next start; one opened for this run only becomes theirs to keep. It is
 * the one Explore browses. */
void
cf_account_list_add (CfAccountList *self,
                     const char    *choice)
{
  g_return_if_fail (CF_IS_ACCOUNT_LIST (self));
  g_return_if_fail (choice != NULL);

  g_free (self->explored);
  self->explored = g_strdup (choice);
  add_choice (self, choice);
}

/* As cf_account_list_add(), for a platform the person uses without
 * browsing it: Explore stays where it is. */
void
cf_account_list_keep (CfAccountList *self,
                      const char    *choice)
{
  g_return_if_fail (CF_IS_ACCOUNT_LIST (self));
  g_return_if_fail (choice != NULL);

  add_choice (self, choice);
}

/* Opens again the platforms that could not be opened. */
void
cf_account_list_retry (CfAccountList *self)
{
  g_autoptr(GPtrArray) failed = NULL;

  g_return_if_fail (CF_IS_ACCOUNT_LIST (self));

  failed = g_steal_pointer (&self->failed);
  self->failed = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < failed->len; i++)
    open_choice (self, failed->pdata[i]);
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CfAccountList) self = user_data;
  g_autoptr(GError) error = NULL;
  CfAccount *account = CF_ACCOUNT (object);
  guint position;

  /* The tokens stay where they were only when the keyring refused to let them go. */
  if (!cf_account_sign_out_finish (account, result, &error))
    {
      g_signal_emit (self, signals[PROBLEM], 0, error->message);
      return;
    }

  remember_username (self, account, NULL);
  if (g_strcmp0 (cf_account_get_choice (account), self->run_only) == 0)
    g_clear_pointer (&self->run_only, g_free);
  g_signal_handlers_disconnect_by_data (account, self);
  if (g_list_store_find (self->accounts, account, &position))
    g_list_store_remove (self->accounts, position);
  save_platforms (self);
  if (get_n_items (G_LIST_MODEL (self)) == 0)
    g_settings_set_string (self->settings, "platform", "");
}

/* Removes @account: signed out (which forgets what was kept of the person),
 * its username gone from the settings, and what Explore kept of its
 * platform forgotten. */
void
cf_account_list_remove (CfAccountList *self,
                        CfAccount     *account)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CF_IS_ACCOUNT_LIST (self));
  g_return_if_fail (CF_IS_ACCOUNT (account));

  path = cf_account_dup_platform_list_path (account, "explore");
  cf_saved_list_forget (path);
  cf_account_sign_out_async (account, self->cancellable, removed_cb, g_object_ref (self));
}

/* Signs every account back in from the keyring, and those opened later as
 * they come: the app calls it once its window is on screen, so that the
 * keyring never delays the first frame. */
void
cf_account_list_restore (CfAccountList *self)
{
  g_return_if_fail (CF_IS_ACCOUNT_LIST (self));

  if (self->restored)
    return;
  self->restored = TRUE;
  for (guint i = 0; i < get_n_items (G_LIST_MODEL (self)); i++)
    {
      g_autoptr(CfAccount) account = get_item (G_LIST_MODEL (self), i);

      restore (self, account);
    }
}

/* The account on the platform of @choice, or NULL. */
CfAccount *
cf_account_list_find (CfAccountList *self,
                      const char    *choice)
{
  g_return_val_if_fail (CF_IS_ACCOUNT_LIST (self), NULL);

  for (guint i = 0; i < get_n_items (G_LIST_MODEL (self)); i++)
    {
      g_autoptr(CfAccount) account = get_item (G_LIST_MODEL (self), i);

      if (g_str_equal (cf_account_get_choice (account), choice))
        return account;
    }
  return NULL;
}

/* Whether platforms are still on their way. */
gboolean
cf_account_list_is_opening (CfAccountList *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT_LIST (self), FALSE);

  return !g_queue_is_empty (&self->opening);
}

/* Whether Explore shows @account first: the command line's platform, the
 * one the person added last, or the one browsed last time. */
gboolean
cf_account_list_is_explored_first (CfAccountList *self,
                                   CfAccount     *account)
{
  g_return_val_if_fail (CF_IS_ACCOUNT_LIST (self), FALSE);

  return g_strcmp0 (cf_account_get_choice (account), self->explored) == 0;
}

/* Explore moved to @account: the one it shows first next time, unless it
 * is there for this run only. */
void
cf_account_list_set_explored (CfAccountList *self,
                              CfAccount     *account)
{
  g_return_if_fail (CF_IS_ACCOUNT_LIST (self));

  if (!cf_account_get_for_this_run_only (account))
    g_settings_set_string (self->settings, "platform", cf_account_get_choice (account));
}

static void
cf_account_list_dispose (GObject *object)
{
  CfAccountList *self = CF_ACCOUNT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_queue_clear_full (&self->opening, g_free);
  g_clear_pointer (&self->failed, g_ptr_array_unref);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->secret_store);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->run_only, g_free);
  g_clear_pointer (&self->explored, g_free);

  G_OBJECT_CLASS (cf_account_list_parent_class)->dispose (object);
}

static void
cf_account_list_class_init (CfAccountListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_account_list_dispose;

  /* An account was opened, or the person added again one already there:
   * the one to browse. */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, CF_TYPE_ACCOUNT);
  /* The platform of a choice could not be opened, and why (a GError). */
  signals[OPEN_FAILED] = g_signal_new ("open-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /* Something the person should be told, in a sentence of their language:
   * a sign-in that no longer holds, a keyring that refused. */
  signals[PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cf_account_list_init (CfAccountList *self)
{
  self->accounts = g_list_store_new (CF_TYPE_ACCOUNT);
  self->failed = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  self->secret_store = cf_secret_store_new ();
  g_signal_connect_swapped (self->accounts, "items-changed", G_CALLBACK (items_changed_cb), self);
}

/* The person's platforms, remembered in @settings; every platform's
 * requests go through @session. Nothing opens before
 * cf_account_list_start(). */
CfAccountList *
cf_account_list_new (GSettings   *settings,
                     SoupSession *session)
{
  CfAccountList *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);

  self = g_object_new (CF_TYPE_ACCOUNT_LIST, NULL);
  self->settings = g_object_ref (settings);
  self->session = g_object_ref (session);
  g_signal_connect_object (settings, "changed::live-poll-interval", G_CALLBACK (poll_interval_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}
