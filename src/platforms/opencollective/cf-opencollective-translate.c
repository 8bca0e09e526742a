/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-opencollective"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-currency.h"
#include "cf-foreign-json.h"
#include "cf-model.h"
#include "cf-opencollective-translate.h"

/* Open Collective's schema (server/graphql/schemaV2.graphql), read as our
 * API's shapes. Every amount comes as an `Amount` whose `valueInCents` is a
 * hundredth of the currency's unit whatever the currency, and may be null. */

static JsonNode *
invalid (GError     **error,
         const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Open Collective answered %s not as its schema says", what);
  return NULL;
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  return object != NULL ? cf_model_json_string (object, member) : NULL;
}

/* An `Amount`'s hundredths and currency: FALSE when it has none. */
static gboolean
read_amount (JsonObject  *object,
             const char  *member,
             double      *cents,
             const char **currency)
{
  JsonObject *amount = cf_foreign_json_object (object, member);

  *currency = string_member (amount, "currency");
  return amount != NULL && *currency != NULL && cf_currency_is_code (*currency) &&
         cf_foreign_json_units (json_object_get_member (amount, "valueInCents"), cents) && *cents >= 0;
}

static gboolean
build_amount (JsonBuilder *builder,
              const char  *name,
              JsonObject  *object,
              const char  *member)
{
  const char *currency;
  double cents;

  return read_amount (object, member, &cents, &currency) &&
         cf_foreign_json_build_cents (builder, name, cents, currency);
}

/* The next page's cursor: its offset, while there are more. */
static char *
dup_next_cursor (JsonObject *collection)
{
  gint64 offset = 0, limit = 0, total = 0;

  cf_model_json_int (collection, "offset", &offset);
  cf_model_json_int (collection, "limit", &limit);
  cf_model_json_int (collection, "totalCount", &total);
  if (limit <= 0 || offset + limit >= total)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT, offset + limit);
}

/* The `nodes` of @collection as a page of what @build makes of each. */
static JsonNode *
build_collection (JsonObject         *collection,
                  CfForeignBuildFunc  build,
                  gconstpointer       data,
                  const char         *what,
                  GError            **error)
{
  JsonArray *nodes = cf_foreign_json_array (collection, "nodes");
  g_autofree char *next = NULL;

  if (nodes == NULL)
    return invalid (error, what);
  next = dup_next_cursor (collection);
  return cf_foreign_json_build_page (nodes, next, build, data);
}

static char *
dup_website_url (const CfOpenCollectiveContext *context,
                 const char                    *path)
{
  return g_strconcat (context->website_url, path, NULL);
}

/* What a collective's next goal is. Open Collective keeps goals in the
 * collective's settings, `goals: [{"type": "balance" | "yearlyBudget",
 * "amount": cents}]`, and calls the next one the smallest not reached yet,
 * the balance or the yearly budget measured as its type says. */
typedef struct
{
  const char *measure;   /* the stat the goal measures: "balance", "yearlyBudget"; NULL: no goal to reach */
  double goal_cents;
} NextGoal;

static NextGoal
find_next_goal (JsonObject *account)
{
  JsonObject *settings = cf_foreign_json_object (account, "settings");
  JsonArray *goals = cf_foreign_json_array (settings, "goals");
  JsonObject *stats = cf_foreign_json_object (account, "stats");
  NextGoal next = { NULL, 0 };

  for (guint i = 0; goals != NULL && i < json_array_get_length (goals); i++)
    {
      JsonNode *node = json_array_get_element (goals, i);
      JsonObject *goal = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = string_member (goal, "type");
      const char *measure = g_strcmp0 (type, "balance") == 0 ? "balance"
                            : g_strcmp0 (type, "yearlyBudget") == 0 ? "yearlyBudget" : NULL;
      const char *currency;
      double amount, reached;

      if (measure == NULL || !cf_foreign_json_units (json_object_get_member (goal, "amount"), &amount) ||
          amount <= 0 || !read_amount (stats, measure, &reached, &currency) || reached >= amount ||
          (next.measure != NULL && amount >= next.goal_cents))
        continue;
      next.goal_cents = amount;
      next.measure = measure;
    }
  return next;
}

