/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-catalogue-routes"

#include "config.h"

#include <string.h>

#include "cf-listing.h"
#include "cf-resources.h"
#include "cf-server.h"

/* What anyone may read: categories, campaigns, rewards, updates, stats and
 * exchange rates. */

#define MAX_SEARCH_LENGTH 200

typedef struct
{
  const char *name;
  const char *key;
  gboolean descending;
} SortOrder;

static const SortOrder sort_orders[] = {
  { "popular", "c.backers_count", TRUE },
  { "newest", "c.launched_at", TRUE },
  { "ending_soon", "c.deadline", FALSE },
  { "most_funded", "CAST (c.pledged AS REAL) / c.goal", TRUE },
  { "most_backed", "c.backers_count", TRUE },
};

static const struct
{
  const char *name;
  const char *condition;
} state_filters[] = {
  { "all", NULL },
  { "live", "c.state = 'live'" },
  { "upcoming", "c.state = 'upcoming'" },
  { "ended", "c.state IN ('successful', 'failed', 'canceled')" },
  { "successful", "c.state = 'successful'" },
};

typedef struct
{
  CfRequest *request;
  char *pattern;          /* LIKE pattern of a short search, or NULL */
  char *match;            /* FTS5 phrase of a longer one, or NULL */
  char *gram;             /* a short ASCII search in lower case, or NULL */
  char *gram_end;         /* the first text after every one starting with it */
  const char *category;
  gint64 campaign_id;
} ListContext;

static void
list_context_clear (ListContext *context)
{
  g_clear_pointer (&context->pattern, g_free);
  g_clear_pointer (&context->match, g_free);
  g_clear_pointer (&context->gram, g_free);
  g_clear_pointer (&context->gram_end, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListContext, list_context_clear)

static void
bind_context (sqlite3_stmt *statement,
              gpointer      data)
{
  ListContext *context = data;

  cf_listing_bind_int (statement, ":user", context->request->user_id);
  cf_listing_bind_int (statement, ":campaign", context->campaign_id);
  cf_listing_bind_text (statement, ":pattern", context->pattern);
  cf_listing_bind_text (statement, ":match", context->match);
  cf_listing_bind_text (statement, ":gram", context->gram);
  cf_listing_bind_text (statement, ":gram_end", context->gram_end);
  cf_listing_bind_text (statement, ":category", context->category);
}

static void
write_campaign (JsonBuilder  *builder,
                sqlite3_stmt *statement,
                gpointer      data)
{
  ListContext *context = data;

  cf_resources_add_campaign (builder, statement, cf_server_get_base_url (context->request->server),
                             FALSE, context->request->user_id > 0);
}

/* The search as one FTS5 phrase, its quotes doubled: the words as typed,
 * in that order, anywhere in a title, blurb or creator's name. */
static char *
match_phrase (const char *search)
{
  g_auto(GStrv) parts = g_strsplit (search, "\"", -1);
  g_autofree char *quoted = g_strjoinv ("\"\"", parts);

  return g_strdup_printf ("\"%s\"", quoted);
}

/* A campaign whose title, blurb or creator holds :pattern. */
#define SEARCH_BY_ROW \
  "(c.title LIKE :pattern ESCAPE '\\' OR c.blurb LIKE :pattern ESCAPE '\\' OR u.name LIKE :pattern ESCAPE '\\')"

/* Where one or two characters (:gram, lower case) may stand, a superset of
 * what LIKE finds, read from indexes: at a position with at least three
 * characters from it to the end of its text, a trigram of the text starts
 * with them (a term of the index between :gram and :gram_end); further on,
 * they are among the text's last two characters. Texts are titles, blurbs
 * and creators' names, folded for ASCII as LIKE folds them. */
#define ENDS_WITH_GRAM(text) \
  "lower (substr (" text ", -2)) >= :gram AND lower (substr (" text ", -2)) < :gram_end" \
  " OR lower (substr (" text ", -1)) = :gram"
#define SHORT_SEARCH_CANDIDATES \
  "SELECT doc FROM campaigns_search_terms WHERE term >= :gram AND term < :gram_end" \
  " UNION SELECT id FROM campaigns WHERE " ENDS_WITH_GRAM ("title") " OR " ENDS_WITH_GRAM ("blurb") \
  " UNION SELECT id FROM campaigns WHERE owner_id IN (SELECT id FROM users WHERE " ENDS_WITH_GRAM ("name") ")"

/* "50%_off" searches for itself: LIKE's wildcards are escaped. */
static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }

  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static const SortOrder *
