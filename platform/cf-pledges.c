/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledges"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "cf-pledges.h"

/* The pledging rules. Each change runs in one IMMEDIATE transaction, so two
 * requests never see the same remaining count, and a refused or failed
 * change leaves nothing behind. */

#define LIVE_STATUSES     "('pledged', 'collected', 'errored')"
#define ADDRESS_LOCK_DAYS 14

typedef struct
{
  gint64 minimum;
  gint64 shipping;
  char shipping_type[16];
} RewardTerms;

static gboolean
refuse (CfRefusal  *refusal,
        guint       status,
        const char *code,
        const char *field,
        const char *field_code)
{
  *refusal = (CfRefusal) { status, code, field, field_code };
  return FALSE;
}

/* Undoes the transaction of a refused change; always FALSE. */
static gboolean
roll_back (CfDatabase *database)
{
  cf_database_rollback (database);
  return FALSE;
}

static gboolean
step_done (CfDatabase   *database,
           sqlite3_stmt *statement)
{
  return cf_database_write (database, statement, NULL);
}

static gboolean
fail_internally (CfDatabase *database,
                 CfRefusal  *refusal)
{
  refuse (refusal, 500, "internal", NULL, NULL);
  return roll_back (database);
}

/* The hour's point of the funding curve takes the campaign's new totals. */
gboolean
cf_pledges_record_funding (CfDatabase *database,
                           gint64      campaign_id,
                           gint64      at)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "INSERT INTO funding (campaign_id, at, pledged, backers_count)"
    " SELECT id, ?2, pledged, backers_count FROM campaigns WHERE id = ?1"
    " ON CONFLICT (campaign_id, at) DO UPDATE"
    " SET pledged = excluded.pledged, backers_count = excluded.backers_count");

  sqlite3_bind_int64 (statement, 1, campaign_id);
  sqlite3_bind_int64 (statement, 2, at - at % 3600);
  return step_done (database, statement);
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* What shipping to @country costs: a rate naming it, else the "*" one. */
static gboolean
shipping_cost (CfDatabase *database,
               gint64      reward_id,
               const char *country,
               gint64     *cost)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT cost FROM shipping_rates WHERE reward_id = ?1"
    " AND (',' || countries || ',' LIKE '%,' || ?2 || ',%' OR countries = '*')"
    " ORDER BY countries = '*', id LIMIT 1");

  if (country == NULL || strlen (country) != 2 || strchr (country, ',') || strchr (country, '%'))
    return FALSE;

  sqlite3_bind_int64 (statement, 1, reward_id);
  sqlite3_bind_text (statement, 2, country, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return FALSE;

  *cost = sqlite3_column_int64 (statement, 0);
  return TRUE;
}

/* The minimum and shipping of @reward_id (0: no reward) for @country. */
static gboolean
reward_terms (CfDatabase  *database,
              gint64       campaign_id,
              gint64       reward_id,
              const char  *country,
              RewardTerms *terms,
              CfRefusal   *refusal)
{
  sqlite3_stmt *statement;

  *terms = (RewardTerms) { 1, 0, "none" };
  if (reward_id == 0)
    return TRUE;

  statement = cf_database_prepare (database,
    "SELECT minimum, shipping_type FROM rewards WHERE id = ? AND campaign_id = ?");
  sqlite3_bind_int64 (statement, 1, reward_id);
  sqlite3_bind_int64 (statement, 2, campaign_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return refuse (refusal, 422, "invalid_reward", "reward_id", "not_a_reward_of_this_campaign");

  terms->minimum = sqlite3_column_int64 (statement, 0);
  g_strlcpy (terms->shipping_type, (const char *) sqlite3_column_text (statement, 1),
             sizeof terms->shipping_type);
  if (!g_str_equal (terms->shipping_type, "none") &&
      !shipping_cost (database, reward_id, country, &terms->shipping))
    return refuse (refusal, 422, "no_shipping_to_country", "shipping_country", "not_shipped_to");

  return TRUE;
}

/* Takes one of the reward's places, unless none is left. */
static gboolean
claim_reward (CfDatabase *database,
              gint64      reward_id,
              CfRefusal  *refusal)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "UPDATE rewards SET backers_count = backers_count + 1"
    " WHERE id = ? AND (reward_limit IS NULL OR backers_count < reward_limit)");

  if (reward_id == 0)
    return TRUE;

  sqlite3_bind_int64 (statement, 1, reward_id);
  if (step_done (database, statement) && sqlite3_changes (cf_database_get_handle (database)) == 1)
    return TRUE;

  return refuse (refusal, 422, "reward_sold_out", "reward_id", "sold_out");
}

