/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-live-feed-private.h"
#include "cf-rest-platform.h"
#include "fuzz-target.h"

/* A message on the live feed, for a feed watching campaigns 1 to 3. The
 * platform behind it is never reached: no main loop runs here. */

static CfLiveFeed *feed;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(SoupSession) session = cf_rest_platform_new_session ();
  g_autoptr(CfRestPlatform) platform = cf_rest_platform_new (session, "http://127.0.0.1:9/");

  feed = cf_live_feed_new (CF_PLATFORM (platform));
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);

      cf_live_feed_subscribe (feed, id, TRUE);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  cf_live_feed_read_message (feed, (const char *) data, size);
  cf_live_feed_flush (feed);
  return 0;
}
