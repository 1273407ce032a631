#!/bin/sh
# scorecard.xlsx (issue 11 point 5): scores a ledger whose texts start with
# = + - @ (tests/cases/score/formula) and the worked ledger of score/basic,
# then
#   1. reads the workbook's XML (workbook_check.py cells): sheets scores,
#      calibration, forecasts, trend; no formula anywhere; each = + - @
#      text a string cell holding exactly that text; frozen header,
#      autofilter, column widths, a native chart; the same bytes twice;
#   2. converts it with LibreOffice headless (soffice --convert-to csv,
#      every sheet) and compares each sheet with the CSV file of the same
#      name (workbook_check.py converted): text as text, numbers and
#      percentages as numbers of the very same value, dates as dates.
# Step 2 needs soffice (libreoffice-calc-nogui, installed by `make deps`);
# without it the script says so loudly and skips that step only.
# usage: score-workbook.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
check="python3 $top/tests/e2e/workbook_check.py"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-xlsx.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC
fail() { echo "FAIL: $*"; exit 1; }
status=0

for c in formula basic; do
	mkdir -p "$tmp/$c"
	export LIKELY_DB="$tmp/$c/t.db"
	"$bin" import "$top/tests/cases/score/$c/ledger.csv" 2>/dev/null || fail "$c: import"
	"$bin" score --as-of 2020-01-01 --min-n 1 --out "$tmp/$c/a" 2>/dev/null &&
		"$bin" score --as-of 2020-01-01 --min-n 1 --out "$tmp/$c/b" 2>/dev/null ||
		fail "$c: score exited $?"
	cmp -s "$tmp/$c/a/scorecard.xlsx" "$tmp/$c/b/scorecard.xlsx" ||
		fail "$c: two runs gave different workbooks"
done
$check cells "$tmp/formula/a/scorecard.xlsx" "$tmp/formula/a" || status=1

if ! command -v soffice >/dev/null 2>&1; then
	echo "# SKIPPED: LIBREOFFICE CHECK NOT RUN -- soffice is not installed (make deps installs"
	echo "# libreoffice-calc-nogui); the workbook was checked from its XML only"
	exit $status
fi
for c in formula basic; do
	mkdir -p "$tmp/$c/conv"
	cp -L "$tmp/$c/a/scorecard.xlsx" "$tmp/$c/conv/"
	# 44 comma, 34 quote, 76 UTF-8, quote all text cells, values not as
	# shown, -1 every sheet (one file per sheet)
	(cd "$tmp/$c/conv" && HOME="$tmp/home" nice soffice --headless \
		"-env:UserInstallation=file://$tmp/profile" --convert-to \
		'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1' \
		scorecard.xlsx >log 2>&1) || { cat "$tmp/$c/conv/log"; fail "$c: soffice failed"; }
	[ -f "$tmp/$c/conv/scorecard-forecasts.csv" ] ||
		{ cat "$tmp/$c/conv/log"; fail "$c: soffice wrote no CSV"; }
	$check converted "$tmp/$c/conv/scorecard" "$tmp/$c/a" || status=1
done
exit $status
