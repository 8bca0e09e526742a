/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-dashboard-page.h"
#include "cf-error-banner.h"
#include "cf-funding-bar.h"
#include "cf-funding-chart.h"
#include "cf-latest-pledges.h"
#include "cf-live-subscription.h"
#include "cf-merged-list.h"
#include "cf-reward-figures.h"

G_BEGIN_DECLS


/* What a creator watches during a launch: one campaign's live total and
 * backers counting up, its funding over time, each reward's figures, the
 * latest pledges, and fulfillment. Figures come from the account's live
 * feed, read once a frame at most. */
struct _CfDashboardPage
{
  GtkWidget parent_instance;

  GtkDropDown *campaign_drop_down;
  GtkLabel *campaign_title_label;
  GtkLabel *backers_caption;
  GtkLabel *backers_label;
  GtkLabel *deadline_label;
  AdwStatusPage *error_status_page;
  CfErrorBanner *kept_banner;
  GtkFlowBox *figures_box;
  GtkLabel *feed_label;
  AdwActionRow *fulfill_row;
  AdwPreferencesGroup *fulfillment_group;
  CfFundingBar *funding_bar;
  CfFundingChart *funding_chart;
  AdwPreferencesGroup *chart_group;
  GtkStack *chart_stack;
  GtkWidget *goal_box;
  GtkLabel *goal_label;
  GtkLabel *goal_of_label;
  GtkRevealer *goal_revealer;
  CfLatestPledges *latest_pledges;
  AdwPreferencesGroup *latest_group;
  GtkLabel *percent_label;
  GtkLabel *pledged_label;
  CfRewardFigures *reward_figures;
  AdwPreferencesGroup *rewards_group;
  GtkStack *stack;
  GtkLabel *time_left_label;

  GListModel *accounts;
  GSettings *settings;
  CfMergedList *my_campaigns;
  GListStore *campaigns;      /* of CfAccountItem: the campaigns in the menu */

  /* The account of the campaign shown. */
  CfPlatform *platform;
  CfAccount *account;
  CfLiveFeed *feed;

  /* The campaign shown, and what is known of it. */
  CfCampaign *campaign;
  CfLiveSubscription *subscription;
  const CfLiveCampaign *live;
  GCancellable *campaign_cancellable;
  GListModel *rewards;
  guint64 pledges_seen;
  gboolean funded;

  AdwAnimation *pledged_animation;
  AdwAnimation *backers_animation;
  gint64 pledged_target;
  gint64 backers_target;
  char *locale;
  guint clock_id;
  gboolean has_campaigns;
};

void cf_dashboard_page_toast            (CfDashboardPage *self,
                                         const char      *title);
void cf_dashboard_page_class_add_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
