#!/bin/sh
# Memory stays bounded on large HTML pages and feeds: a generated 40 MB
# HTML page (markup, boilerplate, article text) and a 40 MB RSS feed are
# streamed from stdin through `likely read`, and the peak memory of each
# run must stay under 64 MiB (1 GiB under the sanitizers) (it is about 10 MiB; a reader that held the
# page would need hundreds).  The page's last paragraph must be read too.
# usage: html-memory.sh BIN BUILD_DIR
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=$1; case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
build=${2:-build}
# under AddressSanitizer (make sanitize) the shadow memory and the
# quarantine come on top: the bound is checked loosely there
limit=64
case "$build" in *san*) limit=1024 ;; esac
python3 - "$bin" "$limit" <<'PY'
import subprocess, sys
LIMIT = int(sys.argv[2])

def hwm(pid):
    """The child's peak resident memory so far, in MiB (VmHWM)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0

def run(kind, head, item, tail, mb=40):
    p = subprocess.Popen([sys.argv[1], "read", "-"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    import threading
    last = [b""]
    def drain():
        for chunk in iter(lambda: p.stdout.read(65536), b""):
            last[0] = (last[0] + chunk)[-4096:]
    t = threading.Thread(target=drain)
    t.start()
    p.stdin.write(head.encode())
    n, peak, step = 0, 0, 0
    while n < mb << 20:
        p.stdin.write(item)
        n += len(item)
        if n >> 20 != step:
            step = n >> 20
            peak = max(peak, hwm(p.pid))
    p.stdin.write(tail.encode())
    p.stdin.flush()
    peak = max(peak, hwm(p.pid))
    p.stdin.close()
    t.join()
    rc = p.wait()
    if rc != 0:
        sys.exit(f"FAIL: {kind}: exit {rc}")
    if b"The last paragraph will probably be read." not in last[0]:
        sys.exit(f"FAIL: {kind}: the last paragraph was not read")
    if peak > LIMIT:
        sys.exit(f"FAIL: {kind}: peak memory {peak} MiB for {mb} MB (limit {LIMIT})")
    print(f"# {kind}: {mb} MB read with a peak of {peak} MiB")

para = ("<p>The central bank met on <a href=\"/m\">Monday</a> and reported a fall in "
        "output; rates are <em>likely</em> to rise next year.</p>\n"
        "<div class=\"share\"><a href=\"#\">Share</a></div>\n").encode()
run("HTML page",
    "<!DOCTYPE html><html><head><title>t</title></head><body><article>"
    "<h1>Rates likely to rise</h1>\n", para,
    "<p>The last paragraph will probably be read.</p></article></body></html>\n")
item = ("<item><title>Rates likely to rise</title><pubDate>Tue, 04 Mar 2025 08:30:00 "
        "+0200</pubDate><description>&lt;p&gt;Rates are likely to rise next year."
        "&lt;/p&gt;</description></item>\n").encode()
run("RSS feed", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>\n", item,
    "<item><title>Last</title><description>The last paragraph will probably be "
    "read.</description></item></channel></rss>\n")
PY
