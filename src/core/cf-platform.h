/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "cf-campaign.h"
#include "cf-credentials.h"
#include "cf-exchange-rates.h"
#include "cf-page.h"
#include "cf-platform-error.h"
#include "cf-pledge.h"
#include "cf-stats.h"
#include "cf-types.h"
#include "cf-user.h"

G_BEGIN_DECLS

/* What Explore asks for. */
typedef struct
{
  const char *search;    /* words to look for, or NULL */
  const char *category;  /* a category slug, or NULL for all */
  CfCampaignFilter filter;
  CfCampaignSort sort;
} CfCampaignQuery;

/* A new pledge: a reward (or NULL for none), the whole amount in the
 * campaign's currency, shipping included, and where to ship. */
typedef struct
{
  const char *reward_id;
  CfMoney amount;
  const char *shipping_country;
} CfPledgeRequest;

typedef enum
{
  CF_PLEDGE_CHANGE_REWARD           = 1 << 0,
  CF_PLEDGE_CHANGE_AMOUNT           = 1 << 1,
  CF_PLEDGE_CHANGE_SHIPPING_COUNTRY = 1 << 2,
  CF_PLEDGE_CHANGE_ADDRESS          = 1 << 3,
  CF_PLEDGE_CHANGE_RECEIVED         = 1 << 4,
  CF_PLEDGE_CHANGE_DELIVERY         = 1 << 5,  /* a pledge kept by hand: the step its delivery reached */
} CfPledgeChangeFields;

/* The parts of a pledge to change: only those named in @fields. */
typedef struct
{
  CfPledgeChangeFields fields;
  const char *reward_id;  /* NULL: no reward */
  CfMoney amount;
  const char *shipping_country;
  const char *address;
  gboolean received;
  CfDeliveryStep delivery_step;
  const char *carrier;          /* with CF_DELIVERY_STEP_SHIPPED, or NULL */
  const char *tracking_number;  /* with CF_DELIVERY_STEP_SHIPPED, or NULL */
  const char *tracking_url;     /* with CF_DELIVERY_STEP_SHIPPED: the carrier's page of the parcel, or NULL */
} CfPledgeChange;

/* Either @pledge_ids or, when NULL, every backer of @reward_id. */
typedef struct
{
  const char * const *pledge_ids;
  const char *reward_id;
  CfFulfillmentStatus status;
  const char *tracking_number;  /* or NULL */
  const char *carrier;          /* or NULL */
} CfFulfillmentChange;

/* What a platform can do, and how. */
typedef struct
{
  CfPlatformFeatures features;
  CfSignInMethod sign_in;
  CfLiveTotals live_totals;
  guint live_poll_seconds;  /* the shortest interval between two reads of live totals */
  /* TRUE: polling reads again only the campaigns shown in detail, where
   * every read counts against a rate limit: a list's figures are as fresh
   * as the list. */
  gboolean poll_details_only;
} CfPlatformCapabilities;

#define CF_TYPE_PLATFORM (cf_platform_get_type ())

G_DECLARE_INTERFACE (CfPlatform, cf_platform, CF, PLATFORM, GObject)

/**
 * CfPlatformInterface:
 *
 * A crowdfunding platform, whatever its protocol. Every operation is
 * asynchronous; an implementation completes it with a #GTask whose source
 * object is the platform and whose result is what the matching
 * cf_platform_*_finish() returns: a #CfPage for every list, an object, a
 * boolean, or an integer count. Ids and cursors are opaque text, so an
 * adapter can use numbers, slugs or offsets as its platform does. Errors are
 * in the %CF_PLATFORM_ERROR domain. What a platform cannot do
 * (get_exchange_rates, the pledge writes, update_fulfillment, connect_live)
 * may be left NULL: callers then get %CF_PLATFORM_ERROR_NOT_SUPPORTED.
 */
struct _CfPlatformInterface
{
  GTypeInterface parent_iface;

  /* What the platform can do; the same for the platform's whole life. */
  const CfPlatformCapabilities *(*get_capabilities) (CfPlatform *self);

  /* Uses @credentials (or none) for the requests that follow. */
  void           (*set_credentials) (CfPlatform    *self,
                                     CfCredentials *credentials);
  /* The credentials in use, renewed ones included, or NULL. */
  CfCredentials *(*dup_credentials) (CfPlatform    *self);

