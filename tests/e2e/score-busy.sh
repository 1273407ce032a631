#!/bin/sh
# While another process holds the write lock, score waits (5 s), then
# exits 75 and leaves the earlier reports as they were, with no temporary
# files behind; once the lock is gone the same command succeeds.
# usage: score-busy.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-busy.XXXXXX")
holder=
trap '[ -n "$holder" ] && kill $holder 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC LIKELY_DB="$tmp/t.db"
fail() { echo "FAIL: $*"; exit 1; }

cp "$top/tests/cases/score/basic/ledger.csv" ledger.csv
"$bin" import ledger.csv 2>/dev/null || fail "import"
"$bin" score --as-of 2019-01-01 --out R 2>/dev/null || fail "first score"
mkdir before && cp R/*.* before/
python3 - "$LIKELY_DB" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
c.execute("BEGIN IMMEDIATE")
open("locked", "w").close()
time.sleep(9)
PY
holder=$!
i=0
while [ ! -f locked ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -f locked ] || fail "the lock holder did not start"
"$bin" score --as-of 2020-01-01 --out R 2>err.txt
st=$?
[ $st -eq 75 ] || fail "exit $st while the database was locked, want 75: $(cat err.txt)"
grep -q "database is busy" err.txt || fail "message: $(cat err.txt)"
for f in before/*; do cmp "$f" "R/${f#before/}" || fail "${f#before/} was replaced"; done
# the eight names, `current`, the lock and one set (fileset.h)
[ "$(ls -A R | wc -l)" -eq 11 ] || fail "temporary files left: $(ls -A R)"
echo "# a locked database: exit 75, earlier reports untouched, no temporary files"
kill $holder 2>/dev/null
wait $holder 2>/dev/null
holder=
"$bin" score --as-of 2020-01-01 --out R 2>/dev/null || fail "score after the lock"
grep -q "Previous run: run 1, as of 2019-01-01" R/report.md || fail "the busy run was recorded"
echo "# after the lock: exit 0, and the failed run was not recorded"
