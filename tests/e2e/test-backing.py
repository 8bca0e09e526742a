#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Backing a project the way a person would, through the accessibility tree:
sign in as the demo backer, follow a campaign, pledge for a limited reward,
find the pledge and its timeline in Pledges, quit and start again still
signed in; the platform holds exactly one pledge."""

import os
import sqlite3
import sys

from a11y import (ALT, CONTROL, COMMA, ESCAPE, LEFT, Q, RETURN, Atspi, NotReached, Report, application, button, click,
                  find, frame, keyring_environment, labels, named, named_button, new_home, on_screen, press, sensitive,
                  shortcut, sign_in, start_app, still, wait_for, walk)
from gi.repository import GLib

CAMPAIGN = "Quiet Hours: an album recorded in a lighthouse"
REWARD = "Early bird · $35"
# A pledge's line in Pledges: its reward, amount and backer number.
ADDRESS = "12 rue des Lilas, 69003 Lyon"
PLEDGE_SUMMARY = lambda n: (n.get_name() or "").startswith("Early bird · $") and "· Backer #" in n.get_name()


CHOICES = (Atspi.Role.CHECK_BOX, Atspi.Role.RADIO_BUTTON)


def pledges_in_database(home):
    database = os.path.join(home, "crowdfund", "demo-platform.sqlite")
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT COUNT(*) FROM pledges p JOIN campaigns c ON c.id = p.campaign_id"
            " JOIN users u ON u.id = p.backer_id WHERE u.username = 'backer' AND c.title = ?",
            (CAMPAIGN,)).fetchone()[0]


def address_in_database(home):
    database = os.path.join(home, "crowdfund", "demo-platform.sqlite")
    with sqlite3.connect(database) as connection:
        row = connection.execute(
            "SELECT p.address FROM pledges p JOIN campaigns c ON c.id = p.campaign_id"
            " JOIN users u ON u.id = p.backer_id WHERE u.username = 'backer' AND c.title = ?",
            (CAMPAIGN,)).fetchone()
        return row[0] if row else None


def menu_item(root, prefix):
    """The item of an open menu whose text starts with prefix, if on screen."""
    def is_item(node):
        parent = node.get_parent()
        return (node.get_role() == Atspi.Role.LABEL and (node.get_name() or "").startswith(prefix) and on_screen(node)
                and parent is not None and parent.get_role() == Atspi.Role.LIST_ITEM)
    return find(root, is_item)


def main():
    report = Report(10)
    check = report.check
    home = new_home()
    env = keyring_environment(home)
    app_process = start_app(["--demo"], home, env)
    try:
        app = wait_for("the app on the accessibility bus", application)
        wait_for("campaign cards", lambda: find(app, named("wena wrist, ")))

        check("the demo backer signs in from Preferences", sign_in("backer", "crowdfund-backer", "Camille Martin"))

        search = find(app, lambda n: n.get_role() == Atspi.Role.ENTRY and n.get_name() == "Search campaigns")
        search.get_editable_text_iface().insert_text(0, "Quiet Hours", len("Quiet Hours"))
        # Once the grid holds the search's answer: a card clicked before moves away.
        click(wait_for("the campaign's card alone", lambda: not find(app, named("wena wrist, "))
                       and find(app, named("Quiet Hours: an album"))))
        follow = wait_for("Follow", lambda: named_button(app, "Follow"))
        press(follow)
        check("Follow turns to Following", wait_for("Following", lambda: named_button(app, "Following")))

        press(wait_for("Back This Project", lambda: sensitive(button(app, "Back This Project"))))
        dialog = wait_for("the pledge dialog", lambda: frame(application(), "Back This Project"))
        click(wait_for("the limited reward", lambda: find(dialog, lambda n: n.get_role() in CHOICES
                                                          and (n.get_name() or "").startswith(REWARD))))
        # The country menu opens at the backer's country, and typing finds
        # another. Choosing a reward that ships grows the dialog: the menu is
        # clicked once it stays in place.
        country = wait_for("the country menu", lambda: find(dialog, lambda n: n.get_role() == Atspi.Role.COMBO_BOX
                                                             and n.get_name() == "Country" and on_screen(n)))
        click(wait_for("the country menu to stay in place", still(country)))
        at_france = wait_for("the menu open at France", lambda: menu_item(application(), "France · "))
        Atspi.generate_keyboard_event(0, "Japan", Atspi.KeySynthType.STRING)
        japan = wait_for("Japan in the menu", lambda: menu_item(application(), "Japan · "))
        shortcut(RETURN)
        chosen = wait_for("the menu to close on Japan", lambda: not find(application(), named("France · ")))
        check("the country menu opens at the backer's country and finds another as it is typed",
              at_france and japan and chosen)
        confirm = wait_for("the pledge button", lambda: sensitive(button(dialog, "Pledge $")))
        press(confirm)
        toast = wait_for("the toast", lambda: f"You back {CAMPAIGN}" in labels(app))
        check("pledging for a limited reward closes the dialog with a toast",
              toast and frame(application(), "Back This Project") is None)

        shortcut(ALT, LEFT)
        # The header's switcher, not the bottom bar's, hidden in a wide window.
        pledges_tab = wait_for("the Pledges view", lambda: find(app, lambda n: n.get_name() == "Pledges"
                                                                and n.get_role() == Atspi.Role.PAGE_TAB
                                                                and on_screen(n)))
        click(pledges_tab)
        row = wait_for("the pledge in Pledges", lambda: find(app, PLEDGE_SUMMARY))
        check("the pledge is listed in Pledges", row is not None)
        click(wait_for("the pledge on screen", lambda: find(app, lambda n: PLEDGE_SUMMARY(n) and on_screen(n))))
        timeline = wait_for("the timeline", lambda: labels(app) if "Payment collected" in labels(app) else None)
        check("the pledge opens to its delivery timeline",
              {"Pledged", "Payment collected", "In production", "Shipped", "Delivered"} <= timeline)

        address = find(app, lambda n: n.get_role() == Atspi.Role.TEXT and n.get_name() == "Address"
                       and on_screen(n))
        click(address)
        address.get_editable_text_iface().insert_text(0, ADDRESS, len(ADDRESS.encode()))
        shortcut(RETURN)
        check("the shipping address reaches the platform",
              wait_for("the address on the platform", lambda: address_in_database(home) == ADDRESS))

        shortcut(CONTROL, Q)
        app_process.wait()
        app_process = start_app(["--demo"], home, env)
        app = wait_for("the app again", application)
        shortcut(CONTROL, COMMA)
        preferences = wait_for("Preferences again", lambda: frame(application(), "Preferences"))
        check("after a restart the backer is still signed in",
              wait_for("the account again", lambda: "Camille Martin" in labels(preferences)))
        shortcut(ESCAPE)
        listed = wait_for("the pledge again", lambda: find(app, PLEDGE_SUMMARY))
        check("the pledge is still in Pledges after a restart", listed is not None)
        check("the platform holds exactly one pledge", pledges_in_database(home) == 1,
              str(pledges_in_database(home)))
    except NotReached as error:
        shown = sorted({f"{n.get_role_name()}:{n.get_name()}" for n in walk(application())
                        if n.get_role() in (Atspi.Role.PUSH_BUTTON, Atspi.Role.RADIO_BUTTON, Atspi.Role.CHECK_BOX)})
        check(f"waiting for {error}", False, "; ".join(shown))
    except (AttributeError, GLib.Error) as error:
        check(f"the accessibility tree as expected ({error})", False)
    finally:
        app_process.terminate()
        app_process.wait()

    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
