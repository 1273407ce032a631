#!/bin/sh
# Property (issue 12, deliverable 2): whatever extraction and editing are
# given -- random pages with Cyrillic, tabs, CR-only and CRLF line ends,
# control and invalid bytes, random edits and verdicts with awkward text --
# the ledger likely exports imports into a fresh database and exports to
# the same bytes.  Inputs likely refuses are fine; what it stores must
# round-trip.  Seeded, so a failure can be replayed (PROPERTY_SEED).
# usage: roundtrip-property.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-property.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000 LIKELY_DB="$tmp/t.db"
python3 - "$bin" "${PROPERTY_SEED:-12}" <<'PY'
import csv, io, os, random, subprocess, sys
bin, seed = sys.argv[1], int(sys.argv[2])
rnd = random.Random(seed)
words = ["Belarus", "is", "likely", "to", "expand", "trade", "with", "China", "by", "2027",
         "Минск", "вероятно", "unlikely", "very", "almost certainly", "in the coming months",
         "next year", "will", "probably", "«цитата»", "“quoted”", "—", "e.g.", "Mr.", "U.S.",
         "\t", "  ", "\u00a0", "=SUM(A1)", "+1", "@x", "\"", ",", ";", "'", "\u2028", "\u0085"]
bad = [b"\x00", b"\x01", b"\x1b", b"\x7f", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\r", b"\x0c"]

def sentence():
    s = " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 14)))
    return s[0].upper() + s[1:] + rnd.choice([".", "!", "?", ""])

def page():
    lines = [sentence(), "", rnd.choice(["March 3, 2021 09:15", "2017-12-17", "Posted: 08.11.2023 16:38:00",
                                          "December 11 – December 17, 2017", ""]), "",
             rnd.choice(["By Ann Lee", "By Олег Петров", "by", ""]), ""]
    for _ in range(rnd.randint(1, 8)):
        lines += [" ".join(sentence() for _ in range(rnd.randint(1, 4))), ""]
    text = "\n".join(lines).encode()
    if rnd.random() < 0.3:
        text = text.replace(b"\n", rnd.choice([b"\r", b"\r\n"]))
    if rnd.random() < 0.2:
        at = rnd.randrange(len(text) + 1)
        text = text[:at] + rnd.choice(bad) + text[at:]
    return text

def text_arg():
    s = sentence()
    if rnd.random() < 0.3:
        s = s.replace(" ", rnd.choice(["\n", "\t", "\r\n", "  "]), 1)
    if rnd.random() < 0.15:
        s += rnd.choice(["\x01", "\x1b[2J", "\x7f", "\r"])
    return s

def run(*args, db="t.db"):
    return subprocess.run([bin, "--db", db, *args], capture_output=True)

failures = rows = 0
for trial in range(25):
    for f in ("t.db", "t.db-wal", "t.db-shm", "u.db", "u.db-wal", "u.db-shm"):
        if os.path.exists(f):
            os.remove(f)
    names = []
    for i in range(rnd.randint(1, 5)):
        name = "p%d.txt" % i
        with open(name, "wb") as fp:
            fp.write(page())
        names.append(name)
    run("extract", *names)
    listed = run("list", "--format", "csv").stdout.decode()
    ids = [row[0] for row in csv.reader(io.StringIO(listed))][1:]
    for _ in range(rnd.randint(0, 8)):
        if not ids:
            break
        i = rnd.choice(ids)
        op = rnd.randrange(5)
        if op == 0:
            run("edit", i, "--claim", text_arg(), "--reason", text_arg())
        elif op == 1:
            run("edit", i, "--author", text_arg(), "--topic", text_arg())
        elif op == 2:
            run("edit", i, "--published", rnd.choice(["2020-01-01", "2019-07", "9999-12-03"]))
        elif op == 3:
            run("accept", i, "--reason", text_arg())
        else:
            run("resolve", i, "--outcome", rnd.choice(["yes", "no", "partial", "void"]),
                "--on", "2023-01-01", "--evidence", text_arg(), "--note", text_arg())
    first = run("export")
    if first.returncode != 0:
        print("trial %d: export failed: %s" % (trial, first.stderr.decode(errors="replace")))
        failures += 1
        continue
    rows += len(list(csv.reader(io.StringIO(first.stdout.decode())))) - 1
    with open("ledger.csv", "wb") as fp:
        fp.write(first.stdout)
    imp = run("import", "ledger.csv", db="u.db")
    again = run("export", db="u.db")
    if imp.returncode != 0 or again.stdout != first.stdout:
        print("trial %d: the export does not round-trip: %s" % (trial, imp.stderr.decode(errors="replace")))
        failures += 1
        os.rename("ledger.csv", "failed-%d.csv" % trial)
print("# 25 random extract-and-edit sessions (%d forecasts): every export imported back byte for byte" % rows
      if not failures else "%d failures" % failures)
sys.exit(1 if failures else 0)
PY
