/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-kickstarter-watch"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cf-bounded-read.h"
#include "cf-foreign-json.h"
#include "cf-kickstarter-watch.h"
#include "cf-model.h"
#include "cf-money.h"

/* Kickstarter's public figures of the campaigns a person follows with
 * live figures: each project page has beside it a stats.json,
 *   {"project": {"id", "state", "state_changed_at", "backers_count",
 *                "pledged" (a decimal text in the project's currency),
 *                "comments_count"}},
 * which Kickstarter's own page reads as it stays open. It has no goal,
 * currency or deadline: those are the person's, kept with the campaign.
 * It is read no faster than every few minutes, a little apart for each
 * campaign; after a failure, twice as late each time, up to an hour.
 * When Kickstarter answers with a refusal (403, 429, 503) or a page for
 * browsers, it is not asked again in this run: the app says so and never
 * pretends to be a browser. Figures are kept in the book only when they
 * changed, or an hour after the last kept, so a campaign's curve is drawn
 * across restarts. */

#define MAX_BYTES (64 * 1024)
#define MAX_BACKOFF_SECONDS 3600
#define KEEP_SAME_SECONDS 3600

typedef struct
{
  CfKickstarterWatch *self;
  char *id;
  char *stats_path;     /* "projects/CREATOR/SLUG/stats.json?v=1" */
  guint timeout_id;
  guint failures;
  char *problem;        /* why it is no longer read, or NULL */
  GCancellable *cancellable;
} Watched;

struct _CfKickstarterWatch
{
  GObject parent_instance;

  SoupSession *session;
  CfKeptBook *book;
  GUri *base;            /* https://www.kickstarter.com/ */
  guint interval;        /* seconds between two reads of one campaign */
  GHashTable *watched;   /* campaign id → Watched */
};

G_DEFINE_FINAL_TYPE (CfKickstarterWatch, cf_kickstarter_watch, G_TYPE_OBJECT)

enum
{
  READ,
  GOAL_PASSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
watched_free (Watched *watched)
{
  g_clear_handle_id (&watched->timeout_id, g_source_remove);
  g_cancellable_cancel (watched->cancellable);
  g_clear_object (&watched->cancellable);
  g_free (watched->id);
  g_free (watched->stats_path);
  g_free (watched->problem);
  g_free (watched);
}

/* "projects/CREATOR/SLUG" of a project page's address, on Kickstarter or
 * where its address was pointed; NULL for any other address. */
static char *
dup_project_path (CfKickstarterWatch *self,
                  const char         *address)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) parts = NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return NULL;
  if (g_ascii_strcasecmp (host, "www.kickstarter.com") != 0 && g_ascii_strcasecmp (host, "kickstarter.com") != 0 &&
      (g_ascii_strcasecmp (host, g_uri_get_host (self->base)) != 0 || g_uri_get_port (uri) != g_uri_get_port (self->base)))
    return NULL;
  parts = g_strsplit (g_uri_get_path (uri), "/", -1);
  /* "", "projects", creator, slug, … */
  if (g_strv_length (parts) < 4 || !g_str_equal (parts[1], "projects") || *parts[2] == '\0' || *parts[3] == '\0')
    return NULL;
  return g_strdup_printf ("projects/%s/%s", parts[2], parts[3]);
}

/* Whether @address is a Kickstarter project's page. */
gboolean
cf_kickstarter_watch_claims (CfKickstarterWatch *self,
                             const char         *address)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CF_IS_KICKSTARTER_WATCH (self), FALSE);

  path = dup_project_path (self, address);
  return path != NULL;
}

/* The page @page (“posts”, “backing/survey_responses”) of the Kickstarter
 * project at @address, or NULL when @address is not one. */
char *
cf_kickstarter_watch_dup_project_page (CfKickstarterWatch *self,
                                       const char         *address,
                                       const char         *page)
{
  g_autofree char *path = NULL;
  g_autofree char *relative = NULL;
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (CF_IS_KICKSTARTER_WATCH (self), NULL);

  path = dup_project_path (self, address);
  if (path == NULL)
    return NULL;
  base = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  relative = g_strdup_printf ("/%s/%s", path, page);
  uri = g_uri_parse_relative (base, relative, G_URI_FLAGS_NONE, NULL);
  return uri ? g_uri_to_string (uri) : NULL;
}

