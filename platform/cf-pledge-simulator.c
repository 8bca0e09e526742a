/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledge-simulator"

#include "config.h"

#include "cf-pledge-simulator.h"
#include "cf-pledges.h"

#define TICK_MS            10
#define CAMPAIGN_REFRESH_S 1

/* Countries a "*" rate stands for when a simulated backer picks one. */
static const char * const anywhere[] = { "FR", "JP", "US", "DE", "GB", "CA", "IT", "ES" };

/* Makes up backers pledging to live campaigns at a steady rate, through the
 * same rules as real pledges, so limits hold and live totals move. */
struct _CfPledgeSimulator
{
  GObject parent_instance;

  CfDatabase *database;
  CfLiveHub *live_hub;
  double rate;
  guint64 limit;  /* pledges to make in all, or 0 for no end */
  double due;
  gint64 last_tick;
  gint64 campaigns_read_at;
  GArray *live_campaigns;
  guint64 n_pledged;
  guint64 n_backers;
  guint tick_id;
};

G_DEFINE_FINAL_TYPE (CfPledgeSimulator, cf_pledge_simulator, G_TYPE_OBJECT)

static void
read_live_campaigns (CfPledgeSimulator *self)
{
  sqlite3_stmt *statement = cf_database_prepare (self->database,
    "SELECT id FROM campaigns WHERE state = 'live' AND deadline > ?");

  g_array_set_size (self->live_campaigns, 0);
  sqlite3_bind_int64 (statement, 1, g_get_real_time () / G_USEC_PER_SEC);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);

      g_array_append_val (self->live_campaigns, id);
    }
}

static gint64
new_backer (CfPledgeSimulator *self)
{
  sqlite3_stmt *statement = cf_database_prepare (self->database,
    "INSERT INTO users (username, name) VALUES (?, ?)");
  g_autofree char *username = g_strdup_printf ("simulated-%" G_GINT64_FORMAT "-%" G_GUINT64_FORMAT,
                                               g_get_real_time (), ++self->n_backers);
  g_autofree char *name = g_strdup_printf ("Backer %" G_GUINT64_FORMAT, self->n_backers);

  sqlite3_bind_text (statement, 1, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_DONE)
    return -1;

  return sqlite3_last_insert_rowid (cf_database_get_handle (self->database));
}

/* A reward with places left (or none, one time in five, keeping the amount
 * already set), a country it ships to, and enough to pay for both. */
static void
choose_reward (CfPledgeSimulator *self,
               CfPledgeOrder     *order,
               char               country[3])
{
  sqlite3_stmt *statement = cf_database_prepare (self->database,
    "SELECT r.id, r.minimum, (SELECT countries FROM shipping_rates s WHERE s.reward_id = r.id"
    "  ORDER BY RANDOM () LIMIT 1), (SELECT MAX (cost) FROM shipping_rates s WHERE s.reward_id = r.id)"
    " FROM rewards r WHERE r.campaign_id = ? AND (r.reward_limit IS NULL OR r.backers_count < r.reward_limit)"
    " ORDER BY RANDOM () LIMIT 1");
  const char *countries;

  order->reward_id = 0;
  order->shipping_country = NULL;
  sqlite3_bind_int64 (statement, 1, order->campaign_id);
  if (g_random_int_range (0, 5) == 0 || sqlite3_step (statement) != SQLITE_ROW)
    return;

  order->reward_id = sqlite3_column_int64 (statement, 0);
  order->amount = sqlite3_column_int64 (statement, 1) + sqlite3_column_int64 (statement, 3);
  countries = (const char *) sqlite3_column_text (statement, 2);
  if (countries == NULL)
    return;

  g_strlcpy (country, g_str_equal (countries, "*")
                      ? anywhere[g_random_int_range (0, G_N_ELEMENTS (anywhere))] : countries, 3);
  order->shipping_country = country;
}

