package xlsx

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// longDossier returns a synthetic dossier with texts too long for a cell:
// an entry and a figure that cite 1,000 sources each (the most a
// statement may cite), whose citations and source ids run past 32,767
// characters, and an entry text of 20,000 characters (the most a text
// may have) of two UTF-16 units each.
func longDossier() *model.Dossier {
	d := synthetic(300)
	var ids []model.SourceID
	for i := range 1000 {
		s := d.Sources[0]
		s.ID = model.SourceID(fmt.Sprintf("radio-azattyq-kazakh-service-report-%04d", i))
		s.Outlet = "Radio Azattyq, the Kazakh service of Radio Free Europe"
		s.URL = fmt.Sprintf("https://example.org/long/%d", i)
		d.Sources = append(d.Sources, s)
		ids = append(ids, s.ID)
	}
	first := &d.Chronology[0].Entries[0]
	first.Sources = ids
	second := &d.Chronology[1].Entries[0]
	second.Text = model.Text{language.French: strings.Repeat("𝄞", 20000), language.English: strings.Repeat("𝄞", 20000)}
	// A figure standing on the day the sources were published.
	for i := range d.Figures {
		if d.Figures[i].AsOf == d.Sources[0].Published {
			d.Figures[i].Sources = ids
			break
		}
	}
	return d
}

