/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-campaign-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cf-format.h"
#include "cf-campaign-page.h"
#include "cf-launch-reminders.h"
#include "cf-error-banner.h"
#include "cf-spinner.h"
#include "cf-widget-util.h"
#include "cf-campaign-summary.h"
#include "cf-live-subscription.h"
#include "cf-funding-bar.h"
#include "cf-pledge-dialog.h"
#include "cf-reward-card.h"
#include "cf-locale.h"
#include "cf-update.h"

/* The picture's place at its largest: the page's clamp and the picture's
 * height in cf-campaign-page.ui. */
#define PICTURE_WIDTH  760
#define PICTURE_HEIGHT 220

/* Everything about one campaign: its figures at once from the card that
 * opened it, then its description, rewards and updates as they arrive. */
struct _CfCampaignPage
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scrolled_window;
  GtkLabel *approximate_label;
  GtkButton *back_button;
  GtkButton *remind_button;
  AdwButtonContent *remind_content;
  GtkLabel *backers_label;
  GtkLabel *blurb_label;
  GtkLabel *description_label;
  GtkStack *details_stack;
  CfErrorBanner *error_banner;
  AdwStatusPage *error_status_page;
  GtkButton *open_blocked_button;
  GtkButton *follow_button;
  AdwButtonContent *follow_content;
  CfFundingBar *funding_bar;
  GtkLabel *goal_label;
  GtkLabel *meta_label;
  GtkLabel *percent_label;
  GtkPicture *picture;
  GtkLabel *pledged_label;
  GtkBox *rewards_box;
  GtkLabel *rewards_heading;
  GtkLabel *about_heading;
  GtkLabel *time_left_label;
  GtkLabel *title_label;
  AdwPreferencesGroup *updates_group;
  AdwWindowTitle *window_title;

  CfPlatform *platform;
  CfAccount *account;
  CfImageCache *image_cache;
  CfApproximation *approximation;
  CfLaunchReminders *reminders;
  CfCampaign *campaign;
  CfLiveSubscription *subscription;
  GListModel *rewards;
  CfPledge *pledge;       /* the person's active pledge to the campaign */
  GCancellable *cancellable;
  GPtrArray *update_rows;
  guint pending;
  gboolean show_platform;
  gboolean failed;
  gboolean following_busy;
};

G_DEFINE_FINAL_TYPE (CfCampaignPage, cf_campaign_page, GTK_TYPE_WIDGET)

enum
{
  PLEDGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
signed_in (CfCampaignPage *self)
{
  return self->account != NULL && cf_account_get_signed_in (self->account);
}

/* Follow, Back This Project and Remind Me at Launch, as the account and
 * the campaign allow. */
static void
update_actions (CfCampaignPage *self)
{
  gboolean live = self->campaign && cf_campaign_get_state (self->campaign) == CF_CAMPAIGN_STATE_LIVE;
  gboolean following = signed_in (self) && self->campaign && cf_account_is_following (self->account, self->campaign);
  gboolean in_app = cf_platform_can (self->platform, CF_PLATFORM_FEATURE_PLEDGE);
  CfUser *user = signed_in (self) ? cf_account_get_user (self->account) : NULL;
  gboolean own = user != NULL && self->campaign != NULL &&
                 g_strcmp0 (cf_user_get_id (user), cf_campaign_get_creator_id (self->campaign)) == 0;
  gboolean upcoming = self->campaign && cf_campaign_get_state (self->campaign) == CF_CAMPAIGN_STATE_UPCOMING;
  gboolean reminded = upcoming && self->reminders != NULL &&
                      cf_launch_reminders_contains (self->reminders, self->account, self->campaign);
  const char *back_tooltip = NULL;

  /* Nobody backs their own campaign; one not launched yet can be
   * remembered instead. */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !own && !(upcoming && self->reminders != NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->remind_button), !own && upcoming && self->reminders != NULL);
  adw_button_content_set_label (self->remind_content, reminded ? _("_Don’t Remind Me") : _("_Remind Me at Launch"));
  if (reminded)
    gtk_widget_remove_css_class (GTK_WIDGET (self->remind_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->remind_button), "suggested-action");
  if (!live)
    back_tooltip = _("This campaign is not taking pledges");
  else if (!in_app)
    back_tooltip = _("Pledges to this platform are made on its website: the campaign’s page opens in your browser");
  else if (!signed_in (self))
    back_tooltip = _("Sign in to back projects");
  if (in_app)
    gtk_button_set_label (self->back_button, self->pledge ? _("_Change Your Pledge") : _("_Back This Project"));
  else
    {
      /* The label says where the button leads: out of the app. */
      g_autofree char *label = NULL;

      /* A campaign followed by its address is on the platform of its page. */
      const char *platform = cf_campaign_get_platform_name (self->campaign) ? cf_campaign_get_platform_name (self->campaign)
                                                                            : cf_account_get_label (self->account);

      if (self->pledge != NULL)
        /* Translators: %s is a platform, as in “Change Your Pledge on Ulule”; its website opens. */
        label = g_strdup_printf (_("_Change Your Pledge on %s"), platform);
      else
        /* Translators: %s is a platform, as in “Back on Ulule”; its website opens. */
        label = g_strdup_printf (_("_Back on %s"), platform);
      gtk_button_set_label (self->back_button, label);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_button),
                            live && (in_app ? signed_in (self) && self->rewards != NULL
                                            : cf_campaign_get_url (self->campaign) != NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->back_button), back_tooltip);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_button), cf_platform_can (self->platform, CF_PLATFORM_FEATURE_FOLLOW));

  adw_button_content_set_label (self->follow_content, following ? _("_Following") : _("_Follow"));
  adw_button_content_set_icon_name (self->follow_content, following ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_button), signed_in (self) && !self->following_busy);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->follow_button),
                               signed_in (self) ? NULL : _("Sign in to follow campaigns"));
}

