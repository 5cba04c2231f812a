package pdf

import (
	"github.com/coibrief/coibrief/internal/chartlayout"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// claimantColor is the colour of the lines of a kind of claimant.
func claimantColor(k model.ClaimantKind) rgb {
	c := chartlayout.ClaimantColors[k]
	return rgb{c.R, c.G, c.B}
}

const (
	chartH  = 62.0 // one panel
	legendH = 7.0
)

// chart adds a small chart of the reported death toll and arrest count
// over the dates they were reported, one line per kind of claimant: the
// panels, scales and colours of package chartlayout.
func (b *builder) chart() {
	fs := b.doc.Figures
	l := b.cols[0].lang
	ch := chartlayout.New(fs.Series)
	if len(ch.Panels) == 0 {
		return
	}
	loc := b.locs[l]
	titles, kindNames := ch.Labels(l)
	// Measure every label now so that a missing glyph is an error.
	for _, t := range append(titles, kindNames...) {
		b.m.width(t, stSmall, "chart")
	}
	heading := b.biMsg(locales.ChartHeading)
	b.subheading(heading)
	panels := make([][]*report.Series, len(ch.Panels))
	for i, p := range ch.Panels {
		panels[i] = p.Series
	}
	fig := child(b.tags.parent, "Figure")
	fig.alt = chartAlt(loc, b.msg(l, locales.ChartHeading, nil), titles, panels, func(s *report.Series) string {
		return s.ClaimantLabel[l]
	})
	textW := b.g.textW
	n := len(ch.Panels)
	panelW := (textW - gutter) / float64(n)
	if n > 1 {
		panelW = (textW - gutter*float64(n-1)) / float64(n)
	}
	b.add(&item{h: chartH + legendH, spaceBefore: 1.5, draw: func(d *drawer, y float64) {
		d.in(fig)
		for i, p := range ch.Panels {
			x := b.g.marginL + float64(i)*(panelW+gutter)
			b.panel(d, x, y, panelW, chartH, titles[i], p, l)
		}
		// legend
		lx, ly := b.g.marginL, y+chartH+3.5
		for i, k := range ch.Kinds {
			c := claimantColor(k)
			d.stroke(c, 0.6)
			d.f.Line(lx, ly-1, lx+6, ly-1)
			d.fill(c)
			d.f.Circle(lx+3, ly-1, 0.7, "F")
			d.text(lx+7.5, ly, kindNames[i], stSmall)
			lx += 7.5 + b.m.width(kindNames[i], stSmall, "chart") + 6
		}
	}})
}

// panel draws one metric's lines.
func (b *builder) panel(d *drawer, x, y, w, h float64, title string, p chartlayout.Panel, l int) {
	loc := b.locs[l]
	d.stroke(rgb{180, 188, 204}, 0.2)
	d.f.Rect(x, y, w, h, "D")
	d.text(x+2, y+4.5, title, style{face: sansBold, size: 8.5, color: navy})
	px, py, pw, ph := x+14, y+8, w-18, h-16
	sc := p.Scale
	xOf := func(dt model.Date) float64 { return px + sc.X(dt)*pw }
	yOf := func(v float64) float64 { return py + ph - sc.Y(v)*ph }
	// grid and y labels
	for _, v := range sc.Grid {
		gy := yOf(v)
		d.stroke(rgb{225, 229, 238}, 0.15)
		d.f.Line(px, gy, px+pw, gy)
		lab := loc.Number(v)
		d.text(px-1.5-b.m.width(lab, stSmall, "chart"), gy+1, lab, stSmall)
	}
	// x labels: first and last date, and the middle when there is room
	for _, t := range sc.Ticks {
		lab := loc.DateShort(t)
		tx := xOf(t) - b.m.width(lab, stSmall, "chart")/2
		d.text(tx, py+ph+4.5, lab, stSmall)
		d.stroke(rgb{150, 150, 150}, 0.2)
		d.f.Line(xOf(t), py+ph, xOf(t), py+ph+1)
	}
	for _, s := range p.Series {
		c := claimantColor(s.Claimant)
		d.stroke(c, 0.6)
		var prevX, prevY float64
		started := false
		for _, p := range s.Points {
			if p.Retracted {
				continue
			}
			cx, cy := xOf(p.Date), yOf(p.Value)
			if started {
				d.f.Line(prevX, prevY, cx, cy)
			}
			prevX, prevY, started = cx, cy, true
		}
		for _, p := range s.Points {
			cx, cy := xOf(p.Date), yOf(p.Value)
			if p.Retracted {
				d.stroke(red, 0.4)
				d.f.Circle(cx, cy, 1.1, "D")
				d.f.Line(cx-0.8, cy-0.8, cx+0.8, cy+0.8)
				d.f.Line(cx-0.8, cy+0.8, cx+0.8, cy-0.8)
				d.stroke(c, 0.6)
				continue
			}
			d.fill(c)
			d.f.Circle(cx, cy, 0.8, "F")
		}
	}
}
