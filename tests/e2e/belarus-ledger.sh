#!/bin/sh
# The committed ledger: it imports cleanly, round-trips byte for byte,
# scores, and its open forecasts are in the review queue; rebuilding it
# from the seed pages with scripts/build-belarus-ledger.sh gives the
# same file.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-bel.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export LIKELY_DB="$tmp/t.db"
fail() { echo "FAIL: $*"; exit 1; }
ledger="$top/predictions/belarus.csv"

"$bin" import "$ledger" 2>/dev/null || fail "import"
"$bin" export | cmp -s - "$ledger" || fail "export differs from predictions/belarus.csv"
(cd "$tmp" && "$bin" score --as-of 2026-11-23 --out r 2>/dev/null) || fail "score"
n=$(awk -F, '$1 == "\"all\"" || $1 == "all" { print $4 }' "$tmp/r/scores.csv")
[ "$n" = 8 ] || fail "expected 8 scored forecasts, got '$n'"
[ "$("$bin" due --as-of 2026-11-23 --format csv | sed 1d | wc -l)" = 4 ] || fail "expected 4 forecasts due"
xmllint --noout "$tmp/r/calibration.svg" || fail "calibration.svg is not well-formed XML"
echo "# predictions/belarus.csv: round-trips, 8 scored, 4 in the review queue; the chart is well-formed SVG"

cp "$ledger" "$tmp/committed.csv"
# the build script writes into the tree; restore whatever happens
LIKELY_BIN_OVERRIDE="$bin" sh "$top/scripts/build-belarus-ledger.sh" >"$tmp/build.log" 2>&1
st=$?
cmp -s "$ledger" "$tmp/committed.csv"
same=$?
cp "$tmp/committed.csv" "$ledger"
[ $st -eq 0 ] || { cat "$tmp/build.log"; fail "build-belarus-ledger.sh failed"; }
[ $same -eq 0 ] || fail "rebuilding the ledger from the corpus gives a different file"
echo "# rebuilt from tests/data/seed (corpus and outcomes.csv): identical"
