/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "cf-application.h"
#include "cf-campaign-page.h"
#include "cf-pledge-dialog.h"
#include "cf-pledge-page.h"
#include "cf-test-platform.h"
#include "cf-test-notifications.h"
#include "cf-test-proxy.h"
#include "cf-test-widgets.h"
#include "cf-ui-steps.h"

/* Backing projects in the running app against the reference platform: one
 * pledge whatever the clicks, retries and lost answers, and a refusal that
 * keeps everything the person chose. */

static CfTestPlatform *platform;
static CfApplication *application;
static GPtrArray *notifications;

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

static gboolean
dialog_closed (GtkWidget *root,
               gpointer   data)
{
  return cf_test_find_window (CF_TYPE_PLEDGE_DIALOG) == NULL;
}

static gboolean
can_back (GtkWidget *page,
          gpointer   data)
{
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (page, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (cf_test_shows_label (buttons->pdata[i], "Back This Project"))
      return gtk_widget_get_sensitive (buttons->pdata[i]);
  return FALSE;
}

/* The page's pledge button can be pressed: to back, or to change the pledge. */
static gboolean
can_pledge (GtkWidget *page,
            gpointer   data)
{
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (page, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (cf_test_shows_label (buttons->pdata[i], "Back This Project") ||
        cf_test_shows_label (buttons->pdata[i], "Change Your Pledge"))
      return gtk_widget_get_sensitive (buttons->pdata[i]);
  return FALSE;
}

static gint64
pledges_of_backer (const char *campaign_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM pledges WHERE backer_id = 1 AND campaign_id = %s"
                                          " AND status IN ('pledged', 'collected', 'errored')",
                                          campaign_id);

  return cf_test_platform_query (platform, sql);
}

/* Searches for @title and opens its page, once signed in there. */
static GtkWidget *
open_campaign (GtkWidget  *window,
               const char *title)
{
  GtkWidget *search = cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *page;

  gtk_editable_set_text (GTK_EDITABLE (search), title);
  cf_test_wait_until (window, has_one_card, NULL, "the search finds the campaign");
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  g_assert_nonnull (page);
  cf_test_wait_until (page, can_pledge, NULL, "the page offers to pledge");
  return page;
}

/* Searches for @title, opens its page and then the pledge dialog. */
static GtkWidget *
open_pledge_dialog (GtkWidget  *window,
                    const char *title)
{
  GtkWidget *page = open_campaign (window, title);
  GtkWidget *dialog;

  cf_test_wait_until (page, can_back, NULL, "the page offers to back the project");
  g_signal_emit_by_name (cf_test_button_labelled (page, "Back This Project"), "clicked");

  dialog = cf_test_find_window (CF_TYPE_PLEDGE_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static gboolean
shows_drop_down (GtkWidget *root,
                 gpointer   data)
{
  return cf_test_count_visible (root, GTK_TYPE_DROP_DOWN) > 0;
}

static void
choose_reward (GtkWidget  *dialog,
               const char *row_title)
{
  adw_action_row_activate (ADW_ACTION_ROW (cf_test_row_titled (dialog, ADW_TYPE_ACTION_ROW, row_title)));
}

static GtkWidget *
confirm_button (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (dialog, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (buttons->pdata[i], "suggested-action"))
      return buttons->pdata[i];
  g_error ("no confirm button");
}

static void
test_back_a_limited_reward (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *dialog;
  GtkWidget *confirm;

  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  dialog = open_pledge_dialog (window, "Ten left");
  choose_reward (dialog, "Ten places · €1");
  confirm = confirm_button (dialog);
  g_assert_true (cf_test_shows_label (confirm, "Pledge €1"));
  cf_test_render_to_png (dialog, "pledge-dialog");


  /* A double click: the second finds the pledge under way. */
  g_signal_emit_by_name (confirm, "clicked");
  g_signal_emit_by_name (confirm, "clicked");
  cf_test_wait_until (window, dialog_closed, NULL, "the pledge is made");
  cf_test_wait_until (window, has_label, "You back Ten left", "the toast tells of the pledge");
  cf_test_wait_until (window, has_label, "Change Your Pledge", "the page offers to change the pledge");
  g_assert_cmpint (pledges_of_backer ("2"), ==, 1);
  g_assert_cmpint (cf_test_platform_query (platform, "SELECT backers_count FROM rewards WHERE id = 3"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ten other backers take the last places of reward 1. */
static void
sell_out_limited_reward (void)
{
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *username = g_strdup_printf ("fan%02u", i);
      g_autofree char *token = cf_test_platform_sign_in (platform, username, "fan-pw");
      g_autoptr(JsonNode) answer = NULL;
      guint status;

      answer = cf_test_platform_call (platform, "POST", "/v1/campaigns/1/pledges", token,
                                      "{\"reward_id\": 1, \"amount\": {\"amount\": 1500, \"currency\": \"EUR\"},"
                                      " \"shipping_country\": \"FR\"}", &status);
      g_assert_cmpuint (status, ==, 201);
    }
}

static void
test_sold_out_while_open (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *dialog;
  GtkWidget *bonus;
  GtkDropDown *country;

  cf_test_wait_until (window, has_label, "Alpha board game", "the campaigns are shown");
  dialog = open_pledge_dialog (window, "Alpha board game");
  choose_reward (dialog, "Limited · €10");
  /* The countries can be searched, and the backer's own is chosen. */
  cf_test_wait_until (dialog, shows_drop_down, NULL, "the country menu shows");
  country = GTK_DROP_DOWN (cf_test_first_visible (dialog, GTK_TYPE_DROP_DOWN));
  g_assert_true (gtk_drop_down_get_enable_search (country));
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (gtk_drop_down_get_selected_item (country)),
                                   "France · "));
  bonus = cf_test_row_titled (dialog, ADW_TYPE_ENTRY_ROW, "Bonus, on top of the reward");
  gtk_editable_set_text (GTK_EDITABLE (bonus), "2.50");
  /* The backer lives in France: €10 + €5 shipping + €2.50. */
  g_assert_true (cf_test_shows_label (dialog, "€17.50"));

  sell_out_limited_reward ();
  g_signal_emit_by_name (confirm_button (dialog), "clicked");
  cf_test_wait_until (dialog, has_label, "This reward has just sold out. Choose another reward.",
                      "the refusal is explained");
  cf_test_wait_until (dialog, cf_test_shows_label_starting, "Sold out", "the reward shows as sold out");
  cf_test_render_to_png (dialog, "pledge-dialog-sold-out");

  /* Nothing chosen is lost, and nothing was pledged. */
  g_assert_true (cf_test_find_window (CF_TYPE_PLEDGE_DIALOG) == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bonus)), ==, "2.50");
  g_assert_true (cf_test_shows_label (dialog, "€17.50"));
  g_assert_cmpint (pledges_of_backer ("1"), ==, 0);

  /* Another reward, in the same dialog. */
  choose_reward (dialog, "Unlimited · €5");
  g_assert_true (cf_test_shows_label (dialog, "€7.50"));
  g_signal_emit_by_name (confirm_button (dialog), "clicked");
  cf_test_wait_until (window, dialog_closed, NULL, "the pledge is made");
  g_assert_cmpint (pledges_of_backer ("1"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_lost_answer (void)
{
  CfTestProxy *proxy = cf_test_proxy_new (platform->url);
  GtkWidget *window = cf_ui_open_window (application, cf_test_proxy_get_url (proxy));
  GtkWidget *dialog;

  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  dialog = open_pledge_dialog (window, "Idempotent pledges");
  choose_reward (dialog, "Any · €1");

  cf_test_proxy_lose_next_pledge (proxy);
  g_signal_emit_by_name (confirm_button (dialog), "clicked");
  cf_test_wait_until (window, dialog_closed, NULL, "the retried pledge is answered");
  g_assert_cmpuint (cf_test_proxy_get_lost_answers (proxy), ==, 1);
  g_assert_cmpint (pledges_of_backer ("6"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_proxy_free (proxy);
}

static GtkWidget *
row_for_campaign (GtkWidget  *root,
                  const char *title)
{
  g_autoptr(GPtrArray) rows = cf_test_visible_widgets (root, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (rows->pdata[i]), title))
      return rows->pdata[i];
  return NULL;
}

static gboolean
has_row (GtkWidget *root,
         gpointer   title)
{
  return row_for_campaign (root, title) != NULL;
}

static gboolean
is_received (GtkWidget *root,
             gpointer   data)
{
  return cf_test_platform_query (platform, "SELECT received FROM pledges WHERE backer_id = 1 AND campaign_id = 2") == 1;
}

/* An entry row's apply button shows while what it holds is not saved. */
static gboolean
apply_button_shown (GtkWidget *row,
                    gpointer   data)
{
  return cf_test_count_visible (row, GTK_TYPE_BUTTON) > 0;
}

static gboolean
is_applied (GtkWidget *row,
            gpointer   data)
{
  return !apply_button_shown (row, data);
}

static gboolean
address_saved (GtkWidget *root,
               gpointer   data)
{
  return cf_test_platform_query (platform, "SELECT COUNT(*) FROM pledges WHERE backer_id = 1 AND campaign_id = 5"
                                           " AND address = 'Bea Backer, 12 rue des Lilas, 75020 Paris'") == 1;
}

static gboolean
was_notified (GtkWidget *root,
              gpointer   data)
{
  return notifications->len > 0;
}

static gboolean
row_gone (GtkWidget *root,
          gpointer   data)
{
  return *(GtkWidget **) data == NULL;
}

/* The creator ships; the backer is told, and the timeline shows it after a
 * refresh. */
static void
test_delivery_timeline (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  g_autofree char *token = cf_test_platform_sign_in (platform, "creator", "creator-pw");
  g_autoptr(JsonNode) answer = NULL;
  GtkDropDown *filter;
  GtkWidget *page;
  GtkWidget *shown_row;
  guint status;

  g_assert_true (gtk_widget_activate_action (window, "win.search", NULL));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (cf_test_first_visible (window, ADW_TYPE_VIEW_STACK)),
                                         "pledges");
  cf_test_wait_until (window, has_row, "Ten left", "the pledge is listed");
  cf_test_render_to_png (window, "pledges");

  /* Filters: the reward is awaited, so it is not among those without one. */
  filter = GTK_DROP_DOWN (cf_test_first_visible (window, GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (filter, 3);
  g_assert_null (row_for_campaign (window, "Ten left"));
  g_assert_true (cf_test_shows_label (window, "No pledges here."));
  gtk_drop_down_set_selected (filter, 1);
  g_assert_nonnull (row_for_campaign (window, "Ten left"));
  gtk_drop_down_set_selected (filter, 0);

  /* Not sent yet: nothing to say it arrived. */
  g_signal_emit_by_name (row_for_campaign (window, "Ten left"), "activated");
  page = cf_test_first_visible (window, CF_TYPE_PLEDGE_PAGE);
  g_assert_false (cf_test_shows_label (page, "I Received My Reward"));
  g_assert_true (gtk_widget_activate_action (page, "pledge.back", NULL));

  answer = cf_test_platform_call (platform, "PATCH", "/v1/campaigns/2/fulfillment", token,
                                  "{\"reward_id\": 3, \"status\": \"shipped\", \"carrier\": \"La Poste\","
                                  " \"tracking_number\": \"6A12345678901\"}", &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (gtk_widget_activate_action (window, "win.reload", NULL));
  cf_test_wait_until (window, has_label, "Shipped", "the refreshed list shows the reward shipped");
  cf_test_wait_until (window, was_notified, NULL, "the backer is told the reward shipped");
  g_assert_cmpuint (notifications->len, ==, 1);
  g_assert_cmpstr (notifications->pdata[0], ==, "Your Reward Has Shipped\nTen places from Ten left is on its way.");

  /* Another refresh tells nothing new: once its answer is read, which
   * the rows made again from it show, no second notification came. */
  shown_row = row_for_campaign (window, "Ten left");
  g_object_add_weak_pointer (G_OBJECT (shown_row), (gpointer *) &shown_row);
  g_assert_true (gtk_widget_activate_action (window, "win.reload", NULL));
  cf_test_wait_until (window, row_gone, &shown_row, "the pledges are read again");
  g_assert_cmpuint (notifications->len, ==, 1);

  g_signal_emit_by_name (row_for_campaign (window, "Ten left"), "activated");
  page = cf_test_first_visible (window, CF_TYPE_PLEDGE_PAGE);
  g_assert_nonnull (page);
  cf_test_wait_until (page, has_label, "La Poste · 6A12345678901", "the timeline shows the tracking number");
  /* What the page says is read, not a row of Tab stops: the keyboard goes
   * to what acts (the tracking number's buttons, the switch). */
  g_assert_false (gtk_widget_get_focusable (cf_test_row_titled (page, ADW_TYPE_ACTION_ROW, "Reward")));
  g_assert_false (gtk_widget_get_focusable (cf_test_row_titled (page, ADW_TYPE_ACTION_ROW, "Status")));
  g_assert_false (gtk_widget_get_focusable (cf_test_row_titled (page, ADW_TYPE_ACTION_ROW, "Shipped")));
  cf_test_render_to_png (window, "pledge-timeline");

  gtk_switch_set_active (GTK_SWITCH (cf_test_first_visible (page, GTK_TYPE_SWITCH)), TRUE);
  cf_test_wait_until (page, is_received, NULL, "the platform hears the reward arrived");
  cf_test_wait_until (page, has_label, "Received", "the status says received");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A reward that ships: its address can change until the parcel is
 * prepared, and once saved, the row's apply button goes. */
static void
test_shipping_address (void)
{
  g_autofree char *token = cf_test_platform_sign_in (platform, "backer", "backer-pw");
  g_autoptr(JsonNode) rewards = NULL;
  g_autoptr(JsonNode) pledge = NULL;
  g_autofree char *body = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *address_row;
  guint status;

  rewards = cf_test_platform_call (platform, "GET", "/v1/campaigns/5/rewards", NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  body = g_strdup_printf ("{\"reward_id\": %" G_GINT64_FORMAT ", \"amount\": {\"amount\": 37500, \"currency\": \"JPY\"},"
                          " \"shipping_country\": \"FR\"}",
                          json_object_get_int_member (json_array_get_object_element (
                            json_object_get_array_member (json_node_get_object (rewards), "items"), 0), "id"));
  pledge = cf_test_platform_call (platform, "POST", "/v1/campaigns/5/pledges", token, body, &status);
  g_assert_cmpuint (status, ==, 201);

  window = cf_ui_open_window (application, platform->url);
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "pledges"));
  cf_test_wait_until (window, has_row, "Yen watch", "the pledge is listed");
  g_signal_emit_by_name (row_for_campaign (window, "Yen watch"), "activated");
  page = cf_test_first_visible (window, CF_TYPE_PLEDGE_PAGE);
  address_row = cf_test_row_titled (page, ADW_TYPE_ENTRY_ROW, "Address");
  gtk_widget_grab_focus (address_row);
  gtk_editable_set_text (GTK_EDITABLE (address_row), "  Bea Backer, 12 rue des Lilas, 75020 Paris ");
  g_assert_true (apply_button_shown (address_row, NULL));
  g_signal_emit_by_name (address_row, "apply");
  cf_test_wait_until (page, address_saved, NULL, "the platform keeps the address");
  cf_test_wait_until (address_row, is_applied, NULL, "the apply button goes once the address is saved");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (address_row)), ==, "Bea Backer, 12 rue des Lilas, 75020 Paris");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
amount_is_five_euros (GtkWidget *root,
                      gpointer   data)
{
  return cf_test_platform_query (platform, "SELECT amount FROM pledges WHERE backer_id = 1 AND campaign_id = 6") == 500;
}

static gboolean
is_canceled (GtkWidget *root,
             gpointer   data)
{
  return cf_test_platform_query (platform, "SELECT COUNT(*) FROM pledges WHERE backer_id = 1 AND campaign_id = 6"
                                           " AND status = 'canceled'") == 1;
}

/* Reopens the dialog for the pledge made through the proxy: a bonus is
 * added, then the pledge is canceled after a confirmation. */
static void
test_change_and_cancel (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *page = open_campaign (window, "Idempotent pledges");
  GtkWidget *dialog;
  AdwMessageDialog *confirmation;

  cf_test_wait_until (page, has_label, "Change Your Pledge", "the page offers to change the pledge");
  g_signal_emit_by_name (cf_test_button_labelled (page, "Change Your Pledge"), "clicked");
  dialog = cf_test_find_window (CF_TYPE_PLEDGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_row_titled (dialog, ADW_TYPE_ENTRY_ROW, "Bonus, on top of the reward")),
                         "4");
  g_assert_true (cf_test_shows_label (dialog, "€5"));
  g_signal_emit_by_name (confirm_button (dialog), "clicked");
  cf_test_wait_until (window, dialog_closed, NULL, "the change is saved");
  g_assert_true (amount_is_five_euros (window, NULL));

  cf_test_wait_until (page, has_label, "Change Your Pledge", "the page still offers to change the pledge");
  g_signal_emit_by_name (cf_test_button_labelled (page, "Change Your Pledge"), "clicked");
  dialog = cf_test_find_window (CF_TYPE_PLEDGE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_test_row_titled (dialog, ADW_TYPE_ENTRY_ROW,
                                                                            "Bonus, on top of the reward"))),
                   ==, "4");
  /* Cancelling is offered at the top, with the reward, not under the total. */
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (
                     gtk_widget_get_ancestor (cf_test_button_labelled (dialog, "Cancel Pledge…"),
                                              ADW_TYPE_PREFERENCES_GROUP))), ==, "Reward");
  cf_test_render_to_png (dialog, "pledge-change-dialog");
  g_signal_emit_by_name (cf_test_button_labelled (dialog, "Cancel Pledge…"), "clicked");
  confirmation = ADW_MESSAGE_DIALOG (cf_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirmation);
  g_assert_false (is_canceled (window, NULL));
  adw_message_dialog_response (confirmation, "act");
  cf_test_wait_until (window, is_canceled, NULL, "the platform cancels the pledge");
  cf_test_wait_until (window, dialog_closed, NULL, "the dialog closes");
  cf_test_wait_until (window, has_label, "Your pledge to Idempotent pledges is canceled", "the toast tells of it");
  cf_test_wait_until (page, can_back, NULL, "the page offers to back the project again");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_followed (GtkWidget *root,
             gpointer   data)
{
  return cf_test_platform_query (platform, "SELECT COUNT(*) FROM following WHERE user_id = 1 AND campaign_id = 5") == 1;
}

static gboolean
is_unfollowed (GtkWidget *root,
               gpointer   data)
{
  return !is_followed (root, data);
}

static GtkWidget *
star_of_card (GtkWidget *window)
{
  GtkWidget *card = cf_test_first_visible (window, g_type_from_name ("CfCampaignCard"));
  g_autoptr(GPtrArray) buttons = cf_test_visible_widgets (card, GTK_TYPE_BUTTON);

  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (buttons->pdata[0]), ==, "Unfollow Campaign");
  return buttons->pdata[0];
}

static void
test_follow (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *page = open_campaign (window, "Yen watch");

  g_signal_emit_by_name (cf_test_button_labelled (page, "Follow"), "clicked");
  cf_test_wait_until (page, is_followed, NULL, "the platform records the follow");
  cf_test_wait_until (page, has_label, "Following", "the button says the campaign is followed");

  gtk_widget_activate_action (page, "campaign.back", NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (cf_test_first_visible (window, ADW_TYPE_VIEW_STACK)),
                                         "following");
  cf_test_wait_until (window, has_one_card, NULL, "the Following view shows the campaign");
  g_assert_true (cf_test_shows_label (window, "Yen watch"));
  cf_test_render_to_png (window, "following");
  /* One followed campaign is one card of Explore's size, not a banner. */
  g_assert_cmpint (gtk_widget_get_width (cf_test_first_visible (window, g_type_from_name ("CfCampaignCard"))) * 2, <,
                   gtk_widget_get_width (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW)));

  /* The card's star unfollows, and the view empties. */
  g_signal_emit_by_name (star_of_card (window), "clicked");
  cf_test_wait_until (window, is_unfollowed, NULL, "the platform forgets the follow");
  cf_test_wait_until (window, has_label, "No Followed Campaigns", "the Following view empties");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Chooses the currency whose item in Preferences ends with @code_in_brackets. */
static void
choose_display_currency (GtkWidget  *window,
                         const char *code_in_brackets)
{
  GtkWidget *preferences = cf_ui_open_preferences (window);
  AdwComboRow *row = ADW_COMBO_ROW (cf_test_row_titled (preferences, ADW_TYPE_COMBO_ROW, "Currency"));
  GListModel *items = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (items, i);

      if (g_str_has_suffix (gtk_string_object_get_string (item), code_in_brackets))
        adw_combo_row_set_selected (row, i);
    }
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* “≈ €1,234”: a whole amount approximated, as the app writes it in English. */
static char *
approximately (const char *symbol,
               double      amount)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", amount);
  g_autoptr(GString) text = g_string_new ("≈ ");
  gsize length = strlen (digits);

  g_string_append (text, symbol);
  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Amounts in another currency are told approximately in one currency,
 * whoever is signed in: the region's (the US dollar here, in the C
 * locale), then the one chosen in Preferences; on cards, on the campaign
 * and on its rewards, rounded. The platform's rates: $1 = €0.92 = ¥150. */
