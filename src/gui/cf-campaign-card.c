/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-campaign-card"

#include "config.h"

#include <glib/gi18n.h>

#include "cf-campaign-card.h"
#include "cf-widget-util.h"
#include "cf-campaign-summary.h"
#include "cf-funding-bar.h"
#include "cf-live-subscription.h"

/* A campaign in a grid: picture, title, creator and figures, and a star to
 * follow it once signed in. */
struct _CfCampaignCard
{
  GtkWidget parent_instance;

  GtkLabel *backers_label;
  GtkLabel *creator_label;
  GtkButton *follow_button;
  CfFundingBar *funding_bar;
  GtkLabel *percent_label;
  GtkLabel *approximate_label;
  GtkPicture *picture;
  GtkLabel *pledged_label;
  GtkLabel *time_left_label;
  GtkLabel *title_label;

  CfImageCache *image_cache;
  CfApproximation *approximation;
  CfAccount *account;
  CfCampaign *campaign;
  CfLiveSubscription *subscription;
  gboolean show_platform;
  GCancellable *image_cancellable;
  int picture_width;   /* device pixels the picture is decoded for */
  int picture_height;
  gboolean picture_requested;
  char *picture_url;   /* of the picture shown or on its way */
  GCancellable *follow_cancellable;
};

G_DEFINE_FINAL_TYPE (CfCampaignCard, cf_campaign_card, GTK_TYPE_WIDGET)

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GdkTexture) texture = cf_image_cache_load_finish (CF_IMAGE_CACHE (object), result, NULL);
  CfCampaignCard *self;

  if (texture == NULL)
    return;

  self = CF_CAMPAIGN_CARD (user_data);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

/* The picture at once when it is decoded already for the card's size, else
 * the placeholder until the card is drawn; a recycled card drops the load
 * it no longer needs. */
static void
show_picture (CfCampaignCard *self)
{
  const char *url = cf_campaign_get_image_url (self->campaign);
  GdkTexture *texture;

  /* The same picture again, as when the list is read anew: what is shown,
   * or on its way, stays. */
  if (self->picture_requested && g_strcmp0 (url, self->picture_url) == 0)
    return;

  texture = cf_image_cache_lookup (self->image_cache, url, self->picture_width, self->picture_height);
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  gtk_picture_set_paintable (self->picture, texture ? GDK_PAINTABLE (texture) : NULL);
  self->picture_requested = texture != NULL;
  g_free (self->picture_url);
  self->picture_url = g_strdup (url);
}

/* A picture is fetched and decoded only for a card that is drawn, at the
 * size it is drawn at: the grid makes cards for rows out of sight too. */
static void
cf_campaign_card_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CfCampaignCard *self = CF_CAMPAIGN_CARD (widget);
  const char *url = self->campaign ? cf_campaign_get_image_url (self->campaign) : NULL;
  int scale = gtk_widget_get_scale_factor (widget);
  int width = gtk_widget_get_width (GTK_WIDGET (self->picture)) * scale;
  int height = gtk_widget_get_height (GTK_WIDGET (self->picture)) * scale;

  if (url != NULL && width > 0 && height > 0 &&
      (!self->picture_requested || width != self->picture_width || height != self->picture_height))
    {
      g_cancellable_cancel (self->image_cancellable);
      g_clear_object (&self->image_cancellable);
      self->picture_requested = TRUE;
      self->picture_width = width;
      self->picture_height = height;
      self->image_cancellable = g_cancellable_new ();
      cf_image_cache_load_async (self->image_cache, url, width, height, self->image_cancellable,
                                 image_loaded_cb, self);
    }

  GTK_WIDGET_CLASS (cf_campaign_card_parent_class)->snapshot (widget, snapshot);
}

static void
show_below_figures (CfCampaignCard *self,
                    const char     *text)
{
  gtk_label_set_label (self->approximate_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->approximate_label), text != NULL);
}

/* What was pledged, in the person's currency too when it is another. A
 * count of pre-orders or members has the money it brought there instead. */
