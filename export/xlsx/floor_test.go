package xlsx

import (
	"archive/zip"
	"compress/flate"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

// BenchmarkWorkbookFloor writes, for each briefing of BenchmarkWorkbook,
// the same workbook with bare excelize calls: the same seven sheets, rows,
// cell values, types and styles, column widths, frozen headers, sheet
// dimensions, merged legend rows, Excel tables, hyperlinks and charts,
// compressed at the same level (flate.BestSpeed, with the compressors
// pooled as archive/zip pools its own). What it leaves out is
// what Write adds around excelize: the row-count and cell-length checks,
// the spool that keeps a failed workbook from reaching the writer, the
// fixed part order and dates, the sorted content types and the corrected
// chart XML (numeric x values, no category-axis elements on the value
// axis). TestWorkbookFloor checks that both workbooks hold the same cells.
//
// It is not the fastest workbook bare excelize can write: it sets links
// with excelize's SetCellHyperLink, which looks through every link set
// before, so its time grows with the square of the sources (at 10,000
// entries most of its time), where Write writes the links itself. Ratios
// to it flatter Write from 10,000 entries on; the floor of
// ../shared/bench, which writes three sheets and no links, is the honest
// bar (BENCHMARKS.md gives both).
func BenchmarkWorkbookFloor(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			doc := size.doc(b)
			all := figureItems(b, doc)
			var size int64
			b.ReportAllocs()
			for b.Loop() {
				var w countWriter
				if err := writeFloor(&w, doc, all); err != nil {
					b.Fatal(err)
				}
				size = int64(w)
			}
			b.ReportMetric(float64(size)/(1<<20), "xlsx-MB")
		})
	}
}

// TestWorkbookFloor checks that the floor writes what Write writes: the
// same sheets, with the same cells.
func TestWorkbookFloor(t *testing.T) {
	for _, doc := range []*report.Document{kzDoc(t), syntheticDoc(t, 300, fr, en)} {
		var floor strings.Builder
		if err := writeFloor(&floor, doc, figureItems(t, doc)); err != nil {
			t.Fatal(err)
		}
		got, want := open(t, []byte(floor.String())), open(t, workbook(t, doc, fr))
		sheets := want.GetSheetList()
		if g := got.GetSheetList(); strings.Join(g, "|") != strings.Join(sheets, "|") {
			t.Fatalf("floor sheets %q; want %q", g, sheets)
		}
		for _, sh := range sheets {
			w, err := want.GetRows(sh, excelizeRaw)
			if err != nil {
				t.Fatal(err)
			}
			g, err := got.GetRows(sh, excelizeRaw)
			if err != nil {
				t.Fatal(err)
			}
			if len(g) != len(w) {
				t.Fatalf("%s: floor has %d rows; want %d", sh, len(g), len(w))
			}
			for r := range w {
				if strings.Join(g[r], "|") != strings.Join(w[r], "|") {
					t.Fatalf("%s row %d:\nfloor %q\nwant  %q", sh, r+1, g[r], w[r])
				}
			}
			gl, _ := got.GetMergeCells(sh)
			wl, _ := want.GetMergeCells(sh)
			if len(gl) != len(wl) {
				t.Errorf("%s: floor has %d merged ranges; want %d", sh, len(gl), len(wl))
			}
			gt, _ := got.GetTables(sh)
			wt, _ := want.GetTables(sh)
			if len(gt) != len(wt) {
				t.Errorf("%s: floor has %d tables; want %d", sh, len(gt), len(wt))
			}
		}
	}
}

// floorBook writes a workbook with excelize's stream writer and nothing
// else. It reads the same words from the catalogs as Write.
type floorBook struct {
	doc    *report.Document
	all    []*report.FigureItem // the figures of doc, made before the floor runs
	w      *words
	f      *excelize.File
	styles map[styleKey]int
	sheets int
}

