/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cf-money.h"

G_BEGIN_DECLS

typedef enum
{
  CF_LIVE_EVENT_OTHER,
  CF_LIVE_EVENT_TOTALS,
  CF_LIVE_EVENT_PLEDGE,
  CF_LIVE_EVENT_STATE,
} CfLiveEventType;

/* One event of the live feed, as much of it as the app reads. A member that
 * is absent or of the wrong kind is left unset. */
typedef struct
{
  CfLiveEventType type;
  gboolean has_campaign;
  char campaign[24];        /* the id as text; "" for null */
  gboolean has_reward_id;
  char reward_id[24];       /* "" for null */
  gboolean has_pledged;
  CfMoney pledged;          /* of totals */
  gboolean has_amount;
  CfMoney amount;           /* of a pledge */
  gboolean has_backers_count;
  gint64 backers_count;
  char state[16];           /* "" when absent */
} CfLiveEvent;

gboolean cf_live_event_read_fixed (CfLiveEvent *event,
                                   const char  *data,
                                   gsize        length);
gboolean cf_live_event_read_tree  (CfLiveEvent *event,
                                   JsonNode    *root);
gboolean cf_live_event_read       (CfLiveEvent *event,
                                   JsonParser  *parser,
                                   const char  *data,
                                   gsize        length);
gboolean cf_live_event_equal      (const CfLiveEvent *a,
                                   const CfLiveEvent *b);

G_END_DECLS
