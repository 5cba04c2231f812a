package xlsx

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// dump describes a workbook as a reader sees it: its properties, then for
// each sheet its dimension, tables, frozen pane, column widths, and the
// first rows and the last, cell by cell with each cell's type.
func dump(t *testing.T, data []byte) string {
	t.Helper()
	f := open(t, data)
	var b strings.Builder
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "title %q\ncreator %q\nlanguage %s\ncreated %s modified %s\nsubject %q category %q identifier %q\n",
		p.Title, p.Creator, p.Language, p.Created, p.Modified, p.Subject, p.Category, p.Identifier)
	pk, _ := parts(t, data)
	for i, name := range f.GetSheetList() {
		dim := dimensionRE.FindSubmatch(pk[sheetPart(i)])
		fmt.Fprintf(&b, "\nsheet %q dimension %s\n", name, dim[1])
		tables, err := f.GetTables(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			fmt.Fprintf(&b, "table %s %s\n", tb.Name, tb.Range)
		}
		panes, err := f.GetPanes(name)
		if err != nil {
			t.Fatal(err)
		}
		if panes.Freeze {
			fmt.Fprintf(&b, "frozen at %s\n", panes.TopLeftCell)
		}
		var widths []string
		for _, m := range colRE.FindAllSubmatch(pk[sheetPart(i)], -1) {
			widths = append(widths, string(m[3]))
		}
		fmt.Fprintf(&b, "widths %s\n", strings.Join(widths, " "))
		rows, err := f.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		for r := range rows {
			if r > 4 && r < len(rows)-1 {
				if r == 5 {
					fmt.Fprintf(&b, "…\n")
				}
				continue
			}
			var cells []string
			for c := range rows[r] {
				ref := cellName(c+1, r+1)
				if k := cellKind(t, f, name, ref); k != "" {
					cells = append(cells, ref+"="+k)
				}
			}
			fmt.Fprintf(&b, "%s\n", strings.Join(cells, " | "))
		}
	}
	return b.String()
}

