/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cf-account-box.h"
#include "cf-campaign-card.h"
#include "cf-dashboard-page.h"
#include "cf-funding-bar.h"
#include "cf-preferences-window.h"
#include "cf-secret-store.h"
#include "cf-spinner.h"
#include "cf-test-home.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

static gboolean
has_cards (GtkWidget *root,
           gpointer   data)
{
  return cf_test_count_visible (root, CF_TYPE_CAMPAIGN_CARD) > 0;
}

static gboolean
has_label (GtkWidget *root,
           gpointer   text)
{
  return cf_test_shows_label (root, text);
}

/* Gives the process a home of its own, before GTK starts (see
 * cf_test_use_new_home()). */
char *
cf_ui_use_new_home (const char *name)
{
  return cf_test_use_new_home (name);
}


/* A window opened at @width × @height (or the default height with -1),
 * as on a phone for 360: its view switcher bar slides in, and GTK 4.8's
 * revealers open to a negative height without animations, so they are on
 * until cf_ui_forget_window_size(). */
GtkWidget *
cf_ui_open_window_sized (CfApplication *application,
                         const char    *url,
                         int            width,
                         int            height)
{
  GSettings *settings = cf_application_get_settings (application);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  g_settings_set_int (settings, "window-width", width);
  if (height > 0)
    g_settings_set_int (settings, "window-height", height);
  return cf_ui_open_window (application, url);
}

/* New windows open at the default size again, without animations. */
void
cf_ui_forget_window_size (CfApplication *application)
{
  GSettings *settings = cf_application_get_settings (application);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* A new main window on the platform at @url alone, or on the platforms in
 * the settings when @url is NULL, opening on Explore whatever view the last
 * one closed on, once its campaigns show. */
GtkWidget *
cf_ui_open_window (CfApplication *application,
                   const char    *url)
{
  GtkWidget *window;

  g_settings_set_string (cf_application_get_settings (application), "last-view", "explore");
  cf_application_set_platform_option (application, url);
  window = GTK_WIDGET (cf_application_new_window (application));
  gtk_window_present (GTK_WINDOW (window));
  cf_test_wait_until (window, has_cards, NULL, "the campaigns are shown");
  return window;
}

GtkWidget *
cf_ui_open_preferences (GtkWidget *window)
{
  GtkWidget *preferences;

  g_assert_true (gtk_widget_activate_action (window, "win.preferences", NULL));
  preferences = cf_test_find_window (CF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  return preferences;
}

/* Types @username and @password into Preferences and presses Sign In. */
/* A button's label @msgid as it shows in the language the test runs in:
 * without the mnemonic's underscore. */
static char *
shown_label (const char *msgid)
{
  g_auto(GStrv) pieces = g_strsplit (g_dgettext (GETTEXT_PACKAGE, msgid), "_", -1);

  return g_strjoinv ("", pieces);
}

void
cf_ui_fill_sign_in (GtkWidget  *preferences,
                    const char *username,
                    const char *password)
{
  g_autofree char *sign_in = shown_label ("_Sign In");

  gtk_editable_set_text (GTK_EDITABLE (cf_test_row_titled (preferences, ADW_TYPE_ENTRY_ROW,
                                                           g_dgettext (GETTEXT_PACKAGE, "Username"))),
                         username);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_row_titled (preferences, ADW_TYPE_PASSWORD_ENTRY_ROW,
                                                           g_dgettext (GETTEXT_PACKAGE, "Password"))),
                         password);
  g_signal_emit_by_name (cf_test_button_labelled (preferences, sign_in), "clicked");
}

/* Signs in through Preferences and closes them once @name is shown. */
void
cf_ui_sign_in (GtkWidget  *window,
               const char *username,
               const char *password,
               const char *name)
{
  GtkWidget *preferences = cf_ui_open_preferences (window);

  cf_ui_fill_sign_in (preferences, username, password);
  cf_test_wait_until (preferences, has_label, (gpointer) name, "the account is shown");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* What the keyring holds for @username on the platform of @choice. */
CfCredentials *
cf_ui_keyring_lookup (const char *choice,
                      const char *username)
{
  g_autoptr(CfSecretStore) store = cf_secret_store_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CfCredentials *credentials;

  cf_secret_store_lookup_async (store, choice, username, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  credentials = cf_secret_store_lookup_finish (store, result, &error);
  g_assert_no_error (error);
  return credentials;
}

/* Signs in on the platform of the @index-th box of Preferences, with the
 * secret its row titled @secret_title asks for (a password, an API key). */
void
cf_ui_sign_in_box (GtkWidget  *preferences,
                   guint       index,
                   const char *username,
                   const char *secret_title,
                   const char *secret,
                   const char *name)
{
  g_autoptr(GPtrArray) boxes = cf_test_visible_widgets (preferences, CF_TYPE_ACCOUNT_BOX);
  GtkWidget *box;

  g_assert_cmpuint (index, <, boxes->len);
  box = boxes->pdata[index];
  /* The first entry of the form is the username, whatever the platform calls it. */
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (box, ADW_TYPE_ENTRY_ROW)), username);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_row_titled (box, ADW_TYPE_PASSWORD_ENTRY_ROW, secret_title)), secret);
  g_signal_emit_by_name (cf_test_button_labelled (box, "Sign In"), "clicked");
  cf_test_wait_until (box, has_label, (gpointer) name, "the account is shown");
}

