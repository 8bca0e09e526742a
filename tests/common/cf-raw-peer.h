/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A hostile HTTP server on loopback, written by hand on a socket in a
 * thread of its own, for answers libsoup's server would never give. */
typedef enum
{
  CF_RAW_ANSWER_ENDLESS_CHUNKS,  /* chunked, 1 MiB a chunk, until the client hangs up */
  CF_RAW_ANSWER_HUGE_LENGTH,     /* a Content-Length of 300 MiB, then the bytes */
  CF_RAW_ANSWER_NOTHING,         /* reads the request and never answers */
} CfRawAnswer;

typedef struct _CfRawPeer CfRawPeer;

CfRawPeer  *cf_raw_peer_new                (CfRawAnswer  answer);
const char *cf_raw_peer_get_url            (CfRawPeer   *self);
gsize       cf_raw_peer_wait_for_hang_up   (CfRawPeer   *self);
void        cf_raw_peer_free               (CfRawPeer   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfRawPeer, cf_raw_peer_free)

G_END_DECLS
