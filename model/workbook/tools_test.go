package workbook_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/model/workbook"
	"golang.org/x/text/language"
)

// python is Debian's interpreter, which has python3-openpyxl; another
// python3 may come first on PATH.
const python = "/usr/bin/python3"

// need skips the test when a tool is missing, or fails it when
// COIBRIEF_REQUIRE_TOOLS=1 (as in CI).
func need(t *testing.T, ok bool, msg string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// TestOpenpyxlEdits has openpyxl check the drop-downs, frozen headers and
// print set-up of an authoring workbook, then insert an entry, sort the
// chronology and hide a row, as a researcher would; the workbook still
// reads, with the new entry where it was put.
func TestOpenpyxlEdits(t *testing.T) {
	out, err := exec.Command(python, "-c", "import openpyxl").CombinedOutput()
	need(t, err == nil, "openpyxl is not available ("+python+` -c "import openpyxl": `+strings.TrimSpace(string(out))+"); install Debian's python3-openpyxl")
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "out.xlsx")
	if err := os.WriteFile(src, exampleBook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, filepath.Join("testdata", "edit.py"), src, dst)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	js, err := cmd.Output()
	if err != nil {
		t.Fatalf("edit.py: %v\n%s", err, stderr.String())
	}
	var report map[string]struct {
		Validations [][]any `json:"validations"`
		Freeze      string  `json:"freeze"`
		PrintTitles string  `json:"print_titles"`
		Orientation string  `json:"orientation"`
	}
	if err := json.Unmarshal(js, &report); err != nil {
		t.Fatal(err)
	}
	chron := report["Chronology"]
	var formulas []string
	for _, v := range chron.Validations {
		formulas = append(formulas, v[0].(string))
	}
	for _, want := range []string{"EventKinds", "PlaceIDs", "SourceIDs", "FigureIDs", "Reliabilities", "DatePrecisions", "GeoPrecisions"} {
		if !slices.Contains(formulas, want) {
			t.Errorf("Chronology: no drop-down of %s among %v", want, formulas)
		}
	}
	for sheet, want := range map[string][]string{
		"Figures": {"Metrics", "Parties", "Qualifiers", "FigureStatuses", "ClaimantKinds", "PlaceIDs", "SourceIDs", "FigureIDs"},
		"Places":  {"PlaceKinds", "PlaceIDs", "OutlineTypes"}, "Sources": {"SourceCategories"},
		"Paragraphs": {"SectionIDs"}, "Contributors": {"Roles"},
	} {
		var got []string
		for _, v := range report[sheet].Validations {
			got = append(got, v[0].(string))
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: no drop-down of %s among %v", sheet, w, got)
			}
		}
	}
	for _, name := range []string{"Chronology", "Figures", "Places", "Sources", "Dossier"} {
		r := report[name]
		if r.Freeze != "A2" || r.PrintTitles != "$1:$1" || r.Orientation != "landscape" {
			t.Errorf("%s: frozen at %q, print titles %q, %s; want A2, $1:$1, landscape", name, r.Freeze, r.PrintTitles, r.Orientation)
		}
	}

	// The workbook edited reads back, with the new entry after the third.
	f, err := os.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := workbook.Read(f)
	if err != nil {
		t.Fatalf("the edited workbook: %v", err)
	}
	want := germanExample(t)
	insertAfterThird(want)
	if a, b := encode(t, want), encode(t, got); !bytes.Equal(a, b) {
		t.Errorf("the edited workbook's dossier:\n%s", firstDiff(a, b))
	}
}

// insertAfterThird adds the entry edit.py inserts: a copy of the third
// entry of the chronology, with its own id and text, after it.
func insertAfterThird(d *model.Dossier) {
	n := 0
	for i := range d.Chronology {
		day := &d.Chronology[i]
		for j := range day.Entries {
			if n++; n == 3 {
				e := day.Entries[j]
				e.ID = "inserted-entry"
				e.Text = model.T(language.English, "Inserted by a researcher: a spontaneous march in the city centre.",
					language.German, "Von Hand eingefügt: ein spontaner Marsch im Stadtzentrum.")
				day.Entries = slices.Insert(day.Entries, j+1, e)
				return
			}
		}
	}
}

// TestLibreOffice has LibreOffice convert every sheet of an authoring
// workbook to CSV, headless: it opens the workbook without a repair, and
// reads the chronology's cells as Read does.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	need(t, err == nil, "soffice is not available; install Debian's libreoffice-calc")
	dir := t.TempDir()
	in := filepath.Join(dir, "dossier.xlsx")
	if err := os.WriteFile(in, exampleBook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	// Sheet 5 is the chronology. A profile of its own keeps the run
	// from meeting a user's.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,5", "--outdir", dir, in)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "dossier*.csv"))
	if len(matches) == 0 {
		t.Fatalf("soffice wrote no CSV:\n%s", out)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	d := germanExample(t)
	entries := 0
	for _, day := range d.Chronology {
		entries += len(day.Entries)
	}
	if len(recs) != 1+entries {
		t.Fatalf("LibreOffice read %d rows of the chronology; want %d", len(recs), 1+entries)
	}
	if recs[0][0] != "No." || !slices.Contains(recs[0], "Text (de)") {
		t.Errorf("header row %q", recs[0])
	}
	text := slices.Index(recs[0], "Text (en)")
	day := slices.Index(recs[0], "Day")
	first := d.Chronology[0]
	if recs[1][text] != first.Entries[0].Text[language.English] || recs[1][day] != first.When.Start.String() {
		t.Errorf("first entry as LibreOffice reads it: day %q, text %q", recs[1][day], recs[1][text])
	}
}

func germanExample(t testing.TB) *model.Dossier {
	t.Helper()
	d, err := workbook.Read(bytes.NewReader(exampleBook(t)))
	if err != nil {
		t.Fatal(err)
	}
	return d
}
