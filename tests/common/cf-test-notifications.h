/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A notification server on the session bus (org.freedesktop.Notifications)
 * that keeps what it is asked to show: "summary\nbody" for each. */
GPtrArray *cf_test_notifications_start (void);

G_END_DECLS
