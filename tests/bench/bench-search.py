#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times a catalogue search on the reference platform as the catalogue
grows: 1 000, 10 000, 100 000 and, with --largest 1000000, a million
campaigns, each in a database of its own filled straight through SQLite
(the platform's triggers keep its search index). For each size, the median
of 21 requests of: a search that matches nothing; a phrase of two common
words; one common word, in about a quarter of the campaigns; two letters
that start many words; two letters that start none; one letter in most
campaigns; one letter in none; and two digits of the numbers that end
titles, often in their last two characters, where no trigram starts."""

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

WORDS = ("solar lamp garden board game wooden watch silver travel journal album vinyl camera lens desk chair "
         "bicycle bottle kettle coffee tea notebook pen ink paper comic novel documentary film map atlas").split()
REQUESTS = 21
QUERIES = {"no match": "zqxjv", "phrase": "lamp%20garden", "common word": "lamp", "two letters": "la",
           "two, none": "zq", "one letter": "a", "one, none": "q", "two digits": "37"}


def create_schema(platform, database):
    process = subprocess.Popen([platform, "--database", database, "--port", "0"], stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    process.terminate()
    process.wait(timeout=30)
    if not line.startswith("listening on "):
        raise SystemExit(f"the platform did not start: {line!r}")


def fill(database, size):
    random.seed(size)
    with sqlite3.connect(database) as connection:
        connection.executemany("INSERT INTO users (id, username, name) VALUES (?, ?, ?)",
                               [(i, f"creator{i}", f"Creator {i}") for i in range(1, 201)])
        connection.executemany("INSERT INTO categories (id, slug, name) VALUES (?, ?, ?)",
                               [(i, f"category{i}", f"Category {i}") for i in range(1, 9)])
        rows = []
        for i in range(1, size + 1):
            title = " ".join(random.choice(WORDS) for _ in range(3)).capitalize()
            blurb = " ".join(random.choice(WORDS) for _ in range(8))
            rows.append((i, f"campaign-{i}", f"{title} {i}", blurb, "", random.randint(1, 200),
                         random.randint(1, 8), "live", "EUR", 100000, 1, 4102444800))
        connection.executemany(
            "INSERT INTO campaigns (id, slug, title, blurb, description, owner_id, category_id, state, currency,"
            " goal, launched_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def median_ms(url, query):
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        with urllib.request.urlopen(f"{url}/v1/campaigns?q={query}&state=all") as answer:
            answer.read()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(platform, directory, size):
    database = os.path.join(directory, f"search-{size}.db")
    create_schema(platform, database)
    fill(database, size)
    process = subprocess.Popen([platform, "--database", database, "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        url = process.stdout.readline().strip().removeprefix("listening on ")
        median_ms(url, "warm")
        return tuple(median_ms(url, query) for query in QUERIES.values())
    finally:
        process.terminate()
        process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--platform", required=True)
    parser.add_argument("--largest", type=int, default=100_000)
    options = parser.parse_args()
    sizes = [size for size in (1_000, 10_000, 100_000, 1_000_000) if size <= options.largest]
    print(f"{'campaigns':>10}" + "".join(f"  {name:>11}" for name in QUERIES) + f"   (median of {REQUESTS}, ms)")
    with tempfile.TemporaryDirectory() as directory:
        for size in sizes:
            times = measure(options.platform, directory, size)
            print(f"{size:>10}" + "".join(f"  {time:>11.1f}" for time in times))
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
