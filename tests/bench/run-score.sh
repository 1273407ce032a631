#!/bin/sh
# make bench, scoring part: a ledger of 1,000,000 settled, accepted
# forecasts (200 authors, 30 topics; tests/tools/gen_scored) is imported
# and scored, with the default bins and with --bins 10, timing each and
# its peak memory; beside them, in the same run, the pandas script a user
# would write instead (tests/bench/peer_score.py: read the ledger, Brier
# per author, topic and author+topic), whose every group is checked
# against likely's scores.csv.  Import, score and the peer are medians of
# 3.  Scoring 100,000 rows of the same kind shows that the peak memory
# follows the number of groups, not of rows.  Figures only, never
# pass/fail.
# usage: run-score.sh BUILD_DIR BIN TMPDIR [ROWS]
set -eu
build=$1
bin=$2
tmp=$3
rows=${4:-1000000}
top=$(cd "$(dirname "$0")/../.." && pwd)
m="python3 $top/tests/bench/measure.py"
export LIKELY_DB="$tmp/score.db" SOURCE_DATE_EPOCH=1700000000

. "$top/tests/bench/lib.sh"

echo "== score: $rows settled forecasts, 200 authors, 30 topics"
"$build/tools/gen_scored" "$rows" 42 > "$tmp/scored.csv"
echo "size: $(wc -c < "$tmp/scored.csv") bytes"
db="rm -f '$LIKELY_DB' '$LIKELY_DB-wal' '$LIKELY_DB-shm'"
imp=$($m --runs 3 --setup "$db" import "$bin" import "$tmp/scored.csv" 2>&1)
rate "$rows" "$imp"
# each run scores the same database (the previous runs only add a row to
# the run history); --out is replaced whole every time
sc=$($m --runs 3 "score (exact bins)" "$bin" score --as-of 2021-12-31 --out "$tmp/r1" 2>&1)
rate "$rows" "$sc"
rate "$rows" "$($m "score --bins 10" "$bin" score --as-of 2021-12-31 --bins 10 --out "$tmp/r2" 2>&1)"
echo "groups in scores.csv: $(($(wc -l < "$tmp/r1/scores.csv") - 1)), calibration rows: $(($(wc -l < "$tmp/r1/calibration.csv") - 1))"
for f in scores.csv calibration.csv forecasts.csv report.md calibration.svg; do
	printf '  %-16s %10s bytes\n' "$f" "$(wc -c < "$tmp/r1/$f")"
done
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
	peer=$($m --runs 3 "peer: pandas, read the ledger + Brier per group" /usr/bin/python3 \
		"$top/tests/bench/peer_score.py" "$tmp/scored.csv" 2021-12-31 "$tmp/peer.csv" 2>&1)
	echo "$peer"
	/usr/bin/python3 "$top/tests/bench/peer_score.py" --compare "$tmp/peer.csv" "$tmp/r1/scores.csv" |
		sed 's/^/  /'
	awk -v i="$(secs "$imp")" -v s="$(secs "$sc")" -v p="$(secs "$peer")" 'BEGIN {
		printf "likely import + score: %.3f s, the peer %.3f s: likely takes %.2fx its time\n",
			i + s, p, (i + s) / p }'
else
	echo "pandas: not installed, skipped"
fi

small=$((rows / 10))
echo "== score: $small rows of the same kind (memory follows groups, not rows)"
"$build/tools/gen_scored" "$small" 42 > "$tmp/scored-small.csv"
export LIKELY_DB="$tmp/score-small.db"
$m import "$bin" import "$tmp/scored-small.csv" 2>&1
rate "$small" "$($m "score (exact bins)" "$bin" score --as-of 2021-12-31 --out "$tmp/r3" 2>&1)"
rm -f "$tmp/scored.csv" "$tmp/scored-small.csv" "$tmp/score.db"* "$tmp/score-small.db"* \
	"$tmp/peer.csv"
rm -rf "$tmp/r1" "$tmp/r2" "$tmp/r3"
