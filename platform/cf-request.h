/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cf-database.h"

G_BEGIN_DECLS

#define CF_MAX_BODY_BYTES (64 * 1024)

typedef struct _CfServer CfServer;

/* One API request as a route handler sees it. */
typedef struct
{
  CfServer *server;
  CfDatabase *database;
  SoupServerMessage *message;
  const char *method;
  GStrv params;         /* the path segments a route captured with "*" */
  GHashTable *query;    /* or NULL */
  gint64 user_id;       /* 0 when anonymous */
  char *token_hash;     /* of the access token presented, or NULL */
  JsonObject *body;     /* the JSON object sent, or NULL */
  gboolean body_has_huge_integer;  /* an integer beyond 64 bits, read wrapped */
} CfRequest;

typedef void (*CfRouteHandler) (CfRequest *request);

typedef struct
{
  const char *method;
  const char *pattern;  /* segments, where "*" matches any one */
  CfRouteHandler handler;
} CfRoute;

void        cf_request_reply             (CfRequest   *request,
                                          guint        status,
                                          JsonNode    *node);
void        cf_request_reply_builder     (CfRequest   *request,
                                          guint        status,
                                          JsonBuilder *builder);
void        cf_request_reply_empty       (CfRequest   *request);
void        cf_request_reply_error       (CfRequest   *request,
                                          guint        status,
                                          const char  *code,
                                          const char  *message);
void        cf_request_reply_internal_error (CfRequest *request);
void        cf_request_reply_field_error (CfRequest   *request,
                                          guint        status,
                                          const char  *code,
                                          const char  *field,
                                          const char  *field_code);
gboolean    cf_request_require_user      (CfRequest   *request);
gboolean    cf_request_parse_id          (const char  *text,
                                          gint64      *value);
gint64      cf_request_param_id          (CfRequest   *request,
                                          guint        index);
const char *cf_request_get_query         (CfRequest   *request,
                                          const char  *name);
gboolean    cf_request_get_limit         (CfRequest   *request,
                                          int         *limit);
gboolean    cf_request_check_members     (CfRequest   *request,
                                          const char * const *allowed);
gboolean    cf_request_has_member        (CfRequest   *request,
                                          const char  *name);
gboolean    cf_request_body_id           (CfRequest   *request,
                                          const char  *name,
                                          gint64      *id);
gboolean    cf_request_body_text         (CfRequest   *request,
                                          const char  *name,
                                          gsize        max_length,
                                          const char **text);
gboolean    cf_request_body_country      (CfRequest   *request,
                                          const char  *name,
                                          const char **country);
gboolean    cf_request_body_boolean      (CfRequest   *request,
                                          const char  *name,
                                          gboolean    *value);
gboolean    cf_request_body_money        (CfRequest   *request,
                                          const char  *name,
                                          gint64      *amount,
                                          const char **currency);

G_END_DECLS
