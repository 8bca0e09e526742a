/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Kickstarter's public project figures on loopback: every
 * /projects/CREATOR/SLUG/stats.json answers with
 * tests/fixtures/kickstarter/stats.json (a live campaign), or once it was
 * told so stats-successful.json (the same campaign, funded and ended).
 * It can refuse as Kickstarter's edge does (403 with a challenge page for
 * browsers, 429 with Retry-After, 503), or fail (500). */
typedef struct _CfFakeKickstarter CfFakeKickstarter;

typedef enum
{
  CF_FAKE_KICKSTARTER_LIVE,
  CF_FAKE_KICKSTARTER_SUCCESSFUL,
  CF_FAKE_KICKSTARTER_CHALLENGE,     /* 403, a page for browsers */
  CF_FAKE_KICKSTARTER_RATE_LIMITED,  /* 429, Retry-After */
  CF_FAKE_KICKSTARTER_UNAVAILABLE,   /* 503 */
  CF_FAKE_KICKSTARTER_FAILING,       /* 500 */
} CfFakeKickstarterMood;

CfFakeKickstarter *cf_fake_kickstarter_new          (void);
const char        *cf_fake_kickstarter_get_url      (CfFakeKickstarter     *self);
void               cf_fake_kickstarter_set_mood     (CfFakeKickstarter     *self,
                                                     CfFakeKickstarterMood  mood);
guint              cf_fake_kickstarter_count        (CfFakeKickstarter     *self);
gint64             cf_fake_kickstarter_get_request_time (CfFakeKickstarter *self,
                                                     guint                  index);
void               cf_fake_kickstarter_free         (CfFakeKickstarter     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfFakeKickstarter, cf_fake_kickstarter_free)

G_END_DECLS