/* The campaign's currency, and a pledge without reward that suits its goal. */
static char *
campaign_terms (CfPledgeSimulator *self,
                gint64             campaign_id,
                gint64            *amount)
{
  sqlite3_stmt *statement = cf_database_prepare (self->database,
    "SELECT currency, goal FROM campaigns WHERE id = ?");

  sqlite3_bind_int64 (statement, 1, campaign_id);
  sqlite3_step (statement);
  *amount = MAX (sqlite3_column_int64 (statement, 1) / 2000, 1);
  return g_strdup ((const char *) sqlite3_column_text (statement, 0));
}

static void
pledge_once (CfPledgeSimulator *self)
{
  CfPledgeOrder order = { 0 };
  CfRefusal refusal = { 0 };
  g_autofree char *currency = NULL;
  char country[3] = "";
  gint64 pledge_id;
  gboolean replayed;

  if (self->live_campaigns->len == 0)
    return;

  order.campaign_id = g_array_index (self->live_campaigns, gint64,
                                     g_random_int_range (0, self->live_campaigns->len));
  currency = campaign_terms (self, order.campaign_id, &order.amount);

  choose_reward (self, &order, country);
  order.amount += g_random_int_range (0, 4) * MAX (order.amount / 10, 1);
  order.currency = currency;
  order.backer_id = new_backer (self);

  if (order.backer_id > 0 && cf_pledges_create (self->database, &order, &pledge_id, &replayed, &refusal))
    {
      self->n_pledged++;
      cf_live_hub_pledge_added (self->live_hub, order.campaign_id, order.reward_id,
                                order.amount, order.currency);
    }
}

static gboolean
is_done (CfPledgeSimulator *self)
{
  return self->limit > 0 && self->n_pledged >= self->limit;
}

static gboolean
tick_cb (gpointer user_data)
{
  CfPledgeSimulator *self = user_data;
  gint64 now = g_get_monotonic_time ();

  if (now - self->campaigns_read_at > CAMPAIGN_REFRESH_S * G_USEC_PER_SEC)
    {
      read_live_campaigns (self);
      self->campaigns_read_at = now;
    }

  self->due += self->rate * (now - self->last_tick) / G_USEC_PER_SEC;
  self->last_tick = now;
  for (; self->due >= 1.0 && !is_done (self); self->due -= 1.0)
    pledge_once (self);

  if (!is_done (self))
    return G_SOURCE_CONTINUE;

  g_message ("simulated %" G_GUINT64_FORMAT " pledges", self->n_pledged);
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
cf_pledge_simulator_dispose (GObject *object)
{
  CfPledgeSimulator *self = CF_PLEDGE_SIMULATOR (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->database);
  g_clear_object (&self->live_hub);
  g_clear_pointer (&self->live_campaigns, g_array_unref);

  G_OBJECT_CLASS (cf_pledge_simulator_parent_class)->dispose (object);
}

static void
cf_pledge_simulator_class_init (CfPledgeSimulatorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_pledge_simulator_dispose;
}

static void
cf_pledge_simulator_init (CfPledgeSimulator *self)
{
  self->live_campaigns = g_array_new (FALSE, FALSE, sizeof (gint64));
}

CfPledgeSimulator *
cf_pledge_simulator_new (CfDatabase *database,
                         CfLiveHub  *live_hub,
                         double      pledges_per_second,
                         guint64     limit)
{
  CfPledgeSimulator *self = g_object_new (CF_TYPE_PLEDGE_SIMULATOR, NULL);

  self->database = g_object_ref (database);
  self->live_hub = g_object_ref (live_hub);
  self->rate = pledges_per_second;
  self->limit = limit;
  self->last_tick = g_get_monotonic_time ();
  self->campaigns_read_at = G_MININT64 / 2;
  self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
  return self;
}

guint64
cf_pledge_simulator_get_n_pledged (CfPledgeSimulator *self)
{
  return self->n_pledged;
}
