/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CF_MODEL_ERROR (cf_model_error_quark ())

typedef enum
{
  CF_MODEL_ERROR_INVALID,
} CfModelError;

typedef enum
{
  CF_FIELD_ID,       /* char *: a JSON integer or string, kept as text */
  CF_FIELD_STRING,   /* char * */
  CF_FIELD_MONTH,    /* char *: "YYYY-MM" */
  CF_FIELD_INT,      /* gint64; -1 when null */
  CF_FIELD_BOOLEAN,  /* gboolean */
  CF_FIELD_MONEY,    /* CfMoney, inline */
  CF_FIELD_TIME,     /* GDateTime *, from RFC 3339 */
  CF_FIELD_ENUM,     /* int, from the enum value's nick */
  CF_FIELD_STRV,     /* GStrv */
  CF_FIELD_OBJECT,   /* a CfModel of value_type */
  CF_FIELD_LIST,     /* GListModel of value_type CfModels */
} CfFieldType;

typedef enum
{
  CF_FIELD_REQUIRED = 0,
  CF_FIELD_NULLABLE = 1 << 0,  /* null, or a null parent object, is allowed */
  CF_FIELD_OPTIONAL = 1 << 1,  /* the member may be absent */
  CF_FIELD_INTERN   = 1 << 2,  /* a string with few distinct values: interned */
  CF_FIELD_WRITABLE = 1 << 3,  /* the property can be set after parsing */
  CF_FIELD_WEB_ADDRESS = 1 << 4,  /* a string kept only if it is an http(s) address */
  CF_FIELD_HEADER_VALUE = 1 << 5, /* a string refused unless it can be sent in a header */
} CfFieldFlags;

typedef struct
{
  const char *member;  /* JSON path: "title", "creator.name" */
  const char *name;    /* property name; NULL: member itself */
  CfFieldType type;
  CfFieldFlags flags;
  gsize offset;        /* of the value in the instance struct */
  GType (*value_type) (void);  /* the enum, or the model held */
} CfField;

#define CF_TYPE_MODEL (cf_model_get_type ())

G_DECLARE_DERIVABLE_TYPE (CfModel, cf_model, CF, MODEL, GObject)

/* A model is a plain record read from JSON; its class describes its fields
 * once, and properties, parsing and freeing all follow from that table. */
struct _CfModelClass
{
  GObjectClass parent_class;

  const CfField *fields;
  guint n_fields;
};

GQuark   cf_model_error_quark         (void);
void     cf_model_class_install_fields (CfModelClass  *model_class,
                                       const CfField *fields,
                                       guint          n_fields);
/* No list the API gives is longer: a page holds at most 100 items, a
 * funding history a point an hour. */
#define CF_MODEL_MAX_LIST_LENGTH 10000

const char *cf_model_json_string  (JsonObject    *object,
                                   const char    *member);
gboolean    cf_model_json_int     (JsonObject    *object,
                                   const char    *member,
                                   gint64        *value);
gpointer cf_model_new_from_json       (GType          type,
                                       JsonNode      *node,
                                       GError       **error);
JsonNode *cf_model_to_json            (CfModel       *self);
void     cf_model_build_string        (JsonBuilder   *builder,
                                       const char    *name,
                                       const char    *value);
void     cf_model_build_id            (JsonBuilder   *builder,
                                       const char    *id);
GListModel *cf_model_list_new_from_json (GType        item_type,
                                         JsonNode    *node,
                                         GError     **error);

/* Defines the typed getter of a model's field: cf_campaign_get_title (). @access is
 * what turns the stored field into the value returned: nothing, & or a cast. */
#define CF_MODEL_DEFINE_GETTER(TypeName, type_name, TYPE_CHECK, ValueType, field, access, fallback) \
  ValueType                                                                                     \
  type_name##_get_##field (TypeName *self)                                                      \
  {                                                                                             \
    g_return_val_if_fail (TYPE_CHECK (self), fallback);                                         \
    return access self->field;                                                                  \
  }
G_END_DECLS
