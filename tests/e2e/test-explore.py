#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crowdfund driven the way a person would, through the accessibility tree:
start on the demo platform, search, open a campaign, read its figures."""

import sys

from a11y import Atspi, NotReached, Report, application, click, find, labels, named, new_home, start_app, wait_for


def main():
    report = Report(6)
    check = report.check
    app_process = start_app(["--demo"], new_home())
    try:
        app = wait_for("the app on the accessibility bus", application)
        check("the app starts on the demo platform", app is not None)

        card = wait_for("campaign cards", lambda: find(app, named("wena wrist, ")))
        check("the grid speaks each card with its figures", "backers" in card.get_name(), card.get_name())

        search = find(app, lambda n: n.get_role() == Atspi.Role.ENTRY and n.get_name() == "Search campaigns")
        search.get_editable_text_iface().insert_text(0, "Lumen", 5)
        narrowed = wait_for("the search to narrow the grid",
                            lambda: find(app, named("Lumen: a desk lamp")) and not find(app, named("wena wrist, ")))
        check("a search narrows the grid to matching campaigns", narrowed)

        lamp = find(app, named("Lumen: a desk lamp"))
        click(lamp)
        title = wait_for("the campaign page", lambda: find(app, lambda n: n.get_role() == Atspi.Role.LABEL
                                                             and n.get_name() == "Lumen: a desk lamp that follows the sun"
                                                             and n.get_extents(Atspi.CoordType.WINDOW).height > 30))
        check("clicking a card opens its campaign page", title is not None)

        shown = wait_for("the rewards", lambda: labels(app) if "Pledge €89 or more" in labels(app) else None)
        check("the page shows what was pledged and the goal",
              "pledged of €30,000 goal" in shown and any(t and t.endswith("backers") for t in shown), str(sorted(t for t in shown if t)))
        check("each reward shows its places left", "Sold out" in shown and "Unlimited" in shown)
    except NotReached as error:
        check(f"waiting for {error}", False)
    finally:
        app_process.terminate()
        app_process.wait()

    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
