#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crowdfund at rest beside the GNOME applications it sits next to, in one
run, measured the same way from outside the process:

- paints: how often anything on the X display changed (bench-damage), about
  one a frame;
- CPU: user and system time of the process, all threads, over the period;
- wake-ups: context switches of all its threads (voluntary and not), the
  times the kernel scheduled it, over the period.

Crowdfund goes through each view (bench-idle, signed in as the seed's
creator, each view loaded and settled first); the peers (gnome-text-editor,
gnome-calculator, where installed) are measured once their window has
painted nothing for 3 s.

Then the memory each holds (RSS) 10 s after it was started: Crowdfund on
its demo platform, the peers, and a bare libadwaita window."""

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

PERIOD = 10
RSS_SECONDS = 10
PEERS = ["gnome-text-editor", "gnome-calculator"]


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def context_switches(pid):
    """{thread: times it was scheduled so far}."""
    counts = {}
    for status in glob.glob(f"/proc/{pid}/task/*/status"):
        try:
            counts[status] = sum(int(line.split()[1]) for line in open(status)
                                 if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")))
        except FileNotFoundError:
            pass  # a thread that ended meanwhile
    return counts


def woken_since(pid, before):
    """Wake-ups since before, of the threads alive now: a thread that ended
    meanwhile takes its count with it, so it is left out on both sides."""
    return sum(count - before.get(thread, 0) for thread, count in context_switches(pid).items())


def measure(damage, pid):
    """Paints, CPU seconds and wake-ups of pid over PERIOD seconds."""
    cpu, switches = cpu_seconds(pid), context_switches(pid)
    output = subprocess.run([damage, "count", str(PERIOD)], check=True, stdout=subprocess.PIPE, text=True).stdout
    paints = int(output.split(": ")[1])
    return paints, cpu_seconds(pid) - cpu, woken_since(pid, switches)


def row(name, paints, cpu, woken, frames=""):
    return f"| {name} | {paints / PERIOD:.1f} | {frames} | {1000 * cpu:.0f} ms | {woken / PERIOD:.1f} |"


def crowdfund(bench, damage):
    rows = []
    process = subprocess.Popen([bench], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                               env=measured_environment())
    for line in process.stdout:
        words = line.split()
        if words[0] == "ready":
            paints, cpu, woken = measure(damage, process.pid)
            process.stdin.write("next\n")
            process.stdin.flush()
        elif words[0] == "frames":
            rows.append(row(f"Crowdfund, {words[1]}", paints, cpu, woken, f"{int(words[2]) / PERIOD:.1f}"))
    if process.wait() != 0:
        sys.exit("bench-idle failed")
    return rows


def measured_environment(**settings):
    """The tests' environment without what makes them stricter and slower
    than a person's: glibc's checking allocator, GLib's fatal criticals."""
    env = dict(os.environ, **settings)
    for name in ("MALLOC_CHECK_", "MALLOC_PERTURB_", "G_DEBUG"):
        env.pop(name, None)
    return env


def start_in_new_home(command):
    home = tempfile.mkdtemp(prefix="bench-idle-")
    env = measured_environment(HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home, XDG_CACHE_HOME=home,
                               GSETTINGS_BACKEND="memory")
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), home


def peer(name, damage):
    program = shutil.which(name)
    if program is None:
        return f"| {name} | not installed | | | |"
    process, home = start_in_new_home([program])
    try:
        subprocess.run([damage, "quiet", "3", "60"], check=True)
        paints, cpu, woken = measure(damage, process.pid)
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(home, ignore_errors=True)
    return row(name, paints, cpu, woken)


def resident_megabytes(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / 1e6
    return 0


def weigh(name, command):
    """RSS RSS_SECONDS after start, in MB, the median of three starts."""
    if command[0] is None:
        return f"| {name} | not installed |"
    weights = []
    for _ in range(3):
        process, home = start_in_new_home(command)
        try:
            time.sleep(RSS_SECONDS)
            weights.append(resident_megabytes(process.pid))
        finally:
            process.terminate()
            process.wait()
            shutil.rmtree(home, ignore_errors=True)
    weights.sort()
    return f"| {name} | {weights[1]:.1f} MB | {', '.join(f'{w:.1f}' for w in weights)} |"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True)
    parser.add_argument("--damage", required=True)
    parser.add_argument("--app", required=True)
    parser.add_argument("--bare-window", required=True)
    arguments = parser.parse_args()

    print(f"At rest, over {PERIOD} s each:\n")
    print(f"| app, view | paints a second | frames a second (its frame clock) | CPU in {PERIOD} s | wake-ups a second |")
    print("|---|---:|---:|---:|---:|")
    for line in crowdfund(arguments.bench, arguments.damage) + [peer(name, arguments.damage) for name in PEERS]:
        print(line)

    print(f"\nResident memory {RSS_SECONDS} s after start (median of three starts):\n")
    print("| app | RSS | the three |")
    print("|---|---:|---|")
    for name, command in [("Crowdfund on its demo platform", [arguments.app, "--demo"])] + \
                         [(name, [shutil.which(name)]) for name in PEERS] + \
                         [("a bare libadwaita window", [arguments.bare_window])]:
        print(weigh(name, command))


if __name__ == "__main__":
    main()
