#!/usr/bin/env python3
"""workbook_check: independent checks of scorecard.xlsx (standard library only).

usage:
  workbook_check.py cells XLSX REPORT_DIR
  workbook_check.py converted CONV_PREFIX REPORT_DIR

cells reads the workbook's XML itself (zipfile + ElementTree): the four
sheets in order (scores, calibration, forecasts, trend); no cell anywhere
holds a formula (<f>); every cell of the forecasts sheet whose ledger text
starts with = + - @ is a string cell holding exactly that text; frozen
header, autofilter and column widths on every sheet; a native chart on the
calibration sheet; docProps dated by the as-of date, not the clock.

converted reads the CSV files LibreOffice wrote from the workbook
(soffice --convert-to csv, every sheet, text cells quoted, values not as
shown) and compares them with scores.csv, calibration.csv, forecasts.csv
and trend.csv: text cells arrive as (quoted) text, numbers as unquoted
numbers with the very value of the CSV file, percentages as "70%"-style
numbers, dates as unquoted ISO dates.

Prints "# ..." summary lines; exits 1 with "FAIL: ..." on a mismatch.
"""
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_check import fail, failures  # noqa: E402  one failure list and format

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
SHEETS = ["scores", "calibration", "forecasts", "trend"]


def cell_text(c):
    t = c.get("t")
    if t == "inlineStr":
        return "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"]))
    v = c.find("m:v", NS)
    return None if v is None else v.text


def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def sheet_rows(z, i):
    root = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % (i + 1)))
    rows = []
    for row in root.iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            cells[col_index(c.get("r"))] = c
        rows.append(cells)
    return root, rows


def check_cells(xlsx, report_dir):
    z = zipfile.ZipFile(xlsx)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    names = [s.get("name") for s in wb.iter("{%s}sheet" % NS["m"])]
    if names != SHEETS:
        fail("sheets are %s, expected %s" % (names, SHEETS))
    for i, name in enumerate(names):
        root, rows = sheet_rows(z, i)
        if list(root.iter("{%s}f" % NS["m"])):
            fail("%s: a cell holds a formula" % name)
        pane = root.find(".//m:pane", NS)
        if pane is None or pane.get("state") != "frozen" or pane.get("ySplit") != "1":
            fail("%s: the header row is not frozen" % name)
        if root.find("m:autoFilter", NS) is None:
            fail("%s: no autofilter" % name)
        if root.find("m:cols", NS) is None:
            fail("%s: no column widths" % name)
    # the forecasts sheet against forecasts.csv, cell by cell: every text
    # cell a string, whatever its first character
    want = [[text for _, text in row] for row in raw_fields(report_dir + "/forecasts.csv")]
    _, rows = sheet_rows(z, 2)
    if len(rows) != len(want):
        fail("forecasts: %d rows, forecasts.csv has %d" % (len(rows), len(want)))
    guarded = 0
    for r, (cells, line) in enumerate(zip(rows[1:], want[1:]), start=2):
        for c, text in enumerate(line):
            if not text.startswith("'") or text[1:2] not in ("=", "+", "-", "@"):
                continue
            cell = cells.get(c)
            if cell is None or cell.get("t") != "inlineStr":
                fail("forecasts row %d col %d: %r is not a string cell" % (r, c, text[1:]))
            elif cell_text(cell) != text[1:]:
                fail("forecasts row %d col %d: %r, expected %r" % (r, c, cell_text(cell), text[1:]))
            guarded += 1
    if guarded == 0:
        fail("forecasts: no text starting with = + - @ to check")
    if "xl/charts/chart1.xml" not in z.namelist():
        fail("no native chart")
    else:
        chart = z.read("xl/charts/chart1.xml").decode()
        if "scatterChart" not in chart or "calibration!$H$2" not in chart:
            fail("the chart is not a scatter of calibration!H (mean probability)")
    core = z.read("docProps/core.xml").decode()
    m = re.search(r"<dcterms:created[^>]*>([^<]*)<", core)
    print("# workbook: %d sheets, no formula, %d texts starting with = + - @ kept as "
          "strings, created %s" % (len(names), guarded, m.group(1) if m else "?"))


