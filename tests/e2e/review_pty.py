#!/usr/bin/env python3
"""Drives `likely review` through an 80x24 pseudo-terminal, the way an
editor would, checks that every screen fits it, and prints what was seen
(escape sequences removed, one screen after another); review.sh checks the
database afterwards.

usage: review_pty.py BIN KEYS...
  KEY     one key, sent after the next key prompt ("key> ")
  >TEXT   a line of text, sent after the next line prompt (one ending in
          "): " or "]: "); ">" alone is Enter
  !CMD    waits for the next key prompt, then runs the shell command CMD
          (another editor at work) before the next KEY is sent

A screen runs from one clear-screen to the next.  Each must fit 80x24 --
at most 24 rows, none wider than 80 characters -- so nothing scrolls away;
each but the last starts with the header ("[N/M candidate|due] ID ...")
and the key legend.  A screen that does not fit fails the run (exit 1)."""
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios

COLS, ROWS = 80, 24
CLEAR = b"\x1b[H\x1b[2J"
KEY_PROMPT = b"key> "
LINE_PROMPTS = (b"): ", b"]: ")
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

binary, steps = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    os.environ.pop("COLUMNS", None)
    os.environ.pop("LINES", None)
    os.execv(binary, [binary, "review"])

seen = b""
transcript = b""


def read_more(timeout=10.0):
    global seen, transcript
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        sys.exit(f"timed out; saw:\n{plain(seen)}")
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        chunk = b""
    if not chunk:
        sys.exit(f"review ended early; saw:\n{plain(transcript)}")
    seen += chunk
    transcript += chunk


def wait_for(markers):
    """Waits until one of markers appears; forgets what came before it."""
    global seen
    while True:
        hits = [(seen.find(m), m) for m in markers if m in seen]
        if hits:
            at, m = min(hits)
            seen = seen[at + len(m):]
            return
        read_more()


def plain(raw):
    text = raw.decode(errors="replace").replace("\r\n", "\n").replace("\r", "")
    return ESCAPES.sub("", text)


def check_screens(raw):
    screens = raw.split(CLEAR)[1:]
    for n, screen in enumerate(screens, 1):
        lines = plain(screen).split("\n")
        where = f"screen {n} of {len(screens)}"
        if len(lines) > ROWS:
            return f"{where} has {len(lines)} rows:\n{plain(screen)}"
        for line in lines:
            if len(line) > COLS:
                return f"{where} has a line of {len(line)} characters: {line!r}"
        if n < len(screens) and not (
            re.match(r"\[\d+/\d+ (candidate|due)\] ", lines[0])
            and lines[1].startswith(("a accept", "y yes"))
        ):
            return f"{where} lacks the header and the legend:\n{plain(screen)}"
    return None


ready_for_key = False
for step in steps:
    if step.startswith("!"):
        wait_for([KEY_PROMPT])
        subprocess.run(step[1:], shell=True, check=False)
        ready_for_key = True
    elif step.startswith(">"):
        wait_for(LINE_PROMPTS)
        os.write(fd, step[1:].encode() + b"\n")
    else:
        if not ready_for_key:
            wait_for([KEY_PROMPT])
        ready_for_key = False
        os.write(fd, step.encode())

while True:  # read to the end
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    transcript += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(plain(transcript.replace(CLEAR, b"\n=== screen\n")))
problem = check_screens(transcript)
if problem:
    sys.exit("review_pty: " + problem)
sys.exit(os.waitstatus_to_exitcode(status))
