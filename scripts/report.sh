#!/bin/sh
# make report: the outlet's scorecard from the committed ledger.  Loads
# predictions/*.csv into a fresh database (build/report.db) and scores it
# into reports/.
#
# The committed reports/ is a published scorecard, and a scorecard is as of
# a day: reports/AS_OF names it.  Plain `make report` scores as of that day,
# so it rebuilds the committed files byte for byte and leaves a clone's
# tree clean (scoring as of today would rewrite them every day).
# AS_OF=YYYY-MM-DD make report publishes a new scorecard as of that day and
# records the day in reports/AS_OF; commit reports/ to publish it.
# usage: sh scripts/report.sh BIN
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
cd "$top"
as_of=${AS_OF:-}
if [ -z "$as_of" ]; then
	as_of=$(cat reports/AS_OF 2>/dev/null) ||
		{ echo "report: reports/AS_OF is missing: run AS_OF=YYYY-MM-DD make report" >&2; exit 1; }
fi
mkdir -p build
db=build/report.db
rm -f "$db" "$db-wal" "$db-shm"
"$bin" --db "$db" import predictions/*.csv
# score replaces a report set as a whole through a `current` link
# (README, Scoring); the committed reports/ keeps plain files, copied from
# the set in force.
rm -rf build/reports
"$bin" --db "$db" score --out build/reports --as-of "$as_of"
mkdir -p reports
for f in report.md scores.csv calibration.csv forecasts.csv calibration.svg scorecard.xlsx \
	trend.csv trend.svg; do
	cp "build/reports/$f" "reports/$f"
done
echo "$as_of" > reports/AS_OF
echo "scorecard as of $as_of: reports/report.md (also scores.csv, calibration.csv, forecasts.csv, calibration.svg, scorecard.xlsx, trend.csv, trend.svg)" >&2
"$bin" --db "$db" due --as-of "$as_of" >&2