func writeFloor(out io.Writer, doc *report.Document, all []*report.FigureItem) error {
	w, err := newWords(doc.Languages[0])
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			fw := floorFlate.Get().(*flate.Writer)
			fw.Reset(w)
			return pooledFlate{fw}, nil
		})
		return zw
	})
	fb := &floorBook{doc: doc, all: all, w: w, f: f, styles: map[styleKey]int{}}
	stamp := func(d model.Date) string { return d.Time().Format("2006-01-02T15:04:05Z07:00") }
	m := doc.Meta
	creator := m.Issuer[0] + ", " + m.Unit[0]
	if m.Unit[0] == "" {
		creator = m.Issuer[0]
	}
	modified := m.Updated
	if modified.IsZero() {
		modified = m.Published
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: m.Title[0], Subject: w.msg(locales.WorkbookSubject, nil), Description: m.Summary[0],
		Keywords: m.Keywords[0], Category: w.msg(locales.DocumentSeries, nil), Identifier: doc.DossierID,
		Creator: creator, LastModifiedBy: creator, Language: doc.Languages[0].String(),
		Created: stamp(m.Published), Modified: stamp(modified),
	}); err != nil {
		return err
	}
	for _, step := range []func() error{fb.summary, fb.figures, fb.contested, fb.charts, fb.timeline, fb.places, fb.sources} {
		if err := step(); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(out)
	return err
}

// floorFlate pools the compressors of the floor's zip writer, as
// archive/zip does for its own.
var floorFlate = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return fw
}}

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	floorFlate.Put(p.Writer)
	return err
}

// style returns the style of a kind of cell in a look of row.
func (fb *floorBook) style(k kind, l look) int {
	key := styleKey{k, l}
	if id, ok := fb.styles[key]; ok {
		return id
	}
	st := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
	font := &excelize.Font{}
	fm := fb.w.formats
	switch k {
	case kindWrap:
		st.Alignment.WrapText = true
	case kindInt:
		st.CustomNumFmt = &fm.integer
	case kindDecimal:
		st.CustomNumFmt = &fm.decimal
	case kindDate:
		st.CustomNumFmt, st.Alignment.Horizontal = &fm.date, "left"
	case kindTime:
		st.CustomNumFmt, st.Alignment.Horizontal = &fm.time, "left"
	case kindCoord:
		st.CustomNumFmt = &fm.coord
	case kindLink:
		font.Color, font.Underline = "0563C1", "single"
	case kindHeader:
		font.Bold, st.Alignment.WrapText = true, true
	case kindTitle:
		font.Bold, font.Size = true, 14
	case kindHeading:
		font.Bold, font.Size = true, 12
	case kindLabel:
		font.Bold = true
	}
	switch l {
	case lookStruck:
		font.Strike, font.Color = true, "808080"
	case lookBand:
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDF2F8"}}
	}
	if *font != (excelize.Font{}) {
		st.Font = font
	}
	id, _ := fb.f.NewStyle(st)
	fb.styles[key] = id
	return id
}

// Cells of the floor: nil when empty, like Write's.
func (fb *floorBook) text(s string, k kind, l look) any {
	if s == "" {
		return nil
	}
	return excelize.Cell{StyleID: fb.style(k, l), Value: s}
}

func (fb *floorBook) num(v any, l look) any {
	switch x := v.(type) {
	case nil:
		return nil
	case int:
		return excelize.Cell{StyleID: fb.style(kindInt, l), Value: x}
	case float64:
		k := kindInt
		if x != math.Trunc(x) {
			k = kindDecimal
		}
		return excelize.Cell{StyleID: fb.style(k, l), Value: x}
	}
	return nil
}

func (fb *floorBook) date(d model.Date, l look) any {
	if d.IsZero() {
		return nil
	}
	if serial, ok := excelDate(d); ok {
		return excelize.Cell{StyleID: fb.style(kindDate, l), Value: serial}
	}
	return excelize.Cell{StyleID: fb.style(kindText, l), Value: d.String()}
}

// floorSheet is a sheet being streamed.
type floorSheet struct {
	sw  *excelize.StreamWriter
	row int
}

