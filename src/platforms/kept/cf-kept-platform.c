/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-kept-platform"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-campaign-list.h"
#include "cf-enum-types.h"
#include "cf-foreign-json.h"
#include "cf-kept-book.h"
#include "cf-kept-platform.h"
#include "cf-kept-translate.h"
#include "cf-reward.h"
#include "cf-kickstarter-watch.h"

/* What the person keeps on this computer, as a platform beside the
 * others: campaigns followed by their address on any website, with the
 * figures Kickstarter publishes for its own, and pledges made where no
 * API reaches, kept by hand. Nothing is asked of a server but Kickstarter's
 * public figures; every answer is at once. */

struct _CfKeptPlatform
{
  GObject parent_instance;

  CfKeptBook *book;
  CfKickstarterWatch *kickstarter;
  CfPlatformCapabilities capabilities;
};

static void cf_kept_platform_iface_init (CfPlatformInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfKeptPlatform, cf_kept_platform, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CF_TYPE_PLATFORM, cf_kept_platform_iface_init))

enum
{
  GOAL_PASSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every answer is at once, but given in the next main loop iteration, and
 * as cancelled when @cancellable was. */
static void
answer (gpointer             self,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data,
        gpointer             value,
        GError              *error)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, g_object_unref);
}

/* An empty page of @item_type. */
static void
answer_nothing (gpointer             self,
                GType                item_type,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GListStore) none = g_list_store_new (item_type);

  answer (self, cancellable, callback, user_data, cf_page_new (G_LIST_MODEL (none), NULL, 0), NULL);
}

static GError *
not_found (void)
{
  return g_error_new_literal (CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_NOT_FOUND,
                              _("This campaign is no longer kept on this computer."));
}

/* The book as it could not be read, for what lists it. */
static GError *
damage_error (CfKeptPlatform *self)
{
  const GError *damage = cf_kept_book_get_damage (self->book);

  if (damage == NULL)
    return NULL;
  /* Translators: %s says why the file could not be read. */
  return g_error_new (CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE,
                      _("The pledges and campaigns kept on this computer could not be read: %s "
                        "The file is left as it is."), damage->message);
}

static CfCampaign *
campaign_of (CfKeptPlatform *self,
             JsonObject     *entry)
{
  const char *id = json_object_get_string_member (entry, "id");
  g_autoptr(JsonNode) node = cf_kept_translate_campaign (entry, cf_kickstarter_watch_get_problem (self->kickstarter, id));
  g_autoptr(GError) error = NULL;
  CfCampaign *campaign = cf_campaign_new_from_json (node, &error);

  if (campaign == NULL)
    g_warning ("a kept campaign cannot be shown: %s", error->message);
  return campaign;
}

/* The campaigns marked @mark ("followed", "mine") whose title has @search
 * (or all), as one page. */
static CfPage *
marked_page (CfKeptPlatform *self,
             const char     *mark,
             const char     *search)
{
  JsonArray *campaigns = cf_kept_book_get_list (self->book, CF_KEPT_CAMPAIGNS);
  g_autoptr(GListStore) items = g_list_store_new (CF_TYPE_CAMPAIGN);
  g_autofree char *folded_search = search ? g_utf8_casefold (search, -1) : NULL;

  for (guint i = 0; i < json_array_get_length (campaigns); i++)
    {
      JsonObject *entry = json_array_get_object_element (campaigns, i);
      g_autoptr(CfCampaign) campaign = NULL;
      g_autofree char *folded_title = NULL;

      if (!json_object_get_boolean_member_with_default (entry, mark, FALSE))
        continue;
      campaign = campaign_of (self, entry);
      if (campaign == NULL)
        continue;
      folded_title = g_utf8_casefold (cf_campaign_get_title (campaign), -1);
      if (folded_search == NULL || strstr (folded_title, folded_search) != NULL)
        g_list_store_append (items, campaign);
    }
  return cf_page_new (G_LIST_MODEL (items), NULL, g_list_model_get_n_items (G_LIST_MODEL (items)));
}

/* The person's list of campaigns marked @mark, or why the file could not be read. */
static void
answer_marked (CfKeptPlatform      *self,
               const char          *mark,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GError *error = damage_error (self);

  answer (self, cancellable, callback, user_data, error ? NULL : marked_page (self, mark, NULL), error);
}

