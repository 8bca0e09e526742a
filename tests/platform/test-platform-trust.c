/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/resource.h>

#include "cf-test-platform.h"

/* The reference platform as a careless operator and an attacker would try
 * it: broken seeds, outside writes, huge amounts, reused keys, odd ids. */

static CfTestPlatform *platform;

#define LIVE "status IN ('pledged', 'collected', 'errored')"
#define CF_TEST_MAX_AMOUNT G_GINT64_CONSTANT (1000000000000)

static JsonNode *
send_pledge (const char *path,
             const char *token,
             const char *key,
             const char *body,
             guint      *status)
{
  g_autofree char *url = g_strconcat (platform->url, path, NULL);
  g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) response = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
  if (key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Idempotency-Key", key);
  soup_message_set_request_body_from_bytes (message, "application/json",
                                            g_bytes_new_static (body, strlen (body)));
  response = soup_session_send_and_read (platform->session, message, NULL, NULL);
  *status = soup_message_get_status (message);
  return cf_test_json_from_bytes (response);
}

/* The status of a call whose answer does not matter. */
static guint
call_status (const char *method,
             const char *path,
             const char *token,
             const char *body)
{
  guint status;
  g_autoptr(JsonNode) node = cf_test_platform_call (platform, method, path, token, body, &status);

  return status;
}

/* Runs the platform on @seed and expects it to refuse to start, naming
 * @record, with nothing imported. */
static void
expect_seed_refused (const char *directory,
                     const char *name,
                     const char *seed,
                     const char *record)
{
  g_autofree char *seed_path = g_build_filename (directory, name, NULL);
  g_autofree char *database = g_strconcat (seed_path, ".sqlite", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *statement = NULL;

  g_file_set_contents (seed_path, seed, -1, &error);
  g_assert_no_error (error);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              g_getenv ("CROWDFUND_PLATFORM"), "--port", "0", "--database", database,
                              "--seed", seed_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);

  g_test_message ("%s: %s", name, err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, record));

  g_assert_cmpint (sqlite3_open_v2 (database, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM campaigns)",
                                       -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (statement, 0), ==, 0);
  sqlite3_finalize (statement);
  sqlite3_close (handle);
}

static char *
seed_with (const char *campaign_member)
{
  return g_strdup_printf (
    "{\"users\": [{\"username\": \"maker\", \"name\": \"Maker\"}],"
    " \"categories\": [{\"slug\": \"games\", \"name\": \"Games\"}],"
    " \"campaigns\": [{\"slug\": \"good\", \"title\": \"Good\", \"blurb\": \"b\", \"description\": \"d\","
    "   \"owner\": \"maker\", \"category\": \"games\", \"state\": \"live\","
    "   \"goal\": {\"amount\": 100, \"currency\": \"EUR\"}, \"launched_at\": \"now-1d\", \"deadline\": \"now+9d\"},"
    "  {\"slug\": \"bad\", \"title\": \"Bad\", \"blurb\": \"b\", \"description\": \"d\","
    "   \"owner\": \"maker\", \"category\": \"games\", \"state\": \"live\","
    "   \"goal\": {\"amount\": 100, \"currency\": \"EUR\"}, \"launched_at\": \"now-1d\", \"deadline\": \"now+9d\","
    "   %s}]}", campaign_member);
}

