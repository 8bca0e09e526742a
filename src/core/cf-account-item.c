/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-account-item"

#include "config.h"

#include "cf-account-item.h"

/* An item of a list gathered from several accounts (a pledge, a campaign)
 * with the account that gave it, so that it opens on its own platform, and
 * whether it is kept from an earlier visit because that platform does not
 * answer now. */
struct _CfAccountItem
{
  GObject parent_instance;

  CfAccount *account;  /* owned */
  GObject *item;       /* owned */
  gboolean kept;
};

G_DEFINE_FINAL_TYPE (CfAccountItem, cf_account_item, G_TYPE_OBJECT)

static void
cf_account_item_dispose (GObject *object)
{
  CfAccountItem *self = CF_ACCOUNT_ITEM (object);

  g_clear_object (&self->account);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (cf_account_item_parent_class)->dispose (object);
}

static void
cf_account_item_class_init (CfAccountItemClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_account_item_dispose;
}

static void
cf_account_item_init (CfAccountItem *self)
{
}

CfAccountItem *
cf_account_item_new (CfAccount *account,
                     gpointer   item,
                     gboolean   kept)
{
  CfAccountItem *self;

  g_return_val_if_fail (CF_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  self = g_object_new (CF_TYPE_ACCOUNT_ITEM, NULL);
  self->account = g_object_ref (account);
  self->item = g_object_ref (item);
  self->kept = kept;
  return self;
}

CfAccount *
cf_account_item_get_account (CfAccountItem *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT_ITEM (self), NULL);

  return self->account;
}

gpointer
cf_account_item_get_item (CfAccountItem *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT_ITEM (self), NULL);

  return self->item;
}

/* Whether the item is what its account gave at an earlier visit, its
 * platform not answering now. */
gboolean
cf_account_item_get_kept (CfAccountItem *self)
{
  g_return_val_if_fail (CF_IS_ACCOUNT_ITEM (self), FALSE);

  return self->kept;
}
