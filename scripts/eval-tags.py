#!/usr/bin/env python3
"""Per-phenomenon extraction figures on a labelled set with tags.csv
(../shared/devset): for each tag, how many labelled forecasts were found
(gold tags) or how many hard negatives were wrongly taken (negative tags).
Sentences match as in eval-extract: one contains the other and is at
least 60% of its length, or they share 70% of their words.

usage: eval-tags.py LIKELY SET_DIR [txt|html]
"""
import collections
import csv
import glob
import os
import re
import subprocess
import sys
import tempfile


def norm(s):
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'),
                 ("\u201d", '"'), ("\u2013", "-"), ("\u2014", "-"),
                 ("\u00a0", " ")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip().lower()


def same(a, b):
    if a in b or b in a:
        return min(len(a), len(b)) >= 0.6 * max(len(a), len(b))
    wa, wb = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return len(wa & wb) / max(1, len(wa | wb)) >= 0.7


def main():
    likely, set_dir = sys.argv[1], sys.argv[2]
    kind = sys.argv[3] if len(sys.argv) > 3 else "txt"
    pages = sorted(glob.glob(os.path.join(set_dir, "articles", "*." + kind)))
    with tempfile.TemporaryDirectory() as d:
        out = subprocess.run([likely, "--db", os.path.join(d, "t.db"), "extract",
                              "--dry-run", *pages], capture_output=True,
                             text=True).stdout
    got = collections.defaultdict(list)
    for r in csv.DictReader(out.splitlines()):
        got[os.path.basename(r["file"])].append(norm(r["claim"]))
    names = {os.path.basename(p) for p in pages}
    found, total = collections.Counter(), collections.Counter()
    with open(os.path.join(set_dir, "tags.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["file"] not in names:
                continue
            hit = any(same(norm(r["sentence"]), g) for g in got[r["file"]])
            for t in r["tags"].split():
                key = (r["label"], t)
                total[key] += 1
                found[key] += hit
    print(f"{'label':9} {'tag':10} {'taken':>6} {'of':>4}")
    for key in sorted(total):
        print(f"{key[0]:9} {key[1]:10} {found[key]:6} {total[key]:4}")


if __name__ == "__main__":
    main()
