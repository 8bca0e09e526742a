/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledge-routes"

#include "config.h"

#include <string.h>

#include "cf-listing.h"
#include "cf-pledges.h"
#include "cf-resources.h"
#include "cf-server.h"
#include "cf-web-address.h"

/* Backers' pledges, and what creators see and do of their backers. */

#define MAX_KEY_BYTES     200
#define MAX_ADDRESS_BYTES 2000
#define MAX_TRACKING_BYTES 200

static const char * const pledge_statuses[] = {
  "pledged", "collected", "errored", "canceled", "dropped", "refunded", NULL
};
static const char * const fulfillment_statuses[] = {
  "not_started", "in_progress", "shipped", "delayed", "delivered", NULL
};

static void
reply_pledge (CfRequest *request,
              gint64     pledge_id,
              guint      status)
{
  sqlite3_stmt *statement = cf_database_prepare (request->database,
    "SELECT " CF_PLEDGE_COLUMNS CF_PLEDGE_FROM " WHERE p.id = ?");
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  sqlite3_bind_int64 (statement, 1, pledge_id);
  sqlite3_step (statement);
  cf_resources_add_pledge (builder, statement, cf_server_get_base_url (request->server), FALSE);
  cf_request_reply_builder (request, status, builder);
}

static void
reply_refusal (CfRequest       *request,
               const CfRefusal *refusal)
{
  if (refusal->field != NULL)
    cf_request_reply_field_error (request, refusal->status, refusal->code,
                                  refusal->field, refusal->field_code);
  else
    {
      g_autofree char *message = g_strdup (refusal->code);

      g_strdelimit (message, "_", ' ');
      cf_request_reply_error (request, refusal->status, refusal->code, message);
    }
}

typedef struct
{
  CfRequest *request;
  const char *status;
  gint64 campaign_id;
  gboolean with_backer;
} PledgeList;

static void
bind_pledge_list (sqlite3_stmt *statement,
                  gpointer      data)
{
  PledgeList *list = data;

  cf_listing_bind_int (statement, ":user", list->request->user_id);
  cf_listing_bind_int (statement, ":campaign", list->campaign_id);
  cf_listing_bind_text (statement, ":status", list->status);
}

static void
write_pledge (JsonBuilder  *builder,
              sqlite3_stmt *statement,
              gpointer      data)
{
  PledgeList *list = data;

  cf_resources_add_pledge (builder, statement, cf_server_get_base_url (list->request->server),
                           list->with_backer);
}

static void
list_my_pledges (CfRequest *request)
{
  PledgeList list = { request, cf_request_get_query (request, "status") };

  if (!cf_request_require_user (request))
    return;
  if (list.status != NULL && !g_strv_contains (pledge_statuses, list.status))
    {
      cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                    "status", "not_a_pledge_status");
      return;
    }

  cf_listing_reply (request, &(CfListing) {
    CF_PLEDGE_COLUMNS, CF_PLEDGE_FROM,
    list.status ? "p.backer_id = :user AND p.status = :status" : "p.backer_id = :user",
    "p.id", "p.id", TRUE, TRUE, bind_pledge_list, write_pledge, &list,
  });
}

static const char *
idempotency_key (CfRequest *request,
                 gboolean  *valid)
{
  const char *key = soup_message_headers_get_one (
    soup_server_message_get_request_headers (request->message), "Idempotency-Key");

  *valid = key == NULL || (*key != '\0' && strlen (key) <= MAX_KEY_BYTES);
  if (!*valid)
    cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                  "Idempotency-Key", "empty_or_too_long");
  return key;
}

static void
create_pledge (CfRequest *request)
{
  static const char * const members[] = { "reward_id", "amount", "shipping_country", NULL };
  CfPledgeOrder order = { 0 };
  CfRefusal refusal = { 0 };
  gint64 pledge_id;
  gboolean replayed, key_valid;

  if (!cf_request_require_user (request) || (order.campaign_id = cf_request_param_id (request, 0)) < 0)
    return;

  order.backer_id = request->user_id;
  order.idempotency_key = idempotency_key (request, &key_valid);
  if (!key_valid || !cf_request_check_members (request, members) ||
      !cf_request_body_id (request, "reward_id", &order.reward_id) ||
      !cf_request_body_money (request, "amount", &order.amount, &order.currency) ||
      !cf_request_body_country (request, "shipping_country", &order.shipping_country))
    return;

  if (!cf_pledges_create (request->database, &order, &pledge_id, &replayed, &refusal))
    {
      reply_refusal (request, &refusal);
      return;
    }

  if (!replayed)
    cf_live_hub_pledge_added (cf_server_get_live_hub (request->server), order.campaign_id,
                              order.reward_id, order.amount, order.currency);
  reply_pledge (request, pledge_id, replayed ? SOUP_STATUS_OK : SOUP_STATUS_CREATED);
}

