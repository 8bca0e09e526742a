/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-account.h"

G_BEGIN_DECLS

#define CF_TYPE_ACCOUNT_ITEM (cf_account_item_get_type ())

G_DECLARE_FINAL_TYPE (CfAccountItem, cf_account_item, CF, ACCOUNT_ITEM, GObject)

CfAccountItem *cf_account_item_new         (CfAccount     *account,
                                            gpointer       item,
                                            gboolean       kept);
CfAccount     *cf_account_item_get_account (CfAccountItem *self);
gpointer       cf_account_item_get_item    (CfAccountItem *self);
gboolean       cf_account_item_get_kept    (CfAccountItem *self);

G_END_DECLS
