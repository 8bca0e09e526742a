/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-campaign-summary.h"
#include "cf-dashboard-page-private.h"
#include "cf-format.h"
#include "cf-locale.h"
#include "cf-page.h"
#include "cf-platform-error.h"
#include "cf-reward.h"
#include "cf-saved-list.h"
#include "cf-spinner.h"
#include "cf-widget-util.h"

enum {
  PROP_0,
  PROP_HAS_CAMPAIGNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define COUNT_UP_MS         800
#define CLOCK_SECONDS       30

G_DEFINE_FINAL_TYPE (CfDashboardPage, cf_dashboard_page, GTK_TYPE_WIDGET)

/* Tells the person something in the window's toast overlay. */
void
cf_dashboard_page_toast (CfDashboardPage *self,
                         const char      *title)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", title);
}

static void
set_has_campaigns (CfDashboardPage *self,
                   gboolean         has_campaigns)
{
  if (self->has_campaigns == has_campaigns)
    return;

  self->has_campaigns = has_campaigns;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CAMPAIGNS]);
}

/* The money pledged, or the pre-orders or members a goal counts. */
static void
show_pledged (double    value,
              gpointer  user_data)
{
  CfDashboardPage *self = user_data;
  CfMoney money = *cf_campaign_get_pledged (self->campaign);
  g_autofree char *text = NULL;

  money.amount = (gint64) round (value);
  if (cf_campaign_get_goal_unit (self->campaign) != CF_GOAL_UNIT_MONEY)
    text = cf_format_count (money.amount, self->locale);
  else
    text = cf_money_format (&money, self->locale);
  gtk_label_set_label (self->pledged_label, text);
}

static void
show_backers (double    value,
              gpointer  user_data)
{
  CfDashboardPage *self = user_data;
  g_autofree char *text = cf_format_count ((gint64) round (value), self->locale);

  gtk_label_set_label (self->backers_label, text);
}

/* Counts from what is shown to @target; straight there the first time. */
static void
count_to (AdwAnimation *animation,
          gint64       *shown_target,
          gint64        target,
          gboolean      smoothly)
{
  AdwTimedAnimation *timed = ADW_TIMED_ANIMATION (animation);

  if (smoothly && *shown_target == target)
    return;

  adw_timed_animation_set_value_from (timed, smoothly ? adw_animation_get_value (animation) : target);
  adw_timed_animation_set_value_to (timed, target);
  *shown_target = target;
  adw_animation_reset (animation);
  if (smoothly)
    adw_animation_play (animation);
  else
    adw_animation_skip (animation);
}

static gboolean
has_ended (CfDashboardPage *self)
{
  CfCampaignState state = cf_campaign_get_state (self->campaign);

  return state != CF_CAMPAIGN_STATE_LIVE && state != CF_CAMPAIGN_STATE_UPCOMING;
}

static void
show_feed_status (CfDashboardPage *self)
{
  CfLiveFeedStatus status = self->feed ? cf_live_feed_get_status (self->feed) : CF_LIVE_FEED_STATUS_IDLE;
  GtkWidget *label = GTK_WIDGET (self->feed_label);
  g_autofree char *every = NULL;
  g_autofree char *seconds = NULL;

  gtk_widget_remove_css_class (label, "live");
  gtk_widget_remove_css_class (label, "polling");
  gtk_widget_remove_css_class (label, "offline");
  /* An ended campaign's figures no longer move: no badge says they do. */
  gtk_widget_set_visible (label, status != CF_LIVE_FEED_STATUS_IDLE && !(self->campaign && has_ended (self)));
  switch (status)
    {
    case CF_LIVE_FEED_STATUS_LIVE:
      /* Translators: a badge saying figures update as pledges land. */
      gtk_label_set_label (self->feed_label, C_("feed status", "Live"));
      gtk_widget_set_tooltip_text (label, _("Figures update the moment pledges land"));
      gtk_widget_add_css_class (label, "live");
      break;
    case CF_LIVE_FEED_STATUS_POLLING:
      seconds = cf_format_count (cf_live_feed_get_poll_interval (self->feed), NULL);
      /* Translators: %s is a number of seconds. */
      every = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Updated every %s second",
                                            "Updated every %s seconds", cf_live_feed_get_poll_interval (self->feed)),
                               seconds);
      gtk_label_set_label (self->feed_label, every);
      gtk_widget_set_tooltip_text (label, _("The live connection to the platform is unavailable; "
                                            "figures are read again regularly until it is back"));
      gtk_widget_add_css_class (label, "polling");
      break;
    case CF_LIVE_FEED_STATUS_OFFLINE:
      /* Translators: a badge saying the figures shown are the last ones read. */
      gtk_label_set_label (self->feed_label, C_("feed status", "Offline"));
      gtk_widget_set_tooltip_text (label, _("The platform does not answer: the figures are as they were last read, "
                                            "and are read again regularly until it is back"));
      gtk_widget_add_css_class (label, "offline");
      break;
    case CF_LIVE_FEED_STATUS_CONNECTING:
      gtk_label_set_label (self->feed_label, _("Connecting…"));
      gtk_widget_set_tooltip_text (label, NULL);
      break;
    case CF_LIVE_FEED_STATUS_IDLE:
    default:
      break;
    }
}

