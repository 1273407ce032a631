#!/bin/sh
# The files shipped in predictions/config/ hold exactly the built-in
# defaults: extraction with them and with no configuration at all gives
# the same forecasts (on the seed pages and on the test pages).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-cfg.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/empty"
pages="$top/tests/cases/extract/dry-run/pages/wire.txt $top/tests/data/seed/corpus/*.txt"
# shellcheck disable=SC2086
"$bin" --config "$top/predictions/config" extract --dry-run $pages > "$tmp/shipped.csv" 2>/dev/null || { echo "FAIL: extract with shipped config"; exit 1; }
# shellcheck disable=SC2086
(cd "$tmp" && "$bin" --config empty extract --dry-run $pages > builtin.csv 2>/dev/null) || { echo "FAIL: extract with built-in config"; exit 1; }
if ! cmp -s "$tmp/shipped.csv" "$tmp/builtin.csv"; then
	echo "FAIL: predictions/config/ differs from the built-in defaults"
	diff "$tmp/builtin.csv" "$tmp/shipped.csv" | head
	exit 1
fi
echo "# predictions/config/ = built-in defaults ($(($(wc -l < "$tmp/shipped.csv") - 1)) forecasts compared)"
