#!/usr/bin/python3
"""peer_score: the pandas script a user would write instead of `likely
import` + `likely score`, for the bench to time beside them.

usage: peer_score.py LEDGER.csv AS_OF OUT.csv
       peer_score.py --compare OUT.csv SCORES.csv

Reads the ledger CSV and writes, per group, the number of scored forecasts
and their Brier score, for the groups of likely's scores.csv that need no
name folding: all, author, topic and author+topic.  A forecast is scored
as `likely score --as-of AS_OF` scores it (README, Scoring): accepted,
published by AS_OF (a month-only date counting as its last day), settled
yes, no or partial (0.5) on or before AS_OF, and with a probability.  A
cell of topics counts in each of its ';'-separated topics, trimmed, empty
parts and repeats dropped; no topic at all is the topic "".

--compare checks every group of OUT.csv against likely's scores.csv (the
same n, the Brier within 1e-12) and says how many agree; it is the
bench's proof that the two compute the same thing, and is not timed.
Needs Debian's python3-pandas, hence /usr/bin/python3.
"""
import sys

import pandas as pd


def score(ledger, as_of, out):
    df = pd.read_csv(ledger, dtype=str, keep_default_na=False)
    published = df["published"]
    month = published.str.len() == 7
    if month.any():
        last = pd.to_datetime(published[month] + "-01") + pd.offsets.MonthEnd(0)
        published = published.copy()
        published[month] = last.dt.strftime("%Y-%m-%d")
    half = df["outcome"].map({"no": 0.0, "partial": 0.5, "yes": 1.0})
    scored = ((df["status"] == "accepted") & (published != "") & (published <= as_of)
              & half.notna() & (df["resolved_on"] != "") & (df["resolved_on"] <= as_of)
              & (df["probability"] != ""))
    df = df[scored]
    se = (df["probability"].astype(float) - half[scored]) ** 2
    rows = pd.DataFrame({"author": df["author"], "topic": df["topic"], "se": se})

    # one row per (forecast, topic)
    topics = rows["topic"].str.split(";").explode().str.strip(" \t")
    per_topic = rows.drop(columns="topic").join(topics)
    per_topic = per_topic[per_topic["topic"] != ""]
    per_topic = per_topic.reset_index().drop_duplicates(["index", "topic"])
    no_topic = rows.index.difference(per_topic["index"])
    if len(no_topic):
        lone = rows.loc[no_topic].assign(topic="").reset_index()
        per_topic = pd.concat([per_topic, lone], ignore_index=True)

    parts = [pd.DataFrame({"by": ["all"], "author": [""], "topic": [""],
                           "n": [len(rows)], "brier": [rows["se"].mean()]})]
    for by, frame, keys in (("author", rows, ["author"]), ("topic", per_topic, ["topic"]),
                            ("author+topic", per_topic, ["author", "topic"])):
        g = frame.groupby(keys, sort=True)["se"].agg(["size", "mean"]).reset_index()
        g = g.rename(columns={"size": "n", "mean": "brier"})
        for k in ("author", "topic"):
            if k not in g:
                g[k] = ""
        g["by"] = by
        parts.append(g[["by", "author", "topic", "n", "brier"]])
    pd.concat(parts, ignore_index=True).to_csv(out, index=False)


def compare(out, scores):
    mine = pd.read_csv(out, dtype={"author": str, "topic": str}, keep_default_na=False)
    theirs = pd.read_csv(scores, dtype={"author": str, "topic": str}, keep_default_na=False)
    both = mine.merge(theirs, on=["by", "author", "topic"], how="left",
                      suffixes=("", "_likely"), indicator=True)
    ok = ((both["_merge"] == "both") & (both["n"] == both["n_likely"])
          & ((both["brier"] - both["brier_likely"]).abs() <= 1e-12))
    bad = both[~ok]
    print(f"peer and likely agree on {int(ok.sum())} of {len(both)} groups (n and Brier)")
    if len(bad):
        print(bad.head(5).to_string())
        sys.exit(1)


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        score(sys.argv[1], sys.argv[2], sys.argv[3])
