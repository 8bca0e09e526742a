/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include "cf-test-proxy.h"

struct _CfTestProxy
{
  GSocketService *service;
  char *url;
  guint16 upstream_port;
  char *upstream_url;
  int lose_next_pledge;
  int lost_answers;
  GMutex lock;
  GPtrArray *requests;  /* "METHOD target" of every request relayed */
};

/* One HTTP message, head and body (sized by Content-Length), or NULL at the
 * end of the stream. */
static GBytes *
read_message (GDataInputStream  *reader,
              char             **request_line)
{
  g_autoptr(GString) message = g_string_new (NULL);
  gsize content_length = 0;
  char *line;

  while ((line = g_data_input_stream_read_line (reader, NULL, NULL, NULL)) != NULL)
    {
      gboolean end_of_head = *line == '\0';

      if (message->len == 0 && request_line != NULL)
        *request_line = g_strdup (line);
      if (g_ascii_strncasecmp (line, "Content-Length:", strlen ("Content-Length:")) == 0)
        content_length = g_ascii_strtoull (line + strlen ("Content-Length:"), NULL, 10);
      g_string_append_printf (message, "%s\r\n", line);
      g_free (line);
      if (end_of_head)
        break;
    }
  if (message->len == 0)
    return NULL;

  if (content_length > 0)
    {
      gsize start = message->len;
      gsize read = 0;

      g_string_set_size (message, start + content_length);
      if (!g_input_stream_read_all (G_INPUT_STREAM (reader), message->str + start, content_length, &read,
                                    NULL, NULL) || read != content_length)
        return NULL;
    }

  return g_string_free_to_bytes (g_steal_pointer (&message));
}

static gboolean
write_message (GIOStream *stream,
               GBytes    *message)
{
  return g_output_stream_write_all (g_io_stream_get_output_stream (stream), g_bytes_get_data (message, NULL),
                                    g_bytes_get_size (message), NULL, NULL, NULL);
}

static GDataInputStream *
reader_for (GIOStream *stream)
{
  GDataInputStream *reader = g_data_input_stream_new (g_io_stream_get_input_stream (stream));

  g_data_input_stream_set_newline_type (reader, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  return reader;
}

/* Keeps "METHOD target" of a request line, without the HTTP version. */
static void
record (CfTestProxy *self,
        const char  *request_line)
{
  const char *version = strrchr (request_line, ' ');

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->requests, version ? g_strndup (request_line, version - request_line)
                                           : g_strdup (request_line));
  g_mutex_unlock (&self->lock);
}

static void
splice_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;

  g_io_stream_splice_finish (result, NULL);
  *done = TRUE;
}

/* After a switch of protocols (the live WebSocket), bytes go both ways as
 * they come, until either side closes. */
static void
relay_both_ways (GIOStream *client,
                 GIOStream *upstream)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  gboolean done = FALSE;

  g_main_context_push_thread_default (context);
  g_io_stream_splice_async (client, upstream, G_IO_STREAM_SPLICE_NONE, G_PRIORITY_DEFAULT, NULL,
                            splice_done_cb, &done);
  while (!done)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
}

/* The platform's addresses in an answer (pictures, pages) made the
 * proxy's, so that what they lead to is asked through it too. Both are
 * loopback addresses with a port of the same length, so no length changes. */
static GBytes *
rewrite_addresses (CfTestProxy *self,
                   GBytes      *answer)
{
  gsize length;
  char *data = g_bytes_unref_to_data (answer, &length);
  gsize url_length = strlen (self->url);
  char *at = data;

  g_assert_cmpuint (strlen (self->upstream_url), ==, url_length);
  while ((at = memmem (at, length - (at - data), self->upstream_url, url_length)) != NULL)
    {
      memcpy (at, self->url, url_length);
      at += url_length;
    }
  return g_bytes_new_take (data, length);
}

/* Relays requests and answers one at a time, in the connection's thread. */
static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *client,
        GObject                *source_object,
        gpointer                user_data)
{
  CfTestProxy *self = user_data;
  g_autoptr(GSocketClient) connector = g_socket_client_new ();
  g_autoptr(GSocketConnection) upstream = g_socket_client_connect_to_host (connector, "127.0.0.1",
                                                                          self->upstream_port, NULL, NULL);
  g_autoptr(GDataInputStream) client_reader = reader_for (G_IO_STREAM (client));
  g_autoptr(GDataInputStream) upstream_reader = upstream ? reader_for (G_IO_STREAM (upstream)) : NULL;

  while (upstream != NULL)
    {
      g_autofree char *request_line = NULL;
      g_autoptr(GBytes) request = read_message (client_reader, &request_line);
      g_autoptr(GBytes) answer = NULL;
      gboolean is_pledge;

      if (request == NULL)
        break;
      is_pledge = g_str_has_prefix (request_line, "POST /v1/campaigns/") && strstr (request_line, "/pledges ") != NULL;
      record (self, request_line);
      if (!write_message (G_IO_STREAM (upstream), request))
        break;
      answer = read_message (upstream_reader, NULL);
      if (answer == NULL)
        break;
      answer = rewrite_addresses (self, answer);
      if (is_pledge && g_atomic_int_compare_and_exchange (&self->lose_next_pledge, TRUE, FALSE))
        {
          /* The platform has made the pledge; its answer never arrives. */
          g_atomic_int_inc (&self->lost_answers);
          break;
        }
      if (!write_message (G_IO_STREAM (client), answer))
        break;
      if (g_str_has_prefix (g_bytes_get_data (answer, NULL), "HTTP/1.1 101 "))
        {
          relay_both_ways (G_IO_STREAM (client), G_IO_STREAM (upstream));
          break;
        }
    }

  g_io_stream_close (G_IO_STREAM (client), NULL, NULL);
  return TRUE;
}

CfTestProxy *
cf_test_proxy_new (const char *upstream_url)
{
  CfTestProxy *self = g_new0 (CfTestProxy, 1);
  g_autoptr(GUri) uri = g_uri_parse (upstream_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  guint16 port;

  g_assert_nonnull (uri);
  self->upstream_port = g_uri_get_port (uri);
  self->upstream_url = g_strdup (upstream_url);
  self->service = g_threaded_socket_service_new (8);
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (self->service), NULL, &error);
  g_assert_no_error (error);
  self->url = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_mutex_init (&self->lock);
  self->requests = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (self->service, "run", G_CALLBACK (run_cb), self);
  g_socket_service_start (self->service);
  return self;
}

const char *
cf_test_proxy_get_url (CfTestProxy *self)
{
  return self->url;
}

/* The next pledge goes through to the platform, but its answer is lost. */
void
cf_test_proxy_lose_next_pledge (CfTestProxy *self)
{
  g_atomic_int_set (&self->lose_next_pledge, TRUE);
}

guint
cf_test_proxy_get_lost_answers (CfTestProxy *self)
{
  return g_atomic_int_get (&self->lost_answers);
}

/* The requests relayed since the last call, "METHOD target" each, in the
 * order they arrived. */
GPtrArray *
cf_test_proxy_take_requests (CfTestProxy *self)
{
  GPtrArray *requests;

  g_mutex_lock (&self->lock);
  requests = g_steal_pointer (&self->requests);
  self->requests = g_ptr_array_new_with_free_func (g_free);
  g_mutex_unlock (&self->lock);
  return requests;
}

void
cf_test_proxy_free (CfTestProxy *self)
{
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_object_unref (self->service);
  g_ptr_array_unref (self->requests);
  g_mutex_clear (&self->lock);
  g_free (self->url);
  g_free (self->upstream_url);
  g_free (self);
}
