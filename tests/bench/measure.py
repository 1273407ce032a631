#!/usr/bin/env python3
"""measure: run a command, print wall seconds and its peak RSS (MiB).

usage: measure.py LABEL CMD [ARGS...]   (stdin/stdout pass through)
Prints one line to stderr: "LABEL: 1.234 s, peak 12.3 MiB".
"""
import resource
import subprocess
import sys
import time

label, cmd = sys.argv[1], sys.argv[2:]
start = time.monotonic()
status = subprocess.call(cmd, stderr=subprocess.DEVNULL)
elapsed = time.monotonic() - start
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{label}: {elapsed:.3f} s, peak {peak_kib / 1024:.1f} MiB", file=sys.stderr)
sys.exit(status)
