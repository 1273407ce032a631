#!/usr/bin/env python3
"""score_check: independent checks of `likely score` (standard library only).

usage:
  score_check.py vector-ledger VECTOR.csv            > ledger.csv
  score_check.py vector-compare EXPECTED.json EXACT_DIR BINS10_DIR
  score_check.py ledger-check LEDGER.csv AS_OF REPORT_DIR
  score_check.py digest LEDGER.csv REPORT_DIR

vector-ledger turns a score vector (id,author,topic,p,outcome) into a
ledger: outcome 1 -> yes, 0 -> no, partial, void; status accepted; fixed
dates (published 2020-01-01, horizon 2021-01-01, settled 2021-06-01).

vector-compare checks every figure the vectors README maps onto
scores.csv and calibration.csv, |a - e| <= max(1e-9 |e|, 1e-12), null <->
empty cell.

ledger-check recomputes, from a ledger export and with exact fractions,
every scores.csv row's counts (n, open, overdue, void, hedged) and its
Brier score, and compares forecasts.csv with the scored rows.

digest rebuilds the ledger CSV of the scored forecasts (header and their
records from the export, in ledger order) and compares its SHA-256 with the
one report.md names.

Prints "# ..." summary lines; exits 1 with "FAIL: ..." on a mismatch.
"""
import csv
import hashlib
import json
import re
import sys
from fractions import Fraction

LEDGER = ("id,file,title,published,source,url,author,topic,claim,cue,probability,"
          "horizon,horizon_phrase,status,outcome,resolved_on,evidence,note,speaker").split(",")

failures = []


def fail(msg):
    failures.append(msg)
    if len(failures) <= 30:
        print("FAIL: " + msg)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def num(cell):
    return None if cell == "" else float(cell)


def close(actual, expected):
    if expected is None or actual is None:
        return expected is None and actual is None
    return abs(actual - expected) <= max(1e-9 * abs(expected), 1e-12)


def vector_ledger(path):
    outcome = {"1": "yes", "0": "no", "partial": "partial", "void": "void"}
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(LEDGER)
    for r in read_csv(path):
        w.writerow([r["id"], "vector.txt", "vector", "2020-01-01", "vectors", "",
                    r["author"], r["topic"], "claim " + r["id"], "cue", r["p"],
                    "2021-01-01", "", "accepted", outcome[r["outcome"]], "2021-06-01",
                    "", "", ""])


def group_rows(path):
    return {(r["by"], r["author"], r["topic"]): r for r in read_csv(path)}


def calib_rows(path):
    rows = {}
    for r in read_csv(path):
        rows.setdefault((r["by"], r["author"], r["topic"]), []).append(r)
    return rows


