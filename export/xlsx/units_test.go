package xlsx

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

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

func TestCellText(t *testing.T) {
	short := "Алматы — émeutes"
	if got := cellText(short); got != short {
		t.Errorf("cellText(%q) = %q", short, got)
	}
	long := strings.Repeat("𝄞", maxCellText) // two UTF-16 units each
	got := cellText(long)
	if n := len(utf16.Encode([]rune(got))); n > maxCellText || !strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("cellText of %d units: %d units, ends %q", 2*maxCellText, n, got[len(got)-8:])
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
