#!/bin/sh
# make bench, HTML part: a generated HTML page of 200 MB (tests/bench/
# gen_html: markup, boilerplate and article text as saved pages have
# them) through the extractor (bench_extract: MB/s and peak memory) and
# through the whole CLI (`likely read` and `likely extract --dry-run`).
# The issue's bar: at least 30 MB/s on one core, memory bounded.
# Figures only, never pass/fail.
# usage: run-html.sh BUILD_DIR BIN TMPDIR
set -eu
build=$1
bin=$2
tmp=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
m="python3 $top/tests/bench/measure.py"
. "$top/tests/bench/lib.sh"

echo "== html: a generated HTML page of 200 MB"
"$build/bench/gen_html" 200 > "$tmp/page.html"
"$build/bench/bench_extract" "$tmp/page.html"
for what in "read" "extract --dry-run"; do
	line=$($m "likely $what (CLI, output to /dev/null)" sh -c "'$bin' $what '$tmp/page.html' > /dev/null" 2>&1)
	mbps "$(wc -c < "$tmp/page.html")" "$line"
done
rm -f "$tmp/page.html"
