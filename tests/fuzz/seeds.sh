#!/bin/sh
# Seed corpora for the fuzz harnesses, from the repository's own data:
# the golden cases' ledgers, pages, configuration files and manifests, the
# committed ledger and configuration.  Each harness reads a prefix first
# (fuzz_extract: piece sizes; fuzz_config: which loader; fuzz_dates: the
# forecast day), so seeds are written with one.
# usage: seeds.sh OUTDIR   (makes OUTDIR/fuzz_import, fuzz_extract, ...)
set -eu
out=${1:?usage: seeds.sh OUTDIR}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
rm -rf "$out"
mkdir -p "$out/fuzz_import" "$out/fuzz_extract" "$out/fuzz_config" "$out/fuzz_dates"
n=0
for f in $(find tests/cases predictions -name '*.csv' -size -64k | sort); do
	n=$((n + 1))
	case "$f" in
	*/lexicon.csv) k='\000' ;; */horizons.csv) k='\001' ;;
	*/topics.csv) k='\002' ;; */vocabulary.csv) k='\003' ;;
	*manifest*.csv) k='\004' ;;
	*) cp "$f" "$out/fuzz_import/$n.csv"; continue ;;
	esac
	{ printf "$k"; cat "$f"; } > "$out/fuzz_config/$n.csv"
done
for f in $(find tests/cases -name '*.txt' -path '*pages*' -size -64k | sort); do
	n=$((n + 1))
	# three piece sizes (bytes 1..3 mod 97, plus one), then the page
	{ printf '\002\005\077\023'; cat "$f"; } > "$out/fuzz_extract/$n.txt"
	i=0
	# each line a date or horizon seed, counted from a day near 2017
	grep -av '^[[:space:]]*$' "$f" | head -40 | while IFS= read -r line; do
		i=$((i + 1))
		printf '\263\000%s' "$line" > "$out/fuzz_dates/$n-$i.txt"
	done
done
echo "seeds: $(find "$out" -type f | wc -l) files in $out" >&2
