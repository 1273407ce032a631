#!/bin/sh
# make bench, extraction part: generated pages of 200 MB and 1 GB streamed
# through the extractor (tests/bench/bench_extract: MB/s and peak memory,
# which must not grow with the input), then the whole CLI on the 200 MB
# page (`likely extract --dry-run`) beside the peer, a Python regex script
# (tests/bench/peer_extract.py), on the same file.  Figures only, never
# pass/fail.
# usage: run-extract.sh BUILD_DIR BIN TMPDIR
set -eu
build=$1
bin=$2
tmp=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
m="python3 $top/tests/bench/measure.py"

for mb in 200 1024; do
	echo "== extract: a generated page of $mb MB"
	"$build/bench/gen_pages" "$mb" > "$tmp/page.txt"
	"$build/bench/bench_extract" "$tmp/page.txt"
	if [ "$mb" = 200 ]; then
		line=$($m "likely extract --dry-run (CLI, CSV to /dev/null)" sh -c "'$bin' extract --dry-run '$tmp/page.txt' > /dev/null" 2>&1)
		echo "$line" | awk -v b="$(wc -c < "$tmp/page.txt")" '{ for (i = 1; i <= NF; i++) if ($i == "s,") s = $(i-1);
			printf "%s  (%.1f MB/s)\n", $0, b / s / 1e6 }'
		# the peer, on the same file in the same run: the regex script a
		# user would write instead
		peer=$($m "peer: python3 regex script (CSV to /dev/null)" sh -c "python3 '$top/tests/bench/peer_extract.py' '$tmp/page.txt' > /dev/null" 2>&1)
		echo "$peer" | awk -v b="$(wc -c < "$tmp/page.txt")" '{ for (i = 1; i <= NF; i++) if ($i == "s,") s = $(i-1);
			printf "%s  (%.1f MB/s)\n", $0, b / s / 1e6 }'
		ls_s=$(echo "$line" | awk '{ for (i = 1; i <= NF; i++) if ($i == "s,") print $(i-1) }')
		py_s=$(echo "$peer" | awk '{ for (i = 1; i <= NF; i++) if ($i == "s,") print $(i-1) }')
		awk -v a="$ls_s" -v b="$py_s" 'BEGIN { printf "likely is %.1fx the peer on this page\n", b / a }'
	fi
	rm -f "$tmp/page.txt"
done