static void schedule (Watched *watched,
                      guint    seconds);

static const char *
state_of (const char *kickstarter_state)
{
  static const char * const states[][2] = {
    { "live", "live" }, { "successful", "successful" }, { "failed", "failed" },
    { "canceled", "canceled" }, { "suspended", "canceled" }, { "submitted", "upcoming" },
    { "started", "upcoming" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i][0], kickstarter_state) == 0)
      return states[i][1];
  return NULL;
}

/* Whether @figures are worth keeping after @last. */
static gboolean
worth_keeping (JsonObject *last,
               JsonObject *figures,
               GDateTime  *now)
{
  g_autoptr(GDateTime) last_at = NULL;
  JsonNode *last_pledged;
  JsonNode *pledged;

  if (last == NULL)
    return TRUE;
  last_pledged = json_object_get_member (last, "pledged");
  pledged = json_object_get_member (figures, "pledged");
  /* Without a currency, figures have backers but no pledged total. */
  if ((last_pledged == NULL) != (pledged == NULL) ||
      (pledged != NULL && !json_node_equal (last_pledged, pledged)) ||
      json_object_get_int_member_with_default (last, "backers_count", -1) !=
        json_object_get_int_member (figures, "backers_count") ||
      g_strcmp0 (json_object_get_string_member_with_default (last, "state", NULL),
                 json_object_get_string_member (figures, "state")) != 0)
    return TRUE;
  last_at = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (last, "at", ""), NULL);
  return last_at == NULL || g_date_time_difference (now, last_at) >= KEEP_SAME_SECONDS * G_TIME_SPAN_SECOND;
}

static void
tell_if_passed (Watched       *watched,
                JsonNode      *goal_node,
                const CfMoney *before,
                const CfMoney *now,
                gboolean       stretch)
{
  CfMoney goal;

  if (goal_node != NULL && cf_money_from_json (goal_node, &goal, NULL) &&
      g_str_equal (goal.currency, now->currency) && before->amount < goal.amount && goal.amount <= now->amount)
    g_signal_emit (watched->self, signals[GOAL_PASSED], 0, watched->id, &goal, stretch);
}

/* Tells each goal and stretch goal of @campaign that the pledged total
 * went past between @last and @figures. */
static void
tell_goals_passed (Watched    *watched,
                   JsonObject *campaign,
                   JsonObject *last,
                   JsonObject *figures)
{
  JsonArray *stretch_goals = cf_foreign_json_array (campaign, "stretch_goals");
  CfMoney before;
  CfMoney now;

  if (!cf_money_from_json (json_object_get_member (last, "pledged"), &before, NULL) ||
      !cf_money_from_json (json_object_get_member (figures, "pledged"), &now, NULL))
    return;
  tell_if_passed (watched, json_object_get_member (campaign, "goal"), &before, &now, FALSE);
  for (guint i = 0; stretch_goals != NULL && i < json_array_get_length (stretch_goals); i++)
    tell_if_passed (watched, json_array_get_element (stretch_goals, i), &before, &now, TRUE);
}

