/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CF_DATABASE_ERROR (cf_database_error_quark ())

#define CF_TYPE_DATABASE (cf_database_get_type ())

G_DECLARE_FINAL_TYPE (CfDatabase, cf_database, CF, DATABASE, GObject)

GQuark        cf_database_error_quark    (void);
CfDatabase   *cf_database_open           (const char  *path,
                                          GError     **error);
sqlite3      *cf_database_get_handle     (CfDatabase  *self);
sqlite3_stmt *cf_database_prepare        (CfDatabase  *self,
                                          const char  *sql);
gboolean      cf_database_exec           (CfDatabase  *self,
                                          const char  *sql,
                                          GError     **error);
gboolean      cf_database_write          (CfDatabase    *self,
                                          sqlite3_stmt  *statement,
                                          GError       **error);
void          cf_database_reset_statements (CfDatabase *self);
gboolean      cf_database_begin          (CfDatabase  *self,
                                          GError     **error);
gboolean      cf_database_checkpoint     (CfDatabase  *self,
                                          GError     **error);
gboolean      cf_database_commit         (CfDatabase  *self,
                                          GError     **error);
void          cf_database_rollback       (CfDatabase  *self);
gint64        cf_database_query_int      (CfDatabase  *self,
                                          const char  *sql,
                                          gint64       parameter);
int           cf_database_get_schema_version (CfDatabase *self);

G_END_DECLS