static gboolean
release_reward (CfDatabase *database,
                gint64      reward_id)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "UPDATE rewards SET backers_count = backers_count - 1 WHERE id = ? AND backers_count > 0");

  sqlite3_bind_int64 (statement, 1, reward_id);
  return step_done (database, statement);
}

/* Totals move in checked integer arithmetic: SQLite would turn an
 * overflowing sum into a float without a word. */
static gboolean
add_to_totals (CfDatabase *database,
               gint64      campaign_id,
               gint64      amount,
               int         backers,
               CfRefusal  *refusal)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT pledged, backers_count FROM campaigns WHERE id = ?");
  gint64 pledged, backers_count;

  sqlite3_bind_int64 (statement, 1, campaign_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return refuse (refusal, 404, "not_found", NULL, NULL);
  if (__builtin_add_overflow (sqlite3_column_int64 (statement, 0), amount, &pledged) ||
      __builtin_add_overflow (sqlite3_column_int64 (statement, 1), backers, &backers_count) ||
      pledged < 0 || pledged > CF_PLEDGES_MAX_TOTAL || backers_count < 0)
    return refuse (refusal, 422, "amount_too_large", "amount", "too_large");

  statement = cf_database_prepare (database,
    "UPDATE campaigns SET pledged = ?, backers_count = ? WHERE id = ?");
  sqlite3_bind_int64 (statement, 1, pledged);
  sqlite3_bind_int64 (statement, 2, backers_count);
  sqlite3_bind_int64 (statement, 3, campaign_id);
  if (!step_done (database, statement) || !cf_pledges_record_funding (database, campaign_id, now ()))
    return refuse (refusal, 500, "internal", NULL, NULL);
  return TRUE;
}

/* The campaign takes pledges: live, and before its deadline. */
static gboolean
check_live (CfDatabase *database,
            gint64      campaign_id,
            const char *currency,
            gint64     *deadline,
            CfRefusal  *refusal)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT state, deadline, currency FROM campaigns WHERE id = ?");

  sqlite3_bind_int64 (statement, 1, campaign_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return refuse (refusal, 404, "not_found", NULL, NULL);

  *deadline = sqlite3_column_int64 (statement, 1);
  if (g_strcmp0 ((const char *) sqlite3_column_text (statement, 0), "live") != 0 || *deadline <= now ())
    return refuse (refusal, 422, "campaign_not_live", NULL, NULL);

  if (currency != NULL && g_strcmp0 ((const char *) sqlite3_column_text (statement, 2), currency) != 0)
    return refuse (refusal, 422, "currency_mismatch", "amount", "not_in_the_campaign_currency");

  return TRUE;
}

/* What a pledge asked for, so that a key sent again with another request is
 * told apart from a retry (the IETF Idempotency-Key draft's fingerprint). */
static char *
describe_order (const CfPledgeOrder *order)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s %s",
                          order->campaign_id, order->reward_id, order->amount,
                          order->currency ? order->currency : "",
                          order->shipping_country ? order->shipping_country : "");
}

static gboolean
replay (CfDatabase          *database,
        const CfPledgeOrder *order,
        gint64              *pledge_id,
        CfRefusal           *refusal)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT k.pledge_id, k.request FROM idempotency_keys k JOIN pledges p ON p.id = k.pledge_id"
    " WHERE k.user_id = ? AND k.key = ?");
  g_autofree char *request = describe_order (order);

  sqlite3_bind_int64 (statement, 1, order->backer_id);
  sqlite3_bind_text (statement, 2, order->idempotency_key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return FALSE;

  *pledge_id = sqlite3_column_int64 (statement, 0);
  /* A key kept before requests were (schema 2) has nothing to compare: it
   * is the retry it claims to be. */
  if (sqlite3_column_type (statement, 1) != SQLITE_NULL &&
      g_strcmp0 ((const char *) sqlite3_column_text (statement, 1), request) != 0)
    refuse (refusal, 422, "idempotency_key_reused", "Idempotency-Key", "used_for_another_request");

  return TRUE;
}