static void
show_approximation (CfCampaignPage *self)
{
  g_autofree char *text = NULL;

  if (self->campaign != NULL && self->approximation != NULL)
    text = cf_approximation_dup_text (self->approximation, cf_campaign_get_pledged (self->campaign));
  gtk_label_set_label (self->approximate_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->approximate_label), text != NULL);
}

static void
show_figures (CfCampaignPage *self)
{
  CfCampaign *campaign = self->campaign;
  g_auto(CfCampaignSummary) summary = { 0 };
  g_autofree char *goal = NULL;
  g_autofree char *meta = NULL;
  const char *city = cf_campaign_get_city (campaign);
  const char *category = cf_campaign_get_category_name (campaign);
  g_autofree char *country = cf_campaign_get_country (campaign) ? cf_locale_dup_country_name (cf_campaign_get_country (campaign))
                                                                 : NULL;
  const char *place = city ? city : country;

  cf_campaign_summary_init (&summary, campaign);
  adw_window_title_set_title (self->window_title, cf_campaign_get_title (campaign));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, cf_campaign_get_title (campaign), -1);
  adw_window_title_set_subtitle (self->window_title, self->show_platform ? cf_account_get_label (self->account) : NULL);
  gtk_label_set_label (self->title_label, cf_campaign_get_title (campaign));
  gtk_label_set_label (self->blurb_label, cf_campaign_get_blurb (campaign));
  /* What is not known is left out, never shown as a dash. */
  if (category != NULL && place != NULL)
    /* Translators: creator, category and place of a campaign, as in “by wena project · Technology · Tokyo”. */
    meta = g_strdup_printf (_("by %s · %s · %s"), cf_campaign_get_creator_name (campaign), category, place);
  else if (category != NULL || place != NULL)
    /* Translators: creator and the category or the place of a campaign, as in “by wena project · Tokyo”. */
    meta = g_strdup_printf (_("by %s · %s"), cf_campaign_get_creator_name (campaign), category ? category : place);
  else
    /* Translators: the creator of a campaign, as in “by wena project”. */
    meta = g_strdup_printf (_("by %s"), cf_campaign_get_creator_name (campaign));
  gtk_label_set_label (self->meta_label, meta);
  /* A campaign followed by its address has no creator the app knows of:
   * its blurb says where it is. */
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), cf_campaign_get_platform_name (campaign) == NULL);
  gtk_label_set_label (self->pledged_label, summary.pledged);
  /* Figures the app cannot read leave no empty places: where they are is said. */
  gtk_widget_set_visible (GTK_WIDGET (self->pledged_label), *summary.pledged != '\0');
  if (cf_campaign_get_figures_unknown (campaign))
    goal = g_strdup (summary.pledged_of_goal);
  else if (summary.counted && summary.next_goal != NULL)
    /* Translators: under pre-orders or members, the goal and the next stretch goal, as in
     * “of a goal of 50,000 pre-orders · next stretch goal 60,000 pre-orders”. */
    goal = g_strdup_printf (_("of a goal of %s · next stretch goal %s"), summary.goal, summary.next_goal);
  else if (summary.counted)
    /* Translators: under pre-orders or members, the goal, as in “of a goal of 500 members”. */
    goal = g_strdup_printf (_("of a goal of %s"), summary.goal);
  else
    goal = g_strdup (summary.goal_caption);
  if (summary.raised != NULL)
    {
      g_autofree char *with_money = NULL;

      /* Translators: the goal line, then the money raised, as in “of a goal of 50,000 pre-orders · €12,345 raised”. */
      with_money = g_strdup_printf (_("%s · %s"), goal, summary.raised);
      g_free (goal);
      goal = g_steal_pointer (&with_money);
    }
  gtk_label_set_label (self->goal_label, goal);
  cf_funding_bar_set_fraction (self->funding_bar, summary.fraction);
  gtk_widget_set_visible (GTK_WIDGET (self->funding_bar), summary.has_goal);
  gtk_label_set_label (self->percent_label, summary.percent);
  gtk_label_set_label (self->backers_label, summary.backers);
  gtk_widget_set_visible (GTK_WIDGET (self->backers_label), *summary.backers != '\0');
  gtk_label_set_label (self->time_left_label, summary.time_left);
  /* Without a description, the blurb under the title says it all. */
  gtk_label_set_label (self->description_label, cf_campaign_get_description (campaign)
                                                ? cf_campaign_get_description (campaign) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->about_heading), cf_campaign_get_description (campaign) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), cf_campaign_get_description (campaign) != NULL);
  show_approximation (self);
}

