#!/bin/sh
# The fuzz harnesses, built without libFuzzer, replay the seed corpus and
# every crash input kept in tests/fuzz/regress/: a bug fuzzing found stays
# fixed, and make check needs no clang.
# usage: fuzz-replay.sh BIN BUILD_DIR
set -u
build=${2:?build dir}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-replay.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
sh tests/fuzz/seeds.sh "$tmp" 2>/dev/null || { echo "FAIL: seeds"; exit 1; }
for r in "$build"/replay/fuzz_*; do
	h=$(basename "$r")
	case "$h" in *.d) continue ;; esac
	n=$("$r" "$tmp/$h" "tests/fuzz/regress/$h") || { echo "FAIL: $h"; exit 1; }
	echo "# $h: $n replayed"
done