// TestKazakhstanGolden compares what a reader sees of the Kazakhstan
// workbook, in each language, with testdata/kazakhstan.LANG.golden.
func TestKazakhstanGolden(t *testing.T) {
	doc := kzDoc(t)
	for _, lang := range doc.Languages {
		t.Run(lang.String(), func(t *testing.T) {
			got := dump(t, workbook(t, doc, lang))
			path := filepath.Join("testdata", "kazakhstan."+lang.String()+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("workbook differs from %s (run go test -update and review the diff):\n%s", path, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff lists the lines that differ, up to ten of them.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, wl, gl)
			if n++; n == 10 {
				break
			}
		}
	}
	return b.String()
}

// sheetNames are the sheets of a workbook in each language, in order.
var sheetNames = map[language.Tag][]string{
	fr: {"Synthèse", "Chiffres", "Chiffres contestés", "Graphiques", "Chronologie", "Lieux", "Sources"},
	en: {"Summary", "Figures", "Contested figures", "Charts", "Timeline", "Places", "Sources"},
}

// figureHeaders are the column headers of the figures sheet.
var figureHeaders = map[language.Tag][]string{
	fr: {"Identifiant", "Indicateur", "Population comptée", "Valeur", "Qualificatif", "Borne basse", "Borne haute",
		"Unité", "Formulation", "Zone concernée", "Échelon", "Date de référence", "Rendu public le", "Auteur du chiffre",
		"Type d’auteur", "Officiel ou indépendant", "Sources", "Identifiants des sources", "Statut", "Date du statut",
		"Note", "Somme de", "Remplacé par"},
	en: {"ID", "Metric", "Group counted", "Value", "Qualifier", "Low", "High", "Unit", "As stated", "Scope",
		"Scope level", "As of", "Reported", "Claimant", "Claimant type", "Official or independent", "Sources",
		"Source IDs", "Status", "Status date", "Note", "Sum of", "Superseded by"},
}

// TestSheetsAndHeaders checks the sheet names and the headers of every
// table in both languages, and that no header repeats within a sheet.
func TestSheetsAndHeaders(t *testing.T) {
	doc := kzDoc(t)
	for _, lang := range []language.Tag{fr, en} {
		t.Run(lang.String(), func(t *testing.T) {
			f := open(t, workbook(t, doc, lang))
			if got, want := f.GetSheetList(), sheetNames[lang]; !slices.Equal(got, want) {
				t.Fatalf("sheets %q; want %q", got, want)
			}
			rows, err := f.GetRows(sheetNames[lang][1])
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rows[0], figureHeaders[lang]; !slices.Equal(got, want) {
				t.Errorf("figure headers %q; want %q", got, want)
			}
			for _, name := range f.GetSheetList() {
				tables, err := f.GetTables(name)
				if err != nil {
					t.Fatal(err)
				}
				for _, tb := range tables {
					first, _, _ := strings.Cut(tb.Range, ":")
					_, row, _ := excelize.CellNameToCoordinates(first)
					rows, err := f.GetRows(name)
					if err != nil {
						t.Fatal(err)
					}
					head := rows[row-1]
					seen := map[string]bool{}
					for _, h := range head {
						if h == "" || seen[h] {
							t.Errorf("%s: table %s: header %q empty or repeated in %q", name, tb.Name, h, head)
						}
						seen[h] = true
					}
				}
			}
		})
	}
}

// TestTables checks that each data sheet is one Excel table over all its
// rows, with a filter and a frozen header, and that the dimension covers
// the same range.
func TestTables(t *testing.T) {
	doc := kzDoc(t)
	data := workbook(t, doc, en)
	f := open(t, data)
	pk, _ := parts(t, data)
	fs := doc.Figures
	nContested := 0
	for _, g := range fs.Contested {
		nContested += len(g.Figures)
	}
	want := []struct {
		sheet, table string
		rows, cols   int
	}{
		{"Figures", "Figures", 1 + fs.Count, 23},
		{"Contested figures", "Contested", 1 + nContested, 17},
		{"Timeline", "Timeline", 1 + 104, 14},
		{"Places", "Places", 1 + len(doc.Places), 11},
		{"Sources", "Sources", 1 + len(doc.Sources), 11},
	}
	for _, w := range want {
		tables, err := f.GetTables(w.sheet)
		if err != nil {
			t.Fatal(err)
		}
		ref := "A1:" + cellName(w.cols, w.rows)
		if len(tables) != 1 || tables[0].Name != w.table || tables[0].Range != ref {
			t.Errorf("%s: tables %+v; want one, %s over %s", w.sheet, tables, w.table, ref)
		}
		i := slices.Index(f.GetSheetList(), w.sheet)
		if dim := dimensionRE.FindSubmatch(pk[sheetPart(i)]); dim == nil || string(dim[1]) != ref {
			t.Errorf("%s: dimension %q; want %s", w.sheet, dim, ref)
		}
		if !bytes.Contains(pk[tablePart(t, pk, w.table)], []byte(`<autoFilter ref="`+ref+`"`)) {
			t.Errorf("%s: table %s has no filter over %s", w.sheet, w.table, ref)
		}
		panes, err := f.GetPanes(w.sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v; want the first row frozen", w.sheet, panes)
		}
	}
	// The summary's key figures are a table too.
	tables, err := f.GetTables("Summary")
	if err != nil {
		t.Fatal(err)
	}
	keyRows := 0
	for _, k := range fs.Key {
		keyRows += btoi(k.Official != nil) + btoi(k.Independent != nil)
	}
	if len(tables) != 1 || tables[0].Name != "KeyFigures" || tables[0].Range != "A7:L"+strconv.Itoa(7+keyRows) {
		t.Errorf("summary tables %+v; want KeyFigures over A7:L%d", tables, 7+keyRows)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// tablePart returns the part of the table named name.
func tablePart(t *testing.T, pk map[string][]byte, name string) string {
	t.Helper()
	for p, b := range pk {
		if strings.HasPrefix(p, "xl/tables/") && bytes.Contains(b, []byte(` displayName="`+name+`"`)) {
			return p
		}
	}
	t.Fatalf("no table %s", name)
	return ""
}

// TestCellTypes checks, on every row of the figures sheet, that values,
// bounds and dates are numbers (dates with a date format, in each
// language's format), that the text columns are text, and that the
// numbers are those of the document.
func TestCellTypes(t *testing.T) {
	doc := kzDoc(t)
	dateFmt := map[language.Tag]string{fr: "dd/mm/yyyy", en: "d mmm yyyy"}
	for li, lang := range doc.Languages {
		t.Run(lang.String(), func(t *testing.T) {
			f := open(t, workbook(t, doc, lang))
			sheet := sheetNames[lang][1]
			for i, it := range figureItems(t, doc) {
				row := i + 2
				at := func(col int) string { return cellKind(t, f, sheet, cellName(col, row)) }
				if got, want := at(1), "s:"+string(it.ID); got != want {
					t.Fatalf("row %d: A %q; want %q", row, got, want)
				}
				value, low, high := amounts(&it.Figure)
				for col, v := range map[int]any{4: value, 6: low, 7: high} {
					want := ""
					if v != nil {
						want = "n:" + strconv.FormatFloat(v.(float64), 'f', -1, 64)
					}
					if got := at(col); got != want {
						t.Errorf("%s %s: %q; want %q", it.ID, cellName(col, row), got, want)
					}
				}
				for col, d := range map[int]model.Date{12: it.Figure.AsOf, 13: it.Figure.Reported, 20: it.Figure.StatusDate} {
					ref := cellName(col, row)
					if d.IsZero() {
						if got := at(col); got != "" {
							t.Errorf("%s %s: %q; want empty", it.ID, ref, got)
						}
						continue
					}
					raw, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
					serial, _ := excelDate(d)
					if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeUnset || raw != strconv.FormatFloat(serial, 'f', -1, 64) {
						t.Errorf("%s %s: type %v value %q; want the number %v", it.ID, ref, typ, raw, serial)
					}
					if got := numFmt(t, f, sheet, ref); got != dateFmt[lang] {
						t.Errorf("%s %s: format %q; want %q", it.ID, ref, got, dateFmt[lang])
					}
				}
				for _, col := range []int{2, 9, 14, 17} {
					if got := at(col); !strings.HasPrefix(got, "s:") {
						t.Errorf("%s %s: %q; want text", it.ID, cellName(col, row), got)
					}
				}
				if got, want := at(9), "s:"+it.Value[li]; got != want {
					t.Errorf("%s I: %q; want %q", it.ID, got, want)
				}
			}
		})
	}
}

// TestRetractedMarked checks that retracted figures are struck through
// and others not.
func TestRetractedMarked(t *testing.T) {
	doc := kzDoc(t)
	f := open(t, workbook(t, doc, en))
	n := 0
	for i, it := range figureItems(t, doc) {
		for _, col := range []int{1, 4, 12, 19} {
			ref := cellName(col, i+2)
			id, err := f.GetCellStyle("Figures", ref)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			struck := st.Font != nil && st.Font.Strike
			if want := it.Figure.Status == model.StatusRetracted; struck != want {
				t.Errorf("%s %s: struck %v; want %v", it.ID, ref, struck, want)
			}
			if struck && col == 19 {
				n++
				if v, _ := f.GetCellValue("Figures", ref); v != "Retracted" {
					t.Errorf("%s %s: status %q; want Retracted", it.ID, ref, v)
				}
			}
		}
	}
	if n != len(doc.Figures.Retracted) || n == 0 {
		t.Errorf("%d retracted rows; want %d", n, len(doc.Figures.Retracted))
	}
}

// TestHyperlinks checks that every source with an http(s) URL has a
// clickable link on the streamed sources sheet, to its percent-encoded
// address, and that the others have none.
func TestHyperlinks(t *testing.T) {
	doc := kzDoc(t)
	f := open(t, workbook(t, doc, fr))
	links := 0
	for i, s := range doc.Sources {
		ref := cellName(9, i+2)
		ok, target, err := f.GetCellHyperLink("Sources", ref)
		if err != nil {
			t.Fatal(err)
		}
		shown, _ := f.GetCellValue("Sources", ref)
		if shown != s.URL {
			t.Errorf("%s: %s shows %q; want %q", s.ID, ref, shown, s.URL)
		}
		if want := s.URL != ""; ok != want || ok && target != s.Link {
			t.Errorf("%s: link %v %q; want %v %q", s.ID, ok, target, want, s.Link)
		}
		links += btoi(ok)
	}
	if links < 80 {
		t.Errorf("%d links; want every source's", links)
	}
}

// TestColumnWidths checks that every sheet lists its columns in ascending
// order with the widths asked for: the stream writer puts each width set
// before those set earlier.
func TestColumnWidths(t *testing.T) {
	pk, _ := parts(t, workbook(t, kzDoc(t), en))
	for i := range 7 {
		ms := colRE.FindAllSubmatch(pk[sheetPart(i)], -1)
		if len(ms) < 7 {
			t.Fatalf("%s: %d columns", sheetPart(i), len(ms))
		}
		for j, m := range ms {
			if lo, hi := string(m[1]), string(m[2]); lo != strconv.Itoa(j+1) || hi != lo {
				t.Errorf("%s: <col> %d is %s-%s; want %d", sheetPart(i), j+1, lo, hi, j+1)
			}
		}
	}
	f := open(t, workbook(t, kzDoc(t), en))
	if w, _ := f.GetColWidth("Timeline", "I"); w != 80 {
		t.Errorf("timeline text column is %v wide; want 80", w)
	}
}

// TestFormulaInjection writes text that starts with = + - @ and checks
// that every such cell is text, that no sheet holds a formula, and that
// the text is kept as it was.
func TestFormulaInjection(t *testing.T) {
	doc := syntheticDoc(t, 300, fr, en)
	data := workbook(t, doc, en)
	pk, _ := parts(t, data)
	for name, b := range pk {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && (bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f "))) {
			t.Errorf("%s holds a formula", name)
		}
	}
	f := open(t, data)
	seen := map[byte]int{}
	for _, sheet := range []string{"Figures", "Timeline"} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" || !strings.ContainsRune("=+-@", rune(v[0])) {
					continue
				}
				seen[v[0]]++
				if got := cellKind(t, f, sheet, cellName(c+1, r+1)); got != "s:"+v {
					t.Errorf("%s %s: %q; want the text %q", sheet, cellName(c+1, r+1), got, v)
				}
			}
		}
	}
	for _, c := range []byte("=+-@") {
		if seen[c] == 0 {
			t.Errorf("no cell starts with %c", c)
		}
	}
}

