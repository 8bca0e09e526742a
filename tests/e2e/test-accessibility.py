#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screen as a screen reader meets it: the demo backer's views, a
campaign, the pledge dialog, a pledge, Preferences, and the demo creator's
dashboard. On each, whatever shows must be spoken for what it is: no widget
named after its class, no name said twice, no mnemonic underscore read
aloud, nothing that takes the keyboard focus without a name, and no text
that is a Tab stop."""

import re
import sys

from a11y import (ALT, COMMA, CONTROL, ESCAPE, LEFT, Atspi, NotReached, Report, application, button, click, find, frame,
                  named, new_home, on_screen, press, sensitive, shortcut, sign_in, start_app, wait_for,
                  walk)
from gi.repository import GLib

ONE, TWO, THREE, FOUR = 10, 11, 12, 13  # the keys "1" to "4", for Alt+1…4
END = 115

CLASS_NAME = re.compile(r"^(Gtk|Adw|Cf)[A-Z][A-Za-z]*$")
OUR_CLASS_NAME = re.compile(r"^Cf[A-Z][A-Za-z]*$")
SAID_TWICE = re.compile(r"^(.+?)\s+\1$")
MNEMONIC = re.compile(r"(^|\s)_[^\s_]")
# Layout that screen readers pass over: GTK 4.8 names such boxes after
# their class, libadwaita's own among them, but nobody hears them.
LAYOUT_ROLES = {Atspi.Role.PANEL, Atspi.Role.FILLER}
# Parts GTK 4.8 and libadwaita make inside their widgets and name after
# their class, out of an application's reach, that take no focus: a grid's
# cells, a scrolled window's bars, the view switcher's tab list. Lists,
# boxed or not, and the view switcher's icons are the app's to name or hide.
TOOLKIT_PARTS = LAYOUT_ROLES | {Atspi.Role.TABLE, Atspi.Role.TABLE_CELL, Atspi.Role.SCROLL_BAR,
                                Atspi.Role.PAGE_TAB_LIST}
# Containers that take the focus only to pass it on, as GTK makes them.
UNNAMED_FOCUS_ROLES = LAYOUT_ROLES | {Atspi.Role.FRAME, Atspi.Role.WINDOW, Atspi.Role.DIALOG,
                                      Atspi.Role.SCROLL_PANE, Atspi.Role.VIEWPORT}


def problems(root):
    """What a screen reader would stumble on among the widgets showing."""
    found = []
    for node in walk(root):
        try:
            states = node.get_state_set()
            if not states.contains(Atspi.StateType.VISIBLE) or not on_screen(node):
                continue
            name = node.get_name() or ""
            role = node.get_role()
            role_name = node.get_role_name()
        except GLib.Error:
            continue
        focusable = states.contains(Atspi.StateType.FOCUSABLE)
        if CLASS_NAME.match(name) and (OUR_CLASS_NAME.match(name) or focusable or not toolkit_part(node, role, focusable)):
            # What takes the focus is met by itself, wherever it is drawn.
            found.append(f"a {role_name} named after its class, {name!r}")
        elif SAID_TWICE.match(name):
            found.append(f"a {role_name} said twice, {name!r}")
        elif MNEMONIC.search(name):
            found.append(f"a {role_name} with its mnemonic read aloud, {name!r}")
        elif (not name and focusable and states.contains(Atspi.StateType.SENSITIVE) and role not in UNNAMED_FOCUS_ROLES
              and not toolkit_part(node, role, focusable)):
            found.append(f"a focusable {role_name} without a name")
        elif role == Atspi.Role.LABEL and focusable:
            found.append(f"a text that is a Tab stop, {name[:40]!r}")
    return sorted(set(found))


# Controls whose name covers the parts libadwaita draws inside them: a
# row's expander arrow, an entry row's pencil, the list of a combo row's
# menu.
NAMED_CONTROLS = {Atspi.Role.LIST_ITEM, Atspi.Role.TEXT, Atspi.Role.COMBO_BOX,
                  Atspi.Role.PUSH_BUTTON, Atspi.Role.CHECK_BOX, Atspi.Role.TOGGLE_BUTTON}


def toolkit_part(node, role, focusable):
    """A part GTK or libadwaita makes of its own, which a person does not
    meet by itself: one of TOOLKIT_PARTS that takes no focus, or anything
    inside a named control, a few levels up."""
    if role in TOOLKIT_PARTS and not focusable:
        return True
    ancestor = node.get_parent()
    for _ in range(6):
        if ancestor is None:
            return False
        if ancestor.get_role() in NAMED_CONTROLS and ancestor.get_name():
            return True
        ancestor = ancestor.get_parent()
    return False


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