static void
test_broken_seeds (void)
{
  g_autofree char *directory = g_dir_make_tmp ("crowdfund-seeds-XXXXXX", NULL);
  g_autofree char *bad_reward = seed_with ("\"rewards\": [{\"title\": \"T\", \"description\": \"D\","
                                           " \"minimum\": {\"amount\": \"ten\", \"currency\": \"EUR\"}}]");
  g_autofree char *bad_update = seed_with ("\"updates\": [{\"title\": \"T\", \"body\": 7, \"published_at\": \"now\"}]");
  g_autofree char *far_deadline = seed_with ("\"rewards\": [], \"deadline\": \"now+999999999999999d\"");
  g_autofree char *past_9999 = seed_with ("\"rewards\": [], \"deadline\": \"10000-01-01T00:00:00Z\"");
  g_autofree char *script_image = seed_with ("\"rewards\": [], \"image_url\": \"javascript:alert(1)\"");
  g_autofree char *many_backers = seed_with ("\"rewards\": [], \"backers_count\": 1000000000000,"
                                             " \"pledged\": {\"amount\": 100, \"currency\": \"EUR\"}");
  g_autofree char *million_backers = g_strdup_printf ("{\"generate_pledges\": true,%s", many_backers + 1);
  g_autofree char *huge_goal = seed_with ("\"rewards\": [{\"title\": \"T\", \"description\": \"D\","
                                          " \"minimum\": {\"amount\": 9223372036854775807, \"currency\": \"EUR\"}}]");

  expect_seed_refused (directory, "empty.json", "", "must hold a JSON object");
  expect_seed_refused (directory, "millions.json", million_backers, "“generate_pledges” asks for more than a million");
  expect_seed_refused (directory, "truncated.json", "{\"users\": [{\"username\": \"a", "not JSON");
  expect_seed_refused (directory, "wrong-type.json", "{\"users\": {\"username\": 3}}", "“users” must be a list");
  expect_seed_refused (directory, "user.json", "{\"users\": [{\"username\": 3, \"name\": \"x\"}]}", "users[0]");
  expect_seed_refused (directory, "not-objects.json", "{\"users\": [1, 2]}", "must hold objects");
  expect_seed_refused (directory, "bad-reward.json", bad_reward, "campaigns[1].rewards[0]");
  expect_seed_refused (directory, "bad-update.json", bad_update, "campaigns[1].updates[0]");
  expect_seed_refused (directory, "far-deadline.json", far_deadline, "campaigns[1]: “deadline”");
  expect_seed_refused (directory, "past-9999.json", past_9999, "campaigns[1]: “deadline”");
  expect_seed_refused (directory, "huge-goal.json", huge_goal, "campaigns[1].rewards[0]: “minimum”");
  expect_seed_refused (directory, "script-image.json", script_image, "campaigns[1]: “image_url”");
}

/* A seed that starts in 1970 and asks for a generated funding curve must
 * not draw it hour by hour for fifty years. */
