/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define CF_TYPE_IMAGE_CACHE (cf_image_cache_get_type ())

G_DECLARE_FINAL_TYPE (CfImageCache, cf_image_cache, CF, IMAGE_CACHE, GObject)

CfImageCache *cf_image_cache_new         (SoupSession          *session,
                                          const char           *directory);
GdkTexture   *cf_image_cache_lookup      (CfImageCache         *self,
                                          const char           *url,
                                          int                   width,
                                          int                   height);
void          cf_image_cache_load_async  (CfImageCache         *self,
                                          const char           *url,
                                          int                   width,
                                          int                   height,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GdkTexture   *cf_image_cache_load_finish (CfImageCache         *self,
                                          GAsyncResult         *result,
                                          GError              **error);

void          cf_image_cache_prune_async  (CfImageCache        *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      cf_image_cache_prune_finish (CfImageCache        *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void          cf_image_cache_set_download_timeout (CfImageCache *self,
                                                   guint         seconds);

G_END_DECLS
