/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-model"

#include "config.h"

#include <string.h>

#include "cf-model.h"
#include "cf-web-address.h"
#include "cf-money.h"

typedef enum
{
  MEMBER_FOUND,
  MEMBER_ABSENT,
  MEMBER_NULL,
  MEMBER_PARENT_NOT_OBJECT,
} MemberLookup;

G_DEFINE_ABSTRACT_TYPE (CfModel, cf_model, G_TYPE_OBJECT)
G_DEFINE_QUARK (cf-model-error-quark, cf_model_error)

#define FIELD_SLOT(object, field) ((gpointer) ((guint8 *) (object) + (field)->offset))

static const CfField *
field_for_pspec (GParamSpec *pspec,
                 guint       prop_id)
{
  CfModelClass *klass = g_type_class_peek (pspec->owner_type);

  return &klass->fields[prop_id - 1];
}

static GParamSpec *
param_spec_for_field (const CfField *field)
{
  const char *name = field->name ? field->name : field->member;
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;

  if (field->flags & CF_FIELD_WRITABLE)
    flags |= G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY;

  switch (field->type)
    {
    case CF_FIELD_ID:
    case CF_FIELD_STRING:
    case CF_FIELD_MONTH:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    case CF_FIELD_INT:
      return g_param_spec_int64 (name, NULL, NULL, -1, G_MAXINT64, -1, flags);
    case CF_FIELD_BOOLEAN:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    case CF_FIELD_MONEY:
      return g_param_spec_boxed (name, NULL, NULL, CF_TYPE_MONEY, flags);
    case CF_FIELD_TIME:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME, flags);
    case CF_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->value_type ());

        return g_param_spec_enum (name, NULL, NULL, field->value_type (),
                                  enum_class->values[0].value, flags);
      }
    case CF_FIELD_STRV:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
    case CF_FIELD_OBJECT:
      return g_param_spec_object (name, NULL, NULL, field->value_type (), flags);
    case CF_FIELD_LIST:
      return g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL, flags);
    default:
      g_assert_not_reached ();
    }
}

static void
free_field (gpointer       slot,
            const CfField *field)
{
  switch (field->type)
    {
    case CF_FIELD_ID:
    case CF_FIELD_STRING:
    case CF_FIELD_MONTH:
      if (!(field->flags & CF_FIELD_INTERN))
        g_clear_pointer ((char **) slot, g_free);
      break;
    case CF_FIELD_TIME:
      g_clear_pointer ((GDateTime **) slot, g_date_time_unref);
      break;
    case CF_FIELD_STRV:
      g_clear_pointer ((GStrv *) slot, g_strfreev);
      break;
    case CF_FIELD_OBJECT:
    case CF_FIELD_LIST:
      g_clear_object ((GObject **) slot);
      break;
    default:
      break;
    }
}

static void
set_null (gpointer       slot,
          const CfField *field)
{
  if (field->type == CF_FIELD_INT)
    *(gint64 *) slot = -1;
}

static gboolean
is_month (const char *text)
{
  int month;

  if (strlen (text) != 7 || text[4] != '-')
    return FALSE;

  for (guint i = 0; i < 7; i++)
    if (i != 4 && !g_ascii_isdigit (text[i]))
      return FALSE;

  month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12;
}

static MemberLookup
lookup_member (JsonObject  *object,
               const char  *path,
               JsonNode   **node)
{
  const char *dot;

  while ((dot = strchr (path, '.')) != NULL)
    {
      g_autofree char *part = g_strndup (path, dot - path);
      JsonNode *parent = json_object_get_member (object, part);

      if (parent == NULL)
        return MEMBER_ABSENT;
      if (JSON_NODE_HOLDS_NULL (parent))
        return MEMBER_NULL;
      if (!JSON_NODE_HOLDS_OBJECT (parent))
        return MEMBER_PARENT_NOT_OBJECT;

      object = json_node_get_object (parent);
      path = dot + 1;
    }

  *node = json_object_get_member (object, path);
  if (*node == NULL)
    return MEMBER_ABSENT;

  return JSON_NODE_HOLDS_NULL (*node) ? MEMBER_NULL : MEMBER_FOUND;
}

