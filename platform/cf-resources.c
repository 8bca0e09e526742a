/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-resources"

#include "config.h"

#include "cf-resources.h"

char *
cf_resources_format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* RFC 3339 to seconds since the epoch; -1 when it is not a time. */
gint64
cf_resources_parse_time (const char *text)
{
  g_autoptr(GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return time ? g_date_time_to_unix (time) : -1;
}

static const char *
column_text (sqlite3_stmt *statement,
             int           column)
{
  return (const char *) sqlite3_column_text (statement, column);
}

static void
add_text (JsonBuilder  *builder,
          const char   *name,
          sqlite3_stmt *statement,
          int           column)
{
  const char *text = column_text (statement, column);

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder  *builder,
         const char   *name,
         sqlite3_stmt *statement,
         int           column)
{
  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (statement, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, sqlite3_column_int64 (statement, column));
}

static void
add_bool (JsonBuilder  *builder,
          const char   *name,
          gboolean      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
cf_resources_add_time (JsonBuilder  *builder,
                       const char   *name,
                       sqlite3_stmt *statement,
                       int           column)
{
  g_autofree char *text = NULL;

  json_builder_set_member_name (builder, name);
  if (sqlite3_column_type (statement, column) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  text = cf_resources_format_time (sqlite3_column_int64 (statement, column));
  json_builder_add_string_value (builder, text);
}

void
cf_resources_add_money (JsonBuilder *builder,
                        const char  *name,
                        gint64       amount,
                        const char  *currency)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, amount);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, currency);
  json_builder_end_object (builder);
}

static void
add_column_money (JsonBuilder  *builder,
                  const char   *name,
                  sqlite3_stmt *statement,
                  int           amount_column,
                  int           currency_column)
{
  cf_resources_add_money (builder, name, sqlite3_column_int64 (statement, amount_column),
                          column_text (statement, currency_column));
}

static void
add_absolute_url (JsonBuilder  *builder,
                  const char   *name,
                  const char   *base_url,
                  const char   *path)
{
  g_autofree char *url = NULL;

  json_builder_set_member_name (builder, name);
  if (path == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  url = g_str_has_prefix (path, "/") ? g_strconcat (base_url, path, NULL) : g_strdup (path);
  json_builder_add_string_value (builder, url);
}

/* A campaign from CF_CAMPAIGN_COLUMNS. */
void
cf_resources_add_campaign (JsonBuilder  *builder,
                           sqlite3_stmt *statement,
                           const char   *base_url,
                           gboolean      with_description,
                           gboolean      with_following)
{
  g_autofree char *page = g_strconcat ("/campaigns/", column_text (statement, 1), NULL);

  json_builder_begin_object (builder);
  add_int (builder, "id", statement, 0);
  add_text (builder, "slug", statement, 1);
  add_text (builder, "title", statement, 2);
  add_text (builder, "blurb", statement, 3);
  if (with_description)
    add_text (builder, "description", statement, 4);

  json_builder_set_member_name (builder, "creator");
  json_builder_begin_object (builder);
  add_int (builder, "id", statement, 5);
  add_text (builder, "name", statement, 6);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "category");
  json_builder_begin_object (builder);
  add_int (builder, "id", statement, 7);
  add_text (builder, "slug", statement, 8);
  add_text (builder, "name", statement, 9);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  add_text (builder, "country", statement, 10);
  add_text (builder, "city", statement, 11);
  json_builder_end_object (builder);

  add_absolute_url (builder, "image_url", base_url, column_text (statement, 12));
  add_absolute_url (builder, "url", base_url, page);
  add_text (builder, "state", statement, 13);
  add_column_money (builder, "goal", statement, 15, 14);
  add_column_money (builder, "pledged", statement, 16, 14);
  add_int (builder, "backers_count", statement, 17);
  cf_resources_add_time (builder, "launched_at", statement, 18);
  cf_resources_add_time (builder, "deadline", statement, 19);
  add_int (builder, "rewards_count", statement, 20);
  add_int (builder, "updates_count", statement, 21);
  if (with_following)
    add_bool (builder, "following", sqlite3_column_int (statement, 22));
  json_builder_end_object (builder);
}