static void
test_approximate_amounts (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  double dollars = cf_test_platform_query (platform, "SELECT pledged FROM campaigns WHERE title = 'Yen watch'") / 150.0;
  g_autofree char *in_euros = approximately ("€", dollars * 0.92);
  g_autofree char *in_dollars = approximately ("$", dollars);
  GtkWidget *page;

  /* A backer whose account is in euros. */
  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  cf_test_wait_until (window, has_label, in_dollars, "the yen campaign's card is told in the region's dollars");

  choose_display_currency (window, "(EUR)");
  cf_test_wait_until (window, has_label, in_euros, "the card follows the currency chosen");
  page = open_campaign (window, "Yen watch");
  cf_test_wait_until (page, has_label, "≈ €215", "the reward's minimum, ¥35,000, is told in euros");
  g_assert_true (cf_test_shows_label (page, in_euros));
  choose_display_currency (window, "Your Region’s (USD)");
  cf_test_wait_until (page, has_label, "≈ $233", "back to the region's currency");
  gtk_widget_activate_action (page, "campaign.back", NULL);
  cf_ui_sign_out (window);

  /* Nothing chosen yet in the pledge dialog: nothing approximated (a
   * backer who has not pledged to the campaign). */
  cf_ui_sign_in (window, "fan01", "fan-pw", "Fan 1");
  page = open_campaign (window, "Yen watch");
  cf_test_wait_until (page, can_back, NULL, "the page offers to back the project");
  g_signal_emit_by_name (cf_test_button_labelled (page, "Back This Project"), "clicked");
  g_assert_true (cf_test_shows_label (cf_test_find_window (CF_TYPE_PLEDGE_DIALOG), "¥0"));
  g_assert_false (cf_test_shows_label_starting (cf_test_find_window (CF_TYPE_PLEDGE_DIALOG), "≈"));
  gtk_window_destroy (GTK_WINDOW (cf_test_find_window (CF_TYPE_PLEDGE_DIALOG)));
  cf_ui_sign_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The grid holds the search's answer alone: one card, of @title. */
static gboolean
has_only_card (GtkWidget *root,
               gpointer   title)
{
  return has_one_card (root, NULL) &&
         cf_test_shows_label (cf_test_first_visible (root, g_type_from_name ("CfCampaignCard")), title);
}

static GtkWidget *
find_campaign_page (GtkWidget  *window,
                    const char *title)
{
  GtkWidget *search = cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (search), title);
  cf_test_wait_until (window, has_only_card, (gpointer) title, "the search finds the campaign");
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  return cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
}

