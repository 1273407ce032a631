#!/bin/sh
# The bash completion (completions/likely.bash), sourced into bash with the
# binary under test as `likely` on PATH: commands, options of a command,
# the choices of an option, global options, a command after --db.
# usage: completion.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-compl.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/bin" && ln -s "$bin" "$tmp/bin/likely"
cat > "$tmp/try.bash" <<'SH'
. "$1"
t() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _likely; echo "$*|${COMPREPLY[*]}"; }
t likely sc
t likely re
t likely list --st
t likely extract --dry
t likely score --bins ''
t likely resolve x --outcome p
t likely list --format ''
t likely --ver
t likely --db x.db li
t likely export -o ''
SH
cat > "$tmp/want" <<'TXT'
likely sc|score
likely re|read reject resolve review
likely list --st|--status
likely extract --dry|--dry-run
likely score --bins |exact
likely resolve x --outcome p|partial
likely list --format |table csv
likely --ver|--version
likely --db x.db li|list
likely export -o |
TXT
PATH="$tmp/bin:$PATH" bash "$tmp/try.bash" "$top/completions/likely.bash" > "$tmp/got" 2>&1
if ! cmp -s "$tmp/want" "$tmp/got"; then
	diff -u "$tmp/want" "$tmp/got"
	echo "FAIL: completions/likely.bash"
	exit 1
fi
bash -c ". '$top/completions/likely.bash' && complete -p likely" | grep -q "_likely likely$" ||
	{ echo "FAIL: the completion is not registered for likely"; exit 1; }
echo "# bash completion: commands, options, option choices, global options"
