/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cf-account-item.h"
#include "cf-application.h"
#include "cf-credentials.h"

G_BEGIN_DECLS

/* Steps a person takes in the app, shared by the UI tests. */
char      *cf_ui_use_new_home     (const char    *name);
GtkWidget *cf_ui_open_window      (CfApplication *application,
                                   const char    *url);
GtkWidget *cf_ui_open_window_sized (CfApplication *application,
                                    const char    *url,
                                    int            width,
                                    int            height);
void       cf_ui_forget_window_size (CfApplication *application);
GtkWidget *cf_ui_open_preferences (GtkWidget     *window);
void       cf_ui_fill_sign_in     (GtkWidget     *preferences,
                                   const char    *username,
                                   const char    *password);
void       cf_ui_sign_in          (GtkWidget     *window,
                                   const char    *username,
                                   const char    *password,
                                   const char    *name);

void       cf_ui_sign_out         (GtkWidget     *window);

CfCredentials *cf_ui_keyring_lookup (const char *choice,
                                     const char *username);
void       cf_ui_sign_in_box      (GtkWidget     *preferences,
                                   guint          index,
                                   const char    *username,
                                   const char    *secret_title,
                                   const char    *secret,
                                   const char    *name);

gboolean   cf_ui_row_is_stale     (GtkWidget     *row);
GtkWidget *cf_ui_find_row         (GtkWidget     *root,
                                   const char    *title);
gboolean   cf_ui_shows_stale_row  (GtkWidget     *root,
                                   gpointer       title);
gboolean   cf_ui_shows_fresh_row  (GtkWidget     *root,
                                   gpointer       title);
CfApplication *cf_ui_new_application (void);
GtkWidget *cf_ui_dashboard_of      (GtkWidget     *window);
void       cf_ui_assert_fits_phone (GtkWidget     *window);
void       cf_ui_assert_no_figure_cut (GtkWidget  *root);
void       cf_ui_assert_nothing_cut (GtkWidget    *root);
void       cf_ui_show_campaigns_in_state (GtkWidget *window,
                                          guint      position);
void       cf_ui_show_dashboard   (GtkWidget     *window);
void       cf_ui_open_dashboard_on (GtkWidget     *window,
                                    const char    *campaign_title);

/* A pledge of €25 for the reward “Ten places” of “Ten left”, shipped to France. */
#define CF_UI_TEN_LEFT_PLEDGE \
  "{\"reward_id\": 3, \"amount\": {\"amount\": 2500, \"currency\": \"EUR\"}, \"shipping_country\": \"FR\"}"

CfCampaign *cf_ui_selected_campaign (GtkDropDown   *campaigns);

gboolean   cf_ui_has_loaded       (GtkWidget     *root,
                                  gpointer       data);
guint      cf_ui_frames_painted_over (GtkWidget  *window,
                                      guint       seconds);

G_END_DECLS
