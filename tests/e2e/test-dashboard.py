#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A creator watching a launch, through the accessibility tree: sign in as
the demo creator, open the dashboard, let backers pledge on the platform,
and read the total climb to exactly what the platform holds."""

import os
import sqlite3
import stat
import sys

from a11y import (Atspi, NotReached, Report, application, click, find, keyring_environment, new_home, on_screen,
                  sign_in, start_app, wait_for, walk)

PLEDGES = 150


def euros(cents):
    """Euros as the app writes them in English: €1,234 or €1,234.50."""
    return f"€{cents // 100:,}" if cents % 100 == 0 else f"€{cents / 100:,.2f}"


def simulating_platform(home):
    """The reference platform, making up backers once it has started."""
    wrapper = os.path.join(home, "crowdfund-platform")
    with open(wrapper, "w") as script:
        script.write(f'#!/bin/sh\nexec "{os.environ["CROWDFUND_PLATFORM"]}" "$@"'
                     f" --simulate-pledges 6 --simulate-count {PLEDGES}\n")
    os.chmod(wrapper, stat.S_IRWXU)
    return wrapper


def figures(home, title):
    database = os.path.join(home, "crowdfund", "demo-platform.sqlite")
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT pledged, backers_count FROM campaigns WHERE title = ?", (title,)).fetchone()


def simulated(home):
    database = os.path.join(home, "crowdfund", "demo-platform.sqlite")
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT COUNT(*) FROM users WHERE username LIKE 'simulated-%'").fetchone()[0]


def on_screen_labels(app):
    """The text of every label showing: the dashboard's, not the views behind it."""
    return {n.get_name() for n in walk(app) if n.get_role() == Atspi.Role.LABEL and on_screen(n)}


def shown_campaign(app, titles):
    """The campaign the dashboard's selector shows, as its button says it:
    “Campaign: wena wrist”."""
    selector = find(app, lambda n: (n.get_name() or "").startswith("Campaign: ") and on_screen(n))
    shown = selector.get_name()[len("Campaign: "):] if selector else None
    return next((title for title in titles if title == shown), None)


def main():
    report = Report(5)
    check = report.check
    home = new_home()
    env = keyring_environment(home, CROWDFUND_PLATFORM=simulating_platform(home))
    app_process = start_app(["--demo"], home, env)
    try:
        app = wait_for("the app on the accessibility bus", application)
        wait_for("campaign cards", lambda: find(app, lambda n: (n.get_name() or "").startswith("wena wrist, ")))
        check("no dashboard before a creator signs in",
              find(app, lambda n: n.get_role() == Atspi.Role.PAGE_TAB and n.get_name() == "Dashboard") is None)

        check("the demo creator signs in from Preferences", sign_in("creator", "crowdfund-creator", "Atelier Lumen"))
        tab = wait_for("the Dashboard tab", lambda: find(app, lambda n: n.get_name() == "Dashboard"
                                                         and n.get_role() == Atspi.Role.PAGE_TAB and on_screen(n)))
        click(tab)
        titles = ["Lumen: a desk lamp that follows the sun", "Lumen Night: a light for children's rooms",
                  "Lumen Field: a lantern for nights outside", "Lumen: the first edition"]
        title = wait_for("the dashboard's campaign", lambda: shown_campaign(app, titles))
        start = figures(home, title)
        check("the dashboard shows the campaign's total",
              wait_for("the total", lambda: {euros(start[0]), euros(figures(home, title)[0])} & on_screen_labels(app)))

        wait_for("pledges to land", lambda: simulated(home) >= PLEDGES or None)
        pledged, backers = figures(home, title)
        check("pledges landed on the watched campaign", backers > start[1], f"{start} then {(pledged, backers)}")
        shown = wait_for("the final figures",
                         lambda: {euros(pledged), f"{backers:,}"} <= on_screen_labels(app))
        check("the total and backers end exactly where the platform's are", shown,
              f"{euros(pledged)} and {backers} among {sorted(t for t in on_screen_labels(app) if t)}")
    except NotReached as error:
        check(f"waiting for {error}", False, str(sorted(t for t in on_screen_labels(application()) if t)))
    finally:
        app_process.terminate()
        app_process.wait()

    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
