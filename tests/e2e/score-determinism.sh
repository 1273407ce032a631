#!/bin/sh
# score on a generated ledger (every status and outcome, dates on both
# sides of the as-of date, several topics, unattributed authors, formula-
# like text): two runs on copies of one database give byte-identical
# files; a rerun with the same as-of date gives them again (the recorded
# first run is not "previous" to it); every group's counts and Brier score
# agree with an exact recomputation from the exported ledger; and the
# digest in report.md is the SHA-256 of the scored records.
# usage: score-determinism.sh BIN BUILD_DIR [ROWS]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
build=$2; case "$build" in /*) ;; *) build="$top/$build" ;; esac
rows=${3:-20000}
check="python3 $top/tests/e2e/score_check.py"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-det.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC
fail() { echo "FAIL: $*"; exit 1; }
files="scores.csv calibration.csv forecasts.csv report.md calibration.svg scorecard.xlsx trend.csv trend.svg"
as_of=2020-06-30

"$build/tools/gen_ledger" "$rows" 5 > ledger.csv || fail "generator"
LIKELY_DB=t.db "$bin" import ledger.csv 2>/dev/null || fail "import"
cp t.db a.db && cp t.db b.db || fail "copy"
LIKELY_DB=a.db "$bin" score --as-of $as_of --out A 2>/dev/null || fail "score a.db"
# The clock differs (it is recorded with the run, never written in a report).
LIKELY_DB=b.db SOURCE_DATE_EPOCH=1800000000 "$bin" score --as-of $as_of --out B 2>/dev/null ||
	fail "score b.db"
for f in $files; do cmp A/$f B/$f || fail "$f differs between copies of one database"; done
echo "# two copies of one database: byte-identical reports"
LIKELY_DB=a.db "$bin" score --as-of $as_of --out A2 2>/dev/null || fail "rerun"
for f in $files; do cmp A/$f A2/$f || fail "$f differs on a rerun with the same as-of date"; done
echo "# a rerun with the same as-of date: byte-identical reports"
LIKELY_DB=a.db "$bin" score --as-of 2021-06-30 --out later 2>/dev/null || fail "later run"
grep -q "Previous run: run 2, as of $as_of" later/report.md ||
	fail "a later run does not compare with the last earlier one: $(grep 'Previous run' later/report.md)"
echo "# a later run compares with the last run as of an earlier date"
LIKELY_DB=a.db "$bin" export -o export.csv || fail "export"
$check ledger-check export.csv $as_of A || fail "recomputation"
$check digest export.csv A || fail "digest"
