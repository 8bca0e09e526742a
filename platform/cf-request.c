/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-request"

#include "config.h"

#include <string.h>

#include "cf-pledges.h"
#include "cf-request.h"

/* A strong ETag: the body's SHA-256, so equal bodies match across restarts. */
static char *
etag_for (const char *body,
          gsize       length)
{
  g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                         (const guchar *) body, length);

  return g_strdup_printf ("\"%.32s\"", digest);
}

void
cf_request_reply (CfRequest *request,
                  guint      status,
                  JsonNode  *node)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *etag = NULL;
  const char *if_none_match;
  gsize length;
  char *body;

  json_generator_set_root (generator, node);
  body = json_generator_to_data (generator, &length);

  if (g_str_equal (request->method, "GET") && status == SOUP_STATUS_OK)
    {
      etag = etag_for (body, length);
      soup_message_headers_replace (headers, "ETag", etag);
      if_none_match = soup_message_headers_get_one (
        soup_server_message_get_request_headers (request->message), "If-None-Match");
      if (g_strcmp0 (if_none_match, etag) == 0)
        {
          g_free (body);
          soup_server_message_set_status (request->message, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
    }

  soup_server_message_set_status (request->message, status, NULL);
  soup_server_message_set_response (request->message, "application/json", SOUP_MEMORY_TAKE,
                                    body, length);
}

void
cf_request_reply_builder (CfRequest   *request,
                          guint        status,
                          JsonBuilder *builder)
{
  g_autoptr(JsonNode) node = json_builder_get_root (builder);

  cf_request_reply (request, status, node);
}

void
cf_request_reply_empty (CfRequest *request)
{
  soup_server_message_set_status (request->message, SOUP_STATUS_NO_CONTENT, NULL);
}

static void
reply_error (CfRequest  *request,
             guint       status,
             const char *code,
             const char *message,
             const char *field,
             const char *field_code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  if (field != NULL)
    {
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, field);
      json_builder_add_string_value (builder, field_code);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  cf_request_reply_builder (request, status, builder);
}

void
cf_request_reply_error (CfRequest  *request,
                        guint       status,
                        const char *code,
                        const char *message)
{
  reply_error (request, status, code, message, NULL, NULL);
}

/* A refusal that names the member at fault: {"fields": {"amount": "below_minimum"}}. */
/* The cause is in the platform's log, written where the write failed. */
void
cf_request_reply_internal_error (CfRequest *request)
{
  cf_request_reply_error (request, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                          "The platform could not save this; nothing was changed.");
}

void
cf_request_reply_field_error (CfRequest  *request,
                              guint       status,
                              const char *code,
                              const char *field,
                              const char *field_code)
{
  g_autofree char *message = g_strdup_printf ("“%s” is %s", field, field_code);

  g_strdelimit (message, "_", ' ');
  reply_error (request, status, code, message, field, field_code);
}

gboolean
cf_request_require_user (CfRequest *request)
{
  if (request->user_id > 0)
    return TRUE;

  soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                "WWW-Authenticate", "Bearer realm=\"crowdfund\"");
  cf_request_reply_error (request, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                          "Sign in first: this needs a valid access token.");
  return FALSE;
}

/* An id is all digits: "2-player-chess" is a slug, not campaign 2. */
gboolean
cf_request_parse_id (const char *text,
                     gint64     *value)
{
  char *end = NULL;
  guint64 parsed;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;

  parsed = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || parsed == 0 || parsed > G_MAXINT64)
    return FALSE;

  *value = (gint64) parsed;
  return TRUE;
}

/* The id in the @index-th captured segment, or -1 (after a 404) if it is
 * not one. */
gint64
cf_request_param_id (CfRequest *request,
                     guint      index)
{
  gint64 id;

  if (cf_request_parse_id (request->params[index], &id))
    return id;

  cf_request_reply_error (request, SOUP_STATUS_NOT_FOUND, "not_found", "No such resource.");
  return -1;
}

const char *
cf_request_get_query (CfRequest  *request,
                      const char *name)
{
  return request->query ? g_hash_table_lookup (request->query, name) : NULL;
}

