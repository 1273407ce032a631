#!/bin/sh
# Runs every test -- the cmocka unit binaries, then the golden cases and
# the end-to-end scripts -- and ends with one line "N passed, N failed".
# usage: run-all.sh BUILD_DIR BIN
set -u
build=${1:?build dir}
bin=${2:?binary}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
out=$(mktemp "${TMPDIR:-/tmp}/likely-check.XXXXXX")
trap 'rm -f "$out"' EXIT INT TERM

pass=0 fail=0 skipped=0
export TZ=UTC LC_ALL=C.UTF-8

# cmocka prints its closing lines on stderr, hence 2>&1; TAP gives one
# "ok"/"not ok" line per test to count.
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$out" 2>&1
	status=$?
	p=$(grep -c '^ok ' "$out")
	f=$(grep '^not ok ' "$out" | grep -vc '# SKIP')
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or failed outside a test
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		echo "FAIL $(basename "$t")"
		cat "$out"
	else
		echo "PASS $(basename "$t") ($p tests)"
		grep -iE '^(# *)?(skip|note|seed quality)' "$out" || true
	fi
done

sh tests/run-cases.sh "$bin" >"$out" 2>&1
cat "$out" | grep -v '^PASS ' | grep -v '^cases: '
p=$(grep -c '^PASS ' "$out")
f=$(grep -c '^FAIL ' "$out")
echo "golden cases: $p passed, $f failed"
pass=$((pass + p))
fail=$((fail + f))

for e in tests/e2e/*.sh; do
	[ -f "$e" ] || continue
	if sh "$e" "$bin" "$build" >"$out" 2>&1; then
		pass=$((pass + 1))
		echo "PASS $e"
		grep '^#' "$out" || true
		# a script that could not run its checks here says "# SKIPPED: why"
		grep -q '^# SKIPPED' "$out" && skipped=$((skipped + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $e"
		cat "$out"
	fi
done

[ "$skipped" -eq 0 ] || echo "$skipped end-to-end script(s) SKIPPED part of their checks (reasons above)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
