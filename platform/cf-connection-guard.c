/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-connection-guard"

#include "config.h"

#include <sys/resource.h>

#include "cf-connection-guard.h"

/* Keeps the platform answering when clients hold connections open or take
 * every file descriptor:
 * - a request must arrive whole within a deadline: request_seconds (30 by
 *   default) for a connection's first, KEEP_ALIVE_SECONDS for a later one,
 *   idle time included (longer than clients keep idle connections, libsoup
 *   60 s, so they close first). A byte now and then does not hold a
 *   connection past it;
 * - past MAX_OPEN connections, or the descriptors the process may open less
 *   a reserve, a new connection is closed at once, and so is one past
 *   MAX_PER_ADDRESS from one address (a quarter of the usual cap: room for
 *   a client's pool of kept-alive connections and its 64 live ones), so
 *   that one client cannot take every slot. A trusted reverse proxy speaks
 *   for many people and has no such share;
 * - SoupServer stops accepting for good when accept() fails, as it does
 *   when descriptors run out: connections left waiting on the listening
 *   socket for a whole second while none was accepted mean it has stopped,
 *   and it is listened on again (a platform merely busy goes on accepting,
 *   however long its backlog). */

#define REQUEST_SECONDS       30
#define KEEP_ALIVE_SECONDS    120
#define MAX_OPEN              1000
#define MAX_PER_ADDRESS       256
#define DESCRIPTORS_KEPT      64
#define CHECK_MS              250
#define CHECKS_BEFORE_RELISTEN 4

struct _CfConnectionGuard
{
  GObject parent_instance;

  SoupServer *server;
  GSocket *listening;
  GHashTable *open;  /* GSocket * of connections → Watched, closed ones until pruned */
  GHashTable *trusted_proxies;  /* addresses, as text: the server's, whose connections have no share */
  guint max_open;
  guint request_seconds;
  guint check_id;
  guint checks_waiting;  /* checks in a row that found connections pending */
  guint accepted;        /* connections seen since the last check */
};

G_DEFINE_FINAL_TYPE (CfConnectionGuard, cf_connection_guard, G_TYPE_OBJECT)

/* One open connection. Its socket is not held: libsoup drops a connection
 * that ends in an error without closing its socket, which then closes as
 * it is finalized, and a reference here would keep it open for ever. */
typedef struct
{
  CfConnectionGuard *guard;
  GSocket *socket;  /* unowned: the entry goes with it */
  char *address;
  guint deadline_id;
} Watched;

static void socket_finalized_cb (gpointer user_data, GObject *socket);

static void
watched_free (Watched *watched)
{
  g_clear_handle_id (&watched->deadline_id, g_source_remove);
  if (watched->socket != NULL)
    g_object_weak_unref (G_OBJECT (watched->socket), socket_finalized_cb, watched);
  g_free (watched->address);
  g_free (watched);
}

static void
socket_finalized_cb (gpointer  user_data,
                     GObject  *socket)
{
  Watched *watched = user_data;

  watched->socket = NULL;
  g_hash_table_remove (watched->guard->open, socket);
}