static const char *
string_value (JsonNode *node)
{
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static GStrv
strv_value (JsonNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  if (json_array_get_length (array) > CF_MODEL_MAX_LIST_LENGTH)
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *text = string_value (json_array_get_element (array, i));

      if (text == NULL)
        return NULL;
      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

static gboolean
read_scalar (JsonNode      *node,
             const CfField *field,
             gpointer       slot)
{
  const char *text = string_value (node);
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  switch (field->type)
    {
    case CF_FIELD_ID:
      {
        g_autofree char *number = value_type == G_TYPE_INT64
                                  ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)) : NULL;
        const char *id = number != NULL ? number : text != NULL && *text != '\0' ? text : NULL;

        if (id != NULL)
          *(char **) slot = (field->flags & CF_FIELD_INTERN) ? (char *) g_intern_string (id) : g_strdup (id);
        return id != NULL;
      }
    case CF_FIELD_STRING:
      /* Whatever the platform sends, the desktop is only ever handed a web
       * address: javascript:, file: or a handler's scheme is dropped. */
      if (text != NULL && (field->flags & CF_FIELD_WEB_ADDRESS) && !cf_web_address_is_valid (text))
        return TRUE;
      if (text != NULL && (field->flags & CF_FIELD_HEADER_VALUE) && !cf_header_value_is_valid (text))
        return FALSE;
      if (text != NULL)
        *(char **) slot = (field->flags & CF_FIELD_INTERN) ? (char *) g_intern_string (text)
                                                           : g_strdup (text);
      return text != NULL;
    case CF_FIELD_MONTH:
      if (text != NULL && is_month (text))
        *(char **) slot = g_strdup (text);
      return *(char **) slot != NULL;
    case CF_FIELD_INT:
      if (value_type == G_TYPE_INT64 && json_node_get_int (node) >= 0)
        *(gint64 *) slot = json_node_get_int (node);
      return value_type == G_TYPE_INT64 && json_node_get_int (node) >= 0;
    case CF_FIELD_BOOLEAN:
      if (value_type == G_TYPE_BOOLEAN)
        *(gboolean *) slot = json_node_get_boolean (node);
      return value_type == G_TYPE_BOOLEAN;
    case CF_FIELD_MONEY:
      return cf_money_from_json (node, slot, NULL);
    case CF_FIELD_TIME:
      if (text != NULL)
        *(GDateTime **) slot = g_date_time_new_from_iso8601 (text, NULL);
      return *(GDateTime **) slot != NULL;
    case CF_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->value_type ());
        GEnumValue *value = text ? g_enum_get_value_by_nick (enum_class, text) : NULL;

        if (value != NULL)
          *(int *) slot = value->value;
        return value != NULL;
      }
    case CF_FIELD_STRV:
      *(GStrv *) slot = strv_value (node);
      return *(GStrv *) slot != NULL;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_field (CfModel        *self,
            JsonObject     *object,
            const CfField  *field,
            GError        **error)
{
  gpointer slot = FIELD_SLOT (self, field);
  const char *type_name = G_OBJECT_TYPE_NAME (self);
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = NULL;

  switch (lookup_member (object, field->member, &node))
    {
    case MEMBER_ABSENT:
      if (field->flags & CF_FIELD_OPTIONAL)
        {
          set_null (slot, field);
          return TRUE;
        }
      g_set_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID,
                   "%s: member “%s” is missing", type_name, field->member);
      return FALSE;
    case MEMBER_NULL:
      if (field->flags & CF_FIELD_NULLABLE)
        {
          set_null (slot, field);
          return TRUE;
        }
      g_set_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID,
                   "%s: member “%s” must not be null", type_name, field->member);
      return FALSE;
    case MEMBER_PARENT_NOT_OBJECT:
      g_set_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID,
                   "%s: the parent of “%s” is not an object", type_name, field->member);
      return FALSE;
    case MEMBER_FOUND:
      break;
    }

  /* Only object and list slots hold a pointer: a 4-byte enum or boolean
   * slot is never read as one. */
  if (field->type == CF_FIELD_OBJECT)
    *(gpointer *) slot = cf_model_new_from_json (field->value_type (), node, &local_error);
  else if (field->type == CF_FIELD_LIST)
    *(gpointer *) slot = cf_model_list_new_from_json (field->value_type (), node, &local_error);
  else if (read_scalar (node, field, slot))
    return TRUE;

  if ((field->type == CF_FIELD_OBJECT || field->type == CF_FIELD_LIST) && *(gpointer *) slot != NULL)
    return TRUE;

  if (local_error != NULL)
    g_set_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID,
                 "%s: in “%s”: %s", type_name, field->member, local_error->message);
  else
    g_set_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID,
                 "%s: member “%s” has the wrong type or value", type_name, field->member);
  return FALSE;
}

