/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "cf-platform-kind.h"
#include "cf-account-box.h"
#include "cf-application.h"
#include "cf-preferences-window.h"
#include "cf-secret-store.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

/* Two reference platforms in one window, a different person signed in on
 * each: every pledge of both in one list, each marked with its platform;
 * one platform stopped leaves the other live and marks its own pledges;
 * removing a platform leaves nothing of its account behind; adding one in
 * Preferences brings its pledges. */

static CfTestPlatform *north;  /* Bea Backer's */
static CfTestPlatform *south;  /* Otto Other's */
static CfApplication *application;
static char *home;

static char *
label_of (CfTestPlatform *platform)
{
  g_autoptr(GUri) uri = g_uri_parse (platform->url, G_URI_FLAGS_NONE, NULL);

  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
}

static gboolean
shows_platform_menu (GtkWidget *window)
{
  g_autoptr(GPtrArray) menus = cf_test_visible_widgets (window, GTK_TYPE_DROP_DOWN);

  for (guint i = 0; i < menus->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (menus->pdata[i]), "Platform to browse") == 0)
      return TRUE;
  return FALSE;
}

static GtkWidget *
open_both (void)
{
  GSettings *settings = cf_application_get_settings (application);
  const char *platforms[] = { north->url, south->url, NULL };

  g_settings_set_strv (settings, "platforms", platforms);
  g_settings_set_string (settings, "platform", north->url);
  return cf_ui_open_window (application, NULL);
}

static guint
count_boxes (GtkWidget *preferences)
{
  return cf_test_count_visible (preferences, CF_TYPE_ACCOUNT_BOX);
}

static gboolean
has_boxes (GtkWidget *root,
           gpointer   count)
{
  return count_boxes (root) == GPOINTER_TO_UINT (count);
}

/* The rows of the group titled @title, in the order shown. */
static GPtrArray *
rows_of_group (GtkWidget  *root,
               const char *title)
{
  g_autoptr(GPtrArray) groups = cf_test_visible_widgets (root, ADW_TYPE_PREFERENCES_GROUP);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (adw_preferences_group_get_title (groups->pdata[i]), title) == 0)
      return cf_test_visible_widgets (groups->pdata[i], ADW_TYPE_ACTION_ROW);
  return g_ptr_array_new ();
}

static GtkWidget *
pledge_row (GtkWidget  *window,
            const char *campaign)
{
  g_autoptr(GPtrArray) rows = rows_of_group (window, "Pledges");

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), campaign))
      return rows->pdata[i];
  return NULL;
}

static gboolean
has_pledges (GtkWidget *root,
             gpointer   count)
{
  g_autoptr(GPtrArray) rows = rows_of_group (root, "Pledges");

  return rows->len == GPOINTER_TO_UINT (count);
}

static void
assert_row (GtkWidget      *window,
            guint           index,
            const char     *campaign,
            CfTestPlatform *platform)
{
  g_autoptr(GPtrArray) rows = rows_of_group (window, "Pledges");
  g_autofree char *label = label_of (platform);
  g_autofree char *prefix = g_strdup_printf ("%s · ", label);

  g_assert_cmpuint (index, <, rows->len);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[index]), ==, campaign);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (rows->pdata[index]), prefix));
}

static void
show_pledges (GtkWidget *window)
{
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
}

