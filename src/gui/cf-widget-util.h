/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cf-merged-list.h"

G_BEGIN_DECLS

void    cf_widget_unparent_children (GtkWidget  *widget);
GdkRGBA cf_widget_lookup_color      (GtkWidget  *widget,
                                     const char *name,
                                     const char *fallback);

typedef void (*CfAddressFunc) (gpointer    user_data,
                               const char *address);

void    cf_widget_ask_address       (GtkWindow             *parent,
                                     const char            *heading,
                                     const char            *body,
                                     const char            *entry_name,
                                     const char            *problem,
                                     const char            *text,
                                     const char            *act_label,
                                     CfAddressFunc          act,
                                     gpointer               user_data);
void    cf_widget_confirm           (GtkWindow             *parent,
                                     const char            *heading,
                                     const char            *body,
                                     const char            *back_label,
                                     const char            *act_label,
                                     AdwResponseAppearance  appearance,
                                     GCallback              act,
                                     gpointer               user_data);

void    cf_widget_name_controls     (GtkWidget *root);

void    cf_widget_show_when_first_mapped (GtkWidget *page,
                                          GtkWidget *content);
void    cf_widget_defer_status_icons  (GtkWidget *root);
/* What a drop-down shows of @item. */
typedef char *(*CfWidgetItemText) (gpointer item,
                                   gpointer data);

void    cf_widget_show_items_by          (GtkDropDown      *drop_down,
                                          CfWidgetItemText  text,
                                          gpointer          data);
void    cf_widget_open_menu_at_choice    (GtkDropDown *drop_down);

void    cf_widget_show_merged_state (GtkStack      *stack,
                                     CfMergedList  *list,
                                     gboolean       has_items,
                                     const char    *items_page,
                                     AdwStatusPage *error_page);

void        cf_widget_offer_currencies (AdwComboRow        *row,
                                        const char * const *codes,
                                        const char         *chosen);
const char *cf_widget_get_currency     (AdwComboRow        *row);
GtkWidget  *cf_widget_new_entry_row    (GtkListBox         *list,
                                        const char         *title,
                                        const char         *text);

G_END_DECLS
