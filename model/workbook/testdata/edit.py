"""Edits an authoring workbook as a researcher would, with openpyxl.

usage: edit.py IN.xlsx OUT.xlsx

Prints, as JSON, the data validations of each sheet (their formulas and
ranges) and the frozen cell, then: inserts a new entry in the middle of
the chronology (a row with no number, which follows the row above it),
sorts the chronology's data rows by their text, hides one, and saves.
"""
import json
import sys

import openpyxl

src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
report = {}
for ws in wb.worksheets:
    report[ws.title] = {
        "validations": sorted(
            [[dv.formula1 or "", str(dv.sqref), dv.showErrorMessage] for dv in ws.data_validations.dataValidation]
        ),
        "freeze": ws.freeze_panes,
        "print_titles": ws.print_title_rows,
        "orientation": ws.page_setup.orientation,
    }

ws = wb["Chronology"]
head = [c.value for c in ws[1]]
col = {h: i for i, h in enumerate(head)}
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
# A new entry after the third, typed by hand: no number.
new = list(rows[2])
new[col["No."]] = None
new[col["Text (en)"]] = "Inserted by a researcher: a spontaneous march in the city centre."
new[col["Text (de)"]] = "Von Hand eingefügt: ein spontaner Marsch im Stadtzentrum."
new[col["Id"]] = "inserted-entry"
new[col["Sources"]] = rows[2][col["Sources"]]
rows.insert(3, new)
# Before sorting, the researcher numbers the new row 3.5, between its
# neighbours: sorted by text, the numbers keep the order.
new[col["No."]] = rows[2][col["No."]] + 0.5
rows.sort(key=lambda r: r[col["Text (en)"]] or "")
for i, r in enumerate(rows):
    for j, v in enumerate(r):
        ws.cell(row=i + 2, column=j + 1).value = v
ws.row_dimensions[3].hidden = True
wb.save(dst)
json.dump(report, sys.stdout, sort_keys=True)
