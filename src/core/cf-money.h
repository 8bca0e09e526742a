/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cf-currency.h"

G_BEGIN_DECLS

#define CF_MONEY_ERROR (cf_money_error_quark ())

typedef enum
{
  CF_MONEY_ERROR_INVALID,
  CF_MONEY_ERROR_UNKNOWN_CURRENCY,
  CF_MONEY_ERROR_CURRENCY_MISMATCH,
  CF_MONEY_ERROR_OVERFLOW,
  CF_MONEY_ERROR_TOO_PRECISE,
} CfMoneyError;

/* An amount in the minor units of an ISO 4217 currency: 1950 with "EUR" is
 * 19.50 €, 19470000 with "JPY" is 19 470 000 ¥. Never a float. */
typedef struct
{
  gint64 amount;
  char currency[4];
} CfMoney;

#define CF_TYPE_MONEY (cf_money_get_type ())

GType     cf_money_get_type         (void) G_GNUC_CONST;
GQuark    cf_money_error_quark      (void);

CfMoney  *cf_money_copy             (const CfMoney  *money);
void      cf_money_free             (CfMoney        *money);

gboolean  cf_money_init             (CfMoney        *money,
                                     gint64          amount,
                                     const char     *currency,
                                     GError        **error);
gboolean  cf_money_is_valid         (const CfMoney  *money);
gboolean  cf_money_equal            (const CfMoney  *a,
                                     const CfMoney  *b);
void      cf_money_round_to_units   (CfMoney        *money);
gboolean  cf_money_add              (const CfMoney  *a,
                                     const CfMoney  *b,
                                     CfMoney        *sum,
                                     GError        **error);

gboolean  cf_money_from_json        (JsonNode       *node,
                                     CfMoney        *money,
                                     GError        **error);
JsonNode *cf_money_to_json          (const CfMoney  *money);
void      cf_money_build_json       (const CfMoney  *money,
                                     JsonBuilder    *builder);

char     *cf_money_to_decimal       (const CfMoney  *money);
gboolean  cf_money_parse            (const char     *text,
                                     const char     *currency,
                                     const char     *locale,
                                     CfMoney        *money,
                                     GError        **error);
char     *cf_money_format           (const CfMoney  *money,
                                     const char     *locale);
char     *cf_money_format_number    (const CfMoney  *money,
                                     const char     *locale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfMoney, cf_money_free)

G_END_DECLS
