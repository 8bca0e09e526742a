/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "cf-application.h"
#include "cf-campaign-card.h"
#include "cf-campaign-page.h"
#include "cf-pledge-dialog.h"
#include "cf-http-client.h"
#include "cf-rest-platform.h"
#include "cf-secret-store.h"
#include "cf-test-fixtures.h"
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
  GtkTextDirection direction;
  const char *views[4];      /* the view switcher's names */
  const char *card_figures;  /* “Yen watch”: pledged of goal */
  const char *percent;
  const char *reward;        /* its reward's minimum */
  const char *pre_orders;    /* 50,704 of 50,000 pre-orders */
  const char *members;       /* 420 of 500 members */
  const char *typed_bonus;   /* ¥1,250 as the language writes it */
  const char *pledge;        /* the pledge button with it */
} Expected;

static const Expected expectations[] = {
  { "fr", GTK_TEXT_DIR_LTR, { "Explorer", "Suivies", "Contributions", NULL },
    "19\u202f507\u202f500\u00a0¥ sur 10\u202f000\u202f000\u00a0¥", "195\u00a0%",
    "Contribution de 35\u202f000\u00a0¥ ou plus",
    "50\u202f704 sur 50\u202f000 préventes", "420 sur 500 membres",
    "1\u202f250", "_Promettre 38\u202f750\u00a0¥" },
  { "ja", GTK_TEXT_DIR_LTR, { "見つける", "フォロー中", "支援", NULL },
    "￥19,507,500 / 目標 ￥10,000,000", "195%",
    "￥35,000 以上の支援",
    "50,704 / 50,000 件の予約", "420 / 500 人のメンバー",
    "1,250", "￥38,750 を支援(_P)" },
  { "ar", GTK_TEXT_DIR_RTL, { "استكشاف", "المتابَعة", "المساهمات", NULL },
    /* Arabic-Indic digits; each figure isolated (U+2068…U+2069) so that
     * the sentence around it keeps its order, and a sentence that starts
     * with one marked right-to-left (U+200F). */
    "\u200f\u2068\u200f١٩٬٥٠٧٬٥٠٠\u00a0\u2066JP¥\u2069\u2069 من \u2068\u200f١٠٬٠٠٠٬٠٠٠\u00a0\u2066JP¥\u2069\u2069", "١٩٥٪\u061c",
    "ساهم بمبلغ \u2068\u200f٣٥٬٠٠٠\u00a0\u2066JP¥\u2069\u2069 أو أكثر",
    "\u200f\u2068٥٠٬٧٠٤\u2069 من \u2068٥٠٬٠٠٠\u2069 طلب مسبق", "\u200f\u2068٤٢٠\u2069 من \u2068٥٠٠\u2069 عضو",
    "١٬٢٥٠", "\u200f_ساهم بمبلغ \u2068\u200f٣٨٬٧٥٠\u00a0\u2066JP¥\u2069\u2069" },
};

/* What “Ten left” is called here: long enough to test the dashboard's menu. */
#define LONG_TITLE "Ten left: a limited run of hand-bound notebooks for travellers and their maps"

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

static gboolean
is_laid_out (GtkWidget *root,
             gpointer   data)
{
  return gtk_widget_get_mapped (root) && gtk_widget_get_width (root) > 0;
}

/* How green the pixel of @texture at (@x, @y) is against its blue. */
static int
greenness (GdkTexture *texture,
           int         x,
           int         y)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guchar *pixels = g_malloc (width * 4 * gdk_texture_get_height (texture));
  const guchar *pixel;

  /* Cairo's ARGB32 in memory: blue, green, red, alpha. */
  gdk_texture_download (texture, pixels, width * 4);
  pixel = pixels + y * width * 4 + x * 4;
  return (int) pixel[1] - (int) pixel[0];
}

/* The app reads in the language's direction: in Arabic the window is
 * mirrored, Back stands on the right where a line starts, and a funding
 * bar fills from there. “Yen watch” is at 195 %: its bar is full, and
 * the green of what passed the goal covers 95 % of it from its start. */
