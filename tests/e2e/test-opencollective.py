#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Open Collective as a person meets it, through the accessibility tree of
the real app on a fake Open Collective: a person who added it earlier
browses its collectives (a goal told as a yearly budget, a collective with
no goal), opens one and reads its tiers, signs in with a profile name and
a personal token, and finds their monthly contributions in Pledges, a
failed one among what needs them."""

import os
import subprocess
import sys

from gi.repository import GLib

from a11y import (ALT, COMMA, CONTROL, ESCAPE, NotReached, Report, application, button, click, find, frame,
                  keyring_environment, labels, named, new_home, press, sensitive, shortcut, start_app, type_into,
                  wait_for)

THREE = 12  # the key "3", for Alt+3: Pledges


def start_fake():
    """The fake Open Collective of the tests, on a free port."""
    process = subprocess.Popen([os.environ["CROWDFUND_FAKE_OPENCOLLECTIVE"]], stdout=subprocess.PIPE, text=True)
    for line in process.stdout:
        if line.startswith("listening on "):
            return process, line.strip()[len("listening on "):]
    process.kill()
    raise RuntimeError("the fake Open Collective did not start")


def remember_open_collective(home):
    """The settings of a person who added Open Collective at an earlier visit."""
    folder = os.path.join(home, "glib-2.0", "settings")
    os.makedirs(folder)
    with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as keyfile:
        keyfile.write("[com/example/Crowdfund]\nplatforms=['opencollective']\nplatform='opencollective'\n")


def main():
    report = Report(7)
    check = report.check
    home = new_home()
    remember_open_collective(home)
    fake, url = start_fake()
    env = keyring_environment(home, CROWDFUND_OPENCOLLECTIVE_API_URL=url)
    app_process = start_app([], home, env)
    try:
        app = wait_for("the app on the accessibility bus", application)
        card = wait_for("the collectives", lambda: find(app, named("Tidepool Editor, 42")))
        check("a collective's card is heard with its goal's progress and no end",
              card.get_name() == "Tidepool Editor, 42% funded, 312 backers, Ongoing")
        check("a collective without a goal is heard with what it raised, never a percentage",
              find(app, named("Kasa Hanabi, ¥1,250,000 raised, 87 backers, Ongoing")) is not None)

        click(card)
        wait_for("the collective's tiers", lambda: "Backer" in labels(app))
        check("its tiers say how often they are paid", "$5 a month" in labels(app)
              and "$100 or more a month" in labels(app) and "$50 a year" in labels(app))
        check("contributing is on Open Collective's website, and the button says so",
              button(app, "Back on Open Collective") is not None)

        shortcut(CONTROL, COMMA)
        preferences = wait_for("Preferences", lambda: frame(application(), "Preferences"))
        type_into(preferences, "Profile Name", "camille-martin")
        type_into(preferences, "Personal Token", "oc-good-token")
        press(wait_for("Sign In", lambda: sensitive(button(preferences, "Sign In"))))
        check("a personal token signs in", wait_for("the account", lambda: "Camille Martin" in labels(preferences)))
        shortcut(ESCAPE)
        wait_for("Preferences to close", lambda: frame(application(), "Preferences") is None)

        shortcut(ALT, THREE)
        monthly = wait_for("the contributions in Pledges",
                           lambda: find(app, named("Tidepool Editor, Active, Backer · $5 a month since March 2025")))
        check("a monthly contribution is heard as what it is, with its next charge",
              monthly.get_name() == "Tidepool Editor, Active, Backer · $5 a month since March 2025, next charge 1 January",
              monthly.get_name())
        check("the failed payment is among what needs the person",
              find(app, named("Tidepool Docs, Payment failed, The payment failed.")) is not None)
    except NotReached as error:
        check(f"waiting for {error}", False)
    except (AttributeError, GLib.Error) as error:
        check(f"the accessibility tree as expected ({error})", False)
    finally:
        app_process.terminate()
        app_process.wait()
        fake.terminate()
        fake.wait()
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
