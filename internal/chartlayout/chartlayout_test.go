package chartlayout

import (
	"slices"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

func date(t *testing.T, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// series returns a series of metric m by claimant k with the values v at
// the dates d, as "2022-01-05".
func series(t *testing.T, m model.Metric, k model.ClaimantKind, points ...any) *report.Series {
	s := &report.Series{Metric: m, Claimant: k}
	for i := 0; i+1 < len(points); i += 2 {
		s.Points = append(s.Points, report.Point{Date: date(t, points[i].(string)), Value: points[i+1].(float64)})
	}
	return s
}

func TestNiceMax(t *testing.T) {
	for _, c := range []struct{ v, want float64 }{
		{-3, 1}, {0, 1}, {0.03, 0.05}, {0.1, 0.1}, {1, 1}, {1.5, 2}, {2, 2}, {3, 5}, {7, 10}, {10, 10}, {11, 20},
		{164, 200}, {227, 500}, {501, 1000}, {12000, 20000}, {9.9e6, 1e7},
	} {
		if got := NiceMax(c.v); got != c.want {
			t.Errorf("NiceMax(%v) = %v; want %v", c.v, got, c.want)
		}
	}
}

// TestNew groups the series into a panel per metric, in the order the
// series first name them, with the claimants' kinds in the order they
// appear, and checks each panel's scales and ticks.
func TestNew(t *testing.T) {
	killedOff := series(t, model.MetricKilled, model.ClaimantOfficial, "2022-01-06", 26.0, "2022-01-10", 164.0, "2022-01-15", 225.0)
	arrested := series(t, model.MetricArrested, model.ClaimantOfficial, "2022-01-08", 4400.0, "2022-01-11", 9900.0)
	killedNGO := series(t, model.MetricKilled, model.ClaimantNGO, "2022-01-04", 8.0, "2022-02-01", 238.0)
	c := New([]*report.Series{killedOff, arrested, killedNGO})
	if len(c.Panels) != 2 || c.Panels[0].Metric != model.MetricKilled || c.Panels[1].Metric != model.MetricArrested {
		t.Fatalf("panels %+v; want killed, then arrested", c.Panels)
	}
	if !slices.Equal(c.Panels[0].Series, []*report.Series{killedOff, killedNGO}) || !slices.Equal(c.Panels[1].Series, []*report.Series{arrested}) {
		t.Error("the series are not in their panels, in order")
	}
	if !slices.Equal(c.Kinds, []model.ClaimantKind{model.ClaimantOfficial, model.ClaimantNGO}) {
		t.Errorf("kinds %v", c.Kinds)
	}

	k := c.Panels[0].Scale
	if k.First != date(t, "2022-01-04") || k.Days != 28 || k.Top != 500 {
		t.Errorf("killed: from %v over %v days to %v; want 2022-01-04, 28, 500", k.First, k.Days, k.Top)
	}
	if want := []model.Date{date(t, "2022-01-04"), date(t, "2022-02-01"), date(t, "2022-01-18")}; !slices.Equal(k.Ticks, want) {
		t.Errorf("killed: ticks %v; want %v", k.Ticks, want)
	}
	if want := []float64{0, 125, 250, 375, 500}; !slices.Equal(k.Grid, want) {
		t.Errorf("killed: grid %v; want %v", k.Grid, want)
	}
	if k.X(date(t, "2022-01-04")) != 0 || k.X(date(t, "2022-02-01")) != 1 || k.X(date(t, "2022-01-18")) != 0.5 {
		t.Error("killed: the dates are not placed from 0 to 1")
	}
	if k.Y(0) != 0 || k.Y(500) != 1 || k.Y(238) != 0.476 {
		t.Error("killed: the values are not placed from 0 to 1")
	}

	// Three days: no tick in the middle.
	a := c.Panels[1].Scale
	if a.Days != 3 || a.Top != 10000 || !slices.Equal(a.Ticks, []model.Date{date(t, "2022-01-08"), date(t, "2022-01-11")}) {
		t.Errorf("arrested: %v days to %v, ticks %v", a.Days, a.Top, a.Ticks)
	}

	// Every point of every panel lies within its axes, every tick too.
	for _, p := range c.Panels {
		for _, s := range p.Series {
			for _, pt := range s.Points {
				if x, y := p.Scale.X(pt.Date), p.Scale.Y(pt.Value); x < 0 || x > 1 || y < 0 || y > 1 {
					t.Errorf("%v: %v on %v at (%v, %v), outside the panel", p.Metric, pt.Value, pt.Date, x, y)
				}
			}
		}
		for _, d := range p.Scale.Ticks {
			if x := p.Scale.X(d); x < 0 || x > 1 {
				t.Errorf("%v: tick %v at %v", p.Metric, d, x)
			}
		}
	}
}

// TestOneDay: the figures of a single day sit in the middle of a panel
// two days wide; a panel of zeros has a top of 1.
func TestOneDay(t *testing.T) {
	c := New([]*report.Series{series(t, model.MetricInjured, model.ClaimantMedia, "2022-01-05", 0.0, "2022-01-05", 0.0)})
	s := c.Panels[0].Scale
	if s.Days != 2 || s.First != date(t, "2022-01-04") || s.Top != 1 {
		t.Errorf("one day: from %v over %v days to %v", s.First, s.Days, s.Top)
	}
	if x := s.X(date(t, "2022-01-05")); x != 0.5 {
		t.Errorf("one day: at %v; want the middle", x)
	}
	if got := New(nil); len(got.Panels) != 0 || len(got.Kinds) != 0 {
		t.Errorf("no series: %+v", got)
	}
}

// TestLabels takes the panels' titles and the legend from the series'
// labels, in the language asked for.
func TestLabels(t *testing.T) {
	label := func(s *report.Series, metric, claimant string) *report.Series {
		s.MetricLabel = report.L{metric, metric + " (2)"}
		s.ClaimantLabel = report.L{claimant, claimant + " (2)"}
		return s
	}
	c := New([]*report.Series{
		label(series(t, model.MetricKilled, model.ClaimantOfficial, "2022-01-06", 26.0), "Killed", "official"),
		label(series(t, model.MetricArrested, model.ClaimantNGO, "2022-01-08", 4400.0), "Arrested", "NGO"),
		label(series(t, model.MetricKilled, model.ClaimantNGO, "2022-01-04", 8.0), "Killed", "NGO"),
	})
	titles, kinds := c.Labels(1)
	if !slices.Equal(titles, []string{"Killed (2)", "Arrested (2)"}) || !slices.Equal(kinds, []string{"official (2)", "NGO (2)"}) {
		t.Errorf("Labels(1) = %q, %q", titles, kinds)
	}
}
