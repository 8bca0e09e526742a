/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-account-item.h"

G_BEGIN_DECLS

/* One of cf_platform_list_all_pledges_async() and its kin. */
typedef void (*CfListAllFunc) (CfPlatform          *platform,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);

/* What one account gave: its items as last loaded, when, and why the last
 * load failed when it did (the items are then stale). */
typedef struct
{
  CfAccount *account;
  GListModel *items;  /* NULL until the first answer */
  GDateTime *as_of;   /* when the items were given, perhaps in an earlier run */
  GError *error;      /* the last load's failure, or NULL */
  gboolean loading;
} CfMergedSource;

#define CF_TYPE_MERGED_LIST (cf_merged_list_get_type ())

G_DECLARE_FINAL_TYPE (CfMergedList, cf_merged_list, CF, MERGED_LIST, GObject)

CfMergedList         *cf_merged_list_new            (GListModel         *accounts,
                                                     CfPlatformFeatures  feature,
                                                     CfListAllFunc       list_all,
                                                     GType               item_type,
                                                     const char         *saved_name);
void                  cf_merged_list_reload         (CfMergedList       *self);
void                  cf_merged_list_keep_without   (CfMergedList       *self,
                                                     const char * const *members);
guint                 cf_merged_list_get_n_sources  (CfMergedList       *self);
const CfMergedSource *cf_merged_list_get_source     (CfMergedList       *self,
                                                     guint               index);
gboolean              cf_merged_list_get_loading    (CfMergedList       *self);
const GError         *cf_merged_list_get_error      (CfMergedList       *self);

G_END_DECLS