func (fb *floorBook) sheet(id locales.ID, cols []column, rows int, freeze bool) (*floorSheet, error) {
	name := fb.w.sheet[id]
	if fb.sheets == 0 {
		if err := fb.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := fb.f.NewSheet(name); err != nil {
		return nil, err
	}
	fb.sheets++
	last, _ := excelize.CoordinatesToCellName(len(cols), max(rows, 1))
	if err := fb.f.SetSheetDimension(name, "A1:"+last); err != nil {
		return nil, err
	}
	sw, err := fb.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i := len(cols); i >= 1; i-- {
		if err := sw.SetColWidth(i, i, cols[i-1].width); err != nil {
			return nil, err
		}
	}
	if freeze {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
			return nil, err
		}
	}
	s := &floorSheet{sw: sw}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: fb.style(kindHeader, lookPlain), Value: c.head}
	}
	if id != locales.WorkbookSheetSummary {
		return s, s.add(head...)
	}
	return s, nil
}

func (s *floorSheet) add(cells ...any) error {
	s.row++
	ref, _ := excelize.CoordinatesToCellName(1, s.row)
	return s.sw.SetRow(ref, cells)
}

func (s *floorSheet) table(name string, cols, first, last int) error {
	ref, _ := excelize.CoordinatesToCellName(cols, max(last, first+1))
	return s.sw.AddTable(&excelize.Table{Range: "A" + strconv.Itoa(first) + ":" + ref, Name: name, StyleName: "TableStyleLight9"})
}