  /* Every category, in one page. */
  void (*list_categories) (CfPlatform          *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data);

  /* A page of campaigns matching @query; @cursor is NULL for the first. */
  void (*list_campaigns) (CfPlatform            *self,
                          const CfCampaignQuery *query,
                          const char            *cursor,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data);

  /* One campaign, with its description. */
  void (*get_campaign) (CfPlatform          *self,
                        const char          *id_or_slug,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

  /* Every reward of a campaign, in one page. */
  void (*list_rewards) (CfPlatform          *self,
                        const char          *campaign_id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

  /* A page of a campaign's updates, newest first. */
  void (*list_updates) (CfPlatform          *self,
                        const char          *campaign_id,
                        const char          *cursor,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

  /* A campaign's totals and funding over time. */
  void (*get_stats) (CfPlatform          *self,
                     const char          *campaign_id,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data);

  /* Rates for "≈" amounts. */
  void (*get_exchange_rates) (CfPlatform          *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);

  /* Exchanges a password for credentials; the password is not kept. */
  void (*sign_in) (CfPlatform          *self,
                   const char          *username,
                   const char          *password,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data);

  /* Revokes the credentials in use on the platform and forgets them. */
  void (*sign_out) (CfPlatform          *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data);

  /* The signed-in user. */
  void (*get_me) (CfPlatform          *self,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data);

  /* A page of the campaigns the user follows. */
  void (*list_following) (CfPlatform          *self,
                          const char          *cursor,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data);

  /* Follows or unfollows a campaign. */
  void (*set_following) (CfPlatform          *self,
                         const char          *campaign_id,
                         gboolean             following,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data);

  /* A page of the user's pledges, of one @status or all when NULL. */
  void (*list_pledges) (CfPlatform          *self,
                        const char          *status,
                        const char          *cursor,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

  /* Pledges; the same @idempotency_key never pledges twice. */
  void (*create_pledge) (CfPlatform            *self,
                         const char            *campaign_id,
                         const CfPledgeRequest *request,
                         const char            *idempotency_key,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data);

  /* Changes a pledge while its campaign is live, or marks it received. */
  void (*change_pledge) (CfPlatform           *self,
                         const char           *pledge_id,
                         const CfPledgeChange *change,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data);

  /* Cancels a pledge while its campaign is live. */
  void (*cancel_pledge) (CfPlatform          *self,
                         const char          *pledge_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data);

  /* A page of the campaigns the user created. */
  void (*list_my_campaigns) (CfPlatform          *self,
                             const char          *cursor,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);

  /* A page of the pledges to a campaign the user created, oldest or newest first. */
  void (*list_backers) (CfPlatform          *self,
                        const char          *campaign_id,
                        gboolean             newest_first,
                        const char          *cursor,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);

  /* Sets the fulfillment of some of a campaign's pledges; the result is how many changed. */
  void (*update_fulfillment) (CfPlatform                *self,
                              const char                *campaign_id,
                              const CfFulfillmentChange *change,
                              GCancellable              *cancellable,
                              GAsyncReadyCallback        callback,
                              gpointer                   user_data);

  /* The id (as get_campaign takes it) of the campaign whose web page is at
   * @address, when the page is this platform's; else NULL. */
  char *(*campaign_at_address) (CfPlatform *self,
                                GUri       *address);

  /* Opens the live feed; platforms without one fail with CF_PLATFORM_ERROR_NOT_SUPPORTED. */
  void (*connect_live) (CfPlatform          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data);
};

char          *cf_platform_new_idempotency_key (void);
void           cf_platform_emit_changed        (CfPlatform    *self);
void           cf_platform_forward_object_cb   (GObject       *object,
                                                GAsyncResult  *result,
                                                gpointer       user_data);
const CfPlatformCapabilities *cf_platform_get_capabilities (CfPlatform *self);
gboolean       cf_platform_can                 (CfPlatform         *self,
                                                CfPlatformFeatures  features);
void           cf_platform_set_credentials     (CfPlatform    *self,
                                                CfCredentials *credentials);
CfCredentials *cf_platform_dup_credentials     (CfPlatform    *self);
char          *cf_platform_dup_campaign_at_address (CfPlatform *self,
                                                    const char *address);
char          *cf_platform_dup_first_path_segment  (const char *path);
CfPage        *cf_platform_list_finish         (CfPlatform    *self,
                                                GAsyncResult  *result,
                                                GError       **error);

void cf_platform_list_categories_async (CfPlatform          *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
void cf_platform_list_campaigns_async (CfPlatform            *self,
                                       const CfCampaignQuery *query,
                                       const char            *cursor,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data);
void cf_platform_get_campaign_async (CfPlatform          *self,
                                     const char          *id_or_slug,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
CfCampaign *cf_platform_get_campaign_finish (CfPlatform    *self,
                                             GAsyncResult  *result,
                                             GError       **error);
void cf_platform_list_rewards_async (CfPlatform          *self,
                                     const char          *campaign_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
void cf_platform_list_updates_async (CfPlatform          *self,
                                     const char          *campaign_id,
                                     const char          *cursor,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
void cf_platform_get_stats_async (CfPlatform          *self,
                                  const char          *campaign_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
CfStats *cf_platform_get_stats_finish (CfPlatform    *self,
                                       GAsyncResult  *result,
                                       GError       **error);
void cf_platform_get_exchange_rates_async (CfPlatform          *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
CfExchangeRates *cf_platform_get_exchange_rates_finish (CfPlatform    *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);
void cf_platform_sign_in_async (CfPlatform          *self,
                                const char          *username,
                                const char          *password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
CfCredentials *cf_platform_sign_in_finish (CfPlatform    *self,
                                           GAsyncResult  *result,
                                           GError       **error);
void cf_platform_sign_out_async (CfPlatform          *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean cf_platform_sign_out_finish (CfPlatform    *self,
                                      GAsyncResult  *result,
                                      GError       **error);
void cf_platform_get_me_async (CfPlatform          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
CfUser *cf_platform_get_me_finish (CfPlatform    *self,
                                   GAsyncResult  *result,
                                   GError       **error);
void cf_platform_list_following_async (CfPlatform          *self,
                                       const char          *cursor,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
void cf_platform_list_all_following_async (CfPlatform          *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
void cf_platform_list_all_pledges_async (CfPlatform          *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
void cf_platform_list_all_my_campaigns_async (CfPlatform          *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
void cf_platform_list_all_backers_async (CfPlatform          *self,
                                         const char          *campaign_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
GListModel *cf_platform_list_all_finish (CfPlatform    *self,
                                         GAsyncResult  *result,
                                         GError       **error);
void cf_platform_set_following_async (CfPlatform          *self,
                                      const char          *campaign_id,
                                      gboolean             following,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean cf_platform_set_following_finish (CfPlatform    *self,
                                           GAsyncResult  *result,
                                           GError       **error);
void cf_platform_list_pledges_async (CfPlatform          *self,
                                     const char          *status,
                                     const char          *cursor,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
void cf_platform_create_pledge_async (CfPlatform            *self,
                                      const char            *campaign_id,
                                      const CfPledgeRequest *request,
                                      const char            *idempotency_key,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data);
CfPledge *cf_platform_create_pledge_finish (CfPlatform    *self,
                                            GAsyncResult  *result,
                                            GError       **error);
void cf_platform_change_pledge_async (CfPlatform           *self,
                                      const char           *pledge_id,
                                      const CfPledgeChange *change,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
CfPledge *cf_platform_change_pledge_finish (CfPlatform    *self,
                                            GAsyncResult  *result,
                                            GError       **error);
void cf_platform_cancel_pledge_async (CfPlatform          *self,
                                      const char          *pledge_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean cf_platform_cancel_pledge_finish (CfPlatform    *self,
                                           GAsyncResult  *result,
                                           GError       **error);
void cf_platform_list_my_campaigns_async (CfPlatform          *self,
                                          const char          *cursor,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
void cf_platform_list_backers_async (CfPlatform          *self,
                                     const char          *campaign_id,
                                     gboolean             newest_first,
                                     const char          *cursor,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
void cf_platform_update_fulfillment_async (CfPlatform                *self,
                                           const char                *campaign_id,
                                           const CfFulfillmentChange *change,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data);
gint64 cf_platform_update_fulfillment_finish (CfPlatform    *self,
                                              GAsyncResult  *result,
                                              GError       **error);
void cf_platform_connect_live_async (CfPlatform          *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
SoupWebsocketConnection *cf_platform_connect_live_finish (CfPlatform    *self,
                                                          GAsyncResult  *result,
                                                          GError       **error);

G_END_DECLS