static gboolean
read_edit (CfRequest    *request,
           CfPledgeEdit *edit)
{
  static const char * const members[] = {
    "reward_id", "amount", "shipping_country", "address", "received", NULL
  };
  static const struct
  {
    const char *member;
    CfPledgeEditFields field;
  } fields[] = {
    { "reward_id", CF_PLEDGE_EDIT_REWARD },
    { "amount", CF_PLEDGE_EDIT_AMOUNT },
    { "shipping_country", CF_PLEDGE_EDIT_SHIPPING_COUNTRY },
    { "address", CF_PLEDGE_EDIT_ADDRESS },
    { "received", CF_PLEDGE_EDIT_RECEIVED },
  };

  if (request->body == NULL || json_object_get_size (request->body) == 0)
    {
      cf_request_reply_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                              "Say what to change.");
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (cf_request_has_member (request, fields[i].member))
      edit->fields |= fields[i].field;

  return cf_request_check_members (request, members) &&
         cf_request_body_id (request, "reward_id", &edit->reward_id) &&
         (!(edit->fields & CF_PLEDGE_EDIT_AMOUNT) ||
          cf_request_body_money (request, "amount", &edit->amount, &edit->currency)) &&
         cf_request_body_country (request, "shipping_country", &edit->shipping_country) &&
         cf_request_body_text (request, "address", MAX_ADDRESS_BYTES, &edit->address) &&
         (!(edit->fields & CF_PLEDGE_EDIT_RECEIVED) ||
          cf_request_body_boolean (request, "received", &edit->received));
}

static void
change_pledge (CfRequest *request)
{
  CfPledgeEdit edit = { 0 };
  CfRefusal refusal = { 0 };
  gint64 pledge_id, campaign_id;

  if (!cf_request_require_user (request) || (pledge_id = cf_request_param_id (request, 0)) < 0 ||
      !read_edit (request, &edit))
    return;

  if (!cf_pledges_edit (request->database, pledge_id, request->user_id, &edit, &campaign_id, &refusal))
    {
      reply_refusal (request, &refusal);
      return;
    }

  cf_live_hub_totals_changed (cf_server_get_live_hub (request->server), campaign_id);
  reply_pledge (request, pledge_id, SOUP_STATUS_OK);
}

static void
cancel_pledge (CfRequest *request)
{
  CfRefusal refusal = { 0 };
  gint64 pledge_id, campaign_id;

  if (!cf_request_require_user (request) || (pledge_id = cf_request_param_id (request, 0)) < 0)
    return;

  if (!cf_pledges_cancel (request->database, pledge_id, request->user_id, &campaign_id, &refusal))
    {
      reply_refusal (request, &refusal);
      return;
    }

  cf_live_hub_totals_changed (cf_server_get_live_hub (request->server), campaign_id);
  cf_request_reply_empty (request);
}

/* The campaign of the path, when the signed-in user owns it: 0 otherwise,
 * after a 401, 403 or 404. */
static gint64
owned_campaign (CfRequest *request)
{
  gint64 campaign_id, owner_id;

  if (!cf_request_require_user (request) || (campaign_id = cf_request_param_id (request, 0)) < 0)
    return 0;

  owner_id = cf_database_query_int (request->database,
                                    "SELECT owner_id FROM campaigns WHERE id = ?", campaign_id);
  if (owner_id < 0)
    cf_request_reply_error (request, SOUP_STATUS_NOT_FOUND, "not_found", "No such campaign.");
  else if (owner_id != request->user_id)
    cf_request_reply_error (request, SOUP_STATUS_FORBIDDEN, "forbidden",
                            "Only the campaign's creator sees its backers.");

  return owner_id == request->user_id ? campaign_id : 0;
}

static void
list_backers (CfRequest *request)
{
  PledgeList list = { request, NULL, owned_campaign (request), TRUE };
  const char *sort = cf_request_get_query (request, "sort");

  if (list.campaign_id == 0)
    return;

  if (sort != NULL && !g_str_equal (sort, "newest") && !g_str_equal (sort, "oldest"))
    {
      cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                    "sort", "not_accepted");
      return;
    }

  cf_listing_reply (request, &(CfListing) {
    CF_PLEDGE_COLUMNS, CF_PLEDGE_FROM, "p.campaign_id = :campaign", "p.id", "p.id",
    g_strcmp0 (sort, "newest") == 0, TRUE,
    bind_pledge_list, write_pledge, &list,
  });
}

typedef struct
{
  const char *status;
  const char *tracking_number;
  const char *carrier;
  const char *tracking_url;
  gint64 reward_id;
  JsonArray *pledge_ids;
} Fulfillment;