/* Keeps what one stats.json said; FALSE when it is not in its shape. */
static gboolean
keep_figures (Watched *watched,
              GBytes  *body)
{
  CfKickstarterWatch *self = watched->self;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) built = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *at = g_date_time_format_iso8601 (now);
  JsonObject *campaign = cf_kept_book_find (self->book, CF_KEPT_CAMPAIGNS, watched->id);
  const char *currency = campaign ? json_object_get_string_member_with_default (campaign, "currency", NULL) : NULL;
  JsonObject *project;
  JsonObject *last;
  JsonArray *figures;
  const char *pledged_text;
  const char *state;
  char *end = NULL;
  double pledged;
  gint64 backers;

  if (campaign == NULL || !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  project = cf_foreign_json_object (json_node_get_object (json_parser_get_root (parser)), "project");
  pledged_text = project ? json_object_get_string_member_with_default (project, "pledged", NULL) : NULL;
  state = project ? state_of (json_object_get_string_member_with_default (project, "state", NULL)) : NULL;
  if (pledged_text == NULL || state == NULL || !cf_model_json_int (project, "backers_count", &backers))
    return FALSE;
  pledged = g_ascii_strtod (pledged_text, &end);
  if (end == pledged_text || *end != '\0' || !isfinite (pledged) || pledged < 0 || backers < 0)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, at);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, state);
  if (currency != NULL && !cf_foreign_json_build_money (builder, "pledged", pledged, currency))
    return FALSE;
  json_builder_set_member_name (builder, "backers_count");
  json_builder_add_int_value (builder, backers);
  json_builder_end_object (builder);
  built = json_builder_get_root (builder);

  figures = cf_foreign_json_array (campaign, "figures");
  if (figures == NULL)
    {
      figures = json_array_new ();
      json_object_set_array_member (campaign, "figures", figures);
    }
  last = json_array_get_length (figures) > 0
           ? json_array_get_object_element (figures, json_array_get_length (figures) - 1) : NULL;
  if (last != NULL)
    tell_goals_passed (watched, campaign, last, json_node_get_object (built));
  if (worth_keeping (last, json_node_get_object (built), now))
    {
      json_array_add_object_element (figures, json_object_ref (json_node_get_object (built)));
      if (!cf_kept_book_save (self->book, &error))
        g_warning ("Could not keep Kickstarter's figures: %s", error->message);
    }
  return TRUE;
}

static gboolean
is_refusal (SoupMessage *message,
            GBytes      *body)
{
  guint status = soup_message_get_status (message);
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);
  const char *data = body ? g_bytes_get_data (body, NULL) : NULL;
  gsize size = body ? g_bytes_get_size (body) : 0;

  while (size > 0 && g_ascii_isspace (*data))
    data++, size--;
  return status == SOUP_STATUS_FORBIDDEN || status == 429 ||
         status == SOUP_STATUS_SERVICE_UNAVAILABLE || g_strcmp0 (type, "text/html") == 0 ||
         (size > 0 && *data == '<');
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SoupMessage) message = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = cf_bounded_read_finish (result, &error);
  Watched *watched;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  watched = g_object_get_data (G_OBJECT (message), "watched");
  if (error == NULL && is_refusal (message, body))
    {
      g_debug ("Kickstarter refused %s (%u)", watched->stats_path, soup_message_get_status (message));
      watched->problem = g_strdup (_("Kickstarter did not answer this app, so these figures are as last read. "
                                     "Open the campaign in your browser to see them."));
      g_signal_emit (watched->self, signals[READ], 0, watched->id);
      return;
    }
  if (error == NULL && SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)) && keep_figures (watched, body))
    {
      watched->failures = 0;
      g_signal_emit (watched->self, signals[READ], 0, watched->id);
      schedule (watched, watched->self->interval);
      return;
    }
  g_debug ("reading %s: %s", watched->stats_path, error ? error->message : soup_message_get_reason_phrase (message));
  watched->failures = MIN (watched->failures + 1, 16);
  schedule (watched, MIN ((guint64) watched->self->interval << watched->failures, MAX_BACKOFF_SECONDS));
}

static gboolean
read_figures (gpointer user_data)
{
  Watched *watched = user_data;
  CfKickstarterWatch *self = watched->self;
  g_autoptr(GUri) uri = g_uri_parse_relative (self->base, watched->stats_path, G_URI_FLAGS_NONE, NULL);
  SoupMessage *message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);

  watched->timeout_id = 0;
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept", "application/json");
  g_object_set_data (G_OBJECT (message), "watched", watched);
  cf_bounded_read_async (self->session, message, MAX_BYTES, 60, G_PRIORITY_LOW, watched->cancellable,
                         read_cb, message);
  return G_SOURCE_REMOVE;
}

