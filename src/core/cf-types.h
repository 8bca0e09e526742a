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
} CfPledgeStatus;

typedef enum
{
  CF_FULFILLMENT_STATUS_NOT_STARTED, /*< nick=not_started >*/
  CF_FULFILLMENT_STATUS_IN_PROGRESS, /*< nick=in_progress >*/
  CF_FULFILLMENT_STATUS_SHIPPED,
  CF_FULFILLMENT_STATUS_DELAYED,
  CF_FULFILLMENT_STATUS_DELIVERED,
} CfFulfillmentStatus;

/* How live figures reach the app. */
typedef enum
{
  CF_LIVE_FEED_STATUS_IDLE,        /* nothing is watched */
  CF_LIVE_FEED_STATUS_CONNECTING,
  CF_LIVE_FEED_STATUS_LIVE,        /* over a WebSocket, as pledges land */
  CF_LIVE_FEED_STATUS_POLLING,     /* no WebSocket: campaigns are read every few seconds */
} CfLiveFeedStatus;

G_END_DECLS
