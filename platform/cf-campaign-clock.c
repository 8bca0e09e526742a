/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-campaign-clock"

#include "config.h"

#include "cf-campaign-clock.h"

#define TICK_SECONDS 15

/* Moves campaigns through their lives as time passes: upcoming ones go live
 * at launch, live ones end at their deadline, successful if funded. */
struct _CfCampaignClock
{
  GObject parent_instance;

  CfDatabase *database;
  CfLiveHub *live_hub;
  guint tick_id;
};

G_DEFINE_FINAL_TYPE (CfCampaignClock, cf_campaign_clock, G_TYPE_OBJECT)

static gboolean
tick_cb (gpointer user_data)
{
  cf_campaign_clock_tick (user_data);
  return G_SOURCE_CONTINUE;
}

static void
cf_campaign_clock_dispose (GObject *object)
{
  CfCampaignClock *self = CF_CAMPAIGN_CLOCK (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->database);
  g_clear_object (&self->live_hub);

  G_OBJECT_CLASS (cf_campaign_clock_parent_class)->dispose (object);
}

static void
cf_campaign_clock_class_init (CfCampaignClockClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_campaign_clock_dispose;
}

static void
cf_campaign_clock_init (CfCampaignClock *self)
{
}

CfCampaignClock *
cf_campaign_clock_new (CfDatabase *database,
                       CfLiveHub  *live_hub)
{
  CfCampaignClock *self = g_object_new (CF_TYPE_CAMPAIGN_CLOCK, NULL);

  self->database = g_object_ref (database);
  self->live_hub = g_object_ref (live_hub);
  self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
  cf_campaign_clock_tick (self);
  return self;
}

void
cf_campaign_clock_tick (CfCampaignClock *self)
{
  sqlite3_stmt *statement = cf_database_prepare (self->database,
    "UPDATE campaigns SET state = CASE"
    "  WHEN state = 'upcoming' THEN 'live'"
    "  WHEN pledged >= goal THEN 'successful'"
    "  ELSE 'failed' END"
    " WHERE (state = 'upcoming' AND launched_at <= :now AND deadline > :now)"
    "    OR (state IN ('upcoming', 'live') AND deadline <= :now)"
    " RETURNING id, state");

  sqlite3_bind_int64 (statement, 1, g_get_real_time () / G_USEC_PER_SEC);
  while (sqlite3_step (statement) == SQLITE_ROW)
    cf_live_hub_state_changed (self->live_hub, sqlite3_column_int64 (statement, 0),
                               (const char *) sqlite3_column_text (statement, 1));
}
