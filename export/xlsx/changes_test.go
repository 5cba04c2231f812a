package xlsx

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// updateDoc builds the update briefing of the Georgian example, version
// 1.1 against 1.0.
func updateDoc(t testing.TB, langs ...language.Tag) *report.Document {
	t.Helper()
	old, _, err := dossiers.Load("ge-example.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	new, _, err := dossiers.Load("ge-example.json")
	if err != nil {
		t.Fatal(err)
	}
	c, err := report.Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(new, report.Options{Languages: langs, Changes: c})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// changesScript prints, as JSON, what openpyxl reads of the Changes
// sheet (its rows and the range of its table's filter) and of the last
// column of the Figures sheet.
const changesScript = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ch = wb[sys.argv[2]]
fig = wb[sys.argv[3]]
tables = {t.name: (t.ref, t.autoFilter.ref if t.autoFilter is not None else None) for t in ch.tables.values()}
rows = [[c if c is not None else "" for c in r] for r in ch.iter_rows(values_only=True)]
last = [r[-1] for r in fig.iter_rows(values_only=True)]
ids = [r[0] for r in fig.iter_rows(values_only=True)]
print(json.dumps({"sheets": wb.sheetnames, "rows": rows, "tables": tables, "figures": dict(zip(ids, last))}))
`

// TestChangesSheetOpenpyxl reads the Changes sheet of an update
// workbook with openpyxl: one row per change, a table whose filter
// covers them, and the figures' column of new, revised, unchanged.
func TestChangesSheetOpenpyxl(t *testing.T) {
	needOpenpyxl(t)
	doc := updateDoc(t, en)
	path := filepath.Join(t.TempDir(), "update.xlsx")
	if err := os.WriteFile(path, workbook(t, doc, en), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", changesScript, path, "Changes", "Figures").CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	var got struct {
		Sheets  []string
		Rows    [][]string
		Tables  map[string][2]string
		Figures map[string]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got.Sheets) < 2 || got.Sheets[1] != "Changes" {
		t.Errorf("sheets %v; want Changes second", got.Sheets)
	}
	if want := []string{"Change", "Concerns", "Before", "After", "ID"}; !slices.Equal(got.Rows[0], want) {
		t.Errorf("header %q; want %q", got.Rows[0], want)
	}
	if n := len(got.Rows) - 1; n != len(doc.Changes.Items) || n != 13 {
		t.Errorf("%d rows of changes; want %d (13)", n, len(doc.Changes.Items))
	}
	if tb, ok := got.Tables["Changes"]; !ok || tb[0] != "A1:E14" || tb[1] != "A1:E14" {
		t.Errorf("tables %v; want Changes over A1:E14 with its filter", got.Tables)
	}
	var revised []string
	for _, r := range got.Rows[1:] {
		if r[0] == "Figure revised" {
			revised = r
		}
	}
	if want := []string{"Figure revised", "Injured, Imereti regional health service, Thursday 8 September 2022", "11", "13", "figure:fig-11"}; !slices.Equal(revised, want) {
		t.Errorf("revised figure row %q; want %q", revised, want)
	}
	var reworded []string
	for _, r := range got.Rows[1:] {
		if r[4] == "statement:2022-09-07-02" {
			reworded = r
		}
	}
	if len(reworded) != 5 || reworded[2] != "The Interior Ministry said at least 34 people had been arrested across the country since 5 September, 27 of them in Kutaisi." ||
		reworded[3] != "The Interior Ministry said 34 people had been arrested across the country since 5 September, 27 of them in Kutaisi." {
		t.Errorf("reworded row %q", reworded)
	}
	want := map[string]string{"ID": "Since the earlier version", "fig-11": "revised", "fig-01": "unchanged"}
	for id, w := range want {
		if got.Figures[id] != w {
			t.Errorf("Figures, %s: %q; want %q", id, got.Figures[id], w)
		}
	}
}
