/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "cf-http-client.h"
#include "cf-test-home.h"
#include "cf-image-cache.h"
#include "cf-raw-peer.h"
#include "cf-rest-platform.h"

/* Any platform the person adds names its picture addresses: a picture host
 * gets a bounded share of memory, time and disk, whatever it sends. */

typedef struct
{
  char *folder;
  SoupSession *session;
  CfImageCache *cache;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = g_dir_make_tmp ("crowdfund-pictures-XXXXXX", NULL);
  fixture->session = cf_http_client_new_session ();
  fixture->cache = cf_image_cache_new (fixture->session, fixture->folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->cache);
  g_clear_object (&fixture->session);
  cf_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GdkTexture *
load (Fixture     *fixture,
      const char  *url,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cf_image_cache_load_async (fixture->cache, url, 320, 180, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return cf_image_cache_load_finish (fixture->cache, result, error);
}

static guint64
folder_bytes (const char *folder,
              guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint64 total = 0;

  *n_files = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf info;

      if (g_stat (path, &info) == 0)
        {
          total += info.st_size;
          (*n_files)++;
        }
    }
  return total;
}

/* A picture announced at 300 MiB, or sent in chunks that never end, is
 * refused once past 8 MiB; nothing of it is kept on disk. */
static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  const CfRawAnswer answers[] = { CF_RAW_ANSWER_HUGE_LENGTH, CF_RAW_ANSWER_ENDLESS_CHUNKS };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr(CfRawPeer) host = cf_raw_peer_new (answers[i]);
      g_autofree char *url = g_strconcat (cf_raw_peer_get_url (host), "cover.png", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = load (fixture, url, &error);
      gsize written = cf_raw_peer_wait_for_hang_up (host);
      guint n_files;

      g_assert_null (texture);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
      g_test_message ("%" G_GSIZE_FORMAT " bytes written before the app hung up", written);
      g_assert_cmpuint (written, <, 32 * 1024 * 1024);
      g_assert_cmpuint (folder_bytes (fixture->folder, &n_files), ==, 0);
    }
}

/* A host that takes the request and never answers is given up at the
 * deadline (1 s here, 30 s in the app). */
static void
test_never_answered (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CfRawPeer) host = cf_raw_peer_new (CF_RAW_ANSWER_NOTHING);
  g_autofree char *url = g_strconcat (cf_raw_peer_get_url (host), "cover.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  cf_image_cache_set_download_timeout (fixture->cache, 1);
  texture = load (fixture, url, &error);
  g_assert_null (texture);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  cf_raw_peer_wait_for_hang_up (host);
}

static guint32
png_crc (const guint8 *data,
         gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (guint bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return crc ^ 0xffffffff;
}

/* A small file whose header claims 100 000 × 100 000 pixels, with a right
 * checksum, so that only its size can refuse it. */
static GBytes *
gigapixel_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1, 1);
  char *buffer;
  gsize length;
  guint8 *ihdr;
  guint32 crc;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", NULL, NULL));
  /* Signature (8), length (4), "IHDR" (4), width (4), height (4). */
  ihdr = (guint8 *) buffer + 12;
  g_assert_cmpmem (ihdr, 4, "IHDR", 4);
  for (guint i = 0; i < 2; i++)
    {
      guint32 big = GUINT32_TO_BE (100000);

      memcpy (ihdr + 4 + 4 * i, &big, 4);
    }
  crc = GUINT32_TO_BE (png_crc (ihdr, 4 + 13));
  memcpy (ihdr + 4 + 13, &crc, 4);
  return g_bytes_new_take (buffer, length);
}

static void
serve_picture (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  GBytes *picture = user_data;

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (message), picture);
}

static void
test_too_many_pixels (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) picture = gigapixel_png ();
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  soup_server_add_handler (server, NULL, serve_picture, picture, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  url = g_strconcat (base, "gigapixel.png", NULL);

  texture = load (fixture, url, &error);
  g_assert_null (texture);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
}

static void
write_kept_picture (const char *folder,
                    guint       index,
                    const char *bytes,
                    gsize       length)
{
  g_autofree char *name = g_strdup_printf ("picture-%03u", index);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  /* The first written is the oldest, a minute between each. */
  struct utimbuf times = { .actime = 1700000000 + index * 60, .modtime = 1700000000 + index * 60 };

  g_assert_true (g_file_set_contents (path, bytes, length, NULL));
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* 96 pictures of 1 MiB left by earlier runs: the cache keeps the 64 MiB
 * saved last and removes the rest. */
static void
test_disk_bounded (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *megabyte = g_malloc0 (1024 * 1024);
  g_autofree char *folder = g_build_filename (fixture->folder, "earlier-runs", NULL);
  g_autofree char *oldest = g_build_filename (folder, "picture-000", NULL);
  g_autofree char *newest = g_build_filename (folder, "picture-095", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfImageCache) cache = NULL;
  guint n_files;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < 96; i++)
    write_kept_picture (folder, i, megabyte, 1024 * 1024);
  g_assert_cmpuint (folder_bytes (folder, &n_files), ==, 96 * 1024 * 1024);

  /* It prunes by itself as it starts; this waits for a prune of its own. */
  cache = cf_image_cache_new (fixture->session, folder);
  cf_image_cache_prune_async (cache, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cf_image_cache_prune_finish (cache, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (folder_bytes (folder, &n_files), ==, 64 * 1024 * 1024);
  g_assert_cmpuint (n_files, ==, 64);
  g_assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (newest, G_FILE_TEST_EXISTS));
  cf_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pictures/too-large", test_too_large);
  ADD ("/pictures/never-answered", test_never_answered);
  ADD ("/pictures/too-many-pixels", test_too_many_pixels);
  ADD ("/pictures/disk-bounded", test_disk_bounded);
  return g_test_run ();
}
