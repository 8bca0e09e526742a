/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-account.h"

G_BEGIN_DECLS

#define CF_TYPE_ACCOUNT_LIST (cf_account_list_get_type ())

G_DECLARE_FINAL_TYPE (CfAccountList, cf_account_list, CF, ACCOUNT_LIST, GObject)

CfAccountList *cf_account_list_new           (GSettings     *settings,
                                              SoupSession   *session);
void           cf_account_list_start         (CfAccountList *self,
                                              const char    *option);
void           cf_account_list_add           (CfAccountList *self,
                                              const char    *choice);
void           cf_account_list_keep          (CfAccountList *self,
                                              const char    *choice);
void           cf_account_list_retry         (CfAccountList *self);
void           cf_account_list_remove        (CfAccountList *self,
                                              CfAccount     *account);
void           cf_account_list_restore       (CfAccountList *self);
CfAccount     *cf_account_list_find          (CfAccountList *self,
                                              const char    *choice);
gboolean       cf_account_list_is_opening    (CfAccountList *self);
gboolean       cf_account_list_is_explored_first (CfAccountList *self,
                                              CfAccount     *account);
void           cf_account_list_set_explored  (CfAccountList *self,
                                              CfAccount     *account);

G_END_DECLS
