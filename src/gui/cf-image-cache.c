/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-image-cache"

#include "config.h"

#include <math.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cf-bounded-read.h"
#include "cf-image-cache.h"

/* A screenful of cards and then some: the pictures scrolled past longest
 * ago make room for new ones. */
#define MAX_TEXTURES 96
/* Any platform the person adds names its picture addresses, so a picture
 * host is trusted with no more than this: a campaign picture is a few
 * hundred kilobytes, and one that takes longer than this to arrive is not
 * waited for. */
#define MAX_PICTURE_BYTES   (8 * 1024 * 1024)
#define MAX_PICTURE_PIXELS  (40 * 1000 * 1000)
#define DOWNLOAD_SECONDS    30
/* The pictures kept on disk for the next run; past this, the ones used
 * longest ago go, at start and after every few pictures saved. */
#define MAX_DISK_BYTES      (64 * 1024 * 1024)
#define SAVES_BETWEEN_PRUNES 16

/* Campaign pictures: the last ones used kept in memory, decoded no larger
 * than the place they are shown in, and all of them on disk for the next
 * run, fetched and decoded off the main thread. */
struct _CfImageCache
{
  GObject parent_instance;

  SoupSession *session;
  char *directory;
  guint saves_since_prune;
  guint download_seconds;
  GHashTable *textures;  /* key → GList link in recent, holding a Picture */
  GQueue recent;         /* Pictures, the last used first */
};

typedef struct
{
  char *key;
  GdkTexture *texture;
} Picture;

static void
picture_free (Picture *picture)
{
  g_free (picture->key);
  g_object_unref (picture->texture);
  g_free (picture);
}

/* A picture is kept once for each size it is shown at. */
static char *
texture_key (const char *url,
             int         width,
             int         height)
{
  return g_strdup_printf ("%d×%d %s", width, height, url);
}

G_DEFINE_FINAL_TYPE (CfImageCache, cf_image_cache, G_TYPE_OBJECT)

typedef struct
{
  char *url;
  char *key;
  GFile *file;
  int width;
  int height;
  SoupMessage *message;    /* owned, while downloading */
} Load;

static void
load_free (Load *load)
{
  g_free (load->url);
  g_free (load->key);
  g_clear_object (&load->file);
  g_clear_object (&load->message);
  g_free (load);
}

typedef struct
{
  GBytes *bytes;
  int width;
  int height;
  gboolean too_large;
} Decode;

static void
decode_free (Decode *decode)
{
  g_bytes_unref (decode->bytes);
  g_free (decode);
}

static void
cf_image_cache_finalize (GObject *object)
{
  CfImageCache *self = CF_IMAGE_CACHE (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_queue_clear_full (&self->recent, (GDestroyNotify) picture_free);

  G_OBJECT_CLASS (cf_image_cache_parent_class)->finalize (object);
}

static void
cf_image_cache_class_init (CfImageCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_image_cache_finalize;
}

static void
cf_image_cache_init (CfImageCache *self)
{
  self->textures = g_hash_table_new (g_str_hash, g_str_equal);
  self->download_seconds = DOWNLOAD_SECONDS;
  g_queue_init (&self->recent);
}

typedef struct
{
  char *path;
  guint64 size;
  guint64 used;  /* last modified: a picture is written once, when fetched */
} KeptFile;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const KeptFile *first = a, *second = b;

  return first->used < second->used ? 1 : first->used > second->used ? -1 : 0;
}

static void
kept_file_clear (KeptFile *file)
{
  g_free (file->path);
}

static void
prune_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *directory = task_data;
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (KeptFile));
  const char *name;
  guint64 total = 0;

  g_array_set_clear_func (files, (GDestroyNotify) kept_file_clear);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      KeptFile file = { g_build_filename (directory, name, NULL), 0, 0 };
      GStatBuf info;

      if (g_lstat (file.path, &info) != 0 || !S_ISREG (info.st_mode))
        {
          g_free (file.path);
          continue;
        }
      file.size = info.st_size;
      file.used = info.st_mtime;
      g_array_append_val (files, file);
    }

  g_array_sort (files, compare_newest_first);
  for (guint i = 0; i < files->len; i++)
    {
      KeptFile *file = &g_array_index (files, KeptFile, i);

      total += file->size;
      if (total > MAX_DISK_BYTES)
        g_unlink (file->path);
    }

  g_task_return_boolean (task, TRUE);
}

/* Keeps the folder within MAX_DISK_BYTES, the pictures saved last kept,
 * off the main thread. The cache does so by itself at start and as it
 * saves pictures. */
void
cf_image_cache_prune_async (CfImageCache        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CF_IS_IMAGE_CACHE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_image_cache_prune_async);
  self->saves_since_prune = 0;
  g_task_set_task_data (task, g_strdup (self->directory), g_free);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, prune_in_thread);
}

