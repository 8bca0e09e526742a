/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-ulule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cf-foreign-json.h"
#include "cf-model.h"
#include "cf-money.h"
#include "cf-ulule-translate.h"

/* Ulule gives amounts in whole units of the currency (an int, or in some
 * answers a string), texts per language, and states as flags; our models
 * take minor units, one text and one state. Nothing is made up: what Ulule
 * does not give is left out, or null where our shape has a place for it. */

/* An i18n member's value in @lang, else in the project's @project_lang,
 * else in any language; a plain value is taken as it is. */
static JsonNode *
i18n_node (JsonObject *object,
           const char *member,
           const char *lang,
           const char *project_lang)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *languages[] = { lang, project_lang };
  JsonObject *texts;
  g_autoptr(GList) values = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return node;

  texts = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      JsonNode *value = languages[i] ? json_object_get_member (texts, languages[i]) : NULL;

      if (value != NULL && !JSON_NODE_HOLDS_NULL (value) &&
          !(JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
            *json_node_get_string (value) == '\0'))
        return value;
    }

  values = json_object_get_values (texts);
  for (GList *l = values; l != NULL; l = l->next)
    {
      JsonNode *value = l->data;

      if (JSON_NODE_HOLDS_OBJECT (value) ||
          (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
           *json_node_get_string (value) != '\0'))
        return value;
    }
  return NULL;
}

