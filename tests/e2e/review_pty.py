#!/usr/bin/env python3
"""Drives `likely review` through a pseudo-terminal, the way an editor
would, and prints what it saw; review.sh checks the database afterwards.

usage: review_pty.py BIN KEYS...   each KEY is sent after the next prompt;
a KEY starting with '>' is a line of text (reason, evidence) sent after the
next "):" prompt."""
import os
import pty
import select
import sys

binary, keys = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(binary, [binary, "review"])

seen = b""
transcript = b""


def wait_for(marker, timeout=10.0):
    global seen, transcript
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            sys.exit(f"timed out waiting for {marker!r}; saw:\n{seen.decode(errors='replace')}")
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            sys.exit(f"review ended early; saw:\n{seen.decode(errors='replace')}")
        if not chunk:
            sys.exit("review ended early")
        seen += chunk
        transcript += chunk
    seen = seen[seen.index(marker) + len(marker):]


for key in keys:
    if key.startswith(">"):
        wait_for(b"):")
        os.write(fd, key[1:].encode() + b"\n")
    else:
        wait_for(b"[q]uit ")
        os.write(fd, key.encode())

# read to the end
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    transcript += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(transcript.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(status))