/* Campaigns or figures an earlier visit kept, shown while their platform
 * cannot be reached, say how old they are: the campaigns as every view
 * that gathers platforms says it, else the figures. */
static void
show_kept_banner (CfDashboardPage *self)
{
  g_autoptr(GDateTime) kept_at = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *message = NULL;
  g_autofree char *kept_campaigns = cf_format_kept_sources (self->my_campaigns);

  if (kept_campaigns != NULL)
    {
      cf_error_banner_show (self->kept_banner, kept_campaigns);
      return;
    }
  if (self->live == NULL || self->live->kept_at == 0)
    {
      cf_error_banner_hide (self->kept_banner);
      return;
    }

  kept_at = g_date_time_new_from_unix_utc (self->live->kept_at / G_USEC_PER_SEC);
  as_of = cf_format_as_of (kept_at);
  /* Translators: %s is when the figures shown were last read, as in “1 December 2026, 09:30”. */
  message = g_strdup_printf (_("Shown as of %s: the platform does not answer. "
                               "The figures update by themselves once it does."), as_of);
  cf_error_banner_show (self->kept_banner, message);
}

/* Where the curve comes from, when it is not the platform's history. */
static void
show_chart_source (CfDashboardPage *self)
{
  g_autofree char *since = NULL;
  g_autofree char *description = NULL;

  if (!cf_platform_can (self->platform, CF_PLATFORM_FEATURE_FUNDING_HISTORY) && self->live->funding->len > 0)
    {
      g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (g_array_index (self->live->funding, CfLivePoint, 0).at
                                                                  / G_USEC_PER_SEC);

      since = cf_format_as_of (first);
      /* Translators: %s is a platform, then when the app first read the campaign's total, as in
       * “Ulule keeps no history of a campaign's total: the curve is what Crowdfund read since 1 December 2026, 09:30.” */
      description = g_strdup_printf (_("%s keeps no history of a campaign’s total: the curve is what Crowdfund read "
                                       "since %s."), cf_account_get_label (self->account), since);
    }
  adw_preferences_group_set_description (self->chart_group, description);
}

/* An ended campaign's chart stops at its deadline. Until the platform
 * or the last run told how funding went, the chart says it is loading. */
/* The chart's goal line, and the currency of its axis: a collective
 * without a goal has no line. */
static CfMoney
chart_goal (CfDashboardPage *self)
{
  CfMoney goal = *cf_campaign_get_pledged (self->campaign);

  if (cf_campaign_has_goal (self->campaign) && cf_campaign_get_goal_unit (self->campaign) == CF_GOAL_UNIT_MONEY)
    return *cf_campaign_get_goal (self->campaign);
  goal.amount = 0;
  return goal;
}

