/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cf-web-address.h"
#include "cf-locale.h"
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

static void
show_icon_cb (GtkWidget *status_page)
{
  g_autofree char *icon_name = g_object_steal_data (G_OBJECT (status_page), "cf-icon-name");

  if (icon_name != NULL)
    adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), icon_name);
}

/* Every status page under @root looks its icon up when it is first mapped.
 * GTK loads an icon as soon as it is looked up, and Adwaita draws the large
 * status icons only in SVG: loading any of them brings librsvg, 7 MB of the
 * app's memory, for pages most people never see. */
void
cf_widget_defer_status_icons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_STATUS_PAGE (child) && adw_status_page_get_icon_name (ADW_STATUS_PAGE (child)) != NULL)
        {
          g_object_set_data_full (G_OBJECT (child), "cf-icon-name",
                                  g_strdup (adw_status_page_get_icon_name (ADW_STATUS_PAGE (child))), g_free);
          adw_status_page_set_icon_name (ADW_STATUS_PAGE (child), NULL);
          g_signal_connect (child, "map", G_CALLBACK (show_icon_cb), NULL);
        }
      cf_widget_defer_status_icons (child);
    }
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

typedef struct
{
  CfWidgetItemText text;
  gpointer data;
} ItemText;

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               ItemText                 *item_text)
{
  g_autofree char *text = item_text->text (gtk_list_item_get_item (item), item_text->data);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

/* Items shown by what @text says of them in a drop-down: ellipsized in its
 * button, which must never widen a phone's window, and wrapped in its
 * list, where the whole of a long title is read. */
void
cf_widget_show_items_by (GtkDropDown      *drop_down,
                         CfWidgetItemText  text,
                         gpointer          data)
{
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      ItemText *item_text = g_new (ItemText, 1);

      *item_text = (ItemText) { text, data };
      g_object_set_data_full (G_OBJECT (factory), "item-text", item_text, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (i == 0));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), item_text);
      if (i == 0)
        gtk_drop_down_set_factory (drop_down, factory);
      else
        gtk_drop_down_set_list_factory (drop_down, factory);
    }
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = g_type_is_a (G_OBJECT_TYPE (child), type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Once the open menu has its size: a list scrolls by what it shows. */
static gboolean
scroll_to_choice_cb (gpointer user_data)
{
  g_autoptr(GtkDropDown) drop_down = user_data;
  GtkWidget *popover = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_POPOVER);
  GtkWidget *list = popover ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (list != NULL && gtk_widget_get_mapped (list) && selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", selected);
  return G_SOURCE_REMOVE;
}

static void
menu_shown_cb (GtkWidget   *popover,
               GtkDropDown *drop_down)
{
  GtkWidget *search = find_descendant (popover, GTK_TYPE_SEARCH_ENTRY);

  if (search != NULL)
    gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (search), popover);
  g_idle_add (scroll_to_choice_cb, g_object_ref (drop_down));
}

/* A drop-down with a search (a long list, such as countries) opens at the
 * item chosen rather than at the top, and what is typed while it is open
 * goes to its search, wherever the keyboard focus is in it. */
void
cf_widget_open_menu_at_choice (GtkDropDown *drop_down)
{
  GtkWidget *popover = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_POPOVER);

  g_return_if_fail (popover != NULL);

  g_signal_connect_object (popover, "map", G_CALLBACK (menu_shown_cb), drop_down, G_CONNECT_DEFAULT);
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

typedef struct
{
  CfAddressFunc act;
  gpointer user_data;
  GtkEditable *entry;
  GtkWidget *problem;
} AddressQuestion;

static char *
dup_typed_address (AddressQuestion *question)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (question->entry)));
}

/* The response is there for a web address only, and what is wrong is said at once. */
static void
address_changed_cb (AdwMessageDialog *dialog)
{
  AddressQuestion *question = g_object_get_data (G_OBJECT (dialog), "question");
  g_autofree char *address = dup_typed_address (question);
  gboolean valid = cf_web_address_is_valid (address);

  adw_message_dialog_set_response_enabled (dialog, "act", valid);
  gtk_widget_set_visible (question->problem, *address != '\0' && !valid);
}

