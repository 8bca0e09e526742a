/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-account.h"

G_BEGIN_DECLS

#define CF_TYPE_ACCOUNT_BOX (cf_account_box_get_type ())

G_DECLARE_FINAL_TYPE (CfAccountBox, cf_account_box, CF, ACCOUNT_BOX, GtkBox)

GtkWidget *cf_account_box_new         (CfAccount    *account);
CfAccount *cf_account_box_get_account (CfAccountBox *self);
gboolean   cf_account_box_focus_sign_in (CfAccountBox *self);

G_END_DECLS
