/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/unum.h>
#include <unicode/utf8.h>
#include <unicode/ustring.h>

#include "cf-format.h"
#include "cf-number-formatter.h"

/* Figures as people read them in their language: ICU for numbers, gettext
 * plurals for counts, GLib for dates. @locale NULL means the user's. */

/* "1 234" in French, "1,234" in English. */
char *
cf_format_count (gint64      count,
                 const char *locale)
{
  return cf_number_format (UNUM_DECIMAL, (double) count, locale);
}

/* @date as @format (strftime(3), from the translator) writes it, with the
 * digits the language writes numbers in: strftime gives Latin digits
 * everywhere, so that in Arabic “٢ مايو ٢٠١٦” would otherwise sit as
 * “2 مايو 2016” beside amounts in Arabic-Indic digits. */
char *
cf_format_date (GDateTime  *date,
                const char *format)
{
  UNumberFormat *formatter = cf_number_formatter (UNUM_DECIMAL, NULL, NULL);
  char *text = g_date_time_format (date, format);
  char digits[10][U8_MAX_LENGTH + 1] = { { 0 } };
  GString *localized;

  if (formatter == NULL || text == NULL)
    return text;
  for (int i = 0; i < 10; i++)
    {
      UErrorCode status = U_ZERO_ERROR;
      UChar symbol[4];
      int32_t length = unum_getSymbol (formatter, i == 0 ? UNUM_ZERO_DIGIT_SYMBOL : UNUM_ONE_DIGIT_SYMBOL + i - 1,
                                       symbol, G_N_ELEMENTS (symbol), &status);

      u_strToUTF8 (digits[i], sizeof digits[i], NULL, symbol, length, &status);
      if (U_FAILURE (status) || length == 0)
        return text;
    }
  if (g_str_equal (digits[0], "0"))
    return text;

  localized = g_string_sized_new (strlen (text) * 2);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append (localized, digits[*p - '0']);
    else
      g_string_append_c (localized, *p);
  g_free (text);
  return g_string_free (localized, FALSE);
}

/* "195 %" in French, "195%" in English; @fraction 1.95 is 195 %. Whole
 * percents, floored as platforms show them: 99.6 % funded is not yet 100 %
 * (the small margin keeps 0.29 from reading 28 % through binary rounding). */
char *
cf_format_percent (double      fraction,
                   const char *locale)
{
  return cf_number_format (UNUM_PERCENT, floor (fraction * 100 + 1e-9) / 100, locale);
}

