/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-seed"

#include "config.h"

#include <string.h>

#include "cf-json-limits.h"
#include "cf-pledges.h"
#include "cf-resources.h"
#include "cf-secrets.h"
#include "cf-seed-backers.h"
#include "cf-seed.h"
#include "cf-web-address.h"

/* Imports a seed file (docs/seed-format.md): users, categories, exchange
 * rates, campaigns with their rewards and updates, then pledges, in one
 * transaction. Anything malformed stops the import and leaves the database
 * as it was. */

typedef struct
{
  CfDatabase *database;
  JsonObject *object;  /* the record being read, for error messages */
  const char *what;
  GError **error;
} Reader;

static gboolean
fail (Reader     *reader,
      const char *member,
      const char *problem)
{
  g_set_error (reader->error, CF_DATABASE_ERROR, 0, "seed: %s: “%s” %s", reader->what, member, problem);
  return FALSE;
}

static JsonNode *
member (Reader     *reader,
        const char *name)
{
  JsonNode *node = json_object_get_member (reader->object, name);

  return node && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static gboolean
read_text (Reader      *reader,
           const char  *name,
           gboolean     required,
           const char **text)
{
  JsonNode *node = member (reader, name);

  *text = NULL;
  if (node == NULL)
    return !required || fail (reader, name, "is missing");
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (reader, name, "must be a string");

  *text = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_int (Reader     *reader,
          const char *name,
          gint64      fallback,
          gint64     *value)
{
  JsonNode *node = member (reader, name);

  *value = fallback;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
    return fail (reader, name, "must be a whole number");

  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
read_boolean (Reader     *reader,
              const char *name,
              gboolean   *value)
{
  JsonNode *node = member (reader, name);

  *value = FALSE;
  if (node == NULL)
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (reader, name, "must be true or false");

  *value = json_node_get_boolean (node);
  return TRUE;
}

/* Times a campaign can sensibly have: from 1970 to the end of 9999, which
 * RFC 3339 can still write. */
#define LAST_TIME G_GINT64_CONSTANT (253402300799)

/* RFC 3339, or relative to now: "now", "now+3d", "now-36h", "now+90m". */
static gboolean
read_time (Reader     *reader,
           const char *name,
           gboolean    required,
           gint64     *value)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *text;
  char *end;
  gint64 offset;

  *value = 0;
  if (!read_text (reader, name, required, &text) || text == NULL)
    return text == NULL && !required;

  if (!g_str_has_prefix (text, "now"))
    {
      *value = cf_resources_parse_time (text);
      return (*value >= 0 && *value <= LAST_TIME) ||
             fail (reader, name, "is not an RFC 3339 time between 1970 and 9999");
    }

  if (text[3] == '\0')
    {
      *value = now;
      return TRUE;
    }

  offset = g_ascii_strtoll (text + 3, &end, 10);
  if (end == text + 3 || end[0] == '\0' || end[1] != '\0' || strchr ("dhm", end[0]) == NULL)
    return fail (reader, name, "is not “now” plus or minus days, hours or minutes");

  if (__builtin_mul_overflow (offset, end[0] == 'd' ? 86400 : end[0] == 'h' ? 3600 : 60, &offset) ||
      __builtin_add_overflow (now, offset, value) || *value < 0 || *value > LAST_TIME)
    return fail (reader, name, "is not a time between 1970 and 9999");
  return TRUE;
}

static gboolean
read_money (Reader     *reader,
            const char *name,
            const char *currency,
            gint64     *amount)
{
  JsonNode *node = member (reader, name);
  JsonObject *money = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  JsonNode *value = money ? json_object_get_member (money, "amount") : NULL;
  JsonNode *code = money ? json_object_get_member (money, "currency") : NULL;

  if (value == NULL || json_node_get_value_type (value) != G_TYPE_INT64 ||
      code == NULL || json_node_get_value_type (code) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (code), currency) != 0)
    return fail (reader, name, "must be money in the campaign's currency");

  *amount = json_node_get_int (value);
  if (*amount < 0 || *amount > CF_PLEDGES_MAX_AMOUNT)
    return fail (reader, name, "must be an amount from 0 to 10¹² minor units");
  return TRUE;
}

static JsonArray *
read_array (Reader     *reader,
            const char *name)
{
  JsonNode *node = member (reader, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static sqlite3_stmt *
prepare (Reader     *reader,
         const char *sql)
{
  return cf_database_prepare (reader->database, sql);
}

static gboolean
run (Reader       *reader,
     sqlite3_stmt *statement,
     gint64       *id)
{
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      g_set_error (reader->error, CF_DATABASE_ERROR, 0, "seed: %s: %s", reader->what,
                   sqlite3_errmsg (cf_database_get_handle (reader->database)));
      return FALSE;
    }

  if (id != NULL)
    *id = sqlite3_last_insert_rowid (cf_database_get_handle (reader->database));
  return TRUE;
}

static void
bind_id (sqlite3_stmt *statement,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (statement, index, id);
  else
    sqlite3_bind_null (statement, index);
}

static gint64
lookup_id (Reader     *reader,
           const char *sql,
           const char *key)
{
  sqlite3_stmt *statement = prepare (reader, sql);

  sqlite3_bind_text (statement, 1, key, -1, SQLITE_TRANSIENT);
  return sqlite3_step (statement) == SQLITE_ROW ? sqlite3_column_int64 (statement, 0) : -1;
}

static gboolean
import_user (Reader *reader)
{
  const char *username, *name, *password, *country, *currency;
  g_autofree char *hash = NULL;
  sqlite3_stmt *statement;
  gint64 id;

  if (!read_int (reader, "id", 0, &id) || !read_text (reader, "username", TRUE, &username) ||
      !read_text (reader, "name", TRUE, &name) || !read_text (reader, "password", FALSE, &password) ||
      !read_text (reader, "country", FALSE, &country) ||
      !read_text (reader, "currency", FALSE, &currency))
    return FALSE;

  hash = password ? cf_secrets_hash_password (password) : NULL;
  statement = prepare (reader, "INSERT INTO users (id, username, name, password_hash, country, currency)"
                               " VALUES (?, ?, ?, ?, ?, ?)");
  bind_id (statement, 1, id);
  sqlite3_bind_text (statement, 2, username, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, country, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 6, currency, -1, SQLITE_TRANSIENT);
  return run (reader, statement, NULL);
}

static gboolean
import_category (Reader *reader)
{
  const char *slug, *name;
  sqlite3_stmt *statement;
  gint64 id;

  if (!read_int (reader, "id", 0, &id) || !read_text (reader, "slug", TRUE, &slug) ||
      !read_text (reader, "name", TRUE, &name))
    return FALSE;

  statement = prepare (reader, "INSERT INTO categories (id, slug, name) VALUES (?, ?, ?)");
  bind_id (statement, 1, id);
  sqlite3_bind_text (statement, 2, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, name, -1, SQLITE_TRANSIENT);
  return run (reader, statement, NULL);
}

static gboolean
import_rates (Reader     *reader,
              JsonObject *rates)
{
  JsonObjectIter iter;
  const char *currency;
  JsonNode *rate;

  json_object_iter_init (&iter, rates);
  while (json_object_iter_next (&iter, &currency, &rate))
    {
      sqlite3_stmt *statement = prepare (reader,
        "INSERT OR REPLACE INTO exchange_rates (currency, rate, as_of) VALUES (?, ?, ?)");

      if (!JSON_NODE_HOLDS_VALUE (rate) ||
          (json_node_get_value_type (rate) != G_TYPE_DOUBLE && json_node_get_value_type (rate) != G_TYPE_INT64) ||
          json_node_get_double (rate) <= 0)
        return fail (reader, currency, "must be a positive number");
      sqlite3_bind_text (statement, 1, currency, -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (statement, 2, json_node_get_double (rate));
      sqlite3_bind_int64 (statement, 3, g_get_real_time () / G_USEC_PER_SEC / 86400 * 86400);
      if (!run (reader, statement, NULL))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_shipping (Reader     *reader,
                 gint64      reward_id,
                 const char *currency,
                 const char **type)
{
  JsonNode *node = member (reader, "shipping");
  JsonObject *shipping = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *rates;
  Reader rate_reader = *reader;
  JsonNode *rates_node = shipping ? json_object_get_member (shipping, "rates") : NULL;

  if (node != NULL && shipping == NULL)
    return fail (reader, "shipping", "must be an object");
  if (shipping != NULL && json_object_get_member (shipping, "type") != NULL &&
      json_node_get_value_type (json_object_get_member (shipping, "type")) != G_TYPE_STRING)
    return fail (reader, "shipping", "must have a type");
  *type = shipping ? json_object_get_string_member_with_default (shipping, "type", "none") : "none";
  if (rates_node != NULL && !JSON_NODE_HOLDS_ARRAY (rates_node))
    return fail (reader, "shipping", "must list its rates");
  rates = rates_node ? json_node_get_array (rates_node) : NULL;

  for (guint i = 0; rates != NULL && i < json_array_get_length (rates); i++)
    {
      JsonArray *countries;
      g_autoptr(GStrvBuilder) list = g_strv_builder_new ();
      g_auto(GStrv) codes = NULL;
      g_autofree char *joined = NULL;
      sqlite3_stmt *statement;
      gint64 cost;

      rate_reader.what = "a shipping rate";
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (rates, i)))
        return fail (reader, "shipping", "must list its rates as objects");
      rate_reader.object = json_array_get_object_element (rates, i);
      countries = read_array (&rate_reader, "countries");
      if (countries == NULL)
        return fail (&rate_reader, "countries", "must list countries, with a cost");
      if (!read_money (&rate_reader, "cost", currency, &cost))
        return FALSE;

      for (guint j = 0; j < json_array_get_length (countries); j++)
        {
          JsonNode *country = json_array_get_element (countries, j);

          if (json_node_get_value_type (country) != G_TYPE_STRING)
            return fail (&rate_reader, "countries", "must be a list of country codes");
          g_strv_builder_add (list, json_node_get_string (country));
        }
      codes = g_strv_builder_end (list);
      joined = g_strjoinv (",", codes);

      statement = prepare (reader, "INSERT INTO shipping_rates (reward_id, countries, cost) VALUES (?, ?, ?)");
      sqlite3_bind_int64 (statement, 1, reward_id);
      sqlite3_bind_text (statement, 2, joined, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (statement, 3, cost);
      if (!run (reader, statement, NULL))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_reward (Reader     *reader,
               gint64      campaign_id,
               const char *currency)
{
  const char *title, *description, *delivery, *type;
  gint64 id, minimum, limit, backers, reward_id;
  sqlite3_stmt *statement;

  if (!read_int (reader, "id", 0, &id) || !read_text (reader, "title", TRUE, &title) ||
      !read_text (reader, "description", TRUE, &description) ||
      !read_money (reader, "minimum", currency, &minimum) ||
      !read_int (reader, "limit", -1, &limit) || !read_int (reader, "backers_count", 0, &backers) ||
      !read_text (reader, "estimated_delivery", FALSE, &delivery))
    return FALSE;

  statement = prepare (reader,
    "INSERT INTO rewards (id, campaign_id, title, description, minimum, reward_limit, backers_count,"
    " estimated_delivery, shipping_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'none')");
  bind_id (statement, 1, id);
  sqlite3_bind_int64 (statement, 2, campaign_id);
  sqlite3_bind_text (statement, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 5, minimum);
  if (limit >= 0)
    sqlite3_bind_int64 (statement, 6, limit);
  sqlite3_bind_int64 (statement, 7, backers);
  sqlite3_bind_text (statement, 8, delivery, -1, SQLITE_TRANSIENT);
  if (!run (reader, statement, &reward_id) ||
      !import_shipping (reader, reward_id, currency, &type))
    return FALSE;

  statement = prepare (reader, "UPDATE rewards SET shipping_type = ? WHERE id = ?");
  sqlite3_bind_text (statement, 1, type, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, reward_id);
  return run (reader, statement, NULL);
}

static gboolean
import_update (Reader *reader,
               gint64  campaign_id,
               guint   position)
{
  const char *title, *body;
  gint64 id, number, published_at;
  sqlite3_stmt *statement;
  gboolean backers_only;

  if (!read_int (reader, "id", 0, &id) || !read_int (reader, "number", position + 1, &number) ||
      !read_text (reader, "title", TRUE, &title) || !read_text (reader, "body", TRUE, &body) ||
      !read_time (reader, "published_at", TRUE, &published_at) ||
      !read_boolean (reader, "backers_only", &backers_only))
    return FALSE;

  statement = prepare (reader,
    "INSERT INTO updates (id, campaign_id, number, title, body, published_at, backers_only)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)");
  bind_id (statement, 1, id);
  sqlite3_bind_int64 (statement, 2, campaign_id);
  sqlite3_bind_int64 (statement, 3, number);
  sqlite3_bind_text (statement, 4, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 6, published_at);
  sqlite3_bind_int (statement, 7, backers_only);
  return run (reader, statement, NULL);
}

static gboolean
import_children (Reader     *reader,
                 const char *name,
                 gint64      campaign_id,
                 const char *currency)
{
  JsonNode *node = member (reader, name);
  JsonArray *children = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  Reader child = *reader;

  if (node != NULL && children == NULL)
    return fail (reader, name, "must be a list");

  for (guint i = 0; children != NULL && i < json_array_get_length (children); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s.%s[%u]", reader->what, name, i);

      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (children, i)))
        return fail (reader, name, "must hold objects");
      child.object = json_array_get_object_element (children, i);
      child.what = what;
      if (!(g_str_equal (name, "rewards") ? import_reward (&child, campaign_id, currency)
                                          : import_update (&child, campaign_id, i)))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *slug, *title, *blurb, *description, *owner, *category, *image_url, *state, *currency;
  const char *country, *city;
  gint64 id, goal, pledged, backers, launched_at, deadline;
} CampaignRecord;

static gboolean
read_campaign (Reader         *reader,
               CampaignRecord *record)
{
  JsonNode *location = member (reader, "location");
  JsonNode *goal = member (reader, "goal");
  JsonObject *place = location && JSON_NODE_HOLDS_OBJECT (location) ? json_node_get_object (location) : NULL;

  Reader place_reader = { reader->database, place, "a campaign's location", reader->error };
  JsonNode *currency = goal && JSON_NODE_HOLDS_OBJECT (goal)
                       ? json_object_get_member (json_node_get_object (goal), "currency") : NULL;

  record->currency = currency && json_node_get_value_type (currency) == G_TYPE_STRING
                     ? json_node_get_string (currency) : NULL;
  if (location != NULL && place == NULL)
    return fail (reader, "location", "must be an object");
  if (place != NULL && (!read_text (&place_reader, "country", FALSE, &record->country) ||
                        !read_text (&place_reader, "city", FALSE, &record->city)))
    return FALSE;

  return read_int (reader, "id", 0, &record->id) &&
         read_text (reader, "slug", TRUE, &record->slug) &&
         read_text (reader, "title", TRUE, &record->title) &&
         read_text (reader, "blurb", TRUE, &record->blurb) &&
         read_text (reader, "description", TRUE, &record->description) &&
         read_text (reader, "owner", TRUE, &record->owner) &&
         read_text (reader, "category", TRUE, &record->category) &&
         read_text (reader, "image_url", FALSE, &record->image_url) &&
         (record->image_url == NULL || g_str_has_prefix (record->image_url, "/") ||
          cf_web_address_is_valid (record->image_url) ||
          fail (reader, "image_url", "must be a path on the platform or an http(s) address")) &&
         read_text (reader, "state", TRUE, &record->state) &&
         (record->currency != NULL || fail (reader, "goal", "must be money")) &&
         read_money (reader, "goal", record->currency, &record->goal) &&
         (member (reader, "pledged") == NULL ||
          read_money (reader, "pledged", record->currency, &record->pledged)) &&
         read_int (reader, "backers_count", 0, &record->backers) &&
         read_time (reader, "launched_at", TRUE, &record->launched_at) &&
         read_time (reader, "deadline", TRUE, &record->deadline);
}

static gboolean
import_campaign (Reader *reader)
{
  CampaignRecord record = { 0 };
  sqlite3_stmt *statement;
  gint64 owner_id, category_id, campaign_id;

  if (!read_campaign (reader, &record))
    return FALSE;

  owner_id = lookup_id (reader, "SELECT id FROM users WHERE username = ?", record.owner);
  category_id = lookup_id (reader, "SELECT id FROM categories WHERE slug = ?", record.category);
  if (owner_id < 0 || category_id < 0)
    return fail (reader, owner_id < 0 ? "owner" : "category", "names no user or category of the seed");

  statement = prepare (reader,
    "INSERT INTO campaigns (id, slug, title, blurb, description, owner_id, category_id, country,"
    " city, image_url, state, currency, goal, pledged, backers_count, launched_at, deadline)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_id (statement, 1, record.id);
  sqlite3_bind_text (statement, 2, record.slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, record.title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, record.blurb, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, record.description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 6, owner_id);
  sqlite3_bind_int64 (statement, 7, category_id);
  sqlite3_bind_text (statement, 8, record.country, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 9, record.city, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 10, record.image_url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 11, record.state, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 12, record.currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 13, record.goal);
  sqlite3_bind_int64 (statement, 14, record.pledged);
  sqlite3_bind_int64 (statement, 15, record.backers);
  sqlite3_bind_int64 (statement, 16, record.launched_at);
  sqlite3_bind_int64 (statement, 17, record.deadline);

  return run (reader, statement, &campaign_id) &&
         import_children (reader, "rewards", campaign_id, record.currency) &&
         import_children (reader, "updates", campaign_id, record.currency);
}

typedef struct
{
  gint64 campaign_id, backer_id, reward_id, amount, shipping, pledged_at, address_lock_at;
  const char *currency, *country, *status, *address, *fulfillment, *tracking, *carrier, *actions;
  gboolean received;
} PledgeRecord;

static gboolean
find_pledge_parties (Reader       *reader,
                     PledgeRecord *record)
{
  const char *campaign, *backer, *reward;
  sqlite3_stmt *statement;

  if (!read_text (reader, "campaign", TRUE, &campaign) || !read_text (reader, "backer", TRUE, &backer) ||
      !read_text (reader, "reward", FALSE, &reward))
    return FALSE;

  statement = prepare (reader, "SELECT id, currency, deadline FROM campaigns WHERE slug = ?");
  sqlite3_bind_text (statement, 1, campaign, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return fail (reader, "campaign", "names no campaign of the seed");
  record->campaign_id = sqlite3_column_int64 (statement, 0);
  record->currency = g_intern_string ((const char *) sqlite3_column_text (statement, 1));
  record->address_lock_at = sqlite3_column_int64 (statement, 2) + 14 * 86400;

  record->backer_id = lookup_id (reader, "SELECT id FROM users WHERE username = ?", backer);
  if (record->backer_id < 0)
    return fail (reader, "backer", "names no user of the seed");

  statement = prepare (reader, "SELECT id FROM rewards WHERE campaign_id = ? AND title = ?");
  sqlite3_bind_int64 (statement, 1, record->campaign_id);
  sqlite3_bind_text (statement, 2, reward, -1, SQLITE_TRANSIENT);
  if (reward != NULL && sqlite3_step (statement) != SQLITE_ROW)
    return fail (reader, "reward", "names no reward of that campaign");
  record->reward_id = reward ? sqlite3_column_int64 (statement, 0) : 0;
  return TRUE;
}

static gboolean
read_pledge (Reader       *reader,
             PledgeRecord *record)
{
  JsonNode *fulfillment = member (reader, "fulfillment");
  Reader nested = *reader;

  if (!find_pledge_parties (reader, record) ||
      !read_money (reader, "amount", record->currency, &record->amount) ||
      (member (reader, "shipping") && !read_money (reader, "shipping", record->currency, &record->shipping)) ||
      !read_text (reader, "shipping_country", FALSE, &record->country) ||
      !read_text (reader, "status", FALSE, &record->status) ||
      !read_text (reader, "address", FALSE, &record->address) ||
      !read_text (reader, "actions", FALSE, &record->actions) ||
      !read_time (reader, "pledged_at", FALSE, &record->pledged_at) ||
      !read_boolean (reader, "received", &record->received))
    return FALSE;

  if (fulfillment != NULL && !JSON_NODE_HOLDS_OBJECT (fulfillment))
    return fail (reader, "fulfillment", "must be an object");
  if (fulfillment == NULL)
    return TRUE;

  nested.object = json_node_get_object (fulfillment);
  nested.what = "a pledge's fulfillment";
  return read_text (&nested, "status", TRUE, &record->fulfillment) &&
         read_text (&nested, "tracking_number", FALSE, &record->tracking) &&
         read_text (&nested, "carrier", FALSE, &record->carrier);
}

/* Seeded pledges count in the campaign's and reward's totals, on top of the
 * figures the seed gives for backers it does not list one by one. */
static gboolean
import_pledge (Reader *reader)
{
  PledgeRecord record = { 0 };
  sqlite3_stmt *statement;
  gboolean live;

  if (!read_pledge (reader, &record))
    return FALSE;

  live = record.status == NULL || g_str_equal (record.status, "pledged") ||
         g_str_equal (record.status, "collected") || g_str_equal (record.status, "errored");
  statement = prepare (reader,
    "INSERT INTO pledges (campaign_id, backer_id, reward_id, amount, bonus, shipping, shipping_country,"
    " address, status, sequence, pledged_at, address_lock_at, fulfillment_status, tracking_number,"
    " carrier, shipped_at, received, actions)"
    " VALUES (?1, ?2, NULLIF (?3, 0), ?4, MAX (0, ?4 - ?5 - COALESCE ((SELECT minimum FROM rewards WHERE id = ?3), 0)),"
    " ?5, ?6, ?7, ?8, (SELECT COALESCE (MAX (sequence), 0) + 1 FROM pledges WHERE campaign_id = ?1)"
    "  + (SELECT backers_count FROM campaigns WHERE id = ?1), ?9, ?10, ?11, ?12, ?13,"
    " CASE WHEN ?11 IN ('shipped', 'delivered') THEN ?9 + 86400 * 120 END, ?14, ?15)");
  sqlite3_bind_int64 (statement, 1, record.campaign_id);
  sqlite3_bind_int64 (statement, 2, record.backer_id);
  sqlite3_bind_int64 (statement, 3, record.reward_id);
  sqlite3_bind_int64 (statement, 4, record.amount);
  sqlite3_bind_int64 (statement, 5, record.shipping);
  sqlite3_bind_text (statement, 6, record.country, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 7, record.address, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 8, record.status ? record.status : "pledged", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 9, record.pledged_at ? record.pledged_at : g_get_real_time () / G_USEC_PER_SEC);
  if (record.reward_id != 0 && record.country != NULL)
    sqlite3_bind_int64 (statement, 10, record.address_lock_at);
  sqlite3_bind_text (statement, 11, record.fulfillment ? record.fulfillment : "not_started", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 12, record.tracking, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 13, record.carrier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 14, record.received);
  sqlite3_bind_text (statement, 15, record.actions ? record.actions : "", -1, SQLITE_TRANSIENT);
  if (!run (reader, statement, NULL))
    return FALSE;
  if (!live)
    return TRUE;

  statement = prepare (reader, "UPDATE rewards SET backers_count = backers_count + 1 WHERE id = ?");
  sqlite3_bind_int64 (statement, 1, record.reward_id);
  if (!run (reader, statement, NULL))
    return FALSE;

  statement = prepare (reader,
    "UPDATE campaigns SET pledged = pledged + ?, backers_count = backers_count + 1 WHERE id = ?");
  sqlite3_bind_int64 (statement, 1, record.amount);
  sqlite3_bind_int64 (statement, 2, record.campaign_id);
  return run (reader, statement, NULL);
}

/* A funding curve for a campaign seeded with totals only: hourly points
 * (fewer, further apart, for a campaign that ran for years), quick at launch,
 * slower after, reaching today's totals now (or at the deadline). */
#define MAX_FUNDING_POINTS 2000

static gboolean
generate_funding (CfDatabase *database,
                  gint64      campaign_id)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT launched_at, MIN (deadline, ?), pledged, backers_count FROM campaigns WHERE id = ?"
    " AND state != 'upcoming'");
  gint64 start, end, pledged, backers;

  gint64 step;

  sqlite3_bind_int64 (statement, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int64 (statement, 2, campaign_id);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return TRUE;

  start = sqlite3_column_int64 (statement, 0) / 3600 * 3600;
  end = sqlite3_column_int64 (statement, 1);
  pledged = sqlite3_column_int64 (statement, 2);
  backers = sqlite3_column_int64 (statement, 3);
  step = MAX (3600, (end - start) / MAX_FUNDING_POINTS / 3600 * 3600 + 3600);

  for (gint64 at = start; at <= end; at += step)
    {
      double x = end > start ? (double) (at - start) / (end - start) : 1.0;
      double share = 0.6 * (1.0 - (1.0 - x) * (1.0 - x) * (1.0 - x)) + 0.4 * x;
      sqlite3_stmt *point = cf_database_prepare (database,
        "INSERT OR REPLACE INTO funding (campaign_id, at, pledged, backers_count) VALUES (?, ?, ?, ?)");

      sqlite3_bind_int64 (point, 1, campaign_id);
      sqlite3_bind_int64 (point, 2, at);
      sqlite3_bind_int64 (point, 3, (gint64) (pledged * share));
      sqlite3_bind_int64 (point, 4, (gint64) (backers * share));
      if (!cf_database_write (database, point, NULL))
        return FALSE;
    }
  return cf_pledges_record_funding (database, campaign_id, end);
}

static gboolean
import_all (Reader     *reader,
            JsonObject *root,
            const char *section,
            gboolean  (*import) (Reader *reader))
{
  JsonNode *node = json_object_get_member (root, section);
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (node != NULL && array == NULL)
    return fail (reader, section, "must be a list");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s[%u]", section, i);

      reader->what = what;
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
        return fail (reader, section, "must hold objects");
      reader->object = json_array_get_object_element (array, i);
      if (!import (reader))
        return FALSE;
    }

  return TRUE;
}

static gboolean
import_root (Reader     *reader,
             JsonObject *root)
{
  JsonNode *rates = json_object_get_member (root, "exchange_rates");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean funding, pledges;
  sqlite3_stmt *campaigns;

  reader->object = root;
  if (rates != NULL && !JSON_NODE_HOLDS_OBJECT (rates))
    return fail (reader, "exchange_rates", "must be an object");
  if (!read_boolean (reader, "generate_funding", &funding) || !read_boolean (reader, "generate_pledges", &pledges))
    return FALSE;

  if (!import_all (reader, root, "users", import_user) ||
      !import_all (reader, root, "categories", import_category) ||
      (rates != NULL && JSON_NODE_HOLDS_OBJECT (rates) &&
       !import_rates (reader, json_node_get_object (rates))) ||
      !import_all (reader, root, "campaigns", import_campaign) ||
      !import_all (reader, root, "pledges", import_pledge))
    return FALSE;

  campaigns = cf_database_prepare (reader->database, "SELECT id FROM campaigns");
  while (sqlite3_step (campaigns) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (campaigns, 0);

      g_array_append_val (ids, id);
    }
  /* Pledges first: the funding curve ends at the totals they add up to. */
  reader->what = "the seed";
  for (guint i = 0; pledges && i < ids->len; i++)
    {
      const char *problem = "could not be written";

      if (!cf_seed_backers_generate (reader->database, g_array_index (ids, gint64, i), &problem))
        return fail (reader, "generate_pledges", problem);
    }
  for (guint i = 0; funding && i < ids->len; i++)
    if (!generate_funding (reader->database, g_array_index (ids, gint64, i)))
      return fail (reader, "generate_funding", "could not be written");

  return TRUE;
}

gboolean
cf_seed_import (CfDatabase  *database,
                GBytes      *json,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  Reader reader = { database, NULL, "the seed", error };
  gsize length;
  const char *data = g_bytes_get_data (json, &length);
  JsonNode *root = NULL;
  g_autoptr(GError) parse_error = NULL;

  if (length > 0 && (!cf_json_check_limits (data, length, G_MAXSIZE, &parse_error) ||
                     !json_parser_load_from_data (parser, data, length, &parse_error)))
    {
      g_set_error (error, CF_DATABASE_ERROR, 0, "seed: not JSON: %s", parse_error->message);
      return FALSE;
    }

  root = length > 0 ? json_parser_get_root (parser) : NULL;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, CF_DATABASE_ERROR, 0, "seed: the file must hold a JSON object");
      return FALSE;
    }

  if (!cf_database_begin (database, error))
    return FALSE;
  if (!import_root (&reader, json_node_get_object (root)))
    {
      cf_database_rollback (database);
      return FALSE;
    }

  return cf_database_commit (database, error) && cf_database_checkpoint (database, error);
}
