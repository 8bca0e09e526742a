/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-http-client.h"
#include "cf-live-event.h"
#include "cf-live-feed-private.h"
#include "cf-rest-platform.h"
#include "fuzz-target.h"

/* A message on the live feed, for a feed watching campaigns 1 to 3. The
 * platform behind it is never reached: no main loop runs here. Whenever the
 * fixed-shape reading takes a message, json-glib's must read it the same. */

static CfLiveFeed *feed;
static JsonParser *parser;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfRestPlatform) platform = cf_rest_platform_new (session, "http://127.0.0.1:9/");

  feed = cf_live_feed_new (CF_PLATFORM (platform));
  parser = json_parser_new ();
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
  CfLiveEvent fixed, tree;

  if (cf_live_event_read_fixed (&fixed, (const char *) data, size))
    {
      g_assert_true (json_parser_load_from_data (parser, (const char *) data, size, NULL));
      g_assert_true (cf_live_event_read_tree (&tree, json_parser_get_root (parser)));
      g_assert_true (cf_live_event_equal (&fixed, &tree));
    }

  cf_live_feed_read_message (feed, (const char *) data, size);
  cf_live_feed_flush (feed);
  return 0;
}
