/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <malloc.h>
#include <valgrind/callgrind.h>

#include "cf-http-client.h"
#include "cf-campaign-list.h"
#include "cf-rest-platform.h"

/* Pages of campaigns (a first of 20, then 50 at a time) loaded into the
 * lazy list the Explore grid shows, one after the other, as scrolling asks
 * for them, without the display: the cost of a page, and whether it grows
 * with the list. Under callgrind
 * the first and the last PHASE_PAGES pages are dumped as "early" and
 * "late". Natively, the heap it grows by is weighed per campaign. */

#define PAGES       200
#define PHASE_PAGES 20

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

static gboolean
page_arrived (CfCampaignList *list,
              guint           before)
{
  return !cf_campaign_list_get_loading (list) &&
         g_list_model_get_n_items (G_LIST_MODEL (list)) > before;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfRestPlatform) platform = NULL;
  g_autoptr(CfCampaignList) list = NULL;
  CfCampaignQuery query = { NULL, NULL, CF_CAMPAIGN_FILTER_ALL, CF_CAMPAIGN_SORT_POPULAR };
  gint64 started = 0;
  gsize heap_early = 0;
  guint campaigns_early = 0;

  if (argc != 2)
    g_error ("usage: bench-pages PLATFORM-URL");

  platform = cf_rest_platform_new (session, argv[1]);
  list = cf_campaign_list_new (CF_PLATFORM (platform));
  CALLGRIND_ZERO_STATS;

  for (guint page = 1; page <= PAGES; page++)
    {
      guint before = g_list_model_get_n_items (G_LIST_MODEL (list));

      if (page == PAGES - PHASE_PAGES + 1)
        {
          CALLGRIND_ZERO_STATS;
          started = g_get_monotonic_time ();
        }
      if (page == 1)
        cf_campaign_list_set_query (list, &query);
      else
        cf_campaign_list_load_more (list);
      while (!page_arrived (list, before))
        {
          if (cf_campaign_list_get_error (list) != NULL)
            g_error ("%s", cf_campaign_list_get_error (list)->message);
          g_main_context_iteration (NULL, TRUE);
        }
      if (page == PHASE_PAGES)
        {
          CALLGRIND_DUMP_STATS_AT ("early");
          heap_early = heap_in_use ();
          campaigns_early = g_list_model_get_n_items (G_LIST_MODEL (list));
        }
    }
  CALLGRIND_DUMP_STATS_AT ("late");

  g_print ("pages: %u\n", PAGES);
  g_print ("phase-pages: %u\n", PHASE_PAGES);
  g_print ("campaigns: %u\n", g_list_model_get_n_items (G_LIST_MODEL (list)));
  g_print ("late-page-ms: %.2f\n", (g_get_monotonic_time () - started) / 1000.0 / PHASE_PAGES);
  g_print ("heap-bytes-per-campaign: %.0f\n",
           ((double) heap_in_use () - (double) heap_early) /
           (g_list_model_get_n_items (G_LIST_MODEL (list)) - campaigns_early));
  return 0;
}