static void
cf_kept_platform_list_campaigns (CfPlatform            *platform,
                                 const CfCampaignQuery *query,
                                 const char            *cursor,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  CfKeptPlatform *self = CF_KEPT_PLATFORM (platform);

  answer (self, cancellable, callback, user_data, marked_page (self, "followed", query->search), NULL);
}

static void
cf_kept_platform_list_following (CfPlatform          *platform,
                                 const char          *cursor,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  answer_marked (CF_KEPT_PLATFORM (platform), "followed", cancellable, callback, user_data);
}

static void
cf_kept_platform_list_my_campaigns (CfPlatform          *platform,
                                    const char          *cursor,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  answer_marked (CF_KEPT_PLATFORM (platform), "mine", cancellable, callback, user_data);
}

/* Kickstarter does not say who backed: the list is empty, never wrong. */
static void
cf_kept_platform_list_backers (CfPlatform          *platform,
                               const char          *campaign_id,
                               gboolean             newest_first,
                               const char          *cursor,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  answer_nothing (platform, CF_TYPE_PLEDGE, cancellable, callback, user_data);
}

static void
cf_kept_platform_list_categories (CfPlatform          *platform,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  answer_nothing (platform, G_TYPE_OBJECT, cancellable, callback, user_data);
}

static void
cf_kept_platform_get_campaign (CfPlatform          *platform,
                               const char          *id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  CfKeptPlatform *self = CF_KEPT_PLATFORM (platform);
  JsonObject *entry = cf_kept_book_find (self->book, CF_KEPT_CAMPAIGNS, id);
  CfCampaign *campaign = entry ? campaign_of (self, entry) : NULL;

  answer (self, cancellable, callback, user_data, campaign, campaign ? NULL : not_found ());
}

static void
cf_kept_platform_list_rewards (CfPlatform          *platform,
                               const char          *campaign_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  answer_nothing (platform, CF_TYPE_REWARD, cancellable, callback, user_data);
}

static void
cf_kept_platform_get_stats (CfPlatform          *platform,
                            const char          *campaign_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CfKeptPlatform *self = CF_KEPT_PLATFORM (platform);
  JsonObject *entry = cf_kept_book_find (self->book, CF_KEPT_CAMPAIGNS, campaign_id);
  g_autoptr(JsonNode) node = entry ? cf_kept_translate_stats (entry) : NULL;
  GError *error = entry ? NULL : not_found ();
  CfStats *stats = node ? cf_stats_new_from_json (node, &error) : NULL;

  answer (self, cancellable, callback, user_data, stats, error);
}

static void
cf_kept_platform_get_me (CfPlatform          *platform,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  CfUser *user;

  json_builder_begin_object (builder);
  cf_model_build_string (builder, "id", CF_KEPT_CHOICE);
  cf_model_build_string (builder, "username", g_get_user_name ());
  cf_model_build_string (builder, "name", g_get_real_name ());
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  user = cf_user_new_from_json (node, &error);
  answer (platform, cancellable, callback, user_data, user, error);
}

static gboolean
save (CfKeptPlatform  *self,
      GError         **error)
{
  g_autoptr(GError) cause = NULL;

  if (!cf_kept_book_save (self->book, &cause))
    {
      /* Translators: %s says why the file could not be written. */
      g_set_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_FAILED,
                   _("Crowdfund could not keep this on your computer: %s"), cause->message);
      return FALSE;
    }
  cf_kickstarter_watch_update (self->kickstarter);
  cf_platform_emit_changed (CF_PLATFORM (self));
  return TRUE;
}

/* A campaign neither followed nor pledged to goes. */
static void
forget_if_unused (CfKeptPlatform *self,
                  const char     *campaign_id)
{
  JsonObject *campaign = cf_kept_book_find (self->book, CF_KEPT_CAMPAIGNS, campaign_id);
  JsonArray *pledges = cf_kept_book_get_list (self->book, CF_KEPT_PLEDGES);

  if (campaign == NULL || json_object_get_boolean_member_with_default (campaign, "followed", FALSE))
    return;
  for (guint i = 0; i < json_array_get_length (pledges); i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (pledges, i),
                                                               "campaign_id", NULL), campaign_id) == 0)
      return;
  cf_kept_book_remove (self->book, CF_KEPT_CAMPAIGNS, campaign_id);
}

