/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-web-pages"

#include "config.h"

#include <string.h>

#include "cf-web-pages.h"

/* What the platform shows outside the API: a cover picture for each
 * campaign (drawn from its slug, so that the demo needs no image files) and
 * the campaign's web page, which the app opens in a browser. */

static const char * const palette[][2] = {
  { "#1c71d8", "#99c1f1" }, { "#26a269", "#8ff0a4" }, { "#e5a50a", "#f9f06b" },
  { "#c64600", "#ffbe6f" }, { "#a51d2d", "#f66151" }, { "#613583", "#dc8add" },
  { "#63452c", "#cdab8f" }, { "#3d3846", "#9a9996" },
};

static gboolean
lookup_campaign (CfDatabase  *database,
                 const char  *slug,
                 char       **title,
                 char       **blurb)
{
  sqlite3_stmt *statement = cf_database_prepare (database,
    "SELECT title, blurb FROM campaigns WHERE slug = ?");

  sqlite3_bind_text (statement, 1, slug, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_ROW)
    return FALSE;

  *title = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  *blurb = g_strdup ((const char *) sqlite3_column_text (statement, 1));
  return TRUE;
}

static char *
cover_svg (const char *slug,
           const char *title)
{
  guint colours = g_str_hash (slug) % G_N_ELEMENTS (palette);
  g_autofree char *first = g_utf8_substring (title, 0, 1);
  g_autofree char *initial = g_markup_escape_text (first, -1);

  return g_strdup_printf (
    "<svg xmlns='http://www.w3.org/2000/svg' width='640' height='360' viewBox='0 0 640 360'>"
    "<defs><linearGradient id='g' x1='0' y1='0' x2='1' y2='1'>"
    "<stop offset='0' stop-color='%s'/><stop offset='1' stop-color='%s'/></linearGradient></defs>"
    "<rect width='640' height='360' fill='url(#g)'/>"
    "<circle cx='520' cy='80' r='140' fill='#ffffff' fill-opacity='0.12'/>"
    "<text x='320' y='250' text-anchor='middle' font-family='Cantarell, sans-serif' font-size='170'"
    " font-weight='bold'"
    " fill='#ffffff' fill-opacity='0.9'>%s</text></svg>",
    palette[colours][0], palette[colours][1], initial);
}

static void
not_found (SoupServerMessage *message)
{
  soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
  soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "Not found\n", 10);
}

static void
handle_image (SoupServer        *soup_server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  g_autofree char *slug = g_strdup (path + strlen ("/images/"));
  g_autofree char *title = NULL;
  g_autofree char *blurb = NULL;
  char *svg;

  if (!g_str_has_suffix (slug, ".svg"))
    {
      not_found (message);
      return;
    }

  slug[strlen (slug) - strlen (".svg")] = '\0';
  if (!lookup_campaign (user_data, slug, &title, &blurb))
    {
      not_found (message);
      return;
    }

  svg = cover_svg (slug, title);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Cache-Control", "max-age=86400");
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "image/svg+xml", SOUP_MEMORY_TAKE, svg, strlen (svg));
}

static void
handle_page (SoupServer        *soup_server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  const char *slug = path + strlen ("/campaigns/");
  g_autofree char *raw_title = NULL;
  g_autofree char *raw_blurb = NULL;
  g_autofree char *title = NULL;
  g_autofree char *blurb = NULL;
  g_autofree char *escaped_slug = g_markup_escape_text (slug, -1);
  char *html;

  if (!lookup_campaign (user_data, slug, &raw_title, &raw_blurb))
    {
      not_found (message);
      return;
    }

  title = g_markup_escape_text (raw_title, -1);
  blurb = g_markup_escape_text (raw_blurb, -1);
  html = g_strdup_printf ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>%s</title></head>"
                          "<body><img src='/images/%s.svg' alt='' width='640'><h1>%s</h1><p>%s</p>"
                          "</body></html>", title, escaped_slug, title, blurb);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/html", SOUP_MEMORY_TAKE, html, strlen (html));
}

void
cf_web_pages_add_handlers (SoupServer *soup_server,
                           CfDatabase *database)
{
  soup_server_add_handler (soup_server, "/images/", handle_image, database, NULL);
  soup_server_add_handler (soup_server, "/campaigns/", handle_page, database, NULL);
}