static const char *
i18n_text (JsonObject *object,
           const char *member,
           const char *lang,
           const char *project_lang)
{
  JsonNode *node = i18n_node (object, member, lang, project_lang);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/* The largest version of an image that Ulule gives. */
static const char *
image_url (JsonObject *image)
{
  static const char * const sizes[] = { "large", "medium", "full", "small" };
  JsonObject *versions = cf_foreign_json_object (image, "versions");

  for (guint i = 0; versions != NULL && i < G_N_ELEMENTS (sizes); i++)
    {
      JsonObject *version = cf_foreign_json_object (versions, sizes[i]);
      const char *url = version ? cf_model_json_string (version, "url") : NULL;

      if (url != NULL)
        return url;
    }
  return image ? cf_model_json_string (image, "url") : NULL;
}

/* The project's main picture, in the person's language if it has one. */
static const char *
main_image_url (JsonObject *project,
                const char *lang,
                const char *project_lang)
{
  JsonNode *image = i18n_node (project, "main_image", lang, project_lang);

  return image && JSON_NODE_HOLDS_OBJECT (image) ? image_url (json_node_get_object (image)) : NULL;
}

static GDateTime *
parse_time (JsonObject *object,
            const char *member)
{
  const char *text = cf_model_json_string (object, member);

  return text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

/* Ulule says a campaign is cancelled, finished, reached its goal, or when
 * it starts; ours is one state. */
static const char *
project_state (JsonObject *project,
               gboolean    reached)
{
  g_autoptr(GDateTime) start = parse_time (project, "date_start");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (cf_foreign_json_boolean (project, "is_cancelled"))
    return "canceled";
  if (cf_foreign_json_boolean (project, "finished"))
    return reached ? "successful" : "failed";
  if (start == NULL || g_date_time_compare (start, now) > 0)
    return "upcoming";
  return "live";
}

/* What a project's figure counts, read as Ulule's own stats widget reads
 * it: `committed` is money when it is the amount raised, and otherwise a
 * count; a pre-sale's goal is in pre-orders whatever its figures (at
 * launch both are 0), and a project of the other type whose `committed`
 * is not money is a membership page, which counts members. */
static const char *
goal_unit (gboolean presale,
           gboolean has_committed,
           double   committed,
           double   raised)
{
  if (presale)
    return "pre_orders";
  if (has_committed && committed != raised)
    return "members";
  return "money";
}

/* {"unit", "goal", "count", "next_goal"} of a goal that counts. */
static void
add_counted (JsonBuilder *builder,
             const char  *unit,
             gint64       goal,
             double       count,
             double       next_goal)
{
  json_builder_set_member_name (builder, "counted");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "unit", unit);
  cf_foreign_json_build_int (builder, "goal", goal);
  cf_foreign_json_build_int (builder, "count", (gint64) count);
  json_builder_set_member_name (builder, "next_goal");
  if (next_goal > count)
    json_builder_add_int_value (builder, (gint64) next_goal);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static gboolean
build_project (JsonBuilder *builder,
               JsonObject  *project,
               const char  *lang)
{
  const char *project_lang = cf_model_json_string (project, "lang");
  const char *currency = cf_model_json_string (project, "currency");
  const char *type = cf_model_json_string (project, "type");
  const char *title = i18n_text (project, "name", lang, project_lang);
  const char *subtitle = i18n_text (project, "subtitle", lang, project_lang);
  const char *description = i18n_text (project, "description", lang, project_lang);
  JsonObject *owner = cf_foreign_json_object (project, "owner");
  JsonObject *tag = cf_foreign_json_object (project, "main_tag");
  JsonObject *location = cf_foreign_json_object (project, "location");
  JsonArray *rewards = cf_foreign_json_array (project, "rewards");
  gboolean presale = g_strcmp0 (type, "presale") == 0;
  gint64 goal = 0, sold = 0, supporters = 0, news_count;
  double raised = 0, committed = 0;
  gboolean has_committed, reached;
  const char *unit;

  if (!cf_foreign_json_has_id (project) || cf_model_json_string (project, "slug") == NULL || currency == NULL ||
      !cf_currency_is_code (currency) || title == NULL ||
      cf_model_json_string (project, "date_end") == NULL || !cf_foreign_json_has_id (owner) ||
      !cf_model_json_int (project, "goal", &goal) || goal < 0)
    return FALSE;

  cf_foreign_json_units (json_object_get_member (project, "amount_raised"), &raised);
  cf_model_json_int (project, "nb_products_sold", &sold);
  cf_model_json_int (project, "supporters_count", &supporters);
  /* A search's projects have no `committed`: a pre-sale's products sold
   * stand for it there. */
  has_committed = cf_foreign_json_units (json_object_get_member (project, "committed"), &committed);
  if (!has_committed && presale)
    committed = sold;
  unit = goal_unit (presale, has_committed || presale, committed, raised);
  reached = json_object_has_member (project, "goal_raised") ? cf_foreign_json_boolean (project, "goal_raised")
            : g_str_equal (unit, "money") ? raised >= goal : committed >= goal;

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", project, "id");
  cf_foreign_json_build_copy (builder, "slug", project, "slug");
  cf_model_build_string (builder, "title", title);
  cf_model_build_string (builder, "blurb", subtitle ? subtitle : "");
  if (description != NULL)
    cf_foreign_json_build_text (builder, "description", description);

  json_builder_set_member_name (builder, "creator");
  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", owner, "id");
  cf_model_build_string (builder, "name", cf_model_json_string (owner, "name") ? cf_model_json_string (owner, "name")
                                                                      : cf_model_json_string (owner, "username"));
  json_builder_end_object (builder);

  if (cf_foreign_json_has_id (tag))
    {
      json_builder_set_member_name (builder, "category");
      json_builder_begin_object (builder);
      cf_foreign_json_build_copy (builder, "id", tag, "id");
      cf_foreign_json_build_copy (builder, "slug", tag, "slug");
      cf_model_build_string (builder, "name", i18n_text (tag, "name", lang, project_lang));
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "country", cf_model_json_string (location ? location : project, "country"));
  cf_model_build_string (builder, "city", location ? cf_model_json_string (location, "city") : NULL);
  json_builder_end_object (builder);

  cf_model_build_string (builder, "image_url", main_image_url (project, lang, project_lang));
  cf_model_build_string (builder, "url", cf_model_json_string (project, "absolute_url"));
  cf_model_build_string (builder, "state", project_state (project, reached));
  /* A goal in pre-orders or members has no money goal. */
  if (!cf_foreign_json_build_money (builder, "goal", g_str_equal (unit, "money") ? goal : 0, currency) ||
      !cf_foreign_json_build_money (builder, "pledged", raised, currency))
    return FALSE;
  cf_foreign_json_build_int (builder, "backers_count", supporters);
  cf_foreign_json_build_copy (builder, "launched_at", project, "date_start");
  cf_foreign_json_build_copy (builder, "deadline", project, "date_end");
  if (rewards != NULL)
    cf_foreign_json_build_int (builder, "rewards_count", json_array_get_length (rewards));
  if (cf_model_json_int (project, "news_count", &news_count))
    cf_foreign_json_build_int (builder, "updates_count", news_count);
  if (!g_str_equal (unit, "money"))
    add_counted (builder, unit, goal, committed, -1);
  if (json_object_has_member (project, "user_role"))
    {
      json_builder_set_member_name (builder, "following");
      json_builder_add_boolean_value (builder, g_strcmp0 (cf_model_json_string (project, "user_role"), "fan") == 0);
    }
  json_builder_end_object (builder);
  return TRUE;
}

static JsonNode *
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Ulule answered %s not as documented", what);
  return NULL;
}

JsonNode *
cf_ulule_translate_project (JsonNode    *root,
                            const char  *lang,
                            JsonNode    *context,
                            GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) || !build_project (builder, json_node_get_object (root), lang))
    return invalid (error, "a project");
  return json_builder_get_root (builder);
}