static gboolean
set_field (CfModel       *self,
           const CfField *field,
           const GValue  *value)
{
  gpointer slot = FIELD_SLOT (self, field);

  switch (field->type)
    {
    case CF_FIELD_STRING:
      if (g_strcmp0 (*(char **) slot, g_value_get_string (value)) == 0)
        return FALSE;
      g_free (*(char **) slot);
      *(char **) slot = g_value_dup_string (value);
      return TRUE;
    case CF_FIELD_INT:
      if (*(gint64 *) slot == g_value_get_int64 (value))
        return FALSE;
      *(gint64 *) slot = g_value_get_int64 (value);
      return TRUE;
    case CF_FIELD_BOOLEAN:
      if (*(gboolean *) slot == g_value_get_boolean (value))
        return FALSE;
      *(gboolean *) slot = g_value_get_boolean (value);
      return TRUE;
    case CF_FIELD_ENUM:
      if (*(int *) slot == g_value_get_enum (value))
        return FALSE;
      *(int *) slot = g_value_get_enum (value);
      return TRUE;
    case CF_FIELD_MONEY:
      if (g_value_get_boxed (value) == NULL || cf_money_equal (slot, g_value_get_boxed (value)))
        return FALSE;
      *(CfMoney *) slot = *(CfMoney *) g_value_get_boxed (value);
      return TRUE;
    default:
      g_critical ("%s: field “%s” cannot be written", G_OBJECT_TYPE_NAME (self), field->member);
      return FALSE;
    }
}

static void
cf_model_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  const CfField *field = field_for_pspec (pspec, prop_id);
  gpointer slot = FIELD_SLOT (object, field);

  switch (field->type)
    {
    case CF_FIELD_ID:
    case CF_FIELD_STRING:
    case CF_FIELD_MONTH:
      g_value_set_string (value, *(char **) slot);
      break;
    case CF_FIELD_INT:
      g_value_set_int64 (value, *(gint64 *) slot);
      break;
    case CF_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) slot);
      break;
    case CF_FIELD_MONEY:
      g_value_set_boxed (value, slot);
      break;
    case CF_FIELD_ENUM:
      g_value_set_enum (value, *(int *) slot);
      break;
    case CF_FIELD_TIME:
    case CF_FIELD_STRV:
      g_value_set_boxed (value, *(gpointer *) slot);
      break;
    case CF_FIELD_OBJECT:
    case CF_FIELD_LIST:
      g_value_set_object (value, *(gpointer *) slot);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
cf_model_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  if (set_field (CF_MODEL (object), field_for_pspec (pspec, prop_id), value))
    g_object_notify_by_pspec (object, pspec);
}

static void
cf_model_finalize (GObject *object)
{
  CfModelClass *klass = CF_MODEL_GET_CLASS (object);

  for (guint i = 0; i < klass->n_fields; i++)
    free_field (FIELD_SLOT (object, &klass->fields[i]), &klass->fields[i]);

  G_OBJECT_CLASS (cf_model_parent_class)->finalize (object);
}

static void
cf_model_class_init (CfModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_model_finalize;
}

static void
cf_model_init (CfModel *self)
{
}

void
cf_model_class_install_fields (CfModelClass  *model_class,
                               const CfField *fields,
                               guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (model_class);

  model_class->fields = fields;
  model_class->n_fields = n_fields;
  object_class->get_property = cf_model_get_property;
  object_class->set_property = cf_model_set_property;

  for (guint i = 0; i < n_fields; i++)
    g_object_class_install_property (object_class, i + 1, param_spec_for_field (&fields[i]));
}

/**
 * cf_model_new_from_json:
 *
 * Reads a model of @type from @node, checking every member's type. Returns a
 * complete object, or %NULL with @error set: never a half-filled one.
 */
gpointer
cf_model_new_from_json (GType      type,
                        JsonNode  *node,
                        GError   **error)
{
  g_autoptr(CfModel) self = NULL;
  CfModelClass *klass;
  JsonObject *object;

  g_return_val_if_fail (g_type_is_a (type, CF_TYPE_MODEL), NULL);

  self = g_object_new (type, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID,
                   "%s: expected an object", g_type_name (type));
      return NULL;
    }

  object = json_node_get_object (node);
  klass = CF_MODEL_GET_CLASS (self);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!read_field (self, object, &klass->fields[i], error))
      return NULL;

  return g_steal_pointer (&self);
}

/* Writes @id as the platform wrote it: ids are opaque text to callers, but
 * numbers travel as JSON integers, as CF_FIELD_ID reads them. */
void
cf_model_build_id (JsonBuilder *builder,
                   const char  *id)
{
  gint64 number;

  if (g_ascii_string_to_signed (id, 10, 0, G_MAXINT64, &number, NULL))
    json_builder_add_int_value (builder, number);
  else
    json_builder_add_string_value (builder, id);
}

