/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-live-feed"

#include "config.h"

#include "cf-enum-types.h"
#include "cf-http-client.h"
#include "cf-json-limits.h"
#include "cf-live-event.h"
#include "cf-live-feed-private.h"
#include "cf-saved-list.h"

#define MAX_EVENT_BYTES        (16 * 1024)
#define MAX_INCOMING_BYTES     (1024 * 1024)
#define KEEPALIVE_SECONDS      20
#define FIRST_RETRY_MS         500
#define MAX_RETRY_MS           (60 * 1000)
#define SETTLE_US              (2 * G_USEC_PER_SEC)
#define USEFUL_CONNECTION_US   (30 * G_USEC_PER_SEC)
#define LIVE_POINT_SPACING_US  (60 * G_USEC_PER_SEC)
#define DEFAULT_POLL_SECONDS   15
#define KEEP_EVERY_US          (30 * G_USEC_PER_SEC)

typedef struct
{
  CfLiveCampaign live;  /* first: what lookups return */
  char *id;
  guint subscribers;
  guint detailed;             /* subscribers who want rewards and funding */
  gboolean reading;           /* a snapshot is on its way */
  gboolean read_again;        /* …and another is wanted after it */
  gboolean totals_while_reading;
  gboolean unsettled;         /* pledge events since the last snapshot */
  gint64 kept_written_at;     /* monotonic, µs: when the figures were last kept */
  GCancellable *cancellable;
} Entry;

/* The live figures of the campaigns on screen, over one WebSocket per
 * account (/v1/live). Events change plain per-campaign state and mark it
 * changed; flush () — once a frame — tells those who show it. Without a
 * WebSocket the feed polls each campaign's stats instead, and it keeps
 * trying to connect again, with growing delays. */
struct _CfLiveFeed
{
  GObject parent_instance;

  CfPlatform *platform;
  GHashTable *entries;        /* campaign id → Entry */
  GHashTable *changed;        /* campaign ids changed since the last flush */
  GPtrArray *to_subscribe;    /* ids to tell the platform of */
  GPtrArray *to_unsubscribe;
  JsonParser *parser;

  SoupWebsocketConnection *connection;
  GCancellable *cancellable;  /* of the connection attempt */
  gboolean connecting;
  CfLiveFeedStatus status;
  guint attempt;
  gint64 connected_at;  /* monotonic, µs */
  guint poll_interval;
  gint64 last_pledge_at;      /* monotonic, µs */
  gboolean missed_events;     /* no connection for a while since the last one */
  char *opened_with;          /* the access token the connection was opened with, if any */
  gboolean reconnect_for_details; /* …and someone has signed in since */
  char *kept_folder;          /* where detailed figures are kept for later runs */

  guint retry_id;
  guint poll_id;
  guint settle_id;
  guint send_id;

  guint64 n_events;
  guint64 n_ignored;
};

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

enum {
  PENDING,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CfLiveFeed, cf_live_feed, G_TYPE_OBJECT)

static void connect_live (CfLiveFeed *self);
static void start_again (CfLiveFeed *self);

static void
entry_free (Entry *entry)
{
  g_cancellable_cancel (entry->cancellable);
  g_clear_object (&entry->cancellable);
  g_clear_pointer (&entry->live.funding, g_array_unref);
  g_clear_pointer (&entry->live.rewards, g_array_unref);
  g_free (entry->id);
  g_free (entry);
}

