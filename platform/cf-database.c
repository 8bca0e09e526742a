/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>

#include <glib/gstdio.h>

#include "cf-database.h"

/* Bytes the WAL is cut back to after a checkpoint: 4 MiB. */
#define WAL_SIZE_LIMIT 4194304

/* Each step brings the schema from version i to i + 1; a database is only
 * ever moved forward, inside one transaction per step. */
static const char * const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY,"
  "  username TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  password_hash TEXT,"
  "  country TEXT,"
  "  currency TEXT);"
  "CREATE TABLE tokens ("
  "  hash TEXT PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id),"
  "  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),"
  "  refresh_hash TEXT,"
  "  expires_at INTEGER);"
  "CREATE TABLE categories ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL);"
  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  slug TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL,"
  "  blurb TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  owner_id INTEGER NOT NULL REFERENCES users (id),"
  "  category_id INTEGER NOT NULL REFERENCES categories (id),"
  "  country TEXT,"
  "  city TEXT,"
  "  image_url TEXT,"
  "  state TEXT NOT NULL CHECK (state IN ('upcoming', 'live', 'successful', 'failed', 'canceled')),"
  "  currency TEXT NOT NULL,"
  "  goal INTEGER NOT NULL CHECK (goal > 0),"
  "  pledged INTEGER NOT NULL DEFAULT 0,"
  "  backers_count INTEGER NOT NULL DEFAULT 0,"
  "  launched_at INTEGER,"
  "  deadline INTEGER NOT NULL);"
  "CREATE INDEX campaigns_popular ON campaigns (backers_count, id);"
  "CREATE INDEX campaigns_newest ON campaigns (launched_at, id);"
  "CREATE INDEX campaigns_ending ON campaigns (deadline, id);"
  "CREATE INDEX campaigns_funded ON campaigns (CAST (pledged AS REAL) / goal, id);"
  "CREATE INDEX campaigns_owner ON campaigns (owner_id);"
  "CREATE TABLE rewards ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),"
  "  title TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  minimum INTEGER NOT NULL CHECK (minimum >= 0),"
  "  reward_limit INTEGER CHECK (reward_limit IS NULL OR reward_limit >= 0),"
  "  backers_count INTEGER NOT NULL DEFAULT 0,"
  "  estimated_delivery TEXT,"
  "  shipping_type TEXT NOT NULL CHECK (shipping_type IN ('none', 'anywhere', 'some_countries')),"
  "  CHECK (reward_limit IS NULL OR backers_count <= reward_limit));"
  "CREATE INDEX rewards_campaign ON rewards (campaign_id, minimum);"
  "CREATE TABLE shipping_rates ("
  "  id INTEGER PRIMARY KEY,"
  "  reward_id INTEGER NOT NULL REFERENCES rewards (id),"
  "  countries TEXT NOT NULL,"
  "  cost INTEGER NOT NULL CHECK (cost >= 0));"
  "CREATE INDEX shipping_rates_reward ON shipping_rates (reward_id);"
  "CREATE TABLE updates ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),"
  "  number INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  published_at INTEGER NOT NULL,"
  "  backers_only INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (campaign_id, number));"
  "CREATE TABLE pledges ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),"
  "  backer_id INTEGER NOT NULL REFERENCES users (id),"
  "  reward_id INTEGER REFERENCES rewards (id),"
  "  amount INTEGER NOT NULL CHECK (amount > 0),"
  "  bonus INTEGER NOT NULL DEFAULT 0 CHECK (bonus >= 0),"
  "  shipping INTEGER NOT NULL DEFAULT 0,"
  "  shipping_country TEXT,"
  "  address TEXT,"
  "  status TEXT NOT NULL CHECK (status IN ('pledged', 'collected', 'errored', 'canceled', 'dropped', 'refunded')),"
  "  sequence INTEGER NOT NULL,"
  "  pledged_at INTEGER NOT NULL,"
  "  address_lock_at INTEGER,"
  "  fulfillment_status TEXT NOT NULL DEFAULT 'not_started' CHECK (fulfillment_status IN"
  "    ('not_started', 'in_progress', 'shipped', 'delayed', 'delivered')),"
  "  tracking_number TEXT,"
  "  carrier TEXT,"
  "  tracking_url TEXT,"
  "  shipped_at INTEGER,"
  "  received INTEGER NOT NULL DEFAULT 0,"
  "  actions TEXT NOT NULL DEFAULT '');"
  "CREATE UNIQUE INDEX pledges_one_live ON pledges (campaign_id, backer_id)"
  "  WHERE status IN ('pledged', 'collected', 'errored');"
  "CREATE INDEX pledges_backer ON pledges (backer_id, id);"
  "CREATE INDEX pledges_campaign ON pledges (campaign_id, sequence);"
  "CREATE INDEX pledges_reward ON pledges (reward_id);"
  "CREATE TABLE idempotency_keys ("
  "  user_id INTEGER NOT NULL REFERENCES users (id),"
  "  key TEXT NOT NULL,"
  "  pledge_id INTEGER NOT NULL REFERENCES pledges (id),"
  "  PRIMARY KEY (user_id, key));"
  "CREATE TABLE following ("
  "  user_id INTEGER NOT NULL REFERENCES users (id),"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),"
  "  PRIMARY KEY (user_id, campaign_id));"
  "CREATE TABLE funding ("
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id),"
  "  at INTEGER NOT NULL,"
  "  pledged INTEGER NOT NULL,"
  "  backers_count INTEGER NOT NULL,"
  "  PRIMARY KEY (campaign_id, at));"
  "CREATE TABLE exchange_rates ("
  "  currency TEXT PRIMARY KEY,"
  "  rate REAL NOT NULL CHECK (rate > 0),"
  "  as_of INTEGER NOT NULL);",
  /* 2: what each idempotency key was first sent with */
  "ALTER TABLE idempotency_keys ADD COLUMN request TEXT;",
  /* 3: a trigram index for searching titles, blurbs and creators by any
   * part of a word, kept up to date by triggers */
  "CREATE VIRTUAL TABLE campaigns_search USING fts5 (title, blurb, creator, tokenize = 'trigram');"
  "INSERT INTO campaigns_search (rowid, title, blurb, creator)"
  "  SELECT c.id, c.title, c.blurb, u.name FROM campaigns c JOIN users u ON u.id = c.owner_id;"
  "CREATE TRIGGER campaigns_search_insert AFTER INSERT ON campaigns BEGIN"
  "  INSERT INTO campaigns_search (rowid, title, blurb, creator)"
  "    VALUES (new.id, new.title, new.blurb, (SELECT name FROM users WHERE id = new.owner_id));"
  "END;"
  "CREATE TRIGGER campaigns_search_update AFTER UPDATE OF title, blurb, owner_id ON campaigns BEGIN"
  "  UPDATE campaigns_search SET title = new.title, blurb = new.blurb,"
  "    creator = (SELECT name FROM users WHERE id = new.owner_id) WHERE rowid = new.id;"
  "END;"
  "CREATE TRIGGER campaigns_search_delete AFTER DELETE ON campaigns BEGIN"
  "  DELETE FROM campaigns_search WHERE rowid = old.id;"
  "END;"
  "CREATE TRIGGER users_search_update AFTER UPDATE OF name ON users BEGIN"
  "  UPDATE campaigns_search SET creator = new.name"
  "    WHERE rowid IN (SELECT id FROM campaigns WHERE owner_id = new.id);"
  "END;",
  /* 4: one or two characters, too short for trigrams, found anyway: where
   * they stand before the last two characters of a text, they begin one
   * of its trigrams, found in the index's own list of terms; where they
   * stand in its last two, an index on those finds them */
  "CREATE VIRTUAL TABLE campaigns_search_terms USING fts5vocab (campaigns_search, 'instance');"
  "CREATE INDEX campaigns_title_end ON campaigns (lower (substr (title, -2)));"
  "CREATE INDEX campaigns_title_last ON campaigns (lower (substr (title, -1)));"
  "CREATE INDEX campaigns_blurb_end ON campaigns (lower (substr (blurb, -2)));"
  "CREATE INDEX campaigns_blurb_last ON campaigns (lower (substr (blurb, -1)));"
  "CREATE INDEX users_name_end ON users (lower (substr (name, -2)));"
  "CREATE INDEX users_name_last ON users (lower (substr (name, -1)));",
  /* 5: covers are drawn as PNG: a database seeded before points at them */
  "UPDATE campaigns SET image_url = substr (image_url, 1, length (image_url) - 4) || '.png'"
  "  WHERE image_url LIKE '/images/%.svg';",
};