/* The figures of a collective: against its next goal, or what it received. */
static gboolean
build_figures (JsonBuilder *builder,
               JsonObject  *account)
{
  JsonObject *stats = cf_foreign_json_object (account, "stats");
  NextGoal next = find_next_goal (account);
  const char *currency;
  double cents;

  if (next.measure == NULL)
    return build_amount (builder, "pledged", stats, "totalAmountReceived");

  read_amount (stats, next.measure, &cents, &currency);
  if (!cf_foreign_json_build_cents (builder, "pledged", cents, currency) ||
      !cf_foreign_json_build_cents (builder, "goal", next.goal_cents, currency))
    return FALSE;
  cf_model_build_string (builder, "goal_basis", g_str_equal (next.measure, "balance") ? "balance" : "yearly_budget");
  build_amount (builder, "received", stats, "totalAmountReceived");
  return TRUE;
}

/* What monthly contributions bring, on a collective's own page: the
 * “monthly” line of `activeRecurringContributionsBreakdown`. */
static void
build_monthly_income (JsonBuilder *builder,
                      JsonObject  *stats)
{
  JsonArray *breakdown = cf_foreign_json_array (stats, "activeRecurringContributionsBreakdown");

  for (guint i = 0; breakdown != NULL && i < json_array_get_length (breakdown); i++)
    {
      JsonNode *node = json_array_get_element (breakdown, i);
      JsonObject *line = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (string_member (line, "label"), "monthly") == 0)
        build_amount (builder, "monthly_income", line, "amount");
    }
}

/* A collective, project, fund or event (the AccountCard fragment) as a campaign. */
static gboolean
build_account (JsonBuilder   *builder,
               JsonObject    *account,
               gconstpointer  data)
{
  const CfOpenCollectiveContext *context = data;
  const char *slug = string_member (account, "slug");
  const char *name = string_member (account, "name");
  JsonObject *parent = cf_foreign_json_object (account, "parent");
  JsonObject *location = cf_foreign_json_object (account, "location");
  JsonObject *tiers = cf_foreign_json_object (account, "tiers");
  JsonObject *updates = cf_foreign_json_object (account, "updates");
  const char *long_description = string_member (account, "longDescription");
  gboolean open = cf_foreign_json_boolean (account, "isActive") && !cf_foreign_json_boolean (account, "isArchived");
  g_autofree char *url = NULL;
  gint64 contributors = 0, count;

  if (slug == NULL || name == NULL || string_member (account, "id") == NULL)
    return FALSE;
  url = dup_website_url (context, slug);
  cf_model_json_int (account, "totalFinancialContributors", &contributors);

  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", slug);
  cf_model_build_string (builder, "slug", slug);
  cf_model_build_string (builder, "title", name);
  cf_model_build_string (builder, "blurb", string_member (account, "description") ? string_member (account, "description") : "");
  if (long_description != NULL)
    cf_foreign_json_build_text (builder, "description", long_description);

  /* A project or an event is its parent collective's; a collective is its own. */
  json_builder_set_member_name (builder, "creator");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", string_member (parent ? parent : account, "id"));
  cf_model_build_string (builder, "name", string_member (parent, "name") ? string_member (parent, "name") : name);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "country", string_member (location, "country"));
  cf_model_build_string (builder, "city", NULL);
  json_builder_end_object (builder);

  cf_model_build_string (builder, "image_url", string_member (account, "imageUrl"));
  cf_model_build_string (builder, "url", url);
  /* Funded for good: open while it takes contributions, with no end. */
  cf_model_build_string (builder, "state", open ? "live" : "canceled");
  if (!build_figures (builder, account))
    return FALSE;
  cf_foreign_json_build_int (builder, "backers_count", contributors);
  build_monthly_income (builder, cf_foreign_json_object (account, "stats"));
  cf_foreign_json_build_copy (builder, "launched_at", account, "createdAt");
  if (tiers != NULL && cf_foreign_json_array (tiers, "nodes") != NULL)
    cf_foreign_json_build_int (builder, "rewards_count", json_array_get_length (cf_foreign_json_array (tiers, "nodes")));
  if (updates != NULL && cf_model_json_int (updates, "totalCount", &count))
    cf_foreign_json_build_int (builder, "updates_count", count);
  json_builder_end_object (builder);
  return TRUE;
}

