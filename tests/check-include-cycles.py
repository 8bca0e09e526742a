#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""No two files of src/ include each other, directly or around a circle.

A file's module is its name without extension (cf-live-feed.c,
cf-live-feed.h and cf-live-feed-private.h are one module); module A uses
module B when A's source or header includes B's header. Prints TAP."""
import os
import re
import sys

root = os.path.join(sys.argv[1], "src")
include = re.compile(r'^#include "(cf-[a-z0-9-]+)\.h"', re.M)
uses = {}
for folder, _, files in os.walk(root):
    for name in files:
        if not re.match(r"cf-.*\.(c|h)$", name):
            continue
        module = re.sub(r"(-private)?\.(c|h)$", "", name)
        with open(os.path.join(folder, name), encoding="utf-8") as source:
            for header in include.findall(source.read()):
                used = re.sub(r"-private$", "", header)
                if used != module:
                    uses.setdefault(module, set()).add(used)

# Depth-first search for a circle; each is reported once, from its smallest module.
circles = set()
def visit(start, module, path):
    for used in sorted(uses.get(module, ())):
        if used == start:
            circle = path + [start]
            smallest = circle.index(min(circle[:-1]))
            circles.add(" → ".join(circle[smallest:-1] + circle[:smallest] + [circle[smallest]]))
        elif used not in path and used > start:
            visit(start, used, path + [used])

for module in sorted(uses):
    visit(module, module, [module])

print("1..1")
if circles:
    print("not ok 1 - files of src/ include each other around a circle")
    for circle in sorted(circles):
        print("# " + circle)
    sys.exit(1)
print(f"ok 1 - no circle among the {len(uses)} modules of src/")
