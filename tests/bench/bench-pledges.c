/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cf-test-platform.h"

/* How many pledges the reference platform accepts per second from 1, 4, 16
 * and 64 clients at once on loopback, each on its kept-alive connection and
 * with an Idempotency-Key, as the app sends them. In each run, every client
 * pledges to each campaign in turn, always for the limited reward, about
 * REQUESTS requests in all; three in four clients get a place, the others
 * are told it sold out. Prints the figures and the WAL's size afterwards,
 * then checks that nothing was lost or oversold. */

#define MOST_CLIENTS 64
#define REQUESTS     4000

typedef struct
{
  CfTestPlatform *platform;
  GMainLoop *loop;
  guint clients;
  guint campaigns;
  char *bearer[MOST_CLIENTS];
  guint next_campaign[MOST_CLIENTS];
  guint running;
  guint accepted;
  guint sold_out;
  guint failed;
} Bench;

typedef struct
{
  Bench *bench;
  guint client;
} Request;

static guint
places (guint clients)
{
  return MAX (1, clients * 3 / 4);
}

static void send_next (Bench *bench, guint client);

static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Request *request = user_data;
  Bench *bench = request->bench;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);
  g_autoptr(JsonNode) node = cf_test_json_from_bytes (body);

  if (soup_message_get_status (message) == 201)
    bench->accepted++;
  else if (g_strcmp0 (cf_test_error_code (node), "reward_sold_out") == 0)
    bench->sold_out++;
  else
    bench->failed++;

  send_next (bench, request->client);
  g_free (request);
}

static void
send_next (Bench *bench,
           guint  client)
{
  guint campaign = ++bench->next_campaign[client];
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  g_autofree char *key = NULL;
  SoupMessage *message;
  Request *request;

  if (campaign > bench->campaigns)
    {
      if (--bench->running == 0)
        g_main_loop_quit (bench->loop);
      return;
    }

  url = g_strdup_printf ("%s/v1/campaigns/%u/pledges", bench->platform->url, campaign);
  body = g_strdup_printf ("{\"reward_id\": %u, \"amount\": {\"amount\": 1000, \"currency\": \"EUR\"}}",
                          campaign);
  message = soup_message_new ("POST", url);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                bench->bearer[client]);
  key = g_uuid_string_random ();
  soup_message_headers_replace (soup_message_get_request_headers (message), "Idempotency-Key", key);
  soup_message_add_flags (message, SOUP_MESSAGE_IDEMPOTENT);
  soup_message_set_request_body_from_bytes (message, "application/json",
                                            g_bytes_new_take (g_steal_pointer (&body), strlen (body)));
  request = g_new0 (Request, 1);
  request->bench = bench;
  request->client = client;
  soup_session_send_and_read_async (bench->platform->session, message, G_PRIORITY_DEFAULT, NULL,
                                    answered_cb, request);
  g_object_unref (message);
}

static void
measure (const char *directory,
         guint       clients)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Bench bench = { .loop = loop, .clients = clients, .campaigns = REQUESTS / clients, .running = clients };
  g_autofree char *seed = cf_test_write_bench_seed (directory, clients, bench.campaigns, places (clients));
  g_autoptr(CfTestPlatform) platform = cf_test_platform_start (seed, NULL);
  guint requests = clients * bench.campaigns;
  gint64 started, elapsed;
  double server_cpu, client_cpu;

  bench.platform = platform;
  for (guint i = 0; i < clients; i++)
    {
      g_autofree char *username = g_strdup_printf ("user%u", i);

      bench.bearer[i] = cf_test_platform_bearer (platform, username, "pw");
    }

  server_cpu = cf_test_process_cpu_seconds (g_subprocess_get_identifier (platform->process));
  client_cpu = cf_test_process_cpu_seconds ("self");
  started = g_get_monotonic_time ();
  for (guint i = 0; i < clients; i++)
    send_next (&bench, i);
  g_main_loop_run (loop);
  elapsed = g_get_monotonic_time () - started;
  server_cpu = cf_test_process_cpu_seconds (g_subprocess_get_identifier (platform->process)) - server_cpu;
  client_cpu = cf_test_process_cpu_seconds ("self") - client_cpu;

  g_print ("\n%u clients: %u requests in %.3f s\n", clients, requests, elapsed / 1e6);
  g_print ("accepted: %u (%.0f pledges/s)\n", bench.accepted, bench.accepted / (elapsed / 1e6));
  g_print ("refused as sold out: %u; failed: %u; all answers: %.0f/s\n",
           bench.sold_out, bench.failed, requests / (elapsed / 1e6));
  g_print ("CPU: platform %.3f s (%.0f µs an answer), clients %.3f s, on %ld cores\n",
           server_cpu, server_cpu * 1e6 / requests, client_cpu, sysconf (_SC_NPROCESSORS_ONLN));
  g_print ("platform-bound rate: %.0f pledges/s\n", bench.accepted / server_cpu);
  g_print ("WAL afterwards: %" G_GINT64_FORMAT " bytes\n", cf_test_platform_wal_size (platform));

  g_assert_cmpuint (bench.failed, ==, 0);
  g_assert_cmpuint (bench.accepted, ==, bench.campaigns * MIN (clients, places (clients)));
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT COUNT(*) FROM pledges"), ==, bench.accepted);
  g_assert_cmpint (cf_test_platform_query (platform,
    "SELECT COUNT(*) FROM rewards WHERE backers_count > reward_limit"), ==, 0);

  for (guint i = 0; i < clients; i++)
    g_free (bench.bearer[i]);
  g_unlink (seed);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = NULL;

  g_test_init (&argc, &argv, NULL);
  directory = g_dir_make_tmp ("crowdfund-bench-XXXXXX", NULL);
  for (guint clients = 1; clients <= MOST_CLIENTS; clients *= 4)
    measure (directory, clients);
  g_rmdir (directory);
  return 0;
}
