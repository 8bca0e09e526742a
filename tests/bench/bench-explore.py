#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs bench-explore against a catalogue of 100 000 campaigns on the
reference platform, once as it is for times and memory and once under
callgrind for instructions, and prints the figures of docs/performance.md."""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

CATALOGUE_SIZE = 100_000
# Campaigns loaded by scrolling, natively, to weigh memory per campaign and
# count row widgets. Under callgrind, valgrind runs the threads one at a time
# and decoding the picture of every card that scrolls by takes hours, so the
# counted run measures pages by asking for the first one again instead.
NATIVE_LOAD = 5000
COUNTED_LOAD = 0


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


def start_platform(platform, database, seed=None):
    arguments = [platform, "--database", database, "--port", "0"]
    if seed:
        arguments += ["--seed", seed]
    server = subprocess.Popen(arguments, stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    if not line.startswith("listening on "):
        sys.exit(f"the platform did not start: {line!r}")
    return server, line.split()[-1]


def stop(server):
    server.terminate()
    server.wait()


def run_bench(command, url, load, cache):
    environment = dict(os.environ, XDG_CACHE_HOME=cache, GSETTINGS_BACKEND="memory")
    shutil.rmtree(cache, ignore_errors=True)
    output = subprocess.run(command + [url, str(load)], env=environment, check=True,
                            stdout=subprocess.PIPE, text=True).stdout
    return dict(line.split(": ", 1) for line in output.splitlines() if ": " in line)


def read_dumps(prefix):
    """[(trigger, thread, instructions, path)] for each callgrind dump file."""
    dumps = []
    for path in glob.glob(prefix + "*"):
        trigger, thread, total = None, 1, None
        with open(path, encoding="utf-8", errors="replace") as dump:
            for line in dump:
                if line.startswith("desc: Trigger: Client Request: "):
                    trigger = line.split(": ", 3)[3].strip()
                elif line.startswith("thread: "):
                    thread = int(line.split()[1])
                elif line.startswith(("summary: ", "totals: ")):
                    total = int(line.split()[1])
        if trigger and total is not None:
            dumps.append((trigger, thread, total, path))
    return dumps


def inclusive(path, function):
    """Instructions spent in @function and what it called, in one dump."""
    output = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                            check=True, stdout=subprocess.PIPE, text=True).stdout
    pattern = re.compile(r"^\s*([\d,]+)\s.*[\s:]" + re.escape(function) + r"(\s|$|\')")
    return sum(int(match.group(1).replace(",", ""))
               for match in map(pattern.match, output.splitlines()) if match)


def millions(instructions):
    return f"{instructions / 1e6:,.1f} M"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--platform", required=True)
    parser.add_argument("--generator", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--work-directory", required=True)
    options = parser.parse_args()

    database = seeded_database(options.platform, options.generator, options.work_directory)
    server, url = start_platform(options.platform, database)
    scratch = tempfile.mkdtemp(prefix="crowdfund-bench-")
    try:
        native = run_bench([options.bench], url, NATIVE_LOAD, os.path.join(scratch, "cache"))
        prefix = os.path.join(scratch, "callgrind.out")
        counted = run_bench(["valgrind", "--tool=callgrind", "--separate-threads=yes",
                             "--dump-instr=no", "--dump-line=no",
                             f"--callgrind-out-file={prefix}", options.bench],
                            url, COUNTED_LOAD, os.path.join(scratch, "cache"))
        dumps = read_dumps(prefix)
    finally:
        stop(server)

    def total(trigger, thread=None):
        return sum(count for name, number, count, _ in dumps
                   if name == trigger and thread in (None, number))

    pages = int(counted["reloaded-pages"])
    page_files = [path for name, _, _, path in dumps if name == "pages"]
    typing = [count for name, number, count, _ in dumps if name == "dispatch" and number == 1]
    figures = [
        ("exec → first frame with cards, all threads", millions(total("first-frame"))),
        ("exec → first frame with cards, main thread", millions(total("first-frame", 1))),
        ("main() → first frame, wall time (native)", f"{float(native['first-frame-ms']):.0f} ms"),
        ("RSS 3 s after the first frame (native)",
         f"{int(native['rss-kib-after-first-frame']) / 1024:.1f} MB"),
        ("heap per loaded campaign, 1 000 → 5 000 (native)",
         f"{native['heap-bytes-per-campaign']} bytes"),
        ("RSS with 5 000 campaigns loaded (native)",
         f"{int(native['rss-kib-after-load']) / 1024:.1f} MB"),
        ("pages loaded while scrolling to 5 000 (native)", native["load-pages"]),
        ("one page parsed, worker thread (parse_in_thread)",
         millions(sum(inclusive(path, "parse_in_thread") for path in page_files) / pages)),
        ("one page spliced in, main thread (page_cb)",
         millions(sum(inclusive(path, "page_cb") for path in page_files) / pages)),
        ("one page asked, parsed and shown, main thread, all in",
         millions(total("pages", 1) / pages)),
        ("row widgets created: first frame / loading / scrolling",
         f"{native['rows-at-first-frame']} / {native['load-rows-created']} / "
         f"{native['scroll-rows-created']}"),
        ("scrolling, main thread per frame",
         millions(total("scroll", 1) / int(counted["scroll-frames"]))),
        ("scrolling, wall time per frame (native)",
         f"{float(native['scroll-ms']) / int(native['scroll-frames']):.1f} ms"),
        ("typing a search: dispatches / longest (instructions)",
         f"{len(typing)} / {millions(max(typing))}"),
        ("typing a search: longest dispatch, wall time (native)",
         f"{int(native['typing-longest-dispatch-us']) / 1000:.1f} ms"),
    ]
    shutil.rmtree(scratch, ignore_errors=True)

    width = max(len(name) for name, _ in figures)
    for name, value in figures:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
