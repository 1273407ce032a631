# lib.sh: what the make bench scripts read off a tests/bench/measure.py
# line ("LABEL: S s, peak M MiB, cpu C s ..."), sourced by each of them.

# LINE -> S, the seconds before "s,"
secs() { echo "$1" | awk '{ for (i = 1; i <= NF; i++) if ($i == "s,") { print $(i-1); exit } }'; }

# ROWS LINE -> LINE and its rows per second
rate() { awk -v n="$1" -v s="$(secs "$2")" -v line="$2" \
	'BEGIN { printf "%s  (%.0f rows/s)\n", line, n / s }'; }

# BYTES LINE -> LINE and its MB per second
mbps() { awk -v b="$1" -v s="$(secs "$2")" -v line="$2" \
	'BEGIN { printf "%s  (%.1f MB/s)\n", line, b / s / 1e6 }'; }
