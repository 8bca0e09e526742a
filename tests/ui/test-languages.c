/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cf-application.h"
#include "cf-campaign-page.h"
#include "cf-test-platform.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"

/* The app in the language of the environment (LANGUAGE and LC_ALL, set per
 * test in meson.build): views, figures and rewards read as a French or
 * Japanese speaker expects, money and percents in their locale's way. The
 * main window and a campaign are rendered to PNG for review. */

typedef struct
{
  const char *language;
  const char *views[4];      /* the view switcher's names */
  const char *card_figures;  /* “Yen watch”: pledged of goal */
  const char *percent;
  const char *reward;        /* its reward's minimum */
} Expected;

static const Expected expectations[] = {
  { "fr", { "Explorer", "Suivies", "Contributions", NULL },
    "19\u202f507\u202f500\u00a0¥ sur 10\u202f000\u202f000\u00a0¥", "195\u00a0%",
    "Contribution de 35\u202f000\u00a0¥ ou plus" },
  { "ja", { "見つける", "フォロー中", "支援", NULL },
    "￥19,507,500 / 目標 ￥10,000,000", "195%",
    "￥35,000 以上の支援" },
};

static CfTestPlatform *platform;
static CfApplication *application;
static const Expected *expected;

static gboolean
has_label (GtkWidget *root,
           gpointer   text)
{
  return cf_test_shows_label (root, text);
}

static gboolean
has_one_card (GtkWidget *root,
              gpointer   data)
{
  return cf_test_count_visible (root, g_type_from_name ("CfCampaignCard")) == 1;
}

static void
test_in_the_language (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  g_autofree char *main_window = g_strdup_printf ("main-window-%s", expected->language);
  g_autofree char *campaign = g_strdup_printf ("campaign-%s", expected->language);
  GtkWidget *page;

  for (guint i = 0; expected->views[i] != NULL; i++)
    g_assert_true (cf_test_shows_label (window, expected->views[i]));
  cf_test_render_to_png (window, main_window);

  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY)), "Yen watch");
  cf_test_wait_until (window, has_one_card, NULL, "the search finds the campaign");
  cf_test_wait_until (window, has_label, (gpointer) expected->card_figures, "the card's figures");
  g_assert_true (cf_test_shows_label (window, expected->percent));

  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_label, (gpointer) expected->reward, "the reward card");
  cf_test_render_to_png (window, campaign);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone, Explore and a campaign fit its width in the language too,
 * whose words and figures are often longer. */
static void
test_phone_width (void)
{
  g_autofree char *explore = g_strdup_printf ("explore-narrow-%s", expected->language);
  g_autofree char *campaign = g_strdup_printf ("campaign-narrow-%s", expected->language);

  GSettings *settings = cf_application_get_settings (application);
  GtkWidget *window;

  /* The view switcher bar slides in: GTK 4.8's revealers open to a
   * negative height without animations. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  window = cf_ui_open_window (application, platform->url);
  cf_ui_assert_fits_phone (window);
  cf_test_render_to_png (window, explore);

  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  cf_test_wait_until (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE), has_label, (gpointer) expected->reward,
                      "the reward card");
  cf_ui_assert_fits_phone (window);
  cf_test_render_to_png (window, campaign);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = cf_ui_use_new_home ("languages");
  const char *language = g_getenv ("LANGUAGE");
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_strcmp0 (expectations[i].language, language) == 0)
      expected = &expectations[i];
  g_assert_nonnull (expected);

  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CROWDFUND_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);
  application = cf_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add_func ("/languages/main-window-and-a-campaign", test_in_the_language);
  g_test_add_func ("/languages/phone-width", test_phone_width);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