static void
show_chart (CfDashboardPage *self)
{
  g_autoptr(GArray) points = NULL;
  CfMoney goal = chart_goal (self);
  gboolean known = self->live->n_snapshots > 0 || self->live->kept_at != 0 || self->live->funding->len > 0;

  gtk_stack_set_visible_child_name (self->chart_stack, known ? "chart" : "loading");
  show_chart_source (self);
  if (!has_ended (self) || cf_campaign_get_deadline (self->campaign) == NULL)
    {
      cf_funding_chart_set_data (self->funding_chart, self->live->funding, &goal);
      return;
    }

  points = cf_live_points_until (self->live->funding,
                                 g_date_time_to_unix (cf_campaign_get_deadline (self->campaign)) * G_USEC_PER_SEC);
  cf_funding_chart_set_data (self->funding_chart, points, &goal);
}

static void
show_time_left (CfDashboardPage *self)
{
  GDateTime *end = cf_campaign_get_deadline (self->campaign);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) deadline = end ? g_date_time_to_local (end) : NULL;
  g_autofree char *left = cf_format_time_left (cf_campaign_get_state (self->campaign),
                                               cf_campaign_get_launched_at (self->campaign), end, now);
  /* Translators: when a campaign ends, as in “Ends 2 May, 14:00”; see strftime(3). */
  g_autofree char *date = deadline ? cf_format_date (deadline, C_("deadline", "Ends %-d %B, %H:%M")) : NULL;

  const CfMoney *income = cf_campaign_get_monthly_income (self->campaign);

  /* A collective has no end: under “Ongoing”, what comes in each month. */
  if (deadline == NULL && income != NULL)
    {
      g_autofree char *money = cf_money_format (income, self->locale);

      g_free (date);
      /* Translators: what a collective's monthly contributions bring, as in “$1,434 a month from recurring contributions”. */
      date = g_strdup_printf (_("%s a month from recurring contributions"), money);
    }
  gtk_label_set_label (self->time_left_label, left);
  gtk_label_set_label (self->deadline_label, date);
  /* Once over, the time left says when it ended. */
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), !has_ended (self) && date != NULL);
}

static void
show_goal (CfDashboardPage         *self,
           const CfCampaignSummary *summary,
           gboolean                 while_watching)
{
  gboolean funded = cf_campaign_get_progress (self->campaign, FALSE) >= 1.0;
  const char *goal = summary->goal;
  g_autofree char *message = NULL;

  if (funded && !self->funded)
    {
      if (has_ended (self))
        /* Translators: %s is the goal of a campaign that ended, as in “¥10,000,000”. */
        message = g_strdup_printf (_("Your goal of %s was reached."), goal);
      else
        /* Translators: %s is the campaign's goal, as in “¥10,000,000”. */
        message = g_strdup_printf (_("Your goal of %s is reached. Everything pledged from now on is a bonus."), goal);
      gtk_label_set_label (self->goal_label, message);
      gtk_widget_remove_css_class (self->goal_box, "celebrate");
      if (while_watching)
        {
          g_autofree char *news = NULL;

          gtk_widget_add_css_class (self->goal_box, "celebrate");
          /* Translators: %s is a campaign's title. */
          news = g_strdup_printf (_("%s is funded!"), cf_campaign_get_title (self->campaign));
          cf_dashboard_page_toast (self, news);
        }
    }
  self->funded = funded;
  /* Hidden, it takes no room; shown, it slides in. */
  gtk_widget_set_visible (GTK_WIDGET (self->goal_revealer), funded);
  gtk_revealer_set_reveal_child (self->goal_revealer, funded);
}

/* What the figure above means: “pledged of ¥10,000,000 goal”, or under a
 * count, “pre-orders, of a goal of 50,000 · €12,345 raised”. */
static char *
dup_goal_of (CfDashboardPage         *self,
             const CfCampaignSummary *summary)
{
  gint64 count = MAX (cf_campaign_get_counted (self->campaign), 0);
  g_autofree char *goal = NULL;
  g_autofree char *goal_of = NULL;

  if (!summary->counted && summary->raised == NULL)
    return g_strdup (summary->goal_caption);
  if (!summary->counted)
    return g_strdup_printf (_("%s · %s"), summary->goal_caption, summary->raised);

  goal = cf_format_count (MAX (cf_campaign_get_counted_goal (self->campaign), 0), self->locale);
  if (cf_campaign_get_goal_unit (self->campaign) == CF_GOAL_UNIT_MEMBERS)
    /* Translators: under a number of members; %s is the goal, as in “members, of a goal of 500”. */
    goal_of = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "member, of a goal of %s", "members, of a goal of %s",
                                            count), goal);
  else
    /* Translators: under a number of pre-orders; %s is the goal, as in “pre-orders, of a goal of 50,000”. */
    goal_of = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "pre-order, of a goal of %s",
                                            "pre-orders, of a goal of %s", count), goal);
  if (summary->raised == NULL)
    return g_steal_pointer (&goal_of);
  return g_strdup_printf (_("%s · %s"), goal_of, summary->raised);
}