def vector_compare(expected_path, exact_dir, bins_dir):
    exp = json.load(open(expected_path, encoding="utf-8"))
    exact = group_rows(exact_dir + "/scores.csv")
    binned = group_rows(bins_dir + "/scores.csv")
    cal_exact = calib_rows(exact_dir + "/calibration.csv")
    cal_binned = calib_rows(bins_dir + "/calibration.csv")
    groups = [(("all", "", ""), exp["overall"])]
    groups += [(("author", a, ""), g) for a, g in exp["by_author"].items()]
    groups += [(("topic", "", t), g) for t, g in exp["by_topic"].items()]
    groups += [(("author+topic", a, t), g)
               for a, ts in exp["by_author_topic"].items() for t, g in ts.items()]
    # no speakers in a vector: each author is their own forecaster
    groups += [(("forecaster", a, ""), g) for a, g in exp["by_author"].items()]
    groups += [(("forecaster+topic", a, t), g)
               for a, ts in exp["by_author_topic"].items() for t, g in ts.items()]
    compared = 0

    def check(where, actual_cell, expected):
        nonlocal compared
        compared += 1
        actual = num(actual_cell)
        if not close(actual, expected):
            fail(f"{expected_path}: {where}: got {actual_cell!r}, want {expected!r}")

    for key, g in groups:
        name = "/".join(k for k in key if k)
        for run, rows in (("exact", exact), ("bins10", binned)):
            row = rows.get(key)
            if row is None:
                fail(f"{expected_path}: no scores.csv row {key} ({run})")
                continue
            for col, val in (("n", g["n"]), ("void", g["n_void"]), ("base_rate", g["base_rate"]),
                             ("mean_probability", g["mean_p"]), ("brier", g["brier"]),
                             ("skill", g["brier_skill_score"]), ("log_score", g["log_loss"]),
                             ("spiegelhalter_z", g["spiegelhalter"]["z"]),
                             ("spiegelhalter_p", g["spiegelhalter"]["p_value"])):
                check(f"{name} {run} {col}", row[col], val)
            murphy = g["murphy_classic"] if run == "exact" else g["murphy_binned"]
            for col in ("reliability", "resolution", "uncertainty"):
                check(f"{name} {run} {col}", row[col], murphy[col])
            if run == "exact":
                for col in ("within_bin_variance", "within_bin_covariance"):
                    check(f"{name} {run} {col}", row[col], 0.0)
            else:
                for col in ("within_bin_variance", "within_bin_covariance"):
                    check(f"{name} {run} {col}", row[col], murphy[col])
                check(f"{name} {run} ece", row["ece"], g["ece"])
        # calibration, exact bins: one row per stated probability
        rows = cal_exact.get(key, [])
        want = g["calibration_by_value"]
        if len(rows) != len(want):
            fail(f"{expected_path}: {name}: {len(rows)} exact calibration rows, want {len(want)}")
        for r, e in zip(rows, want):
            where = f"{name} exact bin p={e['p']}"
            for col, val in (("bin_low", e["p"]), ("bin_high", e["p"]), ("n", e["n"]),
                             ("mean_probability", e["p"]), ("observed", e["obs_freq"]),
                             ("observed_low", e["wilson_lo"]), ("observed_high", e["wilson_hi"])):
                check(f"{where} {col}", r[col], val)
        # calibration, 10 bins: the occupied bins, in order
        rows = cal_binned.get(key, [])
        want = [e for e in g["calibration_table"] if e["n"] > 0]
        if len(rows) != len(want):
            fail(f"{expected_path}: {name}: {len(rows)} binned calibration rows, want {len(want)}")
        for r, e in zip(rows, want):
            where = f"{name} bin [{e['lo']},{e['hi']}]"
            for col, val in (("bin_low", e["lo"]), ("bin_high", e["hi"]), ("n", e["n"]),
                             ("mean_probability", e["mean_p"]), ("observed", e["obs_freq"]),
                             ("observed_low", e["wilson_lo"]),
                             ("observed_high", e["wilson_hi"])):
                check(f"{where} {col}", r[col], val)
    # nothing reported that the oracle does not know
    known = {k for k, _ in groups}
    for key, row in exact.items():
        if key not in known:
            fail(f"{expected_path}: unexpected scores.csv row {key}")
    print(f"# {expected_path.rsplit('/', 1)[-1]}: {compared} figures agree")


def forecaster(r):
    """The speaker, else the author: spaces collapsed, a title and a
    trailing affiliation dropped (README, "Scoring groups")."""
    name = " ".join((r.get("speaker") or r["author"]).split())
    name = name.split(",")[0].strip()
    words = name.split(" ")
    while len(words) > 1 and words[0] in ("Dr", "Dr.", "Prof", "Prof.", "Professor", "Mr",
                                          "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Sir", "Dame"):
        words = words[1:]
    return " ".join(words)


def topics_of(cell):
    out = []
    for t in cell.split(";"):
        t = t.strip(" \t")
        if t and t not in out:
            out.append(t)
    return out or [""]