func (fb *floorBook) summary() error {
	w, d := fb.w, fb.doc
	cols := []column{
		{w.col(locales.WorkbookColumnFigure), 36, true}, {w.col(locales.WorkbookColumnSide), 16, false},
		{w.col(locales.WorkbookColumnValue), 12, false}, {w.col(locales.WorkbookColumnQualifier), 14, false},
		{w.col(locales.WorkbookColumnAsStated), 24, true}, {w.col(locales.WorkbookColumnLow), 11, false},
		{w.col(locales.WorkbookColumnHigh), 11, false}, {w.col(locales.WorkbookColumnAsOf), 13, false},
		{w.col(locales.WorkbookColumnReported), 13, false}, {w.col(locales.WorkbookColumnClaimant), 30, true},
		{w.col(locales.WorkbookColumnSources), 45, true}, {w.col(locales.WorkbookColumnID), 20, false},
	}
	key, contested := d.Figures.Key, d.Figures.Contested
	keyRows := 0
	for _, k := range key {
		keyRows += btoi(k.Official != nil) + btoi(k.Independent != nil)
	}
	legend := (&book{doc: d, w: w}).legend()
	rows := 1 + 2 + btoi(!d.Meta.Updated.IsZero()) + len(d.Filters) + 1
	headerRow := rows + 2
	rows += 2 + max(keyRows, 1) + 1
	if len(contested) > 0 {
		rows += 2 + len(contested) + 1
	}
	rows += 1 + len(legend)
	s, err := fb.sheet(locales.WorkbookSheetSummary, cols, rows, false)
	if err != nil {
		return err
	}
	fieldLabel := func(id locales.ID) any { return fb.text(w.msg(id, nil), kindLabel, lookPlain) }
	steps := [][]any{
		{fb.text(d.Meta.Title[0], kindTitle, lookPlain)},
		{fieldLabel(locales.FieldIssuer), fb.text(d.Meta.Issuer[0], kindText, lookPlain)},
		{fieldLabel(locales.FieldPublished), fb.date(d.Meta.Published, lookPlain)},
	}
	if !d.Meta.Updated.IsZero() {
		steps = append(steps, []any{fieldLabel(locales.FieldUpdated), fb.date(d.Meta.Updated, lookPlain)})
	}
	for i, flt := range d.Filters {
		var l any
		if i == 0 {
			l = fieldLabel(locales.FieldFilters)
		}
		steps = append(steps, []any{l, fb.text(flt[0], kindText, lookPlain)})
	}
	for _, r := range steps {
		if err := s.add(r...); err != nil {
			return err
		}
	}
	s.row++
	if err := s.add(fb.text(w.msg(locales.KeyFiguresHeading, nil), kindHeading, lookPlain)); err != nil {
		return err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: fb.style(kindHeader, lookPlain), Value: c.head}
	}
	if err := s.add(head...); err != nil {
		return err
	}
	for _, k := range key {
		for _, it := range []*report.FigureItem{k.Official, k.Independent} {
			if it == nil {
				continue
			}
			f, l := &it.Figure, figureLook(it)
			value, low, high := amounts(f)
			err := s.add(fb.text(k.Label[0], kindWrap, l), fb.text(w.side(it.Official), kindText, l), fb.num(value, l),
				fb.text(label(w, f.Qualifier), kindText, l), fb.text(it.Value[0], kindWrap, l), fb.num(low, l), fb.num(high, l),
				fb.date(f.AsOf, l), fb.date(f.Reported, l), fb.text(it.Claimant[0], kindWrap, l), fb.text(it.Cites[0], kindWrap, l),
				fb.text(string(it.ID), kindText, l))
			if err != nil {
				return err
			}
		}
	}
	s.row += btoi(keyRows == 0)
	keyEnd := s.row
	s.row++
	if len(contested) > 0 {
		if err := s.add(fb.text(w.msg(locales.ContestedFiguresHeading, nil), kindHeading, lookPlain)); err != nil {
			return err
		}
		var heads []any
		for _, id := range []locales.ID{locales.WorkbookColumnFigure, locales.WorkbookColumnCount, locales.WorkbookColumnLowest,
			locales.WorkbookColumnHighest, locales.WorkbookColumnSpread} {
			heads = append(heads, fb.text(w.col(id), kindHeader, lookPlain))
		}
		if err := s.add(heads...); err != nil {
			return err
		}
		for _, g := range contested {
			err := s.add(fb.text(g.Label[0], kindWrap, lookPlain), fb.num(len(g.Figures), lookPlain), fb.num(g.Min, lookPlain),
				fb.num(g.Max, lookPlain), fb.text(g.Spread[0], kindWrap, lookPlain))
			if err != nil {
				return err
			}
		}
		s.row++
	}
	if err := s.add(fb.text(w.msg(locales.WorkbookLegendHeading, nil), kindHeading, lookPlain)); err != nil {
		return err
	}
	width := 0.0
	for _, c := range cols {
		width += c.width
	}
	for _, line := range legend {
		s.row++
		ref, _ := excelize.CoordinatesToCellName(1, s.row)
		end, _ := excelize.CoordinatesToCellName(len(cols), s.row)
		lines := math.Ceil(float64(utf8.RuneCountInString(line)) * 1.1 / width)
		if err := s.sw.SetRow(ref, []any{fb.text(line, kindWrap, lookPlain)}, excelize.RowOpts{Height: 15 * max(lines, 1)}); err != nil {
			return err
		}
		if err := s.sw.MergeCell(ref, end); err != nil {
			return err
		}
	}
	if err := s.table("KeyFigures", len(cols), headerRow, keyEnd); err != nil {
		return err
	}
	return s.sw.Flush()
}