static void
show_figures (CfDashboardPage *self,
              gboolean         smoothly)
{
  g_auto(CfCampaignSummary) summary = { 0 };
  gint64 backers = cf_campaign_get_backers_count (self->campaign);
  gboolean counted = cf_campaign_get_goal_unit (self->campaign) != CF_GOAL_UNIT_MONEY;
  g_autofree char *goal_of = NULL;
  g_autofree char *percent = NULL;

  cf_campaign_summary_init (&summary, self->campaign);
  percent = cf_format_percent (summary.fraction, self->locale);
  count_to (self->pledged_animation, &self->pledged_target,
            counted ? MAX (cf_campaign_get_counted (self->campaign), 0) : cf_campaign_get_pledged (self->campaign)->amount,
            smoothly);
  count_to (self->backers_animation, &self->backers_target, backers, smoothly);
  goal_of = dup_goal_of (self, &summary);
  gtk_label_set_label (self->goal_of_label, goal_of);
  gtk_label_set_label (self->backers_caption, g_dngettext (GETTEXT_PACKAGE, "backer", "backers", backers));
  gtk_label_set_label (self->percent_label, percent);
  cf_funding_bar_set_fraction (self->funding_bar, summary.fraction);
  gtk_widget_set_visible (GTK_WIDGET (self->funding_bar), summary.has_goal);
  gtk_widget_set_visible (GTK_WIDGET (self->percent_label), summary.has_goal);
  show_time_left (self);
  show_goal (self, &summary, smoothly);
}

static void
show_rewards (CfDashboardPage *self)
{
  cf_reward_figures_show (self->reward_figures, self->campaign, self->live);
}

static void
live_changed_cb (CfDashboardPage *self)
{
  show_kept_banner (self);
  show_figures (self, TRUE);
  show_chart (self);
  show_rewards (self);
  if (self->live->n_pledges > self->pledges_seen)
    cf_latest_pledges_take_live (self->latest_pledges, self->live, &self->pledges_seen);
}

/* Where the list @kind of the campaign shown is kept for a later run, or
 * NULL when its account keeps nothing. */
static char *
kept_path (CfDashboardPage *self,
           const char      *kind)
{
  const char *folder = cf_account_get_kept_folder (self->account);

  return folder ? cf_saved_list_path_in (folder, kind, cf_campaign_get_id (self->campaign)) : NULL;
}

/* What the platform answered, kept for a later run; or, when it cannot be
 * reached, what an earlier run kept; or NULL. */
static GListModel *
answer_or_kept (CfDashboardPage    *self,
                const char         *kind,
                CfPage             *page,
                const GError       *error,
                GType               item_type,
                const char * const *private_members)
{
  g_autofree char *path = kept_path (self, kind);
  g_autoptr(GDateTime) kept_at = NULL;

  if (page != NULL)
    {
      if (path != NULL)
        cf_saved_list_save_leaving_out (path, cf_page_get_items (page), private_members);
      return g_object_ref (cf_page_get_items (page));
    }
  if (path == NULL || !cf_platform_error_is_unreachable (error))
    return NULL;
  return cf_saved_list_load (path, item_type, &kept_at);
}

static void
rewards_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = cf_platform_list_finish (CF_PLATFORM (object), result, &error);
  CfDashboardPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_DASHBOARD_PAGE (user_data);
  g_clear_object (&self->rewards);
  self->rewards = answer_or_kept (self, "rewards", page, error, CF_TYPE_REWARD, NULL);
  if (self->rewards == NULL)
    {
      cf_dashboard_page_toast (self, error->message);
      return;
    }

  cf_reward_figures_set_rewards (self->reward_figures, self->rewards);
  gtk_widget_set_visible (GTK_WIDGET (self->rewards_group), g_list_model_get_n_items (self->rewards) > 0);
  show_rewards (self);
  cf_latest_pledges_set_rewards (self->latest_pledges, self->rewards);
}

