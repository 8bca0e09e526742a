/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-campaign.h"
#include "cf-json-limits.h"
#include "cf-page.h"
#include "cf-pledge.h"
#include "cf-stats.h"
#include "fuzz-target.h"

/* An answer of the platform, read the way CfRestPlatform reads it, as each
 * kind of model in turn. */

static void
read_as (GType     type,
         JsonNode *root)
{
  g_autoptr(GObject) model = cf_model_new_from_json (type, root, NULL);
  g_autoptr(CfPage) page = cf_page_new_from_json (type, root, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!cf_json_check_limits ((const char *) data, size, 8 * 1024 * 1024, NULL) ||
      !json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;

  root = json_parser_get_root (parser);
  read_as (CF_TYPE_CAMPAIGN, root);
  read_as (CF_TYPE_PLEDGE, root);
  read_as (CF_TYPE_STATS, root);
  return 0;
}
