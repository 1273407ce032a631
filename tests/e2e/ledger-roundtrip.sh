#!/bin/sh
# A generated ledger (Cyrillic, quotes, commas, newlines in claims) goes in
# and comes out byte for byte; the same ledger with one bad row anywhere is
# rejected naming that line and column, and the database is unchanged.
# usage: ledger-roundtrip.sh BIN BUILD_DIR [ROWS]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
build=$2; case "$build" in /*) ;; *) build="$top/$build" ;; esac
rows=${3:-20000}
gen="$build/tools/gen_ledger"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-rt.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export LIKELY_DB="$tmp/t.db" SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL: $*"; exit 1; }

"$gen" "$rows" 7 > ledger.csv || fail "generator"
"$bin" import ledger.csv 2>/dev/null || fail "import of a valid ledger"
"$bin" export -o out.csv || fail "export"
cmp ledger.csv out.csv || fail "export differs from what was imported"
"$bin" import out.csv 2>err.txt || fail "re-import"
grep -q "0 new, 0 changed, $rows unchanged" err.txt || fail "re-import changed something: $(cat err.txt)"
echo "# $rows rows round-trip byte for byte"

# One bad row at the start, the middle and the end, in various columns.
for spec in "1:published" "$((rows / 2)):probability" "$rows:status" "$((rows / 3)):outcome" "$((rows / 4)):horizon" "$((rows - 7)):claim"; do
	column=${spec#*:}
	line=$("$gen" "$rows" 7 --bad "$spec" 2>&1 > bad.csv)
	"$bin" import bad.csv 2>err.txt
	st=$?
	[ $st -eq 65 ] || fail "bad $spec: exit $st, want 65"
	head -1 err.txt | grep -q "^likely: bad.csv:$line: $column: " || fail "bad $spec (line $line): $(head -1 err.txt)"
	"$bin" export | cmp -s - ledger.csv || fail "bad $spec: database changed"
done
echo "# a bad row anywhere is rejected with its line and column; database unchanged"