static void
latest_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  /* Who backed, and where they live, is not needed to show the latest
   * pledges again: it is not kept. */
  static const char * const private_members[] = { "backer", "address", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPage) page = cf_platform_list_finish (CF_PLATFORM (object), result, &error);
  g_autoptr(GListModel) pledges = NULL;
  CfDashboardPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_DASHBOARD_PAGE (user_data);
  pledges = answer_or_kept (self, "latest", page, error, CF_TYPE_PLEDGE, private_members);
  if (pledges == NULL)
    {
      g_debug ("latest pledges: %s", error->message);
      return;
    }

  cf_latest_pledges_add_read (self->latest_pledges, pledges);
}

static void
forget_campaign (CfDashboardPage *self)
{
  g_cancellable_cancel (self->campaign_cancellable);
  g_clear_object (&self->campaign_cancellable);
  if (self->subscription != NULL)
    g_signal_handlers_disconnect_by_data (self->subscription, self);
  g_clear_object (&self->subscription);
  g_clear_object (&self->campaign);
  g_clear_object (&self->rewards);
  self->live = NULL;
  cf_error_banner_hide (self->kept_banner);
  cf_latest_pledges_clear (self->latest_pledges);
  self->funded = FALSE;
  cf_reward_figures_clear (self->reward_figures);
}

