/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-bounded-read"

#include "config.h"

#include "cf-bounded-read.h"

/* Sends a message and reads its answer into memory, never more than a
 * limit and never for longer than a deadline: an answer announced larger is
 * not read at all, one that grows past the limit as it comes (chunked, or
 * with no length) is cut off there, and one still coming at the deadline,
 * however steadily, is given up. libsoup's own send-and-read reads whatever
 * arrives, for as long as it arrives. */

#define CHUNK_BYTES (64 * 1024)

typedef struct
{
  gsize max_bytes;
  int io_priority;
  GInputStream *stream;
  GByteArray *body;
  GCancellable *cancellable;  /* owned: cancelled with the caller's, or at the deadline */
  GCancellable *caller;       /* owned, or NULL */
  gulong caller_id;
  guint deadline_id;
  gboolean timed_out;
} BoundedRead;

static void
bounded_read_free (BoundedRead *read)
{
  g_clear_handle_id (&read->deadline_id, g_source_remove);
  if (read->caller_id != 0)
    g_cancellable_disconnect (read->caller, read->caller_id);
  g_clear_object (&read->caller);
  g_clear_object (&read->cancellable);
  g_clear_object (&read->stream);
  g_clear_pointer (&read->body, g_byte_array_unref);
  g_free (read);
}

static gboolean
deadline_cb (gpointer user_data)
{
  BoundedRead *read = user_data;

  read->deadline_id = 0;
  read->timed_out = TRUE;
  g_cancellable_cancel (read->cancellable);
  return G_SOURCE_REMOVE;
}

static void
forward_cancel (GCancellable *caller,
                GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

/* A read stopped by the deadline is told as timed out, not as cancelled. */
static void
return_failure (GTask  *task,
                GError *error)
{
  BoundedRead *read = g_task_get_task_data (task);

  if (read->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "no whole answer in time");
      return;
    }
  g_task_return_error (task, error);
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
      return_failure (task, error);
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

  g_input_stream_read_bytes_async (read->stream, CHUNK_BYTES, read->io_priority, read->cancellable,
                                   chunk_read_cb, task);
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
      return_failure (task, error);
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
 * more than @max_bytes with G_IO_ERROR_MESSAGE_TOO_LARGE and giving up
 * with G_IO_ERROR_TIMED_OUT when it has not all come in @timeout_seconds. */
void
cf_bounded_read_async (SoupSession         *session,
                       SoupMessage         *message,
                       gsize                max_bytes,
                       guint                timeout_seconds,
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
  read->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      read->caller = g_object_ref (cancellable);
      read->caller_id = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel), read->cancellable, NULL);
    }
  read->deadline_id = g_timeout_add_seconds (MAX (timeout_seconds, 1), deadline_cb, read);
  g_task_set_task_data (task, read, (GDestroyNotify) bounded_read_free);
  soup_session_send_async (session, message, io_priority, read->cancellable, sent_cb, task);
}

GBytes *
cf_bounded_read_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_bounded_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