/* A page of Ulule's list @member of @root, and its `meta.next`. */
static JsonNode *
build_page (JsonNode           *root,
            const char         *member,
            CfForeignBuildFunc  build,
            gconstpointer       data,
            GError            **error)
{
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *items = cf_foreign_json_array (object, member);
  JsonObject *meta = cf_foreign_json_object (object, "meta");
  g_autofree char *next = meta ? cf_ulule_next_query (cf_model_json_string (meta, "next")) : NULL;

  if (items == NULL)
    return invalid (error, member);
  return cf_foreign_json_build_page (items, next, build, data);
}

static gboolean
build_project_item (JsonBuilder   *builder,
                    JsonObject    *item,
                    gconstpointer  lang)
{
  return build_project (builder, item, lang);
}

JsonNode *
cf_ulule_translate_projects (JsonNode    *root,
                             const char  *lang,
                             JsonNode    *context,
                             GError     **error)
{
  return build_page (root, "projects", build_project_item, lang, error);
}

typedef struct
{
  const char *lang;
  const char *project_lang;
  const char *currency;
  const char *country;
} RewardContext;

/* Ulule's delivery settings as our shipping: none, the project's country
 * alone, some countries, or everywhere. */
static gboolean
build_shipping (JsonBuilder         *builder,
                JsonObject          *delivery,
                const RewardContext *context)
{
  const char *type = delivery ? cf_model_json_string (delivery, "shipping_type") : NULL;
  JsonArray *shippings = cf_foreign_json_array (delivery, "shippings");
  gboolean ok = TRUE;

  json_builder_set_member_name (builder, "shipping");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "type", type == NULL || g_str_equal (type, "none") ? "none"
                                          : g_str_equal (type, "worldwide") ? "anywhere" : "some_countries");
  json_builder_set_member_name (builder, "rates");
  json_builder_begin_array (builder);
  if (type != NULL && !g_str_equal (type, "none") && context->country != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "countries");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, context->country);
      json_builder_end_array (builder);
      ok &= cf_foreign_json_build_member_money (builder, "cost", delivery, "shipping_nat", context->currency);
      json_builder_end_object (builder);
    }
  for (guint i = 0; shippings != NULL && i < json_array_get_length (shippings); i++)
    {
      JsonNode *node = json_array_get_element (shippings, i);
      JsonObject *shipping = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (shipping == NULL || cf_foreign_json_array (shipping, "countries") == NULL)
        return FALSE;
      json_builder_begin_object (builder);
      cf_foreign_json_build_copy (builder, "countries", shipping, "countries");
      ok &= cf_foreign_json_build_member_money (builder, "cost", shipping, "amount", context->currency);
      json_builder_end_object (builder);
    }
  if (type != NULL && g_str_equal (type, "worldwide"))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "countries");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "*");
      json_builder_end_array (builder);
      ok &= cf_foreign_json_build_member_money (builder, "cost", delivery, "shipping_int", context->currency);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return ok;
}

