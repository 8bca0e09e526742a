/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cf-raw-peer.h"

/* Bounded whatever the client does: never more than this is written. */
#define CHUNK_BYTES (1024 * 1024)
#define MAX_CHUNKS  512
#define CHUNKED_HEADERS "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
#define HUGE_HEADERS "HTTP/1.1 200 OK\r\nContent-Length: 314572800\r\n\r\n"

struct _CfRawPeer
{
  CfRawAnswer answer;
  GSocket *listening;
  char *url;
  GThread *thread;
  gsize written;
  gint hung_up;
};

static gboolean
send_all (GSocket    *socket,
          const char *data,
          gsize       length)
{
  while (length > 0)
    {
      gssize sent = g_socket_send (socket, data, length, NULL, NULL);

      if (sent <= 0)
        return FALSE;
      data += sent;
      length -= sent;
    }
  return TRUE;
}

static void
send_body (CfRawPeer *self,
           GSocket   *client)
{
  g_autofree char *chunk = g_malloc (CHUNK_BYTES);
  g_autofree char *size_line = g_strdup_printf ("%x\r\n", CHUNK_BYTES);
  gboolean chunked = self->answer == CF_RAW_ANSWER_ENDLESS_CHUNKS;

  memset (chunk, ' ', CHUNK_BYTES);
  chunk[0] = '[';
  for (guint i = 0; i < MAX_CHUNKS; i++)
    {
      if ((chunked && !send_all (client, size_line, strlen (size_line))) ||
          !send_all (client, chunk, CHUNK_BYTES) ||
          (chunked && !send_all (client, "\r\n", 2)))
        return;
      self->written += CHUNK_BYTES;
    }
}

static gpointer
serve_thread (gpointer user_data)
{
  CfRawPeer *self = user_data;
  g_autoptr(GSocket) client = g_socket_accept (self->listening, NULL, NULL);
  char request[4096];

  g_assert_nonnull (client);
  g_socket_receive (client, request, sizeof request, NULL, NULL);
  switch (self->answer)
    {
    case CF_RAW_ANSWER_ENDLESS_CHUNKS:
      if (send_all (client, CHUNKED_HEADERS, strlen (CHUNKED_HEADERS)))
        send_body (self, client);
      break;
    case CF_RAW_ANSWER_HUGE_LENGTH:
      if (send_all (client, HUGE_HEADERS, strlen (HUGE_HEADERS)))
        send_body (self, client);
      break;
    case CF_RAW_ANSWER_NOTHING:
      /* Until the client gives up and closes its end. */
      while (g_socket_receive (client, request, sizeof request, NULL, NULL) > 0)
        ;
      break;
    }

  g_socket_close (client, NULL);
  g_atomic_int_set (&self->hung_up, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

CfRawPeer *
cf_raw_peer_new (CfRawAnswer answer)
{
  CfRawPeer *self = g_new0 (CfRawPeer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  self->answer = answer;
  self->listening = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (self->listening, any_port, TRUE, NULL));
  g_assert_true (g_socket_listen (self->listening, NULL));
  bound = g_socket_get_local_address (self->listening, NULL);
  self->url = g_strdup_printf ("http://127.0.0.1:%u/",
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  self->thread = g_thread_new ("raw-peer", serve_thread, self);
  return self;
}

const char *
cf_raw_peer_get_url (CfRawPeer *self)
{
  return self->url;
}

/* Runs the main context until the client closed its end of the one
 * connection served; the bytes of body written until then. */
gsize
cf_raw_peer_wait_for_hang_up (CfRawPeer *self)
{
  while (!g_atomic_int_get (&self->hung_up))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (g_steal_pointer (&self->thread));
  return self->written;
}

void
cf_raw_peer_free (CfRawPeer *self)
{
  if (self->thread != NULL)
    cf_raw_peer_wait_for_hang_up (self);
  g_object_unref (self->listening);
  g_free (self->url);
  g_free (self);
}
