/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cf-credentials.h"

G_BEGIN_DECLS

#define CF_TYPE_HTTP_CLIENT (cf_http_client_get_type ())

G_DECLARE_FINAL_TYPE (CfHttpClient, cf_http_client, CF, HTTP_CLIENT, GObject)

/* Turns a parsed answer into the request's result, in a worker thread;
 * NULL with @error set when the answer does not have the expected shape. */
typedef gpointer (*CfHttpParseFunc)   (JsonNode       *root,
                                       gconstpointer   parse_data,
                                       GError        **error);
/* The error an adapter's API means by a 4xx or 5xx answer; @root is its
 * parsed body, or NULL. */
typedef GError  *(*CfHttpRefusalFunc) (guint           status,
                                       JsonNode       *root,
                                       gpointer        user_data);
/* Adds the adapter's credentials to a request's headers. */
typedef void     (*CfHttpAuthorizeFunc) (SoupMessageHeaders *headers,
                                         gpointer            user_data);
/* Renews the adapter's credentials after a 401, once per request; the
 * request is then sent again. */
typedef void     (*CfHttpRenewFunc)   (GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             callback_data,
                                       gpointer             user_data);
typedef gboolean (*CfHttpRenewFinishFunc) (GAsyncResult  *result,
                                           GError       **error);
/* Sees every answer's status and headers as it arrives, as a platform that
 * paces itself by its rate-limit headers needs. */
typedef void     (*CfHttpObserveFunc) (guint               status,
                                       SoupMessageHeaders *headers,
                                       gpointer            user_data);

/* How the task of a request sent for a platform (with a source object)
 * returns: the parsed result, TRUE for a write, or the gint64 the parse
 * function gave as an integer. Without a source object, the client's own
 * task returns the parsed result, or NULL for a write. */
typedef enum
{
  CF_HTTP_RESULT_POINTER,
  CF_HTTP_RESULT_BOOLEAN,
  CF_HTTP_RESULT_INT,
} CfHttpResultType;

typedef struct
{
  const char *method;
  const char *path;             /* below the base URL */
  GBytes *body;                 /* JSON, or NULL */
  const char *idempotency_key;  /* or NULL; a keyed write may be retried */
  gboolean repeatable;          /* safe to send again whatever its method: a read sent as POST (GraphQL) */
  gboolean authenticated;
  CfHttpParseFunc parse;        /* NULL: the answer is not read */
  gconstpointer parse_data;
  GDestroyNotify free_parse_data;  /* or NULL: frees @parse_data once the request is done */
  GDestroyNotify free_result;
  /* The task is the platform's, finished by its own _finish() functions,
   * so that adapters need not wrap it in a task of their own; or NULL. */
  gpointer source_object;
  gpointer source_tag;
  CfHttpResultType result_type;
} CfHttpRequest;

typedef struct
{
  CfHttpAuthorizeFunc authorize;
  CfHttpRenewFunc renew;
  CfHttpRenewFinishFunc renew_finish;  /* NULL: renew's result is a GTask returning a boolean */
  CfHttpRefusalFunc refusal;
  CfHttpObserveFunc observe;  /* or NULL */
  gpointer user_data;
} CfHttpAdapter;

SoupSession  *cf_http_client_new_session   (void);
CfHttpClient *cf_http_client_new           (SoupSession          *session,
                                            const char           *base_url,
                                            const CfHttpAdapter  *adapter);
void          cf_http_client_set_header    (CfHttpClient         *self,
                                            const char           *name,
                                            const char           *value);
void          cf_http_client_add_headers   (CfHttpClient         *self,
                                            SoupMessageHeaders   *headers,
                                            gboolean              authenticated);
void          cf_http_client_set_timeout   (CfHttpClient         *self,
                                            guint                 seconds);
void          cf_http_client_set_retry_delay (CfHttpClient       *self,
                                            guint                 milliseconds);
void          cf_http_client_forget_answers (CfHttpClient        *self);
void          cf_http_client_send_async    (CfHttpClient         *self,
                                            const CfHttpRequest  *request,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gpointer      cf_http_client_send_finish   (CfHttpClient         *self,
                                            GAsyncResult         *result,
                                            GError              **error);
/* How often a list people are looking at is asked again while its platform
 * does not answer: from two seconds to five minutes apart. */
#define CF_HTTP_RELOAD_FIRST_MS 2000
#define CF_HTTP_RELOAD_MAX_MS   (5 * 60 * 1000)

char         *cf_http_escape               (const char           *text);
void          cf_http_append_query         (GString              *path,
                                            const char           *name,
                                            const char           *value);
void          cf_http_authorize            (SoupMessageHeaders   *headers,
                                            const char           *scheme,
                                            CfCredentials        *credentials);
guint         cf_http_backoff_delay_ms     (guint                 first_ms,
                                            guint                 max_ms,
                                            guint                 attempt);

G_END_DECLS
