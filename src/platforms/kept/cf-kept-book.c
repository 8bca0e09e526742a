/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-kept-book"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cf-json-limits.h"
#include "cf-kept-book.h"

/* What the person keeps on this computer, in one file of their data
 * folder (docs/kept-file.md): the campaigns they follow by address and
 * the pledges they keep by hand. The file is replaced whole, through a
 * new file renamed over it, so a crash leaves the old one or the new one.
 * A file that cannot be read is left as it is until something is kept
 * again; it is then set aside beside it, never overwritten. */

#define FORMAT "crowdfund-kept"
#define VERSION 1
#define MAX_BYTES (64 * 1024 * 1024)

struct _CfKeptBook
{
  GObject parent_instance;

  char *path;
  JsonObject *root;  /* {"format", "version", "campaigns": [...], "pledges": [...]} */
  GError *damage;    /* why the file at path could not be read, until replaced */
};

G_DEFINE_FINAL_TYPE (CfKeptBook, cf_kept_book, G_TYPE_OBJECT)

static JsonObject *
new_root (void)
{
  JsonObject *root = json_object_new ();

  json_object_set_string_member (root, "format", FORMAT);
  json_object_set_int_member (root, "version", VERSION);
  json_object_set_array_member (root, CF_KEPT_CAMPAIGNS, json_array_new ());
  json_object_set_array_member (root, CF_KEPT_PLEDGES, json_array_new ());
  return root;
}

static gboolean
is_list_of_objects (JsonObject *root,
                    const char *list)
{
  JsonNode *node = json_object_get_member (root, list);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (item) ||
          json_object_get_string_member_with_default (json_node_get_object (item), "id", NULL) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The book in the file at @path, or NULL with @error set. */
static JsonObject *
read_file (const char  *path,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) cause = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  JsonObject *root;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, &cause))
    {
      g_set_error (error, G_FILE_ERROR, cause->domain == G_FILE_ERROR ? cause->code : G_FILE_ERROR_FAILED,
                   _("“%s” could not be read: %s"), name, cause->message);
      return NULL;
    }
  if (!cf_json_check_limits (text, length, MAX_BYTES, &cause) ||
      !json_parser_load_from_data (parser, text, length, &cause))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _("“%s” is damaged: %s"), name, cause->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto not_ours;
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL), FORMAT) != 0)
    goto not_ours;
  if (json_object_get_int_member_with_default (root, "version", 0) != VERSION)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("“%s” was written by a newer Crowdfund; update Crowdfund to read it."), name);
      return NULL;
    }
  if (!is_list_of_objects (root, CF_KEPT_CAMPAIGNS) || !is_list_of_objects (root, CF_KEPT_PLEDGES))
    goto not_ours;
  return json_object_ref (root);

not_ours:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("“%s” is not a file of pledges and campaigns kept by Crowdfund."), name);
  return NULL;
}

static void
load (CfKeptBook *self)
{
  g_autoptr(GError) error = NULL;

  self->root = read_file (self->path, &error);
  if (self->root != NULL)
    return;
  self->root = new_root ();
  if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_warning ("%s", error->message);
      self->damage = g_steal_pointer (&error);
    }
}

/* Where the damaged file goes: beside it, under a name not yet taken. */
static char *
dup_set_aside_path (const char *path)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *aside = n == 1 ? g_strconcat (path, ".damaged", NULL)
                                      : g_strdup_printf ("%s.damaged-%u", path, n);

      if (!g_file_test (aside, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&aside);
    }
}

static gboolean
write_file (JsonObject  *root,
            const char  *path,
            GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", folder,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents_full (path, text, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, error);
}

/* Writes the book to its file, first setting aside a file that could not
 * be read. */
gboolean
cf_kept_book_save (CfKeptBook  *self,
                   GError     **error)
{
  g_return_val_if_fail (CF_IS_KEPT_BOOK (self), FALSE);

  if (self->damage != NULL)
    {
      g_autofree char *aside = dup_set_aside_path (self->path);

      if (g_rename (self->path, aside) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", aside,
                       g_strerror (saved_errno));
          return FALSE;
        }
      g_message ("the damaged %s is kept as %s", self->path, aside);
      g_clear_error (&self->damage);
    }
  return write_file (self->root, self->path, error);
}