func (fb *floorBook) figures() error {
	w := fb.w
	cols := []column{
		{w.col(locales.WorkbookColumnID), 14, false}, {w.col(locales.WorkbookColumnMetric), 16, false},
		{w.col(locales.WorkbookColumnParty), 18, false}, {w.col(locales.WorkbookColumnValue), 11, false},
		{w.col(locales.WorkbookColumnQualifier), 14, false}, {w.col(locales.WorkbookColumnLow), 11, false},
		{w.col(locales.WorkbookColumnHigh), 11, false}, {w.col(locales.WorkbookColumnUnit), 9, false},
		{w.col(locales.WorkbookColumnAsStated), 22, true}, {w.col(locales.WorkbookColumnScope), 22, false},
		{w.col(locales.WorkbookColumnScopeLevel), 13, false}, {w.col(locales.WorkbookColumnAsOf), 13, false},
		{w.col(locales.WorkbookColumnReported), 13, false}, {w.col(locales.WorkbookColumnClaimant), 30, true},
		{w.col(locales.WorkbookColumnClaimantKind), 16, false}, {w.col(locales.WorkbookColumnSide), 14, false},
		{w.col(locales.WorkbookColumnSources), 40, true}, {w.col(locales.WorkbookColumnSourceIDs), 24, true},
		{w.col(locales.WorkbookColumnStatus), 12, false}, {w.col(locales.WorkbookColumnStatusDate), 13, false},
		{w.col(locales.WorkbookColumnNote), 40, true}, {w.col(locales.WorkbookColumnSumOf), 18, false},
		{w.col(locales.WorkbookColumnSupersededBy), 14, false},
	}
	all := fb.all
	s, err := fb.sheet(locales.WorkbookSheetFigures, cols, 1+len(all), true)
	if err != nil {
		return err
	}
	for _, it := range all {
		f, l := &it.Figure, figureLook(it)
		value, low, high := amounts(f)
		id := f.Scope
		if id == "" {
			id = fb.doc.Country
		}
		var level string
		if p := fb.doc.Place(id); p != nil {
			level = p.KindText[0]
		}
		var parts string
		if len(it.Parts) > 0 {
			parts = figureIDs(it.Parts)
		}
		err := s.add(fb.text(string(it.ID), kindText, l), fb.text(it.Metric[0], kindText, l), fb.text(it.Party[0], kindText, l),
			fb.num(value, l), fb.text(label(w, f.Qualifier), kindText, l), fb.num(low, l), fb.num(high, l), fb.text(f.Unit, kindText, l),
			fb.text(it.Value[0], kindWrap, l), fb.text(it.Scope[0], kindText, l), fb.text(level, kindText, l),
			fb.date(f.AsOf, l), fb.date(f.Reported, l), fb.text(it.Claimant[0], kindWrap, l),
			fb.text(label(w, f.Claimant.Kind), kindText, l), fb.text(w.side(it.Official), kindText, l),
			fb.text(it.Cites[0], kindWrap, l), fb.text(sourceIDs(it.Sources), kindWrap, l), fb.text(w.status(f.Status), kindText, l),
			fb.date(f.StatusDate, l), fb.text(it.Note[0], kindWrap, l), fb.text(parts, kindText, l),
			fb.text(string(f.SupersededBy), kindText, l))
		if err != nil {
			return err
		}
	}
	if err := s.table("Figures", len(cols), 1, s.row); err != nil {
		return err
	}
	return s.sw.Flush()
}

func (fb *floorBook) contested() error {
	w := fb.w
	cols := []column{
		{w.col(locales.WorkbookColumnGroup), 8, false}, {w.col(locales.WorkbookColumnFigure), 30, true},
		{w.col(locales.WorkbookColumnLowest), 11, false}, {w.col(locales.WorkbookColumnHighest), 11, false},
		{w.col(locales.WorkbookColumnSpread), 22, true}, {w.col(locales.WorkbookColumnID), 14, false},
		{w.col(locales.WorkbookColumnSide), 14, false}, {w.col(locales.WorkbookColumnValue), 11, false},
		{w.col(locales.WorkbookColumnQualifier), 14, false}, {w.col(locales.WorkbookColumnLow), 11, false},
		{w.col(locales.WorkbookColumnHigh), 11, false}, {w.col(locales.WorkbookColumnAsStated), 22, true},
		{w.col(locales.WorkbookColumnAsOf), 13, false}, {w.col(locales.WorkbookColumnReported), 13, false},
		{w.col(locales.WorkbookColumnClaimant), 30, true}, {w.col(locales.WorkbookColumnSources), 40, true},
		{w.col(locales.WorkbookColumnStatus), 12, false},
	}
	groups := fb.doc.Figures.Contested
	n := 1
	for _, g := range groups {
		n += len(g.Figures)
	}
	s, err := fb.sheet(locales.WorkbookSheetContested, cols, n, true)
	if err != nil {
		return err
	}
	for i, g := range groups {
		l := lookPlain
		if i%2 == 1 {
			l = lookBand
		}
		for _, r := range g.Figures {
			it := fb.all[r]
			f := &it.Figure
			value, low, high := amounts(f)
			err := s.add(fb.num(i+1, l), fb.text(g.Label[0], kindWrap, l), fb.num(g.Min, l), fb.num(g.Max, l),
				fb.text(g.Spread[0], kindWrap, l), fb.text(string(it.ID), kindText, l), fb.text(w.side(it.Official), kindText, l),
				fb.num(value, l), fb.text(label(w, f.Qualifier), kindText, l), fb.num(low, l), fb.num(high, l),
				fb.text(it.Value[0], kindWrap, l), fb.date(f.AsOf, l), fb.date(f.Reported, l), fb.text(it.Claimant[0], kindWrap, l),
				fb.text(it.Cites[0], kindWrap, l), fb.text(w.status(f.Status), kindText, l))
			if err != nil {
				return err
			}
		}
	}
	if err := s.table("Contested", len(cols), 1, s.row); err != nil {
		return err
	}
	return s.sw.Flush()
}

