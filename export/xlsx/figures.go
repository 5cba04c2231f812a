package xlsx

import (
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// amounts returns the cells of a figure's number: its value, or for a
// range its bounds, or for "dozens", "hundreds", "thousands" the lower
// bound the words imply. A cell that does not apply is nil.
func amounts(f *model.Figure) (value, low, high any) {
	switch {
	case f.Qualifier == model.Range:
		return nil, f.Low, f.High
	case f.Qualifier.IsWord():
		return nil, f.Value, nil
	}
	return f.Value, nil, nil
}

// figureLook is the look of a figure's row: retracted figures are struck
// through.
func figureLook(it *report.FigureItem) look {
	if it.Figure.Status == model.StatusRetracted {
		return lookStruck
	}
	return lookPlain
}

// scope returns the name and level (country, region, city...) of the
// place a figure counts.
func (b *book) scope(it *report.FigureItem) (name, level string) {
	id := it.Figure.Scope
	if id == "" {
		id = b.doc.Country
	}
	if p := b.doc.Place(id); p != nil {
		return b.t(it.Scope), b.t(p.KindText)
	}
	return b.t(it.Scope), ""
}

func sourceIDs(items []*report.SourceItem) string {
	ids := make([]string, len(items))
	for i, s := range items {
		ids[i] = string(s.ID)
	}
	return strings.Join(ids, "; ")
}

func figureIDs(items []*report.FigureItem) string {
	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = string(it.ID)
	}
	return strings.Join(ids, " + ")
}

// figures writes the sheet of every figure, one per row.
func (b *book) figures() error {
	w := b.w
	cols := []column{
		{w.col(locales.WorkbookColumnID), 14, false},
		{w.col(locales.WorkbookColumnMetric), 16, false},
		{w.col(locales.WorkbookColumnParty), 18, false},
		{w.col(locales.WorkbookColumnValue), 11, false},
		{w.col(locales.WorkbookColumnQualifier), 14, false},
		{w.col(locales.WorkbookColumnLow), 11, false},
		{w.col(locales.WorkbookColumnHigh), 11, false},
		{w.col(locales.WorkbookColumnUnit), 9, false},
		{w.col(locales.WorkbookColumnAsStated), 22, true},
		{w.col(locales.WorkbookColumnScope), 22, false},
		{w.col(locales.WorkbookColumnScopeLevel), 13, false},
		{w.col(locales.WorkbookColumnAsOf), 13, false},
		{w.col(locales.WorkbookColumnReported), 13, false},
		{w.col(locales.WorkbookColumnClaimant), 30, true},
		{w.col(locales.WorkbookColumnClaimantKind), 16, false},
		{w.col(locales.WorkbookColumnSide), 14, false},
		{w.col(locales.WorkbookColumnSources), 40, true},
		{w.col(locales.WorkbookColumnSourceIDs), 24, true},
		{w.col(locales.WorkbookColumnStatus), 12, false},
		{w.col(locales.WorkbookColumnStatusDate), 13, false},
		{w.col(locales.WorkbookColumnNote), 40, true},
		{w.col(locales.WorkbookColumnSumOf), 18, false},
		{w.col(locales.WorkbookColumnSupersededBy), 14, false},
	}
	changes := b.doc.Changes
	if changes != nil {
		cols = append(cols, column{b.t(changes.FigureHeader), 16, false})
	}
	fs := b.doc.Figures
	count := 0
	if fs != nil {
		count = fs.Count
	}
	s, err := b.newSheet(b.sheetName(locales.WorkbookSheetFigures), cols, 1+count, true)
	if err != nil {
		return err
	}
	if err := s.header(); err != nil {
		return err
	}
	cells := make([]any, 0, len(cols))
	err = fs.Each(func(it *report.FigureItem) error {
		f := &it.Figure
		value, low, high := amounts(f)
		scope, level := b.scope(it)
		var parts any
		if len(it.Parts) > 0 {
			parts = figureIDs(it.Parts)
		}
		cells = append(cells[:0], string(it.ID), b.t(it.Metric), b.t(it.Party), value, label(w, f.Qualifier), low, high, f.Unit,
			b.t(it.Value), scope, level, f.AsOf, f.Reported, b.t(it.Claimant), label(w, f.Claimant.Kind),
			w.side(it.Official), b.t(it.Cites), sourceIDs(it.Sources), w.status(f.Status), f.StatusDate,
			b.t(it.Note), parts, string(f.SupersededBy))
		if changes != nil {
			cells = append(cells, changes.FigureChange(it.ID, b.lang))
		}
		return s.add(figureLook(it), cells...)
	})
	if err != nil {
		return err
	}
	return s.finish("Figures", 1, s.rows)
}

// contested writes the sheet of contested figures: for each group of
// figures that disagree, every figure on adjacent rows, groups shaded in
// turn.
func (b *book) contested() error {
	w := b.w
	cols := []column{
		{w.col(locales.WorkbookColumnGroup), 8, false},
		{w.col(locales.WorkbookColumnFigure), 30, true},
		{w.col(locales.WorkbookColumnLowest), 11, false},
		{w.col(locales.WorkbookColumnHighest), 11, false},
		{w.col(locales.WorkbookColumnSpread), 22, true},
		{w.col(locales.WorkbookColumnID), 14, false},
		{w.col(locales.WorkbookColumnSide), 14, false},
		{w.col(locales.WorkbookColumnValue), 11, false},
		{w.col(locales.WorkbookColumnQualifier), 14, false},
		{w.col(locales.WorkbookColumnLow), 11, false},
		{w.col(locales.WorkbookColumnHigh), 11, false},
		{w.col(locales.WorkbookColumnAsStated), 22, true},
		{w.col(locales.WorkbookColumnAsOf), 13, false},
		{w.col(locales.WorkbookColumnReported), 13, false},
		{w.col(locales.WorkbookColumnClaimant), 30, true},
		{w.col(locales.WorkbookColumnSources), 40, true},
		{w.col(locales.WorkbookColumnStatus), 12, false},
	}
	var groups []*report.Contested
	if b.doc.Figures != nil {
		groups = b.doc.Figures.Contested
	}
	n := 1
	for _, g := range groups {
		n += len(g.Figures)
	}
	s, err := b.newSheet(b.sheetName(locales.WorkbookSheetContested), cols, n, true)
	if err != nil {
		return err
	}
	if err := s.header(); err != nil {
		return err
	}
	for i, g := range groups {
		l := lookPlain
		if i%2 == 1 {
			l = lookBand
		}
		for _, r := range g.Figures {
			it, err := b.doc.Figures.Item(r)
			if err != nil {
				return err
			}
			f := &it.Figure
			value, low, high := amounts(f)
			err = s.add(l, i+1, b.t(g.Label), g.Min, g.Max, b.t(g.Spread),
				string(it.ID), w.side(it.Official), value, label(w, f.Qualifier), low, high, b.t(it.Value),
				f.AsOf, f.Reported, b.t(it.Claimant), b.t(it.Cites), w.status(f.Status))
			if err != nil {
				return err
			}
		}
	}
	return s.finish("Contested", 1, s.rows)
}
