#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the app asks its platform for as it starts, as a person starts it:
the real app on the demo, its platform behind a proxy that notes every
request. A first start, then, once the demo backer has signed in and quit,
a start signed back in from the keyring with nothing kept in memory: from
the start until five seconds after the cards show, nothing is asked of the
platform's API twice. (Pictures come from the platform's own address, not
through the proxy; the ui test startup-requests counts them.)"""

import os
import sys
import time
from collections import Counter

from a11y import (CONTROL, Q, NotReached, Report, application, find, keyring_environment, named, new_home, shortcut,
                  sign_in, start_app, wait_for)

# After the cards show, what is asked in this long is counted too: late
# readers (the live feed, pictures, the account's lists) ask then.
SETTLE_SECONDS = 5


def requests(log):
    try:
        with open(log, encoding="utf-8") as lines:
            return [line.strip() for line in lines]
    except FileNotFoundError:
        return []


def asked_twice(log):
    return sorted(f"{request} ×{count}" for request, count in Counter(requests(log)).items() if count > 1)


def start(home, env, log):
    env = dict(env, CROWDFUND_REQUEST_LOG=log)
    process = start_app(["--demo"], home, env)
    app = wait_for("the app on the accessibility bus", application)
    wait_for("campaign cards", lambda: find(app, named("wena wrist, ")))
    return process


def main():
    report = Report(5)
    check = report.check
    home = new_home()
    env = keyring_environment(
        home, CROWDFUND_REAL_PLATFORM=os.environ["CROWDFUND_PLATFORM"],
        CROWDFUND_PLATFORM=os.path.join(os.path.dirname(os.path.abspath(__file__)), "counting-platform.py"))
    first = os.path.join(home, "first-start.log")
    again = os.path.join(home, "signed-back-in.log")

    process = start(home, env, first)
    try:
        time.sleep(SETTLE_SECONDS)
        check("a first start asks for the first page", any(r.startswith("GET /v1/campaigns?") for r in requests(first)),
              "; ".join(requests(first)))
        check("a first start asks nothing twice", not asked_twice(first), "; ".join(asked_twice(first)))
        check("the demo backer signs in", sign_in("backer", "crowdfund-backer", "Camille Martin"))
        shortcut(CONTROL, Q)
        process.wait()

        process = start(home, env, again)
        wait_for("the account read again", lambda: "GET /v1/me" in requests(again))
        time.sleep(SETTLE_SECONDS)
        check("a start signed back in asks who is signed in", "GET /v1/me" in requests(again),
              "; ".join(requests(again)))
        check("a start signed back in asks nothing twice", not asked_twice(again), "; ".join(asked_twice(again)))
    except NotReached as error:
        check(f"waiting for {error}", False, "; ".join(requests(first) + requests(again)))
    finally:
        process.terminate()
        process.wait()

    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
