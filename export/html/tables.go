package html

import (
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// Tables set the pass's first language, with headers and labels in both
// languages of a two-column pass, as the PDF's do.

// biMsg writes a catalog message in the pass's languages.
func (b *builder) biMsg(id locales.ID) { b.bi(b.msgL(id)) }

// tableStart writes the start of a table with its caption and header
// row. hidden hides the caption from the eye when a heading just above
// already says it; it is still the table's name for a screen reader.
func (b *builder) tableStart(class string, caption func(), hidden bool, header []locales.ID) {
	b.w(`<div class="cb-table-wrap"><table class="cb-table `, class, "\">\n<caption")
	if hidden {
		b.w(` class="cb-vh"`)
	}
	b.w(">")
	caption()
	b.w("</caption>\n<thead><tr>")
	for _, h := range header {
		b.w(`<th scope="col">`)
		b.biMsg(h)
		b.w("</th>")
	}
	b.w("</tr></thead>\n<tbody>\n")
}

func (b *builder) tableEnd() { b.w("</tbody>\n</table></div>\n") }

// cell writes a <td> of plain text with a class.
func (b *builder) cell(class, s string) {
	b.w("<td")
	if class != "" {
		b.w(` class="`, class, `"`)
	}
	b.w(">")
	b.text(s)
	b.w("</td>")
}

// figureCells writes a figure as two cells: its value, then its
// claimant, date and sources; a dash when there is no figure.
func (b *builder) figureCells(it *report.FigureItem, l int) {
	if it == nil {
		b.w(`<td class="cb-none">—</td><td class="cb-none">—</td>`)
		return
	}
	class := "cb-value"
	if it.Figure.Status == model.StatusRetracted {
		class = "cb-value cb-retracted"
	}
	b.cell(class, it.Value[l])
	b.w("<td>")
	b.text(it.Claimant[l] + ", " + it.AsOf[l])
	if it.Cites[l] != "" {
		b.w(` <span class="cb-cites">`)
		b.text("— " + it.Cites[l])
		b.w("</span>")
	}
	b.w("</td>")
}

// keyFigures writes the table of the latest official and independent
// figures, and the retracted figures.
func (b *builder) keyFigures() {
	fs := b.doc.Figures
	if fs == nil {
		return
	}
	l := b.cols[0]
	b.tableStart("cb-key", func() { b.biMsg(locales.KeyFiguresHeading) }, true,
		[]locales.ID{locales.FieldMetric, locales.FieldOfficial, locales.FieldSources, locales.FieldIndependent, locales.FieldSources})
	for _, k := range fs.Key {
		b.w(`<tr><th scope="row">`)
		b.bi(k.Label)
		b.w("</th>")
		b.figureCells(k.Official, l)
		b.figureCells(k.Independent, l)
		b.w("</tr>\n")
	}
	b.tableEnd()
	if len(fs.Retracted) == 0 {
		return
	}
	b.tableStart("cb-retracted-figures", func() { b.biMsg(locales.RetractedFiguresHeading) }, false,
		[]locales.ID{locales.FieldValue, locales.FieldMetric, locales.FieldArea, locales.FieldClaimant, locales.FieldStatus})
	for _, r := range fs.Retracted {
		it, err := fs.Item(r)
		if err != nil {
			b.fail(err)
			return
		}
		b.w(`<tr><th scope="row" class="cb-value cb-retracted">`)
		b.text(it.Value[l])
		b.w("</th><td>")
		b.bi(it.Metric)
		b.w(" — ")
		b.bi(it.Party)
		b.w("</td><td>")
		b.bi(it.Scope)
		b.w("</td><td>")
		b.bi(it.Claimant)
		b.text(", " + it.Reported[l])
		b.w(`</td><td class="cb-retracted">`)
		b.bi(it.Status)
		b.w("</td></tr>\n")
	}
	b.tableEnd()
}

// contested writes, for each contested metric, the competing figures:
// a row spanning the table names the metric and the spread.
func (b *builder) contested() {
	fs := b.doc.Figures
	if fs == nil || len(fs.Contested) == 0 {
		return
	}
	l := b.cols[0]
	b.tableStart("cb-contested", func() { b.biMsg(locales.ContestedFiguresHeading) }, true,
		[]locales.ID{locales.FieldValue, locales.FieldClaimant, locales.FieldAsOf, locales.FieldReported, locales.FieldSources})
	for _, c := range fs.Contested {
		b.w(`<tr class="cb-group"><th scope="colgroup" colspan="5">`)
		b.bi(c.Label)
		b.text(" — " + c.Spread[l])
		b.w("</th></tr>\n")
		for _, r := range c.Figures {
			it, err := fs.Item(r)
			if err != nil {
				b.fail(err)
				return
			}
			class := "cb-value"
			if it.Figure.Status == model.StatusRetracted {
				class = "cb-value cb-retracted"
			}
			b.w(`<tr><th scope="row" class="`, class, `">`)
			b.text(it.Value[l])
			b.w("</th>")
			b.cell("", it.Claimant[l]+" ("+it.Status[l]+")")
			b.cell("cb-date", it.AsOf[l])
			b.cell("cb-date", it.Reported[l])
			b.cell("cb-cites", it.Cites[l])
			b.w("</tr>\n")
		}
	}
	b.tableEnd()
}
