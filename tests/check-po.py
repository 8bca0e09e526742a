#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations, as TAP: every catalogue in po/LINGUAS compiles
with msgfmt --check, and against the strings the sources hold today it is
complete, with nothing fuzzy; every count is served the plural form its
language's grammar asks for; a language written right to left isolates
what it puts into its sentences; and no string is a piece of a sentence put
together in code."""

import gettext
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

# What meson's glib preset gives xgettext, for the keywords and formats used here.
XGETTEXT = ["xgettext", "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_",
            "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dngettext:2,3",
            "--flag=g_strdup_printf:1:c-format", "--flag=g_dngettext:2:pass-c-format",
            "--flag=g_set_error:4:c-format", "--flag=g_error_new:3:c-format", "--flag=C_:2:pass-c-format"]

# Contexts whose strings are pieces by design, joined by locale rules.
PIECES = {"list separator"}

# The counts every plural string is tried with, and for each language the
# form its grammar gives each of them, written from CLDR's plural rules
# independently of the catalogue's own Plural-Forms: French says “0 contributeur”,
# Japanese has one form, Arabic has six (zero, one, two, few 3–10, many 11–99,
# other 100–102).
COUNTS = (0, 1, 2, 3, 11, 100)
FORMS = {
    "fr": (0, 0, 1, 1, 1, 1),
    "ja": (0, 0, 0, 0, 0, 0),
    "ar": (0, 1, 2, 3, 4, 5),
}

RIGHT_TO_LEFT = {"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"}
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE, RIGHT_TO_LEFT_MARK = "\u2068", "\u2069", "\u200f"
DIRECTIVE = re.compile(r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:l|ll|z|h)?[sdui]")


def unquote(lines):
    text = "".join(re.findall(r'"(.*)"', "\n".join(lines)))
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def entries(catalogue):
    """Each message of a .po file: its flags, msgid, msgid_plural and msgstrs."""
    found = []
    for block in open(catalogue, encoding="utf-8").read().split("\n\n"):
        lines = [line for line in block.strip().split("\n") if line and not line.startswith("#~")]
        entry = {"flags": "", "msgstr": []}
        key, values = None, []
        for line in lines + ["#end"]:
            if line.startswith('"'):
                values.append(line)
                continue
            if key == "msgstr" or (key or "").startswith("msgstr["):
                entry["msgstr"].append(unquote(values))
            elif key is not None:
                entry[key] = unquote(values)
            key, values = None, []
            if line.startswith("#,"):
                entry["flags"] += line
            elif not line.startswith("#"):
                key, _, rest = line.partition(" ")
                values = [rest]
        if entry.get("msgid"):
            found.append(entry)
    return found


def plural_forms_served(language, catalogue, directory):
    """Plural strings whose form for some count is not the one its grammar asks for."""
    wrong = []
    compiled = os.path.join(directory, f"{language}.mo")
    subprocess.run(["msgfmt", f"--output-file={compiled}", catalogue], check=True)
    with open(compiled, "rb") as data:
        translation = gettext.GNUTranslations(data)
    for entry in entries(catalogue):
        if "msgid_plural" not in entry:
            continue
        for count, form in zip(COUNTS, FORMS[language]):
            served = (translation.npgettext(entry["msgctxt"], entry["msgid"], entry["msgid_plural"], count)
                      if "msgctxt" in entry else translation.ngettext(entry["msgid"], entry["msgid_plural"], count))
            if served != entry["msgstr"][form]:
                wrong.append(f"“{entry['msgid']}” for {count}")
    return wrong


def not_isolated(catalogue):
    """Strings of a right-to-left catalogue that put a figure or a name into
    a sentence without isolating it (U+2068 … U+2069), or that start with
    one without marking the sentence right-to-left (U+200F): a Latin title
    at its start would otherwise turn the whole line left-to-right."""
    wrong = []
    for entry in entries(catalogue):
        if "c-format" not in entry["flags"] or "no-c-format" in entry["flags"] or entry["msgid"].endswith(".csv"):
            continue
        for text in entry["msgstr"]:
            for directive in DIRECTIVE.finditer(text):
                isolated = (text[directive.start() - 1:directive.start()] == FIRST_STRONG_ISOLATE
                            and text[directive.end():directive.end() + 1] == POP_DIRECTIONAL_ISOLATE)
                # “%.0s” writes nothing: a form for one count that does not say it.
                if directive.group() != "%.0s" and not isolated:
                    wrong.append(f"{directive.group()} in “{text}”")
            first = text[:1]
            if first and unicodedata.bidirectional(first) not in ("R", "AL") and first != RIGHT_TO_LEFT_MARK:
                wrong.append(f"“{text}” starts left-to-right")
    return wrong


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
            if language not in FORMS:
                results.append((f"{language}: the plural forms of its grammar are written in tests/check-po.py",
                                False, "add them to FORMS"))
            else:
                wrong = plural_forms_served(language, catalogue, directory)
                results.append((f"{language}.po serves every count in {COUNTS} the form its grammar asks for",
                                not wrong, "; ".join(wrong)))
            if language in RIGHT_TO_LEFT:
                wrong = not_isolated(catalogue)
                results.append((f"{language}.po isolates what it puts into its sentences", not wrong,
                                "; ".join(wrong)))
        found = pieces(template)
        results.append(("no translatable string is a piece of a sentence", not found, "; ".join(found)))

    print(f"1..{len(results)}")
    for number, (name, passed, detail) in enumerate(results, 1):
        print(("ok" if passed else "not ok") + f" {number} - {name}" + ("" if passed else f" # {detail}"))
    return 0 if all(passed for _, passed, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
