#!/bin/sh
# make bench, extraction part: generated pages of 200 MB and 1 GB streamed
# through the extractor (tests/bench/bench_extract: MB/s and peak memory,
# which must not grow with the input), then the whole CLI on the 200 MB
# page (`likely extract --dry-run`, one process per core: the page is
# shared among them) beside the peer, a Python regex script
# (tests/bench/peer_extract.py), on the same file, and with --jobs 1 (one
# core) to show what the second one gives.  Figures only, never
# pass/fail.
# usage: run-extract.sh BUILD_DIR BIN TMPDIR
set -eu
build=$1
bin=$2
tmp=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
m="python3 $top/tests/bench/measure.py"
. "$top/tests/bench/lib.sh"

for mb in 200 1024; do
	echo "== extract: a generated page of $mb MB"
	"$build/bench/gen_pages" "$mb" > "$tmp/page.txt"
	"$build/bench/bench_extract" "$tmp/page.txt"
	if [ "$mb" = 200 ]; then
		line=$($m "likely extract --dry-run (CLI, CSV to /dev/null)" sh -c "'$bin' extract --dry-run '$tmp/page.txt' > /dev/null" 2>&1)
		mbps "$(wc -c < "$tmp/page.txt")" "$line"
		# the peer, on the same file in the same run: the regex script a
		# user would write instead
		peer=$($m "peer: python3 regex script (CSV to /dev/null)" sh -c "python3 '$top/tests/bench/peer_extract.py' '$tmp/page.txt' > /dev/null" 2>&1)
		mbps "$(wc -c < "$tmp/page.txt")" "$peer"
		awk -v a="$(secs "$line")" -v b="$(secs "$peer")" 'BEGIN { printf "likely is %.1fx the peer on this page\n", b / a }'
		one=$($m "likely extract --dry-run --jobs 1 (one core)" sh -c "'$bin' extract --dry-run --jobs 1 '$tmp/page.txt' > /dev/null" 2>&1)
		mbps "$(wc -c < "$tmp/page.txt")" "$one"
		awk -v a="$(secs "$line")" -v b="$(secs "$one")" -v p="$(secs "$peer")" \
			'BEGIN { printf "one process per core is %.2fx --jobs 1; --jobs 1 is %.1fx the peer\n", b / a, p / b }'
	fi
	rm -f "$tmp/page.txt"
done
