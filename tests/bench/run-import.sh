#!/bin/sh
# make bench, import part: a generated ledger of 1,000,000 rows
# (tests/tools/gen_ledger, 321 MB) imported by likely into an empty
# database, beside two peers on the same file in the same run: the SQLite
# shell's `.import` into one plain table (no checks, no index, no history)
# and pandas' `read_csv` (into memory only; skipped when Debian's
# python3-pandas is missing).  Medians of 3 runs each; the ratio is
# likely's time over the peer's.  Figures only, never pass/fail.
# usage: run-import.sh BUILD_DIR BIN TMPDIR [ROWS]
set -eu
build=$1
bin=$2
tmp=$3
rows=${4:-1000000}
top=$(cd "$(dirname "$0")/../.." && pwd)
m="python3 $top/tests/bench/measure.py --runs 3"
export SOURCE_DATE_EPOCH=1700000000

. "$top/tests/bench/lib.sh"
# LINE LIKELY_SECONDS: the peer's line and how long likely takes beside it
beside() {
	awk -v l="$2" -v p="$(secs "$1")" -v line="$1" \
		'BEGIN { printf "%s  likely takes %.2fx its time\n", line, l / p }'
}

echo "== import: $rows generated ledger rows beside the SQLite shell and pandas (medians of 3)"
"$build/tools/gen_ledger" "$rows" 11 > "$tmp/big.csv"
echo "size: $(wc -c < "$tmp/big.csv") bytes"
db="$tmp/import.db"
line=$($m --setup "rm -f '$db' '$db-wal' '$db-shm'" "likely import" \
	env LIKELY_DB="$db" "$bin" import "$tmp/big.csv" 2>&1)
rate "$rows" "$line"
echo "  database: $(wc -c < "$db") bytes"
mine=$(secs "$line")
rm -f "$db" "$db-wal" "$db-shm"

if command -v sqlite3 >/dev/null 2>&1; then
	sq="$tmp/shell.db"
	beside "$($m --setup "rm -f '$sq'" "peer: sqlite3 shell .import, one plain table" \
		sqlite3 "$sq" -cmd ".mode csv" ".import '$tmp/big.csv' t" 2>&1)" "$mine"
	rm -f "$sq"
else
	echo "sqlite3 shell: not installed, skipped"
fi
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
	beside "$($m "peer: pandas read_csv" /usr/bin/python3 -c \
		'import sys, pandas; pandas.read_csv(sys.argv[1])' "$tmp/big.csv" 2>&1)" "$mine"
else
	echo "pandas: not installed, skipped"
fi
rm -f "$tmp/big.csv"
