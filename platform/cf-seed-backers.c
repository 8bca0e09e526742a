/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-seed-backers"

#include "config.h"

#include <json-glib/json-glib.h>

#include "cf-seed-backers.h"

/* A seed gives most campaigns as totals: so many backers, so much pledged,
 * so many backers a reward. These become pledges, so that every figure a
 * creator sees — a reward's backers and money, the backers list, what a
 * fulfilment update reaches — adds up to the totals. */

#define LIVE_STATUSES "('pledged', 'collected', 'errored')"
/* A prime: i × SHUFFLE mod n visits every turn below n once, for any n it
 * does not divide. */
#define SHUFFLE 7919

static const char * const first_names[] = {
  "Lucie", "Hugo", "Yuki", "Noah", "Emma", "Kenji", "Sofia", "Liam", "Chloé", "Mateo",
  "Aiko", "Oscar", "Nina", "Arthur", "Mei", "Jonas", "Inès", "Ravi", "Alba", "Théo",
};

static const char * const last_initials[] = {
  "A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "K.", "L.", "M.", "N.", "P.", "R.", "S.", "T.",
};

typedef struct
{
  gint64 id;
  gint64 minimum;
  gint64 missing;   /* backers the seed counts but does not list */
  gint64 planned;   /* …of whom this many pledge it */
} Reward;

typedef struct
{
  CfDatabase *database;
  gint64 campaign_id;
  const char *status;
  gint64 start;
  gint64 span;
  gint64 count;     /* pledges to make in all */
} Backers;