gboolean
cf_image_cache_prune_finish (CfImageCache  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_image_cache_prune_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* How long a picture may take to arrive, whole. */
void
cf_image_cache_set_download_timeout (CfImageCache *self,
                                     guint         seconds)
{
  g_return_if_fail (CF_IS_IMAGE_CACHE (self));

  self->download_seconds = MAX (seconds, 1);
}

CfImageCache *
cf_image_cache_new (SoupSession *session,
                    const char  *directory)
{
  CfImageCache *self = g_object_new (CF_TYPE_IMAGE_CACHE, NULL);

  self->session = g_object_ref (session);
  self->directory = g_strdup (directory);
  g_mkdir_with_parents (directory, 0700);
  cf_image_cache_prune_async (self, NULL, NULL, NULL);
  return self;
}

static GdkTexture *
lookup_key (CfImageCache *self,
            const char   *key)
{
  GList *link = g_hash_table_lookup (self->textures, key);

  if (link == NULL)
    return NULL;

  g_queue_unlink (&self->recent, link);
  g_queue_push_head_link (&self->recent, link);
  return ((Picture *) link->data)->texture;
}

/* The picture if it is already decoded for a place of @width × @height
 * pixels, without waiting. */
GdkTexture *
cf_image_cache_lookup (CfImageCache *self,
                       const char   *url,
                       int           width,
                       int           height)
{
  g_autofree char *key = url ? texture_key (url, width, height) : NULL;

  return key ? lookup_key (self, key) : NULL;
}

static void
remember (CfImageCache *self,
          const char   *key,
          GdkTexture   *texture)
{
  Picture *picture;

  if (lookup_key (self, key) != NULL)
    return;

  while (g_queue_get_length (&self->recent) >= MAX_TEXTURES)
    {
      Picture *oldest = g_queue_pop_tail (&self->recent);

      g_hash_table_remove (self->textures, oldest->key);
      picture_free (oldest);
    }

  picture = g_new0 (Picture, 1);
  picture->key = g_strdup (key);
  picture->texture = g_object_ref (texture);
  g_queue_push_head (&self->recent, picture);
  g_hash_table_insert (self->textures, picture->key, self->recent.head);
}

/* Shown with content-fit “cover”, a picture fills its place and is cut at
 * the sides that overflow: it is decoded just large enough to cover it,
 * never larger than it is. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  Decode          *decode)
{
  double scale = MAX ((double) decode->width / width, (double) decode->height / height);

  /* A size of zero makes the format's loader stop before it makes room
   * for the pixels it claims. */
  if ((gint64) width * height > MAX_PICTURE_PIXELS)
    {
      decode->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
    }
  else if (scale < 1)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) ceil (width * scale)), MAX (1, (int) ceil (height * scale)));
}

static void
decode_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Decode *decode = task_data;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GError *error = NULL;
  GdkPixbuf *pixbuf;
  gboolean written;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), decode);
  written = gdk_pixbuf_loader_write_bytes (loader, decode->bytes, &error);
  /* Closed whatever happened: a loader must be, even after an error. */
  if (!gdk_pixbuf_loader_close (loader, written ? &error : NULL) || !written)
    {
      if (decode->too_large)
        {
          g_clear_error (&error);
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "a picture of too many pixels");
        }
      g_task_return_error (task, error);
      return;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a picture");
  else
    g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfImageCache *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;
  GdkTexture *texture = g_task_propagate_pointer (G_TASK (result), &error);

  if (texture == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  remember (self, load->key, texture);
  g_task_return_pointer (task, texture, g_object_unref);
}

static void
decode (GTask  *task,
        GBytes *bytes)
{
  CfImageCache *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);
  g_autoptr(GTask) decoding = g_task_new (self, g_task_get_cancellable (task), decoded_cb, task);
  Decode *decode = g_new0 (Decode, 1);

  decode->bytes = g_bytes_ref (bytes);
  decode->width = load->width;
  decode->height = load->height;
  g_task_set_task_data (decoding, decode, (GDestroyNotify) decode_free);
  g_task_run_in_thread (decoding, decode_in_thread);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  CfImageCache *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = cf_bounded_read_finish (result, &error);
  guint status = soup_message_get_status (load->message);

  if (bytes == NULL || status != SOUP_STATUS_OK)
    {
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "HTTP %u", status);
      g_debug ("no picture from %s: %s", load->url, error->message);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* Best effort: a picture that cannot be saved is fetched again next time. */
  g_file_replace_contents_bytes_async (load->file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       NULL, NULL, NULL);
  if (++self->saves_since_prune >= SAVES_BETWEEN_PRUNES)
    cf_image_cache_prune_async (self, NULL, NULL, NULL);
  decode (task, bytes);
}

static void
read_from_disk_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  CfImageCache *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, NULL);

  if (bytes != NULL)
    {
      decode (task, bytes);
      return;
    }

  load->message = soup_message_new ("GET", load->url);
  if (load->message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "not a picture address");
      g_object_unref (task);
      return;
    }

  cf_bounded_read_async (self->session, load->message, MAX_PICTURE_BYTES, self->download_seconds, G_PRIORITY_LOW,
                         g_task_get_cancellable (task), downloaded_cb, task);
}

/* The picture at @url decoded to cover a place of @width × @height pixels
 * (device pixels: the widget's size times its scale). */
void
cf_image_cache_load_async (CfImageCache        *self,
                           const char          *url,
                           int                  width,
                           int                  height,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *path = g_build_filename (self->directory, name, NULL);
  GdkTexture *texture = cf_image_cache_lookup (self, url, width, height);
  Load *load;

  g_task_set_source_tag (task, cf_image_cache_load_async);
  if (texture != NULL)
    {
      g_task_return_pointer (task, g_object_ref (texture), g_object_unref);
      g_object_unref (task);
      return;
    }

  load = g_new0 (Load, 1);
  load->url = g_strdup (url);
  load->key = texture_key (url, width, height);
  load->width = width;
  load->height = height;
  load->file = g_file_new_for_path (path);
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_file_load_bytes_async (load->file, cancellable, read_from_disk_cb, task);
}

GdkTexture *
cf_image_cache_load_finish (CfImageCache  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_image_cache_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
