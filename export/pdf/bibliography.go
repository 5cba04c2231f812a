package pdf

import (
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
)

// bibliography adds the cited sources, grouped as the report orders them:
// outlet, date, original title (in its own script, in its language),
// translated title, and the URL as a link. An outlet or a title written
// right to left is isolated (see isolate).
func (b *builder) bibliography() {
	langs := b.cols
	b.wide(func() {
		for _, g := range b.doc.Bibliography {
			b.heading(g.Title, g.Anchor, 2, false)
			list := child(b.tags.parent, "L")
			for _, it := range g.Items {
				b.listItem([]*selem{list})
				lbl := b.tags.lbl[0]
				rs := []run{{text: isolate(it.Outlet) + ", " + it.Date[langs[0].lang] + ". ", st: stBib}}
				rs = append(rs, run{text: b.msg(langs[0].lang, locales.QuoteTitle, map[string]any{"Text": isolate(it.Title)}), st: stBib, lang: it.TitleLanguage})
				for _, c := range langs {
					if tr := it.Translation[c.lang]; tr != "" {
						rs = append(rs, run{text: " [" + tr + "]", st: stBibI})
					}
				}
				rs = append(rs, run{text: ". ", st: stBib})
				if it.URL != "" {
					rs = append(rs, run{text: it.URL, st: stURL, url: it.Link})
				}
				its := b.block([][]run{rs}, 4, leadNote, false, "source "+string(it.ID), "")
				if len(its) > 0 {
					its[0].spaceBefore = 1.4
					its[0].anchors = append(its[0].anchors, b.prefix+it.Anchor)
					first := its[0].draw
					its[0].draw = func(d *drawer, y float64) {
						first(d, y)
						d.in(lbl)
						d.text(b.g.marginL, y+3, "•", stBib)
					}
				}
			}
		}
	})
}

// errata adds what the sources printed where the dossier records
// something else.
func (b *builder) errata() {
	l := b.cols[0].lang
	b.wide(func() {
		for _, e := range b.doc.Errata {
			rs := []run{{text: e.Subject[l], st: stCellB}}
			if e.Field != "" {
				rs = append(rs, run{text: " (" + e.Field + ")", st: stCellI})
			}
			rs = append(rs, run{text: " — " + b.msg(l, locales.QuoteTitle, map[string]any{"Text": e.Printed}), st: stCell})
			if e.Recorded != "" {
				rs = append(rs, run{text: " → " + b.msg(l, locales.QuoteTitle, map[string]any{"Text": e.Recorded}), st: stCell})
			}
			rs = append(rs, run{text: ". " + e.Text[l], st: stCell})
			its := b.block([][]run{rs}, 0, leadCell, false, "erratum "+e.Ref.String(), "")
			if len(its) > 0 {
				its[0].spaceBefore = 1.5
			}
		}
	})
}

var _ = report.SectionErrata
