/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-live-hub"

#include "config.h"

#include "cf-json-limits.h"
#include "cf-live-hub.h"
#include "cf-resources.h"

#define COALESCE_MS        100
#define KEEPALIVE_SECONDS  20
#define MAX_MESSAGE_BYTES  (16 * 1024)
#define MAX_SUBSCRIPTIONS  1000
#define MAX_CLIENTS_PER_ADDRESS 64

typedef struct
{
  SoupWebsocketConnection *connection;
  char *address;
  gint64 user_id;
  GHashTable *campaigns;  /* subscribed campaign ids, as gint64 * */
  CfLiveHub *hub;
} LiveClient;

/* The live feed's server side: who listens to which campaign, and totals
 * sent at most once per campaign per COALESCE_MS however fast pledges come. */
struct _CfLiveHub
{
  GObject parent_instance;

  CfDatabase *database;
  GPtrArray *clients;
  GHashTable *listeners;  /* campaign id → GPtrArray of the LiveClients subscribed */
  GHashTable *dirty;  /* campaign ids whose totals changed since the last flush */
  guint flush_id;
  gint64 last_flush;  /* when totals last went out, monotonic µs */
  guint max_clients;
};

G_DEFINE_FINAL_TYPE (CfLiveHub, cf_live_hub, G_TYPE_OBJECT)

static void
stop_listening (LiveClient *client,
                gint64      campaign_id)
{
  GPtrArray *listeners = g_hash_table_lookup (client->hub->listeners, &campaign_id);

  g_ptr_array_remove_fast (listeners, client);
  if (listeners->len == 0)
    g_hash_table_remove (client->hub->listeners, &campaign_id);
}

static void
live_client_free (LiveClient *client)
{
  GHashTableIter iter;
  gint64 *campaign_id;

  g_hash_table_iter_init (&iter, client->campaigns);
  while (g_hash_table_iter_next (&iter, (gpointer *) &campaign_id, NULL))
    stop_listening (client, *campaign_id);
  g_signal_handlers_disconnect_by_data (client->connection, client);
  if (soup_websocket_connection_get_state (client->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (client->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_object_unref (client->connection);
  g_free (client->address);
  g_hash_table_unref (client->campaigns);
  g_free (client);
}

static void
send_text (LiveClient *client,
           const char *text)
{
  if (soup_websocket_connection_get_state (client->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (client->connection, text);
}

/* An event is written as text once, however many clients it goes to, and
 * only the campaign's listeners are visited. */
static void
broadcast (CfLiveHub  *self,
           gint64      campaign_id,
           gint64      only_user_id,
           const char *text)
{
  GPtrArray *listeners = g_hash_table_lookup (self->listeners, &campaign_id);

  for (guint i = 0; listeners != NULL && i < listeners->len; i++)
    {
      LiveClient *client = g_ptr_array_index (listeners, i);

      if (only_user_id == 0 || client->user_id == only_user_id)
        send_text (client, text);
    }
}

static JsonBuilder *
begin_event (const char *type,
             gint64      campaign_id)
{
  JsonBuilder *builder = json_builder_new ();
  g_autofree char *at = cf_resources_format_time (g_get_real_time () / G_USEC_PER_SEC);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "campaign");
  json_builder_add_int_value (builder, campaign_id);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  return builder;
}

static void
send_event (CfLiveHub   *self,
            gint64       campaign_id,
            gint64       only_user_id,
            JsonBuilder *builder)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  text = json_to_string (node, FALSE);
  broadcast (self, campaign_id, only_user_id, text);
}

static void
send_totals (CfLiveHub *self,
             gint64     campaign_id)
{
  sqlite3_stmt *statement = cf_database_prepare (self->database,
    "SELECT pledged, currency, backers_count FROM campaigns WHERE id = ?");
  g_autoptr(JsonBuilder) builder = NULL;

  sqlite3_bind_int64 (statement, 1, campaign_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return;

  builder = begin_event ("totals", campaign_id);
  cf_resources_add_money (builder, "pledged", sqlite3_column_int64 (statement, 0),
                          (const char *) sqlite3_column_text (statement, 1));
  json_builder_set_member_name (builder, "backers_count");
  json_builder_add_int_value (builder, sqlite3_column_int64 (statement, 2));
  send_event (self, campaign_id, 0, builder);
}

static gboolean
flush_cb (gpointer user_data)
{
  CfLiveHub *self = user_data;
  GHashTableIter iter;
  gint64 *campaign_id;

  self->flush_id = 0;
  self->last_flush = g_get_monotonic_time ();
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, (gpointer *) &campaign_id, NULL))
    send_totals (self, *campaign_id);
  g_hash_table_remove_all (self->dirty);

  return G_SOURCE_REMOVE;
}

/* Ids from {"subscribe": [1, 2]}: FALSE when the message is not of that shape. */
static gboolean
read_ids (JsonObject  *object,
          const char  *member,
          GArray     **ids)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
        {
          g_clear_pointer (ids, g_array_unref);
          return FALSE;
        }
      id = json_node_get_int (element);
      g_array_append_val (*ids, id);
    }

  return TRUE;
}

