// Package chartlayout holds what the renderers' charts of figures share:
// the series of a briefing grouped into one panel per metric, the kinds
// of claimant the legend shows, the colours, and each panel's scales —
// the dates and values its axes span and the dates they mark. The PDF
// and the HTML renderer draw the same chart from them.
package chartlayout

import (
	"math"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

// ClaimantColors colour the lines of the chart by kind of claimant.
var ClaimantColors = map[model.ClaimantKind]RGB{
	model.ClaimantOfficial:      {20, 45, 90},
	model.ClaimantMedia:         {214, 110, 20},
	model.ClaimantNGO:           {30, 130, 70},
	model.ClaimantInternational: {120, 60, 150},
	model.ClaimantWitness:       {140, 90, 50},
	model.ClaimantOther:         {120, 120, 120},
}

// Retracted is the colour of the mark of a retracted figure.
var Retracted = RGB{170, 30, 30}

// Chart is the figures' chart: a panel per metric, in the order the
// series first name them, and the kinds of claimant of the lines, in the
// order they first appear.
type Chart struct {
	Panels []Panel
	Kinds  []model.ClaimantKind
}

// Panel is one metric's lines.
type Panel struct {
	Metric model.Metric
	Series []*report.Series
	Scale  Scale
}

// Scale is a panel's axes: from First over Days days, from 0 to Top.
type Scale struct {
	First model.Date
	Days  float64
	Top   float64      // a round number at or above the greatest value
	Ticks []model.Date // the dates the horizontal axis marks: first, last, and the middle when there is room
	Grid  []float64    // the values of the horizontal lines, 0 to Top in quarters
}

// X returns where date d lies along the horizontal axis, from 0 to 1.
func (s Scale) X(d model.Date) float64 { return float64(d.DaysSince(s.First)) / s.Days }

// Y returns where v lies up the vertical axis, from 0 (at 0) to 1 (at
// Top).
func (s Scale) Y(v float64) float64 { return v / s.Top }

// New groups the series of a briefing into panels.
func New(series []*report.Series) Chart {
	var c Chart
	index := map[model.Metric]int{}
	for _, s := range series {
		i, ok := index[s.Metric]
		if !ok {
			i = len(c.Panels)
			index[s.Metric] = i
			c.Panels = append(c.Panels, Panel{Metric: s.Metric})
		}
		c.Panels[i].Series = append(c.Panels[i].Series, s)
		if !containsKind(c.Kinds, s.Claimant) {
			c.Kinds = append(c.Kinds, s.Claimant)
		}
	}
	for i := range c.Panels {
		c.Panels[i].Scale = scaleOf(c.Panels[i].Series)
	}
	return c
}

// Labels returns, in the document's language l, the panels' titles and
// the legend's names of the kinds of claimant, as report labels the
// series.
func (c Chart) Labels(l int) (titles, kinds []string) {
	titles = make([]string, len(c.Panels))
	for i, p := range c.Panels {
		titles[i] = p.Series[0].MetricLabel[l]
	}
	kinds = make([]string, len(c.Kinds))
	for i, k := range c.Kinds {
		for _, p := range c.Panels {
			for _, s := range p.Series {
				if s.Claimant == k && kinds[i] == "" {
					kinds[i] = s.ClaimantLabel[l]
				}
			}
		}
	}
	return titles, kinds
}

func containsKind(ks []model.ClaimantKind, k model.ClaimantKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// scaleOf returns the scales of a panel of series.
func scaleOf(series []*report.Series) Scale {
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
	top = NiceMax(top)
	days := float64(last.DaysSince(first))
	if days == 0 {
		first, days = first.AddDays(-1), 2
	}
	sc := Scale{First: first, Days: days, Top: top}
	sc.Ticks = []model.Date{first, last}
	if days >= 6 {
		sc.Ticks = append(sc.Ticks, first.AddDays(int(days/2)))
	}
	for i := 0; i <= 4; i++ {
		sc.Grid = append(sc.Grid, top*float64(i)/4)
	}
	return sc
}

// NiceMax rounds v up to 1, 2 or 5 times a power of ten.
func NiceMax(v float64) float64 {
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
