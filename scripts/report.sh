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
# score replaces a report set as a whole through a `current` link
# (README, Scoring); the committed reports/ keeps plain files, copied from
# the set in force.
rm -rf build/reports
if [ -n "${AS_OF:-}" ]; then
	"$bin" --db "$db" score --out build/reports --as-of "$AS_OF"
else
	"$bin" --db "$db" score --out build/reports
fi
mkdir -p reports
for f in report.md scores.csv calibration.csv forecasts.csv calibration.svg; do
	cp "build/reports/$f" "reports/$f"
done
echo "scorecard: reports/report.md (also scores.csv, calibration.csv, forecasts.csv, calibration.svg)" >&2
"$bin" --db "$db" due >&2
