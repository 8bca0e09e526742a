#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Measures Explore against a catalogue of 100 000 campaigns on the reference
platform and prints the figures of docs/performance.md:

- bench-explore, the whole app, natively: times, memory, row widgets, while
  it starts, loads 5 000 campaigns by scrolling, scrolls and takes a search;
- bench-explore under callgrind, up to the first frame with cards;
- bench-pages, natively and under callgrind: 200 pages loaded into the
  list the grid shows, without the display, for the memory and the
  instructions of one page;
- Crowdfund beside gnome-calculator and gnome-text-editor, each run the
  same way until it has settled after its window shows, for ratios made in
  the same run (the peers are skipped, with a note, when not installed).

The whole app is not run further under callgrind: valgrind runs threads one
at a time and the software renderer paints every frame, so scrolling through
thousands of campaigns would take hours there."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from benchlib import callgrind, run, start_platform, stop, until_settled

CATALOGUE_SIZE = 100_000
NATIVE_LOAD = 5000
PEERS = ["gnome-calculator", "gnome-text-editor"]


def seeded_database(platform, generator, directory):
    """The catalogue's database, generated and seeded on first use."""
    database = os.path.join(directory, f"explore-{CATALOGUE_SIZE}.db")
    if os.path.exists(database):
        return database
    seed = os.path.join(directory, f"explore-{CATALOGUE_SIZE}.json")
    subprocess.run([sys.executable, generator, str(CATALOGUE_SIZE), seed], check=True)
    server, _ = start_platform(platform, database, seed)
    stop(server)
    os.remove(seed)
    return database


def millions(instructions):
    return f"{instructions / 1e6:,.1f} M"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--platform", required=True)
    parser.add_argument("--generator", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--pages", required=True)
    parser.add_argument("--app", required=True)
    parser.add_argument("--work-directory", required=True)
    options = parser.parse_args()

    database = seeded_database(options.platform, options.generator, options.work_directory)
    server, url = start_platform(options.platform, database)
    scratch = tempfile.mkdtemp(prefix="crowdfund-bench-")
    try:
        native = run([options.bench, url, str(NATIVE_LOAD)], scratch)
        _, start = callgrind([options.bench, url, "first-frame"], scratch, "first-frame",
                             required=("bind_card_cb", "cf_campaign_card_set_campaign"))
        model = run([options.pages, url], scratch)
        paging, pages = callgrind([options.pages, url], scratch, "pages")
        side_by_side = compare_with_peers(options.app, url, scratch)
    finally:
        stop(server)
        shutil.rmtree(scratch, ignore_errors=True)

    phase = int(paging["phase-pages"])
    workers = sum(count for (trigger, thread), count in pages.items() if thread != 1)
    figures = [
        ("#1 exec → first frame with cards, main thread", millions(start[("first-frame", 1)])),
        ("   main() → first frame, wall time", f"{float(native['first-frame-ms']):.0f} ms"),
        ("#2 RSS 3 s after the first frame", f"{int(native['rss-kib-after-first-frame']) / 1024:.1f} MB"),
        ("#3 heap per campaign in the list, 1 000 → 10 000", f"{model['heap-bytes-per-campaign']} bytes"),
        ("   the whole app's heap per campaign, 1 000 → 5 000", f"{native['heap-bytes-per-campaign']} bytes"),
        ("   RSS with 5 000 campaigns loaded", f"{int(native['rss-kib-after-load']) / 1024:.1f} MB"),
        ("   row widgets made: first frame / loading 5 000 / scrolling",
         f"{native['rows-at-first-frame']} / {native['load-rows-created']} / {native['scroll-rows-created']}"),
        ("#4 one page of 50 parsed, worker threads", millions(workers / int(paging["pages"]))),
        ("   one page, main thread, pages 1–20", millions(pages[("early", 1)] / phase)),
        (f"#5 one page, main thread, pages {int(paging['pages']) - phase + 1}–{paging['pages']}",
         millions(pages[("late", 1)] / phase)),
        ("#6 scrolling, wall time per frame",
         f"{float(native['scroll-ms']) / int(native['scroll-frames']):.1f} ms"),
        ("#7 typing a search: longest dispatch, wall time",
         f"{int(native['typing-longest-dispatch-us']) / 1000:.1f} ms"),
    ]
    width = max(len(name) for name, _ in figures)
    for name, value in figures:
        print(f"{name:<{width}}  {value}")
    print()
    print(side_by_side)


def compare_with_peers(app, url, scratch):
    """A table of Crowdfund and its peers, each run until it has settled
    after its window shows: main-thread instructions and RSS, and their
    ratios to Crowdfund's."""
    if shutil.which("xdotool") is None:
        return "Peers not measured: xdotool is not installed."
    rows = [("crowdfund", *until_settled([app, "--platform", url], scratch, "crowdfund",
                                         required=("bind_card_cb", "cf_campaign_card_set_campaign")))]
    missing = []
    for peer in PEERS:
        path = shutil.which(peer)
        if path is None:
            missing.append(peer)
        else:
            rows.append((peer, *until_settled([path], scratch, peer)))
    lines = ["| app, until settled | main thread | ratio | RSS 3 s after its window | ratio |",
             "|---|---:|---:|---:|---:|"]
    _, own_rss, own_instructions = rows[0]
    for name, rss, instructions in rows:
        lines.append(f"| {name} | {millions(instructions)} | {instructions / own_instructions:.2f} "
                     f"| {rss / 1024:.1f} MB | {rss / own_rss:.2f} |")
    if missing:
        lines.append(f"Not installed, so not measured: {', '.join(missing)} "
                     "(apt-get install --no-install-recommends gnome-calculator gnome-text-editor).")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
