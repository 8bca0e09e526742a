/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the book keeps (docs/kept-file.md), in the shapes of our own API,
 * which the models read. */

char     *cf_kept_dup_platform_name     (const char *address);
char     *cf_kept_dup_title_from_address (const char *address);
JsonNode *cf_kept_translate_campaign    (JsonObject *campaign,
                                         const char *problem);
JsonNode *cf_kept_translate_stats       (JsonObject *campaign);
/* Where a kept pledge's platform has pages for it, when it is known. */
typedef struct
{
  char *backing_url;  /* the backer's own page of their pledge */
  char *updates_url;  /* the campaign's updates */
} CfKeptLinks;

JsonNode *cf_kept_translate_pledge      (JsonObject        *pledge,
                                         JsonObject        *campaign,
                                         const CfKeptLinks *links,
                                         GDateTime         *now);

G_END_DECLS
