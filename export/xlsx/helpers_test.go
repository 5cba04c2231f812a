package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/report"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

var (
	fr = language.French
	en = language.English
)

// kazakhstanDoc returns the bilingual Kazakhstan briefing, built once.
var kazakhstanDoc = sync.OnceValues(func() (*report.Document, error) {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		return nil, err
	}
	return report.Build(d, report.Options{Languages: []language.Tag{fr, en}})
})

func kzDoc(t testing.TB) *report.Document {
	t.Helper()
	doc, err := kazakhstanDoc()
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// syntheticDoc builds the briefing of a synthetic dossier of n figures.
func syntheticDoc(t testing.TB, n int, langs ...language.Tag) *report.Document {
	t.Helper()
	doc, err := report.Build(synthetic(n), report.Options{Languages: langs})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// workbook writes doc in lang and returns the bytes.
func workbook(t testing.TB, doc *report.Document, lang language.Tag) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, doc, Options{Language: lang}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// open reopens a workbook with excelize.
func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// parts returns the parts of a workbook by name, and their names in zip
// order.
func parts(t testing.TB, data []byte) (map[string][]byte, []*zip.File) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out[f.Name] = b
	}
	return out, zr.File
}

// sheetPart returns the name of the part that holds the sheet at index i
// (xl/worksheets/sheetN.xml), as excelize numbers new sheets.
func sheetPart(i int) string { return "xl/worksheets/sheet" + strconv.Itoa(i+1) + ".xml" }

var (
	dimensionRE = regexp.MustCompile(`<dimension ref="([^"]+)"`)
	colRE       = regexp.MustCompile(`<col min="(\d+)" max="(\d+)" width="([^"]+)"`)
)

// cellKind describes the cell the way the tests compare it: its type
// (s for text, n for a number, d for a date, t for a time, f when it holds
// a formula) and its raw value.
func cellKind(t testing.TB, f *excelize.File, sheet, ref string) string {
	t.Helper()
	if formula, err := f.GetCellFormula(sheet, ref); err != nil || formula != "" {
		return fmt.Sprintf("f:%s", formula)
	}
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	switch typ {
	case excelize.CellTypeUnset:
		if raw == "" {
			return ""
		}
		code := numFmt(t, f, sheet, ref)
		switch {
		case strings.Contains(code, "yy"):
			shown, _ := f.GetCellValue(sheet, ref)
			return "d:" + shown
		case strings.Contains(code, "h"):
			shown, _ := f.GetCellValue(sheet, ref)
			return "t:" + shown
		}
		return "n:" + raw
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "s:" + raw
	}
	return fmt.Sprintf("?%d:%s", typ, raw)
}

// numFmt returns the custom number format of a cell.
func numFmt(t testing.TB, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return ""
}

var excelizeRaw = excelize.Options{RawCellValue: true}

// figureItems returns every figure of doc, made by Each.
func figureItems(tb testing.TB, doc *report.Document) []*report.FigureItem {
	tb.Helper()
	var out []*report.FigureItem
	if err := doc.Figures.Each(func(it *report.FigureItem) error {
		out = append(out, it)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return out
}