static void
test_reading_direction (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  gboolean rtl = expected->direction == GTK_TEXT_DIR_RTL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *name = g_strdup_printf ("reading-direction-%s", expected->language);
  graphene_rect_t bounds;
  GtkWidget *page, *bar, *back = NULL;
  int width, start, end;

  g_assert_cmpint (gtk_widget_get_direction (window), ==, expected->direction);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY)), "Yen watch");
  cf_test_wait_until (window, has_one_card, NULL, "the search finds the campaign");
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_label, (gpointer) expected->reward, "the reward card");

  buttons = cf_test_visible_widgets (page, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len && back == NULL; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "campaign.back") == 0)
      back = buttons->pdata[i];
  g_assert_nonnull (back);
  bar = cf_test_first_visible (page, g_type_from_name ("CfFundingBar"));
  cf_test_wait_until (back, is_laid_out, NULL, "Back is laid out");
  cf_test_wait_until (bar, is_laid_out, NULL, "the funding bar is laid out");
  g_assert_true (gtk_widget_compute_bounds (back, window, &bounds));
  width = gtk_widget_get_width (window);
  if (rtl)
    g_assert_cmpfloat (bounds.origin.x, >, width / 2.0);
  else
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <, width / 2.0);

  gtk_widget_snapshot_child (gtk_widget_get_parent (bar), bar, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (bar)), node, NULL);
  width = gdk_texture_get_width (texture);
  start = greenness (texture, rtl ? width - width / 20 : width / 20, gdk_texture_get_height (texture) / 2);
  end = greenness (texture, rtl ? width / 100 : width - width / 100, gdk_texture_get_height (texture) / 2);
  g_assert_cmpint (start, >, end);
  cf_test_render_to_png (window, name);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* On a phone, Explore and a campaign fit its width in the language too,
 * whose words and figures are often longer. */
static gboolean
has_pledge_rows (GtkWidget *root,
                 gpointer   data)
{
  return cf_test_shows_label (root, LONG_TITLE);
}

/* On a phone, Explore, a campaign and Pledges fit its width in the
 * language too, whose words and figures are often longer. */
static void
test_phone_width (void)
{
  g_autofree char *explore = g_strdup_printf ("explore-narrow-%s", expected->language);
  g_autofree char *campaign = g_strdup_printf ("campaign-narrow-%s", expected->language);
  g_autofree char *pledges = g_strdup_printf ("pledges-narrow-%s", expected->language);
  g_autofree char *kept = g_strdup_printf ("kept-pledge-dialog-%s", expected->language);
  g_autofree char *follow = g_strdup_printf ("follow-dialog-%s", expected->language);
  GtkWidget *window = cf_ui_open_window_sized (application, platform->url, 360, 720);
  GtkWidget *dialog;
  int minimum = 0;

  cf_ui_assert_fits_phone (window);
  cf_test_render_to_png (window, explore);

  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  cf_test_wait_until (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE), has_label, (gpointer) expected->reward,
                      "the reward card");
  cf_ui_assert_fits_phone (window);
  cf_test_render_to_png (window, campaign);
  gtk_widget_activate_action (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE), "campaign.back", NULL);

  /* A backer's pledges, each with its status, in the language. */
  cf_test_platform_pledge (platform, "backer", "backer-pw", "2", CF_UI_TEN_LEFT_PLEDGE);
  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  gtk_widget_activate_action (window, "win.show-view", "s", "pledges");
  cf_test_wait_until (window, has_pledge_rows, NULL, "the backer's pledges");
  cf_ui_assert_fits_phone (window);
  cf_ui_assert_no_figure_cut (window);
  cf_test_render_to_png (window, pledges);
  cf_ui_sign_out (window);

  /* Adding a pledge kept by hand: its dialog fits the phone too. */
  g_assert_true (gtk_widget_activate_action (window, "win.add-kept-pledge", NULL));
  cf_test_wait_until (window, cf_test_shows_dialog, NULL, "the dialog for a pledge kept by hand");
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  cf_ui_assert_nothing_cut (dialog);
  cf_test_render_to_png (dialog, kept);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Following a Kickstarter campaign by its address: its dialog fits too. */
  g_assert_true (gtk_widget_activate_action (window, "win.open-address", NULL));
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (dialog, GTK_TYPE_ENTRY)),
                         "https://www.kickstarter.com/projects/blackmatter/hell-let-loose");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "act");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_wait_until (window, cf_test_shows_dialog, NULL, "the dialog to follow the address");
  dialog = cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  cf_ui_assert_nothing_cut (dialog);
  cf_test_render_to_png (dialog, follow);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  cf_ui_forget_window_size (application);
}

static gboolean
has_pledge_dialog (GtkWidget *root,
                   gpointer   data)
{
  return cf_test_find_window (CF_TYPE_PLEDGE_DIALOG) != NULL;
}

/* Where Tab takes the focus, as GTK does for the key: to the next stop,
 * or round to the first. Tab never stays where it is. */
static GtkWidget *
press_tab (GtkWidget *window)
{
  GtkWidget *before = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *after;

  if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
    {
      gtk_root_set_focus (GTK_ROOT (window), NULL);
      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
    }
  after = gtk_root_get_focus (GTK_ROOT (window));
  if (after == before)
    g_error ("Tab is stuck on a %s", before ? G_OBJECT_TYPE_NAME (before) : "window without focus");
  return after;
}

