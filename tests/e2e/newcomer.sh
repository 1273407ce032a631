#!/bin/sh
# A newcomer's clone has nothing beside it: no test, golden case or
# script that make check or build-belarus-ledger.sh runs reads ../shared
# (or $LIKELY_SHARED); only make eval's scripts may, and they skip without
# it.  And the README's first lines say what must be there before the two
# commands (git, make, root or sudo) and how to get the code.
# usage: newcomer.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
hits=$(grep -rlE '\.\./shared|LIKELY_SHARED' tests/run-all.sh tests/run-cases.sh tests/e2e \
	tests/unit tests/cases tests/tools tests/fuzz scripts/build-belarus-ledger.sh \
	scripts/report.sh scripts/deps.sh 2>/dev/null | grep -v '^tests/e2e/newcomer.sh$')
[ -z "$hits" ] || fail "these read ../shared, which a clone does not have: $hits"
head=$(sed -n '1,/^    make check/p' README.md)
for word in git make sudo root "git clone"; do
	printf '%s\n' "$head" | grep -q "$word" || fail "the README's first lines do not mention '$word'"
done
echo "# nothing make check runs reads ../shared; the README starts with what a newcomer needs"