// TestOptions checks the language option and the errors of Write, with
// their whole message, and that w receives nothing on an error.
func TestOptions(t *testing.T) {
	doc := kzDoc(t)
	// The zero language is the document's first.
	if a, b := workbook(t, doc, language.Tag{}), workbook(t, doc, fr); !bytes.Equal(a, b) {
		t.Error("zero language: workbook differs from the French one")
	}
	one := *doc
	one.Languages = nil
	tests := []struct {
		name string
		doc  *report.Document
		opt  Options
		want string
		is   error
	}{
		{"nil document", nil, Options{}, "xlsx: invalid options: nil document", ErrOptions},
		{"unknown language", doc, Options{Language: language.Russian},
			"xlsx: invalid options: the document is not in ru (it is in [fr en])", ErrOptions},
		{"no language", &one, Options{}, "xlsx: invalid options: report: invalid document: Languages: 0 languages; a document has one or two", ErrOptions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := Write(&buf, tt.doc, tt.opt)
			if err == nil || err.Error() != tt.want || !errors.Is(err, tt.is) {
				t.Errorf("error %v; want %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written on error", buf.Len())
			}
		})
	}
}

// TestMalformedDocument gives Write a document whose contested figures
// name a figure it does not have: it is refused before anything is made,
// and nothing is written.
func TestMalformedDocument(t *testing.T) {
	doc := *kzDoc(t)
	figs := *doc.Figures
	g := *figs.Contested[0]
	g.Figures = append(slices.Clone(g.Figures), 999_999)
	figs.Contested = append([]*report.Contested{&g}, figs.Contested[1:]...)
	doc.Figures = &figs
	var buf bytes.Buffer
	err := Write(&buf, &doc, Options{Language: en})
	want := fmt.Sprintf("xlsx: invalid options: report: invalid document: Figures.Contested[0].Figures[%d]: figure 999999 of %d", len(g.Figures)-1, figs.Count)
	if err == nil || err.Error() != want || !errors.Is(err, ErrOptions) || !errors.Is(err, report.ErrDocument) {
		t.Errorf("error %v; want %q", err, want)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written on error", buf.Len())
	}
}