find_sort (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
    if (g_strcmp0 (sort_orders[i].name, name ? name : "popular") == 0)
      return &sort_orders[i];

  return NULL;
}

static gboolean
find_state_condition (const char  *name,
                      const char **condition)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_filters); i++)
    if (g_strcmp0 (state_filters[i].name, name ? name : "all") == 0)
      {
        *condition = state_filters[i].condition;
        return TRUE;
      }

  return FALSE;
}

static void
list_campaigns (CfRequest *request)
{
  const char *search = cf_request_get_query (request, "q");
  const SortOrder *sort = find_sort (cf_request_get_query (request, "sort"));
  g_auto(ListContext) context = { request };
  g_autoptr(GString) where = g_string_new ("1");
  g_autoptr(GString) window_where = g_string_new (NULL);
  const char *state_condition;

  if (sort == NULL || !find_state_condition (cf_request_get_query (request, "state"), &state_condition) ||
      (search != NULL && (strlen (search) > MAX_SEARCH_LENGTH || !g_utf8_validate (search, -1, NULL))))
    {
      const char *field = sort == NULL ? "sort" : search && strlen (search) > MAX_SEARCH_LENGTH ? "q" : "state";

      cf_request_reply_field_error (request, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                                    field, "not_accepted");
      return;
    }

  if (state_condition != NULL)
    g_string_append_printf (where, " AND %s", state_condition);
  if ((context.category = cf_request_get_query (request, "category")) != NULL)
    g_string_append (where, " AND k.slug = :category");
  g_string_assign (window_where, where->str);
  if (search != NULL && *search != '\0')
    context.pattern = like_pattern (search);
  /* Three characters or more, the trigram index finds them wherever they
   * are; one or two are too short for it, and found through its terms and
   * the ends of texts; one or two beyond ASCII, whose case LIKE does not
   * fold as the index does, are searched row by row. */
  if (search != NULL && g_utf8_strlen (search, -1) >= 3)
    {
      context.match = match_phrase (search);
      g_string_append (where, " AND c.id IN (SELECT rowid FROM campaigns_search WHERE campaigns_search MATCH :match)");
    }
  else if (search != NULL && *search != '\0' && g_str_is_ascii (search))
    {
      context.gram = g_ascii_strdown (search, -1);
      context.gram_end = g_strdup (context.gram);
      context.gram_end[strlen (context.gram_end) - 1]++;
      g_string_append (where, " AND c.id IN (" SHORT_SEARCH_CANDIDATES ") AND " SEARCH_BY_ROW);
    }
  else if (search != NULL && *search != '\0')
    g_string_append (where, " AND " SEARCH_BY_ROW);
  /* Row by row is also how the most popular (or newest…) campaigns are
   * checked first: a search matching many fills its page from them. LIKE
   * folds the case of ASCII letters only, as the trigram index does of
   * every letter: only an ASCII search is checked so, to find the same. */
  if (context.pattern != NULL && g_str_is_ascii (search))
    g_string_append (window_where, " AND " SEARCH_BY_ROW);
  else
    g_string_truncate (window_where, 0);

  /* A search's total would cost counting every match, which its first
   * page does not need: it is left unknown, as lists may leave it. */
  cf_listing_reply (request, &(CfListing) {
    CF_CAMPAIGN_COLUMNS, CF_CAMPAIGN_FROM, where->str, sort->key, "c.id", sort->descending,
    context.pattern == NULL, bind_context, write_campaign, &context,
    "campaigns c", window_where->len > 0 ? window_where->str : NULL,
  });
}