static gboolean
build_reward (JsonBuilder   *builder,
              JsonObject    *reward,
              gconstpointer  data)
{
  const RewardContext *context = data;
  const char *title = i18n_text (reward, "title", context->lang, context->project_lang);
  const char *description = i18n_text (reward, "description", context->lang, context->project_lang);
  JsonObject *delivery = cf_foreign_json_object (reward, "delivery");
  const char *month = delivery ? cf_model_json_string (delivery, "date_delivery") : NULL;
  gint64 taken = 0;

  if (!cf_foreign_json_has_id (reward) || title == NULL)
    return FALSE;
  cf_model_json_int (reward, "stock_taken", &taken);

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", reward, "id");
  cf_model_build_string (builder, "title", title);
  cf_foreign_json_build_text (builder, "description", description ? description : "");
  if (!cf_foreign_json_build_member_money (builder, "minimum", reward, "price", context->currency))
    return FALSE;
  cf_foreign_json_build_copy (builder, "limit", reward, "stock");
  cf_foreign_json_build_copy (builder, "remaining", reward, "stock_available");
  /* Ulule counts the rewards taken, not who took them. */
  cf_foreign_json_build_int (builder, "taken", taken);
  /* The docs give YYYY-MM since 2020-01-27. */
  cf_model_build_string (builder, "estimated_delivery", month && strlen (month) == 7 ? month : NULL);
  json_builder_set_member_name (builder, "available");
  json_builder_add_boolean_value (builder, cf_foreign_json_boolean (reward, "available") &&
                                           !cf_foreign_json_boolean (reward, "is_hidden"));
  if (!build_shipping (builder, delivery, context))
    return FALSE;
  json_builder_end_object (builder);
  return TRUE;
}

JsonNode *
cf_ulule_translate_rewards (JsonNode    *root,
                            const char  *lang,
                            JsonNode    *context,
                            GError     **error)
{
  JsonObject *project = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *location = cf_foreign_json_object (project, "location");
  RewardContext reward = {
    .lang = lang,
    .project_lang = project ? cf_model_json_string (project, "lang") : NULL,
    .currency = project ? cf_model_json_string (project, "currency") : NULL,
  };

  if (project != NULL)
    reward.country = cf_model_json_string (location ? location : project, "country");
  if (reward.currency == NULL || !cf_currency_is_code (reward.currency))
    return invalid (error, "a project's rewards");
  return build_page (root, "rewards", build_reward, &reward, error);
}

typedef struct
{
  const char *lang;
  guint number;
} NewsContext;

