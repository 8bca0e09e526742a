#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screen as a screen reader meets it: the demo backer's views, a
campaign, the pledge dialog, a pledge, Preferences, and the demo creator's
dashboard. On each, whatever shows must be spoken for what it is: no widget
named after its class, no name said twice, no mnemonic underscore read
aloud, nothing that takes the keyboard focus without a name, and no text
that is a Tab stop."""

import sys

from a11y import (ALT, COMMA, CONTROL, ESCAPE, LEFT, Atspi, NotReached, Report, application, button, click, find, frame,
                  named, new_home, on_screen, press, problems, sensitive, shortcut, sign_in, start_app, wait_for,
                  walk)

ONE, TWO, THREE, FOUR = 10, 11, 12, 13  # the keys "1" to "4", for Alt+1…4
END = 115


def check_screen(check, screen, root):
    found = problems(root)
    check(f"{screen}: everything showing is named for what it is", not found, "; ".join(found))


def main():
    report = Report(10)
    check = report.check

    app_process = start_app(["--demo"], new_home(), keyring_env())
    try:
        app = wait_for("the app on the accessibility bus", application)
        wait_for("campaign cards", lambda: find(app, named("wena wrist, ")))
        sign_in("backer", "crowdfund-backer", "Camille Martin")
        check_screen(check, "Explore", app)

        click(find(app, named("wena wrist, ")))
        wait_for("the campaign page", lambda: button(app, "Back This Project"))
        check_screen(check, "a campaign", app)

        # Once it can pledge: its rewards are read.
        press(wait_for("Back This Project to be sensitive", lambda: sensitive(button(app, "Back This Project"))))
        dialog = wait_for("the pledge dialog", lambda: frame(application(), "Back This Project")
                          or find(application(), lambda n: n.get_role() == Atspi.Role.DIALOG))
        check_screen(check, "the pledge dialog", dialog)
        shortcut(ESCAPE)
        shortcut(ALT, LEFT)

        shortcut(ALT, TWO)
        check_screen(check, "Following", app)

        shortcut(ALT, THREE)
        pledge = wait_for("a pledge", lambda: find(app, lambda n: n.get_role() == Atspi.Role.LIST_ITEM
                                                   and (n.get_name() or "").startswith("Lumen")))
        check_screen(check, "Pledges", app)
        click(pledge)
        wait_for("the pledge page", lambda: find(app, lambda n: (n.get_name() or "") == "Delivery"))
        check_screen(check, "a pledge", app)
        steps = [n for n in walk(app) if n.get_role() == Atspi.Role.LIST_ITEM
                 and (n.get_description() or "") in ("done", "not yet", "needs attention")]
        check("a delivery step is heard once, how far it is as its description",
              steps and not any(", " in (n.get_name() or "") for n in steps),
              "; ".join(f"{n.get_name()} ({n.get_description()})" for n in steps))
        shortcut(ALT, LEFT)

        shortcut(CONTROL, COMMA)
        preferences = wait_for("Preferences", lambda: frame(application(), "Preferences"))
        check_screen(check, "Preferences", preferences)
        shortcut(ESCAPE)
    except NotReached as error:
        check(f"waiting for {error}", False)
    finally:
        app_process.terminate()
        app_process.wait()

    app_process = start_app(["--demo"], new_home(), keyring_env())
    try:
        app = wait_for("the app on the accessibility bus", application)
        wait_for("campaign cards", lambda: find(app, named("wena wrist, ")))
        sign_in("creator", "crowdfund-creator", "Atelier Lumen")
        shortcut(ALT, FOUR)
        wait_for("the dashboard", lambda: find(app, lambda n: n.get_name() == "Campaign"))
        check_screen(check, "the dashboard", app)

        chart = wait_for("the funding chart", lambda: find(app, lambda n: n.get_role() == Atspi.Role.IMAGE
                                                            and n.get_name() == "Funding over time"))
        click(chart)
        wait_for("the chart to take the focus", lambda: chart.get_state_set().contains(Atspi.StateType.FOCUSED))
        shortcut(END)
        point = wait_for("the last point's readout", lambda: " · " in (chart.get_description() or "")
                         and chart.get_description())
        check("moving along the chart, the point reached is heard", point)
    except NotReached as error:
        check(f"waiting for {error}", False)
    finally:
        app_process.terminate()
        app_process.wait()
    return report.finish()


def keyring_env():
    return {"SECRET_BACKEND": "file", "SECRET_FILE_TEST_PASSWORD": "crowdfund-e2e-keyring"}


if __name__ == "__main__":
    sys.exit(main())