static void
set_status (CfLiveFeed       *self,
            CfLiveFeedStatus  status)
{
  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
mark_changed (CfLiveFeed *self,
              Entry      *entry)
{
  if (g_hash_table_size (self->changed) == 0)
    g_signal_emit (self, signals[PENDING], 0);
  g_hash_table_add (self->changed, entry->id);
}

static void
send_ids (CfLiveFeed *self,
          const char *verb,
          GPtrArray  *ids)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  if (ids->len == 0)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, verb);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    cf_model_build_id (builder, g_ptr_array_index (ids, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  soup_websocket_connection_send_text (self->connection, text);
}

/* Subscriptions made in one main-loop turn (cards bound while scrolling) go
 * out in one message. */
static gboolean
send_subscriptions_cb (gpointer user_data)
{
  CfLiveFeed *self = user_data;

  self->send_id = 0;
  if (self->connection != NULL &&
      soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    {
      send_ids (self, "unsubscribe", self->to_unsubscribe);
      send_ids (self, "subscribe", self->to_subscribe);
    }
  g_ptr_array_set_size (self->to_subscribe, 0);
  g_ptr_array_set_size (self->to_unsubscribe, 0);

  return G_SOURCE_REMOVE;
}

static void
queue_id (CfLiveFeed *self,
          GPtrArray  *queue,
          const char *id)
{
  g_ptr_array_add (queue, g_strdup (id));
  if (self->send_id == 0)
    self->send_id = g_idle_add (send_subscriptions_cb, self);
}

static void
add_live_point (Entry  *entry,
                gint64  now)
{
  CfLivePoint point = { now, entry->live.pledged.amount, entry->live.backers_count };
  GArray *funding = entry->live.funding;
  CfLivePoint *last = funding->len > 0 ? &g_array_index (funding, CfLivePoint, funding->len - 1) : NULL;

  /* One point a minute at most: a campaign watched for days stays small. */
  if (last != NULL && now - last->at < LIVE_POINT_SPACING_US && funding->len > 1)
    *last = point;
  else
    g_array_append_val (funding, point);
}

static void
copy_funding (Entry   *entry,
              CfStats *stats)
{
  GListModel *funding = cf_stats_get_funding (stats);
  guint n = g_list_model_get_n_items (funding);

  g_array_set_size (entry->live.funding, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfFundingPoint) item = g_list_model_get_item (funding, i);
      CfLivePoint point = {
        g_date_time_to_unix (cf_funding_point_get_at (item)) * G_USEC_PER_SEC,
        cf_funding_point_get_pledged (item)->amount,
        cf_funding_point_get_backers_count (item),
      };

      g_array_append_val (entry->live.funding, point);
    }
}

static void
copy_rewards (Entry   *entry,
              CfStats *stats)
{
  GListModel *rewards = cf_stats_get_rewards (stats);
  guint n = g_list_model_get_n_items (rewards);

  g_array_set_size (entry->live.rewards, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfRewardStats) item = g_list_model_get_item (rewards, i);
      CfLiveRewardFigures figures = {
        .backers_count = cf_reward_stats_get_backers_count (item),
        .pledged = cf_reward_stats_get_pledged (item)->amount,
      };

      g_strlcpy (figures.reward_id, cf_reward_stats_get_reward_id (item), sizeof figures.reward_id);
      g_array_append_val (entry->live.rewards, figures);
    }
}

static void read_snapshot (CfLiveFeed *self,
                           Entry      *entry);

/* Figures the platform gave at @at (real time, µs). */
static void
apply_stats (CfLiveFeed *self,
             Entry      *entry,
             CfStats    *stats,
             gint64      at)
{
  /* A totals event that came while the snapshot was on its way is at least
   * as new as the snapshot: it wins. */
  if (!entry->totals_while_reading || !entry->live.known)
    {
      entry->live.pledged = *cf_stats_get_pledged (stats);
      entry->live.backers_count = cf_stats_get_backers_count (stats);
      entry->live.known = TRUE;
    }
  if (cf_stats_get_next_goal (stats) != NULL)
    entry->live.next_goal = *cf_stats_get_next_goal (stats);
  if (cf_stats_get_goal_unit (stats) != CF_GOAL_UNIT_MONEY)
    {
      entry->live.goal_unit = cf_stats_get_goal_unit (stats);
      entry->live.counted = cf_stats_get_counted (stats);
      entry->live.counted_goal = cf_stats_get_counted_goal (stats);
      entry->live.next_counted_goal = cf_stats_get_next_counted_goal (stats);
    }
  /* A platform that keeps no history has the totals read so far drawn
   * instead, kept with the figures from one run to the next. */
  if (cf_platform_can (self->platform, CF_PLATFORM_FEATURE_FUNDING_HISTORY) ||
      g_list_model_get_n_items (cf_stats_get_funding (stats)) > 0)
    copy_funding (entry, stats);
  add_live_point (entry, at);
  copy_rewards (entry, stats);
  mark_changed (self, entry);
}

static char *
kept_path (CfLiveFeed *self,
           Entry      *entry)
{
  return cf_saved_list_path_in (self->kept_folder, "stats", entry->id);
}

/* @stats with the totals read so far as its funding history; NULL if
 * they cannot be one. */
static CfStats *
dup_with_readings (CfStats *stats,
                   GArray  *readings)
{
  g_autoptr(JsonNode) root = cf_model_to_json (CF_MODEL (stats));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) funding = NULL;
  const char *currency = cf_stats_get_pledged (stats)->currency;

  json_builder_begin_array (builder);
  for (guint i = 0; i < readings->len; i++)
    {
      const CfLivePoint *point = &g_array_index (readings, CfLivePoint, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (point->at / G_USEC_PER_SEC);
      g_autofree char *text = g_date_time_format_iso8601 (at);

      json_builder_begin_object (builder);
      cf_model_build_string (builder, "at", text);
      json_builder_set_member_name (builder, "pledged");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "amount");
      json_builder_add_int_value (builder, point->pledged);
      cf_model_build_string (builder, "currency", currency);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "backers_count");
      json_builder_add_int_value (builder, point->backers_count);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  funding = json_builder_get_root (builder);
  json_object_set_member (json_node_get_object (root), "funding", g_steal_pointer (&funding));
  return cf_stats_new_from_json (root, NULL);
}

