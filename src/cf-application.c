/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-application"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cf-application.h"
#include "cf-local-help.h"
#include "cf-platform-kind.h"
#include "cf-resources.h"
#include "cf-http-client.h"
#include "cf-web-address.h"
#include "cf-window.h"

/* The application: one HTTP session shared by its windows and their
 * platforms, and app-wide actions. */
struct _CfApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  char *platform_option;  /* --platform URL or --demo, for this run only */
  SoupSession *session;
  CfImageCache *image_cache;
};

G_DEFINE_FINAL_TYPE (CfApplication, cf_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "platform", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Browse the platform at URL"), N_("URL") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Browse the demo platform"), NULL },
  { NULL }
};

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Crowdfund developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (window,
                         "application-name", _("Crowdfund"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Crowdfund developers"),
                         "developers", developers,
                         "comments", _("Back projects, follow campaigns and track your rewards"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one a line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
guide_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkWidget) window = user_data;
  g_autoptr(GError) error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    return;

  g_debug ("web browser: %s", error->message);
  gtk_widget_activate_action (window, "win.show-toast", "s",
                              _("Neither a help browser nor a web browser is installed to open the guide"));
}

/* Without a help browser, the guide installed with the app as web pages,
 * in the person's language, and a word on why. */
static void
help_shown_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (object);
  const char *help_dir = g_getenv ("CROWDFUND_HELP_DIR");
  g_autofree char *uri = NULL;

  if (gtk_show_uri_full_finish (window, result, &error))
    return;

  g_debug ("help browser: %s", error->message);
  uri = cf_local_help_dup_uri (help_dir != NULL ? help_dir : PKGDATADIR "/help");
  if (uri == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-toast", "s",
                                  _("No help browser is installed, and the guide is missing"));
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-toast", "s",
                              _("No help browser is installed: the guide opens in the web browser instead"));
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, guide_opened_cb, g_object_ref (window));
}

/* The user guide, in the help browser (Yelp), in the user's language. */
static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_show_uri_full (window, "help:crowdfund", GDK_CURRENT_TIME, NULL, help_shown_cb, NULL);
}

/* From a notification: the view it is about (“pledges”, “dashboard”), in front. */
static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (user_data));
      window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
    }
  if (CF_IS_WINDOW (window))
    cf_window_show_view (CF_WINDOW (window), g_variant_get_string (parameter, NULL));
}

/* SIGTERM and SIGINT quit as closing the window does: the demo's server
 * ends with the app. */
static gboolean
quit_on_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
  { "show-view", show_view_action, "s" },
};

static int
cf_application_handle_local_options (GApplication *application,
                                     GVariantDict *options_dict)
{
  CfApplication *self = CF_APPLICATION (application);
  const char *url = NULL;

  if (g_variant_dict_contains (options_dict, "demo"))
    cf_application_set_platform_option (self, CF_DEMO_CHOICE);
  else if (g_variant_dict_lookup (options_dict, "platform", "&s", &url) && !cf_web_address_is_valid (url))
    {
      /* Translators: %s is what was given after --platform. */
      g_printerr (_("“%s” is not a platform address: give one such as https://crowdfund.example or "
                    "http://127.0.0.1:8080"), url);
      g_printerr ("\n");
      return 1;
    }
  else if (url != NULL)
    cf_application_set_platform_option (self, url);

  return -1;
}

static void
cf_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (cf_application_new_window (CF_APPLICATION (application)));

  gtk_window_present (window);
}

static void
cf_application_startup (GApplication *application)
{
  CfApplication *self = CF_APPLICATION (application);
  g_autofree char *images = g_build_filename (g_get_user_cache_dir (), "crowdfund", "images", NULL);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.open-address", { "<Control>l", NULL } },
    { "win.show-view::explore", { "<Alt>1", NULL } },
    { "win.show-view::following", { "<Alt>2", NULL } },
    { "win.show-view::pledges", { "<Alt>3", NULL } },
    { "win.show-view::dashboard", { "<Alt>4", NULL } },
    { "win.reload", { "<Control>r", "F5" } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
  };

#ifdef __GLIBC__
  /* glibc gives threads that allocate at once arenas of their own, up to
   * eight a core, and keeps what is freed in each of them: the threads that
   * parse pages and decode pictures would leave megabytes behind in each. */
  mallopt (M_ARENA_MAX, 2);
#endif

  G_APPLICATION_CLASS (cf_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  self->session = cf_http_client_new_session ();
  self->image_cache = cf_image_cache_new (self->session, images);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
  g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
cf_application_finalize (GObject *object)
{
  CfApplication *self = CF_APPLICATION (object);

  g_clear_object (&self->image_cache);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->platform_option, g_free);

  G_OBJECT_CLASS (cf_application_parent_class)->finalize (object);
}

static void
cf_application_class_init (CfApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cf_application_finalize;
  application_class->activate = cf_application_activate;
  application_class->startup = cf_application_startup;
  application_class->handle_local_options = cf_application_handle_local_options;

  /* Referring to the compiled resources keeps them linked in from the
   * static library, where their constructor registers them. */
  g_assert (cf_get_resource () != NULL);
}

static void
cf_application_init (CfApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

CfApplication *
cf_application_new (void)
{
  return g_object_new (CF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

GSettings *
cf_application_get_settings (CfApplication *self)
{
  return self->settings;
}

CfImageCache *
cf_application_get_image_cache (CfApplication *self)
{
  return self->image_cache;
}

/* Opens @choice in this run, whatever was chosen before, without
 * remembering it: what --platform and --demo do. */
void
cf_application_set_platform_option (CfApplication *self,
                                    const char    *choice)
{
  g_free (self->platform_option);
  self->platform_option = g_strdup (choice);
}

/* A window on the person's platforms, and the one given on the command
 * line beside them. */
CfWindow *
cf_application_new_window (CfApplication *self)
{
  g_autoptr(CfAccountList) accounts = NULL;

  g_return_val_if_fail (CF_IS_APPLICATION (self), NULL);

  accounts = cf_account_list_new (self->settings, self->session);
  cf_account_list_start (accounts, self->platform_option);
  return cf_window_new (GTK_APPLICATION (self), self->settings, self->image_cache, accounts);
}