static gboolean
deadline_cb (gpointer user_data)
{
  Watched *watched = user_data;

  watched->deadline_id = 0;
  g_debug ("a request from %s did not arrive in time: closing its connection", watched->address);
  g_socket_shutdown (watched->socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
set_deadline (Watched *watched,
              guint    seconds)
{
  g_clear_handle_id (&watched->deadline_id, g_source_remove);
  watched->deadline_id = g_timeout_add_seconds (seconds, deadline_cb, watched);
}

static guint
connection_budget (guint wanted)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return wanted;

  return (guint) CLAMP ((gint64) limit.rlim_cur - DESCRIPTORS_KEPT, 8, wanted);
}

/* libsoup closes a finished connection's socket, but may hold the object
 * a while longer; and one whose client reset it while an answer was going
 * out (libsoup 3.2) it keeps, open, for ever. A socket whose peer is gone
 * is closed here, so that its descriptor and its place are given back. */
static gboolean
is_gone (gpointer key,
         gpointer value,
         gpointer user_data)
{
  Watched *watched = value;

  if (!g_socket_is_closed (watched->socket) &&
      g_socket_condition_check (watched->socket, G_IO_HUP | G_IO_ERR) != 0)
    g_socket_close (watched->socket, NULL);
  return g_socket_is_closed (watched->socket);
}

static guint
count_open (CfConnectionGuard *self)
{
  g_hash_table_foreach_remove (self->open, is_gone, NULL);
  return g_hash_table_size (self->open);
}

static guint
count_open_from (CfConnectionGuard *self,
                 const char        *address)
{
  GHashTableIter iter;
  Watched *watched;
  guint count = 0;

  count_open (self);
  g_hash_table_iter_init (&iter, self->open);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &watched))
    count += g_str_equal (watched->address, address);
  return count;
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *message,
                    gpointer           user_data)
{
  CfConnectionGuard *self = user_data;
  GSocket *socket = soup_server_message_get_socket (message);
  const char *address = soup_server_message_get_remote_host (message);
  Watched *watched;

  if (socket == NULL)
    return;

  watched = g_hash_table_lookup (self->open, socket);
  if (watched != NULL)
    {
      g_socket_set_timeout (socket, KEEP_ALIVE_SECONDS);
      set_deadline (watched, KEEP_ALIVE_SECONDS);
      return;
    }

  self->accepted++;
  if (address == NULL)
    address = "";
  if (g_hash_table_size (self->open) >= self->max_open && count_open (self) >= self->max_open)
    {
      g_debug ("%u connections open: closing a new one", g_hash_table_size (self->open));
      g_socket_shutdown (socket, TRUE, TRUE, NULL);
      return;
    }

  if (!g_hash_table_contains (self->trusted_proxies, address) &&
      count_open_from (self, address) >= MAX_PER_ADDRESS)
    {
      g_debug ("%u connections open from %s: closing a new one", MAX_PER_ADDRESS, address);
      g_socket_shutdown (socket, TRUE, TRUE, NULL);
      return;
    }

  watched = g_new0 (Watched, 1);
  watched->guard = self;
  watched->socket = socket;
  g_object_weak_ref (G_OBJECT (socket), socket_finalized_cb, watched);
  watched->address = g_strdup (address);
  g_hash_table_insert (self->open, socket, watched);
  g_socket_set_timeout (socket, self->request_seconds);
  set_deadline (watched, self->request_seconds);
}

/* The request came whole: what happens next is the handler's business. */
static void
request_read_cb (SoupServer        *server,
                 SoupServerMessage *message,
                 gpointer           user_data)
{
  CfConnectionGuard *self = user_data;
  GSocket *socket = soup_server_message_get_socket (message);
  Watched *watched = socket ? g_hash_table_lookup (self->open, socket) : NULL;

  if (watched != NULL)
    g_clear_handle_id (&watched->deadline_id, g_source_remove);
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
  g_clear_pointer (&self->trusted_proxies, g_hash_table_unref);
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
  self->open = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) watched_free);
  self->max_open = connection_budget (MAX_OPEN);
  self->request_seconds = REQUEST_SECONDS;
}

/* Room for @listeners live connections besides the usual requests, as far
 * as descriptors allow. */
void
cf_connection_guard_add_listeners (CfConnectionGuard *self,
                                   guint              listeners)
{
  self->max_open = connection_budget (MAX_OPEN + listeners);
}

/* Watches the connections @server accepts on @listening; those of the
 * reverse proxies in @trusted_proxies (a set of addresses, as text) have
 * no share per address. */
CfConnectionGuard *
cf_connection_guard_new (SoupServer *server,
                         GSocket    *listening,
                         GHashTable *trusted_proxies)
{
  CfConnectionGuard *self = g_object_new (CF_TYPE_CONNECTION_GUARD, NULL);

  self->server = g_object_ref (server);
  self->listening = g_object_ref (listening);
  self->trusted_proxies = g_hash_table_ref (trusted_proxies);
  g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (server, "request-read", G_CALLBACK (request_read_cb), self);
  self->check_id = g_timeout_add (CHECK_MS, check_listening_cb, self);
  return self;
}

/* How long a connection's first request may take to arrive whole. */
void
cf_connection_guard_set_request_seconds (CfConnectionGuard *self,
                                         guint              seconds)
{
  g_return_if_fail (CF_IS_CONNECTION_GUARD (self));

  self->request_seconds = MAX (seconds, 1);
}
