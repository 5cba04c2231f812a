package synth

import (
	"sort"
	"strconv"
	"time"

	"github.com/coibrief/coibrief/model"
)

// gen generates one dossier. It holds only what is small and needed
// everywhere: the sizes, the calendar, the chronology's headings, the
// outlets and claimants, and the first places once drawn; everything else
// is drawn per element from its own random stream.
type gen struct {
	seed       uint64
	sz         sizes
	period     model.DateSpan
	published  model.Date
	updated    model.Date
	limit      model.Date // the last date anything may carry
	peak       int        // the day of the period with the most entries
	headings   []heading
	country    placeInfo
	outlets    []outlet
	byCategory []byCategory
	officials  []claimant
	places     []*placeInfo // the first places, once generated
	figWidth   int
	land       *land // the real country of Options.Country, or nil
}

// heading is one Day of the chronology, without its entries.
type heading struct {
	when  model.DateSpan
	prec  model.DatePrecision
	title model.Text
	first int // global index of its first entry
	count int
	phase phase
}

// phase is the stage of the crisis a heading belongs to; it weighs the
// kinds of its entries.
type phase uint8

const (
	phaseBefore phase = iota
	phasePeak
	phaseAfter
	phaseOpen
)

func newGen(opt Options) (*gen, error) {
	sz, err := resolve(opt)
	if err != nil {
		return nil, err
	}
	g := &gen{seed: opt.Seed, sz: sz}
	if opt.Country != "" {
		if g.land, err = newLand(opt.Country); err != nil {
			return nil, err
		}
	}
	g.figWidth = max(2, len(strconv.Itoa(sz.figures)))
	g.calendar()
	g.places = make([]*placeInfo, min(sz.places(), placeCache))
	g.country = g.place(0)
	g.officials = officials(g.countryOf(), g.country.city.en)
	g.outlets = outlets(g.country)
	g.byCategory = categorize(g.outlets)
	return g, nil
}

// calendar sets the period, the publication dates and the chronology's
// headings, and spreads the entries over them: a few days of rising
// protest, a peak of violence, and a long tail of arrests and trials.
func (g *gen) calendar() {
	r := newRNG(g.seed, tagCalendar, 0)
	n := g.sz.entries
	start := model.Date{Year: r.between(2018, 2024), Month: time.Month(r.between(1, 12)), Day: 1}
	months := 1
	switch {
	case n > 20000:
		months = 3
	case n > 1000:
		months = 2
	}
	end := model.DateOf(start.Time().AddDate(0, months, -1))
	days := end.DaysSince(start) + 1
	g.period = model.DateSpan{Start: start, End: end}
	g.published = g.period.End.AddDays(r.between(14, 30))
	g.limit = g.published
	if r.chance(0.6) {
		g.updated = g.published.AddDays(r.between(10, 40))
		g.limit = g.updated
	}

	open := 0
	if n >= 20 {
		open = r.between(1, 3)
	}
	regular := n - open
	g.peak = r.between(1, min(6, days-1))
	weights := make([]int, days)
	total := 0
	for d := range weights {
		w := 3 + max(0, 40-9*abs(d-g.peak)) + r.intn(4)
		if d > g.peak {
			w += max(0, 12-12*(d-g.peak)/(days-g.peak))
		}
		weights[d] = w
		total += w
	}
	cum := 0
	first := 0
	for d, w := range weights {
		count := regular*(cum+w)/total - regular*cum/total
		cum += w
		night := 0
		if abs(d-g.peak) <= 1 && d < days-1 && count >= 3 && r.chance(0.8) {
			night = count / 3
			count -= night
		}
		ph := phaseBefore
		switch {
		case d > g.peak+3:
			ph = phaseAfter
		case d >= g.peak:
			ph = phasePeak
		}
		day := start.AddDays(d)
		if count > 0 {
			g.headings = append(g.headings, heading{when: day.Span(), first: first, count: count, phase: ph})
			first += count
		}
		if night > 0 {
			g.headings = append(g.headings, heading{when: model.DateSpan{Start: day, End: day.AddDays(1)},
				prec: model.PrecisionNight, first: first, count: night, phase: phasePeak})
			first += night
		}
	}
	if open > 0 {
		since := g.headings[len(g.headings)-1].when.Start
		p := day(since)
		g.headings = append(g.headings, heading{when: model.DateSpan{Start: since, Open: true},
			title: pair{"Depuis le " + p.fr, "Since " + p.en}.text(), first: first, count: open, phase: phaseOpen})
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// headingOf returns the index of the heading of entry k.
func (g *gen) headingOf(k int) int {
	return sort.Search(len(g.headings), func(i int) bool {
		h := &g.headings[i]
		return h.first+h.count > k
	})
}

// entryDate returns the date entry k is listed under.
func (g *gen) entryDate(k int) model.Date { return g.headings[g.headingOf(k)].when.Start }

// entryID returns the id of the seq-th entry of heading h: its date and
// its rank, with n for a night and s for an open span.
func entryID(h *heading, seq int) model.StatementID {
	tag := ""
	switch {
	case h.when.Open:
		tag = "s"
	case h.prec == model.PrecisionNight:
		tag = "n"
	}
	rank := strconv.Itoa(seq + 1)
	if len(rank) < 2 {
		rank = "0" + rank
	}
	return model.StatementID(h.when.Start.String() + "-" + tag + rank)
}

func (g *gen) figureID(i int) model.FigureID {
	s := strconv.Itoa(i + 1)
	for len(s) < g.figWidth {
		s = "0" + s
	}
	return model.FigureID("fig-" + s)
}

// clamp returns d moved into [lo, hi].
func clamp(d, lo, hi model.Date) model.Date {
	switch {
	case d.Before(lo):
		return lo
	case d.After(hi):
		return hi
	}
	return d
}

func minDate(a, b model.Date) model.Date {
	if a.Before(b) {
		return a
	}
	return b
}
