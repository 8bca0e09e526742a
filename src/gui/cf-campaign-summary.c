/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-campaign-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-campaign-summary.h"
#include "cf-format.h"

/* @count of what @unit counts, as in “50,704 pre-orders”. */
static char *
dup_counted (CfGoalUnit unit,
             gint64     count)
{
  g_autofree char *number = cf_format_count (count, NULL);

  if (unit == CF_GOAL_UNIT_MEMBERS)
    /* Translators: %s is a number of members supporting a page every month, written the way the language writes numbers. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s member", "%s members", count), number);
  /* Translators: %s is a number of pre-orders, written the way the language writes numbers. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s pre-order", "%s pre-orders", count), number);
}

/* “50,704 of 50,000 pre-orders”, “420 of 500 members”. */
static char *
dup_counted_of_goal (CfGoalUnit unit,
                     gint64     count,
                     gint64     goal)
{
  g_autofree char *reached = cf_format_count (count, NULL);
  g_autofree char *target = cf_format_count (goal, NULL);

  if (unit == CF_GOAL_UNIT_MEMBERS)
    /* Translators: members so far and the goal, as in “420 of 500 members”. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s member", "%s of %s members", goal),
                            reached, target);
  /* Translators: pre-orders made and the goal, as in “50,704 of 50,000 pre-orders”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s pre-order", "%s of %s pre-orders", goal),
                          reached, target);
}

/* Money beside a count or a balance, as in “€12,345 raised”. */
static char *
dup_raised (const CfMoney *money)
{
  g_autofree char *amount = cf_money_format (money, NULL);

  /* Translators: the money a pre-sale, a membership page or a collective raised, as in “€12,345 raised”. */
  return g_strdup_printf (_("%s raised"), amount);
}

/* A goal that counts pre-orders or members. */
static void
init_counted (CfCampaignSummary *summary,
              CfCampaign        *campaign)
{
  CfGoalUnit unit = cf_campaign_get_goal_unit (campaign);
  gint64 count = MAX (cf_campaign_get_counted (campaign), 0);
  gint64 goal = MAX (cf_campaign_get_counted_goal (campaign), 0);
  gint64 next_goal = cf_campaign_get_next_counted_goal (campaign);
  const CfMoney *raised = cf_campaign_get_pledged (campaign);

  summary->pledged = dup_counted (unit, count);
  summary->goal = dup_counted (unit, goal);
  summary->pledged_of_goal = dup_counted_of_goal (unit, count, goal);
  if (next_goal > count)
    summary->next_goal = dup_counted (unit, next_goal);
  /* Beside the count, the money it brought, where the platform tells it. */
  if (raised->amount > 0)
    summary->raised = dup_raised (raised);
}

/* What the figure beside a goal in money means, as in “pledged of
 * ¥10,000,000 goal”; or “raised” where there is no goal. */
static char *
dup_goal_caption (CfCampaign        *campaign,
                  CfCampaignSummary *summary)
{
  if (!summary->has_goal)
    /* Translators: under the money a collective without a goal received, as in “€40,000 / raised”. */
    return g_strdup (C_("figure caption", "raised"));
  switch (cf_campaign_get_goal_basis (campaign))
    {
    case CF_GOAL_BASIS_BALANCE:
      /* Translators: under a collective's balance, its goal, as in “balance, of a goal of $5,000”. */
      return g_strdup_printf (_("balance, of a goal of %s"), summary->goal);
    case CF_GOAL_BASIS_YEARLY_BUDGET:
      /* Translators: under a collective's yearly budget, its goal, as in “a year, of a goal of $20,000”. */
      return g_strdup_printf (_("a year, of a goal of %s"), summary->goal);
    case CF_GOAL_BASIS_PLEDGED:
    default:
      break;
    }
  if (summary->next_goal != NULL)
    /* Translators: the goal and the next stretch goal, as in “pledged of €10,000 goal · next stretch goal €15,000”. */
    return g_strdup_printf (_("pledged of %s goal · next stretch goal %s"), summary->goal, summary->next_goal);
  /* Translators: %s is the goal of a campaign, as in “pledged of ¥10,000,000 goal”. */
  return g_strdup_printf (_("pledged of %s goal"), summary->goal);
}

/* @pledged against @goal as the goal's basis says. */
static char *
dup_pledged_of_goal (CfCampaign        *campaign,
                     CfCampaignSummary *summary)
{
  if (!summary->has_goal)
    /* Translators: the money a campaign or collective without a goal raised, as in “€40,000 raised”. */
    return g_strdup_printf (_("%s raised"), summary->pledged);
  switch (cf_campaign_get_goal_basis (campaign))
    {
    case CF_GOAL_BASIS_BALANCE:
      /* Translators: a collective's balance and the balance it aims for, as in “$3,400 of $5,000 balance”. */
      return g_strdup_printf (_("%s of %s balance"), summary->pledged, summary->goal);
    case CF_GOAL_BASIS_YEARLY_BUDGET:
      /* Translators: a collective's yearly budget and the one it aims for, as in “$8,400 of $20,000 a year”. */
      return g_strdup_printf (_("%s of %s a year"), summary->pledged, summary->goal);
    case CF_GOAL_BASIS_PLEDGED:
    default:
      /* Translators: money pledged and the goal, as in “¥19,470,000 of ¥10,000,000”. */
      return g_strdup_printf (_("%s of %s"), summary->pledged, summary->goal);
    }
}

static void
init_money (CfCampaignSummary *summary,
            CfCampaign        *campaign)
{
  const CfMoney *pledged = cf_campaign_get_pledged (campaign);
  const CfMoney *next_goal = cf_campaign_get_next_goal (campaign);
  const CfMoney *received = cf_campaign_get_received (campaign);

  summary->pledged = cf_money_format (pledged, NULL);
  if (summary->has_goal)
    summary->goal = cf_money_format (cf_campaign_get_goal (campaign), NULL);
  if (next_goal != NULL && g_str_equal (next_goal->currency, pledged->currency) && next_goal->amount > pledged->amount)
    summary->next_goal = cf_money_format (next_goal, NULL);
  summary->pledged_of_goal = dup_pledged_of_goal (campaign, summary);
  summary->goal_caption = dup_goal_caption (campaign, summary);
  /* Beside a balance or a yearly budget, all that was ever received. */
  if (received != NULL && cf_campaign_get_goal_basis (campaign) != CF_GOAL_BASIS_PLEDGED)
    summary->raised = dup_raised (received);
}

/* A campaign followed by its address, whose figures only its page shows. */
static void
init_unknown (CfCampaignSummary *summary,
              CfCampaign        *campaign)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  summary->pledged = g_strdup ("");
  summary->pledged_of_goal = g_strdup (_("Figures on the campaign’s page"));
  summary->percent = g_strdup ("");
  summary->backers = g_strdup ("");
  summary->time_left = cf_format_time_left (cf_campaign_get_state (campaign), NULL,
                                            cf_campaign_get_deadline (campaign), now);
  /* Translators: what a screen reader says of a campaign whose figures the
   * app cannot read: its title and where they are, as in
   * “Hell Let Loose, Figures on the campaign’s page”. */
  summary->spoken = g_strdup_printf (_("%s, %s"), cf_campaign_get_title (campaign), summary->pledged_of_goal);
}

void
cf_campaign_summary_init (CfCampaignSummary *summary,
                          CfCampaign        *campaign)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (cf_campaign_get_figures_unknown (campaign))
    {
      init_unknown (summary, campaign);
      return;
    }
  summary->counted = cf_campaign_get_goal_unit (campaign) != CF_GOAL_UNIT_MONEY;
  summary->has_goal = cf_campaign_has_goal (campaign);
  if (summary->counted)
    init_counted (summary, campaign);
  else
    init_money (summary, campaign);
  summary->fraction = cf_campaign_get_progress (campaign, TRUE);
  summary->percent = summary->has_goal ? cf_format_percent (summary->fraction, NULL) : g_strdup ("");
  summary->backers = cf_format_backers (cf_campaign_get_backers_count (campaign), NULL);
  summary->time_left = cf_format_time_left (cf_campaign_get_state (campaign),
                                            cf_campaign_get_launched_at (campaign),
                                            cf_campaign_get_deadline (campaign), now);
  if (summary->has_goal)
    /* Translators: what a screen reader says of a campaign: its title, the
     * percentage funded, the backers and the time left, as in
     * “wena wrist, 195 % funded, 394 backers, 60 days to go”. */
    summary->spoken = g_strdup_printf (_("%s, %s funded, %s, %s"), cf_campaign_get_title (campaign),
                                       summary->percent, summary->backers, summary->time_left);
  else
    /* Translators: what a screen reader says of a collective without a goal: its
     * title, the money raised, the backers and the time left, as in
     * “Webpack, $1,204,000 raised, 3,100 backers, Ongoing”. */
    summary->spoken = g_strdup_printf (_("%s, %s, %s, %s"), cf_campaign_get_title (campaign),
                                       summary->pledged_of_goal, summary->backers, summary->time_left);
}

void
cf_campaign_summary_clear (CfCampaignSummary *summary)
{
  g_clear_pointer (&summary->pledged, g_free);
  g_clear_pointer (&summary->goal, g_free);
  g_clear_pointer (&summary->pledged_of_goal, g_free);
  g_clear_pointer (&summary->goal_caption, g_free);
  g_clear_pointer (&summary->next_goal, g_free);
  g_clear_pointer (&summary->raised, g_free);
  g_clear_pointer (&summary->percent, g_free);
  g_clear_pointer (&summary->backers, g_free);
  g_clear_pointer (&summary->time_left, g_free);
  g_clear_pointer (&summary->spoken, g_free);
}
