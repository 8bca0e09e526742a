#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file with a translatable string is listed in po/POTFILES.in, and
every file listed there exists."""

import os
import re
import sys

MARKS = re.compile(r'(\b_\(|\bN_\(|\bC_\(|\bngettext\s*\(|\bg_dngettext\s*\(|translatable="yes"|<summary>)')


def main():
    top = sys.argv[1]
    with open(os.path.join(top, "po", "POTFILES.in"), encoding="utf-8") as listing:
        listed = {line.strip() for line in listing if line.strip() and not line.startswith("#")}
    print("1..2")
    found = set()
    for folder in ("src", "data", "platform"):
        for root, _, files in os.walk(os.path.join(top, folder)):
            for name in files:
                if not name.endswith((".c", ".ui", ".xml", ".in")):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8", errors="replace") as source:
                    if MARKS.search(source.read()):
                        found.add(os.path.relpath(path, top))
    missing = sorted(found - listed)
    gone = sorted(path for path in listed if not os.path.exists(os.path.join(top, path)))
    print(("ok" if not missing else "not ok") + " 1 - translatable files are listed" +
          (f" # missing: {' '.join(missing)}" if missing else ""))
    print(("ok" if not gone else "not ok") + " 2 - listed files exist" +
          (f" # gone: {' '.join(gone)}" if gone else ""))
    return 1 if missing or gone else 0


if __name__ == "__main__":
    sys.exit(main())
