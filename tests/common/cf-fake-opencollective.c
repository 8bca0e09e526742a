/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cf-fake-opencollective.h"
#include "cf-test-counts.h"

/* Open Collective's limits (server/routes.ts): 10 requests a minute per
 * address signed out, 100 per personal token. */
#define ANONYMOUS_LIMIT 10
#define TOKEN_LIMIT 100

struct _CfFakeOpenCollective
{
  SoupServer *server;
  char *base_url;
  char *api_url;
  char *website_url;
  GHashTable *counts;      /* operation → requests */
  GHashTable *requests;    /* operation and its variables → requests */
  GHashTable *balances;    /* slug → cents, as a test set them */
  GHashTable *windows;     /* who (“-” or a token) → Window */
  CfFakeOpenCollectiveMood mood;
  guint minute_seconds;
  guint all;
  guint refused;
  guint unknown_queries;
  char *last_search;
};

typedef struct
{
  gint64 reset;  /* µs since the epoch */
  int remaining;
} Window;

/* The operations Open Collective is asked, and the file of each. */
static const struct
{
  const char *operation;
  const char *file;
} operations[] = {
  { "SearchAccounts", "search-accounts" },
  { "Collective", "collective" },
  { "Me", "me" },
  { "MyContributions", "my-contributions" },
  { "Administered", "administered" },
  { "IncomingContributions", "incoming-contributions" },
};

static char *
read_file (const char *first,
           ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  va_list args;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return g_steal_pointer (&contents);
}

static char *
read_query_file (const char *name)
{
  return read_file ("..", "src", "platforms", "opencollective", "queries", name, NULL);
}

/* Whether @query is what the adapter sends for @operation: its file,
 * then fragments of queries/, each whole. */
static gboolean
is_known_query (const char *operation,
                const char *query)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) fragments = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "src", "platforms",
                                              "opencollective", "queries", NULL);
  g_autofree char *text = NULL;
  const char *name;
  const char *rest;

  for (guint i = 0; i < G_N_ELEMENTS (operations) && text == NULL; i++)
    if (g_str_equal (operation, operations[i].operation))
      {
        g_autofree char *file = g_strdup_printf ("%s.graphql", operations[i].file);

        text = read_query_file (file);
      }
  if (text == NULL || !g_str_has_prefix (query, text))
    return FALSE;

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *fragment = read_query_file (name);

      if (fragment != NULL && strstr (fragment, "\nfragment ") != NULL)
        g_ptr_array_add (fragments, g_steal_pointer (&fragment));
    }
  for (rest = query + strlen (text); *rest != '\0';)
    {
      guint i;

      for (i = 0; i < fragments->len && !g_str_has_prefix (rest, fragments->pdata[i]); i++)
        ;
      if (i == fragments->len)
        return FALSE;
      rest += strlen (fragments->pdata[i]);
    }
  return TRUE;
}

static char *
read_fixture (CfFakeOpenCollective *self,
              const char           *name)
{
  g_autofree char *contents = read_file ("fixtures", "opencollective", name, NULL);
  g_autofree char *images = g_strdup_printf ("%s/images/", self->base_url);
  g_auto(GStrv) parts = NULL;

  if (contents == NULL)
    return NULL;
  parts = g_strsplit (contents, "IMAGES/", -1);
  return g_strjoinv (images, parts);
}

