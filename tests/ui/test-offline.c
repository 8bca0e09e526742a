/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cf-application.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"
#include "cf-window.h"

/* With the platform down, a backer still reads their pledges and a creator
 * their dashboard: the app keeps the last answers on disk, says how old
 * they are, and refreshes by itself once the platform answers again;
 * signing out deletes what was kept. */

static CfTestPlatform *platform;
static CfApplication *application;
static char *home;

static guint
count_saved (const char *prefix)
{
  g_autofree char *directory = g_build_filename (home, "crowdfund", "lists", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint count = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    count += g_str_has_prefix (name, prefix);
  return count;
}

#define TEN_LEFT_ADDRESS "Bea Backer, 12 rue des Lilas, 75020 Paris"

static char *
read_saved (const char *prefix)
{
  g_autofree char *directory = g_build_filename (home, "crowdfund", "lists", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (directory, name, NULL);
        char *contents = NULL;

        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        return contents;
      }
  return NULL;
}

/* What notifications remember of pledges, as text ("" when nothing). */
static char *
read_seen_pledges (void)
{
  g_autofree char *path = g_build_filename (home, "crowdfund", "seen-pledges.ini", NULL);
  char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) ? contents : g_strdup ("");
}

static GtkWidget *
open_on_pledges (void)
{
  GtkWidget *window;

  g_settings_set_string (cf_application_get_settings (application), "last-view", "pledges");
  cf_application_set_platform_option (application, platform->url);
  window = GTK_WIDGET (cf_application_new_window (application));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_pledges_offline (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  g_autofree char *kept = NULL;
  g_autofree char *seen = NULL;
  /* One platform: the banner need not name it. */
  char *stale_text = "Shown as of ";

  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
  cf_test_wait_until (window, cf_ui_shows_fresh_row, "Ten left", "the pledge is listed");
  g_assert_cmpuint (count_saved ("pledges-"), ==, 1);
  kept = read_saved ("pledges-");
  /* The cache keeps the pledge's state, not where the person lives. */
  g_assert_nonnull (strstr (kept, "Ten left"));
  g_assert_null (strstr (kept, "rue des Lilas"));
  seen = read_seen_pledges ();
  g_assert_nonnull (strstr (seen, " backer]"));
  g_clear_pointer (&seen, g_free);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The platform goes down; the app starts again. */
  cf_test_platform_stop (platform);
  window = open_on_pledges ();
  cf_test_wait_until (window, cf_ui_shows_stale_row, "Ten left", "the pledge is shown from what was kept, marked");
  cf_test_wait_until (window, cf_test_shows_label_starting, stale_text, "how old it is is said");
  cf_test_render_to_png (window, "pledges-offline");
  /* Its page, with the tracking number, opens from what was kept. */
  gtk_widget_activate (cf_ui_find_row (window, (gpointer) "Ten left"));
  cf_test_wait_until (window, (CfTestCondition) cf_test_shows_label, "La Poste · 6A77", "the tracking number is shown offline");
  cf_test_render_to_png (window, "pledge-offline");
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));

  /* Back up: the list refreshes by itself. */
  cf_test_platform_restart (platform);
  cf_test_wait_until (window, cf_ui_shows_fresh_row, "Ten left", "the pledges refresh without being asked");
  g_assert_false (cf_test_shows_label_starting (window, stale_text));

  /* Signing out leaves nothing of them on disk: neither the pledges, nor
   * the campaigns Explore kept while signed in, nor what notifications
   * remembered. */
  g_assert_cmpuint (count_saved ("explore-"), ==, 1);
  g_signal_emit_by_name (cf_test_button_labelled (cf_ui_open_preferences (window), "Sign Out"), "clicked");
  cf_test_wait_until (window, cf_test_shows_label_starting, "Sign in to see your pledges", "the account is signed out");
  g_assert_cmpuint (count_saved ("pledges-"), ==, 0);
  g_assert_cmpuint (count_saved ("explore-"), ==, 0);
  seen = read_seen_pledges ();
  g_assert_null (strstr (seen, " backer]"));
  gtk_window_destroy (GTK_WINDOW (cf_test_find_window (ADW_TYPE_PREFERENCES_WINDOW)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_nothing_kept (GtkWidget *root,
                     gpointer   data)
{
  return !cf_test_shows_label_starting (root, "Shown as of ");
}

static gboolean
shows_cards (GtkWidget *root,
             gpointer   data)
{
  return cf_test_shows_label (root, "Alpha board game");
}

/* Explore keeps the first page it was given: with the platform down, a new
 * window shows those campaigns, says how old they are, and asks again by
 * itself until the platform answers. */
static void
test_explore_offline (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);

  cf_test_wait_until (window, shows_cards, NULL, "the campaigns are shown");
  g_assert_cmpuint (count_saved ("explore-"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  cf_test_platform_stop (platform);
  g_settings_set_string (cf_application_get_settings (application), "last-view", "explore");
  cf_application_set_platform_option (application, platform->url);
  window = GTK_WIDGET (cf_application_new_window (application));
  gtk_window_present (GTK_WINDOW (window));
  cf_test_wait_until (window, cf_test_shows_label_starting, "Shown as of ", "the kept campaigns say how old they are");
  g_assert_true (shows_cards (window, NULL));
  cf_test_render_to_png (window, "explore-offline");

  cf_test_platform_restart (platform);
  cf_test_wait_until (window, shows_nothing_kept, NULL, "Explore asks again by itself");
  g_assert_true (shows_cards (window, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_followed_card (GtkWidget *root,
                     gpointer   data)
{
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Unfollow Campaign") == 0)
      return TRUE;
  return FALSE;
}

/* Following, restarted with the platform down: the campaigns followed
 * show from what was kept, still followed, under the banner every view
 * that gathers platforms shows. */
static void
test_following_offline (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  g_autofree char *token = cf_test_platform_sign_in (platform, "backer", "backer-pw");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) undone = NULL;
  guint status;

  answer = cf_test_platform_call (platform, "PUT", "/v1/me/following/1", token, NULL, &status);
  g_assert_cmpuint (status, ==, 204);
  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "following"));
  cf_test_wait_until (window, shows_followed_card, NULL, "the followed campaign is shown");
  gtk_window_destroy (GTK_WINDOW (window));

  cf_test_platform_stop (platform);
  g_settings_set_string (cf_application_get_settings (application), "last-view", "following");
  cf_application_set_platform_option (application, platform->url);
  window = GTK_WIDGET (cf_application_new_window (application));
  gtk_window_present (GTK_WINDOW (window));
  cf_test_wait_until (window, cf_test_shows_label_starting, "Shown as of ", "the kept campaigns say how old they are");
  cf_test_wait_until (window, shows_followed_card, NULL, "the kept campaign is still followed");
  cf_test_render_to_png (window, "following-offline");

  cf_test_platform_restart (platform);
  cf_test_wait_until (window, shows_nothing_kept, NULL, "Following asks again by itself");
  undone = cf_test_platform_call (platform, "DELETE", "/v1/me/following/1", token, NULL, &status);
  cf_ui_sign_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What is kept of a creator's campaigns: the files, and all they hold. */
static guint
read_kept_campaigns (GString *contents)
{
  g_autofree char *lists = g_build_filename (home, "crowdfund", "lists", NULL);
  g_autoptr(GDir) dir = g_dir_open (lists, 0, NULL);
  guint count = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *folder = g_build_filename (lists, name, NULL);
      g_autoptr(GDir) kept = NULL;
      const char *file;

      if (!g_str_has_prefix (name, "campaigns-") || (kept = g_dir_open (folder, 0, NULL)) == NULL)
        continue;
      while ((file = g_dir_read_name (kept)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, file, NULL);
          g_autofree char *text = NULL;

          g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
          g_string_append (contents, text);
          count++;
        }
    }
  return count;
}

static gboolean
shows_reward_figures (GtkWidget *root,
                      gpointer   data)
{
  return cf_test_shows_label (root, "1 backer · €25 pledged");
}

static gboolean
has_no_dashboard (GtkWidget *window,
                  gpointer   data)
{
  return cf_ui_dashboard_of (window) == NULL;
}

/* The backer's pledge heads the latest pledges, beside its amount. */
static gboolean
shows_latest_pledge (GtkWidget *root,
                     gpointer   data)
{
  g_autoptr(GPtrArray) rows = cf_test_visible_widgets (root, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (cf_test_shows_label (rows->pdata[i], "€25") && cf_test_shows_label (rows->pdata[i], "Ten places"))
      return TRUE;
  return FALSE;
}

static gboolean
shows_fresh_figures (GtkWidget *root,
                     gpointer   data)
{
  return shows_nothing_kept (root, NULL) && shows_reward_figures (cf_ui_dashboard_of (root), NULL);
}

/* The dashboard of a campaign watched before shows, with the platform
 * down, its figures, rewards and latest pledges as they were, and says
 * how old they are. */
static void
test_dashboard_offline (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  g_autoptr(GString) kept = g_string_new (NULL);
  GtkWidget *dashboard;

  cf_ui_sign_in (window, "creator", "creator-pw", "Cleo Creator");
  cf_ui_open_dashboard_on (window, "Ten left");
  cf_test_wait_until (window, shows_reward_figures, NULL, "the reward's figures are shown");
  cf_test_wait_until (window, shows_latest_pledge, NULL, "the latest pledge is shown");
  /* Its figures, rewards and latest pledges, without who backed (and the
   * figures of the campaign shown first). */
  g_assert_cmpuint (read_kept_campaigns (kept), >=, 3);
  g_assert_null (strstr (kept->str, "Bea Backer"));
  g_assert_null (strstr (kept->str, "\"backer\""));
  gtk_window_destroy (GTK_WINDOW (window));

  cf_test_platform_stop (platform);
  /* Read again as soon as the app's settings allow, without the live
   * connection's own, growing, delays to wait for. */
  g_settings_set_uint (cf_application_get_settings (application), "live-poll-interval", 5);
  g_settings_set_string (cf_application_get_settings (application), "last-view", "dashboard");
  cf_application_set_platform_option (application, platform->url);
  window = GTK_WIDGET (cf_application_new_window (application));
  gtk_window_present (GTK_WINDOW (window));
  /* It opens on the campaign watched last time. */
  cf_test_wait_until (window, shows_reward_figures, NULL, "the kept reward figures are shown");
  cf_test_wait_until (window, shows_latest_pledge, NULL, "the kept latest pledges are shown");
  dashboard = cf_ui_dashboard_of (window);
  g_assert_cmpstr (cf_campaign_get_title (cf_ui_selected_campaign (
                     GTK_DROP_DOWN (cf_test_first_visible (dashboard, GTK_TYPE_DROP_DOWN)))), ==, "Ten left");
  /* The platform's silence is told once its requests have failed. */
  cf_test_wait_until (dashboard, cf_test_shows_label_starting, "Shown as of ", "how old the figures are is said");
  cf_test_wait_until (dashboard, (CfTestCondition) cf_test_shows_label, "Offline", "the live figures say they are offline");
  cf_test_render_to_png (window, "dashboard-offline");

  /* Back up: the figures are read again by themselves. */
  cf_test_platform_restart (platform);
  cf_test_wait_until (window, shows_fresh_figures, NULL, "the dashboard reads its figures again");
  g_settings_reset (cf_application_get_settings (application), "live-poll-interval");

  /* Signing out leaves nothing of them on disk. */
  g_signal_emit_by_name (cf_test_button_labelled (cf_ui_open_preferences (window), "Sign Out"), "clicked");
  cf_test_wait_until (window, has_no_dashboard, NULL, "the account is signed out");
  g_string_truncate (kept, 0);
  g_assert_cmpuint (read_kept_campaigns (kept), ==, 0);
  gtk_window_destroy (GTK_WINDOW (cf_test_find_window (ADW_TYPE_PREFERENCES_WINDOW)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The creator ships the reward of the backer's pledge. */
static void
give_ten_left_an_address (void)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "backer", "backer-pw");
  g_autoptr(JsonNode) mine = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = NULL;
  JsonArray *items;
  guint status = 0;

  mine = cf_test_platform_call (platform, "GET", "/v1/me/pledges", token, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (mine), "items");
  g_assert_cmpuint (json_array_get_length (items), >=, 1);
  path = g_strdup_printf ("/v1/pledges/%" G_GINT64_FORMAT,
                          json_object_get_int_member (json_array_get_object_element (items, 0), "id"));
  answer = cf_test_platform_call (platform, "PATCH", path, token, "{\"address\": \"" TEN_LEFT_ADDRESS "\"}",
                                  &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
ship_ten_left (void)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "creator", "creator-pw");
  g_autoptr(JsonNode) answer = NULL;
  guint status = 0;

  answer = cf_test_platform_call (platform, "PATCH", "/v1/campaigns/2/fulfillment", token,
                                  "{\"reward_id\": 3, \"status\": \"shipped\", \"carrier\": \"La Poste\", "
                                  "\"tracking_number\": \"6A77\"}", &status);
  g_assert_cmpuint (status, ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  home = cf_ui_use_new_home ("offline");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);
  cf_test_platform_pledge (platform, "backer", "backer-pw", "2", CF_UI_TEN_LEFT_PLEDGE);
  give_ten_left_an_address ();
  ship_ten_left ();
  application = cf_ui_new_application ();

  g_test_add_func ("/offline/pledges", test_pledges_offline);
  g_test_add_func ("/offline/explore", test_explore_offline);
  g_test_add_func ("/offline/following", test_following_offline);
  g_test_add_func ("/offline/dashboard", test_dashboard_offline);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
