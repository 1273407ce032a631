#!/bin/sh
# Crash tests: kill -9 `import`, `extract` and `score` at random moments
# (CRASH_TRIALS each, default 20) and check what each kill leaves behind:
#   - the database passes PRAGMA integrity_check;
#   - its contents (the exported ledger, the count of recorded runs) are
#     exactly as before the command or as after it, never in between;
#   - the reports directory holds one whole report set, never old files
#     beside new ones (each score run is as of a different date, and
#     report.md, scores.csv and forecasts.csv must agree on which);
#   - no temporary file is left once the next run is done.
# Bounded in time: each kill comes within the command's clean run time.
# usage: crash.sh BIN
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:?usage: crash.sh BIN}
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
trials=${CRASH_TRIALS:-20}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-crash.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A ledger of settled forecasts over ten years, so that each as-of date
# scores a different number of them.
awk 'BEGIN {
	print "id,file,title,published,source,url,author,topic,claim,cue,probability,horizon,horizon_phrase,status,outcome,resolved_on,evidence,note"
	srand(7)
	for (i = 1; i <= 20000; i++) {
		y = 2010 + i % 10
		printf "\"c%d\",\"p%d.txt\",\"Title %d\",%d-01-15,,,\"Author %d\",\"topic%d\",\"Claim number %d is likely to come true, with some words to make the row longer than a few bytes\",\"likely to\",0.%d,%d-06-30,,\"accepted\",\"%s\",%d-07-01,,\n", i, i % 50, i % 300, y, i % 40, i % 7, i, 1 + i % 9, y, (i % 3 ? "yes" : "no"), y
	}
}' > ledger.csv
# Pages for extract: many, each with a few forecasts.
mkdir pages
awk 'BEGIN {
	for (p = 1; p <= 400; p++) {
		f = sprintf("pages/page%03d.txt", p)
		printf "Minsk set to widen trade number %d\n\nMarch 3, 2021 09:15\n\nBy Olena Kovalenko\n\n", p > f
		for (s = 1; s <= 30; s++)
			printf "Belarus is likely to increase exports of item %d-%d to China in the coming months. Trade grew by %d%% last year.\n\n", p, s, s > f
		close(f)
	}
}'