static void
get_campaign (CfRequest *request)
{
  sqlite3_stmt *statement = cf_database_prepare (request->database,
    "SELECT " CF_CAMPAIGN_COLUMNS CF_CAMPAIGN_FROM " WHERE c.id = :id OR c.slug = :slug");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *id_or_slug = request->params[0];
  gint64 id = 0;

  cf_request_parse_id (id_or_slug, &id);
  cf_listing_bind_int (statement, ":user", request->user_id);
  cf_listing_bind_int (statement, ":id", id);
  cf_listing_bind_text (statement, ":slug", id_or_slug);
  if (sqlite3_step (statement) != SQLITE_ROW)
    {
      cf_request_reply_error (request, SOUP_STATUS_NOT_FOUND, "not_found", "No such campaign.");
      return;
    }

  cf_resources_add_campaign (builder, statement, cf_server_get_base_url (request->server),
                             TRUE, request->user_id > 0);
  cf_request_reply_builder (request, SOUP_STATUS_OK, builder);
}

/* The campaign id of the path, or 0 after a 404. */
static gint64
campaign_of_path (CfRequest *request)
{
  gint64 id = cf_request_param_id (request, 0);

  if (id < 0)
    return 0;

  if (cf_database_query_int (request->database, "SELECT id FROM campaigns WHERE id = ?", id) < 0)
    {
      cf_request_reply_error (request, SOUP_STATUS_NOT_FOUND, "not_found", "No such campaign.");
      return 0;
    }

  return id;
}

static void
write_reward (JsonBuilder  *builder,
              sqlite3_stmt *statement,
              gpointer      data)
{
  ListContext *context = data;

  cf_resources_add_reward (builder, context->request->database, statement);
}

static void
list_rewards (CfRequest *request)
{
  ListContext context = { request, .campaign_id = campaign_of_path (request) };

  if (context.campaign_id == 0)
    return;

  cf_listing_reply (request, &(CfListing) {
    CF_REWARD_COLUMNS, CF_REWARD_FROM, "r.campaign_id = :campaign", "r.minimum", "r.id", FALSE,
    TRUE, bind_context, write_reward, &context,
  });
}

static void
write_update (JsonBuilder  *builder,
              sqlite3_stmt *statement,
              gpointer      data)
{
  gboolean withheld = sqlite3_column_int (statement, 5) && !sqlite3_column_int (statement, 6);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (statement, 0));
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, sqlite3_column_int64 (statement, 1));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (statement, 2));
  json_builder_set_member_name (builder, "body");
  if (withheld)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, (const char *) sqlite3_column_text (statement, 3));
  cf_resources_add_time (builder, "published_at", statement, 4);
  json_builder_set_member_name (builder, "backers_only");
  json_builder_add_boolean_value (builder, sqlite3_column_int (statement, 5));
  json_builder_end_object (builder);
}

static void
list_updates (CfRequest *request)
{
  ListContext context = { request, .campaign_id = campaign_of_path (request) };

  if (context.campaign_id == 0)
    return;

  /* Backers-only bodies go to the campaign's backers and its creator. */
  cf_listing_reply (request, &(CfListing) {
    "n.id, n.number, n.title, n.body, n.published_at, n.backers_only,"
    " (c.owner_id = :user OR EXISTS (SELECT 1 FROM pledges p WHERE p.campaign_id = c.id"
    "  AND p.backer_id = :user AND p.status IN ('pledged', 'collected', 'errored')))",
    " FROM updates n JOIN campaigns c ON c.id = n.campaign_id",
    "n.campaign_id = :campaign", "n.number", "n.id", TRUE, TRUE,
    bind_context, write_update, &context,
  });
}

static void
add_funding (JsonBuilder *builder,
             CfDatabase  *database,
             gint64       campaign_id,
             const char  *currency)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT at, pledged, backers_count FROM funding WHERE campaign_id = ? ORDER BY at");

  json_builder_set_member_name (builder, "funding");
  json_builder_begin_array (builder);
  sqlite3_bind_int64 (statement, 1, campaign_id);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      cf_resources_add_time (builder, "at", statement, 0);
      cf_resources_add_money (builder, "pledged", sqlite3_column_int64 (statement, 1), currency);
      json_builder_set_member_name (builder, "backers_count");
      json_builder_add_int_value (builder, sqlite3_column_int64 (statement, 2));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Per-reward figures are the creator's business: others get an empty list. */
