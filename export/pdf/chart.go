package pdf

import (
	"math"

	"github.com/coibrief/coibrief/locales"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// claimantColors colours the lines of the chart by kind of claimant.
var claimantColors = map[model.ClaimantKind]rgb{
	model.ClaimantOfficial:      navy,
	model.ClaimantMedia:         {214, 110, 20},
	model.ClaimantNGO:           {30, 130, 70},
	model.ClaimantInternational: {120, 60, 150},
	model.ClaimantWitness:       {140, 90, 50},
	model.ClaimantOther:         {120, 120, 120},
}

const (
	chartH  = 62.0 // one panel
	legendH = 7.0
)

// chart adds a small chart of the reported death toll and arrest count
// over the dates they were reported, one line per kind of claimant.
func (b *builder) chart() {
	fs := b.doc.Figures
	l := b.cols[0].lang
	byMetric := map[model.Metric][]*report.Series{}
	var metrics []model.Metric
	var kinds []model.ClaimantKind
	for _, s := range fs.Series {
		if _, ok := byMetric[s.Metric]; !ok {
			metrics = append(metrics, s.Metric)
		}
		byMetric[s.Metric] = append(byMetric[s.Metric], s)
		if !containsKind(kinds, s.Claimant) {
			kinds = append(kinds, s.Claimant)
		}
	}
	if len(metrics) == 0 {
		return
	}
	loc := b.locs[l]
	titles := make([]string, len(metrics))
	for i, m := range metrics {
		t, err := loc.Metric(m)
		b.fail(err)
		titles[i] = t
	}
	kindNames := make([]string, len(kinds))
	for i, k := range kinds {
		t, err := loc.ClaimantKind(k)
		b.fail(err)
		kindNames[i] = t
	}
	// Measure every label now so that a missing glyph is an error.
	for _, t := range append(titles, kindNames...) {
		b.m.width(t, stSmall, "chart")
	}
	b.subheading(b.biMsg(locales.ChartHeading))
	textW := b.g.textW
	panelW := (textW - gutter) / float64(len(metrics))
	if len(metrics) > 1 {
		panelW = (textW - gutter*float64(len(metrics)-1)) / float64(len(metrics))
	}
	b.add(&item{h: chartH + legendH, spaceBefore: 1.5, draw: func(d *drawer, y float64) {
		for i, m := range metrics {
			x := b.g.marginL + float64(i)*(panelW+gutter)
			b.panel(d, x, y, panelW, chartH, titles[i], byMetric[m], l)
		}
		// legend
		lx, ly := b.g.marginL, y+chartH+3.5
		for i, k := range kinds {
			c := claimantColors[k]
			d.stroke(c, 0.6)
			d.f.Line(lx, ly-1, lx+6, ly-1)
			d.fill(c)
			d.f.Circle(lx+3, ly-1, 0.7, "F")
			d.text(lx+7.5, ly, kindNames[i], stSmall)
			lx += 7.5 + b.m.width(kindNames[i], stSmall, "chart") + 6
		}
	}})
}

func containsKind(ks []model.ClaimantKind, k model.ClaimantKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// niceMax rounds v up to 1, 2 or 5 times a power of ten.
func niceMax(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// panel draws one metric's lines.
func (b *builder) panel(d *drawer, x, y, w, h float64, title string, series []*report.Series, l int) {
	loc := b.locs[l]
	d.stroke(rgb{180, 188, 204}, 0.2)
	d.f.Rect(x, y, w, h, "D")
	d.text(x+2, y+4.5, title, style{face: sansBold, size: 8.5, color: navy})
	px, py, pw, ph := x+14, y+8, w-18, h-16
	var first, last model.Date
	top := 0.0
	for _, s := range series {
		for _, p := range s.Points {
			if first.IsZero() || p.Date.Before(first) {
				first = p.Date
			}
			if p.Date.After(last) {
				last = p.Date
			}
			top = max(top, p.Value)
		}
	}
	top = niceMax(top)
	days := float64(last.DaysSince(first))
	if days == 0 {
		first, days = first.AddDays(-1), 2
	}
	xOf := func(dt model.Date) float64 { return px + float64(dt.DaysSince(first))/days*pw }
	yOf := func(v float64) float64 { return py + ph - v/top*ph }
	// grid and y labels
	for i := 0; i <= 4; i++ {
		v := top * float64(i) / 4
		gy := yOf(v)
		d.stroke(rgb{225, 229, 238}, 0.15)
		d.f.Line(px, gy, px+pw, gy)
		lab := loc.Number(v)
		d.text(px-1.5-b.m.width(lab, stSmall, "chart"), gy+1, lab, stSmall)
	}
	// x labels: first and last date, and the middle when there is room
	ticks := []model.Date{first, last}
	if days >= 6 {
		ticks = append(ticks, first.AddDays(int(days/2)))
	}
	for _, t := range ticks {
		lab := loc.DateShort(t)
		tx := xOf(t) - b.m.width(lab, stSmall, "chart")/2
		d.text(tx, py+ph+4.5, lab, stSmall)
		d.stroke(rgb{150, 150, 150}, 0.2)
		d.f.Line(xOf(t), py+ph, xOf(t), py+ph+1)
	}
	for _, s := range series {
		c := claimantColors[s.Claimant]
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