static void
test_old_seed_draws_a_short_curve (void)
{
  g_autofree char *directory = g_dir_make_tmp ("crowdfund-seeds-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "old.json", NULL);
  g_autoptr(CfTestPlatform) old = NULL;
  gint64 started = g_get_monotonic_time ();

  g_file_set_contents (path,
    "{\"generate_funding\": true, \"users\": [{\"username\": \"maker\", \"name\": \"Maker\"}],"
    " \"categories\": [{\"slug\": \"games\", \"name\": \"Games\"}],"
    " \"campaigns\": [{\"slug\": \"old\", \"title\": \"Old\", \"blurb\": \"b\", \"description\": \"d\","
    "   \"owner\": \"maker\", \"category\": \"games\", \"state\": \"live\","
    "   \"goal\": {\"amount\": 100, \"currency\": \"EUR\"}, \"pledged\": {\"amount\": 50, \"currency\": \"EUR\"},"
    "   \"launched_at\": \"1970-01-01T00:00:00Z\", \"deadline\": \"9999-12-31T00:00:00Z\"}]}", -1, NULL);
  old = cf_test_platform_start (path, NULL);

  g_test_message ("started in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - started) / 1000);
  g_assert_cmpint (cf_test_platform_query (old, "SELECT COUNT(*) FROM funding"), <=, 2002);
  g_assert_cmpint (cf_test_platform_query (old, "SELECT deadline FROM campaigns"), ==, G_GINT64_CONSTANT (253402214400));
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
outside_write (CfTestPlatform *on,
               const char     *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (on->database, &handle), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* A seed far larger than the WAL's limit: once the platform answers, its
 * WAL no longer holds the seed's transaction. */
static void
test_large_seed_leaves_small_wal (void)
{
  g_autofree char *directory = g_dir_make_tmp ("crowdfund-seeds-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "large.json", NULL);
  g_autofree char *description = g_strnfill (4000, 'x');
  g_autoptr(GString) seed = g_string_new ("{\"users\": [{\"username\": \"maker\", \"name\": \"Maker\"}],"
                                          " \"categories\": [{\"slug\": \"games\", \"name\": \"Games\"}],"
                                          " \"campaigns\": [");
  g_autoptr(CfTestPlatform) large = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (seed,
      "%s{\"slug\": \"c%u\", \"title\": \"Campaign %u\", \"blurb\": \"b\", \"description\": \"%s\","
      " \"owner\": \"maker\", \"category\": \"games\", \"state\": \"live\","
      " \"goal\": {\"amount\": 100, \"currency\": \"EUR\"}, \"launched_at\": \"now-1d\", \"deadline\": \"now+9d\"}",
      i > 0 ? ", " : "", i, i, description);
  g_string_append (seed, "]}");
  g_assert_true (g_file_set_contents (path, seed->str, seed->len, NULL));
  large = cf_test_platform_start (path, NULL);

  g_assert_cmpint (cf_test_platform_query (large, "SELECT COUNT(*) FROM campaigns"), ==, 3000);
  g_test_message ("WAL after a %" G_GSIZE_FORMAT "-byte seed: %" G_GINT64_FORMAT " bytes",
                  seed->len, cf_test_platform_wal_size (large));
  g_assert_cmpint (cf_test_platform_wal_size (large), <=, 4 * 1024 * 1024);
  g_unlink (path);
  g_rmdir (directory);
}

/* Every statement is reset once used: the WAL is checkpointed while pledges
 * pour in, and a write made by another process is seen at once. */
static void
test_wal_and_outside_writes (void)
{
  g_autoptr(CfTestPlatform) busy = cf_test_platform_start ("seed.json", "--simulate-pledges=400");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(JsonNode) campaign = NULL;
  g_autoptr(JsonNode) me = NULL;
  g_autofree char *token = NULL;
  gint64 largest = 0;
  guint status;

  /* Read while pledges pour in, until 2000 have (some 5 s when the machine
   * is quiet, longer when it is not). */
  while (cf_test_platform_query (busy, "SELECT COUNT(*) FROM pledges") <= 2000)
    {
      g_autoptr(JsonNode) page = cf_test_platform_call (busy, "GET", "/v1/campaigns?sort=popular", NULL, NULL, &status);

      g_assert_cmpuint (status, ==, 200);
      g_timeout_add (250, quit_cb, loop);
      g_main_loop_run (loop);
      largest = MAX (largest, cf_test_platform_wal_size (busy));
    }
  g_test_message ("largest WAL while 2000 pledges were made: %" G_GINT64_FORMAT " bytes", largest);
  g_assert_cmpint (largest, <, 16 * 1024 * 1024);

  outside_write (busy, "UPDATE campaigns SET title = 'Renamed from outside' WHERE id = 1");
  campaign = cf_test_platform_call (busy, "GET", "/v1/campaigns/1", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (campaign), "title"), ==,
                   "Renamed from outside");

  token = cf_test_platform_sign_in (busy, "backer", "backer-pw");
  me = cf_test_platform_call (busy, "GET", "/v1/me", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
}

/* A write that fails is a 500 with nothing changed, never a success. */
static void
test_failed_write_is_an_error (void)
{
  g_autoptr(CfTestPlatform) broken = cf_test_platform_start ("seed.json", NULL);
  g_autoptr(JsonNode) refused = NULL;
  guint status;

  outside_write (broken, "CREATE TRIGGER no_tokens BEFORE INSERT ON tokens BEGIN SELECT RAISE (FAIL, 'disk full'); END");
  refused = cf_test_platform_call (broken, "POST", "/v1/auth/token", NULL,
                                   "{\"grant_type\": \"password\", \"username\": \"backer\", \"password\": \"backer-pw\"}",
                                   &status);
  g_assert_cmpuint (status, ==, 500);
  g_assert_cmpstr (cf_test_error_code (refused), ==, "internal");
  g_assert_cmpint (cf_test_platform_query (broken, "SELECT COUNT(*) FROM tokens"), ==, 0);
}

static gint64
unexplained_total (gint64 campaign_id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT pledged - (SELECT COALESCE (SUM (amount), 0) FROM pledges WHERE campaign_id = %1$" G_GINT64_FORMAT
    " AND " LIVE ") FROM campaigns WHERE id = %1$" G_GINT64_FORMAT, campaign_id);

  return cf_test_platform_query (platform, sql);
}

/* Any run of pledges, changes and cancellations leaves the campaign's total
 * equal to the sum of its live pledges (plus what the seed put there), and
 * no amount past the bound gets in. */
static void
test_money_bounds_and_totals (void)
{
  gint64 seeded = unexplained_total (6);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autofree char *fan = cf_test_platform_sign_in (platform, "fan01", "fan-pw");
  g_autoptr(JsonNode) largest = NULL;
  g_autoptr(JsonNode) past_bound = NULL;
  guint status;

  largest = send_pledge ("/v1/campaigns/6/pledges", fan, NULL,
                         "{\"amount\": {\"amount\": 9223372036854775807, \"currency\": \"EUR\"}}", &status);
  g_assert_cmpuint (status, ==, 422);
  past_bound = send_pledge ("/v1/campaigns/6/pledges", fan, NULL,
                            "{\"amount\": {\"amount\": 1000000000001, \"currency\": \"EUR\"}}", &status);
  g_assert_cmpuint (status, ==, 422);

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *username = g_strdup_printf ("fan%02d", g_rand_int_range (rand, 1, 21));
      g_autofree char *token = cf_test_platform_sign_in (platform, username, "fan-pw");
      g_autofree char *amount = g_strdup_printf ("{\"amount\": {\"amount\": %" G_GINT64_FORMAT ", \"currency\": \"EUR\"}}",
                                                 g_rand_boolean (rand) ? g_rand_int_range (rand, 100, 100000)
                                                                       : CF_TEST_MAX_AMOUNT);
      g_autoptr(JsonNode) mine = cf_test_platform_call (platform, "GET", "/v1/me/pledges", token, NULL, &status);
      JsonArray *items = json_object_get_array_member (json_node_get_object (mine), "items");
      gint64 live_id = 0;

      for (guint j = 0; j < json_array_get_length (items); j++)
        {
          JsonObject *pledge = json_array_get_object_element (items, j);
          const char *state = json_object_get_string_member (pledge, "status");

          if (json_object_get_int_member (json_object_get_object_member (pledge, "campaign"), "id") == 6 &&
              (g_str_equal (state, "pledged") || g_str_equal (state, "collected")))
            live_id = json_object_get_int_member (pledge, "id");
        }

      if (live_id == 0)
        {
          g_autoptr(JsonNode) created = send_pledge ("/v1/campaigns/6/pledges", token, NULL, amount, &status);
        }
      else
        {
          g_autofree char *path = g_strdup_printf ("/v1/pledges/%" G_GINT64_FORMAT, live_id);

          status = call_status (g_rand_boolean (rand) ? "PATCH" : "DELETE", path, token, amount);
        }
      g_assert_cmpuint (status, <, 500);
      g_assert_cmpint (unexplained_total (6), ==, seeded);
    }

  g_assert_cmpint (cf_test_platform_query (platform,
    "SELECT COUNT(*) FROM campaigns WHERE typeof (pledged) != 'integer'"), ==, 0);
}

/* The same key with another request is refused (IETF Idempotency-Key
 * draft); the same request again gives back the same pledge. */
static void
test_idempotency_key_reuse (void)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "fan40", "fan-pw");
  const char *key = "3f2a1c4e-8b7d-4e6f-9a1b-2c3d4e5f6a7b";
  g_autoptr(JsonNode) first = send_pledge ("/v1/campaigns/2/pledges", token, key,
    "{\"reward_id\": 3, \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}}", &(guint) { 0 });
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(JsonNode) again = NULL;
  guint status;

  other = send_pledge ("/v1/campaigns/2/pledges", token, key,
                       "{\"reward_id\": 3, \"amount\": {\"amount\": 500, \"currency\": \"EUR\"}}", &status);
  g_assert_cmpuint (status, ==, 422);
  g_assert_cmpstr (cf_test_error_code (other), ==, "idempotency_key_reused");

  again = send_pledge ("/v1/campaigns/2/pledges", token, key,
                       "{\"reward_id\": 3, \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (again), "id"), ==,
                   json_object_get_int_member (json_node_get_object (first), "id"));
  g_assert_cmpint (cf_test_platform_query (platform,
    "SELECT amount FROM pledges p JOIN users u ON u.id = p.backer_id WHERE u.username = 'fan40'"), ==, 100);
}

static void
test_ids_and_slugs (void)
{
  g_assert_cmpuint (call_status ("GET", "/v1/campaigns/2-player-chess", NULL, NULL), ==, 404);
  g_assert_cmpuint (call_status ("GET", "/v1/campaigns/2", NULL, NULL), ==, 200);
  g_assert_cmpuint (call_status ("GET", "/v1/campaigns/ten-left", NULL, NULL), ==, 200);
  g_assert_cmpuint (call_status ("GET", "/v1/campaigns/2x/rewards", NULL, NULL), ==, 404);
}

static GSocketConnection *
connect_raw (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection = g_socket_client_connect_to_uri (client, platform->url, 80, NULL, &error);

  g_assert_no_error (error);
  return connection;
}

static char *
read_answer (GSocketConnection *connection)
{
  char answer[4096] = { 0 };

  g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), answer,
                       sizeof answer - 1, NULL, NULL);
  return g_strdup (answer);
}

