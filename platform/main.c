/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crowdfund-platform"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "cf-campaign-clock.h"
#include "cf-pledge-simulator.h"
#include "cf-secrets.h"
#include "cf-seed.h"
#include "cf-server.h"

#define DEFAULT_PORT 8080

static char *database_path;
static char *seed_path;
static int port = DEFAULT_PORT;
static gboolean demo;
static double simulated_rate;
static gint64 simulated_count;
static int password_memory = CF_SECRETS_DEFAULT_MEMORY_KIB;
static int max_listeners = CF_LIVE_HUB_DEFAULT_MAX_CLIENTS;
static int request_seconds = 30;
static char **trusted_proxies;

static const GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
    "The SQLite database (created when missing)", "PATH" },
  { "port", 'p', 0, G_OPTION_ARG_INT, &port, "The port on 127.0.0.1, or 0 for any free one", "N" },
  { "seed", 's', 0, G_OPTION_ARG_FILENAME, &seed_path,
    "Import this seed file into a new database (docs/seed-format.md)", "FILE" },
  { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, "Import the demo data into a new database", NULL },
  { "simulate-pledges", 0, 0, G_OPTION_ARG_DOUBLE, &simulated_rate,
    "Pledge at random to live campaigns, RATE times a second", "RATE" },
  { "simulate-count", 0, 0, G_OPTION_ARG_INT64, &simulated_count,
    "Stop simulating after N pledges (0: never)", "N" },
  { "max-listeners", 0, 0, G_OPTION_ARG_INT, &max_listeners,
    "Live connections kept in all (default 1000; 64 an address whatever this is)", "N" },
  { "request-timeout", 0, 0, G_OPTION_ARG_INT, &request_seconds,
    "Seconds a connection's first request may take to arrive whole (default 30)", "SECONDS" },
  { "trusted-proxy", 0, 0, G_OPTION_ARG_STRING_ARRAY, &trusted_proxies,
    "A reverse proxy whose X-Forwarded-For is believed (repeat for several)", "ADDRESS" },
  { "password-memory", 0, 0, G_OPTION_ARG_INT, &password_memory,
    "Argon2id memory cost of new password hashes, in KiB (default 19456; lower only for tests)", "KIB" },
  { NULL }
};

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static char *
default_database_path (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_data_dir (), "crowdfund-platform", NULL);

  g_mkdir_with_parents (directory, 0700);
  return g_build_filename (directory, "platform.sqlite", NULL);
}

/* Seeds only a database that has no users yet: restarting on the same
 * database keeps what happened since. */
static gboolean
seed (CfDatabase  *database,
      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (cf_database_query_int (database, "SELECT COUNT(*) FROM users", 0) > 0)
    return TRUE;

  if (seed_path != NULL)
    {
      g_autoptr(GMappedFile) file = g_mapped_file_new (seed_path, FALSE, error);

      if (file == NULL)
        return FALSE;
      bytes = g_mapped_file_get_bytes (file);
    }
  else if (demo)
    bytes = g_resources_lookup_data ("/com/example/Crowdfund/Platform/demo.json",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  return bytes == NULL ? seed_path == NULL && !demo : cf_seed_import (database, bytes, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— the Crowdfund reference platform");
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(CfDatabase) database = NULL;
  g_autoptr(CfServer) server = NULL;
  g_autoptr(CfCampaignClock) clock = NULL;
  g_autoptr(CfPledgeSimulator) simulator = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || port < 0 || port > 65535 ||
      simulated_rate < 0 || simulated_count < 0 || password_memory < CF_SECRETS_MIN_MEMORY_KIB || max_listeners < 1 ||
      request_seconds < 1)
    {
      g_printerr ("crowdfund-platform: %s\n",
                  error ? error->message : "invalid --port, rate, count, password memory, listeners or request timeout");
      return 2;
    }

  if (database_path == NULL)
    database_path = default_database_path ();
  cf_secrets_set_password_memory (password_memory);

  database = cf_database_open (database_path, &error);
  if (database == NULL || !seed (database, &error))
    {
      g_printerr ("crowdfund-platform: %s\n", error->message);
      return 1;
    }

  server = cf_server_new (database);
  for (guint i = 0; trusted_proxies != NULL && trusted_proxies[i] != NULL; i++)
    if (!cf_server_trust_proxy (server, trusted_proxies[i], &error))
      {
        g_printerr ("crowdfund-platform: --trusted-proxy: %s\n", error->message);
        return 2;
      }
  if (!cf_server_listen (server, port, &error))
    {
      g_printerr ("crowdfund-platform: cannot listen on port %d: %s\n", port, error->message);
      return 1;
    }

  cf_server_set_max_listeners (server, max_listeners);
  cf_server_set_request_seconds (server, request_seconds);
  g_print ("listening on %s\n", cf_server_get_base_url (server));
  fflush (stdout);

  clock = cf_campaign_clock_new (database, cf_server_get_live_hub (server));
  if (simulated_rate > 0)
    simulator = cf_pledge_simulator_new (database, cf_server_get_live_hub (server), simulated_rate,
                                         simulated_count);

  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  g_free (database_path);
  g_strfreev (trusted_proxies);
  g_free (seed_path);
  return 0;
}
