/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cf-fake-ulule.h"
#include "cf-test-counts.h"

struct _CfFakeUlule
{
  SoupServer *server;
  char *base_url;
  char *api_url;
  char *data_url;
  GHashTable *raised;     /* project id → amount raised, as a string */
  GHashTable *counts;     /* path → requests */
  GHashTable *requests;   /* path and query → requests */
  guint refuse_next;
  guint unversioned;
  guint likes;
  guint undocumented;
  char *last_search;
};

static char *
read_fixture (CfFakeUlule *self,
              const char  *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ulule", name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *images = g_strdup_printf ("%s/images/", self->base_url);
  g_auto(GStrv) parts = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  /* Pictures are on the fake too. */
  parts = g_strsplit (contents, "IMAGES/", -1);
  return g_strjoinv (images, parts);
}

static void
answer (SoupServerMessage *message,
        guint              status,
        const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
answer_fixture (CfFakeUlule       *self,
                SoupServerMessage *message,
                const char        *name)
{
  g_autofree char *body = read_fixture (self, name);

  if (body == NULL)
    answer (message, SOUP_STATUS_NOT_FOUND, "{\"message\": \"Not found\"}");
  else
    answer (message, SOUP_STATUS_OK, body);
}

/* The stats, with the amount a test set; its ETag follows the amount. */
static void
answer_stats (CfFakeUlule       *self,
              SoupServerMessage *message,
              const char        *id)
{
  g_autofree char *name = g_strdup_printf ("stats-%s.json", id);
  g_autofree char *body = read_fixture (self, name);
  const char *raised = g_hash_table_lookup (self->raised, id);
  g_autofree char *etag = NULL;
  const char *if_none_match;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  if (body == NULL)
    {
      answer (message, SOUP_STATUS_NOT_FOUND, "{}");
      return;
    }
  if (raised != NULL)
    {
      g_autoptr(JsonNode) root = json_from_string (body, NULL);
      JsonObject *object = json_node_get_object (root);

      json_object_set_string_member (object, "amount_raised", raised);
      json_object_set_int_member (object, "committed", g_ascii_strtoll (raised, NULL, 10));
      g_free (body);
      body = json_to_string (root, FALSE);
    }
  etag = g_strdup_printf ("\"%u\"", g_str_hash (body));
  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Cache-Control", "max-age=30");
  if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (message), "If-None-Match");
  if (g_strcmp0 (if_none_match, etag) == 0)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  answer (message, SOUP_STATUS_OK, body);
}

/* Since Ulule-Version 2020-10-07, a wrong key is refused everywhere. */
static gboolean
authorized (SoupServerMessage *message,
            gboolean           needed)
{
  const char *authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                            "Authorization");

  if (authorization == NULL)
    return !needed;
  return g_str_equal (authorization, "APIKey " CF_FAKE_ULULE_KEY);
}

/* The extra fields Ulule's documentation lists for each resource
 * (developers.ulule.com, "Extra fields" of each reference page). */
static const char * const search_project_extras[] = {
  "aggregations", "aggregations.countries", "answer_code", "main_image", "main_tag", "manager", "moderator",
  "owner", "owner.email", "owner.stats", "proposal", "proposal.links", "proposal.partner", "quality_score",
  "user_role", NULL,
};
static const char * const project_extras[] = {
  "account", "analytics", "billing", "default_manager", "delivery", "fields_needed", "latest_news",
  "latest_supporter", "links", "manager", "notes", "owner.contact_lang", "owner.stats", "partnerships",
  "proposal", "proposal.links", "proposal.validator", "rewards", "sponsorships", "tags", "user_orders",
  "user_role", NULL,
};
/* "List user orders" also accepts `project`. */
static const char * const user_order_extras[] = {
  "project", "project.analytics", "project.partnerships", "project.sponsorships", "tracking", NULL,
};
static const char * const order_extras[] = {
  "project.analytics", "project.partnerships", "project.sponsorships", "tracking", NULL,
};
static const char * const user_extras[] = {
  "channels", "contact_lang", "latest_project_comment", "latest_project_order", "newsletters", NULL,
};
static const char * const no_extras[] = { NULL };

