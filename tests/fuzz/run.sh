#!/bin/sh
# make fuzz: runs each libFuzzer harness for SECONDS from the seed corpus
# (tests/fuzz/seeds.sh) plus the kept crash inputs, and prints each one's
# executions.  A crash stops that harness and fails the run; its input is
# in BUILD/crashes/HARNESS/ -- fix the bug, then keep the input in
# tests/fuzz/regress/HARNESS/ so make check replays it.
# usage: run.sh BUILD SECONDS [HARNESS...]
set -u
build=${1:?usage: run.sh BUILD SECONDS [HARNESS...]}
seconds=${2:-60}
shift 2
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
names=${*:-$(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')}
sh tests/fuzz/seeds.sh "$build/seeds" 2>/dev/null
failed=0
for h in $names; do
	corpus="$build/corpus/$h"
	crashes="$build/crashes/$h"
	mkdir -p "$corpus" "$crashes"
	[ -d "tests/fuzz/regress/$h" ] && cp "tests/fuzz/regress/$h"/* "$corpus"/ 2>/dev/null
	log="$build/$h.log"
	ASAN_OPTIONS="detect_leaks=1:abort_on_error=0" \
		"$build/fuzzer/$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" \
		"$corpus" "$build/seeds/$h" >"$log" 2>&1
	status=$?
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
	if [ $status -ne 0 ]; then
		failed=$((failed + 1))
		echo "FAIL $h after ${execs:-?} executions (exit $status); input in $crashes/"
		grep -m1 -E 'ERROR|property failed|runtime error' "$log"
	else
		echo "PASS $h: ${execs:-?} executions in ${seconds} s, corpus $(ls "$corpus" | wc -l) inputs"
	fi
done
[ $failed -eq 0 ]