/* The next read, @seconds from now and up to a tenth later. */
static void
schedule (Watched *watched,
          guint    seconds)
{
  guint jitter_ms = g_random_int_range (0, MAX (seconds * 100, 1));

  g_clear_handle_id (&watched->timeout_id, g_source_remove);
  watched->timeout_id = g_timeout_add (seconds * 1000 + jitter_ms, read_figures, watched);
}

/* Reads the figures of the campaigns followed with live figures, and
 * stops reading those no longer followed so. */
void
cf_kickstarter_watch_update (CfKickstarterWatch *self)
{
  JsonArray *campaigns;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  Watched *watched;

  g_return_if_fail (CF_IS_KICKSTARTER_WATCH (self));

  campaigns = cf_kept_book_get_list (self->book, CF_KEPT_CAMPAIGNS);
  for (guint i = 0; i < json_array_get_length (campaigns); i++)
    {
      JsonObject *campaign = json_array_get_object_element (campaigns, i);
      const char *id = json_object_get_string_member (campaign, "id");
      g_autofree char *path = dup_project_path (self, json_object_get_string_member_with_default (campaign, "address", ""));

      if (path == NULL || !json_object_get_boolean_member_with_default (campaign, "live_figures", FALSE))
        continue;
      g_hash_table_add (wanted, (gpointer) id);
      if (g_hash_table_contains (self->watched, id))
        continue;
      watched = g_new0 (Watched, 1);
      watched->self = self;
      watched->id = g_strdup (id);
      watched->stats_path = g_strconcat (path, "/stats.json?v=1", NULL);
      watched->cancellable = g_cancellable_new ();
      g_hash_table_insert (self->watched, watched->id, watched);
      /* The first read at once, the next ones at the pace. */
      watched->timeout_id = g_idle_add (read_figures, watched);
    }
  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watched))
    if (!g_hash_table_contains (wanted, watched->id))
      g_hash_table_iter_remove (&iter);
}

/* Why the campaign's figures are no longer read, or NULL. */
const char *
cf_kickstarter_watch_get_problem (CfKickstarterWatch *self,
                                  const char         *campaign_id)
{
  Watched *watched;

  g_return_val_if_fail (CF_IS_KICKSTARTER_WATCH (self), NULL);

  watched = g_hash_table_lookup (self->watched, campaign_id);
  return watched ? watched->problem : NULL;
}

static void
cf_kickstarter_watch_finalize (GObject *object)
{
  CfKickstarterWatch *self = CF_KICKSTARTER_WATCH (object);

  g_hash_table_unref (self->watched);
  g_clear_object (&self->session);
  g_clear_object (&self->book);
  g_clear_pointer (&self->base, g_uri_unref);

  G_OBJECT_CLASS (cf_kickstarter_watch_parent_class)->finalize (object);
}

static void
cf_kickstarter_watch_class_init (CfKickstarterWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_kickstarter_watch_finalize;

  /* New figures of a campaign were read, or its reading stopped; its id. */
  signals[READ] = g_signal_new ("read", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The pledged total went past a goal of a campaign (its id): the goal,
   * and whether it is a stretch goal. */
  signals[GOAL_PASSED] = g_signal_new ("goal-passed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 3, G_TYPE_STRING, CF_TYPE_MONEY, G_TYPE_BOOLEAN);
}

static void
cf_kickstarter_watch_init (CfKickstarterWatch *self)
{
  self->watched = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) watched_free);
}

/* Reads the figures of @book's Kickstarter campaigns from @base_url
 * (“https://www.kickstarter.com/”) every @interval_seconds. */
CfKickstarterWatch *
cf_kickstarter_watch_new (SoupSession *session,
                          CfKeptBook  *book,
                          const char  *base_url,
                          guint        interval_seconds)
{
  CfKickstarterWatch *self = g_object_new (CF_TYPE_KICKSTARTER_WATCH, NULL);

  self->session = g_object_ref (session);
  self->book = g_object_ref (book);
  self->base = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  self->interval = MAX (interval_seconds, 1);
  g_return_val_if_fail (self->base != NULL, self);
  return self;
}
