#!/bin/sh
# How predictions/belarus.csv was made, step by step, with the tool itself:
# extract the five seed pages, review every candidate (all thirteen are
# real forecasts or forward-looking hedges, so all are accepted), then
# apply the editors' verdicts of outcomes.csv with `resolve`, and export.
# Rerunning it reproduces the committed file byte for byte.  The pages and
# verdicts are kept in the repository (tests/data/seed/: corpus/*.txt and
# outcomes.csv), so a clone needs nothing beside it.
# usage: sh scripts/build-belarus-ledger.sh [SEED_DIR]
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
seed=${1:-$top/tests/data/seed}
case "$seed" in /*) ;; *) seed="$(pwd)/$seed" ;; esac
likely=${LIKELY_BIN_OVERRIDE:-$top/likely}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-ledger.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export LIKELY_DB="$tmp/belarus.db"

cd "$seed/corpus"
"$likely" --config "$top/predictions/config" extract --source belarusinfocus ./*.txt
# the review: every candidate is a forecast a careful reader would count
"$likely" accept $("$likely" list --status candidate --format csv | sed 1d | cut -d, -f1 | tr -d '"')

# the editors' verdicts: each row names its forecast by file and the start
# of the claim
python3 - "$seed/outcomes.csv" > "$tmp/resolve.sh" <<'PY'
import csv, shlex, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    args = ["resolve_one", row["file"], row["claim_starts_with"], row["outcome"], row["resolved_on"],
            row["evidence"], row["note"]]
    print(" ".join(shlex.quote(a) for a in args))
PY
resolve_one() {
	id=$("$likely" list --format csv | python3 -c '
import csv, sys
file, start = sys.argv[1], sys.argv[2]
ids = [r["id"] for r in csv.DictReader(sys.stdin) if r["file"] == file and r["claim"].startswith(start)]
if len(ids) != 1:
    sys.exit("no single forecast in %s starts with %r: %r" % (file, start, ids))
print(ids[0])' "$1" "$2")
	set -- "$id" "$3" "$4" "$5" "$6"
	if [ -n "$5" ]; then
		"$likely" resolve "$1" --outcome "$2" --on "$3" --evidence "$4" --note "$5"
	else
		"$likely" resolve "$1" --outcome "$2" --on "$3" --evidence "$4"
	fi
}
. "$tmp/resolve.sh"
"$likely" export -o "$top/predictions/belarus.csv"
echo "wrote predictions/belarus.csv: $("$likely" list --format csv | sed 1d | grep -c '^"') forecasts" >&2