// TestPanicBecomesError makes Write panic at the last step, in the
// writer it is given: the panic comes back as an error that says where.
func TestPanicBecomesError(t *testing.T) {
	err := Write(panicWriter{}, kzDoc(t), Options{Language: en})
	const want = `xlsx: saving: workbook failed: panic: the disk caught fire`
	if err == nil || err.Error() != want || !errors.Is(err, ErrWorkbook) {
		t.Errorf("error %v; want %q", err, want)
	}
}

type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("the disk caught fire") }

// TestTooLarge checks that a briefing with more sources than a worksheet
// has rows is an error, not a truncated workbook.
func TestTooLarge(t *testing.T) {
	doc := *kzDoc(t)
	doc.Sources = slices.Repeat(doc.Sources[:1], maxRows)
	var buf bytes.Buffer
	err := Write(&buf, &doc, Options{})
	const want = `xlsx: sheet "Sources": 1048577 rows, more than the 1048576 a worksheet holds: too many rows for a worksheet`
	if err == nil || err.Error() != want || !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v; want %q", err, want)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written on error", buf.Len())
	}
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

func (w *failWriter) Write(b []byte) (int, error) {
	if len(b) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("disk full")
	}
	w.n -= len(b)
	return len(b), nil
}

// TestWriterError checks that w's own error is returned.
func TestWriterError(t *testing.T) {
	err := Write(&failWriter{n: 100}, kzDoc(t), Options{})
	if err == nil || err.Error() != "xlsx: disk full" {
		t.Errorf("error %v; want %q", err, "xlsx: disk full")
	}
}
