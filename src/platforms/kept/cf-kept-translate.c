/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-kept-translate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-foreign-json.h"
#include "cf-kept-translate.h"
#include "cf-model.h"
#include "cf-money.h"

/* Platforms named as their people name them, from their web address. */
static const struct
{
  const char *host;
  const char *name;
} known_platforms[] = {
  { "kickstarter.com", "Kickstarter" },
  { "indiegogo.com", "Indiegogo" },
  { "kisskissbankbank.com", "KissKissBankBank" },
  { "gamefound.com", "Gamefound" },
  { "backerkit.com", "BackerKit" },
  { "crowdsupply.com", "Crowd Supply" },
  { "makuake.com", "Makuake" },
  { "campfire.co.jp", "CAMPFIRE" },
  { "patreon.com", "Patreon" },
  { "startnext.com", "Startnext" },
};

static gboolean
host_is (const char *host,
         const char *domain)
{
  gsize host_length = strlen (host);
  gsize domain_length = strlen (domain);

  return g_ascii_strcasecmp (host, domain) == 0 ||
         (host_length > domain_length && host[host_length - domain_length - 1] == '.' &&
          g_ascii_strcasecmp (host + host_length - domain_length, domain) == 0);
}

/* The platform a campaign's page is on, from its address: “Kickstarter”
 * for www.kickstarter.com, its host otherwise. */
char *
cf_kept_dup_platform_name (const char *address)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  if (host == NULL)
    return g_strdup (address);
  for (guint i = 0; i < G_N_ELEMENTS (known_platforms); i++)
    if (host_is (host, known_platforms[i].host))
      return g_strdup (known_platforms[i].name);
  return g_strdup (g_str_has_prefix (host, "www.") ? host + 4 : host);
}

/* A title to start from, from the last part of a campaign's address:
 * “Hell Let Loose” for …/projects/blackmatter/hell-let-loose. */
char *
cf_kept_dup_title_from_address (const char *address)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) parts = g_strsplit (uri ? g_uri_get_path (uri) : "", "/", -1);
  const char *slug = NULL;
  GString *title = g_string_new (NULL);
  gboolean word_start = TRUE;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      slug = parts[i];
  if (slug == NULL)
    {
      g_string_free (title, TRUE);
      return cf_kept_dup_platform_name (address);
    }
  for (const char *at = slug; *at != '\0'; at = g_utf8_next_char (at))
    {
      gunichar c = g_utf8_get_char (at);

      if (c == '-' || c == '_')
        {
          g_string_append_c (title, ' ');
          word_start = TRUE;
          continue;
        }
      g_string_append_unichar (title, word_start ? g_unichar_totitle (c) : c);
      word_start = FALSE;
    }
  return g_string_free (title, FALSE);
}

static JsonObject *
latest_figures (JsonObject *campaign)
{
  JsonArray *figures = cf_foreign_json_array (campaign, "figures");
  guint n = figures ? json_array_get_length (figures) : 0;

  return n > 0 ? json_array_get_object_element (figures, n - 1) : NULL;
}

static void
build_member (JsonBuilder *builder,
              const char  *name,
              JsonObject  *object,
              const char  *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, json_node_copy (node));
  else
    json_builder_add_null_value (builder);
}

static const char *
dup_string (JsonObject *object,
            const char *member)
{
  return object ? json_object_get_string_member_with_default (object, member, NULL) : NULL;
}

/* What the campaign's card says under its title. */
static char *
dup_blurb (JsonObject *campaign,
           const char *platform,
           const char *problem)
{
  if (problem != NULL)
    return g_strdup (problem);
  if (json_object_get_boolean_member_with_default (campaign, "live_figures", FALSE))
    /* Translators: %s is a platform, as in “Kickstarter”. */
    return g_strdup_printf (_("Figures from %s’s public page, read every few minutes"), platform);
  /* Translators: %s is a platform, as in “Kickstarter”. */
  return g_strdup_printf (_("Followed by its address on %s"), platform);
}

