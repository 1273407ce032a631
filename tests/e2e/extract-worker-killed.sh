#!/bin/sh
# A worker of extract --jobs 2 killed in the middle of a page shared by
# both workers (extractpool: a text page of 8 MiB or more): the pages it
# had a part in end with "the process extracting this page ended before
# it did" and keep nothing, the other worker's pages are kept whole, the
# exit status is 1, the database passes its integrity check, and no
# worker is left running; stored and dry run alike.  The workers are
# stopped (SIGSTOP) as soon as they exist, so the kill comes before
# either can finish the shared page, whatever the machine's load.
# usage: extract-worker-killed.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
build=$2; case "$build" in /*) ;; *) build="$top/$build" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-killed.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL: $*"; exit 1; }

"$build/bench/gen_pages" 1 > a.txt || fail "gen_pages"
"$build/bench/gen_pages" 12 > big.txt || fail "gen_pages"
"$build/bench/gen_pages" 2 > b.txt || fail "gen_pages"
[ "$(wc -c < big.txt)" -ge 8388608 ] || fail "big.txt is too small to be shared"
# a.txt goes to worker 0, big.txt to both, b.txt to worker 1
"$bin" --db alone.db extract --jobs 1 a.txt 2>/dev/null || fail "a.txt alone"
want_a=$("$bin" --db alone.db export | tail -n +2 | sort | cksum)

# ARGS...: runs likely extract ARGS --jobs 2 a.txt big.txt b.txt, kills
# its second worker once both are stopped; out, err and status are left
run_killing() {
	"$bin" extract "$@" --jobs 2 a.txt big.txt b.txt > out 2> err &
	main=$!
	workers=""
	tries=0
	while [ "$(echo "$workers" | wc -w)" -lt 2 ] && [ $tries -lt 20000 ]; do
		workers=$(ps -o pid= --ppid "$main" 2>/dev/null | sort -n | tr -d ' ')
		tries=$((tries + 1))
	done
	[ "$(echo "$workers" | wc -w)" -eq 2 ] || { wait "$main"; return 1; }
	kill -STOP $workers
	second=$(echo "$workers" | sed -n 2p)
	kill -KILL "$second"
	kill -CONT $workers 2>/dev/null
	wait "$main"
	echo $? > status
	for w in $workers; do
		kill -0 "$w" 2>/dev/null && fail "worker $w still running after the command"
	done
	return 0
}

check_messages() {
	[ "$(cat status)" -eq 1 ] || fail "$1: exit $(cat status), want 1: $(cat err)"
	for page in big.txt b.txt; do
		grep -q "^likely: $page: the process extracting this page ended before it did\$" err ||
			fail "$1: no message for $page: $(cat err)"
	done
	grep -q "^likely: a.txt:" err && fail "$1: a.txt reported: $(cat err)"
	return 0
}

tries=0
until run_killing --db t.db; do
	tries=$((tries + 1))
	[ $tries -lt 5 ] || fail "the workers never started"
	rm -f t.db t.db-wal t.db-shm
done
check_messages stored
[ "$(python3 -c 'import sqlite3; print(sqlite3.connect("t.db").execute("PRAGMA integrity_check").fetchone()[0])')" = ok ] ||
	fail "stored: integrity check"
got_a=$("$bin" --db t.db export | tail -n +2 | sort | cksum)
[ "$got_a" = "$want_a" ] || fail "stored: a.txt's forecasts differ from --jobs 1 alone"
[ "$("$bin" --db t.db export | grep -c '"big.txt"\|"b.txt"')" -eq 0 ] ||
	fail "stored: forecasts of the killed worker's pages were kept"
echo "# stored: the killed worker's pages keep nothing, the other's are whole; exit 1"

until run_killing --dry-run; do
	tries=$((tries + 1))
	[ $tries -lt 10 ] || fail "the workers never started (dry run)"
done
check_messages "dry run"
"$bin" extract --dry-run --jobs 1 a.txt > alone.csv 2>/dev/null
cmp -s out alone.csv || fail "dry run: stdout is not a.txt's rows alone"
echo "# dry run: stdout holds the other worker's page alone; exit 1"
