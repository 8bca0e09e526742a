/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The reference platform, run as a subprocess on loopback for a test. */
typedef struct
{
  GSubprocess *process;
  char *directory;
  char *database;
  char *url;         /* "http://127.0.0.1:PORT" */
  SoupSession *session;
} CfTestPlatform;

CfTestPlatform *cf_test_platform_start   (const char     *seed_fixture,
                                          const char     *extra_arguments);
void            cf_test_platform_restart (CfTestPlatform *platform);
void            cf_test_platform_stop    (CfTestPlatform *platform);
void            cf_test_platform_free    (CfTestPlatform *platform);
JsonNode       *cf_test_platform_call    (CfTestPlatform *platform,
                                          const char     *method,
                                          const char     *path,
                                          const char     *token,
                                          const char     *body,
                                          guint          *status);
char           *cf_test_platform_sign_in (CfTestPlatform *platform,
                                          const char     *username,
                                          const char     *password);
void            cf_test_platform_pledge  (CfTestPlatform *platform,
                                          const char     *username,
                                          const char     *password,
                                          const char     *campaign_id,
                                          const char     *body);
gint64          cf_test_platform_query   (CfTestPlatform *platform,
                                          const char     *sql);
const char     *cf_test_error_code       (JsonNode       *node);
JsonNode       *cf_test_json_from_bytes  (GBytes         *bytes);
double          cf_test_process_cpu_seconds (const char  *pid);
gint64          cf_test_platform_wal_size (CfTestPlatform *platform);
char           *cf_test_write_bench_seed (const char     *directory,
                                          guint           n_users,
                                          guint           n_campaigns,
                                          guint           reward_places);
GSubprocess    *cf_test_spawn_ending_with_test (const char * const *argv);
char           *cf_test_platform_bearer  (CfTestPlatform *platform,
                                          const char     *username,
                                          const char     *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfTestPlatform, cf_test_platform_free)

G_END_DECLS
