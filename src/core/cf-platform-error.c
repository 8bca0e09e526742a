/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-platform-error"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-platform-error.h"

G_DEFINE_QUARK (cf-platform-error-quark, cf_platform_error)

static const struct
{
  const char *api_code;
  CfPlatformError code;
} api_codes[] = {
  { "reward_sold_out", CF_PLATFORM_ERROR_SOLD_OUT },
  { "below_minimum", CF_PLATFORM_ERROR_BELOW_MINIMUM },
  { "campaign_not_live", CF_PLATFORM_ERROR_NOT_LIVE },
  { "already_backed", CF_PLATFORM_ERROR_ALREADY_BACKED },
  { "no_shipping_to_country", CF_PLATFORM_ERROR_NO_SHIPPING },
  { "currency_mismatch", CF_PLATFORM_ERROR_CURRENCY_MISMATCH },
  { "rate_limited", CF_PLATFORM_ERROR_RATE_LIMITED },
  { "invalid_grant", CF_PLATFORM_ERROR_INVALID_CREDENTIALS },
};

/* The platform's error code when it is one we know, else the HTTP status. */
CfPlatformError
cf_platform_error_from_api (guint       http_status,
                            const char *api_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (api_codes); i++)
    if (g_strcmp0 (api_code, api_codes[i].api_code) == 0)
      return api_codes[i].code;

  switch (http_status)
    {
    case 400: return CF_PLATFORM_ERROR_INVALID_REQUEST;
    case 401: return CF_PLATFORM_ERROR_UNAUTHORIZED;
    case 403: return CF_PLATFORM_ERROR_FORBIDDEN;
    case 404: return CF_PLATFORM_ERROR_NOT_FOUND;
    case 409: return CF_PLATFORM_ERROR_CONFLICT;
    case 422: return CF_PLATFORM_ERROR_REFUSED;
    case 429: return CF_PLATFORM_ERROR_RATE_LIMITED;
    default:
      return http_status >= 500 ? CF_PLATFORM_ERROR_SERVER : CF_PLATFORM_ERROR_FAILED;
    }
}

const char *
cf_platform_error_describe (CfPlatformError code)
{
  switch (code)
    {
    case CF_PLATFORM_ERROR_NETWORK:
      return _("The platform cannot be reached. Check your connection and try again.");
    case CF_PLATFORM_ERROR_TIMED_OUT:
      return _("The platform took too long to answer. Try again in a moment.");
    case CF_PLATFORM_ERROR_SERVER:
      return _("The platform ran into a problem. Try again in a moment.");
    case CF_PLATFORM_ERROR_INVALID_RESPONSE:
      return _("The platform sent an answer Crowdfund does not understand.");
    case CF_PLATFORM_ERROR_INVALID_REQUEST:
      return _("The platform did not accept the request.");
    case CF_PLATFORM_ERROR_UNAUTHORIZED:
      return _("Your session has ended. Sign in again to continue.");
    case CF_PLATFORM_ERROR_INVALID_CREDENTIALS:
      return _("The username or password is not right.");
    case CF_PLATFORM_ERROR_FORBIDDEN:
      return _("Only the campaign’s creator can do that.");
    case CF_PLATFORM_ERROR_NOT_FOUND:
      return _("This is no longer on the platform.");
    case CF_PLATFORM_ERROR_CONFLICT:
      return _("This changed on the platform meanwhile. Refresh and try again.");
    case CF_PLATFORM_ERROR_REFUSED:
      return _("The platform refused this change.");
    case CF_PLATFORM_ERROR_RATE_LIMITED:
      return _("The platform is busy. Try again in a moment.");
    case CF_PLATFORM_ERROR_SOLD_OUT:
      return _("This reward has just sold out. Choose another reward.");
    case CF_PLATFORM_ERROR_BELOW_MINIMUM:
      return _("The amount is below this reward’s minimum.");
    case CF_PLATFORM_ERROR_NOT_LIVE:
      return _("This campaign is not taking pledges.");
    case CF_PLATFORM_ERROR_ALREADY_BACKED:
      return _("You have already backed this campaign. Change your pledge instead.");
    case CF_PLATFORM_ERROR_NO_SHIPPING:
      return _("This reward does not ship to the chosen country.");
    case CF_PLATFORM_ERROR_CURRENCY_MISMATCH:
      return _("Pledges must be in the campaign’s currency.");
    case CF_PLATFORM_ERROR_NOT_SUPPORTED:
      return _("This platform does not offer that.");
    case CF_PLATFORM_ERROR_BLOCKED:
      return _("The platform refused this app’s request and sent a page meant for web browsers. Open it in your browser instead.");
    case CF_PLATFORM_ERROR_INVALID_API_KEY:
      return _("The username or API key is not right. Copy the key again from your account’s settings on the platform’s website.");
    case CF_PLATFORM_ERROR_UNSENDABLE_TEXT:
      return _("What you typed holds a line break or another invisible character. Type it again without it.");
    case CF_PLATFORM_ERROR_FAILED:
    default:
      return _("Something went wrong talking to the platform.");
    }
}

GError *
cf_platform_error_new (CfPlatformError code)
{
  return g_error_new_literal (CF_PLATFORM_ERROR, code, cf_platform_error_describe (code));
}

/* The platform said no, as opposed to could not answer. */
gboolean
cf_platform_error_is_refusal (const GError *error)
{
  return error != NULL && error->domain == CF_PLATFORM_ERROR &&
         error->code != CF_PLATFORM_ERROR_NETWORK &&
         error->code != CF_PLATFORM_ERROR_TIMED_OUT &&
         error->code != CF_PLATFORM_ERROR_SERVER &&
         error->code != CF_PLATFORM_ERROR_RATE_LIMITED;
}

/* Whether @error says the platform cannot answer now, rather than that it
 * answered no: what was shown before may be shown still. */
gboolean
cf_platform_error_is_unreachable (const GError *error)
{
  return g_error_matches (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_NETWORK) ||
         g_error_matches (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_TIMED_OUT) ||
         g_error_matches (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_SERVER);
}