static void
show_approximation (CfCampaignCard *self)
{
  g_autofree char *text = NULL;

  if (self->campaign != NULL && cf_campaign_get_goal_unit (self->campaign) != CF_GOAL_UNIT_MONEY)
    return;
  if (self->campaign != NULL && cf_campaign_get_state (self->campaign) != CF_CAMPAIGN_STATE_UPCOMING)
    text = cf_approximation_dup_text (self->approximation, cf_campaign_get_pledged (self->campaign));
  show_below_figures (self, text);
}

/* The grid's cell around the card is what takes the keyboard focus, and
 * GTK 4.8 names it after its class: it says what the card says. */
static void
name_cell (CfCampaignCard *self,
           const char     *spoken)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (self));

  if (cell != NULL && gtk_widget_get_focusable (cell))
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
show_figures (CfCampaignCard *self)
{
  g_auto(CfCampaignSummary) summary = { 0 };

  gboolean upcoming = cf_campaign_get_state (self->campaign) == CF_CAMPAIGN_STATE_UPCOMING;
  g_autofree char *goal = NULL;

  cf_campaign_summary_init (&summary, self->campaign);
  cf_funding_bar_set_fraction (self->funding_bar, summary.fraction);
  gtk_widget_set_visible (GTK_WIDGET (self->funding_bar), summary.has_goal);
  /* Before launch, nothing is pledged yet: the goal says more. */
  if (upcoming)
    /* Translators: %s is a campaign's goal, as in “Goal: €25,000”. */
    goal = g_strdup_printf (_("Goal: %s"), summary.goal);
  gtk_label_set_label (self->pledged_label, upcoming ? goal : summary.pledged_of_goal);
  if (summary.raised != NULL)
    show_below_figures (self, upcoming ? NULL : summary.raised);
  else
    show_approximation (self);
  gtk_widget_set_visible (GTK_WIDGET (self->percent_label), !upcoming && summary.has_goal);
  /* A campaign whose figures only its page shows has no count to give. */
  gtk_widget_set_visible (GTK_WIDGET (self->backers_label), !upcoming && *summary.backers != '\0');
  gtk_label_set_label (self->percent_label, summary.percent);
  gtk_label_set_label (self->backers_label, summary.backers);
  gtk_label_set_label (self->time_left_label, summary.time_left);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, summary.spoken, -1);
  name_cell (self, summary.spoken);
}

static void
show_following (CfCampaignCard *self)
{
  gboolean signed_in = self->account != NULL && cf_account_get_signed_in (self->account);
  gboolean following = signed_in && self->campaign && cf_account_is_following (self->account, self->campaign);
  const char *label = following ? _("Unfollow Campaign") : _("Follow Campaign");

  gtk_widget_set_visible (GTK_WIDGET (self->follow_button),
                          signed_in && cf_platform_can (cf_account_get_platform (self->account),
                                                        CF_PLATFORM_FEATURE_FOLLOW));
  gtk_button_set_icon_name (self->follow_button, following ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->follow_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
followed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CfCampaignCard *self;

  if (cf_account_set_following_finish (CF_ACCOUNT (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_CAMPAIGN_CARD (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_button), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
}

static void
follow_cb (CfCampaignCard *self)
{
  g_cancellable_cancel (self->follow_cancellable);
  g_clear_object (&self->follow_cancellable);
  self->follow_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_button), FALSE);
  cf_account_set_following_async (self->account, self->campaign,
                                  !cf_account_is_following (self->account, self->campaign),
                                  self->follow_cancellable, followed_cb, self);
}

static void
following_changed_cb (CfCampaignCard *self,
                      const char     *campaign_id)
{
  if (self->campaign != NULL && g_strcmp0 (campaign_id, cf_campaign_get_id (self->campaign)) == 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->follow_button), TRUE);
      show_following (self);
    }
}

static void
cf_campaign_card_dispose (GObject *object)
{
  CfCampaignCard *self = CF_CAMPAIGN_CARD (object);

  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  g_clear_pointer (&self->picture_url, g_free);
  g_cancellable_cancel (self->follow_cancellable);
  g_clear_object (&self->follow_cancellable);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  g_clear_object (&self->subscription);
  g_clear_object (&self->campaign);
  g_clear_object (&self->image_cache);
  g_clear_object (&self->approximation);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CAMPAIGN_CARD);
  cf_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (cf_campaign_card_parent_class)->dispose (object);
}