static void
cf_kept_platform_set_following (CfPlatform          *platform,
                                const char          *campaign_id,
                                gboolean             following,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CfKeptPlatform *self = CF_KEPT_PLATFORM (platform);
  JsonObject *entry = cf_kept_book_find (self->book, CF_KEPT_CAMPAIGNS, campaign_id);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  if (entry == NULL)
    {
      g_task_return_error (task, not_found ());
      return;
    }
  json_object_set_boolean_member (entry, "followed", following);
  forget_if_unused (self, campaign_id);
  if (!save (self, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static CfPledge *
pledge_of (CfKeptPlatform *self,
           JsonObject     *entry,
           GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  JsonObject *campaign = cf_kept_book_find (self->book, CF_KEPT_CAMPAIGNS,
                                            json_object_get_string_member_with_default (entry, "campaign_id", NULL));
  const char *address = campaign ? json_object_get_string_member_with_default (campaign, "address", "") : "";
  g_autofree char *backing_url = cf_kickstarter_watch_dup_project_page (self->kickstarter, address,
                                                                        "backing/survey_responses");
  g_autofree char *updates_url = cf_kickstarter_watch_dup_project_page (self->kickstarter, address, "posts");
  CfKeptLinks links = { backing_url, updates_url };
  g_autoptr(JsonNode) node = campaign ? cf_kept_translate_pledge (entry, campaign, &links, now) : NULL;

  if (node == NULL)
    {
      g_propagate_error (error, not_found ());
      return NULL;
    }
  return cf_pledge_new_from_json (node, error);
}

/* Whether @pledge has @status, as the API names statuses. */
static gboolean
has_status (CfPledge   *pledge,
            const char *status)
{
  g_autoptr(GEnumClass) statuses = g_type_class_ref (CF_TYPE_PLEDGE_STATUS);
  GEnumValue *wanted = g_enum_get_value_by_nick (statuses, status);

  return wanted != NULL && wanted->value == (int) cf_pledge_get_status (pledge);
}

static void
cf_kept_platform_list_pledges (CfPlatform          *platform,
                               const char          *status,
                               const char          *cursor,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  CfKeptPlatform *self = CF_KEPT_PLATFORM (platform);
  JsonArray *pledges = cf_kept_book_get_list (self->book, CF_KEPT_PLEDGES);
  g_autoptr(GListStore) items = g_list_store_new (CF_TYPE_PLEDGE);
  GError *error = damage_error (self);

  for (guint i = 0; error == NULL && i < json_array_get_length (pledges); i++)
    {
      g_autoptr(GError) invalid = NULL;
      g_autoptr(CfPledge) pledge = pledge_of (self, json_array_get_object_element (pledges, i), &invalid);

      if (pledge == NULL)
        {
          g_warning ("a pledge kept by hand cannot be shown: %s", invalid->message);
          continue;
        }
      if (status == NULL || has_status (pledge, status))
        g_list_store_append (items, pledge);
    }
  answer (self, cancellable, callback, user_data,
          error ? NULL : cf_page_new (G_LIST_MODEL (items), NULL, g_list_model_get_n_items (G_LIST_MODEL (items))),
          error);
}

static JsonObject *
delivery_of (JsonObject *pledge)
{
  JsonObject *delivery = cf_foreign_json_object (pledge, "delivery");

  if (delivery == NULL)
    {
      delivery = json_object_new ();
      json_object_set_object_member (pledge, "delivery", delivery);
    }
  return delivery;
}

static void
set_now (JsonObject *object,
         const char *member,
         gboolean    done)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);

  if (!done)
    json_object_remove_member (object, member);
  else if (!json_object_has_member (object, member))
    json_object_set_string_member (object, member, at);
}

static void
set_text (JsonObject *object,
          const char *member,
          const char *text)
{
  if (text != NULL && *text != '\0')
    json_object_set_string_member (object, member, text);
  else
    json_object_remove_member (object, member);
}

static void
apply_change (JsonObject           *pledge,
              const CfPledgeChange *change)
{
  JsonObject *delivery = delivery_of (pledge);

  if (change->fields & CF_PLEDGE_CHANGE_RECEIVED)
    set_now (delivery, "received_at", change->received);
  if (!(change->fields & CF_PLEDGE_CHANGE_DELIVERY))
    return;
  switch (change->delivery_step)
    {
    case CF_DELIVERY_STEP_SURVEY_ANSWERED:
      set_now (delivery, "survey_answered_at", TRUE);
      break;
    case CF_DELIVERY_STEP_SHIPPED:
      set_now (delivery, "shipped_at", TRUE);
      set_text (delivery, "carrier", change->carrier);
      set_text (delivery, "tracking_number", change->tracking_number);
      set_text (delivery, "tracking_url", change->tracking_url);
      break;
    case CF_DELIVERY_STEP_REFUNDED:
    default:
      set_now (delivery, "refunded_at", TRUE);
      break;
    }
}

static void
cf_kept_platform_change_pledge (CfPlatform           *platform,
                                const char           *pledge_id,
                                const CfPledgeChange *change,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  CfKeptPlatform *self = CF_KEPT_PLATFORM (platform);
  JsonObject *entry = cf_kept_book_find (self->book, CF_KEPT_PLEDGES, pledge_id);
  GError *error = entry ? NULL : not_found ();
  CfPledge *pledge = NULL;

  if (entry != NULL)
    {
      apply_change (entry, change);
      if (save (self, &error))
        pledge = pledge_of (self, entry, &error);
    }
  answer (self, cancellable, callback, user_data, pledge, error);
}

/* Forgets a pledge kept by hand (it is not the platform's to cancel). */
static void
cf_kept_platform_cancel_pledge (CfPlatform          *platform,
                                const char          *pledge_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  CfKeptPlatform *self = CF_KEPT_PLATFORM (platform);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  JsonObject *entry = cf_kept_book_find (self->book, CF_KEPT_PLEDGES, pledge_id);
  g_autofree char *campaign_id = NULL;
  GError *error = NULL;

  if (entry == NULL)
    {
      g_task_return_error (task, not_found ());
      return;
    }
  campaign_id = g_strdup (json_object_get_string_member_with_default (entry, "campaign_id", NULL));
  cf_kept_book_remove (self->book, CF_KEPT_PLEDGES, pledge_id);
  forget_if_unused (self, campaign_id);
  if (!save (self, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static char *
cf_kept_platform_campaign_at_address (CfPlatform *platform,
                                      GUri       *address)
{
  CfKeptPlatform *self = CF_KEPT_PLATFORM (platform);
  g_autofree char *text = g_uri_to_string (address);
  JsonObject *entry = cf_kept_book_find_campaign_at (self->book, text);

  return entry ? g_strdup (json_object_get_string_member (entry, "id")) : NULL;
}

static void
cf_kept_platform_set_credentials (CfPlatform    *platform,
                                  CfCredentials *credentials)
{
}

static CfCredentials *
cf_kept_platform_dup_credentials (CfPlatform *platform)
{
  return NULL;
}

static const CfPlatformCapabilities *
cf_kept_platform_get_capabilities (CfPlatform *platform)
{
  return &CF_KEPT_PLATFORM (platform)->capabilities;
}

static void
cf_kept_platform_iface_init (CfPlatformInterface *iface)
{
  iface->get_capabilities = cf_kept_platform_get_capabilities;
  iface->set_credentials = cf_kept_platform_set_credentials;
  iface->dup_credentials = cf_kept_platform_dup_credentials;
  iface->list_categories = cf_kept_platform_list_categories;
  iface->list_campaigns = cf_kept_platform_list_campaigns;
  iface->get_campaign = cf_kept_platform_get_campaign;
  iface->list_rewards = cf_kept_platform_list_rewards;
  iface->get_stats = cf_kept_platform_get_stats;
  iface->get_me = cf_kept_platform_get_me;
  iface->list_following = cf_kept_platform_list_following;
  iface->list_my_campaigns = cf_kept_platform_list_my_campaigns;
  iface->list_backers = cf_kept_platform_list_backers;
  iface->set_following = cf_kept_platform_set_following;
  iface->list_pledges = cf_kept_platform_list_pledges;
  iface->change_pledge = cf_kept_platform_change_pledge;
  iface->cancel_pledge = cf_kept_platform_cancel_pledge;
  iface->campaign_at_address = cf_kept_platform_campaign_at_address;
}

/* The campaign kept at @address, a new one if none is. */
static JsonObject *
campaign_at (CfKeptPlatform *self,
             const char     *address,
             const char     *title)
{
  JsonObject *entry = cf_kept_book_find_campaign_at (self->book, address);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);

  if (entry == NULL)
    {
      entry = cf_kept_book_add (self->book, CF_KEPT_CAMPAIGNS);
      json_object_set_string_member (entry, "address", address);
      json_object_set_string_member (entry, "added_at", at);
      json_object_set_boolean_member (entry, "followed", FALSE);
    }
  if (title != NULL && *title != '\0')
    json_object_set_string_member (entry, "title", title);
  else if (!json_object_has_member (entry, "title"))
    {
      g_autofree char *from_address = cf_kept_dup_title_from_address (address);

      json_object_set_string_member (entry, "title", from_address);
    }
  return entry;
}

static void
set_stretch_goals (JsonObject         *entry,
                   const CfKeptFollow *follow)
{
  JsonArray *goals = json_array_new ();

  for (guint i = 0; i < follow->n_stretch_goals; i++)
    json_array_add_element (goals, cf_money_to_json (&follow->stretch_goals[i]));
  json_object_set_array_member (entry, "stretch_goals", goals);
}

/* Whether the figures of the campaign at @address can be read: it is on
 * Kickstarter. */
gboolean
cf_kept_platform_reads_figures_of (CfKeptPlatform *self,
                                   const char     *address)
{
  g_return_val_if_fail (CF_IS_KEPT_PLATFORM (self), FALSE);

  return cf_kickstarter_watch_claims (self->kickstarter, address);
}

/* Follows the campaign at @follow's address; its id, or NULL with @error
 * set when it could not be kept. */
char *
cf_kept_platform_follow (CfKeptPlatform      *self,
                         const CfKeptFollow  *follow,
                         GError             **error)
{
  JsonObject *entry;

  g_return_val_if_fail (CF_IS_KEPT_PLATFORM (self), NULL);

  entry = campaign_at (self, follow->address, follow->title);
  json_object_set_boolean_member (entry, "followed", TRUE);
  json_object_set_boolean_member (entry, "live_figures",
                                  follow->live_figures && cf_kickstarter_watch_claims (self->kickstarter, follow->address));
  set_text (entry, "currency", follow->currency);
  if (follow->goal != NULL)
    json_object_set_member (entry, "goal", cf_money_to_json (follow->goal));
  else
    json_object_remove_member (entry, "goal");
  set_stretch_goals (entry, follow);
  if (follow->deadline != NULL)
    {
      g_autofree char *deadline = g_date_time_format_iso8601 (follow->deadline);

      json_object_set_string_member (entry, "deadline", deadline);
    }
  else
    json_object_remove_member (entry, "deadline");
  json_object_set_boolean_member (entry, "mine", follow->mine);
  if (!save (self, error))
    return NULL;
  return g_strdup (json_object_get_string_member (entry, "id"));
}

/* Keeps a pledge made on a campaign the app cannot read; its id, or NULL
 * with @error set. */
char *
cf_kept_platform_add_pledge (CfKeptPlatform      *self,
                             const CfKeptPledge  *pledge,
                             GError             **error)
{
  JsonObject *campaign;
  JsonObject *entry;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (CF_IS_KEPT_PLATFORM (self), NULL);

  campaign = campaign_at (self, pledge->address, pledge->title);
  entry = cf_kept_book_add (self->book, CF_KEPT_PLEDGES);
  json_object_set_string_member (entry, "campaign_id", json_object_get_string_member (campaign, "id"));
  json_object_set_member (entry, "amount", cf_money_to_json (&pledge->amount));
  set_text (entry, "reward", pledge->reward);
  set_text (entry, "estimated_delivery", pledge->estimated_delivery);
  if (pledge->backer_number > 0)
    json_object_set_int_member (entry, "backer_number", pledge->backer_number);
  set_text (entry, "note", pledge->note);
  json_object_set_string_member (entry, "pledged_at", at);
  json_object_set_object_member (entry, "delivery", json_object_new ());
  if (!save (self, error))
    return NULL;
  return g_strdup (json_object_get_string_member (entry, "id"));
}

gboolean
cf_kept_platform_export (CfKeptPlatform  *self,
                         const char      *path,
                         GError         **error)
{
  g_return_val_if_fail (CF_IS_KEPT_PLATFORM (self), FALSE);

  return cf_kept_book_export (self->book, path, error);
}

/* Adds what the file at @path keeps that is not kept here yet. */
gboolean
cf_kept_platform_import (CfKeptPlatform  *self,
                         const char      *path,
                         guint           *n_added,
                         GError         **error)
{
  g_return_val_if_fail (CF_IS_KEPT_PLATFORM (self), FALSE);

  if (!cf_kept_book_import (self->book, path, n_added, error))
    return FALSE;
  cf_kickstarter_watch_update (self->kickstarter);
  cf_platform_emit_changed (CF_PLATFORM (self));
  return TRUE;
}

static void
figures_read_cb (CfKeptPlatform *self)
{
  cf_platform_emit_changed (CF_PLATFORM (self));
}

/* A goal of one of the person's own launches was passed: told with the
 * campaign's title. */
static void
goal_passed_cb (CfKeptPlatform *self,
                const char     *campaign_id,
                const CfMoney  *goal,
                gboolean        stretch)
{
  JsonObject *entry = cf_kept_book_find (self->book, CF_KEPT_CAMPAIGNS, campaign_id);

  if (entry != NULL && json_object_get_boolean_member_with_default (entry, "mine", FALSE))
    g_signal_emit (self, signals[GOAL_PASSED], 0, json_object_get_string_member (entry, "title"), goal, stretch);
}

static void
cf_kept_platform_dispose (GObject *object)
{
  CfKeptPlatform *self = CF_KEPT_PLATFORM (object);

  g_clear_object (&self->kickstarter);
  g_clear_object (&self->book);

  G_OBJECT_CLASS (cf_kept_platform_parent_class)->dispose (object);
}

static void
cf_kept_platform_class_init (CfKeptPlatformClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_kept_platform_dispose;

  /* The pledged total of one of the person's own launches went past a goal
   * they typed: the campaign's title, the goal, whether it is a stretch goal. */
  signals[GOAL_PASSED] = g_signal_new ("goal-passed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 3, G_TYPE_STRING, CF_TYPE_MONEY, G_TYPE_BOOLEAN);
}

static void
cf_kept_platform_init (CfKeptPlatform *self)
{
  self->capabilities = (CfPlatformCapabilities) {
    .features = CF_PLATFORM_FEATURE_BROWSE | CF_PLATFORM_FEATURE_SEARCH | CF_PLATFORM_FEATURE_FOLLOW |
                CF_PLATFORM_FEATURE_PLEDGES | CF_PLATFORM_FEATURE_CHANGE_PLEDGE | CF_PLATFORM_FEATURE_DELIVERY_TRACKING |
                CF_PLATFORM_FEATURE_FUNDING_HISTORY | CF_PLATFORM_FEATURE_MY_CAMPAIGNS,
    .sign_in = CF_SIGN_IN_METHOD_NONE,
    .live_totals = CF_LIVE_TOTALS_POLL,
    .live_poll_seconds = 5,  /* every read is of the file, and cheap */
  };
}

/* What is kept in the file at @path, with the public figures of
 * Kickstarter campaigns read from @kickstarter_url every @poll_seconds. */
CfKeptPlatform *
cf_kept_platform_new (SoupSession *session,
                      const char  *path,
                      const char  *kickstarter_url,
                      guint        poll_seconds)
{
  CfKeptPlatform *self = g_object_new (CF_TYPE_KEPT_PLATFORM, NULL);

  self->book = cf_kept_book_new (path);
  self->kickstarter = cf_kickstarter_watch_new (session, self->book, kickstarter_url, poll_seconds);
  g_signal_connect_object (self->kickstarter, "read", G_CALLBACK (figures_read_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kickstarter, "goal-passed", G_CALLBACK (goal_passed_cb), self, G_CONNECT_SWAPPED);
  cf_kickstarter_watch_update (self->kickstarter);
  return self;
}

static void
open_platform (SoupSession *session,
               const char  *choice,
               GTask       *task)
{
  const char *kickstarter_url = g_getenv ("CROWDFUND_KICKSTARTER_URL");
  const char *interval = g_getenv ("CROWDFUND_KICKSTARTER_POLL_SECONDS");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crowdfund", "kept.json", NULL);
  guint64 seconds = 300;

  if (interval != NULL)
    g_ascii_string_to_unsigned (interval, 10, 1, 3600, &seconds, NULL);
  g_task_return_pointer (task, cf_kept_platform_new (session, path,
                                                     kickstarter_url ? kickstarter_url : "https://www.kickstarter.com/",
                                                     seconds),
                         g_object_unref);
  g_object_unref (task);
}

/* What the person keeps on this computer, in their data folder; the
 * address Kickstarter's figures are read from can be pointed elsewhere
 * with CROWDFUND_KICKSTARTER_URL, and their pace (5 minutes) set with
 * CROWDFUND_KICKSTARTER_POLL_SECONDS. */
const CfPlatformKind cf_kept_platform_kind = {
  .id = CF_KEPT_CHOICE,
  .name = N_("Kept on This Computer"),
  .needs_address = FALSE,
  .open = open_platform,
};
