package xlsx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/coibrief/coibrief/report"
)

// large is the number of figures of TestLargeWorkbook.
const large = 1_000_000

// TestLargeWorkbook writes the briefing of a synthetic dossier of a
// million figures and checks that the workbook is valid: every part's
// checksum, the figures sheet's dimension and its million and one rows,
// and, with openpyxl in read-only mode, the dimension and the first rows.
// It takes about a minute and holds the synthetic dossier in memory, so it
// runs only when COIBRIEF_LARGE=1, and not under the race detector. (The
// program's memory on such a dossier, read from a file, is checked by
// examples/briefing's TestMillionFiguresMemory.)
func TestLargeWorkbook(t *testing.T) {
	if os.Getenv("COIBRIEF_LARGE") != "1" {
		t.Skip("set COIBRIEF_LARGE=1 to write a workbook of 1,000,000 figures (about a minute)")
	}
	if raceEnabled {
		t.Skip("too slow under the race detector")
	}
	start := time.Now()
	doc, err := report.Build(synthetic(large), report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	built := time.Now()
	path := filepath.Join(t.TempDir(), "large.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(out)
	if err := Write(w, doc, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	written := time.Now()
	fi, _ := os.Stat(path)
	nContested := 0
	for _, g := range doc.Figures.Contested {
		nContested += len(g.Figures)
	}
	t.Logf("report.Build %v, Write %v: %d MB; %d figures, %d contested, %d entries, %d sources",
		built.Sub(start).Round(time.Millisecond), written.Sub(built).Round(time.Millisecond), fi.Size()>>20,
		doc.Figures.Count, nContested, len((&book{doc: doc}).entries()), len(doc.Sources))

	rows := 1 + doc.Figures.Count
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var n int64
		var last []byte
		if f.Name == sheetPart(1) {
			n, last, err = countRows(r, t)
		} else {
			_, err = io.Copy(io.Discard, r) // checks the CRC
		}
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if f.Name == sheetPart(1) {
			if n != int64(rows) || string(last) != strconv.Itoa(rows) {
				t.Errorf("figures sheet: %d rows, the last numbered %s; want %d", n, last, rows)
			}
		}
	}
	if !slices.Contains(names, sheetPart(1)) {
		t.Fatalf("no figures sheet in %v", names)
	}
	if testing.Short() {
		return
	}
	needOpenpyxl(t)
	got := openpyxl(t, true, "1,2,3", path)[path]["read_only"]
	fig := got.Report["Chiffres"]
	if fig.MaxRow != rows || fig.MaxColumn != 23 {
		t.Errorf("openpyxl (read-only) sees %d rows and %d columns; want %d and 23", fig.MaxRow, fig.MaxColumn, rows)
	}
	first, err := doc.Figures.Item(0)
	if err != nil {
		t.Fatal(err)
	}
	if s := fig.Sample["2"]; len(s) == 0 || s[0] != "s:"+string(first.ID) {
		t.Errorf("openpyxl reads row 2 as %q", s)
	}
	t.Logf("checked in %v", time.Since(written).Round(time.Millisecond))
}

var rowTagRE = regexp.MustCompile(`<row r="(\d+)"`)

// countRows counts the <row> elements of a sheet and returns the number
// of the last, reading it in chunks.
func countRows(r io.Reader, t *testing.T) (int64, []byte, error) {
	var n int64
	var last []byte
	buf := make([]byte, 1<<20)
	var carry []byte
	for {
		k, err := r.Read(buf)
		chunk := append(carry, buf[:k]...)
		// Keep the tail that may hold a cut tag for the next chunk.
		cut := max(0, bytes.LastIndexByte(chunk, '<'))
		for _, m := range rowTagRE.FindAllSubmatch(chunk[:cut], -1) {
			n++
			last = append(last[:0], m[1]...)
		}
		carry = append([]byte(nil), chunk[cut:]...)
		if err == io.EOF {
			for _, m := range rowTagRE.FindAllSubmatch(carry, -1) {
				n++
				last = append(last[:0], m[1]...)
			}
			return n, last, nil
		}
		if err != nil {
			return n, last, err
		}
	}
}
