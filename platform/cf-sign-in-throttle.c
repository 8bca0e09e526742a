/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-sign-in-throttle"

#include "config.h"

#include "cf-sign-in-throttle.h"

/* Slows down password guessing without handing an attacker a way to lock
 * people out.
 *
 * Every try is counted as a failure before its password is checked, so
 * that tries sent together are throttled as if sent one after another; a
 * right password takes its own count back. Counts are kept three ways:
 * - per username and address: after PAIR_FREE_TRIES, each further try
 *   waits twice as long as the last, at most PAIR_MAX_WAIT;
 * - per username, from any address (guesses spread over many addresses):
 *   after USERNAME_FREE_TRIES, at most USERNAME_MAX_WAIT;
 * - per address, over any usernames (one address trying many accounts):
 *   after ADDRESS_FREE_TRIES, at most ADDRESS_MAX_WAIT.
 * The last two do not hold up a username at an address it has signed in
 * from before: an attacker guessing other accounts, or this one from
 * elsewhere, cannot keep its owner out. Counts are forgotten after
 * FORGET_AFTER seconds without a try, known places after KNOWN_FOR. */

#define PAIR_FREE_TRIES       5
#define PAIR_MAX_WAIT         30
#define USERNAME_FREE_TRIES   20
#define USERNAME_MAX_WAIT     30
#define ADDRESS_FREE_TRIES    20
#define ADDRESS_MAX_WAIT      300
#define FORGET_AFTER          (15 * 60)
#define KNOWN_FOR             (30 * 24 * 3600)
#define MAX_ENTRIES           10000

typedef struct
{
  guint failures;
  gint64 last_try;  /* seconds, monotonic */
  gint64 wait_until;
} Attempts;

struct _CfSignInThrottle
{
  GObject parent_instance;

  GHashTable *pairs;      /* "username\naddress" → Attempts */
  GHashTable *usernames;  /* username → Attempts */
  GHashTable *addresses;  /* address → Attempts */
  GHashTable *known;      /* "username\naddress" signed in from → gint64 * when */
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
  Attempts *attempts = g_hash_table_lookup (table, key);

  if (attempts != NULL && now () - attempts->last_try > FORGET_AFTER)
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

  return now () - attempts->last_try > FORGET_AFTER;
}

/* Bounded: a flood of made-up usernames or addresses cannot grow a table
 * for ever. */
static void
make_room (GHashTable *table,
           GHRFunc     is_stale)
{
  if (g_hash_table_size (table) >= MAX_ENTRIES)
    g_hash_table_foreach_remove (table, is_stale, NULL);
  if (g_hash_table_size (table) >= MAX_ENTRIES)
    g_hash_table_remove_all (table);
}

static void
set_wait (Attempts *attempts,
          guint     free_tries,
          guint     max_wait)
{
  attempts->wait_until = attempts->failures < free_tries ? 0 :
    now () + MIN ((gint64) 1 << MIN (attempts->failures - free_tries, 16), (gint64) max_wait);
}

static void
count_try (GHashTable *table,
           const char *key,
           guint       free_tries,
           guint       max_wait)
{
  Attempts *attempts = lookup (table, key);

  if (attempts == NULL)
    {
      make_room (table, is_forgotten);
      attempts = g_new0 (Attempts, 1);
      g_hash_table_insert (table, g_strdup (key), attempts);
    }

  attempts->failures++;
  attempts->last_try = now ();
  set_wait (attempts, free_tries, max_wait);
}

static void
take_back_try (GHashTable *table,
               const char *key,
               guint       free_tries)
{
  Attempts *attempts = lookup (table, key);

  if (attempts == NULL || attempts->failures == 0)
    return;

  attempts->failures--;
  if (attempts->failures < free_tries)
    attempts->wait_until = 0;
}

static guint
wait_for (GHashTable *table,
          const char *key)
{
  Attempts *attempts = lookup (table, key);

  return attempts && attempts->wait_until > now () ? (guint) (attempts->wait_until - now ()) : 0;
}

static gboolean
is_known_place_stale (gpointer key,
                      gpointer value,
                      gpointer user_data)
{
  return now () - *(gint64 *) value > KNOWN_FOR;
}

static gboolean
is_known (CfSignInThrottle *self,
          const char       *pair)
{
  gint64 *since = g_hash_table_lookup (self->known, pair);

  return since != NULL && now () - *since <= KNOWN_FOR;
}

static char *
pair_key (const char *username,
          const char *address)
{
  return g_strconcat (username, "\n", address, NULL);
}

static void
cf_sign_in_throttle_finalize (GObject *object)
{
  CfSignInThrottle *self = CF_SIGN_IN_THROTTLE (object);

  g_hash_table_unref (self->pairs);
  g_hash_table_unref (self->usernames);
  g_hash_table_unref (self->addresses);
  g_hash_table_unref (self->known);

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
  self->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->usernames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CfSignInThrottle *
cf_sign_in_throttle_new (void)
{
  return g_object_new (CF_TYPE_SIGN_IN_THROTTLE, NULL);
}

/* 0 when @username may try a password from @address now, the try then
 * counted; else how many seconds to wait, and nothing is counted. */
guint
cf_sign_in_throttle_begin (CfSignInThrottle *self,
                           const char       *username,
                           const char       *address)
{
  g_autofree char *pair = pair_key (username, address);
  gboolean known = is_known (self, pair);
  guint wait = wait_for (self->pairs, pair);

  g_return_val_if_fail (CF_IS_SIGN_IN_THROTTLE (self), 0);

  if (!known)
    wait = MAX (wait, MAX (wait_for (self->usernames, username), wait_for (self->addresses, address)));
  if (wait > 0)
    return wait;

  count_try (self->pairs, pair, PAIR_FREE_TRIES, PAIR_MAX_WAIT);
  count_try (self->usernames, username, USERNAME_FREE_TRIES, USERNAME_MAX_WAIT);
  count_try (self->addresses, address, ADDRESS_FREE_TRIES, ADDRESS_MAX_WAIT);
  return 0;
}

/* The password tried was right: its try is taken back, and @address
 * becomes a place @username is known to sign in from. */
void
cf_sign_in_throttle_succeeded (CfSignInThrottle *self,
                               const char       *username,
                               const char       *address)
{
  g_autofree char *pair = pair_key (username, address);
  gint64 *since = g_new (gint64, 1);

  g_return_if_fail (CF_IS_SIGN_IN_THROTTLE (self));

  g_hash_table_remove (self->pairs, pair);
  take_back_try (self->usernames, username, USERNAME_FREE_TRIES);
  take_back_try (self->addresses, address, ADDRESS_FREE_TRIES);

  make_room (self->known, is_known_place_stale);
  *since = now ();
  g_hash_table_replace (self->known, g_steal_pointer (&pair), since);
}