gboolean
cf_request_get_limit (CfRequest *request,
                      int       *limit)
{
  const char *text = cf_request_get_query (request, "limit");
  gint64 value = 50;

  if (text != NULL && (!cf_request_parse_id (text, &value) || value > 100))
    {
      cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                    "limit", "not_between_1_and_100");
      return FALSE;
    }

  *limit = (int) value;
  return TRUE;
}

/* Refuses a body with a member the route does not know: a typo in a field
 * name must not pass as "left unchanged". */
gboolean
cf_request_check_members (CfRequest          *request,
                          const char * const *allowed)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, request->body);
  while (json_object_iter_next (&iter, &name, &value))
    if (!g_strv_contains (allowed, name))
      {
        cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "unknown_field",
                                      name, "unknown");
        return FALSE;
      }

  return TRUE;
}

gboolean
cf_request_has_member (CfRequest  *request,
                       const char *name)
{
  return request->body != NULL && json_object_has_member (request->body, name);
}

static JsonNode *
body_member (CfRequest  *request,
             const char *name)
{
  JsonNode *node = request->body ? json_object_get_member (request->body, name) : NULL;

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
reply_wrong_type (CfRequest  *request,
                  const char *name,
                  const char *expected)
{
  cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request", name, expected);
  return FALSE;
}

/* An id member: a positive integer, or 0 when null or absent. */
gboolean
cf_request_body_id (CfRequest  *request,
                    const char *name,
                    gint64     *id)
{
  JsonNode *node = body_member (request, name);

  *id = 0;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_INT64) || json_node_get_int (node) <= 0)
    return reply_wrong_type (request, name, "not_an_id");

  *id = json_node_get_int (node);
  return TRUE;
}

/* A text member of valid UTF-8 up to @max_length bytes, or NULL. */
gboolean
cf_request_body_text (CfRequest   *request,
                      const char  *name,
                      gsize        max_length,
                      const char **text)
{
  JsonNode *node = body_member (request, name);

  *text = NULL;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_STRING) || strlen (json_node_get_string (node)) > max_length ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return reply_wrong_type (request, name, "not_a_text");

  *text = json_node_get_string (node);
  return TRUE;
}

/* An ISO 3166 alpha-2 country code, or NULL. */
gboolean
cf_request_body_country (CfRequest   *request,
                         const char  *name,
                         const char **country)
{
  if (!cf_request_body_text (request, name, 2, country))
    return FALSE;

  if (*country != NULL &&
      (strlen (*country) != 2 || !g_ascii_isupper ((*country)[0]) || !g_ascii_isupper ((*country)[1])))
    return reply_wrong_type (request, name, "not_a_country_code");

  return TRUE;
}

gboolean
cf_request_body_boolean (CfRequest  *request,
                         const char *name,
                         gboolean   *value)
{
  JsonNode *node = body_member (request, name);

  if (node == NULL || !holds (node, G_TYPE_BOOLEAN))
    return reply_wrong_type (request, name, "not_a_boolean");

  *value = json_node_get_boolean (node);
  return TRUE;
}

/* A required, positive Money member. */
gboolean
cf_request_body_money (CfRequest   *request,
                       const char  *name,
                       gint64      *amount,
                       const char **currency)
{
  JsonNode *node = body_member (request, name);
  JsonObject *money = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *amount_node = money ? json_object_get_member (money, "amount") : NULL;
  JsonNode *currency_node = money ? json_object_get_member (money, "currency") : NULL;

  if (money == NULL || json_object_get_size (money) != 2 ||
      amount_node == NULL || !holds (amount_node, G_TYPE_INT64) ||
      currency_node == NULL || !holds (currency_node, G_TYPE_STRING) ||
      strlen (json_node_get_string (currency_node)) != 3)
    return reply_wrong_type (request, name, "not_money");

  /* 2^63 and beyond arrive wrapped below zero: they are too large. */
  if (json_node_get_int (amount_node) <= 0 && !request->body_has_huge_integer)
    return reply_wrong_type (request, name, "not_positive");
  if (json_node_get_int (amount_node) <= 0 || json_node_get_int (amount_node) > CF_PLEDGES_MAX_AMOUNT)
    {
      cf_request_reply_field_error (request, SOUP_STATUS_UNPROCESSABLE_ENTITY, "amount_too_large",
                                    name, "too_large");
      return FALSE;
    }

  *amount = json_node_get_int (amount_node);
  *currency = json_node_get_string (currency_node);
  return TRUE;
}