static gint64
platform_peak_kb (CfTestPlatform *on)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (on->process));
  g_autofree char *status = NULL;
  const char *peak;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  peak = strstr (status, "VmHWM:");
  g_assert_nonnull (peak);
  return g_ascii_strtoll (peak + strlen ("VmHWM:"), NULL, 10);
}

/* A body announced too large is refused unread on every path; one sent in
 * chunks is cut off past the limit; neither takes the platform's memory. */
static void
test_body_limits (void)
{
  g_autoptr(GSocketConnection) announced = connect_raw ();
  g_autoptr(GSocketConnection) chunked = connect_raw ();
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (chunked));
  const char *image_request = "GET /images/campaign-1.png HTTP/1.1\r\nHost: localhost\r\n"
                              "Content-Length: 104857600\r\n\r\n";
  const char *pledge_request = "POST /v1/campaigns/1/pledges HTTP/1.1\r\nHost: localhost\r\n"
                               "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  g_autofree char *chunk_header = g_strdup_printf ("%x\r\n", 65536);
  g_autofree char *chunk = g_malloc0 (65536);
  g_autofree char *answer = NULL;
  gsize sent = 0;
  gint64 peak_before = platform_peak_kb (platform);

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (announced)), image_request,
                             strlen (image_request), NULL, NULL, NULL);
  answer = read_answer (announced);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 413"));

  memset (chunk, ' ', 65536);
  g_assert_true (g_output_stream_write_all (output, pledge_request, strlen (pledge_request), NULL, NULL, NULL));
  while (sent < 100 * 1024 * 1024 &&
         g_output_stream_write_all (output, chunk_header, strlen (chunk_header), NULL, NULL, NULL) &&
         g_output_stream_write_all (output, chunk, 65536, NULL, NULL, NULL) &&
         g_output_stream_write_all (output, "\r\n", 2, NULL, NULL, NULL))
    sent += 65536;

  g_test_message ("the platform stopped reading after %" G_GSIZE_FORMAT " bytes; peak %" G_GINT64_FORMAT
                  " kB before, %" G_GINT64_FORMAT " kB after", sent, peak_before, platform_peak_kb (platform));
  g_assert_cmpuint (sent, <, 32 * 1024 * 1024);
  g_assert_cmpint (platform_peak_kb (platform) - peak_before, <, 16 * 1024);
  g_assert_cmpuint (call_status ("GET", "/v1/campaigns/1", NULL, NULL), ==, 200);
}

