/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <stdio.h>

#include "cf-fake-opencollective.h"

/* The fake Open Collective of the tests as a program of its own, for the
 * end-to-end tests that drive the app from outside: it prints
 * “listening on URL” (the GraphQL address) and answers until SIGTERM. */

static gboolean
stop_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(CfFakeOpenCollective) fake = NULL;

  g_test_init (&argc, &argv, NULL);
  fake = cf_fake_opencollective_new ();
  printf ("listening on %s\n", cf_fake_opencollective_get_api_url (fake));
  fflush (stdout);
  g_unix_signal_add (SIGTERM, stop_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