JsonNode *
cf_opencollective_translate_accounts (JsonObject                    *data,
                                      const CfOpenCollectiveContext *context,
                                      GError                       **error)
{
  return build_collection (cf_foreign_json_object (data, "accounts"), build_account, context, "accounts", error);
}

JsonNode *
cf_opencollective_translate_collective (JsonObject                    *data,
                                        const CfOpenCollectiveContext *context,
                                        GError                       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *account = cf_foreign_json_object (data, "account");

  if (account == NULL || !build_account (builder, account, context))
    return invalid (error, "a collective");
  return json_builder_get_root (builder);
}

static const char *
frequency_of (const char *frequency)
{
  if (g_strcmp0 (frequency, "MONTHLY") == 0)
    return "monthly";
  if (g_strcmp0 (frequency, "YEARLY") == 0)
    return "yearly";
  return "once";
}

/* A tier as a reward: a fixed amount or a minimum, paid once, every month
 * or every year (or as the contributor chooses: a minimum, once). */
static gboolean
build_tier (JsonBuilder   *builder,
            JsonObject    *tier,
            gconstpointer  data)
{
  const char *name = string_member (tier, "name");
  const char *description = string_member (tier, "description");
  gboolean fixed = g_strcmp0 (string_member (tier, "amountType"), "FIXED") == 0;
  JsonObject *contributors = cf_foreign_json_object (tier, "contributors");
  const char *ends = string_member (tier, "endsAt");
  g_autoptr(GDateTime) ends_at = ends ? g_date_time_new_from_iso8601 (ends, NULL) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 limit = -1, available = -1, count = -1;
  double cents;
  const char *currency;

  if (string_member (tier, "id") == NULL || name == NULL)
    return FALSE;
  if (!read_amount (tier, fixed ? "amount" : "minimumAmount", &cents, &currency))
    {
      /* A flexible tier without a minimum takes any amount of its currency. */
      if (fixed || !read_amount (tier, "amount", &cents, &currency))
        return FALSE;
      cents = 0;
    }
  cf_model_json_int (tier, "maxQuantity", &limit);
  cf_model_json_int (tier, "availableQuantity", &available);
  cf_model_json_int (contributors, "totalCount", &count);

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", tier, "id");
  cf_model_build_string (builder, "title", name);
  cf_foreign_json_build_text (builder, "description", description ? description : "");
  if (!cf_foreign_json_build_cents (builder, "minimum", cents, currency))
    return FALSE;
  json_builder_set_member_name (builder, "limit");
  if (limit > 0)
    json_builder_add_int_value (builder, limit);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "remaining");
  if (limit > 0)
    json_builder_add_int_value (builder, MAX (available, 0));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "backers_count");
  if (count >= 0)
    json_builder_add_int_value (builder, count);
  else
    json_builder_add_null_value (builder);
  cf_model_build_string (builder, "estimated_delivery", NULL);
  json_builder_set_member_name (builder, "available");
  json_builder_add_boolean_value (builder, (limit <= 0 || available > 0) &&
                                           (ends_at == NULL || g_date_time_compare (ends_at, now) > 0));
  /* Open Collective ships nothing: a tier's perks are its collective's to give. */
  json_builder_set_member_name (builder, "shipping");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "type", "none");
  json_builder_set_member_name (builder, "rates");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  cf_model_build_string (builder, "frequency", frequency_of (string_member (tier, "frequency")));
  json_builder_set_member_name (builder, "fixed_amount");
  json_builder_add_boolean_value (builder, fixed);
  cf_model_build_string (builder, "ends_at", ends_at ? ends : NULL);
  json_builder_end_object (builder);
  return TRUE;
}