/* Nesting that would overflow json-glib's stack is refused before parsing. */
static void
test_deep_nesting (void)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "fan30", "fan-pw");
  GString *deep = g_string_new ("{\"amount\": ");
  g_autofree char *body = NULL;
  guint status;

  for (guint i = 0; i < 30000; i++)
    g_string_append_c (deep, '[');
  body = g_string_free (deep, FALSE);
  g_assert_cmpuint (call_status ("POST", "/v1/campaigns/1/pledges", token, body), ==, 400);
  json_node_unref (cf_test_platform_call (platform, "GET", "/v1/campaigns/1", NULL, NULL, &status));
  g_assert_cmpuint (status, ==, 200);
}

static JsonNode *
sign_in_as (const char *username,
            const char *password,
            guint      *status,
            char      **retry_after)
{
  g_autofree char *url = g_strconcat (platform->url, "/v1/auth/token", NULL);
  g_autofree char *body = g_strdup_printf ("{\"grant_type\": \"password\", \"username\": \"%s\","
                                           " \"password\": \"%s\"}", username, password);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) response = NULL;

  soup_message_set_request_body_from_bytes (message, "application/json", g_bytes_new (body, strlen (body)));
  response = soup_session_send_and_read (platform->session, message, NULL, NULL);
  *status = soup_message_get_status (message);
  if (retry_after != NULL)
    *retry_after = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                           "Retry-After"));
  return cf_test_json_from_bytes (response);
}

static void
wait_seconds (guint seconds)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add_seconds (seconds, quit_cb, loop);
  g_main_loop_run (loop);
}

/* Guessing is slowed per username, with 429 and Retry-After; the real user
 * gets in once the short wait is over, and others are not held up. */
static void
test_sign_in_throttle (void)
{
  g_autofree char *retry_after = NULL;
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) right = NULL;
  g_autofree char *other = NULL;
  guint status, throttled = 0;

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(JsonNode) wrong = sign_in_as ("fan45", "guess", &status, NULL);

      throttled += status == 429;
    }
  g_assert_cmpuint (throttled, >=, 1);

  refused = sign_in_as ("fan45", "fan-pw", &status, &retry_after);
  g_assert_cmpuint (status, ==, 429);
  g_assert_cmpstr (cf_test_error_code (refused), ==, "too_many_attempts");
  g_assert_nonnull (retry_after);
  g_assert_cmpint (g_ascii_strtoll (retry_after, NULL, 10), >=, 1);
  g_assert_cmpint (g_ascii_strtoll (retry_after, NULL, 10), <=, 30);

  other = cf_test_platform_sign_in (platform, "fan46", "fan-pw");
  g_assert_nonnull (other);

  wait_seconds (g_ascii_strtoll (retry_after, NULL, 10) + 1);
  right = sign_in_as ("fan45", "fan-pw", &status, NULL);
  g_assert_cmpuint (status, ==, 200);
}

