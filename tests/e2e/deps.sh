#!/bin/sh
# The deps step (scripts/deps.sh) against stand-ins for dpkg-query, id,
# sudo and apt-get on a PATH of their own, so nothing is installed:
#  - everything installed: silent, exit 0, apt-get never run;
#  - packages missing, not root, no sudo: one line naming the packages and
#    the command to run as an administrator, exit 1, apt-get never run;
#  - packages missing as root: apt-get installs exactly the missing ones.
# usage: deps.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-deps.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "FAIL: $*"; exit 1; }
stubs="$tmp/bin"
mkdir "$stubs"

# dpkg-query says "installed" except for the packages named in $MISSING
cat > "$stubs/dpkg-query" <<'SH'
#!/bin/sh
for p; do :; done
case " $MISSING " in *" $p "*) echo not-installed ;; *) echo installed ;; esac
SH
# shellcheck disable=SC2016 # expanded when the stand-ins run
printf '#!/bin/sh\necho "$UID_STUB"\n' > "$stubs/id"
# shellcheck disable=SC2016
printf '#!/bin/sh\necho "apt-get $*" >> "$APT_LOG"\n' > "$stubs/apt-get"
chmod +x "$stubs"/*
deps() { env PATH="$stubs" APT_LOG="$tmp/apt.log" MISSING="$1" UID_STUB="$2" \
	/bin/sh "$top/scripts/deps.sh" > "$tmp/out" 2> "$tmp/err"; }

deps "" 1000; st=$?
[ $st -eq 0 ] || fail "all installed: exit $st"
[ -s "$tmp/out" ] || [ -s "$tmp/err" ] && fail "all installed: not silent: $(cat "$tmp/err")"
[ -e "$tmp/apt.log" ] && fail "all installed: apt-get was run"

deps "libcsv-dev make" 1000; st=$?
[ $st -eq 1 ] || fail "no sudo: exit $st, not 1"
[ -e "$tmp/apt.log" ] && fail "no sudo: apt-get was run"
[ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "no sudo: not one line: $(cat "$tmp/err")"
grep -q "missing Debian packages: make libcsv-dev .*run: apt-get update && apt-get install make libcsv-dev$" "$tmp/err" ||
	fail "no sudo: message: $(cat "$tmp/err")"

deps "libcmocka-dev" 0; st=$?
[ $st -eq 0 ] || fail "root: exit $st"
grep -q "^apt-get .* install .*--no-install-recommends libcmocka-dev$" "$tmp/apt.log" ||
	fail "root: apt-get not asked for the missing package: $(cat "$tmp/apt.log")"
echo "# deps: silent when complete; without sudo one line naming the packages and the command; as root installs the missing ones"
