#!/bin/sh
# make eval: extraction measured against the product side's labelled pages
# (../shared/devset and the five seed pages) with ../shared/tools/eval-extract.
# The project's own tests never need ../shared; this does, and says so
# loudly when it is absent.
# usage: eval.sh BIN
set -u
bin=${1:?binary}
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${LIKELY_SHARED:-$top/../shared}
tool="$shared/tools/eval-extract"
if [ ! -x "$tool" ] || [ ! -d "$shared/devset" ]; then
	echo "eval: SKIPPED -- $shared/tools/eval-extract or $shared/devset not found" >&2
	echo "eval: (set LIKELY_SHARED to the product side's shared folder)" >&2
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/likely-eval.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
# The seed set folder is assembled from corpus/ and the seed CSVs, so a
# checkout where seeds/articles is not a real link still works.
mkdir -p "$tmp/seeds"
ln -s "$shared/corpus" "$tmp/seeds/articles"
cp "$shared/seed-gold.csv" "$tmp/seeds/gold.csv"
cp "$shared/seed-negatives.csv" "$tmp/seeds/negatives.csv"
case "$bin" in /*) ;; *) bin="$top/$bin" ;; esac
show=${EVAL_SHOW:-0}
echo "== seed pages"
"$tool" --likely "$bin" --show "$show" "$tmp/seeds"
echo "== devset, text pages (issue 8's bar: precision and committed recall >= 0.90)"
"$tool" --likely "$bin" --only txt --show "$show" "$shared/devset"
echo "== devset, HTML pages (issue 9's bar: as high as the text pages, every date and author right)"
"$tool" --likely "$bin" --only html --show "$show" "$shared/devset"
