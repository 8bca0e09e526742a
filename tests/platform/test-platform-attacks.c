/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cf-test-platform.h"

/* The reference platform as an attacker tries it: guesses sent together or
 * spread over addresses, a forged X-Forwarded-For, a request dripped a byte
 * at a time, one client taking every connection; and what an operator
 * leaves behind: a readable database, keys from an older schema. */

typedef struct
{
  guint status;
  gboolean done;
} Answer;

static SoupMessage *
sign_in_message (CfTestPlatform *on,
                 const char     *forwarded_for,
                 const char     *username,
                 const char     *password)
{
  g_autofree char *url = g_strconcat (on->url, "/v1/auth/token", NULL);
  g_autofree char *body = g_strdup_printf ("{\"grant_type\": \"password\", \"username\": \"%s\","
                                           " \"password\": \"%s\"}", username, password);
  SoupMessage *message = soup_message_new ("POST", url);

  if (forwarded_for != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "X-Forwarded-For", forwarded_for);
  soup_message_set_request_body_from_bytes (message, "application/json", g_bytes_new (body, strlen (body)));
  return message;
}

static guint
sign_in_from (CfTestPlatform *on,
              const char     *forwarded_for,
              const char     *username,
              const char     *password)
{
  g_autoptr(SoupMessage) message = sign_in_message (on, forwarded_for, username, password);
  g_autoptr(GBytes) answer = soup_session_send_and_read (on->session, message, NULL, NULL);

  return soup_message_get_status (message);
}

static void
answered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Answer *answer = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  answer->status = soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (object), result));
  answer->done = TRUE;
}

/* 25 wrong passwords and the right one sent at once, each on a connection
 * of its own: only as many are checked as one after another would be. */
static void
test_concurrent_guesses (void)
{
  g_autoptr(CfTestPlatform) on = cf_test_platform_start ("seed.json", NULL);
  Answer answers[26] = { { 0 } };
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  guint checked = 0, refused = 0;

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      SoupMessage *message = sign_in_message (on, NULL, "fan10", i + 1 < G_N_ELEMENTS (answers) ? "guess" : "fan-pw");

      g_ptr_array_add (messages, message);
      soup_session_send_and_read_async (on->session, message, G_PRIORITY_DEFAULT, NULL, answered_cb, &answers[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      while (!answers[i].done)
        g_main_context_iteration (NULL, TRUE);
      checked += answers[i].status == 400 || answers[i].status == 200;
      refused += answers[i].status == 429;
    }

  g_test_message ("%u passwords checked, %u refused unchecked", checked, refused);
  g_assert_cmpuint (checked, <=, 5);
  g_assert_cmpuint (checked + refused, ==, G_N_ELEMENTS (answers));
}

/* Behind a proxy the operator named, each person is their forwarded
 * address: an attacker trying made-up usernames, or one account from many
 * addresses, is refused while the real people sign in. */
static void
test_trusted_proxy (void)
{
  g_autoptr(CfTestPlatform) on = cf_test_platform_start ("seed.json", "--trusted-proxy=127.0.0.1");
  guint refused = 0;

  g_assert_cmpuint (sign_in_from (on, "198.51.100.9", "fan14", "fan-pw"), ==, 200);
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *username = g_strdup_printf ("made-up-%u", i);

      refused += sign_in_from (on, "10.0.0.1, 203.0.113.7", username, "guess") == 429;
    }
  g_assert_cmpuint (refused, >=, 4);
  g_assert_cmpuint (sign_in_from (on, "198.51.100.4", "fan11", "fan-pw"), ==, 200);

  /* The same account guessed from 25 addresses. */
  refused = 0;
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *address = g_strdup_printf ("203.0.113.%u", 100 + i);

      refused += sign_in_from (on, address, "fan14", "guess") == 429;
    }
  g_assert_cmpuint (refused, >=, 4);
  g_assert_cmpuint (sign_in_from (on, "203.0.113.200", "fan14", "fan-pw"), ==, 429);
  /* Its owner, where they signed in before, is not kept out. */
  g_assert_cmpuint (sign_in_from (on, "198.51.100.9", "fan14", "fan-pw"), ==, 200);
}

/* Without a trusted proxy, X-Forwarded-For is anybody's text: a new one on
 * every guess does not make a new person. Someone who signed in from this
 * address before still can; someone new waits. */
static void
test_forged_forwarded_for (void)
{
  g_autoptr(CfTestPlatform) on = cf_test_platform_start ("seed.json", NULL);
  guint refused = 0;

  g_assert_cmpuint (sign_in_from (on, NULL, "fan12", "fan-pw"), ==, 200);
  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *username = g_strdup_printf ("made-up-%u", i);
      g_autofree char *forged = g_strdup_printf ("198.51.100.%u", i + 1);

      refused += sign_in_from (on, forged, username, "guess") == 429;
    }
  g_assert_cmpuint (refused, >=, 4);
  g_assert_cmpuint (sign_in_from (on, "198.51.100.77", "fan13", "fan-pw"), ==, 429);
  g_assert_cmpuint (sign_in_from (on, NULL, "fan12", "fan-pw"), ==, 200);
}