struct _CfDatabase
{
  GObject parent_instance;

  sqlite3 *handle;
  GHashTable *statements;  /* SQL text → sqlite3_stmt */
  guint end_of_turn_id;
};

G_DEFINE_FINAL_TYPE (CfDatabase, cf_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (cf-database-error-quark, cf_database_error)

static void
cf_database_finalize (GObject *object)
{
  CfDatabase *self = CF_DATABASE (object);

  g_clear_handle_id (&self->end_of_turn_id, g_source_remove);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close);

  G_OBJECT_CLASS (cf_database_parent_class)->finalize (object);
}

static void
cf_database_class_init (CfDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_database_finalize;
}

static void
cf_database_init (CfDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

static gboolean
migrate (CfDatabase  *self,
         GError     **error)
{
  int version = cf_database_get_schema_version (self);

  for (int step = version; step < (int) G_N_ELEMENTS (migrations); step++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", step + 1);

      if (!cf_database_begin (self, error))
        return FALSE;
      if (!cf_database_exec (self, migrations[step], error) || !cf_database_exec (self, bump, error))
        {
          cf_database_rollback (self);
          return FALSE;
        }
      if (!cf_database_commit (self, error))
        return FALSE;
      g_debug ("schema migrated to version %d", step + 1);
    }

  return TRUE;
}

/* The database holds addresses and password hashes: it is the owner's
 * alone, whatever the umask. SQLite makes its -wal and -shm files with the
 * database file's permissions, so the file is made (or made so) first. */
static gboolean
keep_private (const char  *path,
              GError     **error)
{
  const char *const suffixes[] = { "", "-wal", "-shm" };
  int fd;

  if (g_str_equal (path, ":memory:") || g_str_has_prefix (path, "file:"))
    return TRUE;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, CF_DATABASE_ERROR, 0, "cannot open %s: %s", path, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_chmod (file, 0600) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, CF_DATABASE_ERROR, 0, "cannot make %s private: %s", file, g_strerror (saved));
          return FALSE;
        }
    }

  return TRUE;
}