/* Writes a copy of the book to @path, for another computer. */
gboolean
cf_kept_book_export (CfKeptBook  *self,
                     const char  *path,
                     GError     **error)
{
  g_return_val_if_fail (CF_IS_KEPT_BOOK (self), FALSE);

  return write_file (self->root, path, error);
}

/* Adds what the file at @path keeps that this book does not (by id), and
 * says how many were added; the book is saved when any was. */
gboolean
cf_kept_book_import (CfKeptBook  *self,
                     const char  *path,
                     guint       *n_added,
                     GError     **error)
{
  static const char * const lists[] = { CF_KEPT_CAMPAIGNS, CF_KEPT_PLEDGES };
  g_autoptr(JsonObject) other = NULL;
  guint added = 0;

  g_return_val_if_fail (CF_IS_KEPT_BOOK (self), FALSE);

  other = read_file (path, error);
  if (other == NULL)
    return FALSE;
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *items = json_object_get_array_member (other, lists[l]);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);

          if (cf_kept_book_find (self, lists[l], json_object_get_string_member (item, "id")) != NULL)
            continue;
          json_array_add_object_element (cf_kept_book_get_list (self, lists[l]), json_object_ref (item));
          added++;
        }
    }
  if (n_added != NULL)
    *n_added = added;
  return added == 0 || cf_kept_book_save (self, error);
}

/* The items of @list, CF_KEPT_CAMPAIGNS or CF_KEPT_PLEDGES, oldest first. */
JsonArray *
cf_kept_book_get_list (CfKeptBook *self,
                       const char *list)
{
  g_return_val_if_fail (CF_IS_KEPT_BOOK (self), NULL);

  return json_object_get_array_member (self->root, list);
}

JsonObject *
cf_kept_book_find (CfKeptBook *self,
                   const char *list,
                   const char *id)
{
  JsonArray *items;

  g_return_val_if_fail (CF_IS_KEPT_BOOK (self), NULL);

  items = cf_kept_book_get_list (self, list);
  for (guint i = 0; id != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "id"), id) == 0)
        return item;
    }
  return NULL;
}

/* The campaign followed at @address, if one is. */
JsonObject *
cf_kept_book_find_campaign_at (CfKeptBook *self,
                               const char *address)
{
  JsonArray *items;

  g_return_val_if_fail (CF_IS_KEPT_BOOK (self), NULL);

  items = cf_kept_book_get_list (self, CF_KEPT_CAMPAIGNS);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (item, "address", NULL), address) == 0)
        return item;
    }
  return NULL;
}

/* A new item at the end of @list, with a new id; saving is the caller's. */
JsonObject *
cf_kept_book_add (CfKeptBook *self,
                  const char *list)
{
  JsonObject *item = json_object_new ();
  g_autofree char *uuid = g_uuid_string_random ();

  g_return_val_if_fail (CF_IS_KEPT_BOOK (self), NULL);

  json_object_set_string_member (item, "id", uuid);
  json_array_add_object_element (cf_kept_book_get_list (self, list), item);
  return item;
}

gboolean
cf_kept_book_remove (CfKeptBook *self,
                     const char *list,
                     const char *id)
{
  JsonArray *items;

  g_return_val_if_fail (CF_IS_KEPT_BOOK (self), FALSE);

  items = cf_kept_book_get_list (self, list);
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "id"), id) == 0)
      {
        json_array_remove_element (items, i);
        return TRUE;
      }
  return FALSE;
}

/* Why the file could not be read, while it has not been replaced. */
const GError *
cf_kept_book_get_damage (CfKeptBook *self)
{
  g_return_val_if_fail (CF_IS_KEPT_BOOK (self), NULL);

  return self->damage;
}

static void
cf_kept_book_finalize (GObject *object)
{
  CfKeptBook *self = CF_KEPT_BOOK (object);

  g_free (self->path);
  g_clear_pointer (&self->root, json_object_unref);
  g_clear_error (&self->damage);

  G_OBJECT_CLASS (cf_kept_book_parent_class)->finalize (object);
}

static void
cf_kept_book_class_init (CfKeptBookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_kept_book_finalize;
}

static void
cf_kept_book_init (CfKeptBook *self)
{
}

/* The book kept at @path, read at once: empty when there is no file yet. */
CfKeptBook *
cf_kept_book_new (const char *path)
{
  CfKeptBook *self = g_object_new (CF_TYPE_KEPT_BOOK, NULL);

  self->path = g_strdup (path);
  load (self);
  return self;
}