/* The campaign shown, its figures following pledges as they land. */
static void
set_campaign (CfCampaignPage *self,
              CfCampaign     *campaign)
{
  if (!g_set_object (&self->campaign, campaign))
    return;

  g_clear_object (&self->subscription);
  self->subscription = cf_live_subscription_new (cf_account_get_live_feed (self->account), campaign, FALSE);
  g_signal_connect_swapped (self->subscription, "changed", G_CALLBACK (show_figures), self);
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GdkTexture) texture = cf_image_cache_load_finish (CF_IMAGE_CACHE (object), result, NULL);

  if (texture != NULL)
    gtk_picture_set_paintable (CF_CAMPAIGN_PAGE (user_data)->picture, GDK_PAINTABLE (texture));
}

static void
clear_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
one_done (CfCampaignPage *self,
          const GError   *error)
{
  if (error != NULL && !self->failed)
    {
      gboolean blocked = g_error_matches (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_BLOCKED);
      g_autofree char *message = NULL;

      self->failed = TRUE;
      /* A page for browsers came instead of an answer: the campaign is one
       * click away on the website, and the app never pretends to be a browser. */
      if (blocked)
        /* Translators: %s is a platform, as in “Open Collective refused this app’s request…”. */
        message = g_strdup_printf (_("%s refused this app’s request and sent a page meant for web browsers. "
                                     "Open the campaign in your browser instead."),
                                   cf_account_get_label (self->account));
      adw_status_page_set_description (self->error_status_page, message ? message : error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->open_blocked_button),
                              blocked && cf_campaign_get_url (self->campaign) != NULL);
      cf_error_banner_show (self->error_banner, message ? message : error->message);
    }

  if (--self->pending > 0)
    return;
  /* The error page only when there is nothing to show. */
  gtk_stack_set_visible_child_name (self->details_stack, self->failed && self->rewards == NULL ? "error" : "details");
  if (!self->failed)
    cf_error_banner_hide (self->error_banner);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
campaign_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = cf_platform_get_campaign_finish (CF_PLATFORM (object), result, &error);
  CfCampaignPage *self;

  if (is_cancelled (error))
    return;

  self = CF_CAMPAIGN_PAGE (user_data);
  if (campaign != NULL)
    {
      set_campaign (self, campaign);
      show_figures (self);
      update_actions (self);
    }
  one_done (self, error);
}

/* Where the person's rewards would ship: their account's country, else
 * their region's. */
static char *
dup_shipping_country (CfCampaignPage *self)
{
  CfUser *user = self->account ? cf_account_get_user (self->account) : NULL;

  return user && cf_user_get_country (user) ? g_strdup (cf_user_get_country (user)) : cf_locale_dup_country ();
}

