/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-listing"

#include "config.h"

#include <string.h>

#include "cf-listing.h"

/* The rows a list looks at first, in its order, when it has a cheap way to
 * check them one by one (see #CfListing). */
#define WINDOW_ROWS 2000

void
cf_listing_bind_text (sqlite3_stmt *statement,
                      const char   *name,
                      const char   *value)
{
  int index = sqlite3_bind_parameter_index (statement, name);

  if (index > 0)
    sqlite3_bind_text (statement, index, value, -1, SQLITE_TRANSIENT);
}

void
cf_listing_bind_int (sqlite3_stmt *statement,
                     const char   *name,
                     gint64        value)
{
  int index = sqlite3_bind_parameter_index (statement, name);

  if (index > 0)
    sqlite3_bind_int64 (statement, index, value);
}

static char *
encode_cursor (double key,
               gint64 id)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                           g_ascii_dtostr (number, sizeof number, key), id);
  char *cursor = g_base64_encode ((const guchar *) text, strlen (text));

  g_strdelimit (cursor, "+", '-');
  g_strdelimit (cursor, "/", '_');
  return cursor;
}

static gboolean
decode_cursor (const char *cursor,
               double     *key,
               gint64     *id)
{
  g_autofree char *standard = g_strdup (cursor);
  g_autofree char *text = NULL;
  char *end;
  gsize length;

  g_strdelimit (standard, "-", '+');
  g_strdelimit (standard, "_", '/');
  text = (char *) g_base64_decode (standard, &length);
  text = g_realloc (text, length + 1);
  text[length] = '\0';

  *key = g_ascii_strtod (text, &end);
  if (end == text || *end != ':')
    return FALSE;

  *id = g_ascii_strtoll (end + 1, &end, 10);
  return *end == '\0' && *id > 0;
}

/* The rows of a page, in order, after the cursor when there is one. In a
 * window, only the first :window rows of the table in that order are
 * looked at, through the window's own conditions: cheap when matches are
 * many, and exactly right whenever the window yields a full page. */
static char *
build_sql (const CfListing *listing,
           gboolean         after_cursor,
           gboolean         windowed)
{
  const char *order = listing->descending ? "DESC" : "ASC";
  const char *beyond = listing->descending ? "<" : ">";
  g_autofree char *cursor = g_strdup_printf (" AND (%1$s %2$s :after_key OR (%1$s = :after_key AND %3$s %2$s :after_id))",
                                             listing->key, beyond, listing->id);
  g_autofree char *from = NULL;
  GString *sql = g_string_new (NULL);

  if (windowed)
    from = g_strdup_printf (" FROM (SELECT %1$s AS id FROM %2$s WHERE 1%3$s ORDER BY %4$s %5$s, %1$s %5$s"
                            " LIMIT :window) nearest JOIN %2$s ON %1$s = nearest.id%6$s",
                            listing->id, listing->window_table, after_cursor ? cursor : "", listing->key, order,
                            listing->from + strlen (" FROM ") + strlen (listing->window_table));
  g_string_printf (sql, "SELECT %s, %s, %s %s", listing->columns, listing->key, listing->id,
                   windowed ? from : listing->from);
  g_string_append_printf (sql, " WHERE (%s)", (windowed ? listing->window_where : listing->where) ?: "1");
  if (after_cursor)
    g_string_append (sql, cursor);
  g_string_append_printf (sql, " ORDER BY %s %s, %s %s LIMIT :limit",
                          listing->key, order, listing->id, order);
  return g_string_free (sql, FALSE);
}

static gint64
count_total (CfRequest       *request,
             const CfListing *listing)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) %s WHERE (%s)",
                                          listing->from, listing->where ? listing->where : "1");
  sqlite3_stmt *statement = cf_database_prepare (request->database, sql);

  listing->bind (statement, listing->data);
  sqlite3_step (statement);
  return sqlite3_column_int64 (statement, 0);
}

static void
add_cursor_and_total (JsonBuilder     *builder,
                      CfRequest       *request,
                      const CfListing *listing,
                      const char      *next_cursor,
                      gboolean         first_page)
{
  json_builder_set_member_name (builder, "next_cursor");
  if (next_cursor != NULL)
    json_builder_add_string_value (builder, next_cursor);
  else
    json_builder_add_null_value (builder);

  /* Counting is a scan: done for the first page only, where a client shows it. */
  json_builder_set_member_name (builder, "total");
  if (first_page && listing->count_total)
    json_builder_add_int_value (builder, count_total (request, listing));
  else
    json_builder_add_null_value (builder);
}

/* Writes the page of @sql into @builder's "items"; how many rows came, up
 * to @limit + 1, and the cursor after the last one written. */
static int
write_page (CfRequest       *request,
            const CfListing *listing,
            const char      *sql,
            double           after_key,
            gint64           after_id,
            int              limit,
            JsonBuilder     *builder,
            char           **next_cursor)
{
  sqlite3_stmt *statement = cf_database_prepare (request->database, sql);
  int count = 0;

  listing->bind (statement, listing->data);
  sqlite3_bind_double (statement, sqlite3_bind_parameter_index (statement, ":after_key"), after_key);
  cf_listing_bind_int (statement, ":after_id", after_id);
  cf_listing_bind_int (statement, ":limit", limit + 1);
  cf_listing_bind_int (statement, ":window", WINDOW_ROWS);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      int columns = sqlite3_column_count (statement);

      if (++count > limit)
        break;
      listing->write (builder, statement, listing->data);
      g_free (*next_cursor);
      *next_cursor = encode_cursor (sqlite3_column_double (statement, columns - 2),
                                    sqlite3_column_int64 (statement, columns - 1));
    }
  json_builder_end_array (builder);
  return count;
}

void
cf_listing_reply (CfRequest       *request,
                  const CfListing *listing)
{
  const char *cursor = cf_request_get_query (request, "cursor");
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *next_cursor = NULL;
  double after_key = 0;
  gint64 after_id = 0;
  int limit, count = 0;

  if (!cf_request_get_limit (request, &limit))
    return;
  if (cursor != NULL && !decode_cursor (cursor, &after_key, &after_id))
    {
      cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                    "cursor", "not_a_cursor_of_this_list");
      return;
    }

  /* First the nearest rows in order: when they hold a full page, so does
   * the whole list, and no other row need be looked at. */
  if (listing->window_where != NULL)
    {
      g_autofree char *sql = build_sql (listing, cursor != NULL, TRUE);

      builder = json_builder_new ();
      json_builder_begin_object (builder);
      count = write_page (request, listing, sql, after_key, after_id, limit, builder, &next_cursor);
      if (count <= limit)
        {
          g_clear_object (&builder);
          g_clear_pointer (&next_cursor, g_free);
        }
    }
  if (builder == NULL)
    {
      g_autofree char *sql = build_sql (listing, cursor != NULL, FALSE);

      builder = json_builder_new ();
      json_builder_begin_object (builder);
      count = write_page (request, listing, sql, after_key, after_id, limit, builder, &next_cursor);
    }

  add_cursor_and_total (builder, request, listing, count > limit ? next_cursor : NULL,
                        cursor == NULL);
  json_builder_end_object (builder);
  cf_request_reply_builder (request, SOUP_STATUS_OK, builder);
}
