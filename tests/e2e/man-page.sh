#!/bin/sh
# The manual page doc/likely.1 is what scripts/gen-man.py makes from the
# binary's --help texts and doc/likely.1.in (it fails as soon as a help
# text changes without `make man`), and mandoc finds nothing wrong in it.
# usage: man-page.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-man.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 "$top/scripts/gen-man.py" "$bin" "$top/doc/likely.1.in" > "$tmp/likely.1" ||
	{ echo "FAIL: scripts/gen-man.py"; exit 1; }
if ! cmp -s "$top/doc/likely.1" "$tmp/likely.1"; then
	diff -u "$top/doc/likely.1" "$tmp/likely.1" | head -30
	echo "FAIL: doc/likely.1 differs from likely --help: run make man and commit doc/likely.1"
	exit 1
fi
mandoc -Tlint -W warning "$top/doc/likely.1" || { echo "FAIL: mandoc -Tlint doc/likely.1"; exit 1; }
n=$(grep -c '^\.SS ' "$top/doc/likely.1")
echo "# doc/likely.1 matches --help ($n commands) and passes mandoc -Tlint"
