#!/bin/sh
# make report: the outlet's scorecard from the committed ledger.  Loads
# predictions/*.csv into a fresh database (build/report.db) and scores it
# into reports/.  AS_OF=YYYY-MM-DD scores as of another date (default today).
# usage: sh scripts/report.sh BIN
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
cd "$top"
mkdir -p build
db=build/report.db
rm -f "$db" "$db-wal" "$db-shm"
"$bin" --db "$db" import predictions/*.csv
if [ -n "${AS_OF:-}" ]; then
	"$bin" --db "$db" score --out reports --as-of "$AS_OF"
else
	"$bin" --db "$db" score --out reports
fi
echo "scorecard: reports/report.md (also scores.csv, calibration.csv, forecasts.csv, calibration.svg)" >&2
"$bin" --db "$db" due >&2
