#!/bin/sh
# Import with files long enough that their rows are checked and stored in
# many batches (one thread reads and checks while another stores): the
# messages, their order, the cap, the exit codes, the summaries and
# all-or-nothing are what a row-at-a-time import gives -- bad rows past
# the first batches, several files in order, stdin, and a ledger from
# before the speaker column that must keep the stored speakers.
# usage: import-batches.sh BIN BUILD_DIR [ROWS]
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
build=$2; case "$build" in /*) ;; *) build="$top/$build" ;; esac
rows=${3:-6000}  # 3000 and more: the refused row below is g0003000
gen="$build/tools/gen_ledger"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-batch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export LIKELY_DB="$tmp/t.db" SOURCE_DATE_EPOCH=1700000000
fail() { echo "FAIL: $*"; exit 1; }

"$gen" "$rows" 7 > a.csv || fail "generator"
"$gen" "$rows" 8 | sed '1!s/^"g/"h/' > b.csv || fail "generator"
lines=$(wc -l < a.csv)

# The same rows twice in one file: every row of the second copy is a
# duplicate; 20 are reported, in file order, and nothing is kept.
{ cat a.csv; tail -n +2 a.csv; } > twice.csv
"$bin" import twice.csv 2>err.txt
st=$?
[ $st -eq 65 ] || fail "duplicates: exit $st, want 65"
[ "$(grep -c 'already used on line' err.txt)" -eq 20 ] || fail "duplicates: not 20 reported: $(cat err.txt)"
head -1 err.txt | grep -q "^likely: twice.csv:$((lines + 1)): id: 'g0000000' already used on line 2\$" ||
	fail "duplicates: first message $(head -1 err.txt)"
grep -o '^likely: twice.csv:[0-9]*' err.txt | cut -d: -f3 | sort -n -c || fail "duplicates: not in file order"
[ "$(tail -1 err.txt)" = "likely: nothing imported: the database is unchanged" ] || fail "duplicates: last line $(tail -1 err.txt)"
[ "$(wc -l < err.txt)" -eq 21 ] || fail "duplicates: $(wc -l < err.txt) lines"
[ "$("$bin" export | wc -l)" -eq 1 ] || fail "duplicates: rows were kept"
echo "# 20 of many bad rows reported in file order past the first batches; nothing kept"

# Several files: a good one, one with a bad row late, a good one; then
# two bad files: each one's messages in order, nothing kept.
line=$("$gen" "$rows" 9 --bad "$((rows - 3)):probability" 2>&1 > late.csv)
sed -i '1!s/^"g/"k/' late.csv
"$bin" import a.csv late.csv b.csv 2>err.txt
st=$?
[ $st -eq 65 ] || fail "three files: exit $st, want 65"
[ "$(wc -l < err.txt)" -eq 2 ] || fail "three files: $(cat err.txt)"
head -1 err.txt | grep -q "^likely: late.csv:$line: probability: " || fail "three files: $(head -1 err.txt)"
[ "$("$bin" export | wc -l)" -eq 1 ] || fail "three files: rows were kept"
"$bin" import late.csv twice.csv 2>err.txt
st=$?
[ $st -eq 65 ] || fail "two bad files: exit $st"
grep -n "^likely: late.csv:$line: " err.txt | grep -q '^1:' || fail "two bad files: late.csv not first"
[ "$(grep -c '^likely: twice.csv:' err.txt)" -eq 20 ] || fail "two bad files: twice.csv's 20"
[ "$(wc -l < err.txt)" -eq 22 ] || fail "two bad files: $(wc -l < err.txt) lines"
echo "# several files: each file's messages in order, nothing kept"

# Good files: one summary each, in order; stdin is "-".
"$bin" import a.csv - < b.csv 2>err.txt || fail "a and stdin: $(cat err.txt)"
printf 'likely: a.csv: %s rows: %s new, 0 changed, 0 unchanged\nlikely: -: %s rows: %s new, 0 changed, 0 unchanged\n' \
	"$rows" "$rows" "$rows" "$rows" | cmp -s - err.txt || fail "summaries: $(cat err.txt)"
"$bin" export -o out.csv || fail "export"
{ cat a.csv; tail -n +2 b.csv; } | cmp -s - out.csv || fail "a and stdin: export differs"
echo "# good files and stdin stored in order, one summary each"
python3 - a.csv b.csv <<'PY' || fail "loads differ from one per file, its forecasts in file order"
import csv, sqlite3, sys
want = []
for load, (path, name) in enumerate(((sys.argv[1], "a.csv"), (sys.argv[2], "-")), 1):
    for r in list(csv.reader(open(path, newline="", encoding="utf-8")))[1:]:
        want.append((len(want) + 1, r[0], load, "2023-11-14T22:13:20Z", "import " + name))
db = sqlite3.connect("t.db")
got = db.execute("SELECT f.seq, f.id, l.id, l.at, l.reason FROM forecast f"
                 " JOIN load l ON l.id = f.load_id ORDER BY f.seq").fetchall()
sys.exit(got != want or db.execute("SELECT count(*) FROM history").fetchone()[0] != 0)
PY
first=$(sed -n '2s/^"\([^"]*\)".*/\1/p' b.csv)
"$bin" show "$first" | grep -q "^  2023-11-14T22:13:20Z  created: '[a-z]*'  (import -)\$" ||
	fail "show: no 'created' entry from the load: $("$bin" show "$first" | tail -3)"
echo "# one load per file, its forecasts in file order; show gives their 'created' entry"

# A ledger from before the speaker column keeps the stored speakers.
rm -f t.db t.db-wal t.db-shm
python3 - a.csv sp.csv old.csv <<'EOF' || fail "python3"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
for i, r in enumerate(rows[1:]):
    r[18] = f"Speaker {i % 97}"
def write(path, rs):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        csv.writer(f, lineterminator='\n').writerows(rs)
write(sys.argv[2], rows)
write(sys.argv[3], [r[:18] for r in rows])
EOF
"$bin" import sp.csv 2>/dev/null || fail "import with speakers"
"$bin" import old.csv 2>err.txt || fail "18 columns: $(cat err.txt)"
grep -q "^likely: old.csv: $rows rows: 0 new, 0 changed, $rows unchanged\$" err.txt || fail "18 columns: $(cat err.txt)"
grep -q "^likely: old.csv: a ledger with the 18 columns before" err.txt || fail "18 columns: no note"
[ "$("$bin" export | grep -c '"Speaker ')" -eq "$rows" ] || fail "18 columns: speakers lost"
echo "# a ledger of 18 columns keeps the stored speakers"

# A row the store refuses (a stored forecast changed outside likely) stops
# its file there: the duplicate at the file's end is never reached, as a
# row-at-a-time import never reached it, so it is not reported.
rm -f t.db t.db-wal t.db-shm
"$bin" import a.csv 2>/dev/null || fail "import a.csv"
python3 -c "
import sqlite3; c = sqlite3.connect('t.db')
c.execute(\"UPDATE forecast SET title = 'a' || char(1) || 'b' WHERE id = 'g0003000'\"); c.commit()" || fail "python3"
{ cat a.csv; sed -n 2p a.csv; } > dup.csv
"$bin" import dup.csv 2>err.txt
st=$?
[ $st -eq 65 ] || fail "refused row: exit $st"
[ "$(wc -l < err.txt)" -eq 2 ] || fail "refused row: $(cat err.txt)"
head -1 err.txt | grep -q "^likely: $tmp/t.db: forecast 'g0003000': title: " || fail "refused row: $(head -1 err.txt)"
echo "# a row the store refuses stops its file: nothing after it is reported"