static gboolean
build_news (JsonBuilder   *builder,
            JsonObject    *news,
            gconstpointer  data)
{
  NewsContext *context = (NewsContext *) data;
  const char *title = i18n_text (news, "title", context->lang, NULL);
  const char *content = i18n_text (news, "content", context->lang, NULL);

  if (!cf_foreign_json_has_id (news) || title == NULL || cf_model_json_string (news, "date_publication") == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", news, "id");
  /* Ulule does not number news: newest first, they are counted down from the page. */
  cf_foreign_json_build_int (builder, "number", context->number--);
  cf_model_build_string (builder, "title", title);
  if (content != NULL)
    cf_foreign_json_build_text (builder, "body", content);
  else
    cf_model_build_string (builder, "body", NULL);
  cf_foreign_json_build_copy (builder, "published_at", news, "date_publication");
  json_builder_set_member_name (builder, "backers_only");
  json_builder_add_boolean_value (builder, cf_foreign_json_boolean (news, "reserved"));
  json_builder_end_object (builder);
  return TRUE;
}

JsonNode *
cf_ulule_translate_news (JsonNode    *root,
                         const char  *lang,
                         JsonNode    *context,
                         GError     **error)
{
  JsonObject *object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *news = cf_foreign_json_array (object, "news");
  NewsContext numbering = { lang, news ? json_array_get_length (news) : 0 };

  return build_page (root, "news", build_news, &numbering, error);
}

static gboolean
build_category (JsonBuilder   *builder,
                JsonObject    *tag,
                gconstpointer  lang)
{
  const char *name = i18n_text (tag, "name", lang, NULL);

  if (!cf_foreign_json_has_id (tag) || name == NULL || cf_model_json_string (tag, "slug") == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", tag, "id");
  cf_foreign_json_build_copy (builder, "slug", tag, "slug");
  cf_model_build_string (builder, "name", name);
  json_builder_end_object (builder);
  return TRUE;
}

JsonNode *
cf_ulule_translate_categories (JsonNode    *root,
                               const char  *lang,
                               JsonNode    *context,
                               GError     **error)
{
  return build_page (root, "categories", build_category, lang, error);
}

JsonNode *
cf_ulule_translate_user (JsonNode    *root,
                         const char  *lang,
                         JsonNode    *context,
                         GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *user = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  const char *username = user ? cf_model_json_string (user, "username") : NULL;
  const char *name = user ? cf_model_json_string (user, "name") : NULL;

  if (!cf_foreign_json_has_id (user) || username == NULL)
    return invalid (error, "a user");

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", user, "id");
  cf_model_build_string (builder, "username", username);
  cf_model_build_string (builder, "name", name && *name ? name : username);
  cf_model_build_string (builder, "country", cf_model_json_string (user, "country"));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Ulule's order statuses in ours, with what each means in a sentence, as
 * Ulule's documentation explains it; the original stays beside them. */
static const struct
{
  const char *ulule;
  const char *ours;
  const char *detail;
} statuses[] = {
  { "processing", "pledged", N_("Ulule is processing the payment.") },
  { "awaiting-confirmation", "pledged", N_("Ulule is waiting for the payment details.") },
  { "payment-completed", "pledged", N_("Paid to Ulule; it goes to the creator if the campaign succeeds.") },
  { "payment-done", "collected", N_("The campaign succeeded and the payment went to the creator.") },
  { "cancelled", "canceled", N_("Canceled during the campaign.") },
  { "payment-invalid", "errored", N_("The campaign succeeded, but the payment could not go to the creator.") },
  { "payment-reimbursed", "refunded", N_("The campaign did not succeed: the payment was refunded.") },
  { "error", "errored", N_("Ulule met an error with this order.") },
};

static int
find_status (const char *status)
{
  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (status, statuses[i].ulule))
      return i;
  return -1;
}

static char *
dup_address (JsonObject *address)
{
  static const char * const parts[] = { "address1", "address2", "postal_code", "city", "country" };
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; address != NULL && i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = cf_model_json_string (address, parts[i]);

      if (part != NULL && *part != '\0')
        g_strv_builder_add (lines, part);
    }
  joined = g_strv_builder_end (lines);
  return joined[0] != NULL ? g_strjoinv (", ", joined) : NULL;
}

typedef struct
{
  const char *lang;
  JsonObject *project;  /* for orders that do not embed theirs */
} OrderContext;

/* An order holding several rewards, or several of one, lists them:
 * [{"reward": {"id", "title"}, "quantity"}]. */
static gboolean
build_order_items (JsonBuilder *builder,
                   JsonArray   *items,
                   const char  *lang,
                   const char  *project_lang)
{
  guint n = items ? json_array_get_length (items) : 0;
  gint64 quantity = 1;

  if (n == 1 && JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, 0)))
    cf_model_json_int (json_node_get_object (json_array_get_element (items, 0)), "quantity", &quantity);
  if (n == 0 || (n == 1 && quantity == 1))
    return TRUE;

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *reward = cf_foreign_json_object (item, "reward");

      if (item == NULL || !cf_model_json_int (item, "quantity", &quantity) || quantity < 1 ||
          !json_object_has_member (item, "reward_id"))
        return FALSE;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "reward");
      json_builder_begin_object (builder);
      cf_foreign_json_build_copy (builder, "id", item, "reward_id");
      cf_model_build_string (builder, "title", reward ? i18n_text (reward, "title", lang, project_lang) : NULL);
      json_builder_end_object (builder);
      cf_foreign_json_build_int (builder, "quantity", quantity);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