/* @n_strings of @strings as a JSON list, for SQLite's json_extract (). */
static char *
json_list (const char * const *strings,
           guint               n_strings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_strings; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Seeded backers 0 to @count - 1, shared by every campaign: each pledges
 * once to a campaign at most. Their names come from the lists above. */
static gboolean
add_seeded_backers (CfDatabase *database,
                    gint64      count)
{
  g_autofree char *first_list = json_list (first_names, G_N_ELEMENTS (first_names));
  g_autofree char *last_list = json_list (last_initials, G_N_ELEMENTS (last_initials));
  sqlite3_stmt *statement = cf_database_prepare (database,
    "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?1)"
    " INSERT OR IGNORE INTO users (username, name)"
    " SELECT 'seeded-backer-' || i,"
    "   json_extract (?2, '$[' || (i % ?3) || ']') || ' ' || json_extract (?4, '$[' || (i / ?3 % ?5) || ']')"
    " FROM n");

  sqlite3_bind_int64 (statement, 1, count);
  sqlite3_bind_text (statement, 2, first_list, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 3, G_N_ELEMENTS (first_names));
  sqlite3_bind_text (statement, 4, last_list, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 5, G_N_ELEMENTS (last_initials));
  return count <= 0 || cf_database_write (database, statement, NULL);
}

/* Pledges by seeded backers @first to @first + @count - 1, for @reward_id
 * (0 for none) at @minimum plus the backer's share of @extra, shared
 * evenly among @sharers from @first_sharer on; their times spread over the
 * campaign so far, rewards mixed (a backer's turn is a fixed shuffle of
 * its index), their backer numbers before those the seed lists. */
static gboolean
add_pledges (Backers *backers,
             gint64   first,
             gint64   count,
             gint64   reward_id,
             gint64   minimum,
             gint64   extra,
             gint64   sharers,
             gint64   first_sharer)
{
  sqlite3_stmt *statement = cf_database_prepare (backers->database,
    "WITH RECURSIVE n (i) AS (SELECT ?3 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?3 + ?4)"
    " INSERT INTO pledges (campaign_id, backer_id, reward_id, amount, bonus, status, sequence, pledged_at)"
    " SELECT ?1, u.id, NULLIF (?5, 0), MAX (?6 + share, 1), MAX (?6 + share, 1) - ?6, ?2, turn + 1,"
    "   ?10 + ?11 * (turn + 1) / (?12 + 1)"
    " FROM (SELECT i, CASE WHEN ?8 > 0 THEN ?7 / ?8 + (i - ?9 < ?7 % ?8) ELSE 0 END AS share,"
    "         i * " G_STRINGIFY (SHUFFLE) " % ?12 AS turn FROM n)"
    " JOIN users u ON u.username = 'seeded-backer-' || i");

  if (count <= 0)
    return TRUE;
  sqlite3_bind_int64 (statement, 1, backers->campaign_id);
  sqlite3_bind_text (statement, 2, backers->status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 3, first);
  sqlite3_bind_int64 (statement, 4, count);
  sqlite3_bind_int64 (statement, 5, reward_id);
  sqlite3_bind_int64 (statement, 6, minimum);
  sqlite3_bind_int64 (statement, 7, extra);
  sqlite3_bind_int64 (statement, 8, sharers);
  sqlite3_bind_int64 (statement, 9, first_sharer);
  sqlite3_bind_int64 (statement, 10, backers->start);
  sqlite3_bind_int64 (statement, 11, backers->span);
  sqlite3_bind_int64 (statement, 12, backers->count);
  return cf_database_write (backers->database, statement, NULL);
}

/* How many of each reward's unlisted backers pledge it: all of them when
 * their minimums fit in what the unlisted backers gave, fewer in the same
 * proportions otherwise, every other backer giving at least a unit (100
 * minor units). Returns the sum of their minimums. */
static gint64
plan_rewards (GArray *rewards,
              gint64  unlisted,
              gint64  available,
              gint64 *with_reward)
{
  double scale = 1.0;

  for (;;)
    {
      gint64 sum = 0;

      *with_reward = 0;
      for (guint i = 0; i < rewards->len; i++)
        {
          Reward *reward = &g_array_index (rewards, Reward, i);

          reward->planned = (gint64) (reward->missing * scale);
          *with_reward += reward->planned;
          sum += reward->planned * MAX (reward->minimum, 1);
        }
      if (sum + 100 * MAX (0, unlisted - *with_reward) <= available || *with_reward == 0)
        return sum;
      scale *= 0.9;
    }
}

/* Pledges for what @campaign_id's totals hold beyond the pledges the seed
 * lists: rewards' backers pledge their minimum, the others pledge without a
 * reward, sharing what is left of the total. The totals stay as seeded;
 * where they cannot be met that way, they become what the pledges add up to. */
gboolean
cf_seed_backers_generate (CfDatabase  *database,
                          gint64       campaign_id,
                          const char **problem)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT c.state, c.pledged, c.backers_count, c.launched_at, MIN (c.deadline, ?2),"
    "  (SELECT COUNT(*) FROM pledges p WHERE p.campaign_id = c.id AND p.status IN " LIVE_STATUSES "),"
    "  (SELECT COALESCE (SUM (amount), 0) FROM pledges p WHERE p.campaign_id = c.id AND p.status IN " LIVE_STATUSES ")"
    " FROM campaigns c WHERE c.id = ?1");
  g_autoptr(GArray) rewards = g_array_new (FALSE, FALSE, sizeof (Reward));
  Backers backers = { database, campaign_id };
  gint64 unlisted, available, with_reward, reward_sum, without_reward, left, alone, bonuses, given = 0;

  sqlite3_bind_int64 (statement, 1, campaign_id);
  sqlite3_bind_int64 (statement, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_step (statement) != SQLITE_ROW ||
      g_str_equal ((const char *) sqlite3_column_text (statement, 0), "upcoming"))
    return TRUE;

  backers.status = g_str_equal ((const char *) sqlite3_column_text (statement, 0), "successful")
                   ? "collected" : "pledged";
  backers.start = sqlite3_column_int64 (statement, 3);
  backers.span = MAX (0, sqlite3_column_int64 (statement, 4) - backers.start);
  unlisted = MAX (0, sqlite3_column_int64 (statement, 2) - sqlite3_column_int64 (statement, 5));
  available = MAX (0, sqlite3_column_int64 (statement, 1) - sqlite3_column_int64 (statement, 6));

  statement = cf_database_prepare (database,
    "SELECT r.id, r.minimum, MAX (0, r.backers_count - (SELECT COUNT(*) FROM pledges p WHERE p.reward_id = r.id"
    "  AND p.status IN " LIVE_STATUSES ")) FROM rewards r WHERE r.campaign_id = ? ORDER BY r.id");
  sqlite3_bind_int64 (statement, 1, campaign_id);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      Reward reward = { sqlite3_column_int64 (statement, 0), sqlite3_column_int64 (statement, 1),
                        sqlite3_column_int64 (statement, 2) };

      g_array_append_val (rewards, reward);
    }

  /* A seed is an operator's file: a typo must not make billions of rows. */
  if (unlisted > CF_SEED_BACKERS_MAX)
    {
      *problem = "asks for more than a million backers in a campaign";
      return FALSE;
    }

  reward_sum = plan_rewards (rewards, unlisted, available, &with_reward);
  without_reward = MAX (0, unlisted - with_reward);
  backers.count = with_reward + without_reward;
  left = MAX (available - reward_sum, without_reward * 100);
  /* Backers without a reward give about what an average backer gives; the
   * rest of the total is given as bonuses on top of rewards. */
  alone = with_reward == 0 ? left : MIN (left, MAX (without_reward * 100, without_reward * (available / MAX (unlisted, 1))));
  bonuses = left - alone;

  if (!add_seeded_backers (database, backers.count))
    return FALSE;
  for (guint i = 0; i < rewards->len; i++)
    {
      Reward *reward = &g_array_index (rewards, Reward, i);

      if (!add_pledges (&backers, given, reward->planned, reward->id, reward->minimum, bonuses, with_reward, 0))
        return FALSE;
      given += reward->planned;
    }
  if (!add_pledges (&backers, given, without_reward, 0, 0, alone, without_reward, given))
    return FALSE;

  /* The totals, as the pledges add up: as seeded, unless they could not be. */
  statement = cf_database_prepare (database,
    "UPDATE campaigns SET"
    "  pledged = (SELECT COALESCE (SUM (amount), 0) FROM pledges WHERE campaign_id = ?1 AND status IN " LIVE_STATUSES "),"
    "  backers_count = (SELECT COUNT(*) FROM pledges WHERE campaign_id = ?1 AND status IN " LIVE_STATUSES ")"
    " WHERE id = ?1");
  sqlite3_bind_int64 (statement, 1, campaign_id);
  if (!cf_database_write (database, statement, NULL))
    return FALSE;
  statement = cf_database_prepare (database,
    "UPDATE rewards SET backers_count = (SELECT COUNT(*) FROM pledges p WHERE p.reward_id = rewards.id"
    "  AND p.status IN " LIVE_STATUSES ") WHERE campaign_id = ?");
  sqlite3_bind_int64 (statement, 1, campaign_id);
  return cf_database_write (database, statement, NULL);
}