/* A campaign watched in detail has its figures kept for a later run that
 * cannot reach the platform; twice a minute at most during a launch. */
static void
keep_stats (CfLiveFeed *self,
            Entry      *entry,
            CfStats    *stats)
{
  g_autoptr(GListStore) one = NULL;
  g_autofree char *path = NULL;
  gint64 now = g_get_monotonic_time ();

  if (self->kept_folder == NULL || entry->detailed == 0 ||
      (entry->kept_written_at != 0 && now - entry->kept_written_at < KEEP_EVERY_US))
    return;

  one = g_list_store_new (CF_TYPE_STATS);
  if (cf_platform_can (self->platform, CF_PLATFORM_FEATURE_FUNDING_HISTORY))
    g_list_store_append (one, stats);
  else
    {
      g_autoptr(CfStats) with_readings = dup_with_readings (stats, entry->live.funding);

      g_list_store_append (one, with_readings ? with_readings : stats);
    }
  path = kept_path (self, entry);
  cf_saved_list_save (path, G_LIST_MODEL (one));
  entry->kept_written_at = now;
}

/* The figures of @entry an earlier run kept, and when; NULL if none. */
static CfStats *
load_kept_stats (CfLiveFeed  *self,
                 Entry       *entry,
                 GDateTime  **kept_at)
{
  g_autofree char *path = NULL;
  g_autoptr(GListModel) kept = NULL;

  if (self->kept_folder == NULL)
    return NULL;
  path = kept_path (self, entry);
  kept = cf_saved_list_load (path, CF_TYPE_STATS, kept_at);
  return kept != NULL && g_list_model_get_n_items (kept) == 1 ? g_list_model_get_item (kept, 0) : NULL;
}

/* The platform cannot be reached before anything was read of a campaign
 * watched in detail: its figures kept by an earlier run are shown, marked
 * with when they were kept. */
static void
use_kept_stats (CfLiveFeed *self,
                Entry      *entry)
{
  g_autoptr(GDateTime) kept_at = NULL;
  g_autoptr(CfStats) stats = NULL;

  if (entry->detailed == 0 || entry->live.n_snapshots > 0 || entry->live.kept_at != 0)
    return;

  stats = load_kept_stats (self, entry, &kept_at);
  if (stats == NULL)
    return;
  entry->live.kept_at = g_date_time_to_unix (kept_at) * G_USEC_PER_SEC;
  apply_stats (self, entry, stats, entry->live.kept_at);
}

/* On a platform that keeps no history, the totals an earlier run read
 * start the curve this run continues. */
static void
use_kept_readings (CfLiveFeed *self,
                   Entry      *entry)
{
  g_autoptr(GDateTime) kept_at = NULL;
  g_autoptr(CfStats) stats = NULL;

  if (cf_platform_can (self->platform, CF_PLATFORM_FEATURE_FUNDING_HISTORY) || entry->live.funding->len > 0)
    return;
  stats = load_kept_stats (self, entry, &kept_at);
  if (stats != NULL)
    copy_funding (entry, stats);
}

typedef struct
{
  CfLiveFeed *self;
  char *id;
} SnapshotRead;

static gboolean
is_polling (CfLiveFeed *self)
{
  return self->status == CF_LIVE_FEED_STATUS_POLLING || self->status == CF_LIVE_FEED_STATUS_OFFLINE;
}

static void
snapshot_read_free (SnapshotRead *read)
{
  g_object_unref (read->self);
  g_free (read->id);
  g_free (read);
}

static void
snapshot_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SnapshotRead *read = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStats) stats = cf_platform_get_stats_finish (CF_PLATFORM (object), result, &error);
  Entry *entry = g_hash_table_lookup (read->self->entries, read->id);

  if (entry != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      entry->reading = FALSE;
      if (stats != NULL)
        {
          entry->live.kept_at = 0;
          entry->live.n_snapshots++;
          apply_stats (read->self, entry, stats, g_get_real_time ());
          keep_stats (read->self, entry, stats);
        }
      else
        {
          g_debug ("reading campaign %s: %s", read->id, error->message);
          if (cf_platform_error_is_unreachable (error))
            use_kept_stats (read->self, entry);
        }
      /* While polling, whether the platform answers is the feed's status. */
      if (is_polling (read->self))
        set_status (read->self, stats != NULL || !cf_platform_error_is_unreachable (error) ? CF_LIVE_FEED_STATUS_POLLING
                                                                        : CF_LIVE_FEED_STATUS_OFFLINE);

      if (entry->read_again)
        read_snapshot (read->self, entry);
    }

  snapshot_read_free (read);
}