build_order (JsonBuilder   *builder,
             JsonObject    *order,
             gconstpointer  data)
{
  const OrderContext *context = data;
  const char *lang = context->lang;
  JsonObject *project = cf_foreign_json_object (order, "project") ? cf_foreign_json_object (order, "project") : context->project;
  const char *project_lang = project ? cf_model_json_string (project, "lang") : NULL;
  const char *currency = project ? cf_model_json_string (project, "currency") : NULL;
  int status = find_status (cf_model_json_string (order, "status"));
  JsonArray *items = cf_foreign_json_array (order, "items");
  JsonObject *item = items && json_array_get_length (items) > 0 &&
                     JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, 0))
                     ? json_node_get_object (json_array_get_element (items, 0)) : NULL;
  JsonObject *reward = cf_foreign_json_object (item, "reward");
  JsonObject *user = cf_foreign_json_object (order, "user");
  JsonObject *address = cf_foreign_json_object (order, "shipping_address");
  g_autofree char *address_text = dup_address (address);
  double total = 0, shipping = 0, tip = 0;

  if (!cf_foreign_json_has_id (order) || !cf_foreign_json_has_id (project) || status < 0 || currency == NULL ||
      i18n_text (project, "name", lang, project_lang) == NULL ||
      cf_model_json_string (order, "created_at") == NULL || cf_model_json_string (project, "date_end") == NULL ||
      !cf_foreign_json_units (json_object_get_member (order, "order_total"), &total))
    return FALSE;
  cf_foreign_json_units (json_object_get_member (order, "order_shipping_total"), &shipping);
  /* The tip is what the backer gave beyond the rewards and their shipping. */
  cf_foreign_json_units (json_object_get_member (order, "tip"), &tip);

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", order, "id");
  json_builder_set_member_name (builder, "campaign");
  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", project, "id");
  cf_foreign_json_build_copy (builder, "slug", project, "slug");
  cf_model_build_string (builder, "title", i18n_text (project, "name", lang, project_lang));
  cf_model_build_string (builder, "state", project_state (project, cf_foreign_json_boolean (project, "goal_raised")));
  cf_model_build_string (builder, "image_url", main_image_url (project, lang, project_lang));
  cf_foreign_json_build_copy (builder, "deadline", project, "date_end");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reward");
  json_builder_begin_object (builder);
  if (item != NULL)
    {
      cf_foreign_json_build_copy (builder, "id", item, "reward_id");
      cf_model_build_string (builder, "title", reward ? i18n_text (reward, "title", lang, project_lang) : NULL);
    }
  else
    {
      cf_model_build_string (builder, "id", NULL);
      cf_model_build_string (builder, "title", NULL);
    }
  json_builder_end_object (builder);
  if (!build_order_items (builder, items, lang, project_lang))
    return FALSE;

  /* An anonymous order to the creator has no user. */
  json_builder_set_member_name (builder, "backer");
  json_builder_begin_object (builder);
  if (user != NULL)
    cf_foreign_json_build_copy (builder, "id", user, "id");
  else
    cf_model_build_string (builder, "id", NULL);
  cf_model_build_string (builder, "name", user ? cf_model_json_string (user, "name") : NULL);
  json_builder_end_object (builder);

  /* Our amount is the whole pledge, shipping included, as Ulule's total. */
  if (!cf_foreign_json_build_money (builder, "amount", total, currency) || !cf_foreign_json_build_money (builder, "bonus", tip, currency) ||
      !cf_foreign_json_build_money (builder, "shipping", shipping, currency))
    return FALSE;
  cf_model_build_string (builder, "shipping_country", address ? cf_model_json_string (address, "country") : NULL);
  cf_model_build_string (builder, "address", address_text);
  cf_model_build_string (builder, "status", statuses[status].ours);
  cf_foreign_json_build_copy (builder, "platform_status", order, "status");
  cf_model_build_string (builder, "status_detail", _(statuses[status].detail));
  cf_model_build_string (builder, "url", cf_model_json_string (order, "absolute_url"));
  cf_foreign_json_build_int (builder, "sequence", 0);
  cf_foreign_json_build_copy (builder, "pledged_at", order, "created_at");
  cf_model_build_string (builder, "address_lock_at", NULL);
  /* Ulule gives backers no delivery tracking. */
  cf_foreign_json_build_untracked_delivery (builder);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