func (fb *floorBook) charts() error {
	w := fb.w
	cols := []column{
		{w.col(locales.WorkbookColumnSeries), 26, false}, {w.col(locales.WorkbookColumnReported), 13, false},
		{w.col(locales.WorkbookColumnValue), 11, false}, {w.col(locales.WorkbookColumnAsStated), 22, false},
		{w.col(locales.WorkbookColumnClaimant), 30, false}, {w.col(locales.WorkbookColumnStatus), 12, false},
		{w.col(locales.WorkbookColumnID), 14, false},
	}
	series := fb.doc.Figures.Series
	rows := 1
	for _, sr := range series {
		rows += len(sr.Points)
	}
	name := w.sheet[locales.WorkbookSheetCharts]
	s, err := fb.sheet(locales.WorkbookSheetCharts, cols, rows, true)
	if err != nil {
		return err
	}
	var metrics []model.Metric
	plotted := map[model.Metric][]excelize.ChartSeries{}
	write := func(sr *report.Series, p report.Point, retracted bool) error {
		if p.Retracted != retracted {
			return nil
		}
		it, l := fb.all[p.Figure], lookPlain
		if p.Retracted {
			l = lookStruck
		}
		return s.add(fb.text(sr.Label[0], kindText, l), fb.date(p.Date, l), fb.num(p.Value, l), fb.text(it.Value[0], kindText, l),
			fb.text(it.Claimant[0], kindText, l), fb.text(w.status(it.Figure.Status), kindText, l), fb.text(string(it.ID), kindText, l))
	}
	quoted := "'" + strings.ReplaceAll(name, "'", "''") + "'!"
	for _, sr := range series {
		first := s.row + 1
		for _, p := range sr.Points {
			if err := write(sr, p, false); err != nil {
				return err
			}
		}
		if last := s.row; last >= first {
			if _, ok := plotted[sr.Metric]; !ok {
				metrics = append(metrics, sr.Metric)
			}
			rng := func(col string) string {
				return quoted + "$" + col + "$" + strconv.Itoa(first) + ":$" + col + "$" + strconv.Itoa(last)
			}
			color := claimantColors[sr.Claimant]
			plotted[sr.Metric] = append(plotted[sr.Metric], excelize.ChartSeries{
				Name: quoted + "$A$" + strconv.Itoa(first), Categories: rng("B"), Values: rng("C"),
				Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
				Line:   excelize.LineOptions{Type: excelize.LineSolid, Width: 1.5},
				Marker: excelize.ChartMarker{Symbol: "circle", Size: 6, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}},
			})
		}
		for _, p := range sr.Points {
			if err := write(sr, p, true); err != nil {
				return err
			}
		}
	}
	for i, m := range metrics {
		cell, _ := excelize.CoordinatesToCellName(len(cols)+2, 2+i*24)
		if err := fb.f.AddChart(name, cell, (&book{w: w}).chart(m, plotted[m])); err != nil {
			return err
		}
	}
	return s.sw.Flush()
}

