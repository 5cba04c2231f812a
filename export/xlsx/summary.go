package xlsx

import (
	"math"
	"unicode/utf8"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
	"github.com/xuri/excelize/v2"
)

// summary writes the first sheet: the title and dates, the key figures
// (an Excel table), the contested figures with their spread, and the
// legend.
func (b *book) summary() error {
	w, d := b.w, b.doc
	cols := []column{
		{w.col(locales.WorkbookColumnFigure), 36, true},
		{w.col(locales.WorkbookColumnSide), 16, false},
		{w.col(locales.WorkbookColumnValue), 12, false},
		{w.col(locales.WorkbookColumnQualifier), 14, false},
		{w.col(locales.WorkbookColumnAsStated), 24, true},
		{w.col(locales.WorkbookColumnLow), 11, false},
		{w.col(locales.WorkbookColumnHigh), 11, false},
		{w.col(locales.WorkbookColumnAsOf), 13, false},
		{w.col(locales.WorkbookColumnReported), 13, false},
		{w.col(locales.WorkbookColumnClaimant), 30, true},
		{w.col(locales.WorkbookColumnSources), 45, true},
		{w.col(locales.WorkbookColumnID), 20, false},
	}
	var key []*report.KeyFigure
	var contested []*report.Contested
	if d.Figures != nil {
		key, contested = d.Figures.Key, d.Figures.Contested
	}
	keyRows := 0
	for _, k := range key {
		for _, it := range []*report.FigureItem{k.Official, k.Independent} {
			if it != nil {
				keyRows++
			}
		}
	}
	legend := b.legend()

	// Count the rows first: the dimension goes before the first row.
	meta := 2 // issuer, published
	if !d.Meta.Updated.IsZero() {
		meta++
	}
	meta += len(d.Filters)
	rows := 1 + meta + 1 // title, meta, blank
	headerRow := rows + 2
	rows += 2 + max(keyRows, 1) + 1 // heading, header, rows, blank
	if len(contested) > 0 {
		rows += 2 + len(contested) + 1
	}
	rows += 1 + len(legend)

	s, err := b.newSheet(b.sheetName(locales.WorkbookSheetSummary), cols, rows, false)
	if err != nil {
		return err
	}
	style := func(k kind) int {
		id, e := b.styles.id(k, lookPlain)
		if e != nil && err == nil {
			err = b.fail(e)
		}
		return id
	}
	// text is a cell of text in the column col (from 1) of the next row.
	text := func(col int, k kind, v string) any {
		if v == "" {
			return nil
		}
		v, e := s.splitText(col, v)
		if e != nil && err == nil {
			err = b.fail(e)
		}
		return excelize.Cell{StyleID: style(k), Value: v}
	}
	if err := s.addCells(text(1, kindTitle, b.t(d.Meta.Title))); err != nil {
		return err
	}
	field := func(id locales.ID, v any) error {
		var c excelize.Cell
		ok, e := s.cell(&c, 1, v, lookPlain)
		if e != nil {
			return b.fail(e)
		}
		var value any
		if ok {
			value = c
		}
		return s.addCells(text(1, kindLabel, w.msg(id, nil)), value)
	}
	if err := field(locales.FieldIssuer, b.t(d.Meta.Issuer)); err != nil {
		return err
	}
	if err := field(locales.FieldPublished, d.Meta.Published); err != nil {
		return err
	}
	if !d.Meta.Updated.IsZero() {
		if err := field(locales.FieldUpdated, d.Meta.Updated); err != nil {
			return err
		}
	}
	for i, f := range d.Filters {
		l := any(nil)
		if i == 0 {
			l = text(1, kindLabel, w.msg(locales.FieldFilters, nil))
		}
		if err := s.addCells(l, text(2, kindText, b.t(f))); err != nil {
			return err
		}
	}
	s.skip()

	// Key figures: a table, one row per side.
	if err := s.addCells(text(1, kindHeading, w.msg(locales.KeyFiguresHeading, nil))); err != nil {
		return err
	}
	if err := s.header(); err != nil {
		return err
	}
	for _, k := range key {
		for _, it := range []*report.FigureItem{k.Official, k.Independent} {
			if it == nil {
				continue
			}
			f := &it.Figure
			value, low, high := amounts(f)
			err := s.add(figureLook(it), b.t(k.Label), w.side(it.Official), value, label(w, f.Qualifier),
				b.t(it.Value), low, high, f.AsOf, f.Reported, b.t(it.Claimant), b.t(it.Cites), string(it.ID))
			if err != nil {
				return err
			}
		}
	}
	if keyRows == 0 {
		s.skip()
	}
	keyEnd := s.row
	s.skip()

	// Contested figures: their spread; the figures are on their own sheet.
	if len(contested) > 0 {
		if err := s.addCells(text(1, kindHeading, w.msg(locales.ContestedFiguresHeading, nil))); err != nil {
			return err
		}
		heads := []locales.ID{locales.WorkbookColumnFigure, locales.WorkbookColumnCount, locales.WorkbookColumnLowest,
			locales.WorkbookColumnHighest, locales.WorkbookColumnSpread}
		cells := make([]any, len(heads))
		for i, id := range heads {
			cells[i] = text(i+1, kindHeader, w.col(id))
		}
		if err := s.addCells(cells...); err != nil {
			return err
		}
		for _, g := range contested {
			if err := s.add(lookPlain, b.t(g.Label), len(g.Figures), g.Min, g.Max, b.t(g.Spread), nil, nil, nil, nil, nil, nil, nil); err != nil {
				return err
			}
		}
		s.skip()
	}

	// The legend: each line across the sheet, wrapped.
	if err := s.addCells(text(1, kindHeading, w.msg(locales.WorkbookLegendHeading, nil))); err != nil {
		return err
	}
	width := 0.0
	for _, c := range cols {
		width += c.width
	}
	for _, line := range legend {
		cell := text(1, kindWrap, line)
		s.row++
		if s.sw == nil {
			continue
		}
		ref := cellName(1, s.row)
		lines := math.Ceil(float64(utf8.RuneCountInString(line)) * 1.1 / width)
		opts := excelize.RowOpts{Height: 15 * max(lines, 1)}
		if e := s.sw.SetRow(ref, []any{cell}, opts); e != nil {
			return b.fail(e)
		}
		if e := s.sw.MergeCell(ref, cellName(len(cols), s.row)); e != nil {
			return b.fail(e)
		}
	}
	if err != nil {
		return err
	}
	return s.finish("KeyFigures", headerRow, keyEnd)
}

