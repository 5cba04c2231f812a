package xlsx

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

func TestCheckSheetName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Chiffres contestés", ""},
		{"Спорные данные", ""},
		{"", "is empty: workbook failed"},
		{"  ", "is empty: workbook failed"},
		{strings.Repeat("é", 32), "has 32 characters, more than 31: workbook failed"},
		{"Figures: all", "holds one of [ ] : * ? / \\: workbook failed"},
		{"A/B", "holds one of [ ] : * ? / \\: workbook failed"},
		{"'Quoted", "starts or ends with an apostrophe: workbook failed"},
		{"history", "is reserved by Excel: workbook failed"},
	}
	for _, tt := range tests {
		err := checkSheetName(tt.name)
		got := ""
		if err != nil {
			got = err.Error()
			if !errors.Is(err, ErrWorkbook) {
				t.Errorf("%q: %v does not wrap ErrWorkbook", tt.name, err)
			}
		}
		if got != tt.want {
			t.Errorf("%q: %q; want %q", tt.name, got, tt.want)
		}
	}
}

// TestCutParts checks that a long text is cut in parts that each fit in
// a cell and that join into the text, after a word where one ends near
// the limit, and never inside a character of two UTF-16 units.
func TestCutParts(t *testing.T) {
	words := strings.Repeat("Алматы; ", 10000) // 80,000 units
	clef := strings.Repeat("𝄞", maxCellText)   // two units each
	for _, c := range []struct {
		name, text string
		sizes      []int // the length of each part, in UTF-16 units
	}{
		{"short", "Алматы — émeutes", []int{16}},
		{"exactly a cell", strings.Repeat("a", maxCellText), []int{maxCellText}},
		{"a unit more", strings.Repeat("a", maxCellText+1), []int{maxCellText, 1}},
		{"words", words, []int{32767, 32761, 14472}},
		{"two-unit characters", clef, []int{maxCellText - 1, maxCellText - 1, 2}},
	} {
		parts := cutParts(c.text, maxCellText)
		var sizes []int
		for _, p := range parts {
			sizes = append(sizes, utf16Len(p))
			if !utf8.ValidString(p) {
				t.Errorf("%s: a part is not valid UTF-8", c.name)
			}
		}
		if !slices.Equal(sizes, c.sizes) || strings.Join(parts, "") != c.text {
			t.Errorf("%s: parts of %v units; want %v, joining into the text", c.name, sizes, c.sizes)
		}
	}
	if got := utf16Len(clef); got != 2*maxCellText || len(utf16.Encode([]rune(clef))) != got {
		t.Errorf("utf16Len = %d", got)
	}
}

func TestLinkable(t *testing.T) {
	for u, want := range map[string]bool{
		"https://www.lemonde.fr/x":  true,
		"http://example.org/%D0%90": true,
		"mailto:didr@example.org":   true,
		"javascript:alert(1)":       false,
		"file:///etc/passwd":        false,
		"www.example.org":           false,
		"https://":                  false,
		"":                          false,
		"https://example.org/" + strings.Repeat("a", 2100): false,
	} {
		if got := linkable(u); got != want {
			t.Errorf("linkable(%.40q) = %v; want %v", u, got, want)
		}
	}
}

func TestExcelDate(t *testing.T) {
	for _, tt := range []struct {
		d    model.Date
		want float64
		ok   bool
	}{
		{model.Date{Year: 2022, Month: 1, Day: 19}, 44580, true},
		{model.Date{Year: 1900, Month: 3, Day: 1}, 61, true},
		{model.Date{Year: 1900, Month: 2, Day: 28}, 0, false},
		{model.Date{Year: 1899, Month: 12, Day: 31}, 0, false},
	} {
		got, ok := excelDate(tt.d)
		if got != tt.want || ok != tt.ok {
			t.Errorf("excelDate(%v) = %v, %v; want %v, %v", tt.d, got, ok, tt.want, tt.ok)
		}
	}
}

func TestColName(t *testing.T) {
	for n, want := range map[int]string{1: "A", 23: "W", 26: "Z", 27: "AA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := colName(n); got != want {
			t.Errorf("colName(%d) = %q; want %q", n, got, want)
		}
	}
}

// TestFiltered writes a briefing narrowed to Almaty: the summary says so,
// and the sheets hold only what the briefing kept.
func TestFiltered(t *testing.T) {
	d := synthetic(400)
	doc, err := report.Build(d, report.Options{Filter: report.Filter{Places: []model.PlaceID{"almaty"}}})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, workbook(t, doc, fr))
	rows, err := f.GetRows("Synthèse")
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[4]; len(got) < 2 || got[0] != "Filtres" || got[1] != doc.Filters[0][0] {
		t.Errorf("summary row 5 %q; want the filter %q", got, doc.Filters[0][0])
	}
	for sheet, want := range map[string]int{"Chiffres": doc.Figures.Count, "Lieux": len(doc.Places), "Sources": len(doc.Sources)} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows)-1 != want {
			t.Errorf("%s: %d rows; want %d", sheet, len(rows)-1, want)
		}
	}
}

// TestEmptyBriefing writes a briefing with no figure: every sheet has its
// header, the tables an empty row.
func TestEmptyBriefing(t *testing.T) {
	doc := syntheticDoc(t, 0, en)
	data := workbook(t, doc, en)
	f := open(t, data)
	tables, err := f.GetTables("Figures")
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) != 1 || tables[0].Range != "A1:W2" {
		t.Errorf("figures table %+v; want A1:W2", tables)
	}
	rows, err := f.GetRows("Summary")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 10 {
		t.Errorf("summary has %d rows", len(rows))
	}
}
