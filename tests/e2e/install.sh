#!/bin/sh
# make install into a DESTDIR: a stripped binary that runs, the manual page
# and the bash completion where man and bash look for them; make uninstall
# removes all three.
# usage: install.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; build=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-inst.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "FAIL: $*"; exit 1; }
# run by make check: a make of our own, not a part of the caller's
unset MAKEFLAGS MFLAGS MAKELEVEL
root="$tmp/root"
make -C "$top" --no-print-directory install BIN="$bin" BUILD="$build" \
	DESTDIR="$root" PREFIX=/usr > "$tmp/log" 2>&1 || { cat "$tmp/log"; fail "make install"; }
installed="$root/usr/bin/likely"
[ -x "$installed" ] || fail "no $installed"
readelf -S "$installed" | grep -q '\.symtab' && fail "the installed binary is not stripped"
"$installed" --version | grep -q '^likely ' || fail "the installed binary does not run"
cmp -s "$root/usr/share/man/man1/likely.1" "$top/doc/likely.1" || fail "man page not installed"
cmp -s "$root/usr/share/bash-completion/completions/likely" "$top/completions/likely.bash" ||
	fail "bash completion not installed"
make -C "$top" --no-print-directory uninstall DESTDIR="$root" PREFIX=/usr > "$tmp/log" 2>&1 ||
	{ cat "$tmp/log"; fail "make uninstall"; }
[ -z "$(find "$root" -type f)" ] || fail "make uninstall left $(find "$root" -type f)"
echo "# make install: stripped binary, man page, bash completion; make uninstall removes them"