def ledger_check(ledger_path, as_of, report_dir):
    """Counts and Brier per group from the SPEC §6 rules, in exact arithmetic."""
    half = {"yes": Fraction(1), "no": Fraction(0), "partial": Fraction(1, 2)}
    groups = {}
    scored_ids = []

    def g(key):
        return groups.setdefault(key, {"n": 0, "open": 0, "overdue": 0, "void": 0,
                                       "hedged": 0, "sum": Fraction(0)})

    for r in read_csv(ledger_path):
        if r["status"] != "accepted" or r["published"] > as_of:
            continue
        hedged = r["probability"] == ""
        settled = r["outcome"] != "" and r["resolved_on"] <= as_of
        who = forecaster(r).lower()
        keys = [("all", "", ""), ("author", r["author"], ""), ("forecaster", who, "")]
        for t in topics_of(r["topic"]):
            keys += [("topic", "", t), ("author+topic", r["author"], t),
                     ("forecaster+topic", who, t)]
        for k in keys:
            c = g(k)
            c["hedged"] += hedged
            if not settled:
                c["overdue" if r["horizon"] and r["horizon"] < as_of else "open"] += 1
            elif r["outcome"] == "void":
                c["void"] += 1
            elif not hedged:
                d = Fraction(r["probability"]) - half[r["outcome"]]
                c["n"] += 1
                c["sum"] += d * d
        if settled and not hedged and r["outcome"] != "void":
            scored_ids.append(r["id"])
    rows = {(k[0], k[1].lower() if k[0].startswith("forecaster") else k[1], k[2]): v
            for k, v in group_rows(report_dir + "/scores.csv").items()}
    if set(rows) != set(groups):
        fail(f"groups differ: only in scores.csv {sorted(set(rows) - set(groups))[:5]}, "
             f"only in the ledger {sorted(set(groups) - set(rows))[:5]}")
    for key, c in groups.items():
        row = rows.get(key)
        if not row:
            continue
        for col in ("n", "open", "overdue", "void", "hedged"):
            if int(row[col]) != c[col]:
                fail(f"{key} {col}: got {row[col]}, want {c[col]}")
        want = float(c["sum"] / c["n"]) if c["n"] else None
        if not close(num(row["brier"]), want):
            fail(f"{key} brier: got {row['brier']}, want {want!r}")
    got_ids = [r["id"] for r in read_csv(report_dir + "/forecasts.csv")]
    if got_ids != scored_ids:
        fail(f"forecasts.csv: {len(got_ids)} rows, want the {len(scored_ids)} scored ones in order")
    print(f"# {len(groups)} groups: counts and Brier agree with an exact recomputation;"
          f" forecasts.csv holds the {len(scored_ids)} scored forecasts in ledger order")


def records(text):
    """Physical records of a CSV text (quoted newlines kept), with their bytes."""
    out, cur = [], ""
    for line in text.splitlines(keepends=True):
        cur += line
        if cur.count('"') % 2 == 0:
            out.append(cur)
            cur = ""
    return out


def digest(ledger_path, report_dir):
    with open(ledger_path, newline="", encoding="utf-8") as f:
        recs = records(f.read())
    ids = {r["id"] for r in read_csv(report_dir + "/forecasts.csv")}
    keep = [r for r in recs[1:] if next(csv.reader([r]))[0] in ids]
    want = hashlib.sha256((recs[0] + "".join(keep)).encode("utf-8")).hexdigest()
    md = open(report_dir + "/report.md", encoding="utf-8").read()
    m = re.search(r"SHA-256 `([0-9a-f]{64})`", md)
    if not m:
        fail("report.md names no SHA-256")
    elif m.group(1) != want:
        fail(f"digest: report.md says {m.group(1)}, the scored records give {want}")
    else:
        print(f"# the digest in report.md is the SHA-256 of the {len(keep)} scored records")


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "vector-ledger" and len(argv) == 3:
        vector_ledger(argv[2])
    elif cmd == "vector-compare" and len(argv) == 5:
        vector_compare(*argv[2:])
    elif cmd == "ledger-check" and len(argv) == 5:
        ledger_check(*argv[2:])
    elif cmd == "digest" and len(argv) == 4:
        digest(*argv[2:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