// TestLongTexts writes a workbook with texts too long for a cell and
// reads it back with openpyxl: each such cell keeps the start of its
// text and says where the rest is, and the parts on the sheet of long
// texts join into the whole text. Check lists the same cells, and Write
// tells of them through Options.OnSplit.
func TestLongTexts(t *testing.T) {
	doc, err := report.Build(longDossier(), report.Options{Languages: []language.Tag{en}})
	if err != nil {
		t.Fatal(err)
	}
	splits, err := Check(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range splits {
		got = append(got, s.String())
	}
	want := []string{
		`sheet "Summary", cell K8 (Sources): text of 73891 characters, more than the 32767 a cell holds; the cell keeps the first 32692, the whole text is on sheet "Long texts", rows 2 to 4`,
		`sheet "Figures", cell Q2 (Sources): text of 73891 characters, more than the 32767 a cell holds; the cell keeps the first 32692, the whole text is on sheet "Long texts", rows 5 to 7`,
		`sheet "Figures", cell R2 (Source IDs): text of 41998 characters, more than the 32767 a cell holds; the cell keeps the first 32675, the whole text is on sheet "Long texts", rows 8 to 9`,
		`sheet "Contested figures", cell P2 (Sources): text of 73891 characters, more than the 32767 a cell holds; the cell keeps the first 32692, the whole text is on sheet "Long texts", rows 10 to 12`,
		`sheet "Timeline", cell L2 (Sources): text of 73891 characters, more than the 32767 a cell holds; the cell keeps the first 32692, the whole text is on sheet "Long texts", rows 13 to 15`,
		`sheet "Timeline", cell I3 (Text): text of 40000 characters, more than the 32767 a cell holds; the cell keeps the first 32692, the whole text is on sheet "Long texts", rows 16 to 17`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("Check:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The whole texts, as the workbook's cells would hold them.
	var figure *report.FigureItem
	for _, it := range figureItems(t, doc) {
		if len(it.Sources) == 1000 {
			figure = it
		}
	}
	b := &book{doc: doc}
	entries := b.entries()
	var cites []string
	for _, c := range entries[0].p.Footnote.Citations {
		cites = append(cites, b.t(c.Text))
	}
	whole := map[string]string{
		"Summary!K8":           b.t(figure.Cites), // a key figure
		"Contested figures!P2": b.t(figure.Cites), // and a contested one
		"Figures!Q2":           b.t(figure.Cites),
		"Figures!R2":           sourceIDs(figure.Sources),
		"Timeline!I3":          b.t(entries[1].p.Text),
		"Timeline!L2":          strings.Join(cites, "; "),
	}

	var buf bytes.Buffer
	var told []Split
	if err := Write(&buf, doc, Options{OnSplit: func(s Split) { told = append(told, s) }}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(told, splits) {
		t.Errorf("Write told of the splits %v; Check listed %v", told, splits)
	}
	data := buf.Bytes()
	needOpenpyxl(t)
	path := filepath.Join(t.TempDir(), "long.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cells := readCells(t, path, "Long texts", slices.Sorted(func(yield func(string) bool) {
		for k := range whole {
			if !yield(k) {
				return
			}
		}
	}))
	if got := cells.Sheets[len(cells.Sheets)-1]; got != "Long texts" {
		t.Errorf("last sheet %q", got)
	}
	if got := cells.Tables["Long texts"]; got != "A1:E17" {
		t.Errorf("table of long texts over %q; want A1:E17", got)
	}
	if h := cells.Rows[0]; !slices.Equal(h, []any{"Sheet", "Cell", "Column", "Part", "Text"}) {
		t.Errorf("header %q", h)
	}
	joined := map[string]string{}
	for i, r := range cells.Rows[1:] {
		if len(r) != 5 {
			t.Fatalf("row %d: %q", i+2, r)
		}
		key := fmt.Sprint(r[0], "!", r[1])
		if n := utf16Len(fmt.Sprint(r[4])); n > maxCellText {
			t.Errorf("%s part %v: %d characters", key, r[3], n)
		}
		joined[key] += fmt.Sprint(r[4])
	}
	for _, s := range splits {
		key := s.Sheet + "!" + s.Cell
		if joined[key] != whole[key] {
			t.Errorf("%s: the parts join into %d characters; want the %d of the text", key, utf16Len(joined[key]), utf16Len(whole[key]))
		}
		cell := cells.Cells[key]
		note := fmt.Sprintf("[…] Cut here: the whole text is on the sheet “Long texts”, rows %d to %d.", s.First, s.Last)
		head, ok := strings.CutSuffix(cell, " "+note)
		if !ok || !strings.HasPrefix(whole[key], head) || utf16Len(head) != s.Kept || utf16Len(cell) > maxCellText {
			t.Errorf("%s: the cell holds %d characters, ending %q; want the text's first %d and %q",
				key, utf16Len(cell), cell[max(0, len(cell)-120):], s.Kept, note)
		}
	}
	// The tables keep one row per figure and per entry.
	if got, want := cells.Tables["Timeline"], fmt.Sprintf("A1:N%d", 1+len(entries)); got != want {
		t.Errorf("timeline table over %q; want %s", got, want)
	}

	// Check agrees with what Write did, in French too.
	splits, err = Check(doc, Options{Language: en, TempDir: t.TempDir()})
	if err != nil || len(splits) != 6 {
		t.Errorf("Check with a TempDir: %d splits, %v", len(splits), err)
	}
	frDoc, err := report.Build(longDossier(), report.Options{Languages: []language.Tag{fr}})
	if err != nil {
		t.Fatal(err)
	}
	splits, err = Check(frDoc, Options{})
	if err != nil || len(splits) != 6 || splits[0].LongSheet != "Textes longs" {
		t.Errorf("French: %v, %v", splits, err)
	}
	f := open(t, workbook(t, frDoc, fr))
	if v, _ := f.GetCellValue("Chronologie", splits[5].Cell); !strings.HasSuffix(v, "[…] Coupé ici\u00a0: le texte entier figure dans la feuille «\u00a0Textes longs\u00a0», lignes 16 à 17.") {
		t.Errorf("French note: …%q", v[max(0, len(v)-120):])
	}
}

// TestNoLongTexts checks that a workbook without long texts has no sheet
// for them, and that Check finds none.
func TestNoLongTexts(t *testing.T) {
	doc := kzDoc(t)
	for _, lang := range doc.Languages {
		splits, err := Check(doc, Options{Language: lang})
		if err != nil || len(splits) != 0 {
			t.Errorf("%s: %v, %v", lang, splits, err)
		}
		f := open(t, workbook(t, doc, lang))
		if got := f.GetSheetList(); !slices.Equal(got, sheetNames[lang]) {
			t.Errorf("%s: sheets %q", lang, got)
		}
	}
}

// TestCheckErrors checks that Check refuses what Write refuses.
func TestCheckErrors(t *testing.T) {
	if _, err := Check(nil, Options{}); err == nil || err.Error() != "xlsx: invalid options: nil document" {
		t.Errorf("nil document: %v", err)
	}
	if _, err := Check(kzDoc(t), Options{Language: language.German}); err == nil || err.Error() != "xlsx: invalid options: the document is not in de (it is in [fr en])" {
		t.Errorf("German: %v", err)
	}
}

// TestTempDir checks that a large workbook keeps its temporary files in
// Options.TempDir, and removes them.
func TestTempDir(t *testing.T) {
	defer func(n int) { spoolMemory = n }(spoolMemory)
	spoolMemory = 4 << 10 // the packer spools to a file
	doc, err := report.Build(longDossier(), report.Options{Languages: []language.Tag{en}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := Write(&buf, doc, Options{TempDir: dir}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), workbook(t, doc, en)) {
		t.Error("the workbook differs with a TempDir")
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("files left in TempDir: %v", left)
	}
	err = Write(&buf, doc, Options{TempDir: filepath.Join(dir, "missing")})
	if err == nil || !strings.Contains(err.Error(), "missing/coibrief-xlsx-") || !strings.Contains(err.Error(), "no such file or directory") {
		t.Errorf("a missing TempDir: %v", err)
	}
}

// readCells is what openpyxl reads of a workbook: its sheets and tables,
// the value of some cells (as "Sheet!A1"), and every row of one sheet.
type readCellsResult struct {
	Sheets []string          `json:"sheets"`
	Tables map[string]string `json:"tables"` // by sheet: the range of its first table
	Cells  map[string]string `json:"cells"`
	Rows   [][]any           `json:"rows"`
}

const readCellsScript = `
import json, sys
import openpyxl
path, sheet, cells = sys.argv[1], sys.argv[2], sys.argv[3:]
wb = openpyxl.load_workbook(path)
out = {"sheets": wb.sheetnames, "tables": {}, "cells": {}, "rows": []}
for ws in wb.worksheets:
    for name, ref in ws.tables.items():
        out["tables"].setdefault(ws.title, ref)
for c in cells:
    s, ref = c.split("!")
    out["cells"][c] = wb[s][ref].value
for r in wb[sheet].iter_rows(values_only=True):
    out["rows"].append(list(r))
json.dump(out, sys.stdout)
`

func readCells(t *testing.T, path, sheet string, cells []string) readCellsResult {
	t.Helper()
	cmd := exec.Command(python, append([]string{"-c", readCellsScript, path, sheet}, cells...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var r readCellsResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	return r
}