static void
rewards_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = cf_platform_list_finish (CF_PLATFORM (object), result, &error);
  g_autofree char *country = NULL;
  CfCampaignPage *self;
  GListModel *rewards;

  if (is_cancelled (error))
    return;

  self = CF_CAMPAIGN_PAGE (user_data);
  /* A failed read keeps the rewards shown. */
  rewards = page ? cf_page_get_items (page) : NULL;
  if (rewards != NULL)
    {
      clear_children (GTK_WIDGET (self->rewards_box));
      g_set_object (&self->rewards, rewards);
      /* A page followed by its address has no rewards to tell of. */
      gtk_widget_set_visible (GTK_WIDGET (self->rewards_heading), g_list_model_get_n_items (rewards) > 0);
    }
  update_actions (self);
  country = dup_shipping_country (self);
  for (guint i = 0; rewards != NULL && i < g_list_model_get_n_items (rewards); i++)
    {
      g_autoptr(CfReward) reward = g_list_model_get_item (rewards, i);

      gtk_box_append (self->rewards_box, cf_reward_card_new (reward, self->approximation, country));
    }
  one_done (self, error);
}

static GtkWidget *
update_row (CfUpdate *update)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *number = cf_format_count (cf_update_get_number (update), NULL);
  g_autofree char *date = cf_format_date (cf_update_get_published_at (update), C_("update date", "%-d %B %Y"));
  const char *body = cf_update_get_body (update);
  GtkWidget *label = gtk_label_new (body ? body : _("This update is for backers only."));
  GtkWidget *body_row;

  /* Translators: an update's number and title, as in “#2 · Production has started”. */
  title = g_strdup_printf (_("#%s · %s"), number, cf_update_get_title (update));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (cf_update_get_backers_only (update))
    {
      /* Translators: an update's date, for one written for backers only, as in “20 May 2020 · For backers only”. */
      g_autofree char *for_backers = g_strdup_printf (_("%s · For backers only"), date);

      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), for_backers);
    }
  else
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  if (body == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  /* The update's text is read where it is, not a stop for the keyboard. */
  body_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (body_row), FALSE);
  gtk_widget_set_focusable (body_row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (body_row), label);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), body_row);
  cf_widget_name_controls (row);
  return row;
}

static void
clear_updates (CfCampaignPage *self)
{
  for (guint i = 0; i < self->update_rows->len; i++)
    adw_preferences_group_remove (self->updates_group, g_ptr_array_index (self->update_rows, i));
  g_ptr_array_set_size (self->update_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->updates_group), FALSE);
}

static void
updates_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = cf_platform_list_finish (CF_PLATFORM (object), result, &error);
  CfCampaignPage *self;
  GListModel *updates;

  if (is_cancelled (error))
    return;

  self = CF_CAMPAIGN_PAGE (user_data);
  updates = page ? cf_page_get_items (page) : NULL;
  if (updates != NULL)
    clear_updates (self);
  for (guint i = 0; updates != NULL && i < g_list_model_get_n_items (updates); i++)
    {
      g_autoptr(CfUpdate) update = g_list_model_get_item (updates, i);
      GtkWidget *row = update_row (update);

      adw_preferences_group_add (self->updates_group, row);
      g_ptr_array_add (self->update_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->updates_group), self->update_rows->len > 0);
  one_done (self, error);
}

/* Finds the person's active pledge to this campaign, if any. */
static void
pledges_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pledges = cf_platform_list_all_finish (CF_PLATFORM (object), result, &error);
  CfCampaignPage *self;

  if (pledges == NULL)
    {
      if (!is_cancelled (error))
        g_debug ("pledges: %s", error->message);
      return;
    }

  self = CF_CAMPAIGN_PAGE (user_data);
  for (guint i = 0; i < g_list_model_get_n_items (pledges); i++)
    {
      g_autoptr(CfPledge) pledge = g_list_model_get_item (pledges, i);

      if (g_strcmp0 (cf_pledge_get_campaign_id (pledge), cf_campaign_get_id (self->campaign)) == 0 &&
          cf_pledge_is_active (pledge))
        {
          g_set_object (&self->pledge, pledge);
          update_actions (self);
          return;
        }
    }
}

