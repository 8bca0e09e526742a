/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_SIGN_IN_THROTTLE (cf_sign_in_throttle_get_type ())

G_DECLARE_FINAL_TYPE (CfSignInThrottle, cf_sign_in_throttle, CF, SIGN_IN_THROTTLE, GObject)

CfSignInThrottle *cf_sign_in_throttle_new       (void);
guint             cf_sign_in_throttle_begin     (CfSignInThrottle *self,
                                                 const char       *username,
                                                 const char       *address);
void              cf_sign_in_throttle_succeeded (CfSignInThrottle *self,
                                                 const char       *username,
                                                 const char       *address);

G_END_DECLS
