package workbook_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/model/workbook"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite testdata/broken.golden and the workbooks of testdata/broken/")

// exampleBook returns the German example dossier's authoring workbook,
// headers in English.
func exampleBook(t testing.TB) []byte {
	t.Helper()
	d, _, err := dossiers.Load("de-example.json")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := workbook.Write(&b, d, workbook.Options{Language: language.English}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// column returns the letters of the column of sheet whose header is head.
func column(t testing.TB, f *excelize.File, sheet, head string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", sheet, err)
	}
	for i, h := range rows[0] {
		if h == head {
			c, _ := excelize.ColumnNumberToName(i + 1)
			return c
		}
	}
	t.Fatalf("%s has no column %q", sheet, head)
	return ""
}

// brokenCase is a workbook spoiled as a researcher might spoil it.
type brokenCase struct {
	name  string
	spoil func(t testing.TB, f *excelize.File)
}

func set(t testing.TB, f *excelize.File, sheet, head string, row int, v any) {
	t.Helper()
	cell := column(t, f, sheet, head) + fmt.Sprint(row)
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

var brokenCases = []brokenCase{
	{"unknown-source", func(t testing.TB, f *excelize.File) {
		rows, _ := f.GetRows("Chronology")
		src := rows[3][colIndex(rows[0], "Sources")]
		set(t, f, "Chronology", "Sources", 4, strings.Fields(src)[0]+"x")
	}},
	{"date-as-text", func(t testing.TB, f *excelize.File) {
		set(t, f, "Chronology", "Day", 3, "05/03/2023")
		set(t, f, "Sources", "Published", 2, "3 March 2023")
	}},
	{"number-with-unit", func(t testing.TB, f *excelize.File) {
		set(t, f, "Figures", "Value", 2, "12 dead")
		set(t, f, "Places", "Latitude", 3, "40°11′N")
	}},
	{"unknown-words", func(t testing.TB, f *excelize.File) {
		set(t, f, "Chronology", "Kind of event", 2, "riots")
		set(t, f, "Figures", "Metric", 3, "casualties")
		set(t, f, "Chronology", "Time", 2, "10h00")
	}},
	{"formula", func(t testing.TB, f *excelize.File) {
		cell := column(t, f, "Figures", "Value") + "2"
		if err := f.SetCellFormula("Figures", cell, "3*4"); err != nil {
			t.Fatal(err)
		}
	}},
	{"merged-cells", func(t testing.TB, f *excelize.File) {
		c := column(t, f, "Chronology", "Day")
		if err := f.MergeCell("Chronology", c+"2", c+"3"); err != nil {
			t.Fatal(err)
		}
	}},
	{"unknown-sheet-and-header", func(t testing.TB, f *excelize.File) {
		if _, err := f.NewSheet("Scratch"); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("Sources", "Z1", "Comments"); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("Sources", "AB4", "checked"); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("Places", "A1", "Nr"); err != nil {
			t.Fatal(err)
		}
	}},
	{"unknown-place", func(t testing.TB, f *excelize.File) {
		rows, _ := f.GetRows("Places")
		region := rows[2][colIndex(rows[0], "Lies in")]
		set(t, f, "Places", "Lies in", 3, region+"e")
		set(t, f, "Chronology", "Listed under", 2, "nowhere")
	}},
	{"unknown-section", func(t testing.TB, f *excelize.File) {
		set(t, f, "Paragraphs", "Section", 2, "nowhere")
	}},
	{"duplicate-day", func(t testing.TB, f *excelize.File) {
		rows, _ := f.GetRows("Days", excelize.Options{RawCellValue: true})
		v := rows[1][colIndex(rows[0], "Day")]
		set(t, f, "Days", "Day", 3, v)
		set(t, f, "Days", "Day until", 3, "")
	}},
	{"empty-and-hidden-rows", func(t testing.TB, f *excelize.File) {
		// Handled: an empty row is skipped, a hidden row is read.
		if err := f.InsertRows("Chronology", 3, 2); err != nil {
			t.Fatal(err)
		}
		if err := f.SetRowVisible("Chronology", 6, false); err != nil {
			t.Fatal(err)
		}
	}},
}

func colIndex(head []string, name string) int {
	for i, h := range head {
		if h == name {
			return i
		}
	}
	return -1
}

// TestBrokenWorkbooks reads workbooks spoiled in the ways researchers
// spoil them and checks every message, whole, against
// testdata/broken.golden (go test -update rewrites it, and writes the
// workbooks to testdata/broken/ to open and look at).
func TestBrokenWorkbooks(t *testing.T) {
	base := exampleBook(t)
	var got strings.Builder
	for _, c := range brokenCases {
		f, err := excelize.OpenReader(bytes.NewReader(base))
		if err != nil {
			t.Fatal(err)
		}
		c.spoil(t, f)
		buf, err := f.WriteToBuffer()
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		if *update {
			if err := os.MkdirAll(filepath.Join("testdata", "broken"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("testdata", "broken", c.name+".xlsx"), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Fprintf(&got, "== %s\n%s\n", c.name, readMessages(buf.Bytes()))
	}
	fmt.Fprintf(&got, "== not-a-workbook\n%s\n", readMessages([]byte("format,id\ncoibrief-dossier/1,kz\n")))
	golden := filepath.Join("testdata", "broken.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("messages differ from %s (go test -update rewrites it):\n%s", golden, got.String())
	}
}

// readMessages returns what Read says of a workbook: its problems, one
// per line, or "ok".
func readMessages(data []byte) string {
	_, err := workbook.Read(bytes.NewReader(data))
	var re *workbook.ReadError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &re):
		var lines []string
		for _, p := range re.Problems {
			lines = append(lines, p.Error())
		}
		return strings.Join(lines, "\n")
	}
	return err.Error()
}