/* A card is as wide as its column in the grid, and never narrower than its
 * width request; everything in it wraps or shrinks to the width it is given.
 * Asking each wrapping label how wide it would like to be has Pango lay its
 * text out with no width and again with no limit, for every card of a page,
 * and the answer changes nothing: only heights for a width are measured. */
static void
cf_campaign_card_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
cf_campaign_card_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cf_campaign_card_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
cf_campaign_card_class_init (CfCampaignCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_campaign_card_dispose;
  widget_class->snapshot = cf_campaign_card_snapshot;
  widget_class->get_request_mode = cf_campaign_card_get_request_mode;
  widget_class->measure = cf_campaign_card_measure;
  widget_class->size_allocate = cf_campaign_card_size_allocate;

  g_type_ensure (CF_TYPE_FUNDING_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/Crowdfund/cf-campaign-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, backers_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, creator_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, follow_button);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, funding_bar);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, percent_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, approximate_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, picture);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, pledged_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, time_left_label);
  gtk_widget_class_bind_template_child (widget_class, CfCampaignCard, title_label);
  gtk_widget_class_bind_template_callback (widget_class, follow_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cf_campaign_card_init (CfCampaignCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A card with pictures from @image_cache and amounts approximated by
 * @approximation. */
GtkWidget *
cf_campaign_card_new (CfImageCache    *image_cache,
                      CfApproximation *approximation)
{
  CfCampaignCard *self = g_object_new (CF_TYPE_CAMPAIGN_CARD, NULL);

  self->image_cache = g_object_ref (image_cache);
  self->approximation = g_object_ref (approximation);
  g_signal_connect_object (approximation, "changed", G_CALLBACK (show_approximation), self, G_CONNECT_SWAPPED);
  show_following (self);
  return GTK_WIDGET (self);
}

/* The account the card's campaign is read through: its live figures, and
 * its star while someone is signed in. */
static void
set_account (CfCampaignCard *self,
             CfAccount      *account)
{
  if (self->account == account)
    return;
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);
  g_signal_connect_swapped (account, "following-changed", G_CALLBACK (following_changed_cb), self);
  g_signal_connect_swapped (account, "notify::signed-in", G_CALLBACK (show_following), self);
  g_signal_connect_swapped (account, "followed-loaded", G_CALLBACK (show_following), self);
}

/* The creator, and the platform when the person has several. */
static void
show_creator (CfCampaignCard *self)
{
  g_autofree char *text = NULL;

  if (self->campaign == NULL)
    return;
  if (!self->show_platform)
    {
      gtk_label_set_label (self->creator_label, cf_campaign_get_creator_name (self->campaign));
      return;
    }
  /* Translators: a campaign's creator and the platform it is on, as in “Atelier Lumen · Demo platform”. */
  text = g_strdup_printf (_("%s · %s"), cf_campaign_get_creator_name (self->campaign),
                          cf_account_get_label (self->account));
  gtk_label_set_label (self->creator_label, text);
}

/* Whether the card says which platform the campaign is on. */
void
cf_campaign_card_set_show_platform (CfCampaignCard *self,
                                    gboolean        show_platform)
{
  g_return_if_fail (CF_IS_CAMPAIGN_CARD (self));

  self->show_platform = show_platform;
  show_creator (self);
}

/* Shows @campaign, as @account reads it. */
void
cf_campaign_card_set_campaign (CfCampaignCard *self,
                               CfAccount      *account,
                               CfCampaign     *campaign)
{
  g_return_if_fail (CF_IS_CAMPAIGN_CARD (self));
  g_return_if_fail (CF_IS_ACCOUNT (account));

  if (self->account == account && self->campaign == campaign)
    return;
  set_account (self, account);
  if (!g_set_object (&self->campaign, campaign) || campaign == NULL)
    return;

  /* Figures follow pledges while the card shows the campaign. */
  g_clear_object (&self->subscription);
  self->subscription = cf_live_subscription_new (cf_account_get_live_feed (self->account), campaign, FALSE);
  g_signal_connect_swapped (self->subscription, "changed", G_CALLBACK (show_figures), self);
  gtk_label_set_label (self->title_label, cf_campaign_get_title (campaign));
  show_creator (self);
  show_figures (self);
  show_picture (self);
  g_cancellable_cancel (self->follow_cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_button), TRUE);
  show_following (self);
}
