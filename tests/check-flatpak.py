#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest, as TAP: valid JSON, the least permissions
that work (no files, no direct access to the secrets service: libsecret
reaches the keyring through the portal), the app as its only module, and
no property flatpak-builder does not know."""

import json
import shutil
import subprocess
import sys

ALLOWED = {"--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}


def main():
    path = sys.argv[1]
    results = []
    try:
        with open(path, encoding="utf-8") as file:
            manifest = json.load(file)
        results.append(("the manifest is valid JSON", True, ""))
    except ValueError as error:
        print("1..1")
        print(f"not ok 1 - the manifest is valid JSON # {error}")
        return 1

    results.append(("it runs crowdfund as com.example.Crowdfund",
                    manifest.get("id") == "com.example.Crowdfund" and manifest.get("command") == "crowdfund", ""))
    extra = set(manifest.get("finish-args", [])) - ALLOWED
    results.append(("it asks for no more than network, IPC, display and GPU", not extra, " ".join(sorted(extra))))
    modules = manifest.get("modules", [])
    results.append(("the app is its only module, built from this folder",
                    len(modules) == 1 and modules[0].get("sources") == [{"type": "dir", "path": "."}], ""))

    builder = shutil.which("flatpak-builder")
    if builder:
        shown = subprocess.run([builder, "--show-manifest", path], capture_output=True, text=True)
        unknown = [line for line in shown.stderr.splitlines() if "Unknown property" in line or "WARNING" in line]
        results.append(("flatpak-builder reads it with no unknown property", shown.returncode == 0 and not unknown,
                        "; ".join(unknown) or shown.stderr.strip()))
    else:
        results.append(("flatpak-builder reads it with no unknown property # SKIP flatpak-builder is not installed",
                        True, ""))

    print(f"1..{len(results)}")
    for number, (name, passed, detail) in enumerate(results, 1):
        print(("ok" if passed else "not ok") + f" {number} - {name}" + ("" if passed or not detail else f" # {detail}"))
    return 0 if all(passed for _, passed, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
