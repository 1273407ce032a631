#!/bin/sh
# lint: the banned calls of STYLE.md, and cppcheck when it is installed.
# clang-format is reported as advice (it is not enforced: hand-aligned
# tables read better than what the formatter makes of them).
set -u
cd "$(dirname "$0")/.." || exit 1
status=0

banned='\b(atoi|atof|atol|sprintf|vsprintf|strcpy|strcat|strtok|gets)[[:space:]]*\('
if grep -nE "$banned" src/*.c src/cmd/*.c tests/unit/*.c tests/tools/*.c tests/bench/*.c 2>/dev/null; then
	echo "lint: banned call (STYLE.md: use the checked parsers and struct buf)"
	status=1
fi
# Only the store sees sqlite3.h, only csvio sees csv.h.
if grep -ln '#include <sqlite3.h>' src/*.c src/cmd/*.c include/likely/*.h | grep -v 'src/store'; then
	echo "lint: sqlite3.h outside the store"
	status=1
fi
if grep -ln '#include <csv.h>' src/*.c src/cmd/*.c include/likely/*.h | grep -v 'src/csvio.c'; then
	echo "lint: csv.h outside csvio"
	status=1
fi
# Only the HTML and feed sources see libxml2, only the HTML source jansson.
if grep -ln '#include <libxml/' src/*.c src/cmd/*.c include/likely/*.h | grep -vE 'src/(html|feed).c'; then
	echo "lint: libxml2 outside html.c and feed.c"
	status=1
fi
if grep -ln '#include <jansson.h>' src/*.c src/cmd/*.c include/likely/*.h | grep -v 'src/html.c'; then
	echo "lint: jansson.h outside html.c"
	status=1
fi
if grep -nE '\bexit[[:space:]]*\(' src/*.c src/cmd/*.c | grep -v 'src/buf.c' | grep -v 'src/main.c'; then
	echo "lint: exit() outside main and the allocation wrappers"
	status=1
fi
if command -v cppcheck >/dev/null 2>&1; then
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--suppress=missingIncludeSystem -Iinclude src src/cmd || status=1
fi
if command -v clang-format >/dev/null 2>&1; then
	n=$(for f in src/*.c src/cmd/*.c include/likely/*.h; do
		clang-format --dry-run "$f" 2>&1 | grep -c warning
	done | awk '{s += $1} END {print s + 0}')
	echo "lint: clang-format would change $n places (advice only)"
fi
[ $status -eq 0 ] && echo "lint: clean"
exit $status
