/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-request.h"

G_BEGIN_DECLS

/* A list answered a page at a time, by keyset: the cursor holds the sort
 * key and id of the last item sent, so page 2 000 costs what page 1 does. */
typedef struct
{
  const char *columns; /* what a row holds, for write () */
  const char *from;    /* " FROM … JOIN …" */
  const char *where;   /* conditions with :named parameters, or NULL */
  const char *key;     /* the sort expression */
  const char *id;      /* the unique column breaking ties */
  gboolean descending;
  gboolean count_total;
  void (*bind)  (sqlite3_stmt *statement, gpointer data);
  void (*write) (JsonBuilder *builder, sqlite3_stmt *statement, gpointer data);
  gpointer data;
  /* Optional: conditions that check one row cheaply, to look at the first
   * rows of @window_table (the first table of @from, with its alias) in
   * order before the whole list; NULL to go straight to @where. */
  const char *window_table;
  const char *window_where;
} CfListing;

void cf_listing_reply (CfRequest       *request,
                       const CfListing *listing);
void cf_listing_bind_text  (sqlite3_stmt *statement,
                            const char   *name,
                            const char   *value);
void cf_listing_bind_int   (sqlite3_stmt *statement,
                            const char   *name,
                            gint64        value);

G_END_DECLS