/* Figures come from the live feed of the account that created the campaign. */
static void
use_account (CfDashboardPage *self,
             CfAccount       *account)
{
  gboolean backers;
  gboolean fulfills;

  if (self->account == account)
    return;
  if (self->feed != NULL)
    g_signal_handlers_disconnect_by_data (self->feed, self);
  g_set_object (&self->account, account);
  g_set_object (&self->platform, cf_account_get_platform (account));
  g_set_object (&self->feed, cf_account_get_live_feed (account));
  g_signal_connect_swapped (self->feed, "notify::status", G_CALLBACK (show_feed_status), self);
  show_feed_status (self);
  /* Where the platform does not say who backed (Kickstarter's public
   * figures), there are no pledges to list or export. */
  backers = cf_platform_can (self->platform, CF_PLATFORM_FEATURE_BACKERS);
  gtk_widget_set_visible (GTK_WIDGET (self->latest_group), backers);
  gtk_widget_set_visible (GTK_WIDGET (self->fulfillment_group), backers);
  fulfills = cf_platform_can (self->platform, CF_PLATFORM_FEATURE_FULFILLMENT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.fulfill", fulfills);
  gtk_widget_set_visible (GTK_WIDGET (self->fulfill_row), fulfills);
  adw_preferences_group_set_description (self->fulfillment_group,
                                         fulfills ? _("Tell backers where their rewards are. They see it on their pledge’s timeline.")
                                                  : _("This platform takes shipping news on its website only: "
                                                      "tell your backers there. The export below works as everywhere."));
}

static void
show_campaign (CfDashboardPage *self,
               CfAccountItem   *created)
{
  CfCampaign *campaign;

  forget_campaign (self);
  if (created == NULL)
    return;

  campaign = cf_account_item_get_item (created);
  use_account (self, cf_account_item_get_account (created));
  self->campaign = g_object_ref (campaign);
  self->campaign_cancellable = g_cancellable_new ();
  self->subscription = cf_live_subscription_new (self->feed, campaign, TRUE);
  self->live = cf_live_subscription_get_live (self->subscription);
  self->pledges_seen = self->live->n_pledges;
  g_signal_connect_swapped (self->subscription, "changed", G_CALLBACK (live_changed_cb), self);
  show_figures (self, FALSE);
  show_chart (self);
  show_feed_status (self);
  show_kept_banner (self);
  cf_latest_pledges_show (self->latest_pledges);
  cf_platform_list_rewards_async (self->platform, cf_campaign_get_id (campaign), self->campaign_cancellable,
                                  rewards_cb, self);
  cf_platform_list_backers_async (self->platform, cf_campaign_get_id (campaign), TRUE, NULL,
                                  self->campaign_cancellable, latest_cb, self);
}

/* How the settings remember a campaign: the platform of @account, which
 * created it, and its id. */
static char *
dup_campaign_key (CfAccount  *account,
                  CfCampaign *campaign)
{
  return g_strdup_printf ("%s %s", account ? cf_account_get_choice (account) : "", cf_campaign_get_id (campaign));
}

static void
campaign_selected_cb (CfDashboardPage *self)
{
  CfAccountItem *created = gtk_drop_down_get_selected_item (self->campaign_drop_down);
  g_autofree char *key = NULL;

  if (created != NULL && cf_account_item_get_item (created) == self->campaign)
    return;
  show_campaign (self, created);
  if (created != NULL)
    {
      key = dup_campaign_key (self->account, self->campaign);
      g_settings_set_string (self->settings, "dashboard-campaign", key);
    }
}

/* The campaign shown before, in this run or the last, or else the newest
 * live one: a launch is what a creator opens the dashboard for. */
static guint
choose_campaign (CfDashboardPage *self,
                 GPtrArray       *campaigns)
{
  g_autofree char *before = self->campaign ? dup_campaign_key (self->account, self->campaign)
                                           : g_settings_get_string (self->settings, "dashboard-campaign");
  guint live = G_MAXUINT;

  for (guint i = 0; i < campaigns->len; i++)
    {
      CfCampaign *campaign = cf_account_item_get_item (campaigns->pdata[i]);
      g_autofree char *key = dup_campaign_key (cf_account_item_get_account (campaigns->pdata[i]), campaign);

      if (g_str_equal (key, before))
        return i;
      if (live == G_MAXUINT && cf_campaign_get_state (campaign) == CF_CAMPAIGN_STATE_LIVE)
        live = i;
    }
  return live == G_MAXUINT ? 0 : live;
}

/* Whether the menu holds @campaigns already: the same campaigns of the
 * same accounts, in the same order. Read again (the copy kept from the
 * last run, then the platform's answer), they are not shown anew, which
 * would read their rewards and latest pledges again. */
static gboolean
shows_campaigns (CfDashboardPage *self,
                 GPtrArray       *campaigns)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)) != campaigns->len)
    return FALSE;
  for (guint i = 0; i < campaigns->len; i++)
    {
      g_autoptr(CfAccountItem) shown = g_list_model_get_item (G_LIST_MODEL (self->campaigns), i);
      g_autofree char *shown_key = dup_campaign_key (cf_account_item_get_account (shown),
                                                     cf_account_item_get_item (shown));
      g_autofree char *key = dup_campaign_key (cf_account_item_get_account (campaigns->pdata[i]),
                                               cf_account_item_get_item (campaigns->pdata[i]));

      if (!g_str_equal (shown_key, key))
        return FALSE;
    }
  return TRUE;
}

/* Where the campaign shown stands in the menu. */
static guint
shown_position (CfDashboardPage *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)); i++)
    {
      g_autoptr(CfAccountItem) shown = g_list_model_get_item (G_LIST_MODEL (self->campaigns), i);

      if (cf_account_item_get_item (shown) == self->campaign)
        return i;
    }
  return 0;
}

/* The campaign shown, read again as @created: its new copy is shown, since
 * what was read may have changed (the first figures of a campaign kept on
 * this computer), and its figures go on coming from the same campaign of
 * the live feed, which the new subscription joins before the old leaves. */
static void
show_new_copy (CfDashboardPage *self,
               CfAccountItem   *created)
{
  g_autoptr(CfLiveSubscription) before = g_steal_pointer (&self->subscription);
  CfCampaign *campaign = cf_account_item_get_item (created);

  g_signal_handlers_disconnect_by_data (before, self);
  g_set_object (&self->campaign, campaign);
  self->subscription = cf_live_subscription_new (self->feed, campaign, TRUE);
  self->live = cf_live_subscription_get_live (self->subscription);
  g_signal_connect_swapped (self->subscription, "changed", G_CALLBACK (live_changed_cb), self);
  show_figures (self, FALSE);
  show_chart (self);
}

/* A campaign in the menu: its title, and its platform when the person
 * creates on several. */
