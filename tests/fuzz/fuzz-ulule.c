/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-campaign.h"
#include "cf-category.h"
#include "cf-json-limits.h"
#include "cf-page.h"
#include "cf-pledge.h"
#include "cf-reward.h"
#include "cf-stats.h"
#include "cf-ulule-translate.h"
#include "cf-update.h"
#include "cf-user.h"
#include "fuzz-target.h"

/* An answer of Ulule, translated the way CfUlulePlatform translates it,
 * as every kind of answer in turn, and read by the models. */

static void
read_page (CfUluleTranslateFunc  translate,
           GType                 type,
           JsonNode             *root)
{
  g_autoptr(JsonNode) translated = translate (root, "fr", root, NULL);
  g_autoptr(CfPage) page = translated ? cf_page_new_from_json (type, translated, NULL) : NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonNode) project = NULL;
  g_autoptr(JsonNode) user = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autoptr(JsonNode) currency = json_node_init_string (json_node_alloc (), "JPY");
  g_autoptr(CfCampaign) campaign = NULL;
  g_autoptr(CfUser) person = NULL;
  g_autoptr(CfStats) totals = NULL;
  g_autofree char *next = NULL;
  JsonNode *root;

  if (!cf_json_check_limits ((const char *) data, size, 8 * 1024 * 1024, NULL) ||
      !json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;

  root = json_parser_get_root (parser);
  if (root == NULL)
    return 0;
  project = cf_ulule_translate_project (root, "en", NULL, NULL);
  campaign = project ? cf_model_new_from_json (CF_TYPE_CAMPAIGN, project, NULL) : NULL;
  user = cf_ulule_translate_user (root, NULL, NULL, NULL);
  person = user ? cf_model_new_from_json (CF_TYPE_USER, user, NULL) : NULL;
  stats = cf_ulule_translate_stats (root, NULL, currency, NULL);
  totals = stats ? cf_model_new_from_json (CF_TYPE_STATS, stats, NULL) : NULL;
  read_page (cf_ulule_translate_projects, CF_TYPE_CAMPAIGN, root);
  read_page (cf_ulule_translate_rewards, CF_TYPE_REWARD, root);
  read_page (cf_ulule_translate_news, CF_TYPE_UPDATE, root);
  read_page (cf_ulule_translate_categories, CF_TYPE_CATEGORY, root);
  read_page (cf_ulule_translate_orders, CF_TYPE_PLEDGE, root);
  if (JSON_NODE_HOLDS_VALUE (root) && json_node_get_value_type (root) == G_TYPE_STRING)
    next = cf_ulule_next_query (json_node_get_string (root));
  return 0;
}
