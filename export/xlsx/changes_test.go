package xlsx

import (
	"encoding/json"
	"fmt"
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
# The rewordings' marked words, read again as rich text: for each cell of
# the Before and After columns that holds rich text, its runs with
# whether each is struck, underlined, bold and its colour. openpyxl reads
# rich text from 3.1 on (rich_text=True); with an older one (Debian 12
# has 3.0.9), the runs are read from the sheet's XML.
rich = {}
def describe(strike, u, b, color):
    return "strike=%s u=%s b=%s %s" % (bool(strike), u or "", bool(b), color or "")
try:
    from openpyxl.cell.rich_text import CellRichText
    rws = openpyxl.load_workbook(sys.argv[1], rich_text=True)[sys.argv[2]]
    for r in rws.iter_rows(min_row=2):
        for c in r[3:5]:
            if isinstance(c.value, CellRichText):
                rich[c.coordinate] = [[b, "plain"] if isinstance(b, str) else
                    [b.text, describe(b.font.strike, b.font.u, b.font.b, b.font.color.rgb if b.font.color is not None else "")] for b in c.value]
except ImportError:
    import zipfile, re, posixpath
    import xml.etree.ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    z = zipfile.ZipFile(sys.argv[1])
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rid = [s.get("{%s}id" % ns["r"]) for s in book.find("m:sheets", ns) if s.get("name") == sys.argv[2]][0]
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = [r.get("Target") for r in rels if r.get("Id") == rid][0]
    path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    for c in ET.fromstring(z.read(path)).iter("{%s}c" % ns["m"]):
        col = re.match(r"[A-Z]+", c.get("r")).group(0)
        runs = c.findall("m:is/m:r", ns)
        if col not in ("D", "E") or not runs:
            continue
        out = []
        for run in runs:
            text = "".join(t.text or "" for t in run.findall("m:t", ns))
            pr = run.find("m:rPr", ns)
            if pr is None:
                out.append([text, "plain"])
                continue
            u, color = pr.find("m:u", ns), pr.find("m:color", ns)
            out.append([text, describe(pr.find("m:strike", ns) is not None, (u.get("val") or "single") if u is not None else "",
                pr.find("m:b", ns) is not None, color.get("rgb") if color is not None else "")])
        rich[c.get("r")] = out
print(json.dumps({"sheets": wb.sheetnames, "rows": rows, "tables": tables, "figures": dict(zip(ids, last)), "rich": rich}))
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
		Rich    map[string][][2]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got.Sheets) < 2 || got.Sheets[1] != "Changes" {
		t.Errorf("sheets %v; want Changes second", got.Sheets)
	}
	if want := []string{"Change", "Concerns", "Field", "Before", "After", "ID"}; !slices.Equal(got.Rows[0], want) {
		t.Errorf("header %q; want %q", got.Rows[0], want)
	}
	if n := len(got.Rows) - 1; n != len(doc.Changes.Items) || n != 15 {
		t.Errorf("%d rows of changes; want %d (15)", n, len(doc.Changes.Items))
	}
	if tb, ok := got.Tables["Changes"]; !ok || tb[0] != "A1:F16" || tb[1] != "A1:F16" {
		t.Errorf("tables %v; want Changes over A1:F16 with its filter", got.Tables)
	}
	var revised []string
	for _, r := range got.Rows[1:] {
		if r[0] == "Figure revised" {
			revised = r
		}
	}
	if want := []string{"Figure revised", "Injured, Imereti regional health service, Thursday 8 September 2022", "", "11", "13", "figure:fig-11"}; !slices.Equal(revised, want) {
		t.Errorf("revised figure row %q; want %q", revised, want)
	}
	var reworded, edited []string
	row := 0
	for i, r := range got.Rows[1:] {
		switch {
		case r[5] == "statement:2022-09-07-02":
			reworded, row = r, i+2
		case r[0] == "Entry edited":
			edited = r
		}
	}
	if len(reworded) != 6 || reworded[3] != "The Interior Ministry said at least 34 people had been arrested across the country since 5 September, 27 of them in Kutaisi." ||
		reworded[4] != "The Interior Ministry said 34 people had been arrested across the country since 5 September, 27 of them in Kutaisi." {
		t.Errorf("reworded row %q", reworded)
	}
	if want := []string{"Entry edited", "Wednesday 7 September 2022 – In Trabzon, Turkey, about forty Georgian seasonal workers, many of them from …", "Time", "–", "13:00", "statement:2022-09-07-03"}; !slices.Equal(edited, want) {
		t.Errorf("edited entry row %q; want %q", edited, want)
	}
	// The marked words, as rich text: "at least " struck through in red
	// before, nothing inserted after.
	before, after := got.Rich[fmt.Sprintf("D%d", row)], got.Rich[fmt.Sprintf("E%d", row)]
	wantBefore := [][2]string{{"The Interior Ministry said ", "plain"}, {"at least ", "strike=True u= b=False FFB22222"}, {"34 people had been arrested across the country since 5 September, 27 of them in Kutaisi.", "plain"}}
	if !slices.Equal(before, wantBefore) {
		t.Errorf("rich text before %q; want %q", before, wantBefore)
	}
	if len(after) != 1 || after[0][1] != "plain" {
		t.Errorf("rich text after %q; want one plain run", after)
	}
	// The source's title, letters restored: the inserted words bold,
	// underlined and green.
	var title [][2]string
	for i, r := range got.Rows[1:] {
		if r[5] == "source:karadeniz-2022-09-07" {
			title = got.Rich[fmt.Sprintf("E%d", i+2)]
		}
	}
	if !slices.Contains(title, [2]string{"Gürcü", "strike=False u=single b=True FF17652A"}) {
		t.Errorf("rich text of the title %q; want Gürcü marked inserted", title)
	}
	want := map[string]string{"ID": "Since the earlier version", "fig-11": "revised", "fig-01": "unchanged"}
	for id, w := range want {
		if got.Figures[id] != w {
			t.Errorf("Figures, %s: %q; want %q", id, got.Figures[id], w)
		}
	}
}
