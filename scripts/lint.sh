#!/bin/sh
# lint: the banned calls of STYLE.md, and cppcheck when it is installed.
# clang-format is reported as advice (it is not enforced: hand-aligned
# tables read better than what the formatter makes of them).
set -u
cd "$(dirname "$0")/.." || exit 1
status=0

banned='\b(atoi|atof|atol|sprintf|vsprintf|strcpy|strcat|strtok|gets)[[:space:]]*\('
if grep -nE "$banned" src/*.c src/*/*.c tests/unit/*.c tests/tools/*.c tests/bench/*.c 2>/dev/null; then
	echo "lint: banned call (STYLE.md: use the checked parsers and struct buf)"
	status=1
fi
# Library boundaries: who may include what.
# only_in INCLUDE ALLOWED(extended regex of paths) WHAT
only_in() {
	if grep -ln "#include <$1" src/*.c src/*/*.c include/likely/*/*.h | grep -vE "$2"; then
		echo "lint: $3"
		status=1
	fi
}
only_in 'sqlite3.h' 'src/store/' 'sqlite3.h outside the store'
only_in 'csv.h' 'src/io/csvio.c' 'csv.h outside csvio'
only_in 'libxml/' 'src/page/(html|feed).c' 'libxml2 outside html.c and feed.c'
only_in 'jansson.h' 'src/page/html.c' 'jansson.h outside html.c'
only_in 'xlsxwriter.h' 'src/report/xlsx.c' 'xlsxwriter.h outside xlsx.c'
# The layers (ARCHITECTURE.md): nothing includes a folder above its own.
if ! python3 scripts/check-layers.py; then
	echo "lint: an include goes up a layer"
	status=1
fi
if grep -nE '\bexit[[:space:]]*\(' src/*.c src/*/*.c | grep -v 'src/base/buf.c' | grep -v 'src/main.c'; then
	echo "lint: exit() outside main and the allocation wrappers"
	status=1
fi
if command -v cppcheck >/dev/null 2>&1; then
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--suppress=missingIncludeSystem -Iinclude src || status=1
fi
if command -v clang-format >/dev/null 2>&1; then
	n=$(for f in src/*.c src/*/*.c src/*/*.h include/likely/*/*.h; do
		clang-format --dry-run "$f" 2>&1 | grep -c warning
	done | awk '{s += $1} END {print s + 0}')
	echo "lint: clang-format would change $n places (advice only)"
fi
[ $status -eq 0 ] && echo "lint: clean"
exit $status
