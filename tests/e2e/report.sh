#!/bin/sh
# `make report` leaves the committed files as they are: scripts/report.sh,
# run in a copy of the tree, rebuilds reports/ byte for byte as of the day
# in reports/AS_OF; with AS_OF given it scores as of that day and records it.
# usage: report.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-report.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "FAIL: $*"; exit 1; }
export SOURCE_DATE_EPOCH=1700000000
copy="$tmp/tree"
mkdir -p "$copy/scripts"
cp -R "$top/predictions" "$top/reports" "$copy/"
cp "$top/scripts/report.sh" "$copy/scripts/"

sh "$copy/scripts/report.sh" "$bin" 2>"$tmp/err" || { cat "$tmp/err"; fail "report.sh"; }
for f in $(cd "$top/reports" && ls); do
	cmp -s "$top/reports/$f" "$copy/reports/$f" || {
		diff -u "$top/reports/$f" "$copy/reports/$f" | head -20
		fail "make report changes reports/$f: the committed scorecard is stale (run make report and commit reports/, or see scripts/report.sh)"
	}
done
[ "$(cd "$copy/reports" && ls)" = "$(cd "$top/reports" && ls)" ] || fail "make report adds files to reports/"

AS_OF=2026-12-01 sh "$copy/scripts/report.sh" "$bin" 2>/dev/null || fail "AS_OF=2026-12-01"
[ "$(cat "$copy/reports/AS_OF")" = 2026-12-01 ] || fail "AS_OF not recorded"
head -1 "$copy/reports/report.md" | grep -q "as of 2026-12-01" || fail "report not as of AS_OF"
echo "# make report rebuilds the committed reports/ byte for byte (as of $(cat "$top/reports/AS_OF")); AS_OF=DATE scores as of DATE"