typedef gboolean (*IsStop) (GtkWidget  *focus,
                            const char *msgid);

/* Presses Tab until the focus is on what @is_stop looks for, as a person
 * with a keyboard would; fails unless it is within @limit presses. */
static GtkWidget *
tab_to (GtkWidget  *window,
        IsStop      is_stop,
        const char *msgid,
        guint       limit)
{
  for (guint i = 0; i < limit; i++)
    {
      GtkWidget *focus = press_tab (window);

      if (is_stop (focus, msgid))
        return focus;
    }
  g_error ("Tab does not reach “%s” within %u presses", msgid, limit);
}

static gboolean
is_card (GtkWidget  *focus,
         const char *msgid)
{
  return cf_test_count_visible (focus, CF_TYPE_CAMPAIGN_CARD) == 1;
}

/* A button labelled @msgid in the test's language, or starting so. */
static gboolean
is_button (GtkWidget  *focus,
           const char *msgid)
{
  return GTK_IS_BUTTON (focus) && gtk_button_get_label (GTK_BUTTON (focus)) != NULL &&
         g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (focus)), g_dgettext (GETTEXT_PACKAGE, msgid));
}

/* A row's title as it reads: in Arabic, a title put in a sentence starts
 * with the marks that make the sentence right-to-left and isolate the
 * title (“\u200f\u2068Watch\u2069 · …”). */
static gboolean
is_row (GtkWidget  *focus,
        const char *title)
{
  const char *shown;

  if (!ADW_IS_PREFERENCES_ROW (focus))
    return FALSE;
  shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus));
  while (g_str_has_prefix (shown, "\u200f") || g_str_has_prefix (shown, "\u2068"))
    shown = g_utf8_next_char (shown);
  return g_str_has_prefix (shown, g_dgettext (GETTEXT_PACKAGE, title));
}

/* The dialog's suggested button, once it can pledge. */
static gboolean
is_pledge_button (GtkWidget  *focus,
                  const char *what)
{
  if (is_row (focus, "Total"))
    g_error ("the pledge's total is a Tab stop");
  return GTK_IS_BUTTON (focus) && gtk_widget_has_css_class (focus, "suggested-action") &&
         gtk_widget_is_sensitive (focus);
}

/* A backer's and a creator's ways through the app with Tab and Enter
 * alone, at a phone's width, in the language: from the search to a card,
 * from a campaign's header to Back This Project, through the pledge
 * dialog's rewards to its button, and past the dashboard's figures to its
 * fulfillment. No Tab stays put on the way. */
static void
test_keyboard (void)
{
  GtkWidget *window = cf_ui_open_window_sized (application, platform->url, 360, 720);
  g_autofree char *dashboard = g_strdup_printf ("dashboard-narrow-%s", expected->language);
  GtkWidget *dialog;
  GtkWidget *focus;
  GtkWidget *no_reward;

  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY)), "Yen watch");
  cf_test_wait_until (window, has_one_card, NULL, "the search finds the campaign");
  gtk_widget_grab_focus (cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY));
  gtk_widget_activate (tab_to (window, is_card, "the campaign's card", 6));
  cf_test_wait_until (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE), has_label, (gpointer) expected->reward,
                      "the campaign opens from the keyboard");

  gtk_widget_activate (tab_to (window, is_button, "_Back This Project", 6));
  cf_test_wait_until (window, has_pledge_dialog, NULL, "the pledge dialog opens from the keyboard");
  dialog = cf_test_find_window (CF_TYPE_PLEDGE_DIALOG);
  /* It opens on the reward chosen, none yet. */
  no_reward = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (is_row (no_reward, "No reward"));
  /* Each reward is one Tab stop: the next press is on the next reward's row. */
  focus = press_tab (dialog);
  g_assert_true (ADW_IS_ACTION_ROW (focus));
  g_assert_true (focus != no_reward && gtk_widget_get_parent (focus) == gtk_widget_get_parent (no_reward));
  focus = tab_to (dialog, is_row, "Watch", 8);
  gtk_widget_activate (focus);
  /* A bonus typed as the language writes numbers is read, and added:
   * ¥35,000, ¥2,500 of shipping and ¥1,250. */
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (dialog, ADW_TYPE_ENTRY_ROW)), expected->typed_bonus);
  focus = tab_to (dialog, is_pledge_button, "the pledge button", 12);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (cf_test_first_visible (focus, GTK_TYPE_LABEL))), ==, expected->pledge);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_activate_action (cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE), "campaign.back", NULL);

  cf_ui_sign_out (window);
  cf_ui_sign_in (window, "creator", "creator-pw", "Cleo Creator");
  /* A creator's campaign with a long title: the dashboard's menu of
   * campaigns, beside the live badge, still fits the phone. */
  cf_ui_open_dashboard_on (window, LONG_TITLE);
  cf_ui_assert_fits_phone (window);
  cf_test_render_to_png (window, dashboard);
  cf_ui_open_dashboard_on (window, "Yen watch");
  gtk_widget_grab_focus (cf_test_first_visible (cf_ui_dashboard_of (window), GTK_TYPE_DROP_DOWN));
  /* The chart (its readout is the arrow keys'), then fulfillment: the
   * rewards' figures and the latest pledges are read, not stops. */
  tab_to (window, is_row, "_Update Fulfillment…", 3);
  gtk_window_destroy (GTK_WINDOW (window));
  cf_ui_forget_window_size (application);
}