state() { # DB -> a digest of everything that counts
	{ "$bin" --db "$1" export 2>/dev/null
	  python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("select count(*), group_concat(as_of) from score_run").fetchone())' "$1"
	} | cksum
}
integrity() {
	python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' "$1"
}
clean_seconds() { # CMD... -> seconds it takes, at least 0.05
	s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
	awk -v s="$s" -v e="$e" 'BEGIN { d = e - s; printf "%.3f", d < 0.05 ? 0.05 : d }'
}
random_delay() { # MAX SEED -> a delay in [0, 1.3 MAX]: some kills come after the end
	awk -v m="$1" -v k="$2" 'BEGIN { srand(k * 7919 + 13); printf "%.3f", rand() * m * 1.3 }'
}
# Runs CMD in the background, kills it -9 after DELAY; returns at once if
# it finished first.
kill_after() {
	delay=$1; shift
	"$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}
leftovers() { # DIR -> temporaries other than SQLite's own files
	find "$1" -maxdepth 2 \( -name '*.tmp.*' -o -name '.new-*' -o -name '*-journal' \) | sed 's/^/  /'
}

# Kills `likely --db t.db WHAT ARGS...` (from a copy of base.db) at random
# moments; the database must be whole and either as before or as after.
kill_trials() {
	what=$1; shift
	cp base.db after.db
	"$bin" --db after.db "$what" "$@" 2>/dev/null
	after=$(state after.db)
	rm -f probe.db probe.db-wal probe.db-shm
	cp base.db probe.db
	t=$(clean_seconds "$bin" --db probe.db "$what" "$@")
	killed=0
	for k in $(seq 1 "$trials"); do
		rm -f t.db t.db-wal t.db-shm
		cp base.db t.db
		kill_after "$(random_delay "$t" "$k")" "$bin" --db t.db "$what" "$@"
		[ "$(integrity t.db)" = ok ] || fail "$what trial $k: integrity_check"
		s=$(state t.db)
		if [ "$s" = "$before" ]; then killed=$((killed + 1))
		elif [ "$s" != "$after" ]; then fail "$what trial $k: neither before nor after"; fi
		# a first load goes through the rollback journal: a kill before
		# its commit may leave SQLite's journal, not hot; the next
		# command that writes removes it
		"$bin" --db t.db init >/dev/null 2>&1 || fail "$what trial $k: init after the kill"
		[ -z "$(leftovers .)" ] || fail "$what trial $k: left $(leftovers .)"
	done
	echo "# $what: $trials kills within ${t} s, $killed before the commit, the rest after; all whole"
}

"$bin" --db base.db init 2>/dev/null
before=$(state base.db)
kill_trials import ledger.csv
kill_trials extract pages/*.txt

# --- score
rm -f t.db t.db-wal t.db-shm
cp base.db t.db
"$bin" --db t.db import ledger.csv 2>/dev/null
rm -rf out
"$bin" --db t.db score --as-of 2011-12-31 --out out 2>/dev/null || fail "first score"
t=$(clean_seconds "$bin" --db t.db score --as-of 2011-12-31 --out probe-out)
# one whole set: report.md's as-of, and the count of scored forecasts in
# scores.csv (the `all` row) and forecasts.csv agree
whole() {
	asof=$(grep -o 'as of [0-9-]*' out/report.md | head -1 | cut -c7-)
	n_scores=$(grep '^"all"\|^all' out/scores.csv | head -1 | cut -d, -f4)
	n_forecasts=$(($(wc -l < out/forecasts.csv) - 1))
	want=$(awk -v y="${asof%%-*}" 'BEGIN { n = 0; for (i = 1; i <= 20000; i++) if (2010 + i % 10 <= y) n++; print n }')
	[ -n "$asof" ] && [ "$n_scores" = "$want" ] && [ "$n_forecasts" = "$want" ]
}
prev_runs=$(python3 -c 'import sqlite3; print(sqlite3.connect("t.db").execute("select count(*) from score_run").fetchone()[0])')
killed=0
for k in $(seq 1 "$trials"); do
	year=$((2011 + k % 8))
	kill_after "$(random_delay "$t" "$k")" "$bin" --db t.db score --as-of "$year-12-31" --out out
	[ "$(integrity t.db)" = ok ] || fail "score trial $k: integrity_check"
	whole || fail "score trial $k: the reports are not one set (as of '$asof', $n_scores scored, $n_forecasts rows)"
	runs=$(python3 -c 'import sqlite3; print(sqlite3.connect("t.db").execute("select count(*) from score_run").fetchone()[0])')
	case $((runs - prev_runs)) in
	0) killed=$((killed + 1)) ;;
	1) ;;
	*) fail "score trial $k: $((runs - prev_runs)) runs recorded" ;;
	esac
	prev_runs=$runs
	[ -z "$(leftovers out)" ] || fail "score trial $k: left $(leftovers out)"
done
"$bin" --db t.db score --as-of 2012-12-31 --out out 2>/dev/null || fail "score after the kills"
whole || fail "score after the kills: not one set"
sets=$(ls -A out | grep -c '^\.set-')
[ "$sets" -eq 1 ] || fail "the next run left $sets report sets (stale ones are not removed)"
# beside the set: .lock, current, and one link per report file of the set
set_files=$(ls -A out/.set-* | wc -l)
[ "$(ls -A out | wc -l)" -eq $((set_files + 3)) ] || fail "unexpected files in out: $(ls -A out | tr '\n' ' ')"
for f in $(ls -A out/.set-*); do [ -L "out/$f" ] || fail "out/$f is not a link into the set"; done
echo "# score: $trials kills within ${t} s, $killed before the run was recorded; reports always one whole set; the next run left one set and no temporaries"

[ "$failures" -eq 0 ] && echo "crash: all $((3 * trials)) kills left whole state" || echo "crash: $failures failures"
[ "$failures" -eq 0 ]
