/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "cf-database.h"

G_BEGIN_DECLS

#define CF_TYPE_LIVE_HUB (cf_live_hub_get_type ())

/* Live connections kept in all unless the platform is told otherwise. */
#define CF_LIVE_HUB_DEFAULT_MAX_CLIENTS 1000

G_DECLARE_FINAL_TYPE (CfLiveHub, cf_live_hub, CF, LIVE_HUB, GObject)

CfLiveHub *cf_live_hub_new              (CfDatabase              *database);
gboolean   cf_live_hub_has_room         (CfLiveHub               *self,
                                         const char              *address);
void       cf_live_hub_set_max_clients  (CfLiveHub               *self,
                                         guint                    max_clients);
void       cf_live_hub_add_client       (CfLiveHub               *self,
                                         SoupWebsocketConnection *connection,
                                         const char              *address,
                                         gint64                   user_id);
void       cf_live_hub_totals_changed   (CfLiveHub               *self,
                                         gint64                   campaign_id);
void       cf_live_hub_pledge_added     (CfLiveHub               *self,
                                         gint64                   campaign_id,
                                         gint64                   reward_id,
                                         gint64                   amount,
                                         const char              *currency);
void       cf_live_hub_state_changed    (CfLiveHub               *self,
                                         gint64                   campaign_id,
                                         const char              *state);
guint      cf_live_hub_get_n_clients    (CfLiveHub               *self);

G_END_DECLS
