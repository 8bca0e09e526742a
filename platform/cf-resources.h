/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cf-database.h"

G_BEGIN_DECLS

/* The API's shapes, written from rows selected with these columns. */

#define CF_CAMPAIGN_COLUMNS \
  "c.id, c.slug, c.title, c.blurb, c.description, u.id, u.name, k.id, k.slug, k.name," \
  " c.country, c.city, c.image_url, c.state, c.currency, c.goal, c.pledged, c.backers_count," \
  " c.launched_at, c.deadline," \
  " (SELECT COUNT(*) FROM rewards r WHERE r.campaign_id = c.id)," \
  " (SELECT COUNT(*) FROM updates n WHERE n.campaign_id = c.id)," \
  " EXISTS (SELECT 1 FROM following f WHERE f.user_id = :user AND f.campaign_id = c.id)"
#define CF_CAMPAIGN_FROM \
  " FROM campaigns c JOIN users u ON u.id = c.owner_id JOIN categories k ON k.id = c.category_id"
#define CF_CAMPAIGN_N_COLUMNS 23

#define CF_REWARD_COLUMNS \
  "r.id, r.title, r.description, r.minimum, c.currency, r.reward_limit, r.backers_count," \
  " r.estimated_delivery, r.shipping_type, c.state"
#define CF_REWARD_FROM " FROM rewards r JOIN campaigns c ON c.id = r.campaign_id"

#define CF_PLEDGE_COLUMNS \
  "p.id, c.id, c.slug, c.title, c.state, c.image_url, c.deadline, c.currency, r.id, r.title," \
  " u.id, u.name, p.amount, p.bonus, p.shipping, p.shipping_country, p.address, p.status," \
  " p.sequence, p.pledged_at, p.address_lock_at, p.fulfillment_status, p.tracking_number," \
  " p.carrier, p.tracking_url, p.shipped_at, r.estimated_delivery, p.received, p.actions"
#define CF_PLEDGE_FROM \
  " FROM pledges p JOIN campaigns c ON c.id = p.campaign_id JOIN users u ON u.id = p.backer_id" \
  " LEFT JOIN rewards r ON r.id = p.reward_id"

void   cf_resources_add_time     (JsonBuilder  *builder,
                                  const char   *name,
                                  sqlite3_stmt *statement,
                                  int           column);
void   cf_resources_add_money    (JsonBuilder  *builder,
                                  const char   *name,
                                  gint64        amount,
                                  const char   *currency);
void   cf_resources_add_campaign (JsonBuilder  *builder,
                                  sqlite3_stmt *statement,
                                  const char   *base_url,
                                  gboolean      with_description,
                                  gboolean      with_following);
void   cf_resources_add_reward   (JsonBuilder  *builder,
                                  CfDatabase   *database,
                                  sqlite3_stmt *statement);
void   cf_resources_add_pledge   (JsonBuilder  *builder,
                                  sqlite3_stmt *statement,
                                  const char   *base_url,
                                  gboolean      with_backer);
char  *cf_resources_format_time  (gint64        unix_time);
gint64 cf_resources_parse_time   (const char   *text);

G_END_DECLS
