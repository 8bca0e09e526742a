/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-backers-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-format.h"
#include "cf-backers-csv.h"
#include "cf-enum-types.h"
#include "cf-money.h"
#include "cf-pledge.h"

static void
append_field (GString    *csv,
              const char *value,
              gboolean    last)
{
  /* A cell a spreadsheet would run as a formula is kept as text (OWASP's
   * advice on CSV injection): a quote before it, the whole quoted. */
  gboolean formula = value != NULL && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;

  if (value == NULL)
    value = "";

  if (!formula && strpbrk (value, ",\"\r\n") == NULL)
    g_string_append (csv, value);
  else
    {
      g_string_append_c (csv, '"');
      if (formula)
        g_string_append_c (csv, '\'');
      for (const char *c = value; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *c);
        }
      g_string_append_c (csv, '"');
    }
  g_string_append (csv, last ? "\r\n" : ",");
}

static const char *
nick_of (GType type,
         int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found ? found->value_nick : "";
}

/* One line per pledge, under a header, in the columns a creator's
 * spreadsheet or shipping service wants. Amounts are decimal, in the
 * pledge's currency. */
char *
cf_backers_csv_write (GListModel *pledges)
{
  GString *csv = g_string_new (NULL);
  guint n = g_list_model_get_n_items (pledges);

  g_string_append (csv, "pledge_id,backer_number,backer,reward,amount,currency,shipping_country,"
                        "shipping_address,status,fulfillment,carrier,tracking_number,frequency,next_charge\r\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfPledge) pledge = g_list_model_get_item (pledges, i);
      CfFulfillment *fulfillment = cf_pledge_get_fulfillment (pledge);
      g_autofree char *sequence = g_strdup_printf ("%" G_GINT64_FORMAT, cf_pledge_get_sequence (pledge));
      g_autofree char *amount = cf_money_to_decimal (cf_pledge_get_amount (pledge));
      GDateTime *next_charge = cf_pledge_get_next_charge_at (pledge);
      g_autofree char *next = next_charge ? g_date_time_format (next_charge, "%F") : NULL;

      append_field (csv, cf_pledge_get_id (pledge), FALSE);
      append_field (csv, sequence, FALSE);
      append_field (csv, cf_pledge_get_backer_name (pledge), FALSE);
      append_field (csv, cf_pledge_get_reward_title (pledge), FALSE);
      append_field (csv, amount, FALSE);
      append_field (csv, cf_pledge_get_amount (pledge)->currency, FALSE);
      append_field (csv, cf_pledge_get_shipping_country (pledge), FALSE);
      append_field (csv, cf_pledge_get_address (pledge), FALSE);
      append_field (csv, nick_of (CF_TYPE_PLEDGE_STATUS, cf_pledge_get_status (pledge)), FALSE);
      append_field (csv, fulfillment ? nick_of (CF_TYPE_FULFILLMENT_STATUS, cf_fulfillment_get_status (fulfillment)) : "",
                    FALSE);
      append_field (csv, fulfillment ? cf_fulfillment_get_carrier (fulfillment) : NULL, FALSE);
      append_field (csv, fulfillment ? cf_fulfillment_get_tracking_number (fulfillment) : NULL, FALSE);
      /* Monthly and yearly contributions say so, with their next charge. */
      append_field (csv, nick_of (CF_TYPE_PLEDGE_FREQUENCY, cf_pledge_get_frequency (pledge)), FALSE);
      append_field (csv, next, TRUE);
    }

  return g_string_free (csv, FALSE);
}

/* The fields of one line, quotes undone; NULL when a quote is left open. */
static GStrv
split_line (const char *line)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *c = line; *c != '\0'; c++)
    {
      if (quoted && *c == '"' && c[1] == '"')
        g_string_append_c (field, *c++);
      else if (*c == '"')
        quoted = !quoted;
      else if (*c == ',' && !quoted)
        {
          g_strv_builder_add (fields, g_strstrip (field->str));
          g_string_truncate (field, 0);
        }
      else
        g_string_append_c (field, *c);
    }
  if (quoted)
    return NULL;

  g_strv_builder_add (fields, g_strstrip (field->str));
  return g_strv_builder_end (fields);
}

static gboolean
is_id (const char *text)
{
  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, NULL, NULL);
}

/**
 * cf_backers_csv_read_tracking:
 *
 * Reads lines of a pledge id and a tracking number, as a shipping service
 * exports them; a header line and blank lines are skipped. On a bad line,
 * fails saying which, and returns nothing.
 */
gboolean
cf_backers_csv_read_tracking (const char  *text,
                              GPtrArray  **pledge_ids,
                              GPtrArray  **tracking_numbers,
                              GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = split_line (g_strstrip (lines[i]));

      if (fields != NULL && (fields[0] == NULL || (fields[0][0] == '\0' && fields[1] == NULL)))
        continue;

      if (fields == NULL || fields[1] == NULL || !is_id (fields[0]) || fields[1][0] == '\0')
        {
          g_autofree char *line = NULL;

          if (i == 0 && fields != NULL)
            continue;  /* a header */

          line = cf_format_count (i + 1, NULL);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %s is a line number in a file of tracking numbers. */
                       _("Line %s should hold a pledge number and a tracking number, separated by a comma."), line);
          return FALSE;
        }

      g_ptr_array_add (ids, g_strdup (fields[0]));
      g_ptr_array_add (numbers, g_strdup (fields[1]));
    }

  if (ids->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The file holds no tracking numbers."));
      return FALSE;
    }

  *pledge_ids = g_steal_pointer (&ids);
  *tracking_numbers = g_steal_pointer (&numbers);
  return TRUE;
}
