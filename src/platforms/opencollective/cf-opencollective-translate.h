/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What an answer does not say, that its translation needs. */
typedef struct
{
  const char *website_url;  /* “https://opencollective.com/” */
  const char *user_slug;    /* the signed-in person's profile, or NULL */
} CfOpenCollectiveContext;

/* Open Collective's GraphQL answers (the `data` of each query in
 * queries/), turned into the shapes of our own API, which the models read.
 * Each returns a new node, or NULL with @error set when the answer is not
 * in the shape of Open Collective's schema. Items of a list that cannot be
 * read are left out of it. */
typedef JsonNode *(*CfOpenCollectiveTranslateFunc) (JsonObject                    *data,
                                                    const CfOpenCollectiveContext *context,
                                                    GError                       **error);

/* SearchAccounts: a page of campaigns. */
JsonNode *cf_opencollective_translate_accounts      (JsonObject                    *data,
                                                     const CfOpenCollectiveContext *context,
                                                     GError                       **error);
/* Collective: the collective as a campaign, its tiers as rewards, its
 * published updates, and its figures as live stats. */
JsonNode *cf_opencollective_translate_collective    (JsonObject                    *data,
                                                     const CfOpenCollectiveContext *context,
                                                     GError                       **error);
JsonNode *cf_opencollective_translate_tiers         (JsonObject                    *data,
                                                     const CfOpenCollectiveContext *context,
                                                     GError                       **error);
JsonNode *cf_opencollective_translate_updates       (JsonObject                    *data,
                                                     const CfOpenCollectiveContext *context,
                                                     GError                       **error);
JsonNode *cf_opencollective_translate_stats         (JsonObject                    *data,
                                                     const CfOpenCollectiveContext *context,
                                                     GError                       **error);
/* Me: the person a personal token belongs to. */
JsonNode *cf_opencollective_translate_me            (JsonObject                    *data,
                                                     const CfOpenCollectiveContext *context,
                                                     GError                       **error);
/* MyContributions: a page of the person's contributions, as pledges. */
JsonNode *cf_opencollective_translate_contributions (JsonObject                    *data,
                                                     const CfOpenCollectiveContext *context,
                                                     GError                       **error);
/* Administered: a page of the collectives the person administers. */
JsonNode *cf_opencollective_translate_administered  (JsonObject                    *data,
                                                     const CfOpenCollectiveContext *context,
                                                     GError                       **error);
/* IncomingContributions: a page of contributions to a collective, as its backers' pledges. */
JsonNode *cf_opencollective_translate_incoming      (JsonObject                    *data,
                                                     const CfOpenCollectiveContext *context,
                                                     GError                       **error);

G_END_DECLS