/* The smallest stretch goal not reached yet, once the goal is. */
static void
build_next_goal (JsonBuilder *builder,
                 JsonObject  *campaign,
                 JsonObject  *figures)
{
  JsonArray *goals = cf_foreign_json_array (campaign, "stretch_goals");
  CfMoney pledged;
  CfMoney goal;
  CfMoney next = { 0 };

  if (goals == NULL || figures == NULL ||
      !cf_money_from_json (json_object_get_member (figures, "pledged"), &pledged, NULL))
    return;
  if (cf_money_from_json (json_object_get_member (campaign, "goal"), &goal, NULL) && goal.amount > pledged.amount)
    return;
  for (guint i = 0; i < json_array_get_length (goals); i++)
    {
      CfMoney stretch;

      if (cf_money_from_json (json_array_get_element (goals, i), &stretch, NULL) &&
          g_str_equal (stretch.currency, pledged.currency) && stretch.amount > pledged.amount &&
          (next.amount == 0 || stretch.amount < next.amount))
        next = stretch;
    }
  if (next.amount == 0)
    return;
  json_builder_set_member_name (builder, "next_goal");
  cf_money_build_json (&next, builder);
}

/* A followed campaign as a Campaign; @problem says why its figures are no
 * longer read, or is NULL. */
JsonNode *
cf_kept_translate_campaign (JsonObject *campaign,
                            const char *problem)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *id = dup_string (campaign, "id");
  const char *address = dup_string (campaign, "address");
  g_autofree char *platform = cf_kept_dup_platform_name (address ? address : "");
  g_autofree char *blurb = dup_blurb (campaign, platform, problem);
  JsonObject *figures = latest_figures (campaign);
  const char *currency = dup_string (campaign, "currency");

  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", id);
  cf_model_build_string (builder, "slug", id);
  cf_model_build_string (builder, "title", dup_string (campaign, "title"));
  cf_model_build_string (builder, "blurb", blurb);
  json_builder_set_member_name (builder, "creator");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", platform);
  cf_model_build_string (builder, "name", platform);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "country", NULL);
  cf_model_build_string (builder, "city", NULL);
  json_builder_end_object (builder);
  cf_model_build_string (builder, "image_url", NULL);
  cf_model_build_string (builder, "url", address);
  cf_model_build_string (builder, "platform_name", platform);
  cf_model_build_string (builder, "state", dup_string (figures, "state") ? dup_string (figures, "state") : "live");
  build_member (builder, "goal", campaign, "goal");
  build_member (builder, "deadline", campaign, "deadline");
  if (figures != NULL && json_object_has_member (figures, "pledged"))
    {
      build_member (builder, "pledged", figures, "pledged");
      build_member (builder, "backers_count", figures, "backers_count");
    }
  else
    {
      CfMoney none = { 0 };

      g_strlcpy (none.currency, currency ? currency : "XXX", sizeof none.currency);
      json_builder_set_member_name (builder, "pledged");
      cf_money_build_json (&none, builder);
      json_builder_set_member_name (builder, "backers_count");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "figures_unknown");
      json_builder_add_boolean_value (builder, TRUE);
    }
  build_next_goal (builder, campaign, figures);
  cf_model_build_string (builder, "launched_at", NULL);
  json_builder_set_member_name (builder, "rewards_count");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "following");
  json_builder_add_boolean_value (builder, json_object_get_boolean_member_with_default (campaign, "followed", FALSE));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The figures read since the campaign was followed, as its Stats. */