char *
cf_format_backers (gint64      backers,
                   const char *locale)
{
  g_autofree char *count = cf_format_count (backers, locale);

  /* Translators: %s is a number, already written the way the language writes numbers. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s backer", "%s backers", backers), count);
}

/* Who chose a reward: its backers, or where the platform counts rewards
 * taken (a backer may take several), how many were taken; NULL when the
 * platform says neither. */
char *
cf_format_reward_count (CfReward   *reward,
                        const char *locale)
{
  gint64 taken = cf_reward_get_taken (reward);
  g_autofree char *count = NULL;

  if (cf_reward_get_backers_count (reward) >= 0)
    return cf_format_backers (cf_reward_get_backers_count (reward), locale);
  if (taken < 0)
    return NULL;
  count = cf_format_count (taken, locale);
  /* Translators: how many of a reward were taken, as in “980 taken”; a backer may take several. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s taken", "%s taken", taken), count);
}

typedef enum
{
  IN_MINUTES,
  IN_HOURS,
  IN_DAYS,
} TimeUnit;

/* Whole days from two days on, hours from one hour, minutes below that,
 * never zero. */
static gint64
count_in_unit (GTimeSpan  span,
               TimeUnit  *unit)
{
  gint64 hours = span / G_TIME_SPAN_HOUR;

  if (hours >= 48)
    {
      *unit = IN_DAYS;
      return hours / 24;
    }
  if (hours >= 1)
    {
      *unit = IN_HOURS;
      return hours;
    }
  *unit = IN_MINUTES;
  return MAX (span / G_TIME_SPAN_MINUTE, 1);
}

/* "3 days to go", "12 hours to go", "40 minutes to go", "Launches in 2 days",
 * "Ended 2 May 2016". */
char *
cf_format_time_left (CfCampaignState  state,
                     GDateTime       *launched_at,
                     GDateTime       *deadline,
                     GDateTime       *now)
{
  g_autofree char *date = NULL;
  g_autofree char *count = NULL;
  TimeUnit unit;
  gint64 n;

  if (state == CF_CAMPAIGN_STATE_UPCOMING && launched_at != NULL &&
      g_date_time_compare (launched_at, now) > 0)
    {
      n = count_in_unit (g_date_time_difference (launched_at, now), &unit);
      count = cf_format_count (n, NULL);
      if (unit == IN_DAYS)
        /* Translators: %s is a number, already written the way the language writes numbers. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Launches in %s day",
                                             "Launches in %s days", n), count);
      if (unit == IN_HOURS)
        /* Translators: %s is a number, already written the way the language writes numbers. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Launches in %s hour",
                                             "Launches in %s hours", n), count);
      /* Translators: %s is a number, already written the way the language writes numbers. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Launches in %s minute",
                                           "Launches in %s minutes", n), count);
    }

  /* A collective funded for good has no end. */
  if (deadline == NULL)
    return g_strdup (state == CF_CAMPAIGN_STATE_LIVE ? C_("campaign without an end", "Ongoing")
                                                     : C_("campaign without an end", "Closed"));

  if (state == CF_CAMPAIGN_STATE_LIVE && g_date_time_compare (deadline, now) > 0)
    {
      n = count_in_unit (g_date_time_difference (deadline, now), &unit);
      count = cf_format_count (n, NULL);
      if (unit == IN_DAYS)
        /* Translators: %s is a number, already written the way the language writes numbers. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s day to go", "%s days to go", n), count);
      if (unit == IN_HOURS)
        /* Translators: %s is a number, already written the way the language writes numbers. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour to go", "%s hours to go", n), count);
      /* Translators: %s is a number, already written the way the language writes numbers. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s minute to go", "%s minutes to go", n), count);
    }

  /* Translators: a date as in “Ended 2 May 2016”; see strftime(3) for the codes. */
  date = cf_format_date (deadline, C_("end date", "%-d %B %Y"));
  if (state == CF_CAMPAIGN_STATE_FAILED)
    /* Translators: %s is a date, such as “2 May 2016”: the campaign ended below its goal. */
    return g_strdup_printf (_("Unsuccessful, ended %s"), date);
  if (state == CF_CAMPAIGN_STATE_CANCELED)
    /* Translators: %s is a date, such as “2 May 2016”. */
    return g_strdup_printf (_("Canceled, was to end %s"), date);
  if (state == CF_CAMPAIGN_STATE_UPCOMING)
    return g_strdup (_("Launching soon"));
  /* Translators: %s is a date, such as “2 May 2016”. */
  return g_strdup_printf (_("Ended %s"), date);
}

/* How many places a reward has left: “12 left of 50”, “Sold out”. */
char *
cf_format_reward_remaining (CfReward *reward)
{
  gint64 limit = cf_reward_get_limit (reward);
  gint64 remaining = cf_reward_get_remaining (reward);

  GDateTime *ends_at = cf_reward_get_ends_at (reward);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local_end = NULL;
  g_autofree char *until = NULL;
  g_autofree char *left = NULL;
  g_autofree char *places = NULL;

  if (limit >= 0 && remaining <= 0)
    return g_strdup (_("Sold out"));
  if (ends_at != NULL && g_date_time_compare (ends_at, now) <= 0)
    /* Translators: a reward no longer offered since its end date passed. */
    return g_strdup (_("No longer offered"));
  if (ends_at != NULL)
    {
      local_end = g_date_time_to_local (ends_at);
      /* Translators: the last day a reward is offered, as in “Until 31 December 2026”; see strftime(3). */
      until = cf_format_date (local_end, C_("reward end", "Until %-d %B %Y"));
    }
  if (limit < 0)
    return until != NULL ? g_steal_pointer (&until) : g_strdup (_("Unlimited"));
  left = cf_format_count (remaining, NULL);
  places = cf_format_count (limit, NULL);
  if (until != NULL)
    /* Translators: places left of a limited reward and its last day, as in “12 left of 50 · Until 31 December 2026”. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s left of %s · %s", "%s left of %s · %s", remaining),
                            left, places, until);

  /* Translators: places left in a limited reward, as in “12 left of 50”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s left of %s", "%s left of %s", remaining), left, places);
}

/* What a reward costs: “Pledge ¥35,000 or more”, or for a tier paid
 * every month or year, “$5 a month”, “$10 or more a year”. */
char *
cf_format_reward_price (CfReward *reward)
{
  g_autofree char *minimum = cf_money_format (cf_reward_get_minimum (reward), NULL);
  gboolean fixed = cf_reward_get_fixed_amount (reward);

  switch (cf_reward_get_frequency (reward))
    {
    case CF_PLEDGE_FREQUENCY_MONTHLY:
      return fixed
             /* Translators: the price of a tier paid every month, as in “$5 a month”. */
             ? g_strdup_printf (_("%s a month"), minimum)
             /* Translators: the least one gives every month for a tier, as in “$5 or more a month”. */
             : g_strdup_printf (_("%s or more a month"), minimum);
    case CF_PLEDGE_FREQUENCY_YEARLY:
      return fixed
             /* Translators: the price of a tier paid every year, as in “$50 a year”. */
             ? g_strdup_printf (_("%s a year"), minimum)
             /* Translators: the least one gives every year for a tier, as in “$50 or more a year”. */
             : g_strdup_printf (_("%s or more a year"), minimum);
    case CF_PLEDGE_FREQUENCY_ONCE:
    default:
      return fixed
             /* Translators: the price of a reward, as in “Pledge $25”. */
             ? g_strdup_printf (_("Pledge %s"), minimum)
             /* Translators: %s is an amount, as in “Pledge ¥35,000 or more”. */
             : g_strdup_printf (_("Pledge %s or more"), minimum);
    }
}

/* An estimated delivery month (“2016-03”) as “Estimated delivery: March 2016”. */
char *
cf_format_delivery_month (const char *month)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *when = NULL;

  if (month == NULL)
    return g_strdup (_("Nothing to deliver"));

  iso = g_strdup_printf ("%s-01T00:00:00Z", month);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  /* Translators: a month and year, as in “March 2016”; see strftime(3). */
  when = date ? cf_format_date (date, C_("delivery month", "%B %Y")) : g_strdup (month);
  /* Translators: %s is a month, as in “Estimated delivery: March 2016”. */
  return g_strdup_printf (_("Estimated delivery: %s"), when);
}

/* Where a pledge stands, in a word or two: its payment when that is what
 * matters, else how far its reward has come. */
char *
cf_format_pledge_status (CfPledge *pledge)
{
  CfFulfillment *fulfillment = cf_pledge_get_fulfillment (pledge);

  switch (cf_pledge_get_status (pledge))
    {
    case CF_PLEDGE_STATUS_ERRORED:
      return g_strdup (_("Payment failed"));
    case CF_PLEDGE_STATUS_CANCELED:
      return g_strdup (_("Canceled"));
    case CF_PLEDGE_STATUS_DROPPED:
      return g_strdup (_("Dropped"));
    case CF_PLEDGE_STATUS_REFUNDED:
      return g_strdup (_("Refunded"));
    case CF_PLEDGE_STATUS_PAUSED:
      /* Translators: a monthly or yearly contribution that is not charged for now. */
      return g_strdup (_("Paused"));
    case CF_PLEDGE_STATUS_PLEDGED:
    case CF_PLEDGE_STATUS_COLLECTED:
    default:
      break;
    }

  if (cf_pledge_get_received (pledge))
    return g_strdup (_("Received"));
  if (cf_pledge_get_reward_id (pledge) != NULL)
    switch (cf_fulfillment_get_status (fulfillment))
      {
      case CF_FULFILLMENT_STATUS_IN_PROGRESS:
        return g_strdup (_("In production"));
      case CF_FULFILLMENT_STATUS_SHIPPED:
        return g_strdup (_("Shipped"));
      case CF_FULFILLMENT_STATUS_DELAYED:
        return g_strdup (_("Delayed"));
      case CF_FULFILLMENT_STATUS_DELIVERED:
        return g_strdup (_("Delivered"));
      case CF_FULFILLMENT_STATUS_NOT_STARTED:
      default:
        break;
      }

  /* A monthly or yearly contribution still charged. */
  if (cf_pledge_get_status (pledge) == CF_PLEDGE_STATUS_COLLECTED &&
      cf_pledge_get_frequency (pledge) != CF_PLEDGE_FREQUENCY_ONCE)
    /* Translators: a monthly or yearly contribution that is charged as planned. */
    return g_strdup (C_("recurring contribution", "Active"));
  return cf_pledge_get_status (pledge) == CF_PLEDGE_STATUS_COLLECTED ? g_strdup (_("Collected"))
                                                                     : g_strdup (_("Pledged"));
}

/* A recurring contribution as what it is: “€5 a month since March 2025,
 * next charge 1 January”; NULL for a pledge paid once. */
char *
cf_format_pledge_recurrence (CfPledge *pledge)
{
  CfPledgeFrequency frequency = cf_pledge_get_frequency (pledge);
  GDateTime *next = cf_pledge_get_next_charge_at (pledge);
  g_autofree char *amount = NULL;
  g_autofree char *since = NULL;
  g_autofree char *next_date = NULL;
  g_autoptr(GDateTime) started = NULL;
  g_autoptr(GDateTime) next_local = NULL;
  gboolean charged = next != NULL && (cf_pledge_get_status (pledge) == CF_PLEDGE_STATUS_COLLECTED ||
                                      cf_pledge_get_status (pledge) == CF_PLEDGE_STATUS_PLEDGED);

  if (frequency == CF_PLEDGE_FREQUENCY_ONCE)
    return NULL;

  amount = cf_money_format (cf_pledge_get_amount (pledge), NULL);
  started = g_date_time_to_local (cf_pledge_get_pledged_at (pledge));
  /* Translators: the month a monthly contribution started, as in “€5 a month since March 2025”; see strftime(3). */
  since = cf_format_date (started, C_("contribution start", "%B %Y"));
  if (charged)
    {
      next_local = g_date_time_to_local (next);
      /* Translators: the day of the next payment, as in “next charge 1 January”; see strftime(3). */
      next_date = cf_format_date (next_local, C_("next charge", "%-d %B"));
    }

  if (frequency == CF_PLEDGE_FREQUENCY_YEARLY)
    return charged
           /* Translators: a yearly contribution: amount, month it started, day of the next payment. */
           ? g_strdup_printf (_("%s a year since %s, next charge %s"), amount, since, next_date)
           /* Translators: a yearly contribution: amount and the month it started, as in “$50 a year since May 2024”. */
           : g_strdup_printf (_("%s a year since %s"), amount, since);
  return charged
         /* Translators: a monthly contribution: amount, month it started, day of the next payment,
          * as in “€5 a month since March 2025, next charge 1 January”. */
         ? g_strdup_printf (_("%s a month since %s, next charge %s"), amount, since, next_date)
         /* Translators: a monthly contribution: amount and the month it started, as in “€5 a month since March 2025”. */
         : g_strdup_printf (_("%s a month since %s"), amount, since);
}

/* What @list shows that an account gave at an earlier visit, its
 * platform not answering now: since when and why, and which platform when
 * the list gathers several; a line each, or NULL when all is fresh. */
char *
cf_format_kept_sources (CfMergedList *list)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_sources = cf_merged_list_get_n_sources (list);

  for (guint i = 0; i < n_sources; i++)
    {
      const CfMergedSource *source = cf_merged_list_get_source (list, i);
      g_autofree char *as_of = NULL;

      if (source->error == NULL || source->items == NULL || source->as_of == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      as_of = cf_format_as_of (source->as_of);
      if (n_sources > 1)
        /* Translators: a platform, as in “Ulule”, when what it gave was last read, and why it could not be now. */
        g_string_append_printf (text, _("%s: shown as of %s. %s"), cf_account_get_label (source->account), as_of,
                                source->error->message);
      else
        /* Translators: when what is shown was last read, and why it could not be now. */
        g_string_append_printf (text, _("Shown as of %s. %s"), as_of, source->error->message);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The rewards of a pledge, each with how many, in a line (“2 × The lamp,
 * Thank you!”) or @one_per_line; “No reward” for none. */
char *
cf_format_pledge_rewards (CfPledge *pledge,
                          gboolean  one_per_line)
{
  GListModel *items = cf_pledge_get_items (pledge);
  g_autofree char *text = NULL;

  if (items == NULL)
    return g_strdup (cf_pledge_get_reward_id (pledge) != NULL && cf_pledge_get_reward_title (pledge) != NULL
                     ? cf_pledge_get_reward_title (pledge) : _("No reward"));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CfPledgeItem) item = g_list_model_get_item (items, i);
      const char *title = cf_pledge_item_get_reward_title (item) ? cf_pledge_item_get_reward_title (item)
                                                                  : _("A reward");
      gint64 quantity = cf_pledge_item_get_quantity (item);
      g_autofree char *count = quantity == 1 ? NULL : cf_format_count (quantity, NULL);
      /* Translators: how many of a reward a pledge holds, as in “2 × The lamp”. */
      g_autofree char *one = count == NULL ? g_strdup (title) : g_strdup_printf (C_("reward quantity", "%s × %s"),
                                                                                 count, title);
      char *longer;

      if (text == NULL)
        longer = g_steal_pointer (&one);
      else if (one_per_line)
        longer = g_strconcat (text, "\n", one, NULL);
      else
        /* Translators: the rewards of one pledge in a line, as in “2 × The lamp, Thank you!”. */
        longer = g_strdup_printf (C_("list of rewards", "%s, %s"), text, one);
      g_free (text);
      text = longer;
    }
  return g_steal_pointer (&text);
}

/* What the backer must do, in a sentence, or NULL. */
char *
cf_format_pledge_action (CfPledge *pledge)
{
  const char * const *actions = cf_pledge_get_actions (pledge);
  GDateTime *lock = cf_pledge_get_address_lock_at (pledge);
  CfFulfillmentStatus delivery = cf_fulfillment_get_status (cf_pledge_get_fulfillment (pledge));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* An address matters only for a reward that ships and has not shipped
   * yet, while it can still be changed. */
  gboolean address_moot = cf_pledge_get_shipping_country (pledge) == NULL || cf_pledge_get_received (pledge) ||
                          delivery == CF_FULFILLMENT_STATUS_SHIPPED || delivery == CF_FULFILLMENT_STATUS_DELIVERED ||
                          (lock != NULL && g_date_time_compare (lock, now) <= 0);

  if (actions == NULL)
    return NULL;
  if (g_strv_contains (actions, "fix_payment"))
    return g_strdup (_("The payment failed. Update how you pay on the platform to keep your pledge."));
  if (g_strv_contains (actions, "update_payment"))
    return g_strdup (_("The card it is paid with expires before the next charge. Update how you pay on the platform."));
  if (g_strv_contains (actions, "check_delivery"))
    return g_strdup (_("The reward was due by now and has not shipped. The campaign’s updates may say why."));
  if (address_moot)
    return NULL;
  if (g_strv_contains (actions, "confirm_address") && lock != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (lock);
      g_autofree char *date = cf_format_date (local, C_("lock date", "%-d %B %Y"));

      /* Translators: %s is a date, as in “3 December 2026”. */
      return g_strdup_printf (_("Confirm your shipping address before %s."), date);
    }
  if (g_strv_contains (actions, "confirm_address"))
    return g_strdup (_("Confirm your shipping address."));
  return NULL;
}

/* When something happened, for a list that updates as it goes: “just now”,
 * “2 minutes ago”, “3 hours ago”, then the date. Times are real times in µs. */
char *
cf_format_time_ago (gint64 then,
                    gint64 now)
{
  gint64 seconds = MAX (now - then, 0) / G_USEC_PER_SEC;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *count = NULL;
  gint64 n;

  if (seconds < 60)
    return g_strdup (_("just now"));

  if (seconds < 60 * 60)
    {
      n = seconds / 60;
      count = cf_format_count (n, NULL);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s minute ago", "%s minutes ago", n), count);
    }

  if (seconds < 24 * 60 * 60)
    {
      n = seconds / (60 * 60);
      count = cf_format_count (n, NULL);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour ago", "%s hours ago", n), count);
    }

  date = g_date_time_new_from_unix_local (then / G_USEC_PER_SEC);
  /* Translators: the day of an older pledge, as in “2 May”; see strftime(3). */
  return cf_format_date (date, C_("pledge date", "%-d %B"));
}

/* The smallest round step — 1, 2, 2.5 or 5 times a power of ten — of at
 * least @at_least: a chart's axis then falls on amounts read at a glance
 * (€20,000, not €18,494.30). */
gint64
cf_format_round_step (gint64 at_least)
{
  static const gint64 tenths[] = { 20, 25, 50, 100 };
  gint64 power = 1;

  if (at_least <= 1)
    return 1;
  while (power <= G_MAXINT64 / 100 && power * 10 < at_least)
    power *= 10;
  for (guint i = 0; i < G_N_ELEMENTS (tenths); i++)
    {
      /* 2.5 of a unit is not a whole number of minor units. */
      if (tenths[i] % 10 != 0 && power < 10)
        continue;
      if (power * tenths[i] / 10 >= at_least)
        return power * tenths[i] / 10;
    }
  return at_least;
}

/* When something kept from an earlier answer was read, in local time, as
 * in “1 December 2026, 09:30”. */
char *
cf_format_as_of (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* Translators: when something shown was last read, as in “3 December 2026, 14:05”; see strftime(3). */
  return cf_format_date (local, C_("as of", "%-d %B %Y, %H:%M"));
}
