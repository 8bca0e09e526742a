/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-secrets"

#include "config.h"

#include <string.h>
#include <sys/random.h>

#include "cf-secrets.h"

/* PBKDF2-HMAC-SHA256 (RFC 8018): slow on purpose, salted per password, at
 * the cost OWASP asks for SHA-256 unless the operator chose another. */
#define SALT_BYTES          16
#define KEY_BYTES           32
#define TOKEN_BYTES         32

static void
random_bytes (guint8 *buffer,
              gsize   length)
{
  gsize filled = 0;

  while (filled < length)
    {
      gssize got = getrandom (buffer + filled, length - filled, 0);

      if (got < 0)
        g_error ("the system has no random bytes to give");
      filled += got;
    }
}

static void
pbkdf2_sha256 (const char   *password,
               const guint8 *salt,
               gsize         salt_length,
               guint         iterations,
               guint8        key[KEY_BYTES])
{
  g_autoptr(GHmac) keyed = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) password, strlen (password));
  g_autoptr(GHmac) first = g_hmac_copy (keyed);
  const guint8 block_index[4] = { 0, 0, 0, 1 };
  guint8 u[KEY_BYTES];
  gsize length = KEY_BYTES;

  /* One block is enough: SHA-256 gives exactly the 32 bytes we keep. */
  g_hmac_update (first, salt, salt_length);
  g_hmac_update (first, block_index, sizeof block_index);
  g_hmac_get_digest (first, u, &length);
  memcpy (key, u, KEY_BYTES);

  for (guint i = 1; i < iterations; i++)
    {
      g_autoptr(GHmac) round = g_hmac_copy (keyed);

      g_hmac_update (round, u, KEY_BYTES);
      length = KEY_BYTES;
      g_hmac_get_digest (round, u, &length);
      for (guint j = 0; j < KEY_BYTES; j++)
        key[j] ^= u[j];
    }
}

static guint password_iterations = CF_SECRETS_DEFAULT_ITERATIONS;

void
cf_secrets_set_password_iterations (guint iterations)
{
  password_iterations = iterations;
}

/* A hash that no password matches, as slow to check as a real one: it
 * stands in for an unknown user's, so that timing does not tell. */
char *
cf_secrets_unknown_user_hash (void)
{
  return g_strdup_printf ("pbkdf2-sha256$%u$AAAAAAAAAAAAAAAAAAAAAA==$"
                          "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", password_iterations);
}

/* A hash made at a lower cost than today's, to be made again. */
gboolean
cf_secrets_needs_rehash (const char *stored)
{
  g_auto(GStrv) parts = stored ? g_strsplit (stored, "$", 0) : NULL;

  return parts == NULL || g_strv_length (parts) != 4 ||
         g_ascii_strtoull (parts[1], NULL, 10) < password_iterations;
}

/* "pbkdf2-sha256$ITERATIONS$SALT$KEY", salt and key in base64. */
char *
cf_secrets_hash_password (const char *password)
{
  guint8 salt[SALT_BYTES];
  guint8 key[KEY_BYTES];
  g_autofree char *salt64 = NULL;
  g_autofree char *key64 = NULL;

  random_bytes (salt, sizeof salt);
  pbkdf2_sha256 (password, salt, sizeof salt, password_iterations, key);
  salt64 = g_base64_encode (salt, sizeof salt);
  key64 = g_base64_encode (key, sizeof key);
  return g_strdup_printf ("pbkdf2-sha256$%u$%s$%s", password_iterations, salt64, key64);
}

gboolean
cf_secrets_verify_password (const char *password,
                            const char *stored)
{
  g_auto(GStrv) parts = stored ? g_strsplit (stored, "$", 0) : NULL;
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  guint8 key[KEY_BYTES];
  gsize salt_length, expected_length;
  guint8 difference = 0;
  guint64 iterations;

  if (parts == NULL || g_strv_length (parts) != 4 || !g_str_equal (parts[0], "pbkdf2-sha256"))
    return FALSE;

  iterations = g_ascii_strtoull (parts[1], NULL, 10);
  salt = g_base64_decode (parts[2], &salt_length);
  expected = g_base64_decode (parts[3], &expected_length);
  if (iterations == 0 || iterations > 10000000 || expected_length != KEY_BYTES)
    return FALSE;

  pbkdf2_sha256 (password, salt, salt_length, iterations, key);
  for (guint i = 0; i < KEY_BYTES; i++)
    difference |= key[i] ^ expected[i];

  return difference == 0;
}

/* 256 random bits, URL-safe. */
char *
cf_secrets_new_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  char *token;

  random_bytes (bytes, sizeof bytes);
  token = g_base64_encode (bytes, sizeof bytes);
  g_strdelimit (token, "+", '-');
  g_strdelimit (token, "/", '_');
  g_strdelimit (token, "=", '\0');
  return token;
}

/* Tokens are stored by their SHA-256 only: a stolen database gives none. */
char *
cf_secrets_hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}
