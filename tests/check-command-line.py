#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""crowdfund refuses a platform address it could never reach, at once and
in the user's language, instead of failing later with a vague error."""

import os
import subprocess
import sys

CASES = [
    ("notaurl", "C.UTF-8", "", "is not a platform address"),
    ("javascript:alert(1)", "C.UTF-8", "", "is not a platform address"),
    ("ftp://example.org", "C.UTF-8", "", "https://crowdfund.example"),
    ("notaurl", "fr_FR.UTF-8", "fr", "n’est pas l’adresse d’une plateforme"),
    ("notaurl", "ja_JP.UTF-8", "ja", "プラットフォームのアドレスではありません"),
]


def main():
    binary, localedir = sys.argv[1], sys.argv[2]
    print(f"1..{len(CASES)}")
    failed = 0
    for number, (address, locale, language, expected) in enumerate(CASES, 1):
        env = dict(os.environ, LC_ALL=locale, LANGUAGE=language, CROWDFUND_LOCALEDIR=localedir)
        env.pop("DISPLAY", None)
        run = subprocess.run([binary, "--platform", address], env=env, capture_output=True, text=True,
                             timeout=30)
        passed = run.returncode == 1 and expected in run.stderr
        failed += not passed
        print(("ok" if passed else "not ok") + f" {number} - --platform {address} in {locale} is refused"
              + ("" if passed else f" # exit {run.returncode}: {run.stderr.strip()}"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