static void
test_pledges_from_both (void)
{
  GtkWidget *window = open_both ();
  GtkWidget *preferences = cf_ui_open_preferences (window);
  g_autofree char *north_label = label_of (north);
  g_autofree char *south_label = label_of (south);
  gboolean north_first;
  g_autofree char *stale_text = g_strdup_printf ("%s: shown as of ", south_label);

  g_assert_cmpuint (count_boxes (preferences), ==, 2);
  cf_ui_sign_in_box (preferences, 0, "backer", "Password", "backer-pw", "Bea Backer");
  cf_ui_sign_in_box (preferences, 1, "other", "Password", "other-pw", "Otto Other");
  cf_test_render_to_png (preferences, "preferences-two-platforms");
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Explore offers both platforms. */
  g_assert_true (shows_platform_menu (window));

  show_pledges (window);
  cf_test_wait_until (window, has_pledges, GUINT_TO_POINTER (3), "both accounts' pledges are listed");
  cf_test_render_to_png (window, "pledges-two-platforms");
  assert_row (window, 0, "Alpha board game", south);
  assert_row (window, 1, "Ten left", north);
  assert_row (window, 2, "Yen watch", south);
  g_assert_false (cf_ui_row_is_stale (pledge_row (window, "Ten left")));

  /* South hangs: north's answer shows without waiting for it. */
  g_subprocess_send_signal (south->process, SIGSTOP);
  cf_test_platform_pledge (north, "backer", "backer-pw", "1", "{\"amount\": {\"amount\": 800, \"currency\": \"EUR\"}}");
  g_assert_true (gtk_widget_activate_action (window, "win.reload", NULL));
  cf_test_wait_until (window, has_pledges, GUINT_TO_POINTER (4), "north's new pledge is listed while south hangs");
  /* The same campaign on two platforms: by platform. */
  north_first = g_utf8_collate (north_label, south_label) < 0;
  assert_row (window, 0, "Alpha board game", north_first ? north : south);
  assert_row (window, 1, "Alpha board game", north_first ? south : north);
  g_assert_false (cf_ui_shows_stale_row (window, "Yen watch"));
  g_subprocess_send_signal (south->process, SIGCONT);

  /* South stops: its pledges stay, marked; north goes on. */
  cf_test_platform_stop (south);
  cf_test_platform_pledge (north, "backer", "backer-pw", "6", "{\"amount\": {\"amount\": 500, \"currency\": \"EUR\"}}");
  g_assert_true (gtk_widget_activate_action (window, "win.reload", NULL));
  cf_test_wait_until (window, has_pledges, GUINT_TO_POINTER (5), "north's new pledge is listed");
  cf_test_wait_until (window, cf_ui_shows_stale_row, "Yen watch", "south's pledges are marked");
  cf_test_wait_until (window, cf_test_shows_label_starting, stale_text, "the stale platform is named");
  cf_test_render_to_png (window, "pledges-one-platform-down");
  g_assert_false (cf_ui_row_is_stale (pledge_row (window, "Ten left")));
  g_assert_false (cf_ui_row_is_stale (pledge_row (window, "Idempotent pledges")));

  cf_test_platform_restart (south);
  g_assert_true (gtk_widget_activate_action (window, "win.reload", NULL));
  cf_test_wait_until (window, cf_ui_shows_fresh_row, "Yen watch", "south's pledges are up to date again");
  g_assert_false (cf_test_shows_label_starting (window, stale_text));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
file_mentions (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* The icon button whose tooltip starts with @tooltip. */
static GtkWidget *
button_with_tooltip (GtkWidget  *root,
                     const char *tooltip)
{
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_str_has_prefix (gtk_widget_get_tooltip_text (buttons->pdata[i]) ?: "", tooltip))
      return buttons->pdata[i];
  g_error ("no button “%s…”", tooltip);
}

static gboolean
is_dialog_shown (GtkWidget *root,
                 gpointer   data)
{
  return cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Removing south: its tokens leave the keyring, its username and address the
 * settings, its pledges what notifications remember; north stays. */
static void
test_remove_platform (void)
{
  GtkWidget *window = open_both ();
  GSettings *settings = cf_application_get_settings (application);
  g_autofree char *seen = g_build_filename (home, "crowdfund", "seen-pledges.ini", NULL);
  g_autofree char *south_scope = g_strdup_printf ("[%s other]", south->url);
  g_autoptr(CfCredentials) before = NULL;
  g_autoptr(CfCredentials) after = NULL;
  g_autoptr(CfCredentials) north_after = NULL;
  g_autoptr(GPtrArray) boxes = NULL;
  g_autoptr(GVariant) accounts = NULL;
  g_auto(GStrv) platforms = NULL;
  GtkWidget *preferences;
  GtkWidget *dialog;
  char *username = NULL;

  show_pledges (window);
  /* Both accounts are back from the keyring. */
  cf_test_wait_until (window, has_pledges, GUINT_TO_POINTER (5), "both accounts' pledges are listed");
  before = cf_ui_keyring_lookup (south->url, "other");
  g_assert_nonnull (before);
  g_assert_true (file_mentions (seen, south_scope));

  preferences = cf_ui_open_preferences (window);
  boxes = cf_test_visible_widgets (preferences, CF_TYPE_ACCOUNT_BOX);
  g_signal_emit_by_name (button_with_tooltip (boxes->pdata[1], "Remove "), "clicked");
  cf_test_wait_until (preferences, is_dialog_shown, NULL, "the removal is confirmed first");
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  cf_test_wait_until (preferences, has_boxes, GUINT_TO_POINTER (1), "the platform is gone from Preferences");
  cf_test_wait_until (window, has_pledges, GUINT_TO_POINTER (3), "only north's pledges are listed");

  after = cf_ui_keyring_lookup (south->url, "other");
  g_assert_null (after);
  north_after = cf_ui_keyring_lookup (north->url, "backer");
  g_assert_nonnull (north_after);
  platforms = g_settings_get_strv (settings, "platforms");
  g_assert_cmpuint (g_strv_length (platforms), ==, 1);
  g_assert_cmpstr (platforms[0], ==, north->url);
  accounts = g_settings_get_value (settings, "accounts");
  g_assert_false (g_variant_lookup (accounts, south->url, "s", &username));
  g_assert_true (g_variant_lookup (accounts, north->url, "s", &username));
  g_free (username);
  g_assert_false (file_mentions (seen, south_scope));
  /* The platform no longer takes the token either. */
  {
    g_autoptr(JsonNode) me = NULL;
    guint status;

    me = cf_test_platform_call (south, "GET", "/v1/me", cf_credentials_get_access_token (before), NULL, &status);
    g_assert_cmpuint (status, ==, 401);
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Adding south back in Preferences, by its address, brings its pledges. */
static void
test_add_platform (void)
{
  GtkWidget *window;
  GtkWidget *preferences;
  GSettings *settings = cf_application_get_settings (application);
  const char *platforms[] = { north->url, NULL };
  g_auto(GStrv) saved = NULL;

  g_settings_set_strv (settings, "platforms", platforms);
  window = cf_ui_open_window (application, NULL);
  show_pledges (window);
  cf_test_wait_until (window, has_pledges, GUINT_TO_POINTER (3), "north's pledges are listed");
  g_assert_false (shows_platform_menu (window));

  preferences = cf_ui_open_preferences (window);
  g_assert_cmpuint (count_boxes (preferences), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_row_titled (preferences, ADW_TYPE_ENTRY_ROW, "Address")),
                         "ftp://example.com");
  g_assert_false (gtk_widget_get_sensitive (cf_test_button_labelled (preferences, "Add")));
  gtk_editable_set_text (GTK_EDITABLE (cf_test_row_titled (preferences, ADW_TYPE_ENTRY_ROW, "Address")), south->url);
  g_signal_emit_by_name (cf_test_button_labelled (preferences, "Add"), "clicked");
  cf_test_wait_until (preferences, has_boxes, GUINT_TO_POINTER (2), "the platform is added");
  cf_ui_sign_in_box (preferences, 1, "other", "Password", "other-pw", "Otto Other");
  gtk_window_destroy (GTK_WINDOW (preferences));

  cf_test_wait_until (window, has_pledges, GUINT_TO_POINTER (5), "both accounts' pledges are listed");
  g_assert_true (cf_ui_shows_fresh_row (window, "Yen watch"));
  saved = g_settings_get_strv (settings, "platforms");
  g_assert_cmpuint (g_strv_length (saved), ==, 2);
  g_assert_cmpstr (saved[1], ==, south->url);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_signed_in_as (GtkWidget *preferences,
                 gpointer   name)
{
  return cf_test_shows_label (preferences, name);
}

static const char *
description_of (GtkWidget  *preferences,
                guint       index)
{
  g_autoptr(GPtrArray) boxes = cf_test_visible_widgets (preferences, CF_TYPE_ACCOUNT_BOX);
  GtkWidget *group = cf_test_first_visible (boxes->pdata[index], ADW_TYPE_PREFERENCES_GROUP);

  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
}

static gboolean
offers_kind (AdwComboRow *row,
             const char  *name)
{
  GListModel *kinds = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (kinds), i), name))
      return TRUE;
  return FALSE;
}

/* Started as the README starts it, with --demo: a platform the person adds
 * and signs in to is there, signed in, the next time Crowdfund starts the
 * same way. The demo itself is for that run only, says so, and is kept
 * once the person adds it. */
static void
test_kept_beside_the_demo (void)
{
  GSettings *settings = cf_application_get_settings (application);
  const char *none[] = { NULL };
  g_auto(GStrv) saved = NULL;
  g_auto(GStrv) kept = NULL;
  GtkWidget *window;
  GtkWidget *preferences;
  AdwComboRow *kind_row;

  g_settings_set_strv (settings, "platforms", none);
  g_settings_set_string (settings, "platform", "");
  window = cf_ui_open_window (application, CF_DEMO_CHOICE);
  preferences = cf_ui_open_preferences (window);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_row_titled (preferences, ADW_TYPE_ENTRY_ROW, "Address")), south->url);
  g_signal_emit_by_name (cf_test_button_labelled (preferences, "Add"), "clicked");
  cf_test_wait_until (preferences, has_boxes, GUINT_TO_POINTER (2), "the platform is added");
  cf_ui_sign_in_box (preferences, 1, "other", "Password", "other-pw", "Otto Other");
  saved = g_settings_get_strv (settings, "platforms");
  g_assert_cmpuint (g_strv_length (saved), ==, 1);
  g_assert_cmpstr (saved[0], ==, south->url);
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The same start again. */
  window = cf_ui_open_window (application, CF_DEMO_CHOICE);
  preferences = cf_ui_open_preferences (window);
  cf_test_wait_until (preferences, has_boxes, GUINT_TO_POINTER (2), "both platforms are there again");
  cf_test_wait_until (preferences, is_signed_in_as, (gpointer) "Otto Other", "the added platform is signed in");
  g_assert_cmpstr (description_of (preferences, 1), ==, south->url);
  g_assert_cmpstr (description_of (preferences, 0), ==, "Opened for this run only: add it below to open it every time.");
  cf_test_render_to_png (preferences, "preferences-for-this-run");

  /* Added by the person, the demo is kept too; then it is no longer
   * offered, and the form is ready for another platform. */
  kind_row = ADW_COMBO_ROW (cf_test_row_titled (preferences, ADW_TYPE_COMBO_ROW, "Kind"));
  g_assert_true (offers_kind (kind_row, "Demo platform"));
  adw_combo_row_set_selected (kind_row, 1);
  g_signal_emit_by_name (cf_test_button_labelled (preferences, "Add"), "clicked");
  kept = g_settings_get_strv (settings, "platforms");
  g_assert_cmpuint (g_strv_length (kept), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) kept, CF_DEMO_CHOICE));
  g_assert_cmpstr (description_of (preferences, 0), ==, "");
  g_assert_false (offers_kind (kind_row, "Demo platform"));
  g_assert_cmpuint (adw_combo_row_get_selected (kind_row), ==, 0);
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = cf_ui_use_new_home ("platforms");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  north = cf_test_platform_start ("seed.json", NULL);
  south = cf_test_platform_start ("seed.json", NULL);
  cf_test_platform_pledge (north, "backer", "backer-pw", "2", CF_UI_TEN_LEFT_PLEDGE);
  cf_test_platform_pledge (south, "other", "other-pw", "1", "{\"amount\": {\"amount\": 700, \"currency\": \"EUR\"}}");

  application = cf_ui_new_application ();

  g_test_add_func ("/platforms/pledges-from-both", test_pledges_from_both);
  g_test_add_func ("/platforms/remove", test_remove_platform);
  g_test_add_func ("/platforms/add-in-preferences", test_add_platform);
  g_test_add_func ("/platforms/kept-beside-the-demo", test_kept_beside_the_demo);

  status = g_test_run ();
  cf_test_platform_free (north);
  cf_test_platform_free (south);
  g_object_unref (application);
  return status;
}