/* Creators name campaigns at length, as “Harbour Lights: a tile-laying game
 * of night fishing” on the demo. */
static gboolean
has_all_states (GtkWidget *root,
                gpointer   data)
{
  /* Live, ended and upcoming: every campaign of the seed. */
  return cf_test_count_visible (root, g_type_from_name ("CfCampaignCard")) == 6;
}

/* Explore showing every campaign, whatever its state, at @width. */
static GtkWidget *
open_every_card (int width)
{
  GtkWidget *window = cf_ui_open_window_sized (application, platform->url, width, -1);

  cf_ui_show_campaigns_in_state (window, 3);
  cf_test_wait_until (window, has_all_states, NULL, "every campaign's card");
  return window;
}

/* No figure on a card is cut, in any state, at a desktop's width or a
 * phone's: counts, amounts and times wrap rather than end in “…”. */
static void
test_figures_never_cut (void)
{
  static const int widths[] = { 1280, 1100, 360 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("every-card-%d-%s", widths[i], expected->language);
      GtkWidget *window = open_every_card (widths[i]);

      cf_test_render_to_png (window, name);
      cf_ui_assert_no_figure_cut (window);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  cf_ui_forget_window_size (application);
}

/* A pre-sale and a membership page count what their goal counts, as the
 * language writes numbers and its plural forms, whole on a phone. */
static void
test_counted_cards (void)
{
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfRestPlatform) rest = cf_rest_platform_new (session, platform->url);
  g_autoptr(CfSecretStore) store = cf_secret_store_new ();
  g_autoptr(CfAccount) account = cf_account_new (CF_PLATFORM (rest), store, platform->url);
  g_autoptr(CfApproximation) approximation = cf_approximation_new ();
  g_autoptr(CfCampaign) presale = cf_test_counted_campaign ("pre_orders", 50000, 50704, 60000);
  g_autoptr(CfCampaign) membership = cf_test_counted_campaign ("members", 500, 420, 750);
  g_autofree char *name = g_strdup_printf ("counted-cards-360-%s", expected->language);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  CfCampaign *campaigns[] = { presale, membership };

  for (guint i = 0; i < G_N_ELEMENTS (campaigns); i++)
    {
      CfCampaignCard *card = CF_CAMPAIGN_CARD (cf_campaign_card_new (cf_application_get_image_cache (application),
                                                                     approximation));

      cf_campaign_card_set_campaign (card, account, campaigns[i]);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (card));
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  gtk_window_present (GTK_WINDOW (window));
  cf_test_wait_until (window, is_laid_out, NULL, "the cards are laid out");
  g_assert_true (cf_test_shows_label (window, expected->pre_orders));
  g_assert_true (cf_test_shows_label (window, expected->members));
  cf_test_render_to_png (window, name);
  cf_ui_assert_no_figure_cut (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
give_campaigns_long_titles_and_figures (void)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (platform->database, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE campaigns SET title = '" LONG_TITLE "'"
                                         " WHERE title = 'Ten left'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (handle), ==, 1);
  /* Four figures of backers, as a campaign that did well has. */
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE campaigns SET backers_count = 1204 WHERE title = 'Ended campaign'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
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
  /* As GTK sets it at start-up from its own catalogue in the app. */
  gtk_widget_set_default_direction (gtk_get_locale_direction ());
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CROWDFUND_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);
  give_campaigns_long_titles_and_figures ();
  application = cf_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add_func ("/languages/main-window-and-a-campaign", test_in_the_language);
  g_test_add_func ("/languages/reading-direction", test_reading_direction);
  g_test_add_func ("/languages/phone-width", test_phone_width);
  g_test_add_func ("/languages/keyboard", test_keyboard);
  g_test_add_func ("/languages/figures-never-cut", test_figures_never_cut);
  g_test_add_func ("/languages/counted-cards", test_counted_cards);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
