/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cf-test-platform.h"

static char *seed_path;
static char **extra;

/* A test that fails must not leave its platform running. */
static void
end_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Runs @argv with its standard output piped, ended with the test's
 * process whatever happens to it. */
GSubprocess *
cf_test_spawn_ending_with_test (const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_set_child_setup (launcher, end_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  return process;
}

static void
spawn (CfTestPlatform *platform,
       guint           port)
{
  const char *binary = g_getenv ("CROWDFUND_PLATFORM");
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;
  /* Cheap password hashes keep suites that sign in hundreds of times quick;
   * the cost a real platform uses has its own test. */
  const char *argv[16] = { binary, "--database", platform->database, "--port", port_text,
                           "--password-memory=64", NULL };
  guint argc = 6;

  g_assert_nonnull (binary);
  if (seed_path != NULL)
    {
      argv[argc++] = "--seed";
      argv[argc++] = seed_path;
    }
  for (guint i = 0; extra != NULL && extra[i] != NULL && argc < G_N_ELEMENTS (argv) - 1; i++)
    argv[argc++] = extra[i];

  platform->process = cf_test_spawn_ending_with_test (argv);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (platform->process));
  line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));

  g_free (platform->url);
  platform->url = g_strdup (line + strlen ("listening on "));
}

/* Starts the platform on a new database seeded from @seed_fixture: a file
 * of tests/fixtures/, or an absolute path; @extra_arguments are separated
 * by spaces. */
CfTestPlatform *
cf_test_platform_start (const char *seed_fixture,
                        const char *extra_arguments)
{
  CfTestPlatform *platform = g_new0 (CfTestPlatform, 1);
  g_autoptr(GError) error = NULL;

  platform->directory = g_dir_make_tmp ("crowdfund-platform-XXXXXX", &error);
  g_assert_no_error (error);
  platform->database = g_build_filename (platform->directory, "platform.sqlite", NULL);
  platform->session = soup_session_new_with_options ("max-conns-per-host", 64, "max-conns", 64,
                                                     "timeout", 60, NULL);

  g_clear_pointer (&seed_path, g_free);
  if (seed_fixture != NULL)
    seed_path = g_path_is_absolute (seed_fixture)
                ? g_strdup (seed_fixture)
                : g_test_build_filename (G_TEST_DIST, "fixtures", seed_fixture, NULL);
  g_clear_pointer (&extra, g_strfreev);
  extra = extra_arguments ? g_strsplit (extra_arguments, " ", -1) : NULL;
  spawn (platform, 0);
  return platform;
}

void
cf_test_platform_stop (CfTestPlatform *platform)
{
  if (platform->process == NULL)
    return;

  g_subprocess_send_signal (platform->process, SIGTERM);
  g_subprocess_wait (platform->process, NULL, NULL);
  g_clear_object (&platform->process);
}

/* Stops the platform and starts it again on the same port and database. */
void
cf_test_platform_restart (CfTestPlatform *platform)
{
  g_autoptr(GUri) uri = g_uri_parse (platform->url, G_URI_FLAGS_NONE, NULL);

  cf_test_platform_stop (platform);
  spawn (platform, g_uri_get_port (uri));
}

