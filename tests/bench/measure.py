#!/usr/bin/env python3
"""measure: run a command, print wall seconds, CPU seconds and peak RSS.

usage: measure.py [--runs N] [--setup SHELL_CMD] LABEL CMD [ARGS...]
Runs CMD N times (default 1), SHELL_CMD before each run and outside the
timing (to remove the database the last run made, say); stdin/stdout
pass through.  Prints one line to stderr:
    "LABEL: 1.234 s, peak 12.3 MiB, cpu 1.100 s"
(wall seconds first: the scripts read the number before "s,"), with, for
N > 1, the median run's wall and CPU seconds and the range of the wall
times: "... (median of 3, 1.201-1.302 s)".  The peak is the
largest of the runs.  Exits with the first failing run's status.
"""
import resource
import subprocess
import sys
import time

args = sys.argv[1:]
runs, setup = 1, None
while args and args[0].startswith("--"):
    if args[0] == "--runs":
        runs = int(args[1])
    elif args[0] == "--setup":
        setup = args[1]
    else:
        sys.exit(f"measure.py: unknown option {args[0]}")
    args = args[2:]
label, cmd = args[0], args[1:]

def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

times = []
for _ in range(runs):
    if setup:
        subprocess.call(setup, shell=True)
    cpu0 = cpu()
    start = time.monotonic()
    status = subprocess.call(cmd, stderr=subprocess.DEVNULL)
    times.append((time.monotonic() - start, cpu() - cpu0))
    if status != 0:
        print(f"{label}: failed (exit {status})", file=sys.stderr)
        sys.exit(status)
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
wall, cpu_s = sorted(times)[len(times) // 2]
line = f"{label}: {wall:.3f} s, peak {peak_kib / 1024:.1f} MiB, cpu {cpu_s:.3f} s"
if runs > 1:
    line += f" (median of {runs}, {min(t[0] for t in times):.3f}-{max(t[0] for t in times):.3f} s)"
print(line, file=sys.stderr)
