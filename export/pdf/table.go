package pdf

import (
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
)

const cellPad = 1.2

// table adds a table: a header row, repeated at the top of every page the
// table continues on, and rows that never split across pages. A row with
// one cell spans the table (a group heading).
//
// The widths are scaled to the text's width: they add up to it.
func (b *builder) table(widths []float64, header []string, rows [][][]run, where string) {
	sum := 0.0
	for _, w := range widths {
		sum += w
	}
	if sum != b.g.textW && sum > 0 {
		scaled := make([]float64, len(widths))
		for i, w := range widths {
			scaled[i] = w * b.g.textW / sum
		}
		widths = scaled
	}
	tbl := b.enter("Table")
	defer b.leave(tbl)
	head := b.row(widths, b.headerRuns(header), where, true, false)
	head.spaceBefore = 3
	head.keep = true
	b.add(head)
	for i, r := range rows {
		it := b.row(widths, r, where, false, i%2 == 1)
		it.header = head
		b.add(it)
	}
}

func (b *builder) headerRuns(header []string) [][]run {
	out := make([][]run, len(header))
	for i, h := range header {
		out[i] = []run{{text: h, st: stCellHead}}
	}
	return out
}

// row lays out one table row as an item.
func (b *builder) row(widths []float64, cells [][]run, where string, head, zebra bool) *item {
	spans := len(cells) == 1 && len(widths) > 1
	total := 0.0
	for _, w := range widths {
		total += w
	}
	var lines [][]line
	h := 0.0
	for i, c := range cells {
		w := widths[i]
		if spans {
			w = total
		}
		ls := b.m.wrap(b.m.words(c, where), w-2*cellPad, leadCell, false, where)
		lines = append(lines, ls)
		ch := 0.0
		for _, l := range ls {
			ch += l.height
		}
		h = max(h, ch)
	}
	h += 2 * cellPad
	it := &item{h: h}
	left := b.g.marginL
	tr := child(b.tags.parent, "TR")
	cellEls := make([]*selem, len(cells))
	for i := range cells {
		switch {
		case head:
			cellEls[i] = child(tr, "TH")
			cellEls[i].attr = "<</O /Table /Scope /Column>>"
		case spans:
			cellEls[i] = child(tr, "TH")
			cellEls[i].attr = "<</O /Table /Scope /Row /ColSpan " + itoa(len(widths)) + ">>"
		default:
			cellEls[i] = child(tr, "TD")
		}
	}
	drawn := false
	it.draw = func(d *drawer, y float64) {
		// a header row repeated on a later page is not read again
		repeat := drawn
		drawn = true
		d.in(artifact)
		x := left
		switch {
		case head:
			d.fill(navy)
			d.f.Rect(left, y, total, h, "F")
		case spans:
			d.fill(rgb{222, 228, 240})
			d.f.Rect(left, y, total, h, "F")
		case zebra:
			d.fill(rgb{244, 246, 250})
			d.f.Rect(left, y, total, h, "F")
		}
		for i, ls := range lines {
			if !repeat {
				d.in(cellEls[i])
			}
			ly := y + cellPad
			for k := range ls {
				d.line(&ls[k], x+cellPad, ly)
				ly += ls[k].height
			}
			x += widths[i]
		}
		d.in(artifact)
		d.stroke(rgb{180, 188, 204}, 0.15)
		d.f.Line(left, y+h, left+total, y+h)
	}
	return it
}

// cell makes the runs of a plain cell.
func cell(s string, st style) []run { return []run{{text: s, st: st}} }

// figureCell shows a figure as value, then claimant, date and sources.
func (b *builder) figureCell(it *report.FigureItem, l int, value bool) []run {
	if it == nil {
		return cell("—", stCellI)
	}
	if value {
		st := stCellB
		if it.Figure.Status.String() == "retracted" {
			st = stCellRed
		}
		return cell(it.Value[l], st)
	}
	rs := []run{{text: it.Claimant[l] + ", " + it.AsOf[l], st: stCell}}
	if it.Cites[l] != "" {
		rs = append(rs, run{text: " — " + it.Cites[l], st: stCellI})
	}
	return rs
}

