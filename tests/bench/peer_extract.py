#!/usr/bin/env python3
"""The peer of `likely extract` in `make bench`: the regex script a user
might write instead (issue 8 measures likely against it).  It reads each
page whole, splits sentences at . ! ? followed by a space, keeps those
with an estimative word or a modal, and prints them as CSV.  Standard
library only; written for speed the way a user would (one compiled regex
each, re.finditer over the whole text).

usage: peer_extract.py PAGE...
"""
import csv
import re
import sys

SENTENCE = re.compile(r"[^.!?]+[.!?]?")
CUE = re.compile(
    r"\b(likely|unlikely|probably|expected to|set to|poised to|will|won't|"
    r"may|might|could|forecasts?|predicts?|expects?|almost certainly)\b",
    re.IGNORECASE)


def main():
    out = csv.writer(sys.stdout)
    out.writerow(["file", "claim", "cue"])
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8", errors="strict") as f:
            text = f.read()
        for m in SENTENCE.finditer(text):
            s = " ".join(m.group(0).split())
            c = CUE.search(s)
            if c:
                out.writerow([path, s, c.group(0).lower()])


if __name__ == "__main__":
    main()