static void
read_snapshot (CfLiveFeed *self,
               Entry      *entry)
{
  SnapshotRead *read;

  if (entry->reading)
    {
      entry->read_again = TRUE;
      return;
    }

  read = g_new0 (SnapshotRead, 1);
  read->self = g_object_ref (self);
  read->id = g_strdup (entry->id);
  entry->reading = TRUE;
  entry->read_again = FALSE;
  entry->totals_while_reading = FALSE;
  entry->unsettled = FALSE;
  cf_platform_get_stats_async (self->platform, entry->id, entry->cancellable, snapshot_cb, read);
}

static gboolean
polls_details_only (CfLiveFeed *self)
{
  return cf_platform_get_capabilities (self->platform)->poll_details_only;
}

/* Reads every campaign's figures; one being read already is read again
 * after only when @again (events may have been missed since its read
 * began), not for a poll that comes while its answer is on its way. */
static void
read_all_snapshots (CfLiveFeed *self,
                    gboolean    again)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if ((again || !entry->reading) && (entry->detailed > 0 || !polls_details_only (self)))
      read_snapshot (self, entry);
}

/* Once subscribed on a new connection: a detailed campaign is read again,
 * since its snapshot may have been answered before the subscription. The
 * others' totals came from a list answered moments before, and the next
 * totals event replaces them whole; they are read again only after events
 * may have been missed, without a connection for a while. */
static void
catch_up (CfLiveFeed *self)
{
  GHashTableIter iter;
  Entry *entry;

  if (self->missed_events)
    {
      self->missed_events = FALSE;
      read_all_snapshots (self, TRUE);
      return;
    }

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->detailed > 0)
      read_snapshot (self, entry);
}

/* Per-reward figures follow pledge events; one may race a snapshot on its
 * way, so a campaign is read again once its pledges have been quiet. */
static gboolean
settle_cb (gpointer user_data)
{
  CfLiveFeed *self = user_data;
  gint64 quiet_for = g_get_monotonic_time () - self->last_pledge_at;
  GHashTableIter iter;
  Entry *entry;

  if (quiet_for < SETTLE_US)
    {
      self->settle_id = g_timeout_add ((SETTLE_US - quiet_for) / 1000 + 1, settle_cb, self);
      return G_SOURCE_REMOVE;
    }

  self->settle_id = 0;
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->unsettled && entry->detailed > 0)
      read_snapshot (self, entry);

  return G_SOURCE_REMOVE;
}

static gboolean
poll_cb (gpointer user_data)
{
  read_all_snapshots (CF_LIVE_FEED (user_data), FALSE);
  return G_SOURCE_CONTINUE;
}

/* The person's interval, but never faster than the platform allows. */
static guint
effective_poll_interval (CfLiveFeed *self)
{
  return MAX (self->poll_interval, cf_platform_get_capabilities (self->platform)->live_poll_seconds);
}

static void
start_polling (CfLiveFeed *self)
{
  self->missed_events = TRUE;
  if (!is_polling (self))
    set_status (self, CF_LIVE_FEED_STATUS_POLLING);
  if (self->poll_id == 0)
    self->poll_id = g_timeout_add_seconds (effective_poll_interval (self), poll_cb, self);
}

static gboolean
retry_cb (gpointer user_data)
{
  CfLiveFeed *self = user_data;

  self->retry_id = 0;
  connect_live (self);
  return G_SOURCE_REMOVE;
}

/* Exponential, with jitter, so that clients cut off together do not all
 * come back in the same instant. */
static void
schedule_retry (CfLiveFeed *self)
{
  guint delay = cf_http_backoff_delay_ms (FIRST_RETRY_MS, MAX_RETRY_MS, self->attempt);

  self->attempt++;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add (delay, retry_cb, self);
}

static gboolean
handle_totals (CfLiveFeed        *self,
               Entry             *entry,
               const CfLiveEvent *event)
{
  if (!event->has_pledged || !event->has_backers_count || event->backers_count < 0)
    return FALSE;

  entry->live.pledged = event->pledged;
  entry->live.backers_count = event->backers_count;
  entry->live.known = TRUE;
  if (entry->reading)
    entry->totals_while_reading = TRUE;
  add_live_point (entry, g_get_real_time ());
  return TRUE;
}

