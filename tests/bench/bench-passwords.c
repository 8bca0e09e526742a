/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <signal.h>

#include "cf-secrets.h"
#include "cf-test-platform.h"

/* What a password costs the platform at its default cost, next to the
 * PBKDF2 it replaced, in one run: CPU time of one hash and one check on
 * this thread, then a real platform importing the test seed (53 users)
 * and answering sign-ins. Prints a table for docs/performance.md. */

#define HASHES 5
#define OLD_CHECKS 2

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static double
median (double *values,
        guint   n)
{
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && values[j - 1] > values[j]; j--)
      {
        double swap = values[j];

        values[j] = values[j - 1];
        values[j - 1] = swap;
      }
  return values[n / 2];
}

static void
measure_hashes (double *hash_ms,
                double *check_ms,
                double *old_check_ms)
{
  double hashes[HASHES], checks[HASHES], old_checks[OLD_CHECKS];
  /* The old format at its old default: checking costs the same whether
   * the password is right or not. */
  const char *old = "pbkdf2-sha256$600000$Y3Jvd2RmdW5kLWxlZ2FjeQ==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  for (guint i = 0; i < HASHES; i++)
    {
      double started = thread_cpu_ms ();
      g_autofree char *hash = cf_secrets_hash_password ("correct horse battery staple");

      hashes[i] = thread_cpu_ms () - started;
      started = thread_cpu_ms ();
      g_assert_true (cf_secrets_verify_password ("correct horse battery staple", hash));
      checks[i] = thread_cpu_ms () - started;
      g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=19456,t=2,p=1$"));
    }

  for (guint i = 0; i < OLD_CHECKS; i++)
    {
      double started = thread_cpu_ms ();

      g_assert_false (cf_secrets_verify_password ("correct horse battery staple", old));
      old_checks[i] = thread_cpu_ms () - started;
    }

  *hash_ms = median (hashes, HASHES);
  *check_ms = median (checks, HASHES);
  *old_check_ms = median (old_checks, OLD_CHECKS);
}

static guint
sign_in (SoupSession *session,
         const char  *url)
{
  g_autofree char *address = g_strconcat (url, "/v1/auth/token", NULL);
  const char *body = "{\"grant_type\": \"password\", \"username\": \"fan01\", \"password\": \"fan-pw\"}";
  g_autoptr(SoupMessage) message = soup_message_new ("POST", address);
  g_autoptr(GBytes) answer = NULL;

  soup_message_set_request_body_from_bytes (message, "application/json", g_bytes_new_static (body, strlen (body)));
  answer = soup_session_send_and_read (session, message, NULL, NULL);
  return soup_message_get_status (message);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = g_dir_make_tmp ("crowdfund-bench-passwords-XXXXXX", NULL);
  g_autofree char *database = g_build_filename (directory, "platform.sqlite", NULL);
  g_autofree char *seed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) platform = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *line = NULL;
  double hash_ms, check_ms, old_check_ms, import_cpu_s, sign_ins[HASHES];
  gint64 started;
  double import_s;

  g_test_init (&argc, &argv, NULL);
  seed = g_test_build_filename (G_TEST_DIST, "fixtures", "seed.json", NULL);
  measure_hashes (&hash_ms, &check_ms, &old_check_ms);

  started = g_get_monotonic_time ();
  platform = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("CROWDFUND_PLATFORM"),
                               "--port", "0", "--database", database, "--seed", seed, NULL);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (platform));
  line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  import_s = (g_get_monotonic_time () - started) / 1e6;
  import_cpu_s = cf_test_process_cpu_seconds (g_subprocess_get_identifier (platform));

  for (guint i = 0; i < HASHES; i++)
    {
      started = g_get_monotonic_time ();
      g_assert_cmpuint (sign_in (session, line + strlen ("listening on ")), ==, 200);
      sign_ins[i] = (g_get_monotonic_time () - started) / 1e3;
    }

  g_print ("| what, at the default cost | Argon2id (19 MiB, t=2) | PBKDF2-SHA256, 600 000 rounds | ratio |\n");
  g_print ("|---|---|---|---|\n");
  g_print ("| one check, CPU on one thread | %.1f ms | %.1f ms | %.0f× |\n", check_ms, old_check_ms,
           old_check_ms / check_ms);
  g_print ("| one new hash, CPU on one thread | %.1f ms | — | |\n", hash_ms);
  g_print ("| importing the test seed (53 users): wall / CPU | %.2f s / %.2f s | ≈ %.0f s of hashing alone | |\n",
           import_s, import_cpu_s, 53 * old_check_ms / 1000);
  g_print ("| a sign-in answered, median of %u, wall | %.1f ms | | |\n", HASHES, median (sign_ins, HASHES));

  g_subprocess_send_signal (platform, SIGTERM);
  g_subprocess_wait (platform, NULL, NULL);
  g_unlink (database);
  return 0;
}