CfDatabase *
cf_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(CfDatabase) self = g_object_new (CF_TYPE_DATABASE, NULL);

  if (!keep_private (path, error))
    return NULL;

  if (sqlite3_open (path, &self->handle) != SQLITE_OK)
    {
      g_set_error (error, CF_DATABASE_ERROR, 0, "cannot open %s: %s", path,
                   self->handle ? sqlite3_errmsg (self->handle) : "out of memory");
      return NULL;
    }

  sqlite3_busy_timeout (self->handle, 5000);
  /* After each checkpoint the WAL is cut back to journal_size_limit: without
   * it the file keeps the size of the largest transaction ever written (a
   * seeded catalogue's) for as long as the database is open. */
  if (!cf_database_exec (self, "PRAGMA journal_mode = WAL;"
                               "PRAGMA journal_size_limit = " G_STRINGIFY (WAL_SIZE_LIMIT) ";"
                               "PRAGMA synchronous = NORMAL;"
                               "PRAGMA foreign_keys = ON;", error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

sqlite3 *
cf_database_get_handle (CfDatabase *self)
{
  return self->handle;
}

/* A statement left stepping keeps its read transaction open, and with it
 * every WAL frame written since: the WAL grows without end and other writers
 * are not seen. Every statement is reset when the transaction it ran in
 * ends, and at the latest when the main-loop turn that used it is over. */
void
cf_database_reset_statements (CfDatabase *self)
{
  for (sqlite3_stmt *statement = sqlite3_next_stmt (self->handle, NULL);
       statement != NULL;
       statement = sqlite3_next_stmt (self->handle, statement))
    {
      if (sqlite3_stmt_busy (statement))
        sqlite3_reset (statement);
    }
}

static gboolean
end_of_turn_cb (gpointer user_data)
{
  CfDatabase *self = user_data;

  self->end_of_turn_id = 0;
  cf_database_reset_statements (self);
  return G_SOURCE_REMOVE;
}

/* A prepared statement for @sql, kept for the next call and reset. SQL
 * errors are programming errors here: the texts are all ours. */
sqlite3_stmt *
cf_database_prepare (CfDatabase *self,
                     const char *sql)
{
  sqlite3_stmt *statement = g_hash_table_lookup (self->statements, sql);

  if (self->end_of_turn_id == 0)
    self->end_of_turn_id = g_idle_add_full (G_PRIORITY_HIGH, end_of_turn_cb, self, NULL);

  if (statement != NULL)
    {
      sqlite3_reset (statement);
      sqlite3_clear_bindings (statement);
      return statement;
    }

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &statement, NULL) != SQLITE_OK)
    g_error ("cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->handle));

  g_hash_table_insert (self->statements, g_strdup (sql), statement);
  return statement;
}

/* Runs a write to its end. A failed write is logged with its cause and
 * reported; it is never taken for a success. */
gboolean
cf_database_write (CfDatabase   *self,
                   sqlite3_stmt *statement,
                   GError      **error)
{
  int result = sqlite3_step (statement);

  sqlite3_reset (statement);
  if (result == SQLITE_DONE)
    return TRUE;

  g_warning ("write failed: %s (%s)", sqlite3_errmsg (self->handle), sqlite3_sql (statement));
  g_set_error (error, CF_DATABASE_ERROR, result, "%s", sqlite3_errmsg (self->handle));
  return FALSE;
}

gboolean
cf_database_exec (CfDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->handle, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, CF_DATABASE_ERROR, 0, "%s", message ? message : "unknown error");
  sqlite3_free (message);
  return FALSE;
}

