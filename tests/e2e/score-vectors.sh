#!/bin/sh
# The scoring vectors of tests/data/score-vectors (independent exact
# computations, copied from the product side's shared folder): each becomes a ledger, is imported and scored with the
# default bins and with --bins 10, and every figure the vectors README maps
# onto scores.csv and calibration.csv must agree within
# max(1e-9 |expected|, 1e-12).
# usage: score-vectors.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
vectors="$top/tests/data/score-vectors"
check="python3 $top/tests/e2e/score_check.py"
if ! ls "$vectors"/*.csv >/dev/null 2>&1; then
	echo "FAIL: no score vectors in $vectors"
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-vec.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# the unit tests read the same vectors through a generated header
python3 "$top/tests/unit/gen_vectors.py" "$vectors" > "$tmp/score_vectors.h" &&
	cmp -s "$tmp/score_vectors.h" "$top/tests/unit/score_vectors.h" ||
	{ echo "FAIL: tests/unit/score_vectors.h is stale: python3 tests/unit/gen_vectors.py $vectors > tests/unit/score_vectors.h"; exit 1; }
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC
status=0
n=0
for v in "$vectors"/*.csv; do
	name=$(basename "$v" .csv)
	want="$vectors/$name.expected.json"
	[ -f "$want" ] || { echo "FAIL: $name: no $name.expected.json"; status=1; continue; }
	work="$tmp/$name"
	mkdir -p "$work"
	export LIKELY_DB="$work/t.db"
	$check vector-ledger "$v" > "$work/ledger.csv" || { status=1; continue; }
	"$bin" import "$work/ledger.csv" 2>/dev/null || { echo "FAIL: $name: import"; status=1; continue; }
	"$bin" score --as-of 2022-01-01 --out "$work/exact" 2>/dev/null &&
		"$bin" score --as-of 2022-01-01 --bins 10 --out "$work/bins10" 2>/dev/null ||
		{ echo "FAIL: $name: score exited $?"; status=1; continue; }
	$check vector-compare "$want" "$work/exact" "$work/bins10" || status=1
	n=$((n + 1))
done
[ $status -eq 0 ] && echo "# $n vectors: every mapped figure agrees"
exit $status