static void
count_reward_pledge (Entry              *entry,
                     const CfLivePledge *pledge)
{
  for (guint i = 0; i < entry->live.rewards->len; i++)
    {
      CfLiveRewardFigures *figures = &g_array_index (entry->live.rewards, CfLiveRewardFigures, i);

      /* Saturating: a hostile feed must not overflow our figures. */
      if (g_str_equal (figures->reward_id, pledge->reward_id))
        {
          if (figures->backers_count < G_MAXINT64)
            figures->backers_count++;
          if (__builtin_add_overflow (figures->pledged, pledge->amount.amount, &figures->pledged))
            figures->pledged = pledge->amount.amount > 0 ? G_MAXINT64 : G_MININT64;
          return;
        }
    }
}

static gboolean
handle_pledge (CfLiveFeed        *self,
               Entry             *entry,
               const CfLiveEvent *event)
{
  CfLivePledge *pledge = &entry->live.pledges[entry->live.n_pledges % CF_LIVE_PLEDGES_KEPT];
  CfLivePledge received = { .received_at = g_get_real_time (), .amount = event->amount };

  if (!event->has_reward_id || !event->has_amount)
    return FALSE;
  memcpy (received.reward_id, event->reward_id, sizeof received.reward_id);

  *pledge = received;
  entry->live.n_pledges++;
  count_reward_pledge (entry, pledge);
  entry->unsettled = TRUE;
  self->last_pledge_at = g_get_monotonic_time ();
  if (self->settle_id == 0)
    self->settle_id = g_timeout_add (SETTLE_US / 1000, settle_cb, self);
  return TRUE;
}

static gboolean
handle_state (CfLiveFeed        *self,
              Entry             *entry,
              const CfLiveEvent *event)
{
  g_autoptr(GEnumClass) states = g_type_class_ref (CF_TYPE_CAMPAIGN_STATE);
  GEnumValue *value = g_enum_get_value_by_nick (states, event->state);

  if (value == NULL)
    return FALSE;

  entry->live.state = value->value;
  entry->live.state_known = TRUE;
  return TRUE;
}

static gboolean
handle_event (CfLiveFeed        *self,
              const CfLiveEvent *event)
{
  Entry *entry;
  gboolean handled;

  if (event->type == CF_LIVE_EVENT_OTHER || !event->has_campaign || event->campaign[0] == '\0')
    return FALSE;

  /* An event for a campaign no longer watched, sent before the platform
   * heard of it: not malformed, only late. */
  entry = g_hash_table_lookup (self->entries, event->campaign);
  if (entry == NULL)
    return TRUE;

  switch (event->type)
    {
    case CF_LIVE_EVENT_TOTALS:
      handled = handle_totals (self, entry, event);
      break;
    case CF_LIVE_EVENT_PLEDGE:
      handled = handle_pledge (self, entry, event);
      break;
    case CF_LIVE_EVENT_STATE:
      handled = handle_state (self, entry, event);
      break;
    case CF_LIVE_EVENT_OTHER:
    default:
      handled = FALSE;
    }

  if (handled)
    mark_changed (self, entry);
  return handled;
}

/* One message from the platform: TRUE when it was understood. */
gboolean
cf_live_feed_read_message (CfLiveFeed  *self,
                           const char  *data,
                           gsize        length)
{
  CfLiveEvent event;

  self->n_events++;
  if (cf_json_check_limits (data, length, MAX_EVENT_BYTES, NULL) &&
      cf_live_event_read (&event, self->parser, data, length) &&
      handle_event (self, &event))
    return TRUE;

  self->n_ignored++;
  g_debug ("ignored a live message of %zu bytes (%" G_GUINT64_FORMAT " so far)", length, self->n_ignored);
  return FALSE;
}

static void
message_cb (SoupWebsocketConnection *connection,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            CfLiveFeed              *self)
{
  gsize length;
  const char *data = g_bytes_get_data (message, &length);

  if (type == SOUP_WEBSOCKET_DATA_TEXT)
    cf_live_feed_read_message (self, data, length);
  else
    {
      self->n_events++;
      self->n_ignored++;
    }
}