static void
load_details (CfCampaignPage *self)
{
  const char *id = cf_campaign_get_id (self->campaign);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 2;
  self->failed = FALSE;
  /* Reading again, what is shown stays until there is better. */
  if (self->rewards == NULL)
    gtk_stack_set_visible_child_name (self->details_stack, "loading");

  cf_platform_get_campaign_async (self->platform, id, self->cancellable, campaign_cb, self);
  cf_platform_list_rewards_async (self->platform, id, self->cancellable, rewards_cb, self);
  if (cf_platform_can (self->platform, CF_PLATFORM_FEATURE_UPDATES))
    {
      self->pending++;
      cf_platform_list_updates_async (self->platform, id, NULL, self->cancellable, updates_cb, self);
    }

  g_clear_object (&self->pledge);
  update_actions (self);
  if (signed_in (self) && cf_platform_can (self->platform, CF_PLATFORM_FEATURE_PLEDGES))
    cf_platform_list_all_pledges_async (self->platform, self->cancellable, pledges_cb, self);
}

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean done = cf_account_set_following_finish (CF_ACCOUNT (object), result, &error);
  CfCampaignPage *self;

  if (is_cancelled (error))
    return;

  self = CF_CAMPAIGN_PAGE (user_data);
  self->following_busy = FALSE;
  if (!done)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
  update_actions (self);
}

static void
remind_cb (CfCampaignPage *self)
{
  gboolean reminded = cf_launch_reminders_contains (self->reminders, self->account, self->campaign);

  cf_launch_reminders_set (self->reminders, self->account, self->campaign, !reminded);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                              reminded ? _("You will not be reminded of this campaign")
                                       : _("You will be told when this campaign launches"));
}

static void
follow_cb (CfCampaignPage *self)
{
  if (!signed_in (self) || self->campaign == NULL)
    return;

  self->following_busy = TRUE;
  update_actions (self);
  cf_account_set_following_async (self->account, self->campaign,
                                  !cf_account_is_following (self->account, self->campaign),
                                  self->cancellable, followed_cb, self);
}

static void
following_changed_cb (CfCampaignPage *self)
{
  update_actions (self);
}

static void
pledge_changed_cb (CfCampaignPage *self,
                   CfPledge       *pledge)
{
  g_signal_emit (self, signals[PLEDGE_CHANGED], 0, pledge);
  load_details (self);
}

static void
open_in_browser (CfCampaignPage *self)
{
  const char *url = self->campaign ? cf_campaign_get_url (self->campaign) : NULL;

  if (url != NULL)
    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), url, GDK_CURRENT_TIME);
}

/* In the pledge dialog, or on the platform's website when pledges are made
 * there; such a pledge shows in Pledges at the next refresh. */
static void
back_project_cb (CfCampaignPage *self)
{
  g_autofree char *country = NULL;
  CfPledgeDialog *dialog;

  if (!cf_platform_can (self->platform, CF_PLATFORM_FEATURE_PLEDGE))
    {
      open_in_browser (self);
      return;
    }
  if (self->rewards == NULL)
    return;

  country = dup_shipping_country (self);
  dialog = cf_pledge_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->platform,
                                 self->campaign, self->rewards, self->pledge, self->approximation, country);
  g_signal_connect_object (dialog, "pledge-changed", G_CALLBACK (pledge_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
account_changed_cb (CfCampaignPage *self)
{
  if (self->campaign != NULL)
    load_details (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (widget, ADW_TYPE_LEAFLET);

  if (leaflet != NULL)
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

/* A campaign that could not be read is read again as soon as the network
 * is back, without waiting for Retry. */
static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    CfCampaignPage  *self)
{
  if (available && self->failed && self->campaign != NULL && self->pending == 0)
    load_details (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load_details (CF_CAMPAIGN_PAGE (widget));
}

static void
open_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_in_browser (CF_CAMPAIGN_PAGE (widget));
}

static void
cf_campaign_page_dispose (GObject *object)
{
  CfCampaignPage *self = CF_CAMPAIGN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  g_clear_object (&self->platform);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->approximation);
  g_clear_object (&self->reminders);
  g_clear_object (&self->subscription);
  g_clear_object (&self->campaign);
  g_clear_object (&self->rewards);
  g_clear_object (&self->pledge);
  g_clear_pointer (&self->update_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CAMPAIGN_PAGE);
  cf_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (cf_campaign_page_parent_class)->dispose (object);
}

static void
cf_campaign_page_class_init (CfCampaignPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_campaign_page_dispose;

  /**
   * CfCampaignPage::pledge-changed:
   * @pledge: (nullable): the pledge made or changed, or %NULL when canceled
   */
  signals[PLEDGE_CHANGED] =
    g_signal_new ("pledge-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_PLEDGE);

  g_type_ensure (CF_TYPE_ERROR_BANNER);
  g_type_ensure (CF_TYPE_FUNDING_BAR);
  g_type_ensure (CF_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-campaign-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, approximate_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, follow_button);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, follow_content);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, backers_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, blurb_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, error_banner);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, funding_bar);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, goal_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, percent_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, picture);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, pledged_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, rewards_box);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, rewards_heading);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, about_heading);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, time_left_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, updates_group);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, back_project_cb);
  gtk_widget_class_bind_template_callback (widget_class, follow_cb);
  gtk_widget_class_bind_template_callback (widget_class, remind_cb);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, remind_button);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, remind_content);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignPage, open_blocked_button);
  gtk_widget_class_install_action (widget_class, "campaign.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "campaign.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "campaign.open-in-browser", NULL, open_in_browser_action);
}

