#!/usr/bin/env python3
"""Dev check of the page reader: runs `likely read` over the devset's .txt
pages and compares the first article's date and author with INDEX.csv
(published: ISO, YYYY-MM for month-only, empty when the page gives none).

usage: scripts/check-pages.py [--likely ./likely] [--shared ../shared] [-v]
Skips (exit 0, with a message) when the devset is absent.  Standard
library only.
"""
import argparse
import csv
import os
import subprocess
import sys


def first_article(out):
    """(date, author) of the first article in `likely read` output."""
    for line in out.splitlines():
        if line.startswith("A0 "):
            date, author, _title = line[3:].split(" | ", 2)
            return ("" if date == "-" else date,
                    "" if author == "-" else author)
    return ("", "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--likely", default="./likely")
    ap.add_argument("--shared", default=os.environ.get("LIKELY_SHARED", "../shared"))
    ap.add_argument("-v", action="store_true", help="list every page")
    o = ap.parse_args()
    arts = os.path.join(o.shared, "devset", "articles")
    index = os.path.join(arts, "INDEX.csv")
    if not os.path.exists(index):
        print(f"check-pages: SKIPPED: {index} not found")
        return 0
    rows = [r for r in csv.DictReader(open(index, encoding="utf-8"))
            if r["file"].endswith(".txt")]
    dates = authors = 0
    for r in rows:
        out = subprocess.run([o.likely, "read", os.path.join(arts, r["file"])],
                             capture_output=True, text=True).stdout
        d, a = first_article(out)
        dok, aok = d == r["published"], a == r["author"]
        dates += dok
        authors += aok
        if o.v or not (dok and aok):
            print(f"{'  ' if dok else 'D '}{'  ' if aok else 'A '}{r['file']}: "
                  f"date {d or '-'} (want {r['published'] or '-'}), "
                  f"author {a or '-'} (want {r['author'] or '-'})")
    print(f"dates right: {dates}/{len(rows)}; authors right: {authors}/{len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