JsonNode *
cf_kept_translate_stats (JsonObject *campaign)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonArray *figures = cf_foreign_json_array (campaign, "figures");
  g_autoptr(JsonNode) as_campaign = cf_kept_translate_campaign (campaign, NULL);
  JsonObject *totals = json_node_get_object (as_campaign);

  json_builder_begin_object (builder);
  build_member (builder, "pledged", totals, "pledged");
  build_member (builder, "backers_count", totals, "backers_count");
  json_builder_set_member_name (builder, "funding");
  json_builder_begin_array (builder);
  for (guint i = 0; figures != NULL && i < json_array_get_length (figures); i++)
    {
      JsonObject *point = json_array_get_object_element (figures, i);

      json_builder_begin_object (builder);
      build_member (builder, "at", point, "at");
      build_member (builder, "pledged", point, "pledged");
      build_member (builder, "backers_count", point, "backers_count");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rewards");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Whether @month ("YYYY-MM") has passed at @now. */
static gboolean
month_passed (const char *month,
              GDateTime  *now)
{
  g_autofree char *this_month = g_date_time_format (now, "%Y-%m");

  return month != NULL && strlen (month) == 7 && g_strcmp0 (month, this_month) < 0;
}

static const char *
fulfillment_status (JsonObject *delivery,
                    gboolean    overdue)
{
  if (dup_string (delivery, "received_at") != NULL)
    return "delivered";
  if (dup_string (delivery, "shipped_at") != NULL)
    return "shipped";
  if (overdue)
    return "delayed";
  if (dup_string (delivery, "survey_answered_at") != NULL)
    return "in_progress";
  return "not_started";
}

/* A pledge kept by hand as a Pledge, on @campaign (its entry in the book),
 * with the pages its platform has for it. */
JsonNode *
cf_kept_translate_pledge (JsonObject        *pledge,
                          JsonObject        *campaign,
                          const CfKeptLinks *links,
                          GDateTime         *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *delivery = cf_foreign_json_object (pledge, "delivery");
  const char *reward = dup_string (pledge, "reward");
  const char *note = dup_string (pledge, "note");
  gboolean refunded = dup_string (delivery, "refunded_at") != NULL;
  gboolean overdue = !refunded && dup_string (delivery, "shipped_at") == NULL &&
                     dup_string (delivery, "received_at") == NULL &&
                     month_passed (dup_string (pledge, "estimated_delivery"), now);
  CfMoney zero = { 0 };
  CfMoney amount;

  if (!cf_money_from_json (json_object_get_member (pledge, "amount"), &amount, NULL))
    return NULL;
  zero = (CfMoney) { 0 };
  memcpy (zero.currency, amount.currency, sizeof zero.currency);

  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", dup_string (pledge, "id"));
  json_builder_set_member_name (builder, "campaign");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", dup_string (campaign, "id"));
  cf_model_build_string (builder, "slug", dup_string (campaign, "id"));
  cf_model_build_string (builder, "title", dup_string (campaign, "title"));
  cf_model_build_string (builder, "state", "successful");
  cf_model_build_string (builder, "image_url", NULL);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "reward");
  if (reward != NULL)
    {
      json_builder_begin_object (builder);
      cf_model_build_string (builder, "id", dup_string (pledge, "id"));
      cf_model_build_string (builder, "title", reward);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "amount");
  cf_money_build_json (&amount, builder);
  json_builder_set_member_name (builder, "bonus");
  cf_money_build_json (&zero, builder);
  json_builder_set_member_name (builder, "shipping");
  cf_money_build_json (&zero, builder);
  cf_model_build_string (builder, "shipping_country", NULL);
  cf_model_build_string (builder, "status", refunded ? "refunded" : "collected");
  cf_model_build_string (builder, "status_detail", note);
  cf_model_build_string (builder, "url", links->backing_url ? links->backing_url : dup_string (campaign, "address"));
  cf_model_build_string (builder, "updates_url", links->updates_url);
  json_builder_set_member_name (builder, "sequence");
  json_builder_add_int_value (builder, json_object_get_int_member_with_default (pledge, "backer_number", 0));
  build_member (builder, "pledged_at", pledge, "pledged_at");
  cf_model_build_string (builder, "address_lock_at", NULL);
  json_builder_set_member_name (builder, "fulfillment");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "status", fulfillment_status (delivery, overdue));
  cf_model_build_string (builder, "tracking_number", dup_string (delivery, "tracking_number"));
  cf_model_build_string (builder, "carrier", dup_string (delivery, "carrier"));
  cf_model_build_string (builder, "tracking_url", dup_string (delivery, "tracking_url"));
  cf_model_build_string (builder, "shipped_at", dup_string (delivery, "shipped_at"));
  cf_model_build_string (builder, "estimated_delivery", dup_string (pledge, "estimated_delivery"));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "received");
  json_builder_add_boolean_value (builder, dup_string (delivery, "received_at") != NULL);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  if (overdue)
    json_builder_add_string_value (builder, "check_delivery");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "kept_by_hand");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
