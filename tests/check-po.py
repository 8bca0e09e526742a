#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations, as TAP: every catalogue in po/LINGUAS compiles
with msgfmt --check, and against the strings the sources hold today it is
complete, with nothing fuzzy; and no string is a piece of a sentence put
together in code."""

import os
import re
import subprocess
import sys
import tempfile

# What meson's glib preset gives xgettext, for the keywords and formats used here.
XGETTEXT = ["xgettext", "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
            "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
            "--flag=g_strdup_printf:1:c-format", "--flag=g_dngettext:2:pass-c-format",
            "--flag=g_set_error:4:c-format", "--flag=g_error_new:3:c-format", "--flag=C_:2:pass-c-format"]

# Contexts whose strings are pieces by design, joined by locale rules.
PIECES = {"list separator"}


def fresh_template(top, directory):
    template = os.path.join(directory, "crowdfund.pot")
    subprocess.run(XGETTEXT + ["--files-from=po/POTFILES.in", f"--output={template}"], cwd=top, check=True)
    return template


def statistics(catalogue):
    """msgfmt's count of translated, fuzzy and untranslated messages, or the error."""
    result = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file=/dev/null", catalogue],
                            capture_output=True, text=True)
    if result.returncode != 0:
        return None, result.stderr.strip()
    counts = {kind: int(number) for number, kind in
              re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr)}
    return counts, result.stderr.strip()


def pieces(template):
    """Strings that are not sentences of their own: starting or ending with a
    space, or nothing but punctuation."""
    found = []
    entries = open(template, encoding="utf-8").read().split("\n\n")[1:]
    for entry in entries:
        context = re.search(r'^msgctxt "(.*)"', entry, re.M)
        if context and context.group(1) in PIECES:
            continue
        msgid = "".join(re.findall(r'^(?:msgid )?"(.*)"$', entry.split("msgid_plural")[0].split("msgstr")[0],
                                   re.M))
        if msgid and (msgid != msgid.strip() or not re.search(r"\w|%", msgid)):
            found.append(msgid)
    return found


def main():
    top = sys.argv[1]
    languages = [line.strip() for line in open(os.path.join(top, "po", "LINGUAS"))
                 if line.strip() and not line.startswith("#")]
    results = []
    with tempfile.TemporaryDirectory() as directory:
        template = fresh_template(top, directory)
        for language in languages:
            catalogue = os.path.join(top, "po", f"{language}.po")
            counts, message = statistics(catalogue)
            results.append((f"{language}.po compiles with msgfmt --check", counts is not None, message))
            merged = os.path.join(directory, f"{language}.po")
            subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", f"--output-file={merged}",
                            catalogue, template], check=True)
            counts, message = statistics(merged)
            complete = counts is not None and counts.get("fuzzy", 0) == 0 and counts.get("untranslated", 0) == 0
            results.append((f"{language}.po translates every string of the sources, none fuzzy", complete, message))
        found = pieces(template)
        results.append(("no translatable string is a piece of a sentence", not found, "; ".join(found)))

    print(f"1..{len(results)}")
    for number, (name, passed, detail) in enumerate(results, 1):
        print(("ok" if passed else "not ok") + f" {number} - {name}" + ("" if passed else f" # {detail}"))
    return 0 if all(passed for _, passed, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