static GSocketConnection *
connect_from (CfTestPlatform *on,
              const char     *local_address)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  if (local_address != NULL)
    {
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (local_address);
      g_autoptr(GSocketAddress) local = g_inet_socket_address_new (inet, 0);

      g_socket_client_set_local_address (client, local);
    }
  connection = g_socket_client_connect_to_uri (client, on->url, 80, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

typedef struct
{
  GSocketConnection *connection;
  const char *request;
  gsize sent;
  gboolean closed;
  char answer[256];
} Drip;

static void
drip_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Drip *drip = user_data;

  g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);
  drip->closed = TRUE;
}

static gboolean
drip_cb (gpointer user_data)
{
  Drip *drip = user_data;
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (drip->connection));

  if (drip->closed || drip->request[drip->sent] == '\0' ||
      g_output_stream_write (output, drip->request + drip->sent, 1, NULL, NULL) != 1)
    return G_SOURCE_REMOVE;
  drip->sent++;
  return G_SOURCE_CONTINUE;
}

/* A request sent a byte every 200 ms never goes idle, and would take 20 s
 * to arrive: the platform closes it at its deadline (2 s here), unanswered. */
static void
test_slow_drip (void)
{
  g_autoptr(CfTestPlatform) on = cf_test_platform_start ("seed.json", "--request-timeout=2");
  Drip drip = { .request = "GET /v1/campaigns/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "User-Agent: a-very-slow-client-that-sends-one-byte-at-a-time\r\n\r\n" };
  guint status;

  drip.connection = connect_from (on, NULL);
  g_input_stream_read_async (g_io_stream_get_input_stream (G_IO_STREAM (drip.connection)), drip.answer,
                             sizeof drip.answer, G_PRIORITY_DEFAULT, NULL, drip_read_cb, &drip);
  g_timeout_add (200, drip_cb, &drip);
  while (!drip.closed)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("closed after %" G_GSIZE_FORMAT " of %zu bytes", drip.sent, strlen (drip.request));
  g_assert_cmpuint (drip.sent, <, strlen (drip.request));
  g_assert_cmpstr (drip.answer, ==, "");
  g_object_unref (drip.connection);
  g_assert_cmpuint (sign_in_from (on, NULL, "fan20", "fan-pw"), ==, 200);
  json_node_unref (cf_test_platform_call (on, "GET", "/v1/campaigns/1", NULL, NULL, &status));
  g_assert_cmpuint (status, ==, 200);
}

static char *
ask (GSocketConnection *connection)
{
  const char *request = "GET /v1/campaigns/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  char answer[64] = { 0 };

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request,
                             strlen (request), NULL, NULL, NULL);
  g_input_stream_read_all (g_io_stream_get_input_stream (G_IO_STREAM (connection)), answer,
                           sizeof answer - 1, NULL, NULL, NULL);
  return g_strdup (answer);
}

/* One address holding 256 idle connections gets no more; another address
 * is still answered. */
static void
test_connection_share (void)
{
  g_autoptr(CfTestPlatform) on = cf_test_platform_start ("seed.json", "--request-timeout=600");
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSocketConnection) one_more = NULL;
  g_autoptr(GSocketConnection) elsewhere = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *answered = NULL;

  for (guint i = 0; i < 256; i++)
    g_ptr_array_add (held, connect_from (on, "127.0.0.3"));
  one_more = connect_from (on, "127.0.0.3");
  refused = ask (one_more);
  g_assert_cmpstr (refused, ==, "");

  elsewhere = connect_from (on, "127.0.0.4");
  answered = ask (elsewhere);
  g_assert_true (g_str_has_prefix (answered, "HTTP/1.1 200"));
}

static guint
mode_of (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 0777;
}

/* Addresses and password hashes are the owner's alone, whatever the umask,
 * and a database left readable is made private at the next start. */
static void
test_private_database (void)
{
  mode_t before = umask (022);
  g_autoptr(CfTestPlatform) on = cf_test_platform_start ("seed.json", NULL);
  g_autofree char *wal = g_strconcat (on->database, "-wal", NULL);

  g_assert_cmpuint (mode_of (on->database), ==, 0600);
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  cf_test_platform_stop (on);
  g_assert_cmpint (g_chmod (on->database, 0644), ==, 0);
  cf_test_platform_restart (on);
  g_assert_cmpuint (mode_of (on->database), ==, 0600);
  umask (before);
}

static JsonNode *
pledge_with_key (CfTestPlatform *on,
                 const char     *token,
                 const char     *key,
                 const char     *body,
                 guint          *status)
{
  g_autofree char *url = g_strconcat (on->url, "/v1/campaigns/2/pledges", NULL);
  g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) response = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Idempotency-Key", key);
  soup_message_set_request_body_from_bytes (message, "application/json", g_bytes_new (body, strlen (body)));
  response = soup_session_send_and_read (on->session, message, NULL, NULL);
  *status = soup_message_get_status (message);
  return cf_test_json_from_bytes (response);
}

