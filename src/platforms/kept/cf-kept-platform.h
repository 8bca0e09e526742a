/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-platform-kind.h"

G_BEGIN_DECLS

#define CF_TYPE_KEPT_PLATFORM (cf_kept_platform_get_type ())

G_DECLARE_FINAL_TYPE (CfKeptPlatform, cf_kept_platform, CF, KEPT_PLATFORM, GObject)

extern const CfPlatformKind cf_kept_platform_kind;

/* The choice of the one platform of this kind. */
#define CF_KEPT_CHOICE "kept"

/* A campaign followed by its address. */
typedef struct
{
  const char *address;
  const char *title;
  gboolean live_figures;   /* read its public figures, where the platform publishes them */
  const char *currency;    /* of its figures and goal, or NULL */
  const CfMoney *goal;     /* or NULL */
  GDateTime *deadline;     /* or NULL */
  const CfMoney *stretch_goals;  /* n_stretch_goals of them, beyond the goal */
  guint n_stretch_goals;
  gboolean mine;           /* the person's own launch, on the Dashboard */
} CfKeptFollow;

/* A pledge made where the app cannot read it. */
typedef struct
{
  const char *address;             /* the campaign's page */
  const char *title;               /* the campaign's title */
  CfMoney amount;
  const char *reward;              /* or NULL */
  const char *estimated_delivery;  /* "YYYY-MM", or NULL */
  gint64 backer_number;            /* or 0 */
  const char *note;                /* or NULL */
} CfKeptPledge;

CfKeptPlatform *cf_kept_platform_new            (SoupSession           *session,
                                                 const char            *path,
                                                 const char            *kickstarter_url,
                                                 guint                  poll_seconds);
gboolean        cf_kept_platform_reads_figures_of (CfKeptPlatform      *self,
                                                 const char            *address);
char           *cf_kept_platform_follow         (CfKeptPlatform        *self,
                                                 const CfKeptFollow    *follow,
                                                 GError               **error);
char           *cf_kept_platform_add_pledge     (CfKeptPlatform        *self,
                                                 const CfKeptPledge    *pledge,
                                                 GError               **error);
gboolean        cf_kept_platform_export         (CfKeptPlatform        *self,
                                                 const char            *path,
                                                 GError               **error);
gboolean        cf_kept_platform_import         (CfKeptPlatform        *self,
                                                 const char            *path,
                                                 guint                 *n_added,
                                                 GError               **error);

G_END_DECLS
