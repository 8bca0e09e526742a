/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-campaign.h"
#include "cf-platform.h"

G_BEGIN_DECLS

/* How many of a campaign's latest pledges the feed keeps between reads. */
#define CF_LIVE_PLEDGES_KEPT 64

typedef struct
{
  char reward_id[24];  /* "" for a pledge without reward */
  CfMoney amount;
  gint64 received_at;  /* real time, µs */
} CfLivePledge;

/* Cumulative funding at a moment: from the platform's history, then live. */
typedef struct
{
  gint64 at;  /* real time, µs */
  gint64 pledged;
  gint64 backers_count;
} CfLivePoint;

typedef struct
{
  char reward_id[24];
  gint64 backers_count;
  gint64 pledged;
} CfLiveRewardFigures;

/* What the feed knows of one campaign. Plain state, changed by events and
 * read by whoever shows it; nothing in it is sorted or rebuilt per event. */
typedef struct
{
  gboolean known;           /* totals have been read or received */
  CfMoney pledged;
  CfMoney next_goal;        /* the next stretch goal read, if any */
  CfGoalUnit goal_unit;     /* what the goal counts, as the figures read say */
  gint64 counted;           /* pre-orders or members, for a goal that counts them; else -1 */
  gint64 counted_goal;      /* that goal, or -1 */
  gint64 next_counted_goal; /* the next stretch goal in that unit, or -1 */
  gint64 backers_count;
  CfCampaignState state;
  gboolean state_known;
  GArray *funding;          /* CfLivePoint, oldest first */
  GArray *rewards;          /* CfLiveRewardFigures, as the platform lists them */
  CfLivePledge pledges[CF_LIVE_PLEDGES_KEPT];  /* a ring: pledge n is at n % KEPT */
  guint64 n_pledges;        /* pledges received since subscribing */
  guint64 n_snapshots;      /* snapshots read since subscribing */
  gint64 kept_at;           /* real time, µs, when the figures were kept by an
                             * earlier run, while the platform cannot be
                             * reached; 0 once it answers */
} CfLiveCampaign;

#define CF_TYPE_LIVE_FEED (cf_live_feed_get_type ())

G_DECLARE_FINAL_TYPE (CfLiveFeed, cf_live_feed, CF, LIVE_FEED, GObject)

CfLiveFeed           *cf_live_feed_new               (CfPlatform *platform);
void                  cf_live_feed_set_kept_folder   (CfLiveFeed *self,
                                                      const char *folder);
void                  cf_live_feed_set_poll_interval (CfLiveFeed *self,
                                                      guint       seconds);
guint                 cf_live_feed_get_poll_interval (CfLiveFeed *self);
CfLiveFeedStatus      cf_live_feed_get_status        (CfLiveFeed *self);
const CfLiveCampaign *cf_live_feed_subscribe         (CfLiveFeed *self,
                                                      const char *campaign_id,
                                                      gboolean    with_details);
void                  cf_live_feed_unsubscribe       (CfLiveFeed *self,
                                                      const char *campaign_id);
const CfLiveCampaign *cf_live_feed_lookup            (CfLiveFeed *self,
                                                      const char *campaign_id);
void                  cf_live_feed_reconnect         (CfLiveFeed *self);
void                  cf_live_feed_flush             (CfLiveFeed *self);
guint64               cf_live_feed_get_n_events      (CfLiveFeed *self);
guint64               cf_live_feed_get_n_ignored     (CfLiveFeed *self);

GArray               *cf_live_points_until           (GArray               *points,
                                                      gint64                end);
void                  cf_live_campaign_apply_to      (const CfLiveCampaign *live,
                                                      CfCampaign           *campaign);

const CfLivePledge *cf_live_campaign_get_pledge (const CfLiveCampaign *live,
                                                guint64               n);
const CfLiveRewardFigures *cf_live_campaign_find_reward (const CfLiveCampaign *live,
                                                         const char           *reward_id);

G_END_DECLS
