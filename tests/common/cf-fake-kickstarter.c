/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>

#include "cf-fake-kickstarter.h"

struct _CfFakeKickstarter
{
  SoupServer *server;
  char *url;
  CfFakeKickstarterMood mood;
  GArray *request_times;  /* gint64, monotonic µs */
};

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "kickstarter", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  return text;
}

static void
answer (SoupServerMessage *message,
        guint              status,
        const char        *type,
        const char        *fixture)
{
  g_autofree char *body = read_fixture (fixture);

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
stats_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  CfFakeKickstarter *self = user_data;
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  gint64 now = g_get_monotonic_time ();
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  /* "", "projects", creator, slug, "stats.json" */
  if (g_strv_length (parts) != 5 || !g_str_equal (parts[1], "projects") || !g_str_equal (parts[4], "stats.json"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  g_array_append_val (self->request_times, now);
  switch (self->mood)
    {
    case CF_FAKE_KICKSTARTER_LIVE:
      answer (message, SOUP_STATUS_OK, "application/json; charset=utf-8", "stats.json");
      break;
    case CF_FAKE_KICKSTARTER_SUCCESSFUL:
      answer (message, SOUP_STATUS_OK, "application/json; charset=utf-8", "stats-successful.json");
      break;
    case CF_FAKE_KICKSTARTER_CHALLENGE:
      answer (message, SOUP_STATUS_FORBIDDEN, "text/html; charset=UTF-8", "challenge.html");
      break;
    case CF_FAKE_KICKSTARTER_RATE_LIMITED:
      soup_message_headers_replace (headers, "Retry-After", "120");
      answer (message, 429, "text/html; charset=UTF-8", "challenge.html");
      break;
    case CF_FAKE_KICKSTARTER_UNAVAILABLE:
      answer (message, SOUP_STATUS_SERVICE_UNAVAILABLE, "text/html; charset=UTF-8", "challenge.html");
      break;
    case CF_FAKE_KICKSTARTER_FAILING:
    default:
      soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      break;
    }
}

CfFakeKickstarter *
cf_fake_kickstarter_new (void)
{
  CfFakeKickstarter *self = g_new0 (CfFakeKickstarter, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  self->request_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, "/projects", stats_cb, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (self->server);
  self->url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return self;
}

/* Where Kickstarter's pages are, as “http://127.0.0.1:PORT/”. */
const char *
cf_fake_kickstarter_get_url (CfFakeKickstarter *self)
{
  return self->url;
}

void
cf_fake_kickstarter_set_mood (CfFakeKickstarter     *self,
                              CfFakeKickstarterMood  mood)
{
  self->mood = mood;
}

/* How many stats.json were asked for. */
guint
cf_fake_kickstarter_count (CfFakeKickstarter *self)
{
  return self->request_times->len;
}

gint64
cf_fake_kickstarter_get_request_time (CfFakeKickstarter *self,
                                      guint              index)
{
  return g_array_index (self->request_times, gint64, index);
}

void
cf_fake_kickstarter_free (CfFakeKickstarter *self)
{
  soup_server_disconnect (self->server);
  g_object_unref (self->server);
  g_array_unref (self->request_times);
  g_free (self->url);
  g_free (self);
}