static gboolean
handle_request (LiveClient *client,
                JsonObject *object)
{
  g_autoptr(GArray) ids = NULL;

  if (read_ids (object, "subscribe", &ids))
    {
      for (guint i = 0; i < ids->len && g_hash_table_size (client->campaigns) < MAX_SUBSCRIPTIONS; i++)
        {
          gint64 *campaign_id = &g_array_index (ids, gint64, i);
          GPtrArray *listeners;

          if (!g_hash_table_add (client->campaigns, g_memdup2 (campaign_id, sizeof (gint64))))
            continue;
          listeners = g_hash_table_lookup (client->hub->listeners, campaign_id);
          if (listeners == NULL)
            {
              listeners = g_ptr_array_new ();
              g_hash_table_insert (client->hub->listeners, g_memdup2 (campaign_id, sizeof (gint64)), listeners);
            }
          g_ptr_array_add (listeners, client);
        }
      return TRUE;
    }

  if (read_ids (object, "unsubscribe", &ids))
    {
      for (guint i = 0; i < ids->len; i++)
        if (g_hash_table_remove (client->campaigns, &g_array_index (ids, gint64, i)))
          stop_listening (client, g_array_index (ids, gint64, i));
      return TRUE;
    }

  return FALSE;
}

static void
message_cb (SoupWebsocketConnection *connection,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            LiveClient              *client)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (message, &length);
  JsonNode *root;

  if (type == SOUP_WEBSOCKET_DATA_TEXT &&
      cf_json_check_limits (data, length, MAX_MESSAGE_BYTES, NULL) &&
      json_parser_load_from_data (parser, data, length, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      handle_request (client, json_node_get_object (root)))
    return;

  g_debug ("ignoring a malformed live message of %zu bytes", length);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           CfLiveHub               *self)
{
  for (guint i = 0; i < self->clients->len; i++)
    {
      LiveClient *client = g_ptr_array_index (self->clients, i);

      if (client->connection == connection)
        {
          g_ptr_array_remove_index_fast (self->clients, i);
          return;
        }
    }
}

