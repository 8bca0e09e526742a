/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An HTTP proxy on loopback in front of a platform, that keeps what was
 * asked and can lose the answer to a pledge after the platform has made it. */
typedef struct _CfTestProxy CfTestProxy;

CfTestProxy *cf_test_proxy_new                (const char  *upstream_url);
const char  *cf_test_proxy_get_url            (CfTestProxy *self);
void         cf_test_proxy_lose_next_pledge   (CfTestProxy *self);
guint        cf_test_proxy_get_lost_answers   (CfTestProxy *self);
GPtrArray   *cf_test_proxy_take_requests      (CfTestProxy *self);
void         cf_test_proxy_free               (CfTestProxy *self);

G_END_DECLS
