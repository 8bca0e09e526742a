/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-campaign-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-campaign-summary.h"
#include "cf-format.h"

void
cf_campaign_summary_init (CfCampaignSummary *summary,
                          CfCampaign        *campaign)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  gint64 orders_goal = cf_campaign_get_orders_goal (campaign);
  gint64 orders = cf_campaign_get_orders_count (campaign);

  /* A pre-sale counts orders, not money. */
  if (orders_goal > 0)
    {
      g_autofree char *count = cf_format_count (orders, NULL);
      g_autofree char *goal = cf_format_count (orders_goal, NULL);

      summary->fraction = (double) orders / orders_goal;
      /* Translators: %s is a number of pre-orders, written the way the language writes numbers. */
      summary->pledged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pre-order", "%s pre-orders", orders), count);
      /* Translators: %s is a number of pre-orders, written the way the language writes numbers. */
      summary->goal = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pre-order", "%s pre-orders", orders_goal), goal);
      /* Translators: pre-orders made and the goal, as in “50,704 of 50,000 pre-orders”. */
      summary->pledged_of_goal = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s pre-order",
                                                               "%s of %s pre-orders", orders_goal), count, goal);
    }
  else
    {
      summary->fraction = cf_format_funded_fraction (campaign);
      summary->pledged = cf_money_format (cf_campaign_get_pledged (campaign), NULL);
      summary->goal = cf_money_format (cf_campaign_get_goal (campaign), NULL);
      /* Translators: money pledged and the goal, as in “¥19,470,000 of ¥10,000,000”. */
      summary->pledged_of_goal = g_strdup_printf (_("%s of %s"), summary->pledged, summary->goal);
    }
  summary->percent = cf_format_percent (summary->fraction, NULL);
  summary->backers = cf_format_backers (cf_campaign_get_backers_count (campaign), NULL);
  summary->time_left = cf_format_time_left (cf_campaign_get_state (campaign),
                                            cf_campaign_get_launched_at (campaign),
                                            cf_campaign_get_deadline (campaign), now);
  /* Translators: what a screen reader says of a campaign: its title, the
   * percentage funded, the backers and the time left, as in
   * “wena wrist, 195 % funded, 394 backers, 60 days to go”. */
  summary->spoken = g_strdup_printf (_("%s, %s funded, %s, %s"), cf_campaign_get_title (campaign),
                                     summary->percent, summary->backers, summary->time_left);
}

void
cf_campaign_summary_clear (CfCampaignSummary *summary)
{
  g_clear_pointer (&summary->pledged, g_free);
  g_clear_pointer (&summary->goal, g_free);
  g_clear_pointer (&summary->pledged_of_goal, g_free);
  g_clear_pointer (&summary->percent, g_free);
  g_clear_pointer (&summary->backers, g_free);
  g_clear_pointer (&summary->time_left, g_free);
  g_clear_pointer (&summary->spoken, g_free);
}
