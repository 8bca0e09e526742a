/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-bounded-read"

#include "config.h"

#include "cf-bounded-read.h"

/* Sends a message and reads its answer into memory, never more than a
 * limit: an answer announced larger is not read at all, and one that grows
 * past the limit as it comes (chunked, or with no length) is cut off there.
 * libsoup's own send-and-read reads whatever arrives. */

#define CHUNK_BYTES (64 * 1024)

typedef struct
{
  gsize max_bytes;
  int io_priority;
  GInputStream *stream;
  GByteArray *body;
} BoundedRead;

static void
bounded_read_free (BoundedRead *read)
{
  g_clear_object (&read->stream);
  g_clear_pointer (&read->body, g_byte_array_unref);
  g_free (read);
}

static void
return_too_large (GTask *task)
{
  BoundedRead *read = g_task_get_task_data (task);

  /* Closing before the end drops the connection instead of draining it. */
  g_input_stream_close (read->stream, NULL, NULL);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           "an answer of more than %" G_GSIZE_FORMAT " bytes", read->max_bytes);
}

static void read_next (GTask *task);

static void
chunk_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BoundedRead *read = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  gsize length;
  gconstpointer data;

  if (chunk == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_bytes_get_data (chunk, &length);
  if (length == 0)
    {
      g_input_stream_close (read->stream, NULL, NULL);
      g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&read->body)),
                             (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (read->body->len + length > read->max_bytes)
    {
      return_too_large (task);
      return;
    }

  g_byte_array_append (read->body, data, length);
  read_next (g_steal_pointer (&task));
}

static void
read_next (GTask *task)
{
  BoundedRead *read = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (read->stream, CHUNK_BYTES, read->io_priority,
                                   g_task_get_cancellable (task), chunk_read_cb, task);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  BoundedRead *read = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  GError *error = NULL;
  goffset announced;

  read->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (read->stream == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  announced = soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  if (announced > 0 && (guint64) announced > read->max_bytes)
    {
      return_too_large (task);
      g_object_unref (task);
      return;
    }

  read->body = g_byte_array_sized_new (announced > 0 ? (guint) announced : 0);
  read_next (task);
}

/* Sends @message on @session and reads its answer whole, refusing one of
 * more than @max_bytes with G_IO_ERROR_MESSAGE_TOO_LARGE. */
void
cf_bounded_read_async (SoupSession         *session,
                       SoupMessage         *message,
                       gsize                max_bytes,
                       int                  io_priority,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  BoundedRead *read;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (message));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_bounded_read_async);
  read = g_new0 (BoundedRead, 1);
  read->max_bytes = max_bytes;
  read->io_priority = io_priority;
  g_task_set_task_data (task, read, (GDestroyNotify) bounded_read_free);
  soup_session_send_async (session, message, io_priority, cancellable, sent_cb, task);
}

GBytes *
cf_bounded_read_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_bounded_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
