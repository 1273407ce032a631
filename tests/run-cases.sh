#!/bin/sh
# Golden-case runner.  Each tests/cases/<command>/<case>/ holds:
#   cmd              a sh script run in a fresh copy of the case folder
#                    (`likely` on PATH is the binary under test)
#   any input files  used by cmd
#   expected/stdout, expected/stderr, expected/status
#   expected/files/  files cmd must leave behind, compared byte for byte
# The environment is pinned (TZ, LC_ALL, the database, the clock) so no
# case depends on the machine.  A mismatch prints `diff -u`.
#
# usage: [LIKELY_CASES=DIR] run-cases.sh [--update] BIN [PATTERN]
#   PATTERN selects cases whose <command>/<case> name contains it.
#   --update rewrites the expected files (review the diff before committing).
set -u

update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
bin=${1:?usage: run-cases.sh [--update] BIN [PATTERN]}
pattern=${2:-}
top=$(cd "$(dirname "$0")/.." && pwd)
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-cases.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/bin"
ln -s "$bin" "$tmp/bin/likely"

# Compares WANT with GOT, saying LABEL differs, or WHY when one of them
# is missing; clears ok on a mismatch.
same() {
	if [ ! -f "$1" ] || [ ! -f "$2" ]; then
		echo "FAIL $name: $4"
		ok=0
	elif ! cmp -s "$1" "$2"; then
		echo "FAIL $name: $3 differs"
		diff -u "$1" "$2" | head -40
		ok=0
	fi
}

pass=0 fail=0
cases=${LIKELY_CASES:-$top/tests/cases} # another tree: the runner's own test
for dir in "$cases"/*/*/; do
	[ -d "$dir" ] || continue # no case at all
	dir=${dir%/}
	name=${dir#"$cases"/}
	case "$name" in *"$pattern"*) ;; *) continue ;; esac
	if [ ! -f "$dir/cmd" ]; then
		# a folder without cmd would never run: a case lost its script,
		# or data sits where cases go
		echo "FAIL $name: no cmd file (every folder here is a case)"
		fail=$((fail + 1))
		continue
	fi

	work="$tmp/work"
	rm -rf "$work"
	mkdir -p "$work"
	(cd "$dir" && tar cf - --exclude=./expected .) | (cd "$work" && tar xf -)
	(
		cd "$work" || exit 99
		env -i PATH="$tmp/bin:/usr/bin:/bin" HOME="$work" TZ=UTC \
			LC_ALL=C.UTF-8 LIKELY_DB=test.db SOURCE_DATE_EPOCH=1700000000 \
			TOP="$top" \
			ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
			sh ./cmd >"$tmp/stdout" 2>"$tmp/stderr" </dev/null
		echo $? >"$tmp/status"
	)
	if [ $update -eq 1 ]; then
		mkdir -p "$dir/expected"
		cp "$tmp/stdout" "$tmp/stderr" "$tmp/status" "$dir/expected/"
		if [ -d "$dir/expected/files" ]; then
			for f in $(cd "$dir/expected/files" && find . -type f); do
				cp "$work/$f" "$dir/expected/files/$f"
			done
		fi
		echo "UPDATED $name"
		continue
	fi
	ok=1
	for part in stdout stderr status; do
		same "$dir/expected/$part" "$tmp/$part" "$part" "expected/$part is missing (make golden-update)"
	done
	if [ -d "$dir/expected/files" ]; then
		for f in $(cd "$dir/expected/files" && find . -type f | sort); do
			same "$dir/expected/files/$f" "$work/$f" "$f" "$f was not written"
		done
	fi
	if [ $ok -eq 1 ]; then
		pass=$((pass + 1))
		echo "PASS $name"
	else
		fail=$((fail + 1))
	fi
done
echo "cases: $pass passed, $fail failed"
[ $fail -eq 0 ]
