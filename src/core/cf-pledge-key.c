/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledge-key"

#include "config.h"

#include "cf-pledge-key.h"

/* The Idempotency-Key of one pledge dialog. Sending the same pledge again
 * (a double click, a retry after a failure) sends the same key, so that the
 * platform never charges twice; once the backer changes what they pledge,
 * it is another request and gets a key of its own, since a platform refuses
 * a key reused for a different request (IETF Idempotency-Key draft). */
struct _CfPledgeKey
{
  GObject parent_instance;

  char *key;
  char *request;  /* what the key was first sent with, or NULL */
};

G_DEFINE_FINAL_TYPE (CfPledgeKey, cf_pledge_key, G_TYPE_OBJECT)

static void
cf_pledge_key_finalize (GObject *object)
{
  CfPledgeKey *self = CF_PLEDGE_KEY (object);

  g_free (self->key);
  g_free (self->request);

  G_OBJECT_CLASS (cf_pledge_key_parent_class)->finalize (object);
}

static void
cf_pledge_key_class_init (CfPledgeKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_pledge_key_finalize;
}

static void
cf_pledge_key_init (CfPledgeKey *self)
{
  self->key = cf_platform_new_idempotency_key ();
}

CfPledgeKey *
cf_pledge_key_new (void)
{
  return g_object_new (CF_TYPE_PLEDGE_KEY, NULL);
}

/* The key to send @request with. */
const char *
cf_pledge_key_for (CfPledgeKey           *self,
                   const CfPledgeRequest *request)
{
  g_autofree char *described = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s %s",
                                                request->reward_id ? request->reward_id : "",
                                                request->amount.amount, request->amount.currency,
                                                request->shipping_country ? request->shipping_country : "");

  g_return_val_if_fail (CF_IS_PLEDGE_KEY (self), NULL);

  if (self->request != NULL && !g_str_equal (self->request, described))
    {
      g_free (self->key);
      self->key = cf_platform_new_idempotency_key ();
    }

  g_free (self->request);
  self->request = g_steal_pointer (&described);
  return self->key;
}