/* A pledge row shows it is not up to date: its platform did not answer. */
gboolean
cf_ui_row_is_stale (GtkWidget *row)
{
  g_autoptr(GPtrArray) images = cf_test_visible_widgets (row, GTK_TYPE_IMAGE);

  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (images->pdata[i]), "Not up to date") == 0)
      return TRUE;
  return FALSE;
}

/* The first row titled @title under @root, or NULL. */
GtkWidget *
cf_ui_find_row (GtkWidget  *root,
                const char *title)
{
  g_autoptr(GPtrArray) rows = cf_test_visible_widgets (root, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title))
      return rows->pdata[i];
  return NULL;
}

gboolean
cf_ui_shows_stale_row (GtkWidget *root,
                       gpointer   title)
{
  GtkWidget *row = cf_ui_find_row (root, title);

  return row != NULL && cf_ui_row_is_stale (row);
}

gboolean
cf_ui_shows_fresh_row (GtkWidget *root,
                       gpointer   title)
{
  GtkWidget *row = cf_ui_find_row (root, title);

  return row != NULL && !cf_ui_row_is_stale (row);
}

/* The app as the UI tests run it: one instance per process, registered. */
CfApplication *
cf_ui_new_application (void)
{
  CfApplication *application = cf_application_new ();

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);
  return application;
}

/* The dashboard, or NULL while it is not on screen. */
GtkWidget *
cf_ui_dashboard_of (GtkWidget *window)
{
  g_autoptr(GPtrArray) pages = cf_test_visible_widgets (window, CF_TYPE_DASHBOARD_PAGE);

  return pages->len > 0 ? pages->pdata[0] : NULL;
}

static gboolean
has_dashboard (GtkWidget *window,
               gpointer   data)
{
  return cf_ui_dashboard_of (window) != NULL &&
         cf_test_count_visible (cf_ui_dashboard_of (window), CF_TYPE_FUNDING_BAR) > 0;
}

static gboolean
has_views (GtkWidget *window,
           gpointer   data)
{
  return cf_test_count_visible (window, ADW_TYPE_VIEW_STACK) > 0;
}

/* Goes to the dashboard of a signed-in creator, once it shows a campaign. */
void
cf_ui_show_dashboard (GtkWidget *window)
{
  cf_test_wait_until (window, has_views, NULL, "the window shows its views");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (cf_test_first_visible (window, ADW_TYPE_VIEW_STACK)),
                                         "dashboard");
  cf_test_wait_until (window, has_dashboard, NULL, "the dashboard is shown to a creator");
}

/* Goes to the dashboard of a signed-in creator and chooses the campaign
 * @campaign_title there. */
void
cf_ui_open_dashboard_on (GtkWidget  *window,
                         const char *campaign_title)
{
  GtkDropDown *campaigns;
  GListModel *model;

  cf_ui_show_dashboard (window);

  campaigns = GTK_DROP_DOWN (cf_test_first_visible (cf_ui_dashboard_of (window), GTK_TYPE_DROP_DOWN));
  model = gtk_drop_down_get_model (campaigns);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfAccountItem) created = g_list_model_get_item (model, i);

      if (g_str_equal (cf_campaign_get_title (cf_account_item_get_item (created)), campaign_title))
        gtk_drop_down_set_selected (campaigns, i);
    }
  g_assert_cmpstr (cf_campaign_get_title (cf_ui_selected_campaign (campaigns)), ==, campaign_title);
}

static void
collect_too_wide (GtkWidget *widget,
                  int        limit,
                  GString   *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int minimum = 0;

      /* The wide view switcher gives way to the narrow one by itself. A
       * page a stack hides still counts: the stack is as wide as its
       * widest page. */
      if (!gtk_widget_get_visible (child) || ADW_IS_VIEW_SWITCHER_TITLE (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > limit)
        g_string_append_printf (found, "%s#%s(%d) ", G_OBJECT_TYPE_NAME (child),
                                gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)) ?: "", minimum);
      collect_too_wide (child, limit, found);
    }
}

