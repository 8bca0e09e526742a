/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-connection-guard"

#include "config.h"

#include <sys/resource.h>

#include "cf-connection-guard.h"

/* Keeps the platform answering when clients hold connections open or take
 * every file descriptor:
 * - a connection that sends no first request within FIRST_REQUEST_SECONDS,
 *   or stays idle between requests for KEEP_ALIVE_SECONDS, is closed (longer
 *   than clients keep idle connections, libsoup 60 s, so they close first);
 * - past MAX_OPEN connections, or the descriptors the process may open less
 *   a reserve, a new connection is closed at once;
 * - SoupServer stops accepting for good when accept() fails, as it does
 *   when descriptors run out: connections left waiting on the listening
 *   socket for a whole second while none was accepted mean it has stopped,
 *   and it is listened on again (a platform merely busy goes on accepting,
 *   however long its backlog). */

#define FIRST_REQUEST_SECONDS 30
#define KEEP_ALIVE_SECONDS    120
#define MAX_OPEN              1000
#define DESCRIPTORS_KEPT      64
#define CHECK_MS              250
#define CHECKS_BEFORE_RELISTEN 4

struct _CfConnectionGuard
{
  GObject parent_instance;

  SoupServer *server;
  GSocket *listening;
  GHashTable *open;  /* GSocket * of connections, closed ones until pruned */
  guint max_open;
  guint check_id;
  guint checks_waiting;  /* checks in a row that found connections pending */
  guint accepted;        /* connections seen since the last check */
};

G_DEFINE_FINAL_TYPE (CfConnectionGuard, cf_connection_guard, G_TYPE_OBJECT)

static guint
connection_budget (guint wanted)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return wanted;

  return (guint) CLAMP ((gint64) limit.rlim_cur - DESCRIPTORS_KEPT, 8, wanted);
}

static gboolean
is_closed (gpointer key,
           gpointer value,
           gpointer user_data)
{
  return g_socket_is_closed (key);
}

/* libsoup closes a finished connection's socket, but may hold the object
 * a while longer: what counts is whether it is closed. */
static guint
count_open (CfConnectionGuard *self)
{
  g_hash_table_foreach_remove (self->open, is_closed, NULL);
  return g_hash_table_size (self->open);
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *message,
                    gpointer           user_data)
{
  CfConnectionGuard *self = user_data;
  GSocket *socket = soup_server_message_get_socket (message);

  if (socket == NULL)
    return;

  if (g_hash_table_contains (self->open, socket))
    {
      g_socket_set_timeout (socket, KEEP_ALIVE_SECONDS);
      return;
    }

  self->accepted++;
  if (g_hash_table_size (self->open) >= self->max_open && count_open (self) >= self->max_open)
    {
      g_debug ("%u connections open: closing a new one", g_hash_table_size (self->open));
      g_socket_shutdown (socket, TRUE, TRUE, NULL);
      return;
    }

  g_hash_table_add (self->open, g_object_ref (socket));
  g_socket_set_timeout (socket, FIRST_REQUEST_SECONDS);
}

static gboolean
check_listening_cb (gpointer user_data)
{
  CfConnectionGuard *self = user_data;
  gboolean waiting = g_socket_condition_check (self->listening, G_IO_IN) != 0;
  g_autoptr(GError) error = NULL;

  count_open (self);
  self->checks_waiting = waiting && self->accepted == 0 ? self->checks_waiting + 1 : 0;
  self->accepted = 0;
  if (self->checks_waiting >= CHECKS_BEFORE_RELISTEN)
    {
      g_warning ("connections are waiting unaccepted (out of descriptors?): listening again");
      if (!soup_server_listen_socket (self->server, self->listening, 0, &error))
        g_warning ("cannot listen again: %s", error->message);
      self->checks_waiting = 0;
    }

  return G_SOURCE_CONTINUE;
}

static void
cf_connection_guard_dispose (GObject *object)
{
  CfConnectionGuard *self = CF_CONNECTION_GUARD (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_pointer (&self->open, g_hash_table_unref);
  if (self->server != NULL)
    g_signal_handlers_disconnect_by_data (self->server, self);
  g_clear_object (&self->server);
  g_clear_object (&self->listening);

  G_OBJECT_CLASS (cf_connection_guard_parent_class)->dispose (object);
}

static void
cf_connection_guard_class_init (CfConnectionGuardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_connection_guard_dispose;
}

static void
cf_connection_guard_init (CfConnectionGuard *self)
{
  self->open = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->max_open = connection_budget (MAX_OPEN);
}

/* Room for @listeners live connections besides the usual requests, as far
 * as descriptors allow. */
void
cf_connection_guard_add_listeners (CfConnectionGuard *self,
                                   guint              listeners)
{
  self->max_open = connection_budget (MAX_OPEN + listeners);
}

/* Watches the connections @server accepts on @listening. */
CfConnectionGuard *
cf_connection_guard_new (SoupServer *server,
                         GSocket    *listening)
{
  CfConnectionGuard *self = g_object_new (CF_TYPE_CONNECTION_GUARD, NULL);

  self->server = g_object_ref (server);
  self->listening = g_object_ref (listening);
  g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), self);
  self->check_id = g_timeout_add (CHECK_MS, check_listening_cb, self);
  return self;
}