static gboolean
insert_pledge (CfDatabase          *database,
               const CfPledgeOrder *order,
               const RewardTerms   *terms,
               gint64               deadline,
               gint64              *pledge_id)
{
  gint64 minimum = order->reward_id ? terms->minimum : 0;
  sqlite3_stmt *statement = cf_database_prepare (database,
    "INSERT INTO pledges (campaign_id, backer_id, reward_id, amount, bonus, shipping,"
    "  shipping_country, status, sequence, pledged_at, address_lock_at, actions)"
    " VALUES (?1, ?2, NULLIF (?3, 0), ?4, ?5, ?6, ?7, 'pledged',"
    "  (SELECT MAX (backers_count, (SELECT COALESCE (MAX (sequence), 0) FROM pledges"
    "   WHERE campaign_id = ?1)) + 1 FROM campaigns WHERE id = ?1),"
    "  ?8, ?9, ?10)");
  gboolean ships = !g_str_equal (terms->shipping_type, "none");

  sqlite3_bind_int64 (statement, 1, order->campaign_id);
  sqlite3_bind_int64 (statement, 2, order->backer_id);
  sqlite3_bind_int64 (statement, 3, order->reward_id);
  sqlite3_bind_int64 (statement, 4, order->amount);
  sqlite3_bind_int64 (statement, 5, order->amount - minimum - terms->shipping);
  sqlite3_bind_int64 (statement, 6, terms->shipping);
  sqlite3_bind_text (statement, 7, order->shipping_country, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 8, now ());
  if (ships)
    sqlite3_bind_int64 (statement, 9, deadline + ADDRESS_LOCK_DAYS * 24 * 3600);
  sqlite3_bind_text (statement, 10, ships ? "confirm_address" : "", -1, SQLITE_STATIC);
  if (!step_done (database, statement))
    return FALSE;

  *pledge_id = sqlite3_last_insert_rowid (cf_database_get_handle (database));
  return TRUE;
}

static gboolean
remember_key (CfDatabase          *database,
              const CfPledgeOrder *order,
              gint64               pledge_id)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "INSERT INTO idempotency_keys (user_id, key, pledge_id, request) VALUES (?, ?, ?, ?)");
  g_autofree char *request = describe_order (order);

  if (order->idempotency_key == NULL)
    return TRUE;

  sqlite3_bind_int64 (statement, 1, order->backer_id);
  sqlite3_bind_text (statement, 2, order->idempotency_key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 3, pledge_id);
  sqlite3_bind_text (statement, 4, request, -1, SQLITE_TRANSIENT);
  return step_done (database, statement);
}

static gboolean
has_live_pledge (CfDatabase *database,
                 gint64      campaign_id,
                 gint64      backer_id)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT 1 FROM pledges WHERE campaign_id = ? AND backer_id = ? AND status IN " LIVE_STATUSES);

  sqlite3_bind_int64 (statement, 1, campaign_id);
  sqlite3_bind_int64 (statement, 2, backer_id);
  return sqlite3_step (statement) == SQLITE_ROW;
}

gboolean
cf_pledges_create (CfDatabase          *database,
                   const CfPledgeOrder *order,
                   gint64              *pledge_id,
                   gboolean            *replayed,
                   CfRefusal           *refusal)
{
  RewardTerms terms;
  gint64 deadline;

  *replayed = FALSE;
  if (!cf_database_begin (database, NULL))
    return refuse (refusal, 500, "internal", NULL, NULL);

  if (order->idempotency_key != NULL && replay (database, order, pledge_id, refusal))
    {
      cf_database_rollback (database);
      *replayed = TRUE;
      return refusal->code == NULL;
    }

  if (!check_live (database, order->campaign_id, order->currency, &deadline, refusal) ||
      !reward_terms (database, order->campaign_id, order->reward_id, order->shipping_country,
                     &terms, refusal))
    return roll_back (database);

  if (has_live_pledge (database, order->campaign_id, order->backer_id))
    return refuse (refusal, 409, "already_backed", NULL, NULL) || roll_back (database);

  if (order->amount < terms.minimum + terms.shipping)
    return refuse (refusal, 422, "below_minimum", "amount", "below_minimum") || roll_back (database);

  if (!claim_reward (database, order->reward_id, refusal))
    return roll_back (database);

  if (!insert_pledge (database, order, &terms, deadline, pledge_id) ||
      !remember_key (database, order, *pledge_id))
    return fail_internally (database, refusal);

  if (!add_to_totals (database, order->campaign_id, order->amount, 1, refusal))
    return roll_back (database);

  return cf_database_commit (database, NULL) || fail_internally (database, refusal);
}

