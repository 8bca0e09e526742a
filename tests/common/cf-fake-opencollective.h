/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Open Collective's GraphQL API on loopback, answering from the fixtures
 * in tests/fixtures/opencollective/, written in the shapes of its published
 * schema. It takes only the queries of src/platforms/opencollective/queries
 * (which check-graphql-queries checks against the schema), counts requests
 * by the minute as Open Collective does (10 signed out, 100 with a token)
 * with its X-RateLimit-* headers, and answers a request past them 429 with
 * a fractional Retry-After and a body that is not a GraphQL envelope. The
 * personal token “oc-good-token” belongs to “camille-martin”, who gives to
 * three collectives and administers tidepool-editor; “oc-expired-token”
 * is refused as Open Collective refuses an expired one. */
typedef struct _CfFakeOpenCollective CfFakeOpenCollective;

#define CF_FAKE_OPENCOLLECTIVE_TOKEN "oc-good-token"
#define CF_FAKE_OPENCOLLECTIVE_EXPIRED_TOKEN "oc-expired-token"

typedef enum
{
  CF_FAKE_OPENCOLLECTIVE_ANSWER,        /* as Open Collective answers */
  CF_FAKE_OPENCOLLECTIVE_BOT_WALL,      /* 403 and a challenge page for browsers */
  CF_FAKE_OPENCOLLECTIVE_RATE_LIMITED,  /* 429, “Retry-After: 0.35” */
} CfFakeOpenCollectiveMood;

CfFakeOpenCollective *cf_fake_opencollective_new             (void);
const char           *cf_fake_opencollective_get_api_url     (CfFakeOpenCollective     *self);
const char           *cf_fake_opencollective_get_website_url (CfFakeOpenCollective     *self);
void                  cf_fake_opencollective_set_next_mood   (CfFakeOpenCollective     *self,
                                                              CfFakeOpenCollectiveMood  mood);
void                  cf_fake_opencollective_set_minute_length (CfFakeOpenCollective *self,
                                                                guint                 seconds);
void                  cf_fake_opencollective_start_new_minute (CfFakeOpenCollective *self);
void                  cf_fake_opencollective_set_balance     (CfFakeOpenCollective     *self,
                                                              const char               *slug,
                                                              gint64                    cents);
guint                 cf_fake_opencollective_count           (CfFakeOpenCollective     *self,
                                                              const char               *operation);
GHashTable           *cf_fake_opencollective_dup_request_counts (CfFakeOpenCollective *self);
guint                 cf_fake_opencollective_count_all       (CfFakeOpenCollective     *self);
guint                 cf_fake_opencollective_count_refused   (CfFakeOpenCollective     *self);
const char           *cf_fake_opencollective_get_last_search (CfFakeOpenCollective     *self);
void                  cf_fake_opencollective_free            (CfFakeOpenCollective     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfFakeOpenCollective, cf_fake_opencollective_free)

G_END_DECLS
