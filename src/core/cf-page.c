/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-page"

#include "config.h"

#include "cf-model.h"
#include "cf-page.h"

/* One page of a list: its items, the cursor of the next page (NULL on the
 * last one) and the number of items in the whole list when the platform
 * counted them (-1 otherwise). */
struct _CfPage
{
  GObject parent_instance;

  GListModel *items;
  char *next_cursor;
  gint64 total;
};

enum {
  PROP_0,
  PROP_ITEMS,
  PROP_NEXT_CURSOR,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CfPage, cf_page, G_TYPE_OBJECT)

static void
cf_page_finalize (GObject *object)
{
  CfPage *self = CF_PAGE (object);

  g_clear_object (&self->items);
  g_clear_pointer (&self->next_cursor, g_free);

  G_OBJECT_CLASS (cf_page_parent_class)->finalize (object);
}

static void
cf_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CfPage *self = CF_PAGE (object);

  switch (prop_id)
    {
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    case PROP_NEXT_CURSOR:
      g_value_set_string (value, self->next_cursor);
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_page_class_init (CfPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_page_finalize;
  object_class->get_property = cf_page_get_property;

  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_CURSOR] =
    g_param_spec_string ("next-cursor", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_page_init (CfPage *self)
{
  self->total = -1;
}

CfPage *
cf_page_new (GListModel *items,
             const char *next_cursor,
             gint64      total)
{
  CfPage *self = g_object_new (CF_TYPE_PAGE, NULL);

  self->items = g_object_ref (items);
  self->next_cursor = g_strdup (next_cursor);
  self->total = total;
  return self;
}

/* Reads {"items": [...], "next_cursor": "…"|null, "total": n|null}. */
CfPage *
cf_page_new_from_json (GType      item_type,
                       JsonNode  *node,
                       GError   **error)
{
  g_autoptr(GListModel) items = NULL;
  JsonObject *object;
  JsonNode *cursor;
  JsonNode *total;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;

  object = json_node_get_object (node);
  cursor = json_object_get_member (object, "next_cursor");
  total = json_object_get_member (object, "total");
  if ((cursor != NULL && !JSON_NODE_HOLDS_NULL (cursor) &&
       json_node_get_value_type (cursor) != G_TYPE_STRING) ||
      (total != NULL && !JSON_NODE_HOLDS_NULL (total) &&
       json_node_get_value_type (total) != G_TYPE_INT64))
    goto invalid;

  items = cf_model_list_new_from_json (item_type, json_object_get_member (object, "items"), error);
  if (items == NULL)
    return NULL;

  return cf_page_new (items,
                      cursor && !JSON_NODE_HOLDS_NULL (cursor) ? json_node_get_string (cursor) : NULL,
                      total && !JSON_NODE_HOLDS_NULL (total) ? json_node_get_int (total) : -1);

invalid:
  g_set_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID,
               "a page of %s must be {\"items\": [], \"next_cursor\", \"total\"}",
               g_type_name (item_type));
  return NULL;
}

GListModel *
cf_page_get_items (CfPage *self)
{
  g_return_val_if_fail (CF_IS_PAGE (self), NULL);

  return self->items;
}

const char *
cf_page_get_next_cursor (CfPage *self)
{
  g_return_val_if_fail (CF_IS_PAGE (self), NULL);

  return self->next_cursor;
}

gint64
cf_page_get_total (CfPage *self)
{
  g_return_val_if_fail (CF_IS_PAGE (self), -1);

  return self->total;
}
