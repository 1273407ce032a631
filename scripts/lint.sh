#!/bin/sh
# lint: the banned calls of STYLE.md, library boundaries, the layers of
# ARCHITECTURE.md, cppcheck, and the formatting of .clang-format (word
# tables that read better packed sit between clang-format off and on).
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
# One formatting (.clang-format), applied once and kept: any file that
# clang-format would change fails, with the first differences shown.
if command -v clang-format >/dev/null 2>&1; then
	unformatted=""
	for f in src/*.c src/*/*.c src/*/*.h include/likely/*/*.h; do
		clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || unformatted="$unformatted $f"
	done
	if [ -n "$unformatted" ]; then
		for f in $unformatted; do
			clang-format "$f" | diff -u "$f" - | head -20
		done
		echo "lint: not formatted as .clang-format says (run clang-format -i on them):$unformatted"
		status=1
	fi
else
	echo "lint: clang-format is not installed (make lint installs it)"
	status=1
fi
[ $status -eq 0 ] && echo "lint: clean"
exit $status
