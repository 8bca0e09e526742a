/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-demo-platform"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __linux__
#include <signal.h>
#include <sys/prctl.h>
#endif

#include "cf-demo-platform.h"
#include "cf-rest-platform.h"

#define DEMO_PLEDGES_PER_SECOND "0.2"

#define LISTENING_PREFIX "listening on "

/* The reference platform with its demo data, run on loopback for as long as
 * the app runs, its database in the user's cache folder. */
struct _CfDemoPlatform
{
  GObject parent_instance;

  GSubprocess *process;
};

G_DEFINE_FINAL_TYPE (CfDemoPlatform, cf_demo_platform, G_TYPE_OBJECT)

static void open_platform (SoupSession *session,
                           const char  *choice,
                           GTask       *task);

const CfPlatformKind cf_demo_platform_kind = {
  .id = "demo",
  .name = N_("Demo platform"),
  .needs_address = FALSE,
  .open = open_platform,
};

static void
cf_demo_platform_dispose (GObject *object)
{
  cf_demo_platform_stop (CF_DEMO_PLATFORM (object));

  G_OBJECT_CLASS (cf_demo_platform_parent_class)->dispose (object);
}

static void
cf_demo_platform_class_init (CfDemoPlatformClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_demo_platform_dispose;
}

static void
cf_demo_platform_init (CfDemoPlatform *self)
{
}

/* The platform must not outlive the app, even one that crashed. */
static void
end_with_parent (gpointer user_data)
{
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

/* $CROWDFUND_PLATFORM, the installed one, or one on the PATH. */
static char *
find_binary (void)
{
  const char *configured = g_getenv ("CROWDFUND_PLATFORM");
  g_autofree char *installed = g_build_filename (BINDIR, "crowdfund-platform", NULL);

  if (configured != NULL && *configured != '\0')
    return g_strdup (configured);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);

  return g_find_program_in_path ("crowdfund-platform");
}

CfDemoPlatform *
cf_demo_platform_new (void)
{
  return g_object_new (CF_TYPE_DEMO_PLATFORM, NULL);
}

static void
line_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object),
                                                                     result, NULL, &error);

  if (line == NULL || !g_str_has_prefix (line, LISTENING_PREFIX))
    {
      g_debug ("demo platform: %s", error ? error->message : "no address");
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The demo platform could not start."));
      return;
    }

  g_task_return_pointer (task, g_strdup (line + strlen (LISTENING_PREFIX)), g_free);
}

/* Starts the platform and finishes with its address. */
void
cf_demo_platform_start_async (CfDemoPlatform      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *binary = find_binary ();
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "crowdfund", NULL);
  g_autofree char *database = g_build_filename (directory, "demo-platform.sqlite", NULL);
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  g_task_set_source_tag (task, cf_demo_platform_start_async);
  g_subprocess_launcher_set_child_setup (launcher, end_with_parent, NULL, NULL);
  g_mkdir_with_parents (directory, 0700);
  /* A few made-up backers keep pledging, so that the demo looks like a
   * platform people use and its creator's dashboard moves. */
  if (binary != NULL)
    self->process = g_subprocess_launcher_spawn (launcher, &error, binary, "--demo",
                                                 "--port", "0", "--database", database,
                                                 "--simulate-pledges", DEMO_PLEDGES_PER_SECOND, NULL);

  if (self->process == NULL)
    {
      g_debug ("demo platform: %s", error ? error->message : "crowdfund-platform not found");
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The demo platform is not installed."));
      return;
    }

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  g_data_input_stream_read_line_async (output, G_PRIORITY_DEFAULT, cancellable, line_read_cb,
                                       g_steal_pointer (&task));
}

char *
cf_demo_platform_start_finish (CfDemoPlatform  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_demo_platform_start_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cf_demo_platform_stop (CfDemoPlatform *self)
{
  if (self->process == NULL)
    return;

  g_subprocess_send_signal (self->process, SIGTERM);
  g_subprocess_wait (self->process, NULL, NULL);
  g_clear_object (&self->process);
}

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CfDemoPlatform *server = CF_DEMO_PLATFORM (object);
  GError *error = NULL;
  g_autofree char *url = cf_demo_platform_start_finish (server, result, &error);
  CfRestPlatform *platform;

  if (url == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The server runs as long as the platform it serves is used. */
  platform = cf_rest_platform_new (g_task_get_task_data (task), url);
  g_object_set_data_full (G_OBJECT (platform), "cf-demo-server", g_object_ref (server), g_object_unref);
  g_task_return_pointer (task, platform, g_object_unref);
}

/* The demo is a Crowdfund platform too, at the address its server was
 * started on. */
static void
open_platform (SoupSession *session,
               const char  *choice,
               GTask       *task)
{
  g_autoptr(CfDemoPlatform) server = cf_demo_platform_new ();

  g_task_set_task_data (task, g_object_ref (session), g_object_unref);
  cf_demo_platform_start_async (server, g_task_get_cancellable (task), started_cb, task);
}