static void
cf_live_hub_dispose (GObject *object)
{
  CfLiveHub *self = CF_LIVE_HUB (object);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_pointer (&self->clients, g_ptr_array_unref);
  g_clear_pointer (&self->listeners, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (cf_live_hub_parent_class)->dispose (object);
}

static void
cf_live_hub_class_init (CfLiveHubClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_live_hub_dispose;
}

static void
cf_live_hub_init (CfLiveHub *self)
{
  self->max_clients = CF_LIVE_HUB_DEFAULT_MAX_CLIENTS;
  self->clients = g_ptr_array_new_with_free_func ((GDestroyNotify) live_client_free);
  self->listeners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->dirty = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

CfLiveHub *
cf_live_hub_new (CfDatabase *database)
{
  CfLiveHub *self = g_object_new (CF_TYPE_LIVE_HUB, NULL);

  self->database = g_object_ref (database);
  return self;
}

/* Listeners are capped in all and per address, so that idle connections
 * cannot take the platform's memory and descriptors. */
gboolean
cf_live_hub_has_room (CfLiveHub  *self,
                      const char *address)
{
  guint from_address = 0;

  if (self->clients->len >= self->max_clients)
    return FALSE;

  for (guint i = 0; i < self->clients->len; i++)
    {
      LiveClient *client = g_ptr_array_index (self->clients, i);

      from_address += g_strcmp0 (client->address, address) == 0;
    }

  return from_address < MAX_CLIENTS_PER_ADDRESS;
}

/* How many listeners the platform keeps in all. */
void
cf_live_hub_set_max_clients (CfLiveHub *self,
                             guint      max_clients)
{
  self->max_clients = max_clients;
}

void
cf_live_hub_add_client (CfLiveHub               *self,
                        SoupWebsocketConnection *connection,
                        const char              *address,
                        gint64                   user_id)
{
  LiveClient *client = g_new0 (LiveClient, 1);

  client->connection = g_object_ref (connection);
  client->address = g_strdup (address);
  client->user_id = user_id;
  client->hub = self;
  client->campaigns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  soup_websocket_connection_set_max_incoming_payload_size (connection, MAX_MESSAGE_BYTES);
  soup_websocket_connection_set_keepalive_interval (connection, KEEPALIVE_SECONDS);
  g_signal_connect (connection, "message", G_CALLBACK (message_cb), client);
  g_signal_connect_object (connection, "closed", G_CALLBACK (closed_cb), self, 0);
  g_ptr_array_add (self->clients, client);
}

/* Totals go out once whatever came meanwhile, at most every COALESCE_MS:
 * at once when the last went out longer ago — a pledge after a quiet
 * moment, or while sending to many listeners took longer than that — and
 * otherwise when COALESCE_MS have passed since. */
void
cf_live_hub_totals_changed (CfLiveHub *self,
                            gint64     campaign_id)
{
  gint64 wait;

  if (!g_hash_table_contains (self->dirty, &campaign_id))
    g_hash_table_add (self->dirty, g_memdup2 (&campaign_id, sizeof campaign_id));

  if (self->flush_id != 0)
    return;
  wait = MAX (0, self->last_flush + COALESCE_MS * 1000 - g_get_monotonic_time ());
  self->flush_id = g_timeout_add ((guint) ((wait + 999) / 1000), flush_cb, self);
}

/* Every pledge, to the campaign's owner only. */
void
cf_live_hub_pledge_added (CfLiveHub  *self,
                          gint64      campaign_id,
                          gint64      reward_id,
                          gint64      amount,
                          const char *currency)
{
  gint64 owner_id = cf_database_query_int (self->database,
                                           "SELECT owner_id FROM campaigns WHERE id = ?", campaign_id);
  g_autoptr(JsonBuilder) builder = begin_event ("pledge", campaign_id);

  json_builder_set_member_name (builder, "reward_id");
  if (reward_id > 0)
    json_builder_add_int_value (builder, reward_id);
  else
    json_builder_add_null_value (builder);
  cf_resources_add_money (builder, "amount", amount, currency);
  send_event (self, campaign_id, owner_id, builder);
  cf_live_hub_totals_changed (self, campaign_id);
}

void
cf_live_hub_state_changed (CfLiveHub  *self,
                           gint64      campaign_id,
                           const char *state)
{
  g_autoptr(JsonBuilder) builder = begin_event ("state", campaign_id);

  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, state);
  send_event (self, campaign_id, 0, builder);
}

guint
cf_live_hub_get_n_clients (CfLiveHub *self)
{
  return self->clients->len;
}
