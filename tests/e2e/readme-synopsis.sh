#!/bin/sh
# The README's command table and the program's own usage lines say the
# same: every "usage:" line of `likely COMMAND --help` is the first cell
# of a row of the table (with `\|` for | and … for ...), and every row is
# one of them.  They had drifted before this test.
# usage: readme-synopsis.sh BIN
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:?binary}; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-synopsis.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# the commands, from the program's own list
"$bin" --help | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }' \
	> "$tmp/commands"
[ -s "$tmp/commands" ] || { echo "FAIL: no commands in likely --help"; exit 1; }
while read -r c; do
	"$bin" "$c" --help | sed -n 's/^usage: likely //p; s/^       likely //p'
done < "$tmp/commands" | sort > "$tmp/help"

# the README's table: the first cell of each row of the "## Commands" table
awk '/^## Commands/ { on = 1; next } on && /^## / { exit }
     on && /^\| `/ { sub(/^\| `/, ""); sub(/` \|.*/, ""); print }' "$top/README.md" |
	sed 's/\\|/|/g; s/…/.../g' | sort > "$tmp/readme"

if ! diff -u "$tmp/help" "$tmp/readme" > "$tmp/diff"; then
	echo "FAIL: the README's command table and --help differ (- help, + README):"
	cat "$tmp/diff"
	exit 1
fi
echo "ok: $(wc -l < "$tmp/help") usage lines agree"
