/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-secrets"

#include "config.h"

#include <string.h>
#include <sys/random.h>

#include <sodium.h>

#include "cf-secrets.h"

/* Passwords are hashed with Argon2id through libsodium, at OWASP's
 * parameters (19 MiB, two passes, one lane) unless the operator lowers the
 * memory for a test platform. Hashes of the earlier PBKDF2-HMAC-SHA256
 * format are still accepted, and made again in Argon2id at the next right
 * sign-in. */
#define KEY_BYTES           32
#define TOKEN_BYTES         32
#define PBKDF2_PREFIX       "pbkdf2-sha256$"
#define PASSWORD_PASSES     2

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
ensure_sodium (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      if (sodium_init () < 0)
        g_error ("libsodium cannot be initialised");
      g_once_init_leave (&initialized, 1);
    }
}

static gsize password_memory_kib = CF_SECRETS_DEFAULT_MEMORY_KIB;

void
cf_secrets_set_password_memory (guint kib)
{
  password_memory_kib = MAX (kib, CF_SECRETS_MIN_MEMORY_KIB);
}

static gsize
memory_limit (void)
{
  return password_memory_kib * 1024;
}

/* "$argon2id$v=19$m=…,t=…,p=1$SALT$KEY", as libsodium writes it. */
char *
cf_secrets_hash_password (const char *password)
{
  char hash[crypto_pwhash_STRBYTES];

  ensure_sodium ();
  if (crypto_pwhash_str_alg (hash, password, strlen (password), PASSWORD_PASSES, memory_limit (),
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    g_error ("no memory to hash a password");
  return g_strdup (hash);
}

/* A hash that no password matches, as slow to check as a real one: it
 * stands in for an unknown user's, so that timing does not tell. Made once
 * for the process's cost. */
char *
cf_secrets_unknown_user_hash (void)
{
  static char *unknown;
  G_LOCK_DEFINE_STATIC (unknown);
  char *copy;

  G_LOCK (unknown);
  if (unknown == NULL)
    {
      guint8 never_typed[32];
      g_autofree char *text = NULL;

      random_bytes (never_typed, sizeof never_typed);
      text = g_base64_encode (never_typed, sizeof never_typed);
      unknown = cf_secrets_hash_password (text);
    }
  copy = g_strdup (unknown);
  G_UNLOCK (unknown);
  return copy;
}

/* A hash of the earlier format, or made at another cost than today's. */
gboolean
cf_secrets_needs_rehash (const char *stored)
{
  ensure_sodium ();
  return stored == NULL ||
         crypto_pwhash_str_needs_rehash (stored, PASSWORD_PASSES, memory_limit ()) != 0;
}

/* The earlier format, "pbkdf2-sha256$ITERATIONS$SALT$KEY", only ever
 * checked, never made. */
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

  /* One block is enough: SHA-256 gives exactly the 32 bytes kept. */
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

static gboolean
verify_pbkdf2 (const char *password,
               const char *stored)
{
  g_auto(GStrv) parts = g_strsplit (stored, "$", 0);
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  guint8 key[KEY_BYTES];
  gsize salt_length, expected_length;
  guint64 iterations;

  if (g_strv_length (parts) != 4)
    return FALSE;

  iterations = g_ascii_strtoull (parts[1], NULL, 10);
  salt = g_base64_decode (parts[2], &salt_length);
  expected = g_base64_decode (parts[3], &expected_length);
  if (iterations == 0 || iterations > 10000000 || expected_length != KEY_BYTES)
    return FALSE;

  pbkdf2_sha256 (password, salt, salt_length, iterations, key);
  return sodium_memcmp (key, expected, KEY_BYTES) == 0;
}

gboolean
cf_secrets_verify_password (const char *password,
                            const char *stored)
{
  if (stored == NULL)
    return FALSE;

  ensure_sodium ();
  if (g_str_has_prefix (stored, PBKDF2_PREFIX))
    return verify_pbkdf2 (password, stored);

  return crypto_pwhash_str_verify (stored, password, strlen (password)) == 0;
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
