package pdf

import (
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
	"github.com/go-pdf/fpdf"
)

// The issuer's logo on the cover: at most this high and wide, in mm.
const (
	logoH    = 18.0
	logoMaxW = 70.0
)

// cover adds the first page: the issuer's logo, issuer, title, dates,
// filters, summary, disclaimer and method note, in every language of the
// edition side by side.
func (b *builder) cover() {
	doc := b.doc
	meta := &doc.Meta
	div := b.enter("Div")
	defer b.leave(div)
	if lg := b.logo; lg != nil {
		fig := child(div, "Figure")
		fig.alt = b.bi(meta.Issuer)
		h := logoH
		w := h * float64(lg.w) / float64(lg.h)
		if w > logoMaxW {
			w, h = logoMaxW, logoMaxW*float64(lg.h)/float64(lg.w)
		}
		x := b.g.marginL
		b.add(&item{h: logoH + 4, draw: func(d *drawer, y float64) {
			d.in(fig)
			d.f.ImageOptions(logoName, x, y+logoH-h, w, h, false, fpdf.ImageOptions{ImageType: lg.typ}, 0, "")
		}})
	}
	series := make(report.L, len(b.locs))
	for i := range b.locs {
		series[i] = b.msg(i, locales.DocumentSeries, nil)
	}
	b.text(func(l int) []run {
		rs := []run{{text: meta.Issuer[l], st: stIssuer}}
		if meta.Unit[l] != "" {
			rs = append(rs, run{text: " — " + meta.Unit[l], st: style{face: sans, size: 9.5, color: navy}})
		}
		return rs
	}, 0, leadHead, 0)
	b.text(func(l int) []run { return []run{{text: strings.ToUpper(series[l]), st: stSmall}} }, 0, leadHead, 1.5)
	b.add(&item{h: 6, draw: func(d *drawer, y float64) {
		d.in(artifact)
		d.stroke(navy, 0.8)
		d.f.Line(b.g.marginL, y+3, b.g.pageW-b.g.marginR, y+3)
	}})
	b.tags.next = b.perColElems(nil, "H1")
	b.text(func(l int) []run { return []run{{text: meta.Title[l], st: stTitle}} }, 0, 1.18, 6)
	b.text(func(l int) []run {
		st := style{face: sans, size: 9.5, color: black}
		rs := []run{{text: b.labelValue(l, locales.FieldPublished, meta.PublishedText[l]), st: st}}
		if meta.UpdatedText[l] != "" {
			rs = append(rs, run{text: " · " + b.labelValue(l, locales.FieldUpdated, meta.UpdatedText[l]), st: st})
		}
		return rs
	}, 0, leadHead, 4)
	if len(doc.Filters) > 0 {
		b.text(func(l int) []run {
			parts := make([]string, len(doc.Filters))
			for i, f := range doc.Filters {
				parts[i] = f[l]
			}
			return []run{{text: b.msg(l, locales.FieldFilters, nil) + " — " + strings.Join(parts, " · "), st: style{face: sansBold, size: 9.5, color: red}}}
		}, 0, leadHead, 3)
	}
	b.label(locales.SummaryHeading, 7)
	b.text(func(l int) []run { return []run{{text: meta.Summary[l], st: stBody}} }, 0, leadBody, 1.5)
	b.label(locales.MethodHeading, 5)
	for _, f := range meta.Method {
		b.text(func(l int) []run {
			return []run{{text: f.Label[l] + " — ", st: style{face: sansBold, size: 8.2, color: navy}}, {text: f.Value[l], st: style{face: sans, size: 8.2, color: black}}}
		}, 0, leadCell, 0.8)
	}
	if meta.MethodNote[0] != "" {
		b.text(func(l int) []run {
			return []run{{text: meta.MethodNote[l], st: style{face: sans, size: 8.2, color: grey}}}
		}, 0, leadCell, 1.2)
	}
	b.label(locales.DisclaimerHeading, 5)
	b.text(func(l int) []run {
		return []run{{text: meta.Disclaimer[l], st: style{face: serifItalic, size: 8.4, color: grey}}}
	}, 0, leadCell, 1)
}

// text adds a block built per language, with space before it.
func (b *builder) text(f func(l int) []run, indent, lead, space float64) []*item {
	its := b.block(b.perCol(f), indent, lead, false, "cover", "")
	if len(its) > 0 {
		its[0].spaceBefore = space
	}
	return its
}

// label adds a small heading of the cover.
func (b *builder) label(id locales.ID, space float64) {
	b.tags.next = b.perColElems(nil, "H2")
	its := b.text(func(l int) []run { return []run{{text: b.msg(l, id, nil), st: stH3}} }, 0, leadHead, space)
	if len(its) > 0 {
		its[len(its)-1].keep = true
	}
}

// contents adds the table of contents: every section and day, with its
// page number and a link to it. Page numbers are read when drawing, once
// the pages are laid out.
func (b *builder) contents(entries []tocEntry, anchors *map[string]anchorPos) {
	sect := b.enter("Sect")
	defer b.leave(sect)
	b.heading(b.titleL(locales.ContentsHeading), "contents", 1, true)
	toc := child(sect, "TOC")
	for _, e := range entries {
		le := child(child(toc, "TOCI"), "Link")
		le.contents = e.title
		st, indent, space := stTOC, 6.0, 0.6
		if e.level == 1 {
			st, indent, space = stTOC1, 0, 2.2
		}
		w := b.m.width(e.title, st, "contents")
		maxW := b.g.textW - indent - 14
		title := e.title
		for w > maxW && len([]rune(title)) > 4 {
			r := []rune(title)
			title = string(r[:len(r)-4]) + "…"
			w = b.m.width(title, st, "contents")
		}
		anchor := e.anchor
		link := b.link(anchor)
		h := st.size * 1.5 * ptToMM
		b.add(&item{h: h, spaceBefore: space, draw: func(d *drawer, y float64) {
			base := y + h*0.72
			d.in(le)
			d.text(b.g.marginL+indent, base, title, st)
			num := ""
			if p, ok := (*anchors)[anchor]; ok {
				num = itoa(p.page)
			}
			nw := b.m.width(num, st, "contents")
			d.text(b.g.pageW-b.g.marginR-nw, base, num, st)
			// dotted leader
			d.in(artifact)
			d.stroke(rgb{170, 170, 170}, 0.2)
			d.f.SetDashPattern([]float64{0.3, 1.2}, 0)
			d.f.Line(b.g.marginL+indent+w+2, base, b.g.pageW-b.g.marginR-nw-2, base)
			d.f.SetDashPattern([]float64{}, 0)
			d.annot(le)
			d.f.Link(b.g.marginL+indent, y, b.g.textW-indent, h, link)
		}})
	}
}

type tocEntry struct {
	level  int
	anchor string
	title  string
}

// titleL is a catalog message in every language of the document.
func (b *builder) titleL(id locales.ID) report.L {
	l := make(report.L, len(b.locs))
	for i := range b.locs {
		l[i] = b.msg(i, id, nil)
	}
	return l
}

// labelValue is "Label: value" in language l.
func (b *builder) labelValue(l int, label locales.ID, value string) string {
	return b.msg(l, locales.FieldLabelValue, map[string]any{"Label": b.msg(l, label, nil), "Value": value})
}
