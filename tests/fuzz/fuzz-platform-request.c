/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cf-secrets.h"
#include "cf-seed.h"
#include "cf-server.h"
#include "fuzz-target.h"

/* Raw bytes sent to the reference platform over loopback, as one client's
 * whole connection: request line, headers and body, well formed or not.
 * The platform runs in this process on a seeded database. */

#define ANSWER_WAIT_US (G_USEC_PER_SEC / 2)

static CfServer *server;
static GSocketAddress *address;

/* Covers are drawn with cairo's text, which loads fontconfig's
 * configuration once for the process: it is given back at exit, so that
 * the leak checker sees only what requests leave behind. */
static void
release_fonts (void)
{
  cairo_debug_reset_static_data ();
  FcFini ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *directory = g_dir_make_tmp ("crowdfund-fuzz-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "platform.sqlite", NULL);
  g_autofree char *seed = NULL;
  gsize length;
  g_autoptr(CfDatabase) database = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);

  atexit (release_fonts);
  g_assert_true (g_file_get_contents (CF_FUZZ_SEED, &seed, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&seed), length);
  cf_secrets_set_password_memory (64);
  database = cf_database_open (path, NULL);
  g_assert_nonnull (database);
  g_assert_true (cf_seed_import (database, bytes, NULL));
  server = cf_server_new (database);
  g_assert_true (cf_server_listen (server, 0, NULL));
  uri = g_uri_parse (cf_server_get_base_url (server), G_URI_FLAGS_NONE, NULL);
  address = g_inet_socket_address_new (loopback, g_uri_get_port (uri));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GSocket) client = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  gint64 deadline = g_get_monotonic_time () + ANSWER_WAIT_US;
  char answer[4096];

  g_assert_true (g_socket_connect (client, address, NULL, NULL));
  g_socket_set_blocking (client, FALSE);
  for (gsize sent = 0; sent < size && g_get_monotonic_time () < deadline;)
    {
      gssize written = g_socket_send (client, (const char *) data + sent, size - sent, NULL, NULL);

      if (written > 0)
        sent += written;
      g_main_context_iteration (NULL, FALSE);
    }
  g_socket_shutdown (client, FALSE, TRUE, NULL);

  /* Until the platform has answered and closed, or gives up waiting. */
  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GError) error = NULL;
      gssize got = g_socket_receive (client, answer, sizeof answer, NULL, &error);

      if (got == 0 || (got < 0 && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)))
        break;
      /* The client's socket is not in the main context: poll it now and then. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (200);
    }
  return 0;
}