static void
add_reward_figures (JsonBuilder *builder,
                    CfDatabase  *database,
                    gint64       campaign_id,
                    const char  *currency,
                    gboolean     is_owner)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT r.id, r.backers_count, (SELECT COALESCE (SUM (p.amount), 0) FROM pledges p"
    "  WHERE p.reward_id = r.id AND p.status IN ('pledged', 'collected', 'errored'))"
    " FROM rewards r WHERE r.campaign_id = ? ORDER BY r.minimum, r.id");

  json_builder_set_member_name (builder, "rewards");
  json_builder_begin_array (builder);
  sqlite3_bind_int64 (statement, 1, campaign_id);
  while (is_owner && sqlite3_step (statement) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reward_id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (statement, 0));
      json_builder_set_member_name (builder, "backers_count");
      json_builder_add_int_value (builder, sqlite3_column_int64 (statement, 1));
      cf_resources_add_money (builder, "pledged", sqlite3_column_int64 (statement, 2), currency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
get_stats (CfRequest *request)
{
  gint64 campaign_id = campaign_of_path (request);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *currency = NULL;
  sqlite3_stmt *statement;
  gint64 pledged, backers, owner_id;

  if (campaign_id == 0)
    return;

  statement = cf_database_prepare (request->database,
    "SELECT pledged, currency, backers_count, owner_id FROM campaigns WHERE id = ?");
  sqlite3_bind_int64 (statement, 1, campaign_id);
  sqlite3_step (statement);
  pledged = sqlite3_column_int64 (statement, 0);
  currency = g_strdup ((const char *) sqlite3_column_text (statement, 1));
  backers = sqlite3_column_int64 (statement, 2);
  owner_id = sqlite3_column_int64 (statement, 3);

  json_builder_begin_object (builder);
  cf_resources_add_money (builder, "pledged", pledged, currency);
  json_builder_set_member_name (builder, "backers_count");
  json_builder_add_int_value (builder, backers);
  add_funding (builder, request->database, campaign_id, currency);
  add_reward_figures (builder, request->database, campaign_id, currency,
                      request->user_id == owner_id);
  json_builder_end_object (builder);
  cf_request_reply_builder (request, SOUP_STATUS_OK, builder);
}

static void
write_category (JsonBuilder  *builder,
                sqlite3_stmt *statement,
                gpointer      data)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (statement, 0));
  json_builder_set_member_name (builder, "slug");
  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (statement, 1));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (statement, 2));
  json_builder_end_object (builder);
}

static void
list_categories (CfRequest *request)
{
  ListContext context = { request };

  cf_listing_reply (request, &(CfListing) {
    "k.id, k.slug, k.name", " FROM categories k", NULL, "k.id", "k.id", FALSE, TRUE,
    bind_context, write_category, &context,
  });
}

static void
get_exchange_rates (CfRequest *request)
{
  sqlite3_stmt *statement = cf_database_prepare (request->database,
    "SELECT currency, rate, as_of FROM exchange_rates ORDER BY currency");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 as_of = 0;
  g_autofree char *as_of_text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "base");
  json_builder_add_string_value (builder, "USD");
  json_builder_set_member_name (builder, "rates");
  json_builder_begin_object (builder);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      json_builder_set_member_name (builder, (const char *) sqlite3_column_text (statement, 0));
      json_builder_add_double_value (builder, sqlite3_column_double (statement, 1));
      as_of = MAX (as_of, sqlite3_column_int64 (statement, 2));
    }
  json_builder_end_object (builder);
  as_of_text = cf_resources_format_time (as_of);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, as_of_text);
  json_builder_end_object (builder);
  cf_request_reply_builder (request, SOUP_STATUS_OK, builder);
}

const CfRoute cf_catalogue_routes[] = {
  { "GET", "categories", list_categories },
  { "GET", "campaigns", list_campaigns },
  { "GET", "campaigns/*", get_campaign },
  { "GET", "campaigns/*/rewards", list_rewards },
  { "GET", "campaigns/*/updates", list_updates },
  { "GET", "campaigns/*/stats", get_stats },
  { "GET", "exchange-rates", get_exchange_rates },
  { NULL, NULL, NULL },
};