static char *
dup_campaign_choice (gpointer item,
                     gpointer data)
{
  CfDashboardPage *self = data;
  CfCampaign *campaign = cf_account_item_get_item (item);

  if (self->accounts == NULL || g_list_model_get_n_items (self->accounts) < 2)
    return g_strdup (cf_campaign_get_title (campaign));
  /* Translators: a campaign and the platform it is on, as in “Lumen · Demo platform”. */
  return g_strdup_printf (_("%s · %s"), cf_campaign_get_title (campaign),
                          cf_account_get_label (cf_account_item_get_account (item)));
}

/* A campaign in the menu, as typing finds it. */
static char *
dup_created_title (CfAccountItem *item)
{
  return g_strdup (cf_campaign_get_title (cf_account_item_get_item (item)));
}

/* Every account's campaigns in one menu; a platform that failed keeps
 * what it gave last, and says why. The same campaigns read again leave the
 * campaign watched as it is, shown from its new copy. */
static void
campaigns_changed_cb (CfDashboardPage *self,
                      CfAccount       *account)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same;
  guint n, selected;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->my_campaigns)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->my_campaigns), i));

  n = items->len;
  if (n == 0)
    {
      forget_campaign (self);
      g_list_store_remove_all (self->campaigns);
      set_has_campaigns (self, FALSE);
      cf_widget_show_merged_state (self->stack, self->my_campaigns, FALSE, "dashboard", self->error_status_page);
      return;
    }

  same = self->campaign != NULL && shows_campaigns (self, items);
  selected = same ? shown_position (self) : choose_campaign (self, items);
  if (!same)
    forget_campaign (self);
  g_signal_handlers_block_by_func (self->campaign_drop_down, campaign_selected_cb, self);
  g_list_store_splice (self->campaigns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->campaigns)),
                       items->pdata, n);
  if (same)
    gtk_drop_down_set_selected (self->campaign_drop_down, selected);
  g_signal_handlers_unblock_by_func (self->campaign_drop_down, campaign_selected_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_drop_down), n > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_title_label), n == 1);
  if (n == 1)
    {
      g_autofree char *title = dup_campaign_choice (items->pdata[0], self);

      gtk_label_set_label (self->campaign_title_label, title);
    }

  set_has_campaigns (self, TRUE);
  cf_widget_show_merged_state (self->stack, self->my_campaigns, TRUE, "dashboard", self->error_status_page);
  show_kept_banner (self);
  if (same)
    {
      show_new_copy (self, items->pdata[selected]);
      return;
    }
  gtk_drop_down_set_selected (self->campaign_drop_down, selected);
  campaign_selected_cb (self);
}

/* Asks every platform again, and the live figures too; what is shown
 * stays until the answers come. */
void
cf_dashboard_page_reload (CfDashboardPage *self)
{
  g_return_if_fail (CF_IS_DASHBOARD_PAGE (self));

  if (self->my_campaigns != NULL)
    cf_merged_list_reload (self->my_campaigns);
  if (self->feed != NULL && cf_live_feed_get_status (self->feed) != CF_LIVE_FEED_STATUS_LIVE)
    cf_live_feed_reconnect (self->feed);
}

static gboolean
clock_cb (gpointer user_data)
{
  CfDashboardPage *self = user_data;

  if (self->campaign != NULL)
    {
      show_time_left (self);
      cf_latest_pledges_show (self->latest_pledges);
    }
  return G_SOURCE_CONTINUE;
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cf_dashboard_page_reload (CF_DASHBOARD_PAGE (widget));
}

static void
cf_dashboard_page_dispose (GObject *object)
{
  CfDashboardPage *self = CF_DASHBOARD_PAGE (object);

  if (self->my_campaigns != NULL)
    g_signal_handlers_disconnect_by_data (self->my_campaigns, self);
  g_clear_object (&self->my_campaigns);
  forget_campaign (self);
  if (self->feed != NULL)
    g_signal_handlers_disconnect_by_data (self->feed, self);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_object (&self->pledged_animation);
  g_clear_object (&self->backers_animation);
  g_clear_object (&self->feed);
  g_clear_object (&self->account);
  g_clear_object (&self->platform);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_object (&self->campaigns);
  g_clear_pointer (&self->locale, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_DASHBOARD_PAGE);

  G_OBJECT_CLASS (cf_dashboard_page_parent_class)->dispose (object);
}

