#!/bin/sh
# extract --jobs N gives what --jobs 1 gives, byte for byte: stdout,
# stderr, exit status and the database's content, stored and dry run,
# first run and again, over every page the tests have (text, HTML, feeds),
# generated large pages, and bad ones (invalid UTF-8, a NUL byte, a
# directory, a missing file, a name import would refuse) among them.
# Two text pages are large enough to be shared among the workers
# (extractpool: 8 MiB): a generated page of some 250 articles, and a copy
# with a bad byte in its middle, which every worker must stop at alike; a
# generated HTML page as large is dealt whole.
# usage: extract-jobs.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
build=$2; case "$build" in /*) ;; *) build="$top/$build" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-jobs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL: $*"; exit 1; }

mkdir pages
n=0
for f in "$top"/tests/extract/pages/*.txt "$top"/tests/cases/extract/*/pages/* \
	 "$top"/tests/cases/extract/*/*.xml "$top"/tests/cases/read/*/pages/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "pages/$(printf %03d $n)-${f##*/}"
done
for mb in 1 2; do
	"$build/bench/gen_pages" "$mb" > "pages/gen-$mb.txt" || fail "gen_pages"
done
mkdir big
"$build/bench/gen_pages" 8 > big/gen-8.txt || fail "gen_pages"
[ "$(wc -c < big/gen-8.txt)" -ge 8388608 ] || fail "gen-8.txt is too small to be shared"
{ head -c 6000000 big/gen-8.txt; printf '\377'; tail -c +6000001 big/gen-8.txt; } > big/gen-8-bad.txt
"$build/bench/gen_html" 9 > big/gen-9.html || fail "gen_html"
mkdir pages/a-directory
printf 'Title\n\nMarch 3, 2021\n\nBelarus is likely to expand trade by 2023.\n' > "$(printf 'pages/tab\there.txt')"
# a manifest for some pages, --source for the others
printf 'file,url,title,published,author,source\n001-%s,https://example.org/1,Given title,2020-02-03,Given Author,manifested\n' \
	"$(ls pages | sed -n 's/^001-//p')" > manifest.csv
set -- pages/* missing.txt
echo "# $# pages"

run() { # NAME JOBS ARGS...: outputs in NAME.out NAME.err NAME.status
	name=$1 jobs=$2
	shift 2
	"$bin" --db "$name.db" extract --jobs "$jobs" --manifest manifest.csv --source src "$@" \
		> "$name.out" 2> "$name.err"
	echo $? > "$name.status"
}
dump() {
	python3 -c 'import sqlite3, sys
for line in sqlite3.connect(sys.argv[1]).iterdump(): print(line)' "$1.db" > "$1.sql"
}
for jobs in 1 2 5 0; do
	run "dry$jobs" "$jobs" --dry-run "$@"
	run "first$jobs" "$jobs" "$@"
	cp "first$jobs.db" "again$jobs.db"
	run "again$jobs" "$jobs" "$@"
	dump "first$jobs"
	dump "again$jobs"
done
for jobs in 2 5 0; do
	for f in dry1.out dry1.err dry1.status first1.out first1.err first1.status \
		 first1.sql again1.err again1.status again1.sql; do
		g=$(echo "$f" | sed "s/1/$jobs/")
		cmp -s "$f" "$g" || fail "--jobs $jobs: $g differs from --jobs 1: $(diff "$f" "$g" | head -5)"
	done
done
# a page that cannot be read (66) outranks a bad one (65): diag.h's order
[ "$(cat first1.status)" = 66 ] || fail "bad and unreadable pages among good ones: exit $(cat first1.status), want 66"
grep -q 'nothing from this page was kept' first1.err || fail "no bad page reported"
rows=$(grep -c '^"' dry1.out)
echo "# --jobs 2, 5 and one per core: the same output, exit codes and database as --jobs 1 ($rows forecasts, stored twice and dry run)"

# the large pages, shared among the workers, between pages dealt whole
set -- pages/001-* big/gen-8.txt pages/002-* big/gen-8-bad.txt big/gen-9.html pages/003-*
for jobs in 1 2 3; do
	run "bigdry$jobs" "$jobs" --dry-run "$@"
	run "big$jobs" "$jobs" "$@"
	dump "big$jobs"
done
for jobs in 2 3; do
	for f in bigdry1.out bigdry1.err bigdry1.status big1.out big1.err big1.status big1.sql; do
		g=$(echo "$f" | sed "s/1/$jobs/")
		cmp -s "$f" "$g" || fail "--jobs $jobs: $g differs from --jobs 1: $(diff "$f" "$g" | head -5)"
	done
done
grep -q 'gen-8-bad.txt: invalid UTF-8 at byte 6000000' big1.err || fail "the bad large page: $(cat big1.err)"
rows=$(grep -c '^"' bigdry1.out)
echo "# a page shared among 2 and 3 workers: the same output, exit codes and database as --jobs 1 ($rows forecasts)"