static const char * const *
documented_extras (char **parts,
                   guint   n)
{
  if (n == 3 && g_str_equal (parts[1], "search"))
    return search_project_extras;
  if ((n == 3 && g_str_equal (parts[1], "projects")) ||
      (n == 4 && g_str_equal (parts[1], "users") && g_str_equal (parts[3], "projects")))
    return project_extras;
  if (n == 4 && g_str_equal (parts[1], "users") && g_str_equal (parts[3], "orders"))
    return user_order_extras;
  if (n == 4 && g_str_equal (parts[1], "projects") && g_str_equal (parts[3], "orders"))
    return order_extras;
  if (n == 2 && g_str_equal (parts[1], "me"))
    return user_extras;
  return no_extras;
}

/* Since Ulule-Version 2019-03-07, an extra field the resource does not
 * have is an error; the name of the first one, or NULL. */
static char *
dup_undocumented_extra (char       **parts,
                        guint        n,
                        GHashTable  *query)
{
  const char *asked = query ? g_hash_table_lookup (query, "extra_fields") : NULL;
  const char * const *documented = documented_extras (parts, n);
  g_auto(GStrv) fields = asked ? g_strsplit (asked, ",", -1) : NULL;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    if (!g_strv_contains (documented, fields[i]))
      return g_strdup (fields[i]);
  return NULL;
}

static void
handle_api (CfFakeUlule       *self,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query)
{
  const char *method = soup_server_message_get_method (message);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);
  g_autofree char *undocumented = NULL;
  gboolean mine = n >= 2 && (g_str_equal (parts[1], "me") || g_str_equal (parts[1], "users") ||
                             (n == 4 && (g_str_equal (parts[3], "orders") || g_str_equal (parts[3], "like") ||
                                         g_str_equal (parts[3], "unlike"))));

  if (g_strcmp0 (soup_message_headers_get_one (soup_server_message_get_request_headers (message), "Ulule-Version"),
                 "2020-11-10") != 0)
    self->unversioned++;
  if (!authorized (message, mine))
    {
      answer (message, SOUP_STATUS_UNAUTHORIZED, "{\"message\": \"Invalid credentials\"}");
      return;
    }
  undocumented = dup_undocumented_extra (parts, n, query);
  if (undocumented != NULL)
    {
      g_autofree char *body = g_strdup_printf ("{\"classification\": \"ValueError\", \"fieldNames\": [\"extra_fields\"], "
                                               "\"message\": \"Unknown extra field: %s\"}", undocumented);

      g_test_message ("Ulule refuses the extra field %s of %s", undocumented, path);
      self->undocumented++;
      answer (message, SOUP_STATUS_BAD_REQUEST, body);
      return;
    }

  /* parts: "", "search"|"categories"|"projects"|"me"|"users", … */
  if (n == 3 && g_str_equal (parts[1], "search") && g_str_equal (parts[2], "projects"))
    {
      const char *offset = query ? g_hash_table_lookup (query, "offset") : NULL;

      g_free (self->last_search);
      self->last_search = g_strdup (query ? g_hash_table_lookup (query, "q") : NULL);
      answer_fixture (self, message, offset && g_str_equal (offset, "2") ? "search-2.json" : "search-1.json");
    }
  else if (n == 2 && g_str_equal (parts[1], "categories"))
    answer_fixture (self, message, "categories.json");
  else if (n == 2 && g_str_equal (parts[1], "me"))
    answer_fixture (self, message, "me.json");
  else if (n == 3 && g_str_equal (parts[1], "projects"))
    {
      g_autofree char *name = g_strdup_printf ("project-%s.json", parts[2]);

      answer_fixture (self, message, name);
    }
  else if (n == 4 && g_str_equal (parts[1], "projects") && g_str_equal (parts[3], "news"))
    {
      g_autofree char *name = g_strdup_printf ("news-%s.json", parts[2]);
      g_autofree char *body = read_fixture (self, name);

      answer (message, SOUP_STATUS_OK, body ? body : "{\"news\": [], \"meta\": {\"limit\": 20, \"next\": null}}");
    }
  else if (n == 4 && g_str_equal (parts[1], "projects") && g_str_equal (parts[3], "orders"))
    {
      /* Only the owner lists a project's orders: camille owns 102. */
      if (g_str_equal (parts[2], "102"))
        answer_fixture (self, message, "project-orders-102.json");
      else
        answer (message, SOUP_STATUS_FORBIDDEN, "{\"message\": \"Forbidden\"}");
    }
  else if (n == 4 && g_str_equal (parts[1], "projects") && g_str_equal (method, "POST"))
    {
      self->likes++;
      answer (message, SOUP_STATUS_OK, "{}");
    }
  else if (n == 4 && g_str_equal (parts[1], "users") && g_str_equal (parts[2], "4242") &&
           g_str_equal (parts[3], "orders"))
    answer_fixture (self, message, "user-orders.json");
  else if (n == 4 && g_str_equal (parts[1], "users") && g_str_equal (parts[2], "4242") &&
           g_str_equal (parts[3], "projects"))
    {
      const char *state = query ? g_hash_table_lookup (query, "state") : NULL;

      answer_fixture (self, message, g_strcmp0 (state, "created") == 0 ? "created.json" : "followed.json");
    }
  else
    answer (message, SOUP_STATUS_NOT_FOUND, "{\"message\": \"Not found\"}");
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  CfFakeUlule *self = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, path));

  g_hash_table_replace (self->counts, g_strdup (path), GUINT_TO_POINTER (count + 1));
  if (g_str_has_prefix (path, "/v1/"))
    {
      GUri *uri = soup_server_message_get_uri (message);
      g_autofree char *request = g_uri_get_query (uri) ? g_strdup_printf ("%s?%s", path, g_uri_get_query (uri))
                                                       : g_strdup (path);
      guint asked = GPOINTER_TO_UINT (g_hash_table_lookup (self->requests, request));

      g_hash_table_replace (self->requests, g_steal_pointer (&request), GUINT_TO_POINTER (asked + 1));
    }
  if (self->refuse_next != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "1");
      answer (message, self->refuse_next, "{\"message\": \"Too many requests\"}");
      self->refuse_next = 0;
      return;
    }

  if (g_str_has_prefix (path, "/v1/"))
    handle_api (self, message, path + strlen ("/v1"), query);
  else if (g_str_has_prefix (path, "/data/projects/") && g_str_has_suffix (path, "/stats.json"))
    {
      g_autofree char *id = g_strndup (path + strlen ("/data/projects/"),
                                       strlen (path) - strlen ("/data/projects/") - strlen ("/stats.json"));

      answer_stats (self, message, id);
    }
  else
    answer (message, SOUP_STATUS_NOT_FOUND, "{}");
}