func (fb *floorBook) timeline() error {
	w := fb.w
	cols := []column{
		{w.col(locales.WorkbookColumnDate), 13, false}, {w.col(locales.WorkbookColumnEndDate), 13, false},
		{w.col(locales.WorkbookColumnWhen), 24, true}, {w.col(locales.WorkbookColumnDatePrecision), 12, false},
		{w.col(locales.WorkbookColumnTime), 8, false}, {w.col(locales.WorkbookColumnEndTime), 8, false},
		{w.col(locales.WorkbookColumnPlaces), 24, true}, {w.col(locales.WorkbookColumnKind), 18, false},
		{w.col(locales.WorkbookColumnText), 80, true}, {w.col(locales.WorkbookColumnReliability), 16, false},
		{w.col(locales.WorkbookColumnFootnote), 10, false}, {w.col(locales.WorkbookColumnSources), 45, true},
		{w.col(locales.WorkbookColumnID), 16, false}, {w.col(locales.WorkbookColumnFigures), 14, false},
	}
	entries := (&book{doc: fb.doc}).entries()
	s, err := fb.sheet(locales.WorkbookSheetTimeline, cols, 1+len(entries), true)
	if err != nil {
		return err
	}
	clock := func(c model.Clock, l look) any {
		return excelize.Cell{StyleID: fb.style(kindTime, l), Value: float64(c.Minutes()) / (24 * 60)}
	}
	for _, e := range entries {
		p, en := e.p, e.p.Entry
		l := lookPlain
		if p.Reliability == model.Retracted {
			l = lookStruck
		}
		var end model.Date
		if !en.When.Open && en.When.End != en.When.Start {
			end = en.When.End
		}
		when := en.WhenText[0]
		if when == "" {
			when = e.day
		}
		var start, until any
		if en.Time != nil {
			start = clock(en.Time.Start, l)
			if en.Time.IsRange() {
				until = clock(en.Time.End, l)
			}
		}
		places := make([]string, len(en.Places))
		for i, id := range en.Places {
			places[i] = string(id)
			if pl := fb.doc.Place(id); pl != nil {
				places[i] = pl.Name[0]
			}
		}
		var note any
		var cites []string
		if p.Footnote != nil {
			note = fb.num(p.Footnote.Number, l)
			for _, c := range p.Footnote.Citations {
				cites = append(cites, c.Text[0])
			}
		}
		figs := make([]string, len(en.Figures))
		for i, id := range en.Figures {
			figs[i] = string(id)
		}
		var precision string
		if en.Precision != model.PrecisionDerived {
			precision = label(w, en.Precision)
		}
		err := s.add(fb.date(en.When.Start, l), fb.date(end, l), fb.text(when, kindWrap, l), fb.text(precision, kindText, l),
			start, until, fb.text(strings.Join(places, "; "), kindWrap, l), fb.text(en.KindText[0], kindText, l),
			fb.text(p.Text[0], kindWrap, l), fb.text(p.ReliabilityText[0], kindText, l), note,
			fb.text(strings.Join(cites, "; "), kindWrap, l), fb.text(string(p.Statement), kindText, l),
			fb.text(strings.Join(figs, ", "), kindText, l))
		if err != nil {
			return err
		}
	}
	if err := s.table("Timeline", len(cols), 1, s.row); err != nil {
		return err
	}
	return s.sw.Flush()
}

