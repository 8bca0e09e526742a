/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-account-list.h"
#include "cf-approximation.h"
#include "cf-campaign-page.h"
#include "cf-dashboard-page.h"
#include "cf-explore-page.h"
#include "cf-following-page.h"
#include "cf-image-cache.h"
#include "cf-kept-platform.h"
#include "cf-launch-reminders.h"
#include "cf-pledge-notifier.h"
#include "cf-pledge-page.h"
#include "cf-pledges-page.h"
#include "cf-window.h"

G_BEGIN_DECLS

/* Something to do with the platform of what is kept on this computer. */
typedef void (*KeptFunc) (CfWindow       *self,
                          CfKeptPlatform *platform);

struct _CfWindow
{
  AdwApplicationWindow parent_instance;

  CfCampaignPage *campaign_page;     /* made when first shown */
  CfDashboardPage *dashboard_page;
  CfExplorePage *explore_page;
  AdwStatusPage *failed_status_page;
  CfFollowingPage *following_page;
  AdwLeaflet *leaflet;
  GtkStack *main_stack;
  CfPledgePage *pledge_page;         /* made when first shown */
  CfPledgesPage *pledges_page;
  AdwToastOverlay *toast_overlay;
  AdwViewStack *view_stack;

  GSettings *settings;
  CfImageCache *image_cache;
  CfAccountList *accounts;
  GCancellable *cancellable;
  CfExchangeRates *rates;
  CfApproximation *approximation;
  CfLaunchReminders *reminders;
  CfPledgeNotifier *notifier;
  guint live_tick_id;
  char *last_address;  /* a campaign's address no platform had, offered again */
  KeptFunc kept_pending;  /* what waits for the platform of what is kept on this computer */
  char *last_import;      /* the file chosen to import from */
};

void cf_window_toast                    (CfWindow       *self,
                                         const char     *title);

/* cf-window-kept.c */
void cf_window_kept_opened              (CfWindow       *self,
                                         CfAccount      *account);
void cf_window_kept_watch               (CfWindow       *self,
                                         CfAccount      *account);
void cf_window_kept_follow_last_address (CfWindow       *self);
void cf_window_kept_install_actions     (GtkWidgetClass *widget_class);

G_END_DECLS
