#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A second platform, added the way a person would through the
accessibility tree: with the demo open and its backer signed in, add a
Crowdfund platform by its address in Preferences, sign in there, and find
the pledges of both accounts in one Pledges list, each marked with its
platform."""

import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request

from gi.repository import GLib

from a11y import (ALT, COMMA, CONTROL, ESCAPE, Atspi, NotReached, Report, application, button, find, frame, labels, named,
                  named_button,
                  new_home, press, sensitive, shortcut, sign_in, start_app, type_into, wait_for)

THREE = 12  # the key "3", for Alt+3: Pledges


def start_platform(home):
    """The reference platform with the test seed, on a free port."""
    seed = os.path.join(os.environ["G_TEST_SRCDIR"], "fixtures", "seed.json")
    process = subprocess.Popen([os.environ["CROWDFUND_PLATFORM"], "--database", os.path.join(home, "second.sqlite"),
                                "--port", "0", "--password-memory=64", "--seed", seed],
                               stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline().strip()
    if not line.startswith("listening on "):
        raise RuntimeError(f"the platform did not start: {line!r}")
    return process, line[len("listening on "):]


def call(url, path, body, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def starting_with(root, prefix):
    return any(text and text.startswith(prefix) for text in labels(root))


def main():
    report = Report(7)
    check = report.check
    home = new_home()
    platform, url = start_platform(home)
    label = urllib.parse.urlsplit(url).netloc
    token = call(url, "/v1/auth/token", {"grant_type": "password", "username": "backer",
                                         "password": "backer-pw"})["access_token"]
    call(url, "/v1/campaigns/2/pledges", {"reward_id": 3, "amount": {"amount": 2500, "currency": "EUR"},
                                         "shipping_country": "FR"}, token)
    env = {"SECRET_BACKEND": "file", "SECRET_FILE_TEST_PATH": os.path.join(home, "keyring"),
           "SECRET_FILE_TEST_PASSWORD": "crowdfund-e2e-keyring"}
    app_process = start_app(["--demo"], home, env)
    try:
        app = wait_for("the app on the accessibility bus", application)
        wait_for("campaign cards", lambda: find(app, named("wena wrist, ")))
        check("the demo backer signs in from Preferences", sign_in("backer", "crowdfund-backer", "Camille Martin"))

        shortcut(ALT, THREE)
        wait_for("the Pledges view", lambda: find(app, lambda n: n.get_role() == Atspi.Role.PAGE_TAB
                                                   and n.get_name() == "Pledges"
                                                   and n.get_state_set().contains(Atspi.StateType.SELECTED)))
        wait_for("the demo pledges", lambda: starting_with(app, "Lumen First · "))
        check("with one platform, pledges are not marked with it", not starting_with(app, "Demo platform · "))

        shortcut(CONTROL, COMMA)
        preferences = wait_for("Preferences", lambda: frame(application(), "Preferences"))
        type_into(preferences, "Address", url)
        press(wait_for("Add", lambda: sensitive(button(preferences, "Add"))))
        check("the platform is added, named by its address",
              wait_for("the new platform", lambda: label in labels(preferences)))
        type_into(preferences, "Username", "backer")
        type_into(preferences, "Password", "backer-pw")
        press(wait_for("Sign In", lambda: sensitive(button(preferences, "Sign In"))))
        wait_for("the second account", lambda: "Bea Backer" in labels(preferences))
        check("each Sign Out button says which platform it signs out of",
              named_button(preferences, "Sign Out of Demo platform") is not None
              and named_button(preferences, f"Sign Out of {label}") is not None)
        shortcut(ESCAPE)

        both = wait_for("both accounts' pledges", lambda: starting_with(app, f"{label} · Ten places · ")
                        and starting_with(app, "Demo platform · Lumen First · "))
        check("Pledges lists both accounts' pledges, each marked with its platform", both)
        check("a pledge is heard with its status and its platform",
              find(app, named(f"Ten left, Pledged, {label} · Ten places · ")) is not None)
        check("Explore offers a platform menu",
              find(app, lambda n: n.get_name() == "Platform to browse") is not None)
    except NotReached as error:
        check(f"waiting for {error}", False)
    except (AttributeError, GLib.Error) as error:
        check(f"the accessibility tree as expected ({error})", False)
    finally:
        app_process.terminate()
        app_process.wait()
        platform.terminate()
        platform.wait()
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