static char *
stored_hash (CfTestPlatform *on,
             const char     *username)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *statement = NULL;
  char *hash;

  g_assert_cmpint (sqlite3_open_v2 (on->database, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT password_hash FROM users WHERE username = ?", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, username, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  hash = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  sqlite3_close (handle);
  return hash;
}

/* Runs the platform with @argv on @database, and points @view at it. */
static GSubprocess *
spawn_platform (const char * const *argv,
                CfTestPlatform     *view,
                char              **line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  GSubprocess *process = cf_test_spawn_ending_with_test (argv);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  *line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (*line, "listening on "));
  view->url = *line + strlen ("listening on ");
  return process;
}

static void
stop_platform (GSubprocess *process)
{
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
}

static void
store_hash (CfTestPlatform *on,
            const char     *username,
            const char     *hash)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_open (on->database, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "UPDATE users SET password_hash = ? WHERE username = ?", -1,
                                       &statement, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (statement, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, username, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  sqlite3_finalize (statement);
  sqlite3_close (handle);
}

/* Passwords are hashed with Argon2id; a hash of the earlier PBKDF2 format
 * (here "backer-pw" at 1 000 rounds, made with Python's hashlib) still
 * signs in, a wrong password does not, and the right one is hashed again
 * at today's cost (here 128 KiB over the suites' 64). */
static void
test_password_rehash (void)
{
  g_autoptr(CfTestPlatform) cheap = cf_test_platform_start ("seed.json", NULL);
  g_autofree char *before = stored_hash (cheap, "backer");
  g_autoptr(GSubprocess) dearer = NULL;
  g_autofree char *line = NULL;
  g_autofree char *after = NULL;
  g_autofree char *still_legacy = NULL;
  CfTestPlatform view = { 0 };
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) wrong = NULL;
  guint status;
  const char *legacy = "pbkdf2-sha256$1000$Y3Jvd2RmdW5kLWxlZ2FjeQ==$MkqHo62pbuoTJk8rlZ8WWZSsAqrhevXDsJnPy+AX6gc=";

  g_assert_true (g_str_has_prefix (before, "$argon2id$v=19$m=64,t=2,p=1$"));
  cf_test_platform_stop (cheap);
  store_hash (cheap, "backer", legacy);
  view = *cheap;
  dearer = spawn_platform ((const char *[]) { g_getenv ("CROWDFUND_PLATFORM"), "--port", "0",
                                              "--database", cheap->database,
                                              "--password-memory=128", NULL }, &view, &line);
  wrong = cf_test_platform_call (&view, "POST", "/v1/auth/token", NULL,
                                 "{\"grant_type\": \"password\", \"username\": \"backer\","
                                 " \"password\": \"not-the-password\"}", &status);
  g_assert_cmpuint (status, ==, 400);
  still_legacy = stored_hash (cheap, "backer");
  g_assert_cmpstr (still_legacy, ==, legacy);

  token = cf_test_platform_sign_in (&view, "backer", "backer-pw");
  g_assert_nonnull (token);
  after = stored_hash (cheap, "backer");
  g_assert_true (g_str_has_prefix (after, "$argon2id$v=19$m=128,t=2,p=1$"));
  g_free (cf_test_platform_sign_in (&view, "backer", "backer-pw"));
  stop_platform (dearer);
}

/* With file descriptors limited, 300 idle connections neither stop the
 * platform accepting nor keep it from answering once they are gone. */
static void
test_out_of_descriptors (void)
{
  g_autoptr(CfTestPlatform) limited = cf_test_platform_start ("seed.json", NULL);
  g_autoptr(GSocketClient) connector = g_socket_client_new ();
  g_autoptr(GPtrArray) idle = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonNode) campaign = NULL;
  g_autofree char *line = NULL;
  CfTestPlatform view = { 0 };
  gint64 started;
  guint status;

  cf_test_platform_stop (limited);
  view = *limited;
  process = spawn_platform ((const char *[]) { "prlimit", "--nofile=256", g_getenv ("CROWDFUND_PLATFORM"),
                                               "--port", "0", "--database", limited->database,
                                               "--password-memory=64", NULL }, &view, &line);
  g_socket_client_set_timeout (connector, 5);
  for (guint i = 0; i < 300; i++)
    {
      GSocketConnection *connection = g_socket_client_connect_to_uri (connector, view.url, 80, NULL, NULL);

      if (connection != NULL)
        g_ptr_array_add (idle, connection);
    }
  g_test_message ("%u idle connections opened", idle->len);
  g_assert_cmpuint (idle->len, >, 256);
  wait_seconds (1);
  g_ptr_array_set_size (idle, 0);

  started = g_get_monotonic_time ();
  campaign = cf_test_platform_call (&view, "GET", "/v1/campaigns/1", NULL, NULL, &status);
  g_test_message ("answered in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - started) / 1000);
  g_assert_cmpuint (status, ==, 200);
  stop_platform (process);
}