static void
answer (SoupServerMessage *message,
        guint              status,
        const char        *type,
        const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
answer_fixture (CfFakeOpenCollective *self,
                SoupServerMessage    *message,
                const char           *name)
{
  g_autofree char *body = read_fixture (self, name);

  if (body == NULL)
    body = read_fixture (self, "not-found.json");
  answer (message, SOUP_STATUS_OK, "application/json", body);
}

/* A collective, with the balance a test set. */
static void
answer_collective (CfFakeOpenCollective *self,
                   SoupServerMessage    *message,
                   const char           *slug)
{
  g_autofree char *name = g_strdup_printf ("collective-%s.json", slug);
  g_autofree char *body = read_fixture (self, name);
  gpointer cents;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *balance;

  if (body == NULL || !g_hash_table_lookup_extended (self->balances, slug, NULL, &cents))
    {
      answer_fixture (self, message, name);
      return;
    }
  root = json_from_string (body, NULL);
  balance = json_object_get_object_member (
      json_object_get_object_member (json_object_get_object_member (
          json_object_get_object_member (json_node_get_object (root), "data"), "account"), "stats"), "balance");
  json_object_set_double_member (balance, "valueInCents", (double) GPOINTER_TO_SIZE (cents));
  g_free (body);
  body = json_to_string (root, FALSE);
  answer (message, SOUP_STATUS_OK, "application/json", body);
}

/* Counts the request against its minute; FALSE when it is one too many,
 * answered as Open Collective's limiter answers. */
static gboolean
within_limit (CfFakeOpenCollective *self,
              SoupServerMessage    *message,
              const char           *token)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  int limit = token ? TOKEN_LIMIT : ANONYMOUS_LIMIT;
  Window *window = g_hash_table_lookup (self->windows, token ? token : "-");
  gint64 now = g_get_real_time ();
  g_autofree char *total = g_strdup_printf ("%d", limit);
  g_autofree char *reset = NULL;
  g_autofree char *remaining = NULL;

  if (window == NULL || now > window->reset)
    {
      window = g_new0 (Window, 1);
      window->reset = now + self->minute_seconds * G_USEC_PER_SEC;
      window->remaining = limit;
      g_hash_table_replace (self->windows, g_strdup (token ? token : "-"), window);
    }
  window->remaining = MAX (window->remaining - 1, -1);
  reset = g_strdup_printf ("%" G_GINT64_FORMAT, (window->reset + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  remaining = g_strdup_printf ("%d", MAX (window->remaining, 0));
  soup_message_headers_replace (headers, "X-RateLimit-Limit", total);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset);
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", remaining);
  if (window->remaining >= 0)
    return TRUE;

  {
    char after[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *body = read_fixture (self, "rate-limited.json");

    g_ascii_dtostr (after, sizeof after, (window->reset - now) / (double) G_USEC_PER_SEC);
    soup_message_headers_replace (headers, "Retry-After", after);
    answer (message, 429, "application/json", body);
  }
  self->refused++;
  return FALSE;
}

/* The mood a test asked for, once. */
static gboolean
answered_in_mood (CfFakeOpenCollective *self,
                  SoupServerMessage    *message)
{
  CfFakeOpenCollectiveMood mood = self->mood;
  g_autofree char *body = NULL;

  self->mood = CF_FAKE_OPENCOLLECTIVE_ANSWER;
  switch (mood)
    {
    case CF_FAKE_OPENCOLLECTIVE_BOT_WALL:
      body = read_fixture (self, "bot-wall.html");
      answer (message, SOUP_STATUS_FORBIDDEN, "text/html; charset=UTF-8", body);
      self->refused++;
      return TRUE;
    case CF_FAKE_OPENCOLLECTIVE_RATE_LIMITED:
      body = read_fixture (self, "rate-limited.json");
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "0.35");
      answer (message, 429, "application/json", body);
      self->refused++;
      return TRUE;
    case CF_FAKE_OPENCOLLECTIVE_ANSWER:
    default:
      return FALSE;
    }
}

/* A personal token Open Collective does not take, refused before GraphQL. */
static gboolean
refused_token (CfFakeOpenCollective *self,
               SoupServerMessage    *message,
               const char           *token)
{
  g_autofree char *body = NULL;

  if (token == NULL || g_str_equal (token, CF_FAKE_OPENCOLLECTIVE_TOKEN))
    return FALSE;
  if (g_str_equal (token, CF_FAKE_OPENCOLLECTIVE_EXPIRED_TOKEN))
    body = read_fixture (self, "expired-token.json");
  else
    body = g_strdup_printf ("{\"error\": {\"code\": 401, \"type\": \"unauthorized\", "
                            "\"message\": \"Invalid Personal Token (Api Key): %s\"}}", token);
  answer (message, SOUP_STATUS_UNAUTHORIZED, "application/json", body);
  return TRUE;
}

static void
answer_operation (CfFakeOpenCollective *self,
                  SoupServerMessage    *message,
                  const char           *operation,
                  JsonObject           *variables,
                  gboolean              signed_in)
{
  const char *slug = variables && json_object_has_member (variables, "slug")
                     ? json_object_get_string_member (variables, "slug") : NULL;
  g_autofree char *name = NULL;

  if (g_str_equal (operation, "SearchAccounts"))
    {
      g_free (self->last_search);
      self->last_search = g_strdup (json_object_get_string_member_with_default (variables, "searchTerm", NULL));
      answer_fixture (self, message, "search-accounts.json");
    }
  else if (g_str_equal (operation, "Collective") && slug != NULL)
    answer_collective (self, message, slug);
  else if (g_str_equal (operation, "IncomingContributions") && slug != NULL)
    {
      name = g_strdup_printf ("incoming-%s.json", slug);
      answer_fixture (self, message, name);
    }
  else if (!signed_in)
    /* Signed out, `me` is null. */
    answer (message, SOUP_STATUS_OK, "application/json", "{\"data\": {\"me\": null}}");
  else if (g_str_equal (operation, "Me"))
    answer_fixture (self, message, "me.json");
  else if (g_str_equal (operation, "MyContributions"))
    answer_fixture (self, message, "my-contributions.json");
  else
    answer_fixture (self, message, "administered.json");
}

static void
handle_graphql (CfFakeOpenCollective *self,
                SoupServerMessage    *message)
{
  g_autoptr(GBytes) request = soup_message_body_flatten (soup_server_message_get_request_body (message));
  const char *token = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                    "Personal-Token");
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (request, NULL), NULL);
  JsonObject *body = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *operation = body ? json_object_get_string_member_with_default (body, "operationName", "") : "";
  const char *query = body ? json_object_get_string_member_with_default (body, "query", "") : "";
  JsonObject *variables = body && json_object_has_member (body, "variables")
                          ? json_object_get_object_member (body, "variables") : NULL;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, operation));
  g_autofree char *variables_text = variables ? json_to_string (json_object_get_member (body, "variables"), FALSE)
                                              : g_strdup ("");
  char *request_key = g_strdup_printf ("%s %s", operation, variables_text);

  self->all++;
  g_hash_table_replace (self->counts, g_strdup (operation), GUINT_TO_POINTER (count + 1));
  g_hash_table_replace (self->requests, request_key,
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->requests, request_key)) + 1));
  if (answered_in_mood (self, message) || refused_token (self, message, token) || !within_limit (self, message, token))
    return;
  if (!is_known_query (operation, query))
    {
      g_test_message ("Open Collective's fake was sent a query that is not a file of queries/: %s", operation);
      self->unknown_queries++;
      answer (message, SOUP_STATUS_BAD_REQUEST, "application/json",
              "{\"errors\": [{\"message\": \"Unknown query\", \"extensions\": {\"code\": \"GRAPHQL_VALIDATION_FAILED\"}}]}");
      return;
    }
  answer_operation (self, message, operation, variables, token != NULL);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  CfFakeOpenCollective *self = user_data;

  if (g_str_equal (path, "/graphql/v2") && g_str_equal (soup_server_message_get_method (message), "POST"))
    handle_graphql (self, message);
  else
    answer (message, SOUP_STATUS_NOT_FOUND, "application/json", "{\"error\": {\"code\": 404, \"type\": \"not_found\"}}");
}

