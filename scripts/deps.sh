#!/bin/sh
# deps: make sure the Debian packages the build and the tests need are
# installed; install only what is missing, say what, and stay silent (and
# fast: one dpkg-query) when everything is there.
set -eu

packages="gcc make pkg-config libsqlite3-dev libcsv-dev libcmocka-dev python3 libxml2-utils libxml2-dev libjansson-dev"
# locales: the locale sources, from which tests/e2e/score-locale.sh compiles
# a comma-decimal locale into a private directory.
packages="$packages locales"
# mandoc: tests/e2e/man-page.sh checks the manual page with mandoc -Tlint.
packages="$packages mandoc"
# libxlsxwriter-dev: scorecard.xlsx; libreoffice-calc-nogui: tests/e2e/
# score-workbook.sh opens that workbook with LibreOffice headless.
packages="$packages libxlsxwriter-dev libreoffice-calc-nogui"
# `deps.sh fuzz` (make fuzz) adds clang and its libFuzzer runtime, and
# `deps.sh bench` (make bench) the peers the import and score figures are
# set against: the sqlite3 shell and pandas (Debian's, for /usr/bin/python3);
# the rest of the build never needs them.  `deps.sh lint` (make lint) adds
# clang-format and cppcheck.
case "${1:-}" in
fuzz) packages="$packages clang libclang-rt-dev" ;;
lint) packages="$packages clang-format cppcheck" ;;
bench) packages="$packages sqlite3 python3-pandas" ;;
esac

missing=""
for p in $packages; do
	status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$status" = "installed" ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	# one line a newcomer can act on: what is missing, what to run as root
	echo "deps: missing Debian packages:$missing -- as root (or an administrator) run: apt-get update && apt-get install$missing" >&2
	exit 1
fi
echo "deps: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# Another apt may hold the dpkg lock on a fresh machine; wait for it.
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
# shellcheck disable=SC2086
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >&2