typedef struct
{
  GMainLoop *loop;
  guint pending;
  guint connected;
  guint refused;
  GPtrArray *connections;
} LiveAttempts;

static void
live_connected_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LiveAttempts *attempts = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);

  if (connection != NULL)
    {
      attempts->connected++;
      g_ptr_array_add (attempts->connections, connection);
    }
  else
    attempts->refused++;

  if (--attempts->pending == 0)
    g_main_loop_quit (attempts->loop);
}

static void
open_live_with (LiveAttempts *attempts,
                SoupSession  *session,
                const char   *base_url,
                guint         count,
                const char   *token)
{
  g_autofree char *url = g_strconcat (base_url, "/v1/live", NULL);
  char *protocols[] = { (char *) "crowdfund.v1", NULL };

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("GET", url);

      if (token != NULL)
        {
          g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);

          soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
        }
      attempts->pending++;
      soup_session_websocket_connect_async (session, message, NULL, protocols, G_PRIORITY_DEFAULT,
                                            NULL, live_connected_cb, attempts);
    }
  g_main_loop_run (attempts->loop);
}

static void
open_live (LiveAttempts *attempts,
           guint         count,
           const char   *token)
{
  open_live_with (attempts, platform->session, platform->url, count, token);
}

/* A session whose connections come from @address, one of loopback's. */
static SoupSession *
session_from (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) local = g_inet_socket_address_new (inet, 0);

  return soup_session_new_with_options ("local-address", local, "max-conns", 128, "max-conns-per-host", 128, NULL);
}

/* A bad token is refused, not taken for an anonymous listener, and one
 * address cannot hold more than its share of live connections. */
static void
test_live_limits (void)
{
  LiveAttempts attempts = { g_main_loop_new (NULL, FALSE), 0, 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };

  open_live (&attempts, 1, "not-a-token");
  g_assert_cmpuint (attempts.refused, ==, 1);

  attempts.refused = 0;
  open_live (&attempts, 80, NULL);
  g_test_message ("%u live connections accepted, %u refused", attempts.connected, attempts.refused);
  g_assert_cmpuint (attempts.connected, ==, 64);
  g_assert_cmpuint (attempts.refused, ==, 16);

  g_ptr_array_unref (attempts.connections);
  g_main_loop_unref (attempts.loop);
}

/* Listeners do not take the places of requests: with the platform's
 * defaults, a thousand people listening (from sixteen addresses, as many as
 * each may) still get answers to what they ask. */
static void
test_listeners_leave_room (void)
{
  LiveAttempts attempts = { g_main_loop_new (NULL, FALSE), 0, 0, 0, g_ptr_array_new_with_free_func (g_object_unref) };
  g_autoptr(CfTestPlatform) on = NULL;
  g_autoptr(SoupSession) asking = session_from ("127.0.3.1");
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *url = NULL;
  struct rlimit limit;

  /* The platform inherits the descriptors it may open: as many as allowed. */
  g_assert_cmpint (getrlimit (RLIMIT_NOFILE, &limit), ==, 0);
  limit.rlim_cur = limit.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_NOFILE, &limit), ==, 0);
  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < 2500)
    {
      g_test_skip ("fewer than 2 500 file descriptors may be opened here");
      return;
    }

  on = cf_test_platform_start ("seed.json", NULL);
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *address = g_strdup_printf ("127.0.2.%u", i + 1);
      g_autoptr(SoupSession) session = session_from (address);

      open_live_with (&attempts, session, on->url, 63, NULL);
    }
  g_test_message ("%u live connections accepted, %u refused", attempts.connected, attempts.refused);
  g_assert_cmpuint (attempts.connected, ==, 1000);
  g_assert_cmpuint (attempts.refused, ==, 8);

  url = g_strconcat (on->url, "/v1/campaigns/1", NULL);
  message = soup_message_new ("GET", url);
  body = soup_session_send_and_read (asking, message, NULL, NULL);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);

  g_ptr_array_unref (attempts.connections);
  g_main_loop_unref (attempts.loop);
}