void
cf_test_platform_free (CfTestPlatform *platform)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  cf_test_platform_stop (platform);
  dir = g_dir_open (platform->directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (platform->directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (platform->directory);

  g_clear_object (&platform->session);
  g_free (platform->directory);
  g_free (platform->database);
  g_free (platform->url);
  g_free (platform);
}

/* The JSON of a response body, or NULL when it is empty or not JSON. */
JsonNode *
cf_test_json_from_bytes (GBytes *bytes)
{
  g_autofree char *text = NULL;
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  text = g_strndup (data, length);
  return length > 0 ? json_from_string (text, NULL) : NULL;
}

/* One request, answered in full; the JSON body (or NULL) and the status. */
JsonNode *
cf_test_platform_call (CfTestPlatform *platform,
                       const char     *method,
                       const char     *path,
                       const char     *token,
                       const char     *body,
                       guint          *status)
{
  g_autofree char *url = g_strconcat (platform->url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) response = NULL;

  g_assert_nonnull (message);
  if (token != NULL)
    {
      g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json",
                                              g_bytes_new (body, strlen (body)));

  response = soup_session_send_and_read (platform->session, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);

  return cf_test_json_from_bytes (response);
}

char *
cf_test_platform_sign_in (CfTestPlatform *platform,
                          const char     *username,
                          const char     *password)
{
  g_autofree char *body = g_strdup_printf (
    "{\"grant_type\": \"password\", \"username\": \"%s\", \"password\": \"%s\"}", username, password);
  g_autoptr(JsonNode) node = NULL;
  guint status;

  node = cf_test_platform_call (platform, "POST", "/v1/auth/token", NULL, body, &status);
  g_assert_cmpuint (status, ==, 200);
  return g_strdup (json_object_get_string_member (json_node_get_object (node), "access_token"));
}

/* An integer read straight from the platform's database. */
gint64
cf_test_platform_query (CfTestPlatform *platform,
                        const char     *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *statement = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (platform->database, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (handle);
  return value;
}

const char *
cf_test_error_code (JsonNode *node)
{
  JsonObject *error;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (json_node_get_object (node), "error"))
    return NULL;

  error = json_object_get_object_member (json_node_get_object (node), "error");
  return json_object_get_string_member_with_default (error, "code", NULL);
}

/* Pledges as @username with @body (JSON) to campaign @campaign_id. */
void
cf_test_platform_pledge (CfTestPlatform *platform,
                         const char     *username,
                         const char     *password,
                         const char     *campaign_id,
                         const char     *body)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, username, password);
  g_autofree char *path = g_strdup_printf ("/v1/campaigns/%s/pledges", campaign_id);
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  answer = cf_test_platform_call (platform, "POST", path, token, body, &status);
  g_assert_cmpuint (status, ==, 201);
}

/* User and system CPU time of a process, in seconds. */
double
cf_test_process_cpu_seconds (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  g_assert_true (g_file_get_contents (path, &stat, NULL, NULL));
  after_name = strrchr (stat, ')') + 2;
  fields = g_strsplit (after_name, " ", -1);
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

/* A seed for the benchmarks, written in @directory: @n_users users “user0”,
 * “user1”… (password “pw”) and @n_campaigns live campaigns of a creator,
 * numbered from 1; with @reward_places > 0 each has one reward of that many
 * places, numbered like its campaign. Returns the file's path. */
char *
cf_test_write_bench_seed (const char *directory,
                          guint       n_users,
                          guint       n_campaigns,
                          guint       reward_places)
{
  g_autoptr(GString) seed = g_string_new ("{\"users\": [{\"username\": \"creator\", \"name\": \"Creator\"}");
  char *path = g_build_filename (directory, "seed.json", NULL);

  for (guint i = 0; i < n_users; i++)
    g_string_append_printf (seed, ", {\"username\": \"user%u\", \"name\": \"User %u\", \"password\": \"pw\"}", i, i);
  g_string_append (seed, "], \"categories\": [{\"slug\": \"games\", \"name\": \"Games\"}], \"campaigns\": [");
  for (guint i = 1; i <= n_campaigns; i++)
    {
      g_string_append_printf (seed,
        "%s{\"slug\": \"c%u\", \"title\": \"Campaign %u\", \"blurb\": \"b\", \"description\": \"d\","
        " \"owner\": \"creator\", \"category\": \"games\", \"state\": \"live\","
        " \"goal\": {\"amount\": 100000, \"currency\": \"EUR\"}, \"launched_at\": \"now-1d\","
        " \"deadline\": \"now+10d\"", i > 1 ? ", " : "", i, i);
      if (reward_places > 0)
        g_string_append_printf (seed,
          ", \"rewards\": [{\"id\": %u, \"title\": \"Limited\", \"description\": \"d\","
          " \"minimum\": {\"amount\": 1000, \"currency\": \"EUR\"}, \"limit\": %u,"
          " \"shipping\": {\"type\": \"none\", \"rates\": []}}]", i, reward_places);
      g_string_append (seed, "}");
    }
  g_string_append (seed, "]}");
  g_assert_true (g_file_set_contents (path, seed->str, seed->len, NULL));
  return path;
}

/* The bytes of the platform's WAL file, 0 when there is none. */
gint64
cf_test_platform_wal_size (CfTestPlatform *platform)
{
  g_autofree char *wal = g_strconcat (platform->database, "-wal", NULL);
  GStatBuf info;

  return g_stat (wal, &info) == 0 ? (gint64) info.st_size : 0;
}

/* An Authorization header for @username, signed in. */
char *
cf_test_platform_bearer (CfTestPlatform *platform,
                         const char     *username,
                         const char     *password)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, username, password);

  return g_strdup_printf ("Bearer %s", token);
}