static void
drop_connection (CfLiveFeed *self)
{
  if (self->connection == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->connection, self);
  if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_clear_object (&self->connection);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           CfLiveFeed              *self)
{
  g_debug ("live feed closed (%u)", soup_websocket_connection_get_close_code (connection));
  /* A server that accepts and drops at once must not be hammered: the
   * backoff starts again only after a connection that lasted. */
  if (g_get_monotonic_time () - self->connected_at >= USEFUL_CONNECTION_US)
    self->attempt = 0;
  drop_connection (self);
  start_polling (self);
  schedule_retry (self);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CfLiveFeed) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupWebsocketConnection) connection = cf_platform_connect_live_finish (CF_PLATFORM (object),
                                                                                   result, &error);
  GHashTableIter iter;
  const char *id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->connecting = FALSE;
  if (connection == NULL)
    {
      g_debug ("no live feed: %s", error->message);
      start_polling (self);
      schedule_retry (self);
      return;
    }

  self->connection = g_steal_pointer (&connection);
  self->connected_at = g_get_monotonic_time ();
  soup_websocket_connection_set_max_incoming_payload_size (self->connection, MAX_INCOMING_BYTES);
  soup_websocket_connection_set_keepalive_interval (self->connection, KEEPALIVE_SECONDS);
  g_signal_connect (self->connection, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (self->connection, "closed", G_CALLBACK (closed_cb), self);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  set_status (self, CF_LIVE_FEED_STATUS_LIVE);

  /* Everything watched, at once; then each campaign read again, for
   * whatever happened while there was no connection. */
  g_ptr_array_set_size (self->to_subscribe, 0);
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_ptr_array_add (self->to_subscribe, g_strdup (id));
  /* What was queued goes now, and its pending send with it. */
  g_clear_handle_id (&self->send_id, g_source_remove);
  send_subscriptions_cb (self);
  catch_up (self);
}

/* The access token in use now, or NULL when nobody is signed in. */
static char *
dup_access_token (CfLiveFeed *self)
{
  g_autoptr(CfCredentials) credentials = cf_platform_dup_credentials (self->platform);

  return credentials != NULL ? g_strdup (cf_credentials_get_access_token (credentials)) : NULL;
}

static void
connect_live (CfLiveFeed *self)
{
  CfLiveTotals live_totals = cf_platform_get_capabilities (self->platform)->live_totals;

  if (self->connection != NULL || self->connecting || g_hash_table_size (self->entries) == 0 ||
      live_totals == CF_LIVE_TOTALS_NONE)
    return;

  /* A platform that only answers reads is polled from the start. */
  if (live_totals == CF_LIVE_TOTALS_POLL)
    {
      if (!is_polling (self))
        read_all_snapshots (self, FALSE);
      start_polling (self);
      return;
    }

  if (!is_polling (self))
    set_status (self, CF_LIVE_FEED_STATUS_CONNECTING);
  self->connecting = TRUE;
  g_free (self->opened_with);
  self->opened_with = dup_access_token (self);
  cf_platform_connect_live_async (self->platform, self->cancellable, connected_cb, g_object_ref (self));
}

static void
cf_live_feed_dispose (GObject *object)
{
  CfLiveFeed *self = CF_LIVE_FEED (object);

  g_cancellable_cancel (self->cancellable);
  drop_connection (self);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->send_id, g_source_remove);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->opened_with, g_free);
  g_clear_pointer (&self->to_subscribe, g_ptr_array_unref);
  g_clear_pointer (&self->to_unsubscribe, g_ptr_array_unref);
  g_clear_object (&self->parser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->platform);
  g_clear_pointer (&self->kept_folder, g_free);

  G_OBJECT_CLASS (cf_live_feed_parent_class)->dispose (object);
}

