/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cf-web-pages"

#include "config.h"

#include <string.h>

#include <cairo.h>

#include "cf-web-pages.h"

/* What the platform shows outside the API: a cover picture for each
 * campaign (drawn from its slug, so that the demo needs no image files) and
 * the campaign's web page, which the app opens in a browser. */

#define COVER_WIDTH 640
#define COVER_HEIGHT 360

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

typedef struct
{
  double red, green, blue;
} Colour;

static Colour
parse_colour (const char *hex)
{
  guint rgb = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  return (Colour) { (rgb >> 16) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0 };
}

static cairo_status_t
append_png_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG, as platforms serve their covers: a gradient of the slug's colours
 * with the title's initial on it. */
static GBytes *
draw_cover (const char *slug,
            const char *title)
{
  const char * const *colours = palette[g_str_hash (slug) % G_N_ELEMENTS (palette)];
  g_autofree char *initial = g_utf8_substring (title, 0, 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, COVER_WIDTH, COVER_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, COVER_WIDTH, COVER_HEIGHT);
  cairo_text_extents_t extents;
  GByteArray *png = g_byte_array_new ();

  for (int stop = 0; stop < 2; stop++)
    {
      Colour colour = parse_colour (colours[stop]);

      cairo_pattern_add_color_stop_rgb (gradient, stop, colour.red, colour.green, colour.blue);
    }
  cairo_set_source (cr, gradient);
  cairo_paint (cr);

  cairo_arc (cr, 520, 80, 140, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.12);
  cairo_fill (cr);

  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 170);
  cairo_text_extents (cr, initial, &extents);
  cairo_move_to (cr, (COVER_WIDTH - extents.width) / 2 - extents.x_bearing, 250);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_show_text (cr, initial);

  cairo_surface_write_to_png_stream (surface, append_png_cb, png);
  cairo_pattern_destroy (gradient);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
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
  g_autoptr(GBytes) png = NULL;

  if (!g_str_has_suffix (slug, ".png"))
    {
      not_found (message);
      return;
    }

  slug[strlen (slug) - strlen (".png")] = '\0';
  if (!lookup_campaign (user_data, slug, &title, &blurb))
    {
      not_found (message);
      return;
    }

  png = draw_cover (slug, title);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Cache-Control", "max-age=86400");
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message), "image/png", NULL);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (message), png);
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
                          "<body><img src='/images/%s.png' alt='' width='640'><h1>%s</h1><p>%s</p>"
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
