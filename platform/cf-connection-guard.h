/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define CF_TYPE_CONNECTION_GUARD (cf_connection_guard_get_type ())

G_DECLARE_FINAL_TYPE (CfConnectionGuard, cf_connection_guard, CF, CONNECTION_GUARD, GObject)

CfConnectionGuard *cf_connection_guard_new (SoupServer *server,
                                            GSocket    *listening,
                                            GHashTable *trusted_proxies);
void               cf_connection_guard_add_listeners (CfConnectionGuard *self,
                                                      guint              listeners);

void               cf_connection_guard_set_request_seconds (CfConnectionGuard *self,
                                                            guint              seconds);

G_END_DECLS