/* A key kept before keys kept their request (schema 2) gives back its
 * pledge when the pledge is sent again, as every key does. */
static void
test_keys_from_an_older_schema (void)
{
  g_autoptr(CfTestPlatform) on = cf_test_platform_start ("seed.json", NULL);
  g_autofree char *token = cf_test_platform_sign_in (on, "fan41", "fan-pw");
  const char *key = "0b6d3f0e-6c1a-4d8e-9f2b-7a5c4e3d2b1a";
  const char *body = "{\"reward_id\": 3, \"amount\": {\"amount\": 100, \"currency\": \"EUR\"}}";
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) again = NULL;
  sqlite3 *handle = NULL;
  guint status;

  first = pledge_with_key (on, token, key, body, &status);
  g_assert_cmpuint (status, ==, 201);
  g_assert_cmpint (sqlite3_open (on->database, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE idempotency_keys SET request = NULL", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (handle);

  again = pledge_with_key (on, token, key, body, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (again), "id"), ==,
                   json_object_get_int_member (json_node_get_object (first), "id"));
}

/* json-glib reads 2^63 as -2^63 and anything larger as -1: they are told
 * too large, and a real negative amount not positive. */
static void
test_amounts_beyond_64_bits (void)
{
  g_autoptr(CfTestPlatform) on = cf_test_platform_start ("seed.json", NULL);
  g_autofree char *token = cf_test_platform_sign_in (on, "fan42", "fan-pw");
  const char *too_large[] = { "9223372036854775808", "18446744073709551615", "99999999999999999999999" };
  g_autoptr(JsonNode) negative = NULL;
  guint status;

  for (guint i = 0; i < G_N_ELEMENTS (too_large); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"amount\": {\"amount\": %s, \"currency\": \"EUR\"}}",
                                               too_large[i]);
      g_autoptr(JsonNode) refused = cf_test_platform_call (on, "POST", "/v1/campaigns/6/pledges", token, body,
                                                           &status);

      g_assert_cmpuint (status, ==, 422);
      g_assert_cmpstr (cf_test_error_code (refused), ==, "amount_too_large");
    }

  negative = cf_test_platform_call (on, "POST", "/v1/campaigns/6/pledges", token,
                                    "{\"amount\": {\"amount\": -5, \"currency\": \"EUR\"}}", &status);
  g_assert_cmpuint (status, ==, 400);
  g_assert_cmpint (cf_test_platform_query (on, "SELECT COUNT(*) FROM pledges p JOIN users u ON u.id = p.backer_id"
                                               " WHERE u.username = 'fan42'"), ==, 0);
}

/* Nesting hidden from a bracket count in json-glib's single-quoted
 * strings is refused, in a request and in a seed. */
static void
test_hidden_nesting (void)
{
  g_autoptr(CfTestPlatform) on = cf_test_platform_start ("seed.json", NULL);
  g_autofree char *token = cf_test_platform_sign_in (on, "fan43", "fan-pw");
  GString *text = g_string_new ("{\"a\": '\"', \"amount\": ");
  g_autofree char *body = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *database = NULL;
  g_autoptr(GSubprocess) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) refused = NULL;
  guint status;

  for (guint i = 0; i < 8000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 8000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, ", \"b\": '\"'}");
  body = g_string_free (text, FALSE);

  refused = cf_test_platform_call (on, "POST", "/v1/campaigns/1/pledges", token, body, &status);
  g_assert_cmpuint (status, ==, 400);
  json_node_unref (cf_test_platform_call (on, "GET", "/v1/campaigns/1", NULL, NULL, &status));
  g_assert_cmpuint (status, ==, 200);

  seed = g_build_filename (on->directory, "hidden.json", NULL);
  database = g_build_filename (on->directory, "hidden.sqlite", NULL);
  g_assert_true (g_file_set_contents (seed, body, -1, NULL));
  importer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                               g_getenv ("CROWDFUND_PLATFORM"), "--port", "0", "--database", database,
                               "--seed", seed, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (importer, NULL, NULL));
  g_assert_true (g_subprocess_get_if_exited (importer));
  g_assert_cmpint (g_subprocess_get_exit_status (importer), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attacks/concurrent-guesses", test_concurrent_guesses);
  g_test_add_func ("/attacks/trusted-proxy", test_trusted_proxy);
  g_test_add_func ("/attacks/forged-forwarded-for", test_forged_forwarded_for);
  g_test_add_func ("/attacks/slow-drip", test_slow_drip);
  g_test_add_func ("/attacks/connection-share", test_connection_share);
  g_test_add_func ("/attacks/private-database", test_private_database);
  g_test_add_func ("/attacks/keys-from-an-older-schema", test_keys_from_an_older_schema);
  g_test_add_func ("/attacks/amounts-beyond-64-bits", test_amounts_beyond_64_bits);
  g_test_add_func ("/attacks/hidden-nesting", test_hidden_nesting);
  return g_test_run ();
}