// keyFigures adds the table of the latest official and independent
// figures, and the retracted figures.
func (b *builder) keyFigures() {
	fs := b.doc.Figures
	l := b.cols[0].lang
	widths := []float64{34, 22, 44, 22, 44}
	header := []string{
		b.biMsg(locales.FieldMetric), b.biMsg(locales.FieldOfficial), b.biMsg(locales.FieldSources),
		b.biMsg(locales.FieldIndependent), b.biMsg(locales.FieldSources),
	}
	var rows [][][]run
	for _, k := range fs.Key {
		rows = append(rows, [][]run{
			cell(b.bi(k.Label), stCellB),
			b.figureCell(k.Official, l, true), b.figureCell(k.Official, l, false),
			b.figureCell(k.Independent, l, true), b.figureCell(k.Independent, l, false),
		})
	}
	b.table(widths, header, rows, "key figures")
	if len(fs.Retracted) > 0 {
		b.spacer(2)
		b.subheading(b.biMsg(locales.RetractedFiguresHeading))
		widths := []float64{26, 40, 30, 40, 30}
		header := []string{b.biMsg(locales.FieldValue), b.biMsg(locales.FieldMetric), b.biMsg(locales.FieldArea), b.biMsg(locales.FieldClaimant), b.biMsg(locales.FieldStatus)}
		var rows [][][]run
		for _, r := range fs.Retracted {
			it, err := fs.Item(r)
			if err != nil {
				b.fail(err)
				return
			}
			rows = append(rows, [][]run{
				cell(it.Value[l], stCellRed), cell(b.bi(it.Metric)+" — "+b.bi(it.Party), stCell),
				cell(b.bi(it.Scope), stCell), cell(b.bi(it.Claimant)+", "+it.Reported[l], stCell), cell(b.bi(it.Status), stCellRed),
			})
		}
		b.table(widths, header, rows, "retracted figures")
	}
}

// subheading adds a small heading, across the page, that is not in the
// outline.
func (b *builder) subheading(text string) {
	b.wide(func() {
		its := b.blockAs("H"+itoa(min(b.heads+1, 6)), [][]run{{{text: text, st: stH3}}}, 0, leadHead, false, "heading", "")
		if len(its) > 0 {
			its[0].spaceBefore = 3
			its[len(its)-1].keep = true
		}
	})
}

// wide runs f with one column across the page, in the pass's first
// language.
func (b *builder) wide(f func()) {
	cols := b.cols
	b.cols = []col{{x: b.g.marginL, w: b.g.textW, lang: cols[0].lang}}
	f()
	b.cols = cols
}

// biMsg is a catalog message in the pass's languages.
func (b *builder) biMsg(id locales.ID) string {
	l := make(report.L, len(b.locs))
	for i := range b.locs {
		l[i] = b.msg(i, id, nil)
	}
	return b.bi(l)
}

// contested adds, for each contested metric, the competing figures.
func (b *builder) contested() {
	fs := b.doc.Figures
	l := b.cols[0].lang
	widths := []float64{30, 40, 18, 18, 60}
	header := []string{b.biMsg(locales.FieldValue), b.biMsg(locales.FieldClaimant), b.biMsg(locales.FieldAsOf), b.biMsg(locales.FieldReported), b.biMsg(locales.FieldSources)}
	var rows [][][]run
	for _, c := range fs.Contested {
		rows = append(rows, [][]run{{{text: b.bi(c.Label) + " — " + c.Spread[l], st: stCellB}}})
		for _, r := range c.Figures {
			it, err := fs.Item(r)
			if err != nil {
				b.fail(err)
				return
			}
			rows = append(rows, [][]run{
				b.figureCell(it, l, true), cell(it.Claimant[l]+" ("+it.Status[l]+")", stCell),
				cell(it.AsOf[l], stCell), cell(it.Reported[l], stCell), cell(it.Cites[l], stCellI),
			})
		}
	}
	b.table(widths, header, rows, "contested figures")
}
