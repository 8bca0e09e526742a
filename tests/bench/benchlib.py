# SPDX-License-Identifier: GPL-3.0-or-later
"""What the benchmark drivers share: the reference platform in a subprocess,
a command's "name: value" figures, and callgrind's counts."""

import glob
import os
import shutil
import subprocess
import sys


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


def run(command, scratch):
    cache = os.path.join(scratch, "cache")
    shutil.rmtree(cache, ignore_errors=True)
    environment = dict(os.environ, XDG_CACHE_HOME=cache, GSETTINGS_BACKEND="memory")
    output = subprocess.run(command, env=environment, check=True, stdout=subprocess.PIPE, text=True).stdout
    return dict(line.split(": ", 1) for line in output.splitlines() if ": " in line)


def callgrind(command, scratch, name, required=()):
    """Runs command under callgrind; returns its output and its dumps as
    {(trigger, thread): instructions}. Each function named in required must
    appear in the main thread's dump named name, or that profile did not
    measure what its name says."""
    prefix = os.path.join(scratch, name)
    output = run(["valgrind", "--tool=callgrind", "--separate-threads=yes", "--dump-instr=no",
                  "--dump-line=no", f"--callgrind-out-file={prefix}"] + command, scratch)
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
        if trigger == name and thread == 1 and required:
            with open(path, encoding="utf-8", errors="replace") as dump:
                text = dump.read()
            missing = [function for function in required if f" {function}\n" not in text]
            if missing:
                raise SystemExit(f"the {trigger} profile never ran {', '.join(missing)}: it does not measure what it says")
    if required and (name, 1) not in dumps:
        raise SystemExit(f"no {name} profile was dumped")
    return output, dumps
