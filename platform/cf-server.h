/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "cf-database.h"
#include "cf-live-hub.h"
#include "cf-request.h"
#include "cf-sign-in-throttle.h"

G_BEGIN_DECLS

#define CF_TYPE_SERVER (cf_server_get_type ())

G_DECLARE_FINAL_TYPE (CfServer, cf_server, CF, SERVER, GObject)

CfServer   *cf_server_new          (CfDatabase  *database);
gboolean    cf_server_listen       (CfServer    *self,
                                    guint        port,
                                    GError     **error);
const char *cf_server_get_base_url (CfServer    *self);
CfLiveHub  *cf_server_get_live_hub (CfServer    *self);
void        cf_server_set_request_seconds (CfServer *self,
                                           guint     seconds);
void        cf_server_set_max_listeners (CfServer *self,
                                         guint     listeners);
CfSignInThrottle *cf_server_get_sign_in_throttle (CfServer *self);
gboolean    cf_server_trust_proxy  (CfServer    *self,
                                    const char  *address,
                                    GError     **error);
char       *cf_server_dup_client_address (CfServer          *self,
                                          SoupServerMessage *message);

/* The routes, by area (cf-*-routes.c). */
extern const CfRoute cf_catalogue_routes[];
extern const CfRoute cf_account_routes[];
extern const CfRoute cf_pledge_routes[];

G_END_DECLS