typedef struct
{
  gint64 campaign_id;
  gint64 reward_id;
  gint64 amount;
  char status[16];
  char *shipping_country;
  gint64 address_lock_at;  /* 0: none */
} PledgeRow;

static void
pledge_row_clear (PledgeRow *row)
{
  g_clear_pointer (&row->shipping_country, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PledgeRow, pledge_row_clear)

/* The pledge, if it is @backer_id's; a refusal otherwise. */
static gboolean
read_own_pledge (CfDatabase *database,
                 gint64      pledge_id,
                 gint64      backer_id,
                 PledgeRow  *row,
                 CfRefusal  *refusal)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT campaign_id, COALESCE (reward_id, 0), amount, status, shipping_country,"
    " COALESCE (address_lock_at, 0), backer_id FROM pledges WHERE id = ?");

  sqlite3_bind_int64 (statement, 1, pledge_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return refuse (refusal, 404, "not_found", NULL, NULL);
  if (sqlite3_column_int64 (statement, 6) != backer_id)
    return refuse (refusal, 403, "forbidden", NULL, NULL);

  row->campaign_id = sqlite3_column_int64 (statement, 0);
  row->reward_id = sqlite3_column_int64 (statement, 1);
  row->amount = sqlite3_column_int64 (statement, 2);
  g_strlcpy (row->status, (const char *) sqlite3_column_text (statement, 3), sizeof row->status);
  row->shipping_country = g_strdup ((const char *) sqlite3_column_text (statement, 4));
  row->address_lock_at = sqlite3_column_int64 (statement, 5);

  if (!g_str_equal (row->status, "pledged") && !g_str_equal (row->status, "collected") &&
      !g_str_equal (row->status, "errored"))
    return refuse (refusal, 422, "pledge_not_active", NULL, NULL);

  return TRUE;
}

static gboolean
set_received (CfDatabase *database,
              gint64      pledge_id,
              gboolean    received)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "UPDATE pledges SET received = ?,"
    " fulfillment_status = CASE WHEN ? THEN 'delivered' ELSE fulfillment_status END"
    " WHERE id = ?");

  sqlite3_bind_int (statement, 1, received);
  sqlite3_bind_int (statement, 2, received);
  sqlite3_bind_int64 (statement, 3, pledge_id);
  return step_done (database, statement);
}

static gboolean
set_address (CfDatabase *database,
             gint64      pledge_id,
             const char *address)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "UPDATE pledges SET address = ?,"
    " actions = TRIM (REPLACE (',' || actions || ',', ',confirm_address,', ','), ',')"
    " WHERE id = ?");

  sqlite3_bind_text (statement, 1, address, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, pledge_id);
  return step_done (database, statement);
}

/* A change of reward, amount or country: the new terms must hold, the old
 * reward's place is given back and a new one claimed. */