JsonNode *
cf_ulule_translate_orders (JsonNode    *root,
                           const char  *lang,
                           JsonNode    *context,
                           GError     **error)
{
  OrderContext order = { lang, context && JSON_NODE_HOLDS_OBJECT (context) ? json_node_get_object (context) : NULL };

  return build_page (root, "orders", build_order, &order, error);
}

/* @context: {"currency", "presale"} of the project, which the stats do
 * not give. */
JsonNode *
cf_ulule_translate_stats (JsonNode    *root,
                          const char  *lang,
                          JsonNode    *context,
                          GError     **error)
{
  JsonObject *project = context && JSON_NODE_HOLDS_OBJECT (context) ? json_node_get_object (context) : NULL;
  const char *currency = project ? cf_model_json_string (project, "currency") : NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *stats = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  gint64 supporters = 0, goal = 0;
  double raised, committed = 0, next_goal = -1;
  gboolean has_committed;
  const char *unit;

  if (stats == NULL || currency == NULL || !cf_foreign_json_units (json_object_get_member (stats, "amount_raised"), &raised))
    return invalid (error, "a project's stats");
  cf_model_json_int (stats, "supporters_count", &supporters);
  cf_model_json_int (stats, "goal", &goal);
  has_committed = cf_foreign_json_units (json_object_get_member (stats, "committed"), &committed);
  unit = goal_unit (cf_foreign_json_boolean (project, "presale"), has_committed, committed, raised);
  /* Published in the widget's stats, and absent from many projects; in
   * the unit of `committed`. */
  if (!cf_foreign_json_units (json_object_get_member (stats, "next_stage_goal"), &next_goal) || next_goal <= 0)
    next_goal = -1;

  json_builder_begin_object (builder);
  if (!cf_foreign_json_build_money (builder, "pledged", raised, currency))
    return invalid (error, "a project's stats");
  cf_foreign_json_build_int (builder, "backers_count", supporters);
  json_builder_set_member_name (builder, "funding");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rewards");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  if (!g_str_equal (unit, "money"))
    add_counted (builder, unit, goal, committed, next_goal);
  else if (next_goal > 0)
    cf_foreign_json_build_money (builder, "next_goal", next_goal, currency);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
cf_ulule_next_query (const char *next)
{
  static const char * const kept[] = { "offset", "since", "limit" };
  g_autoptr(GHashTable) params = NULL;
  GString *query;

  if (next == NULL || *next == '\0')
    return NULL;

  params = g_uri_parse_params (next[0] == '?' ? next + 1 : strchr (next, '?') ? strchr (next, '?') + 1 : next,
                               -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return NULL;

  query = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      const char *value = g_hash_table_lookup (params, kept[i]);
      guint64 number;

      if (value != NULL && g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &number, NULL))
        g_string_append_printf (query, "%s%s=%" G_GUINT64_FORMAT, query->len ? "&" : "", kept[i], number);
    }
  return query->len > 0 ? g_string_free (query, FALSE) : (g_string_free (query, TRUE), NULL);
}