JsonNode *
cf_opencollective_translate_tiers (JsonObject                    *data,
                                   const CfOpenCollectiveContext *context,
                                   GError                       **error)
{
  JsonObject *account = cf_foreign_json_object (data, "account");
  JsonObject *tiers = cf_foreign_json_object (account, "tiers");

  /* Accounts that take no contributions have no tiers at all. */
  if (account != NULL && tiers == NULL)
    return cf_foreign_json_build_page (json_array_new (), NULL, build_tier, context);
  return build_collection (tiers, build_tier, context, "a collective's tiers", error);
}

typedef struct
{
  gint64 total;
  guint index;
} UpdateNumbering;

/* A published update, numbered from the oldest; one for contributors
 * only has no text for others. @data is the numbering, counted on. */
static gboolean
build_update (JsonBuilder   *builder,
              JsonObject    *update,
              gconstpointer  data)
{
  UpdateNumbering *numbering = (UpdateNumbering *) data;
  gboolean readable = cf_foreign_json_boolean (update, "userCanSeeUpdate");
  const char *html = string_member (update, "html");
  gint64 number = numbering->total - numbering->index++;

  if (string_member (update, "id") == NULL || string_member (update, "title") == NULL ||
      string_member (update, "publishedAt") == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", update, "id");
  cf_foreign_json_build_int (builder, "number", MAX (number, 1));
  cf_foreign_json_build_copy (builder, "title", update, "title");
  cf_foreign_json_build_text (builder, "body", readable ? html : NULL);
  cf_foreign_json_build_copy (builder, "published_at", update, "publishedAt");
  json_builder_set_member_name (builder, "backers_only");
  json_builder_add_boolean_value (builder, cf_foreign_json_boolean (update, "isPrivate"));
  json_builder_end_object (builder);
  return TRUE;
}

JsonNode *
cf_opencollective_translate_updates (JsonObject                    *data,
                                     const CfOpenCollectiveContext *context,
                                     GError                       **error)
{
  JsonObject *updates = cf_foreign_json_object (cf_foreign_json_object (data, "account"), "updates");
  UpdateNumbering numbering = { 0, 0 };

  if (updates == NULL || !cf_model_json_int (updates, "totalCount", &numbering.total))
    return invalid (error, "a collective's updates");
  /* The query reads the latest ten: older ones are on the website. */
  return build_collection (updates, build_update, &numbering, "a collective's updates", error);
}

/* The collective's figures, read again, as live stats. */
JsonNode *
cf_opencollective_translate_stats (JsonObject                    *data,
                                   const CfOpenCollectiveContext *context,
                                   GError                       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *account = cf_foreign_json_object (data, "account");
  gint64 contributors = 0;

  json_builder_begin_object (builder);
  if (account == NULL || !build_figures (builder, account))
    return invalid (error, "a collective's figures");
  cf_model_json_int (account, "totalFinancialContributors", &contributors);
  cf_foreign_json_build_int (builder, "backers_count", contributors);
  json_builder_set_member_name (builder, "funding");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rewards");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
cf_opencollective_translate_me (JsonObject                    *data,
                                const CfOpenCollectiveContext *context,
                                GError                       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *me = cf_foreign_json_object (data, "me");
  const char *slug = string_member (me, "slug");
  const char *name = string_member (me, "name");

  if (me == NULL || slug == NULL || string_member (me, "id") == NULL)
    return invalid (error, "the signed-in person");

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", me, "id");
  cf_model_build_string (builder, "username", slug);
  cf_model_build_string (builder, "name", name && *name ? name : slug);
  cf_model_build_string (builder, "country", string_member (cf_foreign_json_object (me, "location"), "country"));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Open Collective's order statuses in ours, with what each means, as its
 * documentation of `OrderStatus` explains them, and what the person is
 * asked to do; the original stays beside. */
static const struct
{
  const char *status;
  const char *ours;
  const char *detail;
  const char *action;
} statuses[] = {
  { "ACTIVE", "collected", N_("Open Collective charges it on schedule.") },
  { "PAID", "collected", N_("Paid to the collective.") },
  { "NEW", "pledged", N_("Open Collective is processing the payment.") },
  { "PROCESSING", "pledged", N_("Open Collective is processing the payment.") },
  { "IN_REVIEW", "pledged", N_("Open Collective is processing the payment.") },
  { "PENDING", "pledged", N_("Waiting for the payment to arrive, such as a bank transfer.") },
  { "REQUIRE_CLIENT_CONFIRMATION", "errored", N_("Your bank asks you to confirm the payment on Open Collective."),
    "fix_payment" },
  { "ERROR", "errored", N_("The last payment failed: update the payment method on Open Collective."), "fix_payment" },
  { "EXPIRED", "errored", N_("The contribution was never paid, and expired.") },
  { "DISPUTED", "errored", N_("The payment is disputed with the bank.") },
  { "REJECTED", "canceled", N_("The collective’s host rejected this contribution.") },
  { "CANCELLED", "canceled", N_("Canceled: Open Collective no longer charges it.") },
  { "REFUNDED", "refunded", N_("The payment was refunded.") },
  { "PAUSED", "paused", N_("Paused: Open Collective does not charge it until it is resumed.") },
};

static int
find_status (const char *status)
{
  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (status, statuses[i].status))
      return i;
  return -1;
}

typedef struct
{
  const CfOpenCollectiveContext *context;
  JsonObject *collective;  /* for incoming contributions, the collective given to */
} OrderContext;

/* Whether a contribution still charged is paid with a card that expires
 * before its next charge. */
static gboolean
card_expires_first (JsonObject *order)
{
  const char *expiry = string_member (cf_foreign_json_object (order, "paymentMethod"), "expiryDate");
  const char *next = string_member (order, "nextChargeDate");
  g_autoptr(GDateTime) expires = expiry ? g_date_time_new_from_iso8601 (expiry, NULL) : NULL;
  g_autoptr(GDateTime) charge = next ? g_date_time_new_from_iso8601 (next, NULL) : NULL;

  return g_strcmp0 (string_member (order, "status"), "ACTIVE") == 0 && expires != NULL && charge != NULL &&
         g_date_time_compare (expires, charge) < 0;
}

/* A contribution as a pledge: to the collective it was given to, with the
 * contributor when it is one given to the person's own collective. */
static gboolean
build_order (JsonBuilder   *builder,
             JsonObject    *order,
             gconstpointer  data)
{
  const OrderContext *order_context = data;
  const CfOpenCollectiveContext *context = order_context->context;
  JsonObject *collective = order_context->collective ? order_context->collective
                                                     : cf_foreign_json_object (order, "toAccount");
  JsonObject *tier = cf_foreign_json_object (order, "tier");
  JsonObject *from = cf_foreign_json_object (order, "fromAccount");
  const char *frequency = frequency_of (string_member (order, "frequency"));
  int status = find_status (string_member (order, "status"));
  const char *slug = string_member (collective, "slug");
  gboolean recurring = !g_str_equal (frequency, "once");
  g_autofree char *url = NULL;
  const char *currency;
  double cents;

  if (string_member (order, "id") == NULL || slug == NULL || string_member (collective, "name") == NULL ||
      status < 0 || string_member (order, "createdAt") == NULL || !read_amount (order, "amount", &cents, &currency))
    return FALSE;
  /* A recurring contribution, or a failed payment, is changed on the
   * person's own page of contributions; a gift once, on the collective's. */
  if (order_context->collective == NULL && context->user_slug != NULL &&
      (recurring || g_str_equal (statuses[status].ours, "errored")))
    url = g_strdup_printf ("%s%s/manage-contributions", context->website_url, context->user_slug);
  else
    url = dup_website_url (context, slug);

  json_builder_begin_object (builder);
  cf_foreign_json_build_copy (builder, "id", order, "id");
  json_builder_set_member_name (builder, "campaign");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", slug);
  cf_model_build_string (builder, "slug", slug);
  cf_model_build_string (builder, "title", string_member (collective, "name"));
  cf_model_build_string (builder, "state", json_object_has_member (collective, "isActive") &&
                                           !cf_foreign_json_boolean (collective, "isActive") ? "canceled" : "live");
  cf_model_build_string (builder, "image_url", string_member (collective, "imageUrl"));
  cf_model_build_string (builder, "deadline", NULL);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "reward");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", string_member (tier, "id"));
  cf_model_build_string (builder, "title", string_member (tier, "name"));
  json_builder_end_object (builder);

  /* An incognito contributor stays unnamed. */
  json_builder_set_member_name (builder, "backer");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", string_member (from, "id"));
  cf_model_build_string (builder, "name", cf_foreign_json_boolean (from, "isIncognito") ? NULL : string_member (from, "name"));
  json_builder_end_object (builder);

  if (!cf_foreign_json_build_cents (builder, "amount", cents, currency) ||
      !cf_foreign_json_build_cents (builder, "bonus", 0, currency) ||
      !cf_foreign_json_build_cents (builder, "shipping", 0, currency))
    return FALSE;
  cf_model_build_string (builder, "shipping_country", NULL);
  cf_model_build_string (builder, "status", statuses[status].ours);
  cf_foreign_json_build_copy (builder, "platform_status", order, "status");
  cf_model_build_string (builder, "status_detail", _(statuses[status].detail));
  cf_model_build_string (builder, "url", url);
  cf_foreign_json_build_int (builder, "sequence", 0);
  cf_foreign_json_build_copy (builder, "pledged_at", order, "createdAt");
  cf_model_build_string (builder, "address_lock_at", NULL);
  cf_foreign_json_build_untracked_delivery (builder);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  if (statuses[status].action != NULL && order_context->collective == NULL)
    json_builder_add_string_value (builder, statuses[status].action);
  else if (order_context->collective == NULL && card_expires_first (order))
    json_builder_add_string_value (builder, "update_payment");
  json_builder_end_array (builder);
  cf_model_build_string (builder, "frequency", frequency);
  cf_model_build_string (builder, "next_charge_at", recurring ? string_member (order, "nextChargeDate") : NULL);
  json_builder_end_object (builder);
  return TRUE;
}

JsonNode *
cf_opencollective_translate_contributions (JsonObject                    *data,
                                           const CfOpenCollectiveContext *context,
                                           GError                       **error)
{
  OrderContext order = { context, NULL };

  return build_collection (cf_foreign_json_object (cf_foreign_json_object (data, "me"), "orders"), build_order,
                           &order, "the person's contributions", error);
}

static gboolean
build_membership (JsonBuilder   *builder,
                  JsonObject    *member,
                  gconstpointer  data)
{
  JsonObject *account = cf_foreign_json_object (member, "account");

  return account != NULL && build_account (builder, account, data);
}

JsonNode *
cf_opencollective_translate_administered (JsonObject                    *data,
                                          const CfOpenCollectiveContext *context,
                                          GError                       **error)
{
  return build_collection (cf_foreign_json_object (cf_foreign_json_object (data, "me"), "memberOf"), build_membership,
                           context, "the person's collectives", error);
}

JsonNode *
cf_opencollective_translate_incoming (JsonObject                    *data,
                                      const CfOpenCollectiveContext *context,
                                      GError                       **error)
{
  JsonObject *account = cf_foreign_json_object (data, "account");
  OrderContext order = { context, account };

  if (account == NULL)
    return invalid (error, "a collective's contributions");
  return build_collection (cf_foreign_json_object (account, "orders"), build_order, &order,
                           "a collective's contributions", error);
}
