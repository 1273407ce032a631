#!/bin/sh
# The golden runner itself: a passing case passes, a changed output fails
# with its diff, and a folder without cmd fails the run (it would
# otherwise never run, as tests/cases/extract/pages once did).
# usage: golden-runner.sh BIN
set -u
bin=${1:?binary}
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-runner.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
fails=0
check() { # NAME CONDITION...
	name=$1; shift
	if "$@"; then echo "ok: $name"; else echo "FAIL: $name"; fails=$((fails + 1)); fi
}

mkdir -p "$tmp/cases/demo/good/expected"
echo 'echo hello' > "$tmp/cases/demo/good/cmd"
printf 'hello\n' > "$tmp/cases/demo/good/expected/stdout"
: > "$tmp/cases/demo/good/expected/stderr"
echo 0 > "$tmp/cases/demo/good/expected/status"
LIKELY_CASES="$tmp/cases" sh "$top/tests/run-cases.sh" "$bin" > "$tmp/out1" 2>&1
check "a good case passes" [ $? -eq 0 ]
check "and is counted" grep -q 'cases: 1 passed, 0 failed' "$tmp/out1"

printf 'bye\n' > "$tmp/cases/demo/good/expected/stdout"
LIKELY_CASES="$tmp/cases" sh "$top/tests/run-cases.sh" "$bin" > "$tmp/out2" 2>&1
check "a changed output fails" [ $? -ne 0 ]
check "with its diff" grep -q '^-bye' "$tmp/out2"
printf 'hello\n' > "$tmp/cases/demo/good/expected/stdout"

mkdir -p "$tmp/cases/demo/orphan"
echo data > "$tmp/cases/demo/orphan/page.txt"
LIKELY_CASES="$tmp/cases" sh "$top/tests/run-cases.sh" "$bin" > "$tmp/out3" 2>&1
check "a folder without cmd fails the run" [ $? -ne 0 ]
check "naming it" grep -q 'FAIL demo/orphan: no cmd file' "$tmp/out3"
[ $fails -eq 0 ]
