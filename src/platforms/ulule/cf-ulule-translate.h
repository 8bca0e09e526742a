/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Every translation takes the same arguments: the parsed answer, the
 * person's language, and what the answer itself does not say (@context: a
 * project for its orders, a currency for its stats, else unused). */
typedef JsonNode *(*CfUluleTranslateFunc) (JsonNode    *root,
                                           const char  *lang,
                                           JsonNode    *context,
                                           GError     **error);

/* Ulule's answers, as its documentation gives them, turned into the shapes
 * of our own API (docs/api.md), which the models read. Each function takes
 * the parsed answer and returns a new node, or NULL with @error set when
 * the answer is not what Ulule documents. @lang is the person's language:
 * texts Ulule gives per language are read in it, else in the project's own
 * language, else in any. Items of a list that cannot be read are left out
 * of it. */

/* A project, or a search result. */
JsonNode *cf_ulule_translate_project    (JsonNode    *root,
                                         const char  *lang,
                                         JsonNode    *context,
                                         GError     **error);
/* A list of projects under @member (“projects”), with its `meta`. */
JsonNode *cf_ulule_translate_projects   (JsonNode    *root,
                                         const char  *lang,
                                         JsonNode    *context,
                                         GError     **error);
/* The `rewards` of a project. */
JsonNode *cf_ulule_translate_rewards    (JsonNode    *root,
                                         const char  *lang,
                                         JsonNode    *context,
                                         GError     **error);
/* A project's news, newest first, with its `meta`. */
JsonNode *cf_ulule_translate_news       (JsonNode    *root,
                                         const char  *lang,
                                         JsonNode    *context,
                                         GError     **error);
JsonNode *cf_ulule_translate_categories (JsonNode    *root,
                                         const char  *lang,
                                         JsonNode    *context,
                                         GError     **error);
JsonNode *cf_ulule_translate_user       (JsonNode    *root,
                                         const char  *lang,
                                         JsonNode    *context,
                                         GError     **error);
/* A user's orders (with their `project`), or the orders of the project
 * @context, with `meta`. */
JsonNode *cf_ulule_translate_orders     (JsonNode    *root,
                                         const char  *lang,
                                         JsonNode    *context,
                                         GError     **error);
/* A project's `stats.json` from data.ulule.com, in the currency @context
 * (a string node). */
JsonNode *cf_ulule_translate_stats      (JsonNode    *root,
                                         const char  *lang,
                                         JsonNode    *context,
                                         GError     **error);

/* The page after this one, from a `meta.next` query string: only its
 * `offset`, `since` and `limit`, or NULL. */
char     *cf_ulule_next_query           (const char  *next);

G_END_DECLS
