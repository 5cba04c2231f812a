"""Reads workbooks with openpyxl, in normal and in read-only mode, and
prints what it sees as JSON: for each workbook, mode and sheet, the number
of rows and columns, the sample rows asked for, and in normal mode the
tables, the links and any cell that holds a formula.

Usage: openpyxl_check.py [--head] ROWS WORKBOOK...
ROWS is a comma-separated list of row numbers to sample; -1 is the last.
With --head, only read-only mode is used and only the sampled rows are
read (-1 excluded), for workbooks too large to read whole.
Each value is printed as the Go test prints it: s:TEXT, n:NUMBER,
d:YYYY-MM-DD, t:HH:MM, b:BOOL or an empty string.
"""
import datetime
import json
import sys

import openpyxl


def canon(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "b:%s" % v
    if isinstance(v, datetime.datetime):
        if v.time() != datetime.time(0, 0):
            return "t:%s" % v.strftime("%Y-%m-%d %H:%M")
        return "d:%s" % v.strftime("%Y-%m-%d")
    if isinstance(v, datetime.time):
        return "t:%s" % v.strftime("%H:%M")
    if isinstance(v, (int, float)):
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return "n:%r" % v
    return "s:%s" % v


def trim(row):
    row = list(row)
    while row and row[-1] == "":
        row.pop()
    return row


def sheet_report(ws, wanted, normal):
    rows = [trim(canon(c.value) for c in r) for r in ws.iter_rows()]
    types = [[c.data_type for c in r] for r in ws.iter_rows()] if normal else []
    n = len(rows)
    sample = {}
    for w in wanted:
        i = n if w == -1 else w
        if 1 <= i <= n:
            sample[str(w)] = rows[i - 1]
    out = {
        "rows": n,
        "max_row": ws.max_row,
        "max_column": ws.max_column,
        "sample": sample,
    }
    if normal:
        out["formulas"] = sum(t == "f" for r in types for t in r)
        out["formula_like_text"] = sum(
            1 for r in ws.iter_rows() for c in r
            if c.data_type == "s" and isinstance(c.value, str) and c.value[:1] in ("=", "+", "-", "@"))
        out["links"] = sum(1 for r in ws.iter_rows() for c in r if c.hyperlink is not None)
        out["tables"] = {name: ref for name, ref in ws.tables.items()}
        out["freeze"] = ws.freeze_panes
    return out


def head_report(ws, wanted):
    last = max(wanted)
    sample = {}
    for i, r in enumerate(ws.iter_rows(max_row=last), start=1):
        if i in wanted:
            sample[str(i)] = trim(canon(c.value) for c in r)
    return {"max_row": ws.max_row, "max_column": ws.max_column, "sample": sample}


def main():
    args = sys.argv[1:]
    head = args[0] == "--head"
    if head:
        args = args[1:]
    wanted = [int(x) for x in args[0].split(",")]
    report = {}
    if head:
        for path in args[1:]:
            wb = openpyxl.load_workbook(path, read_only=True)
            report[path] = {"read_only": {
                "sheets": wb.sheetnames,
                "title": wb.properties.title,
                "language": wb.properties.language,
                "report": {ws.title: head_report(ws, wanted) for ws in wb.worksheets},
            }}
            wb.close()
        json.dump(report, sys.stdout, ensure_ascii=False)
        return
    for path in args[1:]:
        report[path] = {}
        for mode in ("normal", "read_only"):
            wb = openpyxl.load_workbook(path, read_only=(mode == "read_only"))
            report[path][mode] = {
                "sheets": wb.sheetnames,
                "title": wb.properties.title,
                "language": wb.properties.language,
                "report": {ws.title: sheet_report(ws, wanted, mode == "normal") for ws in wb.worksheets},
            }
            wb.close()
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