static void
add_shipping (JsonBuilder  *builder,
              CfDatabase   *database,
              gint64        reward_id,
              const char   *type,
              const char   *currency)
{
  sqlite3_stmt *rates = cf_database_prepare (database,
    "SELECT countries, cost FROM shipping_rates WHERE reward_id = ? ORDER BY id");

  json_builder_set_member_name (builder, "shipping");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "rates");
  json_builder_begin_array (builder);

  sqlite3_bind_int64 (rates, 1, reward_id);
  while (sqlite3_step (rates) == SQLITE_ROW)
    {
      g_auto(GStrv) countries = g_strsplit (column_text (rates, 0), ",", -1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "countries");
      json_builder_begin_array (builder);
      for (guint i = 0; countries[i] != NULL; i++)
        json_builder_add_string_value (builder, countries[i]);
      json_builder_end_array (builder);
      cf_resources_add_money (builder, "cost", sqlite3_column_int64 (rates, 1), currency);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* A reward from CF_REWARD_COLUMNS. */
void
cf_resources_add_reward (JsonBuilder  *builder,
                         CfDatabase   *database,
                         sqlite3_stmt *statement)
{
  gboolean limited = sqlite3_column_type (statement, 5) != SQLITE_NULL;
  gint64 remaining = sqlite3_column_int64 (statement, 5) - sqlite3_column_int64 (statement, 6);
  g_autofree char *currency = g_strdup (column_text (statement, 4));
  g_autofree char *type = g_strdup (column_text (statement, 8));
  gboolean live = g_strcmp0 (column_text (statement, 9), "live") == 0;

  json_builder_begin_object (builder);
  add_int (builder, "id", statement, 0);
  add_text (builder, "title", statement, 1);
  add_text (builder, "description", statement, 2);
  add_column_money (builder, "minimum", statement, 3, 4);
  add_int (builder, "limit", statement, 5);
  json_builder_set_member_name (builder, "remaining");
  if (limited)
    json_builder_add_int_value (builder, MAX (remaining, 0));
  else
    json_builder_add_null_value (builder);
  add_int (builder, "backers_count", statement, 6);
  add_text (builder, "estimated_delivery", statement, 7);
  add_bool (builder, "available", live && (!limited || remaining > 0));
  add_shipping (builder, database, sqlite3_column_int64 (statement, 0), type, currency);
  json_builder_end_object (builder);
}

static void
add_actions (JsonBuilder *builder,
             const char  *actions)
{
  g_auto(GStrv) names = g_strsplit (actions ? actions : "", ",", -1);

  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      json_builder_add_string_value (builder, names[i]);
  json_builder_end_array (builder);
}

/* A pledge from CF_PLEDGE_COLUMNS; creators listing backers also see who. */
void
cf_resources_add_pledge (JsonBuilder  *builder,
                         sqlite3_stmt *statement,
                         const char   *base_url,
                         gboolean      with_backer)
{
  json_builder_begin_object (builder);
  add_int (builder, "id", statement, 0);

  json_builder_set_member_name (builder, "campaign");
  json_builder_begin_object (builder);
  add_int (builder, "id", statement, 1);
  add_text (builder, "slug", statement, 2);
  add_text (builder, "title", statement, 3);
  add_text (builder, "state", statement, 4);
  add_absolute_url (builder, "image_url", base_url, column_text (statement, 5));
  cf_resources_add_time (builder, "deadline", statement, 6);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reward");
  if (sqlite3_column_type (statement, 8) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      add_int (builder, "id", statement, 8);
      add_text (builder, "title", statement, 9);
      json_builder_end_object (builder);
    }

  if (with_backer)
    {
      json_builder_set_member_name (builder, "backer");
      json_builder_begin_object (builder);
      add_int (builder, "id", statement, 10);
      add_text (builder, "name", statement, 11);
      json_builder_end_object (builder);
      add_text (builder, "address", statement, 16);
    }

  add_column_money (builder, "amount", statement, 12, 7);
  add_column_money (builder, "bonus", statement, 13, 7);
  add_column_money (builder, "shipping", statement, 14, 7);
  add_text (builder, "shipping_country", statement, 15);
  if (!with_backer)
    add_text (builder, "address", statement, 16);
  add_text (builder, "status", statement, 17);
  add_int (builder, "sequence", statement, 18);
  cf_resources_add_time (builder, "pledged_at", statement, 19);
  cf_resources_add_time (builder, "address_lock_at", statement, 20);

  json_builder_set_member_name (builder, "fulfillment");
  json_builder_begin_object (builder);
  add_text (builder, "status", statement, 21);
  add_text (builder, "tracking_number", statement, 22);
  add_text (builder, "carrier", statement, 23);
  add_text (builder, "tracking_url", statement, 24);
  cf_resources_add_time (builder, "shipped_at", statement, 25);
  add_text (builder, "estimated_delivery", statement, 26);
  json_builder_end_object (builder);

  add_bool (builder, "received", sqlite3_column_int (statement, 27));
  add_actions (builder, column_text (statement, 28));
  json_builder_end_object (builder);
}