static void
cf_campaign_page_init (CfCampaignPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_defer_status_icons (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  self->update_rows = g_ptr_array_new ();
  g_signal_connect_object (g_network_monitor_get_default (), "network-changed", G_CALLBACK (network_changed_cb),
                           self, 0);
}

/* Campaigns shown from now on are those of @account's platform, which the
 * page names when @show_platform is set. */
void
cf_campaign_page_set_account (CfCampaignPage *self,
                              CfAccount      *account,
                              CfImageCache   *image_cache,
                              gboolean        show_platform)
{
  g_return_if_fail (CF_IS_CAMPAIGN_PAGE (self));

  self->show_platform = show_platform;
  if (self->account == account)
    return;
  g_set_object (&self->platform, cf_account_get_platform (account));
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);
  g_signal_connect_swapped (account, "notify::signed-in", G_CALLBACK (account_changed_cb), self);
  /* Who is signed in decides whether the campaign is theirs to back. */
  g_signal_connect_swapped (account, "notify::user", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (account, "following-changed", G_CALLBACK (following_changed_cb), self);
  g_set_object (&self->image_cache, image_cache);
}

/* Shows amounts in the person's currency too, through @approximation. */
void
cf_campaign_page_set_approximation (CfCampaignPage  *self,
                                    CfApproximation *approximation)
{
  g_return_if_fail (CF_IS_CAMPAIGN_PAGE (self));
  g_return_if_fail (self->approximation == NULL);

  self->approximation = g_object_ref (approximation);
  g_signal_connect_object (approximation, "changed", G_CALLBACK (show_approximation), self, G_CONNECT_SWAPPED);
  show_approximation (self);
}

/* Upcoming campaigns can be remembered through @reminders, until they
 * launch. */
void
cf_campaign_page_set_reminders (CfCampaignPage    *self,
                                CfLaunchReminders *reminders)
{
  g_return_if_fail (CF_IS_CAMPAIGN_PAGE (self));
  g_return_if_fail (self->reminders == NULL);

  self->reminders = g_object_ref (reminders);
  g_signal_connect_object (reminders, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
}

void
cf_campaign_page_show (CfCampaignPage *self,
                       CfCampaign     *campaign)
{
  const char *url = cf_campaign_get_image_url (campaign);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GdkTexture *texture = cf_image_cache_lookup (self->image_cache, url, PICTURE_WIDTH * scale, PICTURE_HEIGHT * scale);

  g_return_if_fail (CF_IS_CAMPAIGN_PAGE (self));

  set_campaign (self, campaign);
  /* Each campaign opens at its top, with nothing of the one before. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_clear_object (&self->rewards);
  clear_children (GTK_WIDGET (self->rewards_box));
  clear_updates (self);
  cf_error_banner_hide (self->error_banner);
  show_figures (self);
  load_details (self);
  gtk_picture_set_paintable (self->picture, texture ? GDK_PAINTABLE (texture) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), url != NULL);
  if (texture == NULL && url != NULL)
    cf_image_cache_load_async (self->image_cache, url, PICTURE_WIDTH * scale, PICTURE_HEIGHT * scale,
                               self->cancellable, image_loaded_cb, self);
}

CfCampaign *
cf_campaign_page_get_campaign (CfCampaignPage *self)
{
  g_return_val_if_fail (CF_IS_CAMPAIGN_PAGE (self), NULL);

  return self->campaign;
}

/* The person's active pledge to the campaign shown, or NULL. */
CfPledge *
cf_campaign_page_get_pledge (CfCampaignPage *self)
{
  g_return_val_if_fail (CF_IS_CAMPAIGN_PAGE (self), NULL);

  return self->pledge;
}