static void
address_given_cb (AdwMessageDialog *dialog)
{
  AddressQuestion *question = g_object_get_data (G_OBJECT (dialog), "question");
  g_autofree char *address = dup_typed_address (question);

  if (cf_web_address_is_valid (address))
    question->act (question->user_data, address);
}

/* Asks for a web address, @text already typed, under @heading and @body;
 * @act is called with it when the person confirms with @act_label, which
 * is only possible once it is an address (@problem says otherwise). */
void
cf_widget_ask_address (GtkWindow     *parent,
                       const char    *heading,
                       const char    *body,
                       const char    *entry_name,
                       const char    *problem,
                       const char    *text,
                       const char    *act_label,
                       CfAddressFunc  act,
                       gpointer       user_data)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  AddressQuestion *question = g_new0 (AddressQuestion, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();

  question->act = act;
  question->user_data = user_data;
  question->entry = GTK_EDITABLE (entry);
  question->problem = gtk_label_new (problem);
  g_object_set_data_full (G_OBJECT (dialog), "question", question, g_free);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, entry_name, -1);
  gtk_label_set_wrap (GTK_LABEL (question->problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (question->problem), 0);
  gtk_widget_add_css_class (question->problem, "error");
  gtk_widget_set_visible (question->problem, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, question->problem,
                                  NULL, -1);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), question->problem);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "act", act_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "act", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "act");
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (address_changed_cb), dialog);
  g_signal_connect (dialog, "response::act", G_CALLBACK (address_given_cb), NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  address_changed_cb (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The words of a label without its mnemonic: “_Back This Project” is said
 * “Back This Project”, and “R__D” “R_D”. */
static char *
dup_without_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *at = label; *at != '\0'; at++)
    {
      if (*at == '_' && at[1] != '\0')
        at++;
      g_string_append_c (text, *at);
    }
  return g_string_free (text, FALSE);
}

static void
name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));
  g_autofree char *spoken = NULL;

  /* An icon alone, such as a password row's eye, is read as “GtkImage”:
   * its tooltip says what it does. */
  if (label == NULL && tooltip != NULL && GTK_IS_IMAGE (gtk_button_get_child (button)))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      return;
    }
  if (label == NULL || !gtk_button_get_use_underline (button))
    return;
  spoken = dup_without_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
label_changed_cb (GtkButton  *button,
                  GParamSpec *pspec,
                  gpointer    data)
{
  name_button (button);
}

/* What a drop-down shows as chosen, as text. */
static char *
dup_choice (GtkDropDown *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  return GTK_IS_STRING_OBJECT (item) ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

/* GTK 4.8 names a drop-down's button after its class: it is named after
 * what the drop-down chooses (its tooltip) and what is chosen. */
static void
name_drop_down (GtkDropDown *drop_down)
{
  const char *what = gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down));
  g_autofree char *choice = dup_choice (drop_down);
  g_autofree char *name = NULL;
  GtkWidget *button;

  for (button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       button != NULL && !GTK_IS_TOGGLE_BUTTON (button);
       button = gtk_widget_get_next_sibling (button))
    ;
  if (button == NULL || what == NULL)
    return;

  /* Translators: a menu and what is chosen in it, as screen readers say it: “Category: Technology”. */
  name = choice ? g_strdup_printf (_("%s: %s"), what, choice) : g_strdup (what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* What the button draws, the choice as a list item and an arrow, says
   * nothing its name does not, and is not met apart from it. */
  for (GtkWidget *part = gtk_widget_get_first_child (button); part != NULL; part = gtk_widget_get_next_sibling (part))
    gtk_accessible_update_state (GTK_ACCESSIBLE (part), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

static void
choice_changed_cb (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   gpointer     data)
{
  name_drop_down (drop_down);
}

static void
first_row_title_cb (AdwPreferencesRow *row,
                    GParamSpec        *pspec,
                    GtkAccessible     *list)
{
  gtk_accessible_update_property (list, GTK_ACCESSIBLE_PROPERTY_LABEL, adw_preferences_row_get_title (row), -1);
}

/* A boxed list under a title is named after it by libadwaita; one in a
 * group without a title is named after its first row, which says what the
 * group is about, as that row's title changes; the list inside an
 * expander row, after the row. */
static void
name_list (GtkListBox *list)
{
  GtkWidget *expander = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_EXPANDER_ROW);
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_PREFERENCES_GROUP);
  const char *title = group ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)) : NULL;
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (list));

  if (expander != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), -1);
      return;
    }
  if (group == NULL || (title != NULL && *title != '\0') || !ADW_IS_PREFERENCES_ROW (first))
    return;
  first_row_title_cb (ADW_PREFERENCES_ROW (first), NULL, GTK_ACCESSIBLE (list));
  g_signal_connect_object (first, "notify::title", G_CALLBACK (first_row_title_cb), list, G_CONNECT_DEFAULT);
}

