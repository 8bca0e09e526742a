/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-application.h"
#include "cf-explore-page.h"
#include "cf-test-platform.h"
#include "cf-test-proxy.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"

/* What the app asks the platform for while it starts on the demo data, seen
 * by a proxy in front of it: from the window's opening until five seconds
 * after the cards show, nothing is asked twice and no card costs a
 * campaign's funding history — first with nobody signed in, then with an
 * account signed back in from the keyring. */

#define SETTLE_SECONDS 5

static CfTestPlatform *platform;
static CfApplication *application;

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for_seconds (guint seconds)
{
  gboolean done = FALSE;

  g_timeout_add_seconds (seconds, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static guint
count_matching (GPtrArray  *requests,
                const char *prefix,
                const char *suffix)
{
  guint count = 0;

  for (guint i = 0; i < requests->len; i++)
    if (g_str_has_prefix (requests->pdata[i], prefix) && g_str_has_suffix (requests->pdata[i], suffix))
      count++;
  return count;
}

static void
assert_each_asked_once (GPtrArray  *requests,
                        const char *when)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < requests->len; i++)
    {
      g_test_message ("%s: %s", when, (const char *) requests->pdata[i]);
      if (!g_hash_table_add (seen, requests->pdata[i]))
        g_error ("%s, “%s” was asked twice", when, (const char *) requests->pdata[i]);
    }
}

/* The first campaign of Explore's first page, followed by the demo backer. */
static void
follow_first_campaign (void)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "backer", "crowdfund-backer");
  guint status;
  g_autoptr(JsonNode) page = cf_test_platform_call (platform, "GET", "/v1/campaigns?state=live&sort=popular",
                                                    NULL, NULL, &status);
  JsonObject *first = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (page), "items"), 0);
  g_autofree char *path = g_strdup_printf ("/v1/me/following/%" G_GINT64_FORMAT,
                                           json_object_get_int_member (first, "id"));
  g_autoptr(JsonNode) answer = NULL;

  answer = cf_test_platform_call (platform, "PUT", path, token, NULL, &status);
  g_assert_cmpuint (status, <, 300);
}

static gboolean
shows_followed_card (GtkWidget *root,
                     gpointer   data)
{
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Unfollow Campaign") == 0 &&
        gtk_widget_get_ancestor (buttons->pdata[i], CF_TYPE_EXPLORE_PAGE) != NULL)
      return TRUE;
  return FALSE;
}

/* Opens a window through @proxy and returns what it asked until the cards
 * showed and a while after. */
static GPtrArray *
start_window (CfTestProxy  *proxy,
              GtkWidget   **window)
{
  *window = cf_ui_open_window (application, cf_test_proxy_get_url (proxy));
  run_for_seconds (SETTLE_SECONDS);
  return cf_test_proxy_take_requests (proxy);
}

static void
test_nothing_asked_twice (void)
{
  CfTestProxy *proxy = cf_test_proxy_new (platform->url);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) restarted = NULL;
  GtkWidget *window;

  first = start_window (proxy, &window);
  assert_each_asked_once (first, "On a first start");
  g_assert_cmpuint (count_matching (first, "GET /v1/campaigns?", ""), >=, 1);
  g_assert_cmpuint (count_matching (first, "GET /images/", ""), >=, 1);
  g_assert_cmpuint (count_matching (first, "GET /v1/campaigns/", "/stats"), ==, 0);

  cf_ui_sign_in (window, "backer", "crowdfund-backer", "Camille Martin");
  follow_first_campaign ();
  gtk_window_destroy (GTK_WINDOW (window));
  run_for_seconds (1);
  g_ptr_array_unref (cf_test_proxy_take_requests (proxy));

  /* A new window signs back in from the keyring once it has painted; the
   * cards shown before say which campaign is followed without being read
   * again. */
  restarted = start_window (proxy, &window);
  assert_each_asked_once (restarted, "Signed back in");
  cf_test_wait_until (window, shows_followed_card, NULL, "the followed campaign's card says so");
  g_assert_cmpuint (count_matching (restarted, "GET /v1/me", ""), >=, 1);
  g_assert_cmpuint (count_matching (restarted, "GET /v1/campaigns?", ""), >=, 1);
  g_assert_cmpuint (count_matching (restarted, "GET /v1/campaigns/", "/stats"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_proxy_free (proxy);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_free (cf_ui_use_new_home ("startup-requests"));
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start (NULL, "--demo");
  application = cf_ui_new_application ();

  g_test_add_func ("/startup/nothing-asked-twice", test_nothing_asked_twice);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