static gboolean
has_follow_button (GtkWidget *page,
                   gpointer   data)
{
  return cf_test_shows_label (page, "Follow") || cf_test_shows_label (page, "Following");
}

/* A creator is not offered to back their own campaign, only others'. */
static void
write_to_platform (const char *sql)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (platform->database, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (handle), ==, 1);
  sqlite3_close (handle);
}

static gboolean
has_upcoming_card (GtkWidget *root,
                   gpointer   data)
{
  return has_only_card (root, (gpointer) "Soon to launch");
}

/* An upcoming campaign can be remembered; once the platform says it is
 * live, a notification tells so, and the reminder is done. */
static void
test_remind_at_launch (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GSettings *settings = cf_application_get_settings (application);
  g_autoptr(GVariant) reminders = NULL;
  g_autofree char *soon = g_strdup_printf ("UPDATE campaigns SET launched_at = %" G_GINT64_FORMAT
                                           " WHERE title = 'Soon to launch'",
                                           g_get_real_time () / G_USEC_PER_SEC + 2);
  GtkWidget *page;

  write_to_platform (soon);
  g_ptr_array_set_size (notifications, 0);
  cf_ui_show_campaigns_in_state (window, 3);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_first_visible (window, GTK_TYPE_SEARCH_ENTRY)), "Soon to launch");
  cf_test_wait_until (window, has_upcoming_card, NULL, "the upcoming campaign is found");
  g_signal_emit_by_name (cf_test_first_visible (window, GTK_TYPE_GRID_VIEW), "activate", 0);
  page = cf_test_first_visible (window, CF_TYPE_CAMPAIGN_PAGE);
  cf_test_wait_until (page, has_label, "Remind Me at Launch", "the page offers a reminder");
  g_assert_false (cf_test_shows_label (page, "Back This Project"));

  g_signal_emit_by_name (cf_test_button_labelled (page, "Remind Me at Launch"), "clicked");
  g_assert_true (cf_test_shows_label (page, "Don’t Remind Me"));
  cf_test_render_to_png (window, "remind-at-launch");
  /* Nothing pledged yet is nothing to approximate. */
  g_assert_false (cf_test_shows_label_starting (page, "≈"));
  reminders = g_settings_get_value (settings, "launch-reminders");
  g_assert_cmpuint (g_variant_n_children (reminders), ==, 1);

  /* The platform opens it to pledges. */
  write_to_platform ("UPDATE campaigns SET state = 'live' WHERE title = 'Soon to launch'");
  cf_test_wait_until (window, was_notified, NULL, "the launch is told");
  g_assert_cmpstr (notifications->pdata[0], ==,
                   "A Campaign Has Launched\nSoon to launch is live: it takes pledges from now on.");
  g_clear_pointer (&reminders, g_variant_unref);
  reminders = g_settings_get_value (settings, "launch-reminders");
  g_assert_cmpuint (g_variant_n_children (reminders), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_three_rewards (GtkWidget *page,
                   gpointer   data)
{
  return cf_test_count_visible (page, g_type_from_name ("CfRewardCard")) == 3;
}

/* Each reward that ships says what it costs to the backer's country,
 * France: by the rate that names it, or that it does not go there. */
static void
test_shipping_costs (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *page;

  cf_ui_sign_in (window, "backer", "backer-pw", "Bea Backer");
  page = open_campaign (window, "Alpha board game");
  cf_test_wait_until (page, has_three_rewards, NULL, "every reward of Alpha appears");
  g_assert_true (cf_test_shows_label (page, "Shipping to France: €5"));
  g_assert_true (cf_test_shows_label (page, "Does not ship to France"));
  cf_ui_sign_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_own_campaign (void)
{
  GtkWidget *window = cf_ui_open_window (application, platform->url);
  GtkWidget *page;

  cf_ui_sign_in (window, "creator", "creator-pw", "Cleo Creator");
  page = find_campaign_page (window, "Alpha board game");
  cf_test_wait_until (page, has_follow_button, NULL, "the page's actions are shown");
  g_assert_false (cf_test_shows_label (page, "Back This Project"));

  g_assert_true (gtk_widget_activate_action (page, "campaign.back", NULL));
  page = find_campaign_page (window, "Idempotent pledges");
  cf_test_wait_until (page, can_pledge, NULL, "someone else's campaign can be backed");
  /* Its place is not known: it is left out, not shown as a dash. */
  g_assert_true (cf_test_shows_label (page, "by Otto Other · Games"));
  cf_ui_sign_out (window);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = cf_ui_use_new_home ("pledging");
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  notifications = cf_test_notifications_start ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  platform = cf_test_platform_start ("seed.json", NULL);
  application = cf_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, NULL);

  g_test_add_func ("/pledging/back-a-limited-reward", test_back_a_limited_reward);
  g_test_add_func ("/pledging/sold-out-while-open", test_sold_out_while_open);
  g_test_add_func ("/pledging/lost-answer", test_lost_answer);
  g_test_add_func ("/pledging/change-and-cancel", test_change_and_cancel);
  g_test_add_func ("/pledging/delivery-timeline", test_delivery_timeline);
  g_test_add_func ("/pledging/shipping-address", test_shipping_address);
  g_test_add_func ("/pledging/follow", test_follow);
  g_test_add_func ("/pledging/approximate-amounts", test_approximate_amounts);
  g_test_add_func ("/pledging/own-campaign", test_own_campaign);
  g_test_add_func ("/pledging/shipping-costs", test_shipping_costs);
  g_test_add_func ("/pledging/remind-at-launch", test_remind_at_launch);

  status = g_test_run ();
  cf_test_platform_free (platform);
  g_object_unref (application);
  return status;
}
