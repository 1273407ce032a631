#!/bin/sh
# Reports must not depend on the locale: the files written under a
# comma-decimal locale (de_DE.UTF-8 when it can be had) are byte-identical
# to those written under C.  When no such locale is installed the script
# tries to compile one into a private directory (LOCPATH, the system is not
# touched); when that is impossible too it skips with a message.
# usage: score-locale.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
build=$2; case "$build" in /*) ;; *) build="$top/$build" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-loc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC
fail() { echo "FAIL: $*"; exit 1; }

comma() { [ "$(LC_ALL=$1 locale decimal_point 2>/dev/null)" = "," ]; }
loc=
for l in de_DE.UTF-8 de_DE.utf8 $(locale -a 2>/dev/null); do
	if comma "$l"; then loc=$l; break; fi
done
if [ -z "$loc" ] && command -v localedef >/dev/null 2>&1; then
	mkdir -p loc
	if localedef -i de_DE -f UTF-8 loc/de_DE.UTF-8 >/dev/null 2>&1; then
		export LOCPATH="$tmp/loc"
		comma de_DE.UTF-8 && loc=de_DE.UTF-8
	fi
fi
if [ -z "$loc" ]; then
	echo "# SKIPPED: locale independence: no comma-decimal locale here and none could be compiled (the deps step installs the locales package for localedef)"
	exit 0
fi

"$build/tools/gen_ledger" 3000 9 > ledger.csv || fail "generator"
LC_ALL=C LIKELY_DB=t.db "$bin" import ledger.csv 2>/dev/null || fail "import"
cp t.db c.db && cp t.db l.db || fail "copy"
for bins in exact 10; do
	LC_ALL=C LIKELY_DB=c.db "$bin" score --as-of 2020-06-30 --bins $bins --excel \
		--out C$bins 2>/dev/null || fail "score under C"
	LC_ALL=$loc LANG=$loc LC_NUMERIC=$loc LIKELY_DB=l.db "$bin" score --as-of 2020-06-30 \
		--bins $bins --excel --out L$bins 2>/dev/null || fail "score under $loc"
	for f in scores.csv calibration.csv forecasts.csv report.md calibration.svg; do
		cmp C$bins/$f L$bins/$f || fail "$f (--bins $bins) differs under $loc"
	done
done
grep -q '0\.' Cexact/scores.csv || fail "no decimal numbers to compare"
echo "# reports under $loc are byte-identical to those under C"
