#!/bin/sh
# make bench: throughput figures, never pass/fail on time.
# usage: run.sh BUILD_DIR BIN
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$1; case "$build" in /*) ;; *) build="$top/$build" ;; esac
bin=$2; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
m="python3 $top/tests/bench/measure.py"
export LIKELY_DB="$tmp/bench.db"

. "$top/tests/bench/lib.sh"

echo "== ledger: 100000 generated rows"
"$build/tools/gen_ledger" 100000 11 > "$tmp/ledger.csv"
echo "size: $(wc -c < "$tmp/ledger.csv") bytes"
rate 100000 "$($m import "$bin" import "$tmp/ledger.csv" 2>&1)"
rate 100000 "$($m export "$bin" export -o "$tmp/out.csv" 2>&1)"
cmp "$tmp/ledger.csv" "$tmp/out.csv" && echo "round trip: byte for byte"
rate 100000 "$($m "re-import, nothing changed" "$bin" import "$tmp/out.csv" 2>&1)"

for extra in "$top"/tests/bench/run-*.sh; do
	[ -f "$extra" ] && sh "$extra" "$build" "$bin" "$tmp"
done
exit 0