/* GTK 4.8 names a button with a mnemonic after its label twice, the
 * underscore read aloud the first time, an icon button without a label
 * after its image's class, a drop-down's button and a boxed list after
 * their class. Every such control under @root is named as a person would
 * say it, now and whenever what it shows changes; a button's icon is left
 * to its button. */
void
cf_widget_name_controls (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cf_widget_name_controls (child);

  if (g_object_get_data (G_OBJECT (root), "cf-named") != NULL)
    return;
  if (GTK_IS_IMAGE (root) && gtk_widget_get_ancestor (root, GTK_TYPE_BUTTON) != NULL)
    /* A button's icon, such as a view switcher's, says nothing its button
     * does not: it is not heard as “GtkImage” beside it. */
    gtk_accessible_update_state (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  else if (GTK_IS_LIST_BOX (root))
    name_list (GTK_LIST_BOX (root));
  else if (GTK_IS_LIST_VIEW (root) && gtk_widget_get_ancestor (root, ADW_TYPE_COMBO_ROW) != NULL)
    /* A combo row's menu is named after the row. */
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                                      gtk_widget_get_ancestor (root, ADW_TYPE_COMBO_ROW))), -1);
  else if (GTK_IS_DROP_DOWN (root))
    {
      name_drop_down (GTK_DROP_DOWN (root));
      g_signal_connect (root, "notify::selected-item", G_CALLBACK (choice_changed_cb), NULL);
    }
  else if (GTK_IS_BUTTON (root))
    {
      name_button (GTK_BUTTON (root));
      g_signal_connect (root, "notify::label", G_CALLBACK (label_changed_cb), NULL);
    }
  else
    return;
  g_object_set_data (G_OBJECT (root), "cf-named", GINT_TO_POINTER (TRUE));
}

/* Offers @codes, ISO 4217 currencies, in @row by their names in the
 * person's language, @chosen (or the first) selected. */
void
cf_widget_offer_currencies (AdwComboRow        *row,
                            const char * const *codes,
                            const char         *chosen)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *offered = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *name = cf_locale_dup_currency_name (codes[i]);
      /* Translators: a currency, as in “Euro (EUR)”. */
      g_autofree char *item = g_strdup_printf (_("%s (%s)"), name, codes[i]);

      gtk_string_list_append (names, item);
      g_ptr_array_add (offered, g_strdup (codes[i]));
    }
  g_object_set_data_full (G_OBJECT (row), "currencies", offered, (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  for (guint i = 0; chosen != NULL && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], chosen))
      adw_combo_row_set_selected (row, i);
}

/* The code of the currency chosen in a row cf_widget_offer_currencies() filled. */
const char *
cf_widget_get_currency (AdwComboRow *row)
{
  GPtrArray *offered = g_object_get_data (G_OBJECT (row), "currencies");
  guint selected = adw_combo_row_get_selected (row);

  return offered != NULL && selected < offered->len ? offered->pdata[selected] : NULL;
}

/* A new entry row titled @title, @text typed, at the end of @list. */
GtkWidget *
cf_widget_new_entry_row (GtkListBox *list,
                         const char *title,
                         const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (list, row);
  return row;
}
