/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-live-feed.h"
#include "cf-pledge-watch.h"
#include "cf-platform.h"
#include "cf-secret-store.h"

G_BEGIN_DECLS

#define CF_TYPE_ACCOUNT (cf_account_get_type ())

G_DECLARE_FINAL_TYPE (CfAccount, cf_account, CF, ACCOUNT, GObject)

/* Why an account is not signed in, when it is not by choice. */
#define CF_ACCOUNT_ERROR (cf_account_error_quark ())

typedef enum
{
  CF_ACCOUNT_ERROR_KEYRING,  /* the keyring could not keep or give the tokens */
  CF_ACCOUNT_ERROR_EXPIRED,  /* the platform no longer accepts the tokens */
} CfAccountError;

GQuark      cf_account_error_quark       (void);

CfAccount  *cf_account_new               (CfPlatform          *platform,
                                          CfSecretStore       *secret_store,
                                          const char          *choice);
CfPlatform *cf_account_get_platform      (CfAccount           *self);
const char *cf_account_get_choice        (CfAccount           *self);
const char *cf_account_get_label         (CfAccount           *self);
gboolean    cf_account_get_for_this_run_only (CfAccount       *self);
void        cf_account_set_for_this_run_only (CfAccount       *self,
                                              gboolean         for_this_run_only);
CfLiveFeed *cf_account_get_live_feed     (CfAccount           *self);
const char *cf_account_get_kept_folder   (CfAccount           *self);
CfPledgeWatch *cf_account_new_pledge_watch (CfAccount        *self);
CfUser     *cf_account_get_user          (CfAccount           *self);
const char *cf_account_get_username      (CfAccount           *self);
gboolean    cf_account_get_signed_in     (CfAccount           *self);
gboolean    cf_account_get_busy          (CfAccount           *self);
const GError *cf_account_get_error       (CfAccount           *self);
void        cf_account_restore_async     (CfAccount           *self,
                                          const char          *username,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    cf_account_restore_finish    (CfAccount           *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void        cf_account_sign_in_async     (CfAccount           *self,
                                          const char          *username,
                                          const char          *password,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    cf_account_sign_in_finish    (CfAccount           *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void        cf_account_sign_out_async    (CfAccount           *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    cf_account_sign_out_finish   (CfAccount           *self,
                                          GAsyncResult        *result,
                                          GError             **error);

gboolean    cf_account_is_following      (CfAccount           *self,
                                          CfCampaign          *campaign);
void        cf_account_set_followed      (CfAccount           *self,
                                          GListModel          *campaigns);
void        cf_account_set_following_async (CfAccount         *self,
                                          CfCampaign          *campaign,
                                          gboolean             following,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    cf_account_set_following_finish (CfAccount        *self,
                                          GAsyncResult        *result,
                                          GError             **error);

char            *cf_account_dup_list_path          (CfAccount           *self,
                                                    const char          *name);
char            *cf_account_dup_platform_list_path (CfAccount           *self,
                                                    const char          *name);

G_END_DECLS
