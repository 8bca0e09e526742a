/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cf-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CfApplication) application = NULL;

  const char *localedir = g_getenv ("CROWDFUND_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The build folder's catalogues, when run from it (meson devenv). */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = cf_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