/* Adds the member @name: @value, or null. */
void
cf_model_build_string (JsonBuilder *builder,
                       const char  *name,
                       const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* Reads a JSON array of @item_type models into a list store, added at once. */
GListModel *
cf_model_list_new_from_json (GType      item_type,
                             JsonNode  *node,
                             GError   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID,
                   "expected an array of %s", g_type_name (item_type));
      return NULL;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > CF_MODEL_MAX_LIST_LENGTH)
    {
      g_set_error (error, CF_MODEL_ERROR, CF_MODEL_ERROR_INVALID, "a list of %u %s, more than the %d allowed",
                   json_array_get_length (array), g_type_name (item_type), CF_MODEL_MAX_LIST_LENGTH);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gpointer item = cf_model_new_from_json (item_type, json_array_get_element (array, i), error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

/* A member's text, or NULL when it is absent or not a string: unlike
 * json-glib's getters, never a critical for a member of the wrong type. */
const char *
cf_model_json_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node ? string_value (node) : NULL;
}

/* A member's integer: FALSE when it is absent or not an integer. */
gboolean
cf_model_json_int (JsonObject *object,
                   const char *member,
                   gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return TRUE;
}

/* Where @path ("creator.name") goes under @root: the object its last part
 * belongs in, made as needed. */
static JsonObject *
parent_object (JsonObject  *root,
               const char  *path,
               const char **leaf)
{
  const char *dot;

  while ((dot = strchr (path, '.')) != NULL)
    {
      g_autofree char *part = g_strndup (path, dot - path);
      JsonNode *child = json_object_get_member (root, part);

      if (child == NULL || !JSON_NODE_HOLDS_OBJECT (child))
        json_object_set_object_member (root, part, json_object_new ());
      root = json_object_get_object_member (root, part);
      path = dot + 1;
    }
  *leaf = path;
  return root;
}

/* One field's value, or NULL when it has none. */
static JsonNode *
field_to_json (gpointer       slot,
               const CfField *field)
{
  JsonNode *node = json_node_alloc ();

  switch (field->type)
    {
    case CF_FIELD_ID:
    case CF_FIELD_STRING:
    case CF_FIELD_MONTH:
      if (*(char **) slot != NULL)
        return json_node_init_string (node, *(char **) slot);
      break;
    case CF_FIELD_INT:
      if (*(gint64 *) slot >= 0)
        return json_node_init_int (node, *(gint64 *) slot);
      break;
    case CF_FIELD_BOOLEAN:
      return json_node_init_boolean (node, *(gboolean *) slot);
    case CF_FIELD_MONEY:
      json_node_free (node);
      return cf_money_is_valid (slot) ? cf_money_to_json (slot) : NULL;
    case CF_FIELD_TIME:
      if (*(GDateTime **) slot != NULL)
        {
          g_autofree char *text = g_date_time_format_iso8601 (*(GDateTime **) slot);

          return json_node_init_string (node, text);
        }
      break;
    case CF_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->value_type ());
        GEnumValue *value = g_enum_get_value (enum_class, *(int *) slot);

        if (value != NULL)
          return json_node_init_string (node, value->value_nick);
        break;
      }
    case CF_FIELD_STRV:
      if (*(GStrv *) slot != NULL)
        {
          JsonArray *array = json_array_new ();

          for (char **item = *(GStrv *) slot; *item != NULL; item++)
            json_array_add_string_element (array, *item);
          json_node_init (node, JSON_NODE_ARRAY);
          json_node_take_array (node, array);
          return node;
        }
      break;
    case CF_FIELD_OBJECT:
      json_node_free (node);
      return *(CfModel **) slot ? cf_model_to_json (*(CfModel **) slot) : NULL;
    case CF_FIELD_LIST:
      if (*(GListModel **) slot != NULL)
        {
          GListModel *list = *(GListModel **) slot;
          JsonArray *array = json_array_new ();

          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr(CfModel) item = g_list_model_get_item (list, i);

              json_array_add_element (array, cf_model_to_json (item));
            }
          json_node_init (node, JSON_NODE_ARRAY);
          json_node_take_array (node, array);
          return node;
        }
      break;
    default:
      g_assert_not_reached ();
    }
  json_node_free (node);
  return NULL;
}

/* @self as JSON of the shape it was read from: what the model holds, read
 * back the same by cf_model_new_from_json(). */
JsonNode *
cf_model_to_json (CfModel *self)
{
  CfModelClass *klass;
  JsonObject *root;
  JsonNode *node;

  g_return_val_if_fail (CF_IS_MODEL (self), NULL);

  klass = CF_MODEL_GET_CLASS (self);
  root = json_object_new ();
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const CfField *field = &klass->fields[i];
      JsonNode *value = field_to_json (FIELD_SLOT (self, field), field);
      const char *leaf;
      JsonObject *parent;

      /* A field without a value is left out where it may be, else null. */
      if (value == NULL && (field->flags & CF_FIELD_OPTIONAL))
        continue;
      parent = parent_object (root, field->member, &leaf);
      json_object_set_member (parent, leaf, value ? value : json_node_new (JSON_NODE_NULL));
    }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}
