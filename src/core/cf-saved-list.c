/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-saved-list"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "cf-json-limits.h"
#include "cf-model.h"
#include "cf-saved-list.h"

/* A file per list and account: {"saved_at": time, "items": [...]}, each
 * item as its model writes itself. Only the person reads it (mode 0600);
 * signing out or removing the account deletes it. */

#define MAX_SAVED_BYTES (16 * 1024 * 1024)

static char *
name_for_key (const char *name,
              const char *key,
              const char *suffix)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  return g_strdup_printf ("%s-%.16s%s", name, digest, suffix);
}

static char *
path_for_key (const char *name,
              const char *key)
{
  g_autofree char *file = name_for_key (name, key, ".json");

  return g_build_filename (g_get_user_cache_dir (), "crowdfund", "lists", file, NULL);
}

/* Where the list @name of @key (an account, a platform) is kept: named
 * by a digest, not by who the person is. */
char *
cf_saved_list_path (const char *name,
                    const char *key)
{
  return path_for_key (name, key);
}

/* A folder for the lists @name of @key, one per campaign or other id (see
 * cf_saved_list_path_in()), forgotten all at once. */
char *
cf_saved_list_folder (const char *name,
                      const char *key)
{
  g_autofree char *folder = name_for_key (name, key, "");

  return g_build_filename (g_get_user_cache_dir (), "crowdfund", "lists", folder, NULL);
}

/* Where the list @kind of @id is kept in @folder: @id comes from the
 * platform, so it names the file only through a digest. */
char *
cf_saved_list_path_in (const char *folder,
                       const char *kind,
                       const char *id)
{
  g_autofree char *file = name_for_key (kind, id, ".json");

  return g_build_filename (folder, file, NULL);
}

void
cf_saved_list_save (const char *path,
                    GListModel *items)
{
  cf_saved_list_save_leaving_out (path, items, NULL);
}

/* Keeps @items without their @private_members, which what the list is
 * kept for does not show: backers' names and addresses, say. */
void
cf_saved_list_save_leaving_out (const char         *path,
                                GListModel         *items,
                                const char * const *private_members)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved_at = g_date_time_format_iso8601 (now);
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, saved_at);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfModel) item = g_list_model_get_item (items, i);
      JsonNode *node = cf_model_to_json (item);

      for (guint m = 0; private_members != NULL && private_members[m] != NULL; m++)
        if (json_object_has_member (json_node_get_object (node), private_members[m]))
          json_object_remove_member (json_node_get_object (node), private_members[m]);
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  if (g_mkdir_with_parents (directory, 0700) != 0 ||
      !g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("could not keep %s: %s", path, error ? error->message : g_strerror (errno));
}

/* The list kept at @path, and when it was, or NULL when there is none or
 * it cannot be read (a file from an older version is simply not used). */
GListModel *
cf_saved_list_load (const char  *path,
                    GType        item_type,
                    GDateTime  **saved_at)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GListModel *items;
  JsonObject *root;
  const char *time;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, NULL) ||
      !cf_json_check_limits (text, length, MAX_SAVED_BYTES, NULL) ||
      !json_parser_load_from_data (parser, text, length, NULL) ||
      json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  root = json_node_get_object (json_parser_get_root (parser));
  time = cf_model_json_string (root, "saved_at");
  items = cf_model_list_new_from_json (item_type, json_object_get_member (root, "items"), NULL);
  if (items == NULL || time == NULL || (*saved_at = g_date_time_new_from_iso8601 (time, NULL)) == NULL)
    {
      g_clear_object (&items);
      return NULL;
    }
  return items;
}

void
cf_saved_list_forget (const char *path)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_debug ("could not forget %s: %s", path, g_strerror (errno));
}

/* Deletes @folder and every list kept in it. */
void
cf_saved_list_forget_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      cf_saved_list_forget (path);
    }
  if (g_rmdir (folder) != 0 && errno != ENOENT)
    g_debug ("could not forget %s: %s", folder, g_strerror (errno));
}
