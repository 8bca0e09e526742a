/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-sign-in-throttle"

#include "config.h"

#include "cf-sign-in-throttle.h"

/* Slows down password guessing. After a few wrong passwords for a username,
 * each further try must wait, twice as long each time but never more than
 * USERNAME_MAX_WAIT: an attacker cannot lock the real user out for long,
 * and a right password clears the count. An address that keeps failing, over
 * any usernames, waits longer, up to ADDRESS_MAX_WAIT. Counts are forgotten
 * after FORGET_AFTER seconds without a failure. */

#define USERNAME_FREE_TRIES   5
#define USERNAME_MAX_WAIT     30
#define ADDRESS_FREE_TRIES    20
#define ADDRESS_MAX_WAIT      300
#define FORGET_AFTER          (15 * 60)
#define MAX_ENTRIES           10000

typedef struct
{
  guint failures;
  gint64 last_failure;  /* seconds, monotonic */
  gint64 wait_until;
} Attempts;

struct _CfSignInThrottle
{
  GObject parent_instance;

  GHashTable *usernames;  /* username → Attempts */
  GHashTable *addresses;  /* address → Attempts */
};

G_DEFINE_FINAL_TYPE (CfSignInThrottle, cf_sign_in_throttle, G_TYPE_OBJECT)

static gint64
now (void)
{
  return g_get_monotonic_time () / G_USEC_PER_SEC;
}

static Attempts *
lookup (GHashTable *table,
        const char *key)
{
  Attempts *attempts = key ? g_hash_table_lookup (table, key) : NULL;

  if (attempts != NULL && now () - attempts->last_failure > FORGET_AFTER)
    {
      g_hash_table_remove (table, key);
      return NULL;
    }

  return attempts;
}

static gboolean
is_forgotten (gpointer key,
              gpointer value,
              gpointer user_data)
{
  Attempts *attempts = value;

  return now () - attempts->last_failure > FORGET_AFTER;
}

static void
count_failure (GHashTable *table,
               const char *key,
               guint       free_tries,
               guint       max_wait)
{
  Attempts *attempts = lookup (table, key);

  if (key == NULL)
    return;

  if (attempts == NULL)
    {
      /* Bounded: a flood of made-up usernames cannot grow the table for ever. */
      if (g_hash_table_size (table) >= MAX_ENTRIES)
        g_hash_table_foreach_remove (table, is_forgotten, NULL);
      if (g_hash_table_size (table) >= MAX_ENTRIES)
        g_hash_table_remove_all (table);
      attempts = g_new0 (Attempts, 1);
      g_hash_table_insert (table, g_strdup (key), attempts);
    }

  attempts->failures++;
  attempts->last_failure = now ();
  if (attempts->failures >= free_tries)
    attempts->wait_until = now () + MIN ((gint64) 1 << MIN (attempts->failures - free_tries, 16),
                                         (gint64) max_wait);
}

static guint
wait_for (GHashTable *table,
          const char *key)
{
  Attempts *attempts = lookup (table, key);

  return attempts && attempts->wait_until > now () ? (guint) (attempts->wait_until - now ()) : 0;
}

static void
cf_sign_in_throttle_finalize (GObject *object)
{
  CfSignInThrottle *self = CF_SIGN_IN_THROTTLE (object);

  g_hash_table_unref (self->usernames);
  g_hash_table_unref (self->addresses);

  G_OBJECT_CLASS (cf_sign_in_throttle_parent_class)->finalize (object);
}

static void
cf_sign_in_throttle_class_init (CfSignInThrottleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_sign_in_throttle_finalize;
}

static void
cf_sign_in_throttle_init (CfSignInThrottle *self)
{
  self->usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CfSignInThrottle *
cf_sign_in_throttle_new (void)
{
  return g_object_new (CF_TYPE_SIGN_IN_THROTTLE, NULL);
}

/* 0 when a password may be tried now; else how long to wait. */
guint
cf_sign_in_throttle_seconds_to_wait (CfSignInThrottle *self,
                                     const char       *username,
                                     const char       *address)
{
  return MAX (wait_for (self->usernames, username), wait_for (self->addresses, address));
}

void
cf_sign_in_throttle_failed (CfSignInThrottle *self,
                            const char       *username,
                            const char       *address)
{
  count_failure (self->usernames, username, USERNAME_FREE_TRIES, USERNAME_MAX_WAIT);
  count_failure (self->addresses, address, ADDRESS_FREE_TRIES, ADDRESS_MAX_WAIT);
}

void
cf_sign_in_throttle_succeeded (CfSignInThrottle *self,
                               const char       *username)
{
  g_hash_table_remove (self->usernames, username);
}