CfFakeOpenCollective *
cf_fake_opencollective_new (void)
{
  CfFakeOpenCollective *self = g_new0 (CfFakeOpenCollective, 1);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  self->server = soup_server_new (NULL, NULL);
  self->minute_seconds = 60;
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->balances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  soup_server_add_handler (self->server, NULL, handle, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  self->api_url = g_strdup_printf ("%s/graphql/v2", self->base_url);
  self->website_url = g_strdup_printf ("%s/website/", self->base_url);
  return self;
}

const char *
cf_fake_opencollective_get_api_url (CfFakeOpenCollective *self)
{
  return self->api_url;
}

const char *
cf_fake_opencollective_get_website_url (CfFakeOpenCollective *self)
{
  return self->website_url;
}

/* The next request, whatever it is, is answered in @mood. */
void
cf_fake_opencollective_set_next_mood (CfFakeOpenCollective     *self,
                                      CfFakeOpenCollectiveMood  mood)
{
  self->mood = mood;
}

/* Open Collective counts requests by the minute; a test may count them
 * over a shorter one, to see the adapter wait for its end. */
void
cf_fake_opencollective_set_minute_length (CfFakeOpenCollective *self,
                                          guint                 seconds)
{
  self->minute_seconds = seconds;
}

/* The minute's requests are counted afresh from now on, as when a minute
 * has passed since the first. */
void
cf_fake_opencollective_start_new_minute (CfFakeOpenCollective *self)
{
  g_hash_table_remove_all (self->windows);
}

/* From now on, the collective @slug's balance is @cents. */
void
cf_fake_opencollective_set_balance (CfFakeOpenCollective *self,
                                    const char           *slug,
                                    gint64                cents)
{
  g_hash_table_replace (self->balances, g_strdup (slug), GSIZE_TO_POINTER ((gsize) cents));
}

/* How many requests named @operation. */
guint
cf_fake_opencollective_count (CfFakeOpenCollective *self,
                              const char           *operation)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, operation));
}

/* A copy of how many times each operation was asked with each set of
 * variables (cf-test-counts.h). */
GHashTable *
cf_fake_opencollective_dup_request_counts (CfFakeOpenCollective *self)
{
  return cf_test_counts_copy (self->requests);
}

guint
cf_fake_opencollective_count_all (CfFakeOpenCollective *self)
{
  return self->all;
}

/* Requests answered 403 or 429. */
guint
cf_fake_opencollective_count_refused (CfFakeOpenCollective *self)
{
  return self->refused;
}

const char *
cf_fake_opencollective_get_last_search (CfFakeOpenCollective *self)
{
  return self->last_search;
}

/* A test that sent a query not among the adapter's files fails here,
 * whatever it checked. */
void
cf_fake_opencollective_free (CfFakeOpenCollective *self)
{
  guint unknown = self->unknown_queries;

  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_hash_table_unref (self->counts);
  g_hash_table_unref (self->requests);
  g_hash_table_unref (self->balances);
  g_hash_table_unref (self->windows);
  g_free (self->last_search);
  g_free (self->base_url);
  g_free (self->api_url);
  g_free (self->website_url);
  g_free (self);
  g_assert_cmpuint (unknown, ==, 0);
}