static void
cf_dashboard_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CfDashboardPage *self = CF_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_HAS_CAMPAIGNS:
      g_value_set_boolean (value, self->has_campaigns);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_dashboard_page_class_init (CfDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_dashboard_page_dispose;
  object_class->get_property = cf_dashboard_page_get_property;

  properties[PROP_HAS_CAMPAIGNS] =
    g_param_spec_boolean ("has-campaigns", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CF_TYPE_ERROR_BANNER);
  g_type_ensure (CF_TYPE_FUNDING_BAR);
  g_type_ensure (CF_TYPE_FUNDING_CHART);
  g_type_ensure (CF_TYPE_LATEST_PLEDGES);
  g_type_ensure (CF_TYPE_REWARD_FIGURES);
  g_type_ensure (CF_TYPE_SPINNER);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-dashboard-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, backers_caption);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, backers_label);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, campaign_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, campaign_title_label);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, error_status_page);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, kept_banner);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, feed_label);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, fulfill_row);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, fulfillment_group);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, funding_bar);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, funding_chart);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, chart_group);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, goal_box);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, goal_label);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, goal_of_label);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, goal_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, latest_pledges);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, latest_group);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, percent_label);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, pledged_label);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, reward_figures);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, rewards_group);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CfDashboardPage, time_left_label);
  gtk_widget_class_bind_template_callback (widget_class, campaign_selected_cb);
  gtk_widget_class_install_action (widget_class, "dashboard.reload", NULL, reload_action);
  cf_dashboard_page_class_add_actions (widget_class);
}

static void
cf_dashboard_page_init (CfDashboardPage *self)
{
  GtkExpression *title;

  gtk_widget_init_template (GTK_WIDGET (self));
  cf_widget_defer_status_icons (GTK_WIDGET (self));
  cf_widget_name_controls (GTK_WIDGET (self));
  /* The figures are read, not stops for the keyboard. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  cf_widget_show_when_first_mapped (GTK_WIDGET (self), GTK_WIDGET (self->stack));
  self->campaigns = g_list_store_new (CF_TYPE_ACCOUNT_ITEM);
  self->locale = cf_locale_dup_default ();
  title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (dup_created_title), NULL, NULL);
  gtk_drop_down_set_expression (self->campaign_drop_down, title);
  gtk_expression_unref (title);
  gtk_drop_down_set_model (self->campaign_drop_down, G_LIST_MODEL (self->campaigns));
  cf_widget_show_items_by (self->campaign_drop_down, dup_campaign_choice, self);

  self->pledged_animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 0, COUNT_UP_MS,
                                                     adw_callback_animation_target_new (show_pledged, self, NULL));
  self->backers_animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 0, COUNT_UP_MS,
                                                     adw_callback_animation_target_new (show_backers, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->pledged_animation), ADW_EASE_OUT_CUBIC);
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->backers_animation), ADW_EASE_OUT_CUBIC);

  self->clock_id = g_timeout_add_seconds (CLOCK_SECONDS, clock_cb, self);
}

/* Shows the campaigns created by every account of @accounts. */
void
cf_dashboard_page_set_accounts (CfDashboardPage *self,
                                GSettings       *settings,
                                GListModel      *accounts)
{
  g_return_if_fail (CF_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (self->my_campaigns == NULL);

  self->settings = g_object_ref (settings);
  self->accounts = g_object_ref (accounts);
  self->my_campaigns = cf_merged_list_new (accounts, CF_PLATFORM_FEATURE_MY_CAMPAIGNS,
                                           cf_platform_list_all_my_campaigns_async, CF_TYPE_CAMPAIGN,
                                           "my-campaigns");
  g_signal_connect_swapped (self->my_campaigns, "changed", G_CALLBACK (campaigns_changed_cb), self);
  campaigns_changed_cb (self, NULL);
}

/* Whether the signed-in account created campaigns: the view is shown only then. */
gboolean
cf_dashboard_page_get_has_campaigns (CfDashboardPage *self)
{
  g_return_val_if_fail (CF_IS_DASHBOARD_PAGE (self), FALSE);

  return self->has_campaigns;
}
