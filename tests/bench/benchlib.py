# SPDX-License-Identifier: GPL-3.0-or-later
"""What the benchmark drivers share: the reference platform in a subprocess,
a command's "name: value" figures, and callgrind's counts."""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time


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


def callgrind_command(prefix):
    return ["valgrind", "--tool=callgrind", "--separate-threads=yes", "--dump-instr=no", "--dump-line=no",
            f"--callgrind-out-file={prefix}"]


def run(command, scratch):
    cache = os.path.join(scratch, "cache")
    shutil.rmtree(cache, ignore_errors=True)
    environment = dict(os.environ, XDG_CACHE_HOME=cache, GSETTINGS_BACKEND="memory")
    output = subprocess.run(command, env=environment, check=True, stdout=subprocess.PIPE, text=True).stdout
    return dict(line.split(": ", 1) for line in output.splitlines() if ": " in line)


def read_dumps(prefix):
    """callgrind's dumps under prefix as {(trigger, thread): instructions}."""
    dumps = {}
    for path in glob.glob(prefix + "*"):
        trigger, thread, total = None, 1, None
        with open(path, encoding="utf-8", errors="replace") as dump:
            for line in dump:
                if line.startswith("desc: Trigger: "):
                    trigger = line.split(": ", 2)[2].strip().removeprefix("Client Request: ")
                elif line.startswith("thread: "):
                    thread = int(line.split()[1])
                elif line.startswith("summary: "):
                    total = int(line.split()[1])
        if trigger and total is not None:
            dumps[(trigger, thread)] = dumps.get((trigger, thread), 0) + total
    return dumps


def check_ran(prefix, required, what, trigger=None):
    """Each function named in required must appear in the main thread's
    dumps under prefix (those of trigger, when given), or the profile did
    not measure what its name says."""
    texts = []
    for path in glob.glob(prefix + "*"):
        with open(path, encoding="utf-8", errors="replace") as dump:
            text = dump.read()
        if "\nthread: 1\n" in text and (trigger is None or f"\ndesc: Trigger: Client Request: {trigger}\n" in text):
            texts.append(text)
    missing = [function for function in required if not any(f" {function}\n" in text for text in texts)]
    if missing:
        raise SystemExit(f"the {what} profile never ran {', '.join(missing)}: it does not measure what it says")


def callgrind(command, scratch, name, required=()):
    """Runs command under callgrind; returns its output and its dumps as
    {(trigger, thread): instructions}. The main thread's dump named name
    must have run each function of required."""
    prefix = os.path.join(scratch, name)
    output = run(callgrind_command(prefix) + command, scratch)
    dumps = read_dumps(prefix)
    if required and (name, 1) not in dumps:
        raise SystemExit(f"no {name} profile was dumped")
    check_ran(prefix, required, name, trigger=name)
    return output, dumps


def fresh_environment(scratch):
    """A new home for one run: nothing remembered from an earlier one, and
    none of the test harness's debugging (fatal criticals, malloc
    perturbation), which the peers are not written for."""
    home = tempfile.mkdtemp(prefix="home-", dir=scratch)
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("G_DEBUG", "MALLOC_PERTURB_", "MALLOC_CHECK_")}
    return dict(environment, HOME=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
                XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
                XDG_STATE_HOME=os.path.join(home, "state"), GSETTINGS_BACKEND="memory")


def wait_for_window(process, timeout):
    """Until process shows a window (GTK names its process on the window)."""
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(process.pid)],
                   check=True, stdout=subprocess.DEVNULL, timeout=timeout)


def resident_kib(pid):
    with open(f"/proc/{pid}/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def until_settled(command, scratch, name, required=()):
    """Any application, run until it has settled after its first window
    shows: natively for its resident memory 3 s after, and under callgrind,
    where everything runs some 50 times slower, for the instructions of its
    main thread from exec until 20 s after. Applications that cannot be told
    to stop at their first frame are all measured alike; required names
    functions the profile must have run."""
    native = subprocess.Popen(command, env=fresh_environment(scratch), stdout=subprocess.DEVNULL)
    try:
        wait_for_window(native, 60)
        time.sleep(3)
        rss = resident_kib(native.pid)
    finally:
        stop(native)

    prefix = os.path.join(scratch, name)
    traced = subprocess.Popen(callgrind_command(prefix) + command, env=fresh_environment(scratch),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_window(traced, 900)
        time.sleep(20)
    finally:
        stop(traced)
    check_ran(prefix, required, name)
    instructions = sum(count for (_, thread), count in read_dumps(prefix).items() if thread == 1)
    return rss, instructions