def is_number(s):
    return re.fullmatch(r"-?[0-9]+(\.[0-9]+)?(E-?[0-9]+)?%?", s) is not None


def as_value(s):
    if s.endswith("%"):
        return float(s[:-1]) / 100
    return float(s)


def raw_fields(path):
    """Each field with whether LibreOffice quoted it (text) or not."""
    out = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n") + "\n"
            fields = []
            for m in re.finditer(r'("(?:[^"]|"")*"|[^,\n]*)(,|\n|$)', line):
                tok = m.group(1)
                if tok.startswith('"'):
                    fields.append(("text", tok[1:-1].replace('""', '"')))
                else:
                    fields.append(("raw", tok))
                if m.group(2) != ",":
                    break
            out.append(fields)
    return out


def compare_sheet(conv, csv_path, name, date_cols=(), percent_cols=()):
    got = raw_fields(conv)
    want = raw_fields(csv_path)
    if len(got) != len(want):
        fail("%s: %d rows, %s has %d" % (name, len(got), csv_path, len(want)))
    typed = {"text": 0, "number": 0, "date": 0, "percent": 0}
    header = [v for _, v in want[0]]
    for r, (g, w) in enumerate(zip(got[1:], want[1:]), start=2):
        for c, (want_kind, want_cell) in enumerate(w):
            kind, cell = g[c] if c < len(g) else ("raw", "")
            col = header[c]
            if want_kind == "raw" and re.fullmatch(r"[a-z+]+", want_cell):
                want_kind = "text"  # the `by` column: a name, unquoted
            if want_kind == "text":
                # the CSV guard's apostrophe is not part of the text
                text = want_cell[1:] if want_cell[:1] == "'" and want_cell[1:2] in "=+-@\t\r" else want_cell
                if kind != "text" or cell != text:
                    fail("%s row %d %s: %s %r, expected the text %r" % (name, r, col, kind, cell, text))
                typed["text"] += 1
            elif want_cell == "":
                if cell != "":
                    fail("%s row %d %s: %r, expected an empty cell" % (name, r, col, cell))
            elif col in date_cols:
                if kind != "raw" or cell != want_cell:
                    fail("%s row %d %s: %s %r, expected the date %s" % (name, r, col, kind, cell, want_cell))
                typed["date"] += 1
            else:
                if kind != "raw" or not is_number(cell):
                    fail("%s row %d %s: %s %r, expected a number" % (name, r, col, kind, cell))
                    continue
                if (col in percent_cols) != cell.endswith("%"):
                    fail("%s row %d %s: %r, percent format expected: %s" % (name, r, col, cell, col in percent_cols))
                a, e = as_value(cell), float(want_cell)
                if abs(a - e) > max(1e-12 * abs(e), 1e-15):
                    fail("%s row %d %s: %r, expected %s" % (name, r, col, cell, want_cell))
                typed["percent" if cell.endswith("%") else "number"] += 1
    print("# %s sheet: %d rows agree with %s (%s)" % (
        name, len(want) - 1, csv_path.rsplit("/", 1)[-1],
        ", ".join("%d %s" % (v, k) for k, v in typed.items() if v)))


def check_converted(prefix, report_dir):
    compare_sheet(prefix + "-scores.csv", report_dir + "/scores.csv", "scores",
                  percent_cols=("base_rate", "mean_probability"))
    compare_sheet(prefix + "-calibration.csv", report_dir + "/calibration.csv", "calibration",
                  percent_cols=("bin_low", "bin_high", "mean_probability", "observed",
                                "observed_low", "observed_high"))
    compare_sheet(prefix + "-forecasts.csv", report_dir + "/forecasts.csv", "forecasts",
                  date_cols=("published", "horizon", "resolved_on"),
                  percent_cols=("probability",))
    compare_sheet(prefix + "-trend.csv", report_dir + "/trend.csv", "trend",
                  date_cols=("as_of",))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "cells":
        check_cells(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "converted":
        check_converted(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
