/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-json-limits"

#include "config.h"

#include <string.h>

#include "cf-json-limits.h"

G_DEFINE_QUARK (cf-json-limits-error-quark, cf_json_limits_error)

/* What JSON allows outside a string: white space, brackets, separators and
 * the characters of numbers, true, false and null. json-glib reads more
 * (single-quoted strings, comments, identifiers); a check that skipped only
 * double-quoted strings could be led to count brackets inside those as
 * text, and the parser would then recurse through them. Refusing anything
 * else outside strings keeps the count and the parser reading the same
 * text. */
static gboolean
is_json_outside_strings (guchar c)
{
  switch (c)
    {
    case ' ': case '\t': case '\n': case '\r':
    case '[': case ']': case '{': case '}': case ',': case ':':
    case '-': case '+': case '.': case 'e': case 'E':
    case 't': case 'r': case 'u': case 'f': case 'a': case 'l': case 's': case 'n':
      return TRUE;
    default:
      return g_ascii_isdigit (c);
    }
}

/* Whether the digits at @start, @digits of them, make an integer past
 * 64 bits. */
static gboolean
is_beyond_int64 (const char *start,
                 gsize       digits)
{
  static const char largest[] = "9223372036854775807";

  return digits > strlen (largest) || (digits == strlen (largest) && memcmp (start, largest, digits) > 0);
}

/* One pass over the text, counting brackets outside strings: cheap enough
 * to run on every answer and message before json-glib sees it. Whether the
 * text is valid JSON is otherwise the parser's business. When
 * @beyond_int64 is given, it tells whether a positive integer lies past 64
 * bits: json-glib reads one wrapped below zero (2^63 as -2^63, anything
 * larger as -1), which a caller may want to tell "too large" rather than
 * "not positive". */
gboolean
cf_json_scan (const char  *data,
              gsize        length,
              gsize        max_bytes,
              gboolean    *beyond_int64,
              GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  if (beyond_int64 != NULL)
    *beyond_int64 = FALSE;
  if (length > max_bytes)
    {
      g_set_error (error, CF_JSON_LIMITS_ERROR, CF_JSON_LIMITS_ERROR_TOO_LARGE,
                   "%" G_GSIZE_FORMAT " bytes of JSON, more than the %" G_GSIZE_FORMAT " allowed",
                   length, max_bytes);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      guchar c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (!is_json_outside_strings (c))
        {
          g_set_error (error, CF_JSON_LIMITS_ERROR, CF_JSON_LIMITS_ERROR_NOT_JSON,
                       "“%c” (byte %" G_GSIZE_FORMAT ") is not JSON outside a string",
                       g_ascii_isprint (c) ? c : '?', i);
          return FALSE;
        }
      else if ((c == '[' || c == '{') && ++depth > CF_JSON_MAX_DEPTH)
        {
          g_set_error (error, CF_JSON_LIMITS_ERROR, CF_JSON_LIMITS_ERROR_TOO_DEEP,
                       "JSON nested deeper than %d levels", CF_JSON_MAX_DEPTH);
          return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
      else if (g_ascii_isdigit (c) && beyond_int64 != NULL &&
               (i == 0 || strchr ("-+.eE", data[i - 1]) == NULL))
        {
          gsize start = i;

          while (i + 1 < length && g_ascii_isdigit (data[i + 1]))
            i++;
          /* A fraction or an exponent makes it a double, which json-glib keeps. */
          if ((i + 1 == length || strchr (".eE", data[i + 1]) == NULL) &&
              is_beyond_int64 (data + start, i + 1 - start))
            *beyond_int64 = TRUE;
        }
    }

  return TRUE;
}

gboolean
cf_json_check_limits (const char  *data,
                      gsize        length,
                      gsize        max_bytes,
                      GError     **error)
{
  return cf_json_scan (data, length, max_bytes, NULL, error);
}
