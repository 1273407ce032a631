#!/bin/sh
# make bench, stored extraction: one generated 60 MB page cut into pages of
# about 3 MB (at a "Similar articles" line, so each starts with an article
# and its date), then `likely extract` on them four ways in the
# same run -- --dry-run and stored, each with --jobs 1 and --jobs 2 -- and
# the database's size beside the text it keeps.  Figures only, never
# pass/fail.
# usage: run-store.sh BUILD_DIR BIN TMPDIR
set -eu
build=$1
bin=$2
tmp=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
m="python3 $top/tests/bench/measure.py --runs 3"

mkdir -p "$tmp/pages"
"$build/bench/gen_pages" 60 | LC_ALL=C awk -v dir="$tmp/pages" '
	BEGIN { f = sprintf("%s/page%02d.txt", dir, n) }
	/^Similar articles\r?$/ && size > 3000000 { close(f); f = sprintf("%s/page%02d.txt", dir, ++n); size = 0 }
	{ print > f; size += length($0) + 1 }'
bytes=$(cat "$tmp"/pages/* | wc -c)
echo "== extract: $(ls "$tmp/pages" | wc -l) pages of about 3 MB (a generated 60 MB page cut before an article)"

. "$top/tests/bench/lib.sh"
show() { mbps "$bytes" "$1"; }

for jobs in 1 2; do
	line=$($m "extract --dry-run --jobs $jobs" sh -c "'$bin' extract --dry-run --jobs $jobs '$tmp'/pages/* > /dev/null" 2>&1)
	show "$line"
	eval "dry$jobs=$(secs "$line")"
	line=$($m --setup "rm -f '$tmp/store.db' '$tmp/store.db-wal' '$tmp/store.db-shm'" \
		"extract (stored) --jobs $jobs" "$bin" --db "$tmp/store.db" extract --jobs "$jobs" "$tmp"/pages/* 2>&1)
	show "$line"
	eval "stored$jobs=$(secs "$line")"
done
# The loop's stored runs are first extractions (an empty database: the
# rollback journal, README); the usual run adds pages to a database that
# holds others: the first half stored, then the second half timed beside
# its own dry run.
first=$(ls "$tmp"/pages/* | head -n "$(( $(ls "$tmp/pages" | wc -l) / 2 ))")
second=$(ls "$tmp"/pages/* | tail -n +"$(( $(ls "$tmp/pages" | wc -l) / 2 + 1 ))")
half_bytes=$(cat $second | wc -c)
line=$($m "extract --dry-run --jobs 1, the second half" sh -c "'$bin' extract --dry-run --jobs 1 $(echo $second) > /dev/null" 2>&1)
mbps "$half_bytes" "$line"
dryhalf=$(secs "$line")
line=$($m --setup "rm -f '$tmp/half.db' '$tmp/half.db-wal' '$tmp/half.db-shm'; '$bin' --db '$tmp/half.db' extract --jobs 1 $(echo $first) 2>/dev/null" \
	"extract (stored) --jobs 1, the second half into a database holding the first" \
	"$bin" --db "$tmp/half.db" extract --jobs 1 $second 2>&1)
mbps "$half_bytes" "$line"
storedhalf=$(secs "$line")
rm -f "$tmp/half.db" "$tmp/half.db-wal" "$tmp/half.db-shm"
# what two cores give at this moment (a shared machine may have less than
# two free): the pages halved between two processes by xargs -P 2
half=$(( ($(ls "$tmp/pages" | wc -l) + 1) / 2 ))
line=$($m "reference: xargs -P 2, two extract --dry-run --jobs 1" sh -c "ls '$tmp'/pages/* | xargs -n $half -P 2 '$bin' extract --dry-run --jobs 1 > /dev/null" 2>&1)
show "$line"
xargs2=$(secs "$line")
awk -v d1="$dry1" -v d2="$dry2" -v s1="$stored1" -v s2="$stored2" -v x="$xargs2" -v dh="$dryhalf" -v sh="$storedhalf" 'BEGIN {
	printf "stored / dry run: %.2fx with --jobs 1, %.2fx with --jobs 2 (a first extraction); %.2fx adding pages to a database holding others (--jobs 1)\n", s1 / d1, s2 / d2, sh / dh
	printf "--jobs 2 / --jobs 1: %.2fx as fast dry run (xargs -P 2: %.2fx), %.2fx stored\n", d1 / d2, d1 / x, s1 / s2 }'
python3 - "$tmp/store.db" "$bytes" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
# schema 6: an article's sentences in one text, U+001E between them
sentences = (db.execute("SELECT coalesce(sum(length(text) - length(replace(text, char(30), '')) + 1), 0)"
                        " FROM article_text").fetchone()[0],
             db.execute("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM article_text").fetchone()[0])
context = db.execute("SELECT coalesce(sum(length(CAST(context AS BLOB))), 0) FROM forecast").fetchone()[0]
# schema 9: a context may be a reference into its article's text
refs = db.execute("SELECT coalesce(sum(context_len), 0) FROM forecast").fetchone()[0]
size = os.path.getsize(sys.argv[1])
kept = sentences[1] + context
print(f"database {size / 1e6:.1f} MB for {int(sys.argv[2]) / 1e6:.1f} MB of pages: "
      f"{sentences[0]} sentences ({sentences[1] / 1e6:.1f} MB) and forecast contexts "
      f"({context / 1e6:.1f} MB) kept, {size / kept:.2f} bytes per byte kept; "
      f"{refs / 1e6:.1f} MB more of contexts as references, "
      f"{size / (kept + refs):.2f} bytes per byte of sentences and contexts")
PY
rm -rf "$tmp/pages" "$tmp/store.db"