static char *
fetch_text (const char *path)
{
  g_autofree char *url = g_strconcat (platform->url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = soup_session_send_and_read (platform->session, message, NULL, NULL);

  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  GInputStream *stream = closure;

  return g_input_stream_read_all (stream, data, length, NULL, NULL, NULL) ? CAIRO_STATUS_SUCCESS
                                                                           : CAIRO_STATUS_READ_ERROR;
}

/* The picture at @path: a PNG of a cover's size. */
static void
expect_cover (const char *path)
{
  g_autofree char *url = g_strconcat (platform->url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = soup_session_send_and_read (platform->session, message, NULL, NULL);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (body);
  cairo_surface_t *cover = NULL;

  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL), ==,
                   "image/png");
  cover = cairo_image_surface_create_from_png_stream (read_png_cb, stream);
  g_assert_cmpint (cairo_surface_status (cover), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (cover), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (cover), ==, 360);
  cairo_surface_destroy (cover);
}

/* Markup in a title stays text in the page, and the cover is still drawn. */
static void
test_markup_in_titles (void)
{
  g_autofree char *page = NULL;

  outside_write (platform, "UPDATE campaigns SET title = '& < > '' \" tricky', blurb = '<b>&' WHERE id = 4");
  expect_cover ("/images/soon.png");
  page = fetch_text ("/campaigns/soon");
  g_assert_nonnull (strstr (page, "<h1>&amp; &lt; &gt; &apos; &quot; tricky</h1><p>&lt;b&gt;&amp;</p>"));
}

/* A database seeded when covers were SVG points at the PNG covers once the
 * platform restarts on it; the old address is not served. */
static void
test_covers_moved_to_png (void)
{
  outside_write (platform, "UPDATE campaigns SET image_url = '/images/soon.svg' WHERE id = 4;"
                           "PRAGMA user_version = 4");
  cf_test_platform_restart (platform);
  g_assert_cmpint (cf_test_platform_query (platform,
    "SELECT COUNT(*) FROM campaigns WHERE id = 4 AND image_url = '/images/soon.png'"), ==, 1);
  g_assert_cmpint (cf_test_platform_query (platform, "PRAGMA user_version"), ==, 5);
  expect_cover ("/images/soon.png");
  g_assert_cmpuint (call_status ("GET", "/images/soon.svg", NULL, NULL), ==, 404);
}

/* Only web addresses are stored for backers to open. */
static void
test_only_web_addresses (void)
{
  g_autofree char *creator = cf_test_platform_sign_in (platform, "creator", "creator-pw");
  static const char * const refused[] = {
    "javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "steam://run/1", "http://", "not a url",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"reward_id\": 5, \"status\": \"shipped\", \"tracking_url\": \"%s\"}",
                                               refused[i]);
      guint status;
      g_autoptr(JsonNode) answer = cf_test_platform_call (platform, "PATCH", "/v1/campaigns/5/fulfillment", creator,
                                                          body, &status);

      g_assert_cmpuint (status, ==, 400);
    }
  g_assert_cmpint (cf_test_platform_query (platform,
    "SELECT COUNT(*) FROM pledges WHERE tracking_url NOT LIKE 'http%'"), ==, 0);
  g_assert_cmpuint (call_status ("PATCH", "/v1/campaigns/5/fulfillment", creator,
    "{\"reward_id\": 5, \"status\": \"shipped\", \"tracking_url\": \"https://track.example/1\"}"), ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);

  g_test_add_func ("/trust/broken-seeds", test_broken_seeds);
  g_test_add_func ("/trust/old-seed-draws-a-short-curve", test_old_seed_draws_a_short_curve);
  g_test_add_func ("/trust/wal-and-outside-writes", test_wal_and_outside_writes);
  g_test_add_func ("/trust/large-seed-leaves-small-wal", test_large_seed_leaves_small_wal);
  g_test_add_func ("/trust/failed-write-is-an-error", test_failed_write_is_an_error);
  g_test_add_func ("/trust/money-bounds-and-totals", test_money_bounds_and_totals);
  g_test_add_func ("/trust/idempotency-key-reuse", test_idempotency_key_reuse);
  g_test_add_func ("/trust/ids-and-slugs", test_ids_and_slugs);
  g_test_add_func ("/trust/body-limits", test_body_limits);
  g_test_add_func ("/trust/deep-nesting", test_deep_nesting);
  g_test_add_func ("/trust/sign-in-throttle", test_sign_in_throttle);
  g_test_add_func ("/trust/password-rehash", test_password_rehash);
  g_test_add_func ("/trust/live-limits", test_live_limits);
  g_test_add_func ("/trust/listeners-leave-room", test_listeners_leave_room);
  g_test_add_func ("/trust/out-of-descriptors", test_out_of_descriptors);
  g_test_add_func ("/trust/markup-in-titles", test_markup_in_titles);
  g_test_add_func ("/trust/covers-moved-to-png", test_covers_moved_to_png);
  g_test_add_func ("/trust/only-web-addresses", test_only_web_addresses);

  status = g_test_run ();
  cf_test_platform_free (platform);
  return status;
}