/* Fails unless @window can be as narrow as a phone (360 px): neither it
 * nor any widget it shows needs more. */
void
cf_ui_assert_fits_phone (GtkWidget *window)
{
  g_autoptr(GString) too_wide = g_string_new (NULL);
  int minimum = 0;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  collect_too_wide (window, 360, too_wide);
  g_assert_cmpstr (too_wide->str, ==, "");
  g_assert_cmpint (minimum, <=, 360);
}

static void
collect_cut (GtkWidget *widget,
                    gboolean   figures_only,
                    GString   *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      /* A card sizes itself: what it holds must fit the height it is
       * given, or its last lines run past its end. */
      if (CF_IS_CAMPAIGN_CARD (child))
        {
          int needed = 0;

          gtk_widget_measure (gtk_widget_get_first_child (child), GTK_ORIENTATION_VERTICAL,
                              gtk_widget_get_width (child), &needed, NULL, NULL, NULL);
          if (needed > gtk_widget_get_height (child))
            g_string_append_printf (found, "a card %d px short ", needed - gtk_widget_get_height (child));
        }
      if (GTK_IS_LABEL (child) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))) &&
          (!figures_only || strpbrk (gtk_label_get_text (GTK_LABEL (child)), "0123456789") != NULL))
        g_string_append_printf (found, "“%s” ", gtk_label_get_text (GTK_LABEL (child)));
      collect_cut (child, figures_only, found);
    }
}

/* Fails if a label that @root shows with a figure in it (a count, an
 * amount, a date) is cut short: a title may end in “…”, a figure never;
 * or if a campaign card is too short for what it holds. */
void
cf_ui_assert_no_figure_cut (GtkWidget *root)
{
  g_autoptr(GString) cut = g_string_new (NULL);

  cf_test_wait_until_laid_out (root);
  collect_cut (root, TRUE, cut);
  g_assert_cmpstr (cut->str, ==, "");
}

/* Fails if any label that @root shows is cut short, or a campaign card is
 * too short for what it holds. */
void
cf_ui_assert_nothing_cut (GtkWidget *root)
{
  g_autoptr(GString) cut = g_string_new (NULL);

  cf_test_wait_until_laid_out (root);
  collect_cut (root, FALSE, cut);
  g_assert_cmpstr (cut->str, ==, "");
}

/* Explore shows the campaigns of the @position-th choice of its menu of
 * states (0 live, 1 upcoming, 2 ended, 3 all). */
void
cf_ui_show_campaigns_in_state (GtkWidget *window,
                               guint      position)
{
  const char *to_show = g_dgettext (GETTEXT_PACKAGE, "Campaigns to show");
  g_autoptr(GPtrArray) drop_downs = cf_test_visible_widgets (window, GTK_TYPE_DROP_DOWN);

  for (guint i = 0; i < drop_downs->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (drop_downs->pdata[i]), to_show) == 0)
      gtk_drop_down_set_selected (drop_downs->pdata[i], position);
}

/* Signs the only account out from Preferences, and closes them. */
void
cf_ui_sign_out (GtkWidget *window)
{
  g_autofree char *sign_out = shown_label ("Sign _Out");

  GtkWidget *preferences = cf_ui_open_preferences (window);

  g_signal_emit_by_name (cf_test_button_labelled (preferences, sign_out), "clicked");
  cf_test_wait_until (preferences, has_label, (gpointer) g_dgettext (GETTEXT_PACKAGE, "Username"),
                      "the account is signed out");
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* The campaign chosen in the dashboard's menu @campaigns. */
CfCampaign *
cf_ui_selected_campaign (GtkDropDown *campaigns)
{
  return cf_account_item_get_item (gtk_drop_down_get_selected_item (campaigns));
}

/* Loaded: no spinner turns where it can be seen, a CfTestCondition. */
gboolean
cf_ui_has_loaded (GtkWidget *root,
                  gpointer   data)
{
  g_autoptr(GPtrArray) spinners = cf_test_visible_widgets (root, CF_TYPE_SPINNER);

  for (guint i = 0; i < spinners->len; i++)
    if (gtk_widget_get_mapped (spinners->pdata[i]) && cf_spinner_get_spinning (spinners->pdata[i]))
      return FALSE;
  return TRUE;
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

static gboolean
period_over_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Frames @window paints over @seconds: the period is what is measured, not
 * a wait for something to happen. */
guint
cf_ui_frames_painted_over (GtkWidget *window,
                           guint      seconds)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean over = FALSE;
  guint frames = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &frames);

  g_timeout_add_seconds (seconds, period_over_cb, &over);
  while (!over)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  return frames;
}
