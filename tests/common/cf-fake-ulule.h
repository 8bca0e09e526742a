/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Ulule's API and its published stats, on loopback, answering from the
 * fixtures in tests/fixtures/ulule/, which follow developers.ulule.com and
 * the stats Ulule's own widgets read. The API key “good-key” belongs to
 * “camille”, who backed two projects and created the pre-sale 102. */
typedef struct _CfFakeUlule CfFakeUlule;

#define CF_FAKE_ULULE_KEY "good-key"

CfFakeUlule *cf_fake_ulule_new               (void);
const char  *cf_fake_ulule_get_api_url       (CfFakeUlule *self);
const char  *cf_fake_ulule_get_data_url      (CfFakeUlule *self);
void         cf_fake_ulule_set_raised        (CfFakeUlule *self,
                                              const char  *project_id,
                                              guint        amount);
void         cf_fake_ulule_refuse_next       (CfFakeUlule *self,
                                              guint        status);
const char  *cf_fake_ulule_get_last_search   (CfFakeUlule *self);
guint        cf_fake_ulule_count             (CfFakeUlule *self,
                                              const char  *path);
GHashTable  *cf_fake_ulule_dup_api_counts    (CfFakeUlule *self);
guint        cf_fake_ulule_count_unversioned (CfFakeUlule *self);
guint        cf_fake_ulule_count_likes       (CfFakeUlule *self);
void         cf_fake_ulule_free              (CfFakeUlule *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfFakeUlule, cf_fake_ulule_free)

G_END_DECLS
