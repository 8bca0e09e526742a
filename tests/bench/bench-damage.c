/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

/* What is painted on the X display, whoever paints it: each time anything
 * on screen changes, the root window is damaged; the damage is taken back
 * at once, so that the next paint reports again. One report is about one
 * frame of a GTK application.
 *
 *   bench-damage count SECONDS          paints over SECONDS: "paints: N"
 *   bench-damage quiet SECONDS LIMIT    returns once nothing was painted for
 *                                       SECONDS, or fails after LIMIT */

static double
now (void)
{
  struct timespec time;

  clock_gettime (CLOCK_MONOTONIC, &time);
  return time.tv_sec + time.tv_nsec / 1e9;
}

int
main (int   argc,
      char *argv[])
{
  Display *display = XOpenDisplay (NULL);
  int event_base, error_base;
  Damage damage;
  double seconds, limit, start, last;
  long paints = 0;
  int quiet;

  if (argc < 3 || (strcmp (argv[1], "count") != 0 && strcmp (argv[1], "quiet") != 0) ||
      (strcmp (argv[1], "quiet") == 0 && argc < 4))
    {
      fprintf (stderr, "usage: bench-damage count SECONDS | quiet SECONDS LIMIT\n");
      return 2;
    }
  if (display == NULL || !XDamageQueryExtension (display, &event_base, &error_base))
    {
      fprintf (stderr, "no X display with the DAMAGE extension\n");
      return 1;
    }
  quiet = strcmp (argv[1], "quiet") == 0;
  seconds = atof (argv[2]);
  limit = quiet ? atof (argv[3]) : seconds;
  damage = XDamageCreate (display, DefaultRootWindow (display), XDamageReportNonEmpty);
  /* A new damage object reports the whole screen once: not a paint. */
  XDamageSubtract (display, damage, None, None);
  XSync (display, False);
  while (XPending (display) > 0)
    {
      XEvent event;

      XNextEvent (display, &event);
    }
  XDamageSubtract (display, damage, None, None);
  start = last = now ();

  while (now () - start < limit && !(quiet && now () - last >= seconds))
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };
      double left = quiet ? seconds - (now () - last) : limit - (now () - start);

      if (XPending (display) == 0)
        poll (&fd, 1, left > 0 ? (int) (left * 1000) + 1 : 0);
      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == event_base + XDamageNotify)
            {
              paints++;
              last = now ();
              XDamageSubtract (display, damage, None, None);
            }
        }
    }

  if (quiet && now () - last < seconds)
    {
      fprintf (stderr, "the display was still painted after %.0f s\n", limit);
      return 1;
    }
  printf ("paints: %ld\n", paints);
  XDamageDestroy (display, damage);
  XCloseDisplay (display);
  return 0;
}
