#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Measures the live feed and the creator dashboard, with the figures of
docs/performance.md (#8 to #10), against the reference platform seeded with
tests/fixtures/seed.json:

- #8  instructions per live event: the feed alone, signed in as the creator
      of campaign 2, under callgrind for 2 000 and for 12 000 events sent
      1 000 a second (what it keeps up with under valgrind); the difference
      over the 10 000 events between is one event's cost, start-up and
      sign-in set aside;
- #9  the app's dashboard while 5 000 events a second come for 10 s: how long
      after the last event was sent it was on screen, as a ratio of the
      stream's length; dashboard updates per frame; and frames a second at
      1 000 events a second;
- #10 the app's dashboard while backers pledge on the platform, one every
      200 ms: from each request to the first frame painted with it."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from benchlib import callgrind, run, start_platform, stop

FEW, MANY = 2000, 12000
CALLGRIND_RATE = 1000


def start_stream(bench, url, rate, seconds):
    """A platform in front of the reference one, streaming pledges to campaign 2 once asked."""
    server = subprocess.Popen([bench, "serve", url, "2", "3", str(rate), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    if not line.startswith("listening on "):
        sys.exit(f"the streaming platform did not start: {line!r}")
    return server, line.split()[-1]


def stream_sent(server):
    """How many events the stream sent, and when the first and last went (µs)."""
    line = server.stdout.readline().split()
    stop(server)
    return int(line[1]), int(line[2]), int(line[3])


def instructions(dumps):
    return sum(dumps.values())


def per_event(bench, url, scratch):
    counts = {}
    for events in (FEW, MANY):
        stream, stream_url = start_stream(bench, url, CALLGRIND_RATE, events / CALLGRIND_RATE + 1)
        output, dumps = callgrind([bench, "events", stream_url, str(events)], scratch, f"events-{events}")
        stop(stream)
        if int(output["ignored"]) != 0:
            sys.exit(f"the feed ignored {output['ignored']} well-formed events")
        counts[events] = (instructions(dumps), int(output["events"]))
    (few, few_events), (many, many_events) = counts[FEW], counts[MANY]
    return (many - few) / (many_events - few_events)


def dashboard(bench, url, scratch, rate):
    stream, stream_url = start_stream(bench, url, rate, 10)
    output = run([bench, "dashboard", stream_url], scratch)
    sent, first, last = stream_sent(stream)
    shown = int(output["shown-last"])
    seconds = (shown - int(output["first-request"])) / 1e6
    return {
        "sent": sent,
        "ratio": (shown - first) / (last - first),
        "fps": int(output["frames-until-shown"]) / seconds,
        "updates": int(output["updates"]),
        "most": int(output["most-updates-in-a-frame"]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--platform", required=True)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--bench", required=True)
    options = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="crowdfund-bench-live-")
    try:
        server, url = start_platform(options.platform, os.path.join(scratch, "platform.db"), options.seed)
        try:
            cost = per_event(options.bench, url, scratch)
            print(f"#8 one live event: {cost:,.0f} instructions (goal 30 000), no list re-sorted")

            fast = dashboard(options.bench, url, scratch, 5000)
            print(f"#9 {fast['sent']:,} events at 5 000/s for 10 s shown {fast['ratio']:.3f}× the stream's"
                  f" length after its start (goal 1.05); {fast['updates']} dashboard updates,"
                  f" at most {fast['most']} a frame (goal 1); {fast['fps']:.0f} frames/s")
            steady = dashboard(options.bench, url, scratch, 1000)
            print(f"#9 at 1 000 events/s: {steady['fps']:.0f} frames/s (goal 50), ratio {steady['ratio']:.3f},"
                  f" at most {steady['most']} update a frame")

            latency = run([options.bench, "latency", url, "40"], scratch)
            print(f"#10 pledge on the platform → figure on screen over {latency['samples']} pledges:"
                  f" median {latency['latency-median-ms']} ms, p95 {latency['latency-p95-ms']} ms (goal 250),"
                  f" max {latency['latency-max-ms']} ms")
        finally:
            stop(server)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