func (fb *floorBook) places() error {
	w := fb.w
	langs := (&book{doc: fb.doc}).placeLanguages()
	cols := []column{{w.col(locales.WorkbookColumnID), 22, false}}
	for _, tag := range langs {
		cols = append(cols, column{w.msg(locales.WorkbookColumnName, map[string]any{"Language": w.language(tag)}), 24, false})
	}
	cols = append(cols,
		column{w.col(locales.WorkbookColumnAliases), 28, true}, column{w.col(locales.WorkbookColumnPlaceKind), 14, false},
		column{w.col(locales.WorkbookColumnRegion), 24, false}, column{w.col(locales.WorkbookColumnLatitude), 10, false},
		column{w.col(locales.WorkbookColumnLongitude), 10, false}, column{w.col(locales.WorkbookColumnEntries), 9, false},
		column{w.col(locales.WorkbookColumnFirstDate), 13, false}, column{w.col(locales.WorkbookColumnLastDate), 13, false},
	)
	s, err := fb.sheet(locales.WorkbookSheetPlaces, cols, 1+len(fb.doc.Places), true)
	if err != nil {
		return err
	}
	row := make([]any, 0, len(cols))
	for _, p := range fb.doc.Places {
		row = append(row[:0], fb.text(string(p.ID), kindText, lookPlain))
		for _, tag := range langs {
			row = append(row, fb.text(p.Names[tag], kindText, lookPlain))
		}
		var lat, lon, entries any
		if p.Coord != nil {
			lat = excelize.Cell{StyleID: fb.style(kindCoord, lookPlain), Value: p.Coord.Lat}
			lon = excelize.Cell{StyleID: fb.style(kindCoord, lookPlain), Value: p.Coord.Lon}
		}
		if p.Entries > 0 {
			entries = fb.num(p.Entries, lookPlain)
		}
		row = append(row, fb.text(strings.Join(p.Aliases, "; "), kindWrap, lookPlain), fb.text(p.KindText[0], kindText, lookPlain),
			fb.text(p.RegionName[0], kindText, lookPlain), lat, lon, entries, fb.date(p.First, lookPlain), fb.date(p.Last, lookPlain))
		if err := s.add(row...); err != nil {
			return err
		}
	}
	if err := s.table("Places", len(cols), 1, s.row); err != nil {
		return err
	}
	return s.sw.Flush()
}

func (fb *floorBook) sources() error {
	w := fb.w
	cols := []column{
		{w.col(locales.WorkbookColumnID), 24, false}, {w.col(locales.WorkbookColumnCategory), 16, false},
		{w.col(locales.WorkbookColumnOutlet), 26, true}, {w.col(locales.WorkbookColumnTitle), 50, true},
		{w.col(locales.WorkbookColumnTitleLanguage), 12, false}, {w.col(locales.WorkbookColumnTranslation), 50, true},
		{w.col(locales.WorkbookColumnPublished), 13, false}, {w.col(locales.WorkbookColumnUpdated), 13, false},
		{w.col(locales.WorkbookColumnURL), 50, false}, {w.col(locales.WorkbookColumnCitation), 30, false},
		{w.col(locales.WorkbookColumnFootnotes), 20, true},
	}
	name := w.sheet[locales.WorkbookSheetSources]
	s, err := fb.sheet(locales.WorkbookSheetSources, cols, 1+len(fb.doc.Sources), true)
	if err != nil {
		return err
	}
	var links [][2]string
	for _, it := range fb.doc.Sources {
		notes := make([]string, len(it.Footnotes))
		for i, n := range it.Footnotes {
			notes[i] = strconv.Itoa(n)
		}
		var lang string
		if it.TitleLanguage != (language.Tag{}) {
			lang = w.language(it.TitleLanguage)
		}
		target := it.Link
		if target == "" {
			target = it.URL
		}
		url := fb.text(it.URL, kindText, lookPlain)
		if it.URL != "" && linkable(target) && len(links) < maxLinks {
			url = fb.text(it.URL, kindLink, lookPlain)
			ref, _ := excelize.CoordinatesToCellName(9, s.row+1)
			links = append(links, [2]string{ref, target})
		}
		err := s.add(fb.text(string(it.ID), kindText, lookPlain), fb.text(label(w, it.Category), kindText, lookPlain),
			fb.text(it.Outlet, kindWrap, lookPlain), fb.text(it.Title, kindWrap, lookPlain), fb.text(lang, kindText, lookPlain),
			fb.text(it.Translation[0], kindWrap, lookPlain), fb.date(it.Published, lookPlain), fb.date(it.Updated, lookPlain),
			url, fb.text(it.Citation[0], kindText, lookPlain), fb.text(strings.Join(notes, ", "), kindWrap, lookPlain))
		if err != nil {
			return err
		}
	}
	if err := s.table("Sources", len(cols), 1, s.row); err != nil {
		return err
	}
	for _, l := range links {
		if err := fb.f.SetCellHyperLink(name, l[0], l[1], "External"); err != nil {
			return err
		}
	}
	return s.sw.Flush()
}
