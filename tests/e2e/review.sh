#!/bin/sh
# A scripted `review` session through a pseudo-terminal: what was answered
# is in the database, what was skipped is not, and quitting keeps it all.
# usage: review.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-review.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export LIKELY_DB="$tmp/t.db" SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL: $*"; exit 1; }
field() { "$bin" export | python3 -c "
import csv, sys
for row in csv.DictReader(sys.stdin):
    if row['id'] == '$1': print(row['$2'])"; }

cat > ledger.csv <<'CSV'
id,file,title,published,source,url,author,topic,claim,cue,probability,horizon,horizon_phrase,status,outcome,resolved_on,evidence,note
"c1","a.txt","A",2016-10-03,,,,"military","Minsk is likely to act.","likely to",0.7,2017-10-03,,"candidate",,,,
"c2","a.txt","A",2016-10-03,,,,"military","Minsk is unlikely to stop.","unlikely to",0.2,2017-10-03,,"candidate",,,,
"c3","a.txt","A",2016-10-03,,,,"military","Minsk will probably wait.","probably",0.7,2030-10-03,,"candidate",,,,
"u1","c.txt","C",,,,,"economy","Exports are unlikely to recover next year.","unlikely to",0.2,,"next year","candidate",,,,"check: no date found"
"u2","c.txt","C",,,,,"economy","Freight rates will probably stay high.","probably",0.7,,,"candidate",,,,"check: no date found"
"d1","b.txt","B",2015-01-01,,,"Ann","economy","Growth is expected to slow.","expected to",0.7,2016-01-01,,"accepted",,,,
"d2","b.txt","B",2015-01-01,,,"Ann","economy","Prices will rise.","will",0.95,2016-02-01,,"accepted",,,,
CSV
"$bin" import ledger.csv 2>/dev/null || fail "import"
# a later article that settles d1: review shows it under the due forecast
printf 'Growth slows sharply\n\nMarch 3, 2016\n\nGrowth slowed to 1%% in 2016, the statistics office said.\n' > later.txt
"$bin" extract later.txt 2>/dev/null || fail "extract"

# no terminal: refused, pointing elsewhere
"$bin" review </dev/null >out.txt 2>err.txt
[ $? -eq 2 ] || fail "review without a terminal should exit 2"
grep -q "needs a terminal" err.txt || fail "no-terminal message: $(cat err.txt)"

# the session needs a pseudo-terminal (/dev/ptmx and devpts, which no
# package provides: a container may lack them); without one, say so
if ! python3 -c 'import os; os.openpty()' 2>pty.txt; then
	echo "# SKIPPED: review through a pseudo-terminal: none can be opened here: $(tail -1 pty.txt)"
	exit 0
fi

# accept c1, reject c2 with a reason, skip c3 (x = unknown key, shows help),
# accept the undated u1 giving its month when asked, try to accept the
# undated u2 and leave it undated (Enter), then settle d1 (accepted
# earlier, due) as yes with evidence, then quit.
python3 "$top/tests/e2e/review_pty.py" "$bin" a r ">present tense" x s a ">2026-03" a ">" y ">later article" q > session.txt
st=$?
[ $st -eq 0 ] || { cat session.txt; fail "session exit $st"; }
grep -q "2 forecasts due" session.txt || fail "count line: $(head -3 session.txt)"
grep -q "a accept, r reject" session.txt || fail "help for an unknown key"
grep -q "2016-03-03 (later.txt): Growth slowed to 1% in 2016" session.txt || fail "no evidence shown for the due forecast"
[ "$(field c1 status)" = accepted ] || fail "c1 not accepted"
[ "$(field c2 status)" = rejected ] || fail "c2 not rejected"
[ "$(field c3 status)" = candidate ] || fail "c3 should be untouched"
[ "$(field u1 status)" = accepted ] || fail "u1 not accepted"
[ "$(field u1 published)" = 2026-03 ] || fail "u1 not dated: $(field u1 published)"
[ "$(field u1 horizon)" = 2027-12-31 ] || fail "u1 horizon not counted from the date"
[ "$(field u2 status)" = candidate ] || fail "u2 accepted without a date"
[ -z "$(field u2 published)" ] || fail "u2 dated"
grep -q "stays a candidate" session.txt || fail "no word on leaving u2 undated"
[ "$(field d1 outcome)" = yes ] || fail "d1 not settled"
[ "$(field d1 resolved_on)" = 2023-11-14 ] || fail "d1 resolved_on"
[ "$(field d1 evidence)" = "later article" ] || fail "d1 evidence"
[ -z "$(field d2 outcome)" ] || fail "d2 settled after quit"
"$bin" show c2 | grep -q "reject: present tense" || fail "reason not in history"
echo "# review: accept, reject with reason, skip, date an undated candidate or leave it, settle with evidence, quit -- all saved"
