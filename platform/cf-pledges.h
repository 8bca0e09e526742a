/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-database.h"

G_BEGIN_DECLS

/* The largest amount one pledge, reward or goal may name, in minor units,
 * and the largest total a campaign may reach. */
#define CF_PLEDGES_MAX_AMOUNT G_GINT64_CONSTANT (1000000000000)
#define CF_PLEDGES_MAX_TOTAL  G_GINT64_CONSTANT (1000000000000000)

/* Why the platform said no, as the API reports it. */
typedef struct
{
  guint status;
  const char *code;
  const char *field;       /* or NULL */
  const char *field_code;
} CfRefusal;

typedef struct
{
  gint64 campaign_id;
  gint64 backer_id;
  gint64 reward_id;              /* 0: no reward */
  gint64 amount;                 /* minor units, shipping included */
  const char *currency;
  const char *shipping_country;  /* or NULL */
  const char *idempotency_key;   /* or NULL */
} CfPledgeOrder;

typedef enum
{
  CF_PLEDGE_EDIT_REWARD           = 1 << 0,
  CF_PLEDGE_EDIT_AMOUNT           = 1 << 1,
  CF_PLEDGE_EDIT_SHIPPING_COUNTRY = 1 << 2,
  CF_PLEDGE_EDIT_ADDRESS          = 1 << 3,
  CF_PLEDGE_EDIT_RECEIVED         = 1 << 4,
} CfPledgeEditFields;

typedef struct
{
  CfPledgeEditFields fields;
  gint64 reward_id;              /* 0: no reward */
  gint64 amount;
  const char *currency;
  const char *shipping_country;
  const char *address;
  gboolean received;
} CfPledgeEdit;

gboolean cf_pledges_create  (CfDatabase          *database,
                             const CfPledgeOrder *order,
                             gint64              *pledge_id,
                             gboolean            *replayed,
                             CfRefusal           *refusal);
gboolean cf_pledges_edit    (CfDatabase          *database,
                             gint64               pledge_id,
                             gint64               backer_id,
                             const CfPledgeEdit  *edit,
                             gint64              *campaign_id,
                             CfRefusal           *refusal);
gboolean cf_pledges_cancel  (CfDatabase          *database,
                             gint64               pledge_id,
                             gint64               backer_id,
                             gint64              *campaign_id,
                             CfRefusal           *refusal);
gboolean cf_pledges_record_funding (CfDatabase   *database,
                                    gint64        campaign_id,
                                    gint64        at);

G_END_DECLS
