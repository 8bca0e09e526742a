/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The nicks are the words of the platform API. */

typedef enum
{
  CF_CAMPAIGN_STATE_UPCOMING,
  CF_CAMPAIGN_STATE_LIVE,
  CF_CAMPAIGN_STATE_SUCCESSFUL,
  CF_CAMPAIGN_STATE_FAILED,
  CF_CAMPAIGN_STATE_CANCELED,
} CfCampaignState;

/* What a campaign's goal counts: money, or on some platforms pre-orders
 * (a pre-sale) or members (a page supported by subscription). */
typedef enum
{
  CF_GOAL_UNIT_MONEY,
  CF_GOAL_UNIT_PRE_ORDERS, /*< nick=pre_orders >*/
  CF_GOAL_UNIT_MEMBERS,
} CfGoalUnit;

/* Which money figure a goal in money is measured against: what was
 * pledged, or on platforms where a collective is funded for good, its
 * balance or its budget for the coming year. */
typedef enum
{
  CF_GOAL_BASIS_PLEDGED,
  CF_GOAL_BASIS_BALANCE,
  CF_GOAL_BASIS_YEARLY_BUDGET, /*< nick=yearly_budget >*/
} CfGoalBasis;

typedef enum
{
  CF_CAMPAIGN_FILTER_ALL,
  CF_CAMPAIGN_FILTER_LIVE,
  CF_CAMPAIGN_FILTER_UPCOMING,
  CF_CAMPAIGN_FILTER_ENDED,
  CF_CAMPAIGN_FILTER_SUCCESSFUL,
} CfCampaignFilter;

typedef enum
{
  CF_CAMPAIGN_SORT_POPULAR,
  CF_CAMPAIGN_SORT_NEWEST,
  CF_CAMPAIGN_SORT_ENDING_SOON, /*< nick=ending_soon >*/
  CF_CAMPAIGN_SORT_MOST_FUNDED, /*< nick=most_funded >*/
  CF_CAMPAIGN_SORT_MOST_BACKED, /*< nick=most_backed >*/
} CfCampaignSort;

typedef enum
{
  CF_SHIPPING_TYPE_NONE,
  CF_SHIPPING_TYPE_ANYWHERE,
  CF_SHIPPING_TYPE_SOME_COUNTRIES, /*< nick=some_countries >*/
} CfShippingType;

typedef enum
{
  CF_PLEDGE_STATUS_PLEDGED,
  CF_PLEDGE_STATUS_COLLECTED,
  CF_PLEDGE_STATUS_ERRORED,
  CF_PLEDGE_STATUS_CANCELED,
  CF_PLEDGE_STATUS_DROPPED,
  CF_PLEDGE_STATUS_REFUNDED,
  CF_PLEDGE_STATUS_PAUSED,     /* a recurring contribution the backer or the platform paused */
} CfPledgeStatus;

/* How often a pledge is paid: once, or every month or year for as long as
 * the backer keeps it (a recurring contribution). */
typedef enum
{
  CF_PLEDGE_FREQUENCY_ONCE,
  CF_PLEDGE_FREQUENCY_MONTHLY,
  CF_PLEDGE_FREQUENCY_YEARLY,
} CfPledgeFrequency;

typedef enum
{
  CF_FULFILLMENT_STATUS_NOT_STARTED, /*< nick=not_started >*/
  CF_FULFILLMENT_STATUS_IN_PROGRESS, /*< nick=in_progress >*/
  CF_FULFILLMENT_STATUS_SHIPPED,
  CF_FULFILLMENT_STATUS_DELAYED,
  CF_FULFILLMENT_STATUS_DELIVERED,
} CfFulfillmentStatus;

/* How far a pledge kept by hand has come, as the backer tells it. */
typedef enum
{
  CF_DELIVERY_STEP_SURVEY_ANSWERED,
  CF_DELIVERY_STEP_SHIPPED,
  CF_DELIVERY_STEP_REFUNDED,
} CfDeliveryStep;

/* How live figures reach the app. */
typedef enum
{
  CF_LIVE_FEED_STATUS_IDLE,        /* nothing is watched */
  CF_LIVE_FEED_STATUS_CONNECTING,
  CF_LIVE_FEED_STATUS_LIVE,        /* over a WebSocket, as pledges land */
  CF_LIVE_FEED_STATUS_POLLING,     /* no WebSocket: campaigns are read every few seconds */
  CF_LIVE_FEED_STATUS_OFFLINE,     /* polling, and the platform does not answer: figures are as last read */
} CfLiveFeedStatus;

/* What a platform lets the app do; views ask rather than assume. */
typedef enum /*< flags >*/
{
  CF_PLATFORM_FEATURE_BROWSE            = 1 << 0,
  CF_PLATFORM_FEATURE_SEARCH            = 1 << 1,
  CF_PLATFORM_FEATURE_CATEGORIES        = 1 << 2,
  CF_PLATFORM_FEATURE_UPDATES           = 1 << 3,
  CF_PLATFORM_FEATURE_FOLLOW            = 1 << 4,  /* the platform keeps the follow list */
  CF_PLATFORM_FEATURE_PLEDGE            = 1 << 5,  /* pledging in the app */
  CF_PLATFORM_FEATURE_CHANGE_PLEDGE     = 1 << 6,
  CF_PLATFORM_FEATURE_CANCEL_PLEDGE     = 1 << 7,
  CF_PLATFORM_FEATURE_PLEDGES           = 1 << 8,  /* the backer's pledges */
  CF_PLATFORM_FEATURE_DELIVERY_TRACKING = 1 << 9,
  CF_PLATFORM_FEATURE_MY_CAMPAIGNS      = 1 << 10, /* the creator's campaigns */
  CF_PLATFORM_FEATURE_BACKERS           = 1 << 11,
  CF_PLATFORM_FEATURE_FULFILLMENT       = 1 << 12, /* marking rewards shipped */
  CF_PLATFORM_FEATURE_EXCHANGE_RATES    = 1 << 13,
  CF_PLATFORM_FEATURE_FUNDING_HISTORY   = 1 << 14, /* a campaign's totals over time; else the app draws what it read */
  CF_PLATFORM_FEATURE_FILTER_AND_SORT   = 1 << 15, /* browsing by state (live, ended…) and in an order */
} CfPlatformFeatures;

/* How a person signs in to a platform. */
typedef enum
{
  CF_SIGN_IN_METHOD_NONE,
  CF_SIGN_IN_METHOD_PASSWORD,  /* a username and password traded for tokens */
  CF_SIGN_IN_METHOD_API_KEY,   /* a key the person copies from the platform's site */
  CF_SIGN_IN_METHOD_TOKEN,     /* a personal access token */
} CfSignInMethod;

/* How a platform's live totals reach the app. */
typedef enum
{
  CF_LIVE_TOTALS_NONE,
  CF_LIVE_TOTALS_PUSH,  /* a live connection, polling when it is down */
  CF_LIVE_TOTALS_POLL,  /* only by reading them again */
} CfLiveTotals;

G_END_DECLS