static gboolean
read_fulfillment (CfRequest   *request,
                  Fulfillment *fulfillment)
{
  static const char * const members[] = {
    "pledge_ids", "reward_id", "status", "tracking_number", "carrier", "tracking_url", NULL
  };
  JsonNode *ids = request->body ? json_object_get_member (request->body, "pledge_ids") : NULL;

  if (request->body == NULL || !cf_request_check_members (request, members) ||
      !cf_request_body_id (request, "reward_id", &fulfillment->reward_id) ||
      !cf_request_body_text (request, "status", 16, &fulfillment->status) ||
      !cf_request_body_text (request, "tracking_number", MAX_TRACKING_BYTES, &fulfillment->tracking_number) ||
      !cf_request_body_text (request, "carrier", MAX_TRACKING_BYTES, &fulfillment->carrier) ||
      !cf_request_body_text (request, "tracking_url", MAX_TRACKING_BYTES, &fulfillment->tracking_url))
    return FALSE;

  if (fulfillment->status == NULL || !g_strv_contains (fulfillment_statuses, fulfillment->status))
    {
      cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                    "status", "not_a_fulfillment_status");
      return FALSE;
    }

  if (ids != NULL && !JSON_NODE_HOLDS_ARRAY (ids))
    {
      cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                    "pledge_ids", "not_a_list_of_ids");
      return FALSE;
    }

  if (fulfillment->tracking_url != NULL && !cf_web_address_is_valid (fulfillment->tracking_url))
    {
      cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                    "tracking_url", "not_a_web_address");
      return FALSE;
    }

  fulfillment->pledge_ids = ids ? json_node_get_array (ids) : NULL;
  return TRUE;
}

static gint64
apply_fulfillment (CfDatabase        *database,
                   gint64             campaign_id,
                   const Fulfillment *fulfillment,
                   const char        *selection,
                   gint64             selected)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE pledges SET fulfillment_status = :status,"
    " tracking_number = COALESCE (:number, tracking_number),"
    " carrier = COALESCE (:carrier, carrier), tracking_url = COALESCE (:url, tracking_url),"
    " shipped_at = CASE WHEN :status = 'shipped' THEN :now ELSE shipped_at END"
    " WHERE campaign_id = :campaign AND status IN ('pledged', 'collected') AND %s", selection);
  sqlite3_stmt *statement = cf_database_prepare (database, sql);

  cf_listing_bind_text (statement, ":status", fulfillment->status);
  cf_listing_bind_text (statement, ":number", fulfillment->tracking_number);
  cf_listing_bind_text (statement, ":carrier", fulfillment->carrier);
  cf_listing_bind_text (statement, ":url", fulfillment->tracking_url);
  cf_listing_bind_int (statement, ":now", g_get_real_time () / G_USEC_PER_SEC);
  cf_listing_bind_int (statement, ":campaign", campaign_id);
  cf_listing_bind_int (statement, ":selected", selected);
  if (!cf_database_write (database, statement, NULL))
    return -1;
  return sqlite3_changes (cf_database_get_handle (database));
}

/* Pledges by id, or a reward's backers, or (reward_id null) those who
 * chose no reward. */
static void
update_fulfillment (CfRequest *request)
{
  gint64 campaign_id = owned_campaign (request);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Fulfillment fulfillment = { 0 };
  gint64 updated = 0;

  if (campaign_id == 0 || !read_fulfillment (request, &fulfillment))
    return;

  for (guint i = 0; fulfillment.pledge_ids && i < json_array_get_length (fulfillment.pledge_ids); i++)
    {
      JsonNode *id = json_array_get_element (fulfillment.pledge_ids, i);

      if (!JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_INT64)
        {
          cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                        "pledge_ids", "not_a_list_of_ids");
          return;
        }
    }

  if (!cf_database_begin (request->database, NULL))
    {
      cf_request_reply_internal_error (request);
      return;
    }
  for (guint i = 0; fulfillment.pledge_ids && i < json_array_get_length (fulfillment.pledge_ids); i++)
    {
      gint64 changed = apply_fulfillment (request->database, campaign_id, &fulfillment, "id = :selected",
                                          json_array_get_int_element (fulfillment.pledge_ids, i));

      updated = changed < 0 || updated < 0 ? -1 : updated + changed;
    }
  if (fulfillment.pledge_ids == NULL)
    updated = apply_fulfillment (request->database, campaign_id, &fulfillment,
                                 fulfillment.reward_id ? "reward_id = :selected" : "reward_id IS NULL",
                                 fulfillment.reward_id);
  if (updated < 0 || !cf_database_commit (request->database, NULL))
    {
      cf_database_rollback (request->database);
      cf_request_reply_internal_error (request);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, updated);
  json_builder_end_object (builder);
  cf_request_reply_builder (request, SOUP_STATUS_OK, builder);
}

const CfRoute cf_pledge_routes[] = {
  { "GET", "me/pledges", list_my_pledges },
  { "POST", "campaigns/*/pledges", create_pledge },
  { "GET", "campaigns/*/pledges", list_backers },
  { "PATCH", "pledges/*", change_pledge },
  { "DELETE", "pledges/*", cancel_pledge },
  { "PATCH", "campaigns/*/fulfillment", update_fulfillment },
  { NULL, NULL, NULL },
};