CfFakeUlule *
cf_fake_ulule_new (void)
{
  CfFakeUlule *self = g_new0 (CfFakeUlule, 1);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  self->server = soup_server_new (NULL, NULL);
  self->raised = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->requests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  soup_server_add_handler (self->server, NULL, handle, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  self->api_url = g_strdup_printf ("%s/v1/", self->base_url);
  self->data_url = g_strdup_printf ("%s/data/", self->base_url);
  return self;
}

const char *
cf_fake_ulule_get_api_url (CfFakeUlule *self)
{
  return self->api_url;
}

const char *
cf_fake_ulule_get_data_url (CfFakeUlule *self)
{
  return self->data_url;
}

/* From now on, data.ulule.com says @project_id raised @amount. */
void
cf_fake_ulule_set_raised (CfFakeUlule *self,
                          const char  *project_id,
                          guint        amount)
{
  g_hash_table_replace (self->raised, g_strdup (project_id), g_strdup_printf ("%u", amount));
}

/* The next request, whatever it is, is answered @status with Retry-After: 1. */
void
cf_fake_ulule_refuse_next (CfFakeUlule *self,
                           guint        status)
{
  self->refuse_next = status;
}

/* The `q` of the last search. */
const char *
cf_fake_ulule_get_last_search (CfFakeUlule *self)
{
  return self->last_search;
}

guint
cf_fake_ulule_count (CfFakeUlule *self,
                     const char  *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, path));
}

/* The API requests so far, each with how many times: path and query → count. */
GHashTable *
cf_fake_ulule_dup_api_counts (CfFakeUlule *self)
{
  return cf_test_counts_copy (self->requests);
}

/* API requests that came without Ulule-Version: 2020-11-10. */
guint
cf_fake_ulule_count_unversioned (CfFakeUlule *self)
{
  return self->unversioned;
}

guint
cf_fake_ulule_count_likes (CfFakeUlule *self)
{
  return self->likes;
}

/* A test whose requests named an extra field Ulule does not document for
 * their endpoint fails here, whatever it checked. */
void
cf_fake_ulule_free (CfFakeUlule *self)
{
  g_assert_cmpuint (self->undocumented, ==, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_hash_table_unref (self->raised);
  g_hash_table_unref (self->counts);
  g_hash_table_unref (self->requests);
  g_free (self->base_url);
  g_free (self->api_url);
  g_free (self->data_url);
  g_free (self->last_search);
  g_free (self);
}
