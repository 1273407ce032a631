#!/bin/sh
# score --author A --topic T --from D --to D (issue 11 point 4) on a
# generated ledger: the narrowed scores.csv agrees with score_check.py's
# exact recomputation from the exported ledger filtered independently
# (author equal, T among the ;-separated topics, publication day in the
# period, a month-only date counting as its last day); report.md says what
# was narrowed; a narrowed run is not recorded, so the next whole run
# still compares with the last whole one; --from after --to is a usage
# error.
# usage: score-narrow.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
build=$2; case "$build" in /*) ;; *) build="$top/$build" ;; esac
check="python3 $top/tests/e2e/score_check.py"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-narrow.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC LIKELY_DB=t.db
fail() { echo "FAIL: $*"; exit 1; }
as_of=2020-06-30 from=2017-03-01 to=2019-02-28

"$build/tools/gen_ledger" 5000 5 > ledger.csv || fail "generator"
"$bin" import ledger.csv 2>/dev/null || fail "import"
"$bin" score --as-of 2019-12-31 --out whole 2>/dev/null || fail "whole run"
"$bin" export -o export.csv || fail "export"
# the most frequent named author and topic of the ledger
set -- $(python3 - export.csv <<'PY'
import collections, csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
a = collections.Counter(r["author"] for r in rows if r["author"] and r["author"][0].isalpha())
t = collections.Counter(x.strip() for r in rows for x in r["topic"].split(";") if x.strip().isalpha())
print(a.most_common(1)[0][0].replace(" ", "_"), t.most_common(1)[0][0])
PY
)
author=$(echo "$1" | tr _ ' ') topic=$2
"$bin" score --as-of $as_of --author "$author" --topic "$topic" --from $from --to $to \
	--out narrow 2>/dev/null || fail "narrowed run"
python3 - export.csv "$author" "$topic" $from $to > narrowed.csv <<'PY' || fail "filter"
import calendar, csv, sys
path, author, topic, lo, hi = sys.argv[1:]
r = csv.reader(open(path, newline="", encoding="utf-8"))
w = csv.writer(sys.stdout, lineterminator="\n")
head = next(r)
w.writerow(head)
col = {name: i for i, name in enumerate(head)}
def day(p):
    if len(p) == 7:  # YYYY-MM: the month's last day
        y, m = int(p[:4]), int(p[5:])
        return "%s-%02d" % (p, calendar.monthrange(y, m)[1])
    return p
for row in r:
    topics = [x.strip() for x in row[col["topic"]].split(";")]
    p = row[col["published"]]
    if row[col["author"]] == author and topic in topics and p and lo <= day(p) <= hi:
        w.writerow(row)
PY
n=$(($(wc -l < narrowed.csv) - 1))
[ "$n" -gt 0 ] || fail "the filter kept nothing: $author / $topic"
$check ledger-check narrowed.csv $as_of narrow || fail "narrowed figures"
grep -q "^\*\*Narrowed to author $author, topic $topic, published from $from to $to\*\*" \
	narrow/report.md || fail "report.md does not say what was narrowed"
echo "# narrowed to $author, $topic, $from..$to: $n forecasts, figures agree with an exact recomputation"
"$bin" score --as-of $as_of --out later 2>/dev/null || fail "later run"
grep -q "Previous run: run 1, as of 2019-12-31" later/report.md ||
	fail "the narrowed run was recorded: $(grep 'Previous run' later/report.md)"
[ "$(grep -c '^[0-9]' later/trend.csv)" -eq "$(grep -c '^2019-12-31\|^2020-06-30' later/trend.csv)" ] ||
	fail "trend.csv holds a run other than the two whole ones"
echo "# a narrowed run is not recorded: the next whole run compares with the last whole one"
"$bin" score --from 2019-01-02 --to 2019-01-01 --out bad 2>err.txt
[ $? -eq 2 ] || fail "--from after --to: exit $?"
grep -q "after --to" err.txt || fail "message: $(cat err.txt)"
