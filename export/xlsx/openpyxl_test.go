package xlsx

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// python is Debian's interpreter, which has python3-openpyxl; another
// python3 may come first on PATH.
const python = "/usr/bin/python3"

// needOpenpyxl skips the test when openpyxl cannot be imported, or fails
// it when COIBRIEF_REQUIRE_TOOLS=1 (as in CI).
func needOpenpyxl(t *testing.T) {
	t.Helper()
	if out, err := exec.Command(python, "-c", "import openpyxl").CombinedOutput(); err != nil {
		msg := "openpyxl is not available (" + python + ` -c "import openpyxl": ` + err.Error() + ": " + strings.TrimSpace(string(out)) +
			"); install Debian's python3-openpyxl"
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

type pySheet struct {
	Rows      int                 `json:"rows"`
	MaxRow    int                 `json:"max_row"`
	MaxColumn int                 `json:"max_column"`
	Sample    map[string][]string `json:"sample"`
	Formulas  int                 `json:"formulas"`
	Formulaic int                 `json:"formula_like_text"`
	Links     int                 `json:"links"`
	Tables    map[string]string   `json:"tables"`
	Freeze    *string             `json:"freeze"`
}

type pyBook struct {
	Sheets   []string           `json:"sheets"`
	Title    string             `json:"title"`
	Language string             `json:"language"`
	Report   map[string]pySheet `json:"report"`
}

// openpyxl reads the workbooks at paths and returns what it saw, by path
// and mode ("normal", "read_only"). With head, it reads only the rows
// asked for, in read-only mode.
func openpyxl(t *testing.T, head bool, rows string, paths ...string) map[string]map[string]pyBook {
	t.Helper()
	args := []string{filepath.Join("testdata", "openpyxl_check.py")}
	if head {
		args = append(args, "--head")
	}
	args = append(append(args, rows), paths...)
	cmd := exec.Command(python, args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var got map[string]map[string]pyBook
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("openpyxl output: %v", err)
	}
	return got
}

// canon returns the cells of a row as excelize reads them, in the form
// openpyxl_check.py prints them, without trailing empty cells. Cells
// covered by a merged cell are empty, as in the file (excelize repeats
// the merged value in them).
func canon(t *testing.T, f *excelize.File, sheet string, row, cols int) []string {
	t.Helper()
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, m := range merged {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					covered[cellName(c, r)] = true
				}
			}
		}
	}
	out := make([]string, cols)
	for c := range cols {
		ref := cellName(c+1, row)
		if covered[ref] {
			continue
		}
		k := cellKind(t, f, sheet, ref)
		if k == "" || k[0] == 's' {
			out[c] = k
			continue
		}
		raw, _ := f.GetCellValue(sheet, ref, excelizeRaw)
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Fatalf("%s %s: %q", sheet, ref, raw)
		}
		switch k[0] {
		case 'd':
			out[c] = "d:" + excelEpoch.AddDate(0, 0, int(v)).Format("2006-01-02")
		case 't':
			out[c] = "t:" + time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(v*24*60+0.5)*time.Minute).Format("15:04")
		default:
			out[c] = "n:" + strconv.FormatFloat(v, 'f', -1, 64)
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// TestOpenpyxl reads the Kazakhstan workbooks and a synthetic one with a
// second, independent reader, in normal and in read-only mode (which
// trusts the dimension), and checks that it sees the same sheets, rows,
// columns, tables, links and sample values as excelize, and no formula.
func TestOpenpyxl(t *testing.T) {
	needOpenpyxl(t)
	dir := t.TempDir()
	type book struct {
		path string
		data []byte
		lang language.Tag
	}
	var books []book
	kz := kzDoc(t)
	synth := syntheticDoc(t, 2000, fr, en)
	for _, lang := range []language.Tag{fr, en} {
		books = append(books, book{filepath.Join(dir, "kazakhstan."+lang.String()+".xlsx"), workbook(t, kz, lang), lang})
	}
	books = append(books, book{filepath.Join(dir, "synthetic.en.xlsx"), workbook(t, synth, en), en})
	var paths []string
	for _, b := range books {
		if err := os.WriteFile(b.path, b.data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, b.path)
	}
	const sampleRows = "1,2,3,8,-1"
	got := openpyxl(t, false, sampleRows, paths...)
	for _, b := range books {
		t.Run(filepath.Base(b.path), func(t *testing.T) {
			f := open(t, b.data)
			normal, ro := got[b.path]["normal"], got[b.path]["read_only"]
			formulaic := 0
			if !slices.Equal(normal.Sheets, f.GetSheetList()) || !slices.Equal(ro.Sheets, normal.Sheets) {
				t.Fatalf("sheets %q (read-only %q); want %q", normal.Sheets, ro.Sheets, f.GetSheetList())
			}
			if normal.Language != b.lang.String() || normal.Title == "" {
				t.Errorf("properties: title %q language %q", normal.Title, normal.Language)
			}
			for _, name := range f.GetSheetList() {
				rows, err := f.GetRows(name)
				if err != nil {
					t.Fatal(err)
				}
				n, r := normal.Report[name], ro.Report[name]
				width := 0
				for _, row := range rows {
					width = max(width, len(row))
				}
				if n.Rows != len(rows) || r.Rows != len(rows) || r.MaxRow != len(rows) {
					t.Errorf("%s: openpyxl reads %d rows (read-only %d, max_row %d); excelize %d", name, n.Rows, r.Rows, r.MaxRow, len(rows))
				}
				if n.MaxColumn != r.MaxColumn || r.MaxColumn < width {
					t.Errorf("%s: openpyxl reads %d columns (read-only %d); excelize at least %d", name, n.MaxColumn, r.MaxColumn, width)
				}
				if n.Formulas != 0 {
					t.Errorf("%s: openpyxl sees %d formulas", name, n.Formulas)
				}
				formulaic += n.Formulaic
				for _, s := range strings.Split(sampleRows, ",") {
					i, _ := strconv.Atoi(s)
					if i == -1 {
						i = len(rows)
					}
					if i > len(rows) {
						continue
					}
					want := canon(t, f, name, i, n.MaxColumn)
					if !slices.Equal(n.Sample[s], want) || !slices.Equal(r.Sample[s], want) {
						t.Errorf("%s row %d:\nopenpyxl  %q\nread-only %q\nexcelize  %q", name, i, n.Sample[s], r.Sample[s], want)
					}
				}
				tables, err := f.GetTables(name)
				if err != nil {
					t.Fatal(err)
				}
				if len(n.Tables) != len(tables) {
					t.Errorf("%s: openpyxl sees tables %v; excelize %v", name, n.Tables, tables)
				}
				for _, tb := range tables {
					if n.Tables[tb.Name] != tb.Range {
						t.Errorf("%s: openpyxl sees table %s over %q; want %s", name, tb.Name, n.Tables[tb.Name], tb.Range)
					}
				}
			}
			if strings.HasPrefix(filepath.Base(b.path), "synthetic") && formulaic < 100 {
				t.Errorf("openpyxl sees %d texts that start with = + - @; want many, all text", formulaic)
			}
			srcSheet := f.GetSheetList()[6]
			links := 0
			for r := 2; ; r++ {
				v, _ := f.GetCellValue(srcSheet, "A"+strconv.Itoa(r))
				if v == "" {
					break
				}
				if ok, _, _ := f.GetCellHyperLink(srcSheet, "I"+strconv.Itoa(r)); ok {
					links++
				}
			}
			if got := normal.Report[srcSheet].Links; got != links || links == 0 {
				t.Errorf("openpyxl sees %d links; excelize %d", got, links)
			}
		})
	}
}