// legend returns the lines that say how to read the workbook.
func (b *book) legend() []string {
	w := b.w
	col := w.col
	return []string{
		w.msg(locales.WorkbookLegendSides, nil),
		w.msg(locales.WorkbookLegendKeyFigures, nil),
		w.msg(locales.WorkbookLegendContested, map[string]any{"Sheet": b.sheetName(locales.WorkbookSheetContested)}),
		w.msg(locales.WorkbookLegendValues, map[string]any{"Value": col(locales.WorkbookColumnValue),
			"Low": col(locales.WorkbookColumnLow), "High": col(locales.WorkbookColumnHigh), "AsStated": col(locales.WorkbookColumnAsStated)}),
		w.msg(locales.WorkbookLegendDates, map[string]any{"AsOf": col(locales.WorkbookColumnAsOf), "Reported": col(locales.WorkbookColumnReported)}),
		w.msg(locales.WorkbookLegendRetracted, nil),
		w.msg(locales.WorkbookLegendDerived, map[string]any{"SumOf": col(locales.WorkbookColumnSumOf)}),
		w.msg(locales.WorkbookLegendSources, map[string]any{"Sources": col(locales.WorkbookColumnSources),
			"Sheet": b.sheetName(locales.WorkbookSheetSources)}),
	}
}
