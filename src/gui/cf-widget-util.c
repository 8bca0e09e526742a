/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cf-widget-util.h"

/* For the dispose of a widget whose template children have no id: they
 * are its own to unparent. */
void
cf_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* A named colour of the current style (“accent_color”), which follows the
 * dark and high-contrast styles; @fallback when the style has none. */
GdkRGBA
cf_widget_lookup_color (GtkWidget  *widget,
                        const char *name,
                        const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA color;

  if (!gtk_style_context_lookup_color (context, name, &color))
    gdk_rgba_parse (&color, fallback);

  return color;
}

/* Shows on @stack what a view of @list has: @items_page when it has items,
 * else "signed-out" without an account to give them, "loading" while one
 * has not answered, "error" (told on @error_page) when one failed, or
 * "empty". */
void
cf_widget_show_merged_state (GtkStack      *stack,
                             CfMergedList  *list,
                             gboolean       has_items,
                             const char    *items_page,
                             AdwStatusPage *error_page)
{
  const GError *error = cf_merged_list_get_error (list);

  if (error != NULL)
    adw_status_page_set_description (error_page, error->message);
  if (has_items)
    gtk_stack_set_visible_child_name (stack, items_page);
  else if (cf_merged_list_get_n_sources (list) == 0)
    gtk_stack_set_visible_child_name (stack, "signed-out");
  else if (cf_merged_list_get_loading (list))
    gtk_stack_set_visible_child_name (stack, "loading");
  else
    gtk_stack_set_visible_child_name (stack, error != NULL ? "error" : "empty");
}

static void
show_content_cb (GtkWidget *page,
                 GtkWidget *content)
{
  g_signal_handlers_disconnect_by_func (page, show_content_cb, content);
  gtk_widget_set_visible (content, TRUE);
}

/* A view's content is hidden until the view is first shown: a view stack
 * measures every view it holds, and a view nobody opened costs nothing to
 * measure or style that way. Its data still loads meanwhile. */
void
cf_widget_show_when_first_mapped (GtkWidget *page,
                                  GtkWidget *content)
{
  gtk_widget_set_visible (content, FALSE);
  g_signal_connect (page, "map", G_CALLBACK (show_content_cb), content);
}

/* Asks before doing what cannot be taken back quietly: @heading and @body,
 * a way back labelled @back_label and @act_label, which calls @act with
 * @user_data. A destructive act leaves the way back as the default. */
void
cf_widget_confirm (GtkWindow             *parent,
                   const char            *heading,
                   const char            *body,
                   const char            *back_label,
                   const char            *act_label,
                   AdwResponseAppearance  appearance,
                   GCallback              act,
                   gpointer               user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "back", back_label, "act", act_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "act", appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE ? "back" : "act");
  adw_message_dialog_set_close_response (dialog, "back");
  g_signal_connect_swapped (dialog, "response::act", act, user_data);
  gtk_window_present (GTK_WINDOW (dialog));
}