static void
cf_live_feed_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CfLiveFeed *self = CF_LIVE_FEED (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_live_feed_class_init (CfLiveFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_live_feed_dispose;
  object_class->get_property = cf_live_feed_get_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CF_TYPE_LIVE_FEED_STATUS, CF_LIVE_FEED_STATUS_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Something changed since the last flush: time to schedule one. */
  signals[PENDING] = g_signal_new ("pending", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* From flush (), once for each campaign that changed; detailed by its id. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cf_live_feed_init (CfLiveFeed *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  self->changed = g_hash_table_new (g_str_hash, g_str_equal);
  self->to_subscribe = g_ptr_array_new_with_free_func (g_free);
  self->to_unsubscribe = g_ptr_array_new_with_free_func (g_free);
  self->parser = json_parser_new_immutable ();
  self->cancellable = g_cancellable_new ();
  self->poll_interval = DEFAULT_POLL_SECONDS;
}

CfLiveFeed *
cf_live_feed_new (CfPlatform *platform)
{
  CfLiveFeed *self = g_object_new (CF_TYPE_LIVE_FEED, NULL);

  self->platform = g_object_ref (platform);
  return self;
}

/* Where the figures of campaigns watched in detail are kept for a later
 * run that cannot reach the platform (see cf_saved_list_folder()), or
 * NULL to keep nothing. */
void
cf_live_feed_set_kept_folder (CfLiveFeed *self,
                              const char *folder)
{
  g_return_if_fail (CF_IS_LIVE_FEED (self));

  g_free (self->kept_folder);
  self->kept_folder = g_strdup (folder);
}

/* How often each campaign is read while no WebSocket can be opened. */
void
cf_live_feed_set_poll_interval (CfLiveFeed *self,
                                guint       seconds)
{
  g_return_if_fail (CF_IS_LIVE_FEED (self));
  g_return_if_fail (seconds > 0);

  self->poll_interval = seconds;
  if (self->poll_id != 0)
    {
      g_clear_handle_id (&self->poll_id, g_source_remove);
      start_polling (self);
    }
}

/* How often campaigns are read while polling: the interval asked for, or
 * the platform's shortest when that is longer. */
guint
cf_live_feed_get_poll_interval (CfLiveFeed *self)
{
  g_return_val_if_fail (CF_IS_LIVE_FEED (self), DEFAULT_POLL_SECONDS);

  return effective_poll_interval (self);
}

CfLiveFeedStatus
cf_live_feed_get_status (CfLiveFeed *self)
{
  g_return_val_if_fail (CF_IS_LIVE_FEED (self), CF_LIVE_FEED_STATUS_IDLE);

  return self->status;
}

/**
 * cf_live_feed_subscribe:
 *
 * Watches @campaign_id until as many unsubscribe () calls. With
 * @with_details the campaign is read at once, rewards and funding history
 * included; otherwise figures come with the first event, and whoever shows
 * the campaign keeps its own until then. The result stays valid while
 * subscribed.
 */
const CfLiveCampaign *
cf_live_feed_subscribe (CfLiveFeed *self,
                        const char *campaign_id,
                        gboolean    with_details)
{
  Entry *entry;

  g_return_val_if_fail (CF_IS_LIVE_FEED (self), NULL);
  /* Events name campaigns in 23 bytes at most; a platform that is only
   * polled may have longer ids (Open Collective's slugs). */
  g_return_val_if_fail (campaign_id != NULL && strlen (campaign_id) < 256, NULL);

  entry = g_hash_table_lookup (self->entries, campaign_id);
  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->id = g_strdup (campaign_id);
      entry->cancellable = g_cancellable_new ();
      entry->live.funding = g_array_new (FALSE, FALSE, sizeof (CfLivePoint));
      entry->live.rewards = g_array_new (FALSE, FALSE, sizeof (CfLiveRewardFigures));
      entry->live.counted = -1;
      entry->live.counted_goal = -1;
      entry->live.next_counted_goal = -1;
      g_hash_table_insert (self->entries, entry->id, entry);
      queue_id (self, self->to_subscribe, campaign_id);
    }

  entry->subscribers++;
  if (with_details && self->reconnect_for_details)
    start_again (self);
  if (with_details)
    {
      entry->detailed++;
      use_kept_readings (self, entry);
      if (entry->live.n_snapshots == 0 || entry->detailed == 1)
        read_snapshot (self, entry);
    }
  else if (is_polling (self) && entry->subscribers == 1 && !polls_details_only (self))
    read_snapshot (self, entry);

  connect_live (self);
  return &entry->live;
}

void
cf_live_feed_unsubscribe (CfLiveFeed *self,
                          const char *campaign_id)
{
  Entry *entry;

  g_return_if_fail (CF_IS_LIVE_FEED (self));

  entry = g_hash_table_lookup (self->entries, campaign_id);
  g_return_if_fail (entry != NULL);

  /* Details are kept while anyone watches: one more read is cheaper than
   * knowing who asked for what. */
  if (--entry->subscribers > 0)
    return;

  queue_id (self, self->to_unsubscribe, campaign_id);
  g_hash_table_remove (self->changed, campaign_id);
  g_hash_table_remove (self->entries, campaign_id);
}

const CfLiveCampaign *
cf_live_feed_lookup (CfLiveFeed *self,
                     const char *campaign_id)
{
  Entry *entry;

  g_return_val_if_fail (CF_IS_LIVE_FEED (self), NULL);

  entry = g_hash_table_lookup (self->entries, campaign_id);
  return entry ? &entry->live : NULL;
}

static void
start_again (CfLiveFeed *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->connecting = FALSE;
  self->attempt = 0;
  self->reconnect_for_details = FALSE;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  drop_connection (self);
  connect_live (self);
}

/* Starts again with the credentials now in use: creators get their pledge
 * events only on a connection opened with their token, and nobody else may
 * go on getting them after signing out. Signing in where nobody was keeps
 * the connection, whose totals are everyone's, until a campaign is watched
 * in detail: only then can its owner's events matter. */
void
cf_live_feed_reconnect (CfLiveFeed *self)
{
  g_autofree char *token = NULL;
  gboolean open;

  g_return_if_fail (CF_IS_LIVE_FEED (self));

  token = dup_access_token (self);
  open = self->connection != NULL || self->connecting;
  /* Told again of the same person (once the platform said who it is). */
  if (open && g_strcmp0 (token, self->opened_with) == 0)
    return;
  if (open && token != NULL && self->opened_with == NULL)
    {
      self->reconnect_for_details = TRUE;
      return;
    }
  start_again (self);
}

/* Tells, once per campaign, of every change since the last flush. Meant to
 * be called at most once a frame, however many events came. */
void
cf_live_feed_flush (CfLiveFeed *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  GHashTableIter iter;
  const char *id;

  g_return_if_fail (CF_IS_LIVE_FEED (self));

  if (g_hash_table_size (self->changed) == 0)
    return;

  /* Handlers may unsubscribe, freeing an entry and its id: copy them first. */
  ids = g_ptr_array_new_with_free_func (g_free);
  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_ptr_array_add (ids, g_strdup (id));
  g_hash_table_remove_all (self->changed);

  for (guint i = 0; i < ids->len; i++)
    {
      id = g_ptr_array_index (ids, i);
      if (g_hash_table_contains (self->entries, id))
        g_signal_emit (self, signals[CHANGED], g_quark_from_string (id), id);
    }
}

/* Every WebSocket message received, well formed or not. */
guint64
cf_live_feed_get_n_events (CfLiveFeed *self)
{
  g_return_val_if_fail (CF_IS_LIVE_FEED (self), 0);

  return self->n_events;
}

/* Messages dropped as malformed, oversized or of an unknown type. */
guint64
cf_live_feed_get_n_ignored (CfLiveFeed *self)
{
  g_return_val_if_fail (CF_IS_LIVE_FEED (self), 0);

  return self->n_ignored;
}

/* A copy of @points (CfLivePoint, oldest first) that stops at @end (real
 * time, µs), for a campaign that ended: figures read after its deadline are
 * its final ones, shown at the deadline rather than drawn on to today. */
GArray *
cf_live_points_until (GArray *points,
                      gint64  end)
{
  GArray *until = g_array_sized_new (FALSE, FALSE, sizeof (CfLivePoint), points->len);
  const CfLivePoint *after = NULL;

  for (guint i = 0; i < points->len; i++)
    {
      const CfLivePoint *point = &g_array_index (points, CfLivePoint, i);

      if (point->at <= end)
        g_array_append_val (until, *point);
      else
        after = point;
    }
  if (after != NULL)
    {
      CfLivePoint final = *after;

      final.at = end;
      g_array_append_val (until, final);
    }
  return until;
}

/* Gives @campaign the live figures, which notifies those who show it. */
void
cf_live_campaign_apply_to (const CfLiveCampaign *live,
                           CfCampaign           *campaign)
{
  g_return_if_fail (live != NULL);
  g_return_if_fail (CF_IS_CAMPAIGN (campaign));

  if (live->known && g_str_equal (live->pledged.currency, cf_campaign_get_pledged (campaign)->currency))
    g_object_set (campaign, "pledged", &live->pledged, "backers-count", live->backers_count, NULL);
  if (live->state_known)
    g_object_set (campaign, "state", live->state, NULL);
  if (cf_money_is_valid (&live->next_goal))
    g_object_set (campaign, "next-goal", &live->next_goal, NULL);
  /* Figures that count pre-orders or members say so, even of a campaign
   * read where its platform did not (a search's membership page). */
  if (live->counted >= 0)
    g_object_set (campaign, "goal-unit", live->goal_unit, "counted", live->counted,
                  "counted-goal", live->counted_goal >= 0 ? live->counted_goal : cf_campaign_get_counted_goal (campaign),
                  "next-counted-goal", live->next_counted_goal, NULL);
}

/* The @n-th pledge received since subscribing, or NULL when it is not
 * kept any more (the feed keeps the latest CF_LIVE_PLEDGES_KEPT). */
const CfLivePledge *
cf_live_campaign_get_pledge (const CfLiveCampaign *live,
                             guint64               n)
{
  g_return_val_if_fail (live != NULL, NULL);

  if (n >= live->n_pledges || live->n_pledges - n > CF_LIVE_PLEDGES_KEPT)
    return NULL;
  return &live->pledges[n % CF_LIVE_PLEDGES_KEPT];
}

/* The figures the platform gave for @reward_id, or NULL. */
const CfLiveRewardFigures *
cf_live_campaign_find_reward (const CfLiveCampaign *live,
                              const char           *reward_id)
{
  g_return_val_if_fail (live != NULL, NULL);

  for (guint i = 0; i < live->rewards->len; i++)
    {
      const CfLiveRewardFigures *figures = &g_array_index (live->rewards, CfLiveRewardFigures, i);

      if (g_str_equal (figures->reward_id, reward_id))
        return figures;
    }
  return NULL;
}
