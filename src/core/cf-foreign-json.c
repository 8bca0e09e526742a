/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-foreign-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cf-currency.h"
#include "cf-foreign-json.h"
#include "cf-model.h"

/* @object's @member when it is an object, else NULL. */
JsonObject *
cf_foreign_json_object (JsonObject *object,
                        const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* @object's @member when it is an array, else NULL. */
JsonArray *
cf_foreign_json_array (JsonObject *object,
                       const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Whether @object (which may be NULL) has a @member that is true. */
gboolean
cf_foreign_json_boolean (JsonObject *object,
                         const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

/* Texts such as descriptions may hold HTML: the app shows their words. */
char *
cf_foreign_json_html_to_text (const char *html)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" }, { "&nbsp;", " " },
  };
  GString *text = g_string_new (NULL);

  for (const char *p = html; p != NULL && *p != '\0'; p++)
    {
      gboolean matched = FALSE;

      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (end == NULL)
            break;
          if (g_ascii_strncasecmp (p, "<br", 3) == 0 || g_ascii_strncasecmp (p, "</p", 3) == 0)
            g_string_append_c (text, '\n');
          p = end;
          continue;
        }
      for (guint i = 0; *p == '&' && i < G_N_ELEMENTS (entities) && !matched; i++)
        if (g_str_has_prefix (p, entities[i].entity))
          {
            g_string_append (text, entities[i].text);
            p += strlen (entities[i].entity) - 1;
            matched = TRUE;
          }
      if (!matched)
        g_string_append_c (text, *p);
    }
  return g_strstrip (g_string_free (text, FALSE));
}

/* An amount in whole units: an int, a numeric string or a number. */
gboolean
cf_foreign_json_units (JsonNode *node,
                       double   *units)
{
  guint64 parsed;
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *units = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      *units = json_node_get_double (node);
      return isfinite (*units);
    case G_TYPE_STRING:
      text = json_node_get_string (node);
      if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &parsed, NULL))
        return FALSE;
      *units = parsed;
      return TRUE;
    default:
      return FALSE;
    }
}

/* @minor units of @currency as {"amount", "currency"}, if they are a sane amount. */
static gboolean
build_minor (JsonBuilder *builder,
             const char  *name,
             double       minor,
             const char  *currency)
{
  if (!(minor >= 0 && minor < 1e15))
    return FALSE;

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "amount");
  json_builder_add_int_value (builder, (gint64) minor);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, currency);
  json_builder_end_object (builder);
  return TRUE;
}

/* @units of @currency as {"amount", "currency"} in minor units. */
gboolean
cf_foreign_json_build_money (JsonBuilder *builder,
                             const char  *name,
                             double       units,
                             const char  *currency)
{
  double minor = round (units * pow (10, cf_currency_exponent (currency)));

  return build_minor (builder, name, minor, currency);
}

/* An amount given in hundredths of its currency's unit whatever the
 * currency (Open Collective's `valueInCents`: ¥1,500 is 150000), as
 * {"amount", "currency"} in the currency's own minor units; integers are
 * scaled exactly, never through a fraction. */
gboolean
cf_foreign_json_build_cents (JsonBuilder *builder,
                             const char  *name,
                             double       cents,
                             const char  *currency)
{
  int exponent = cf_currency_exponent (currency);
  double minor = round (cents);

  if (exponent > 2)
    minor *= pow (10, exponent - 2);
  else if (exponent < 2)
    minor = round (cents / pow (10, 2 - exponent));
  return build_minor (builder, name, minor, currency);
}

/* The whole units of @object's @member as money, as
 * cf_foreign_json_build_money() builds it. */
gboolean
cf_foreign_json_build_member_money (JsonBuilder *builder,
                                    const char  *name,
                                    JsonObject  *object,
                                    const char  *member,
                                    const char  *currency)
{
  double units;

  return cf_foreign_json_units (json_object_get_member (object, member), &units) &&
         cf_foreign_json_build_money (builder, name, units, currency);
}

/* @name: @value, in the object being built. */
void
cf_foreign_json_build_int (JsonBuilder *builder,
                           const char  *name,
                           gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Copies a member as it is, or null. */
void
cf_foreign_json_build_copy (JsonBuilder *builder,
                            const char  *name,
                            JsonObject  *object,
                            const char  *member)
{
  JsonNode *node = json_object_get_member (object, member);

  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, json_node_copy (node));
  else
    json_builder_add_null_value (builder);
}

/* The words of @html as text, or null. */
void
cf_foreign_json_build_text (JsonBuilder *builder,
                            const char  *name,
                            const char  *html)
{
  g_autofree char *text = cf_foreign_json_html_to_text (html);

  cf_model_build_string (builder, name, html != NULL ? text : NULL);
}

/* A pledge's "fulfillment", not started, and "received": false, for a
 * platform that tells backers nothing of their rewards' delivery. */
void
cf_foreign_json_build_untracked_delivery (JsonBuilder *builder)
{
  static const char * const unknown[] = {
    "tracking_number", "carrier", "tracking_url", "shipped_at", "estimated_delivery",
  };

  json_builder_set_member_name (builder, "fulfillment");
  json_builder_begin_object (builder);
  cf_model_build_string (builder, "status", "not_started");
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    cf_model_build_string (builder, unknown[i], NULL);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "received");
  json_builder_add_boolean_value (builder, FALSE);
}

/* Whether @object has an integer "id". */
gboolean
cf_foreign_json_has_id (JsonObject *object)
{
  gint64 id;

  return object != NULL && cf_model_json_int (object, "id", &id);
}

/* {"items": [...], "next_cursor"} from @items, each made by @build; an
 * item @build cannot read is left out. */
JsonNode *
cf_foreign_json_build_page (JsonArray          *items,
                            const char         *next_cursor,
                            CfForeignBuildFunc  build,
                            gconstpointer       data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_autoptr(JsonBuilder) one = json_builder_new ();
      g_autoptr(JsonNode) built = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item) || !build (one, json_node_get_object (item), data))
        {
          g_debug ("left out item %u: not in the shape its platform documents", i);
          continue;
        }
      built = json_builder_get_root (one);
      json_builder_add_value (builder, g_steal_pointer (&built));
    }
  json_builder_end_array (builder);
  cf_model_build_string (builder, "next_cursor", next_cursor);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
