/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-json-limits"

#include "config.h"

#include "cf-json-limits.h"

G_DEFINE_QUARK (cf-json-limits-error-quark, cf_json_limits_error)

/* One pass over the text, counting brackets outside strings: cheap enough
 * to run on every answer and message before json-glib sees it. Whether the
 * text is valid JSON is the parser's business, not this. */
gboolean
cf_json_check_limits (const char  *data,
                      gsize        length,
                      gsize        max_bytes,
                      GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  if (length > max_bytes)
    {
      g_set_error (error, CF_JSON_LIMITS_ERROR, CF_JSON_LIMITS_ERROR_TOO_LARGE,
                   "%" G_GSIZE_FORMAT " bytes of JSON, more than the %" G_GSIZE_FORMAT " allowed",
                   length, max_bytes);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > CF_JSON_MAX_DEPTH)
        {
          g_set_error (error, CF_JSON_LIMITS_ERROR, CF_JSON_LIMITS_ERROR_TOO_DEEP,
                       "JSON nested deeper than %d levels", CF_JSON_MAX_DEPTH);
          return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}
