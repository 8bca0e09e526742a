/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-pledge-watch"

#include "config.h"

#include "cf-pledge-watch.h"

/* What is new about a backer's pledges since they were last seen: a reward
 * that shipped, a pledge that needs the backer. What was seen is kept in a
 * key file (pledge ids and states, nothing secret), so that each change is
 * told once, not on every refresh nor again after a restart. The very first
 * look tells nothing: it is what the backer already knows. */
struct _CfPledgeWatch
{
  GObject parent_instance;

  char *path;
  char *scope;  /* the platform and account the pledges belong to */
};

G_DEFINE_FINAL_TYPE (CfPledgeWatch, cf_pledge_watch, G_TYPE_OBJECT)

static void
cf_pledge_watch_finalize (GObject *object)
{
  CfPledgeWatch *self = CF_PLEDGE_WATCH (object);

  g_free (self->path);
  g_free (self->scope);

  G_OBJECT_CLASS (cf_pledge_watch_parent_class)->finalize (object);
}

static void
cf_pledge_watch_class_init (CfPledgeWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_pledge_watch_finalize;
}

static void
cf_pledge_watch_init (CfPledgeWatch *self)
{
}

/* A watch that remembers in the key file at @path, under @scope. */
CfPledgeWatch *
cf_pledge_watch_new (const char *path,
                     const char *scope)
{
  CfPledgeWatch *self = g_object_new (CF_TYPE_PLEDGE_WATCH, NULL);

  self->path = g_strdup (path);
  self->scope = g_strdup (scope);
  return self;
}

static gboolean
has_shipped (CfPledge *pledge)
{
  CfFulfillmentStatus status = cf_fulfillment_get_status (cf_pledge_get_fulfillment (pledge));

  return status == CF_FULFILLMENT_STATUS_SHIPPED || status == CF_FULFILLMENT_STATUS_DELIVERED;
}

static void
add_news (GArray           *news,
          CfPledgeNewsKind  kind,
          CfPledge         *pledge)
{
  CfPledgeNews item = { kind, g_object_ref (pledge) };

  g_array_append_val (news, item);
}

static void
clear_news (CfPledgeNews *news)
{
  g_clear_object (&news->pledge);
}

/* Compares @pledges with what was seen last, remembers them, and returns
 * the news: a #GArray of #CfPledgeNews. */
GArray *
cf_pledge_watch_update (CfPledgeWatch *self,
                        GListModel    *pledges)
{
  g_autoptr(GKeyFile) seen = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_path_get_dirname (self->path);
  gboolean first_look;
  GArray *news = g_array_new (FALSE, FALSE, sizeof (CfPledgeNews));

  g_return_val_if_fail (CF_IS_PLEDGE_WATCH (self), news);

  g_array_set_clear_func (news, (GDestroyNotify) clear_news);
  g_key_file_load_from_file (seen, self->path, G_KEY_FILE_NONE, NULL);
  first_look = !g_key_file_has_group (seen, self->scope);

  for (guint i = 0; i < g_list_model_get_n_items (pledges); i++)
    {
      g_autoptr(CfPledge) pledge = g_list_model_get_item (pledges, i);
      g_autofree char *shipped_key = g_strdup_printf ("%s.shipped", cf_pledge_get_id (pledge));
      g_autofree char *actions_key = g_strdup_printf ("%s.actions", cf_pledge_get_id (pledge));
      g_autofree char *actions = g_strjoinv (",", (char **) cf_pledge_get_actions (pledge));
      g_autofree char *seen_actions = g_key_file_get_string (seen, self->scope, actions_key, NULL);
      gboolean shipped = has_shipped (pledge) && cf_pledge_get_reward_id (pledge) != NULL;

      if (!cf_pledge_is_active (pledge))
        continue;
      if (!first_look && shipped && !g_key_file_get_boolean (seen, self->scope, shipped_key, NULL))
        add_news (news, CF_PLEDGE_NEWS_SHIPPED, pledge);
      if (!first_look && *actions != '\0' && g_strcmp0 (actions, seen_actions) != 0)
        add_news (news, CF_PLEDGE_NEWS_NEEDS_ACTION, pledge);
      g_key_file_set_boolean (seen, self->scope, shipped_key, shipped);
      g_key_file_set_string (seen, self->scope, actions_key, actions);
    }

  /* An empty list is remembered too, so that the next pledge is news. */
  g_key_file_set_string (seen, self->scope, "seen", "true");
  g_mkdir_with_parents (directory, 0700);
  if (!g_key_file_save_to_file (seen, self->path, &error))
    g_warning ("Could not remember which pledges were seen: %s", error->message);

  return news;
}

/* Forgets what was seen of the scope's pledges, as when its account goes. */
void
cf_pledge_watch_forget (CfPledgeWatch *self)
{
  g_autoptr(GKeyFile) seen = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CF_IS_PLEDGE_WATCH (self));

  if (!g_key_file_load_from_file (seen, self->path, G_KEY_FILE_KEEP_COMMENTS, NULL) ||
      !g_key_file_remove_group (seen, self->scope, NULL))
    return;
  if (!g_key_file_save_to_file (seen, self->path, &error))
    g_warning ("Could not forget the pledges seen: %s", error->message);
}