static gboolean
change_terms (CfDatabase         *database,
              gint64              pledge_id,
              const PledgeRow    *row,
              const CfPledgeEdit *edit,
              CfRefusal          *refusal)
{
  gint64 reward_id = (edit->fields & CF_PLEDGE_EDIT_REWARD) ? edit->reward_id : row->reward_id;
  gint64 amount = (edit->fields & CF_PLEDGE_EDIT_AMOUNT) ? edit->amount : row->amount;
  const char *country = (edit->fields & CF_PLEDGE_EDIT_SHIPPING_COUNTRY)
                        ? edit->shipping_country : row->shipping_country;
  gint64 deadline;
  RewardTerms terms;
  sqlite3_stmt *statement;

  if (!check_live (database, row->campaign_id, edit->currency, &deadline, refusal) ||
      !reward_terms (database, row->campaign_id, reward_id, country, &terms, refusal))
    return FALSE;
  if (amount < terms.minimum + terms.shipping)
    return refuse (refusal, 422, "below_minimum", "amount", "below_minimum");

  if (reward_id != row->reward_id)
    {
      if (row->reward_id != 0 && !release_reward (database, row->reward_id))
        return refuse (refusal, 500, "internal", NULL, NULL);
      if (!claim_reward (database, reward_id, refusal))
        return FALSE;
    }

  statement = cf_database_prepare (database,
    "UPDATE pledges SET reward_id = NULLIF (?, 0), amount = ?, bonus = ?, shipping = ?,"
    " shipping_country = ? WHERE id = ?");
  sqlite3_bind_int64 (statement, 1, reward_id);
  sqlite3_bind_int64 (statement, 2, amount);
  sqlite3_bind_int64 (statement, 3, amount - (reward_id ? terms.minimum : 0) - terms.shipping);
  sqlite3_bind_int64 (statement, 4, terms.shipping);
  sqlite3_bind_text (statement, 5, country, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 6, pledge_id);
  if (!step_done (database, statement))
    return refuse (refusal, 500, "internal", NULL, NULL);

  return add_to_totals (database, row->campaign_id, amount - row->amount, 0, refusal);
}

gboolean
cf_pledges_edit (CfDatabase         *database,
                 gint64              pledge_id,
                 gint64              backer_id,
                 const CfPledgeEdit *edit,
                 gint64             *campaign_id,
                 CfRefusal          *refusal)
{
  g_auto(PledgeRow) row = { 0 };
  CfPledgeEditFields terms = CF_PLEDGE_EDIT_REWARD | CF_PLEDGE_EDIT_AMOUNT |
                             CF_PLEDGE_EDIT_SHIPPING_COUNTRY;

  if (!cf_database_begin (database, NULL))
    return refuse (refusal, 500, "internal", NULL, NULL);
  if (!read_own_pledge (database, pledge_id, backer_id, &row, refusal))
    goto refused;
  *campaign_id = row.campaign_id;

  if ((edit->fields & terms) && !change_terms (database, pledge_id, &row, edit, refusal))
    goto refused;

  if ((edit->fields & CF_PLEDGE_EDIT_ADDRESS) && row.address_lock_at != 0 &&
      row.address_lock_at <= now ())
    {
      refuse (refusal, 422, "address_locked", "address", "locked");
      goto refused;
    }

  if (((edit->fields & CF_PLEDGE_EDIT_ADDRESS) && !set_address (database, pledge_id, edit->address)) ||
      ((edit->fields & CF_PLEDGE_EDIT_RECEIVED) && !set_received (database, pledge_id, edit->received)))
    {
      refuse (refusal, 500, "internal", NULL, NULL);
      goto refused;
    }

  return cf_database_commit (database, NULL) || refuse (refusal, 500, "internal", NULL, NULL);

refused:
  cf_database_rollback (database);
  return FALSE;
}

gboolean
cf_pledges_cancel (CfDatabase *database,
                   gint64      pledge_id,
                   gint64      backer_id,
                   gint64     *campaign_id,
                   CfRefusal  *refusal)
{
  g_auto(PledgeRow) row = { 0 };
  sqlite3_stmt *statement;
  gint64 deadline;

  if (!cf_database_begin (database, NULL))
    return refuse (refusal, 500, "internal", NULL, NULL);
  if (!read_own_pledge (database, pledge_id, backer_id, &row, refusal) ||
      !check_live (database, row.campaign_id, NULL, &deadline, refusal))
    return roll_back (database);

  *campaign_id = row.campaign_id;
  statement = cf_database_prepare (database, "UPDATE pledges SET status = 'canceled' WHERE id = ?");
  sqlite3_bind_int64 (statement, 1, pledge_id);
  if (!step_done (database, statement) ||
      (row.reward_id != 0 && !release_reward (database, row.reward_id)))
    return fail_internally (database, refusal);
  if (!add_to_totals (database, row.campaign_id, -row.amount, -1, refusal))
    return roll_back (database);

  return cf_database_commit (database, NULL) || fail_internally (database, refusal);
}