/* BEGIN, COMMIT or ROLLBACK: statements of the transaction that starts or
 * ends are reset first, so that none keeps it open. */
static gboolean
run_transaction_statement (CfDatabase  *self,
                           const char  *sql,
                           GError     **error)
{
  cf_database_reset_statements (self);
  return cf_database_write (self, cf_database_prepare (self, sql), error);
}

gboolean
cf_database_begin (CfDatabase  *self,
                   GError     **error)
{
  return run_transaction_statement (self, "BEGIN IMMEDIATE", error);
}

/* Copies the whole WAL into the database and empties it; for the end of a
 * transaction far larger than the usual requests, such as a seed's. */
gboolean
cf_database_checkpoint (CfDatabase  *self,
                        GError     **error)
{
  return cf_database_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
}

/* A failed COMMIT leaves the transaction open: it is rolled back, so that
 * the next request does not run inside it. */
gboolean
cf_database_commit (CfDatabase  *self,
                    GError     **error)
{
  if (run_transaction_statement (self, "COMMIT", error))
    return TRUE;

  cf_database_rollback (self);
  return FALSE;
}

void
cf_database_rollback (CfDatabase *self)
{
  g_autoptr(GError) error = NULL;

  if (!sqlite3_get_autocommit (self->handle) && !run_transaction_statement (self, "ROLLBACK", &error))
    g_warning ("cannot roll back: %s", error->message);
}

/* The first column of the first row of @sql with one integer parameter (if
 * the text has one), or -1 when there is no row. */
gint64
cf_database_query_int (CfDatabase *self,
                       const char *sql,
                       gint64      parameter)
{
  sqlite3_stmt *statement = cf_database_prepare (self, sql);
  gint64 value = -1;

  if (sqlite3_bind_parameter_count (statement) > 0)
    sqlite3_bind_int64 (statement, 1, parameter);

  if (sqlite3_step (statement) == SQLITE_ROW && sqlite3_column_type (statement, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (statement, 0);

  sqlite3_reset (statement);
  return value;
}

int
cf_database_get_schema_version (CfDatabase *self)
{
  return (int) cf_database_query_int (self, "PRAGMA user_version", 0);
}
