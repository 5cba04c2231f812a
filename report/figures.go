package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
)

// Figures is what a briefing says about numbers.
type Figures struct {
	All       []*FigureItem // every figure of the briefing, in dossier order, then derived totals
	Key       []*KeyFigure  // per metric and party, the latest official and independent figures
	Contested []*Contested  // figures that disagree
	Retracted []*FigureItem // figures withdrawn by their claimant
	Series    []*Series     // for charts: death tolls and arrest counts over time
}

// FigureItem is a figure as the briefing prints it.
type FigureItem struct {
	ID       model.FigureID // "derived:ws-06+ws-07" for a derived total
	Figure   model.Figure   // a copy of the dossier's figure (or the derived total)
	Derived  bool           // a total the briefing computed from a claimant's parts
	Parts    []*FigureItem  // the parts of a derived total
	Official bool           // the claimant is an official body
	Value    L              // "près de 12 000" / "nearly 12,000"; "225 + 19" for a derived total
	Metric   L
	Party    L
	Scope    L // the place counted; the country for national figures
	AsOf     L
	Reported L
	Claimant L
	Status   L
	Note     L
	Sources  []*SourceItem
	Cites    L // the sources' short citations, joined by "; "
}

// KeyFigure is one line of the key-figures table.
type KeyFigure struct {
	Metric      model.Metric
	Party       model.Party
	Label       L           // "Killed — security forces"
	Official    *FigureItem // nil when no official figure
	Independent *FigureItem // nil when no independent figure
}

// Contested is a set of figures for one metric, party and scope that
// disagree: standing at the same time, from different sources, with
// different values.
type Contested struct {
	Metric   model.Metric
	Party    model.Party
	Scope    model.PlaceID
	Label    L
	Figures  []*FigureItem // oldest first
	Min, Max float64
	Spread   L // "227 – 244"
}

// Series is one line of a chart: the values one kind of claimant gave for a
// metric over time.
type Series struct {
	Metric   model.Metric
	Claimant model.ClaimantKind
	Label    L
	Points   []Point
}

// Point is one value of a series.
type Point struct {
	Date      model.Date // when it was reported
	Value     float64    // the lower bound of a range
	Retracted bool
	Figure    *FigureItem
}

// keyMetrics are the metrics of the key-figures table and contested list,
// in their order; prices and other counts are not casualty figures.
var keyMetrics = []model.Metric{
	model.MetricKilled, model.MetricInjured, model.MetricHospitalised, model.MetricIntensiveCare,
	model.MetricMissing, model.MetricDetained, model.MetricArrested, model.MetricCharged,
	model.MetricCriminalCases, model.MetricAdministrative, model.MetricReleased, model.MetricTroops,
}

// chartMetrics are the metrics charted over time.
var chartMetrics = []model.Metric{model.MetricKilled, model.MetricArrested}

// contestWindow is how many days apart two figures of different claimants
// may stand at and still be compared.
const contestWindow = 1

func (b *builder) figures() {
	d := b.d
	fs := &Figures{}
	for i := range d.Figures {
		f := &d.Figures[i]
		var scope []model.PlaceID
		if f.Scope != "" {
			scope = []model.PlaceID{f.Scope}
		}
		if !b.match.place(scope, d.Country) {
			continue
		}
		fs.All = append(fs.All, b.figure(i, f))
	}
	fs.All = append(fs.All, b.derived(fs.All)...)
	national := func(it *FigureItem) bool { return it.Figure.Scope == "" || it.Figure.Scope == d.Country }
	st := newStanding(fs.All, d.Country)
	for _, it := range fs.All {
		if it.Figure.Status == model.StatusRetracted {
			fs.Retracted = append(fs.Retracted, it)
		}
	}
	// Key figures: the latest national figure of each side that still
	// stands.
	type metricParty struct {
		m model.Metric
		p model.Party
	}
	byMetricParty := map[metricParty][]*FigureItem{}
	for _, it := range fs.All {
		k := metricParty{it.Figure.Metric, it.Figure.Party}
		byMetricParty[k] = append(byMetricParty[k], it)
	}
	for _, m := range keyMetrics {
		for _, p := range model.Parties() {
			k := &KeyFigure{Metric: m, Party: p}
			for _, it := range byMetricParty[metricParty{m, p}] {
				if !national(it) || it.Figure.Qualifier.IsWord() || !st.at(it, model.Date{}) {
					continue
				}
				side := &k.Independent
				if it.Official {
					side = &k.Official
				}
				if *side == nil || later(it, *side) {
					*side = it
				}
			}
			if k.Official != nil || k.Independent != nil {
				k.Label = b.metricParty(m, p)
				fs.Key = append(fs.Key, k)
			}
		}
	}
	fs.Contested = b.contested(fs.All, fs.Key, st)
	fs.Series = b.series(fs.All, national)
	b.doc.Figures = fs
	if len(fs.All) == 0 {
		return
	}
	s := b.section(SectionKeyFigures, "key-figures", 1, b.msg(locales.KeyFiguresHeading, nil))
	s.Blocks = []Block{&FigureTable{}}
	if len(fs.Contested) > 0 {
		s.Sections = append(s.Sections, &Section{Kind: SectionKeyFigures, Anchor: b.anchor("contested-figures"), Level: 2,
			Title: b.msg(locales.ContestedFiguresHeading, nil), Blocks: []Block{&ContestedTable{}}})
	}
	if len(fs.Series) > 0 {
		s.Blocks = append(s.Blocks, &Chart{})
	}
}

// later reports whether a was reported after b (then stands at a later
// date, then has the larger id, for a stable choice).
func later(a, b *FigureItem) bool {
	if c := a.Figure.Reported.Compare(b.Figure.Reported); c != 0 {
		return c > 0
	}
	if c := a.Figure.AsOf.Compare(b.Figure.AsOf); c != 0 {
		return c > 0
	}
	return a.ID > b.ID
}

func (b *builder) metricParty(m model.Metric, p model.Party) L {
	return b.each("figure label", func(l *locales.Locale) (string, error) {
		ms, err := l.Metric(m)
		if err != nil {
			return "", err
		}
		if p == model.PartyAll {
			return ms, nil
		}
		ps, err := l.Party(p)
		if err != nil {
			return "", err
		}
		return ms + " — " + ps, nil
	})
}

func (b *builder) figure(i int, f *model.Figure) *FigureItem {
	at := func(field string) fieldPath { return fieldPath{"figures", i, field} }
	it := &FigureItem{ID: f.ID, Figure: *f, Official: f.Claimant.Kind.IsOfficial()}
	vk := figureValueKey{f.Qualifier, math.Float64bits(f.Value), math.Float64bits(f.Low), math.Float64bits(f.High), f.Unit}
	it.Value = b.eachOnce(at(".value"), vk, func(l *locales.Locale) (string, error) {
		v, err := l.Figure(f.Qualifier, f.Value, f.Low, f.High)
		if err == nil && f.Unit != "" {
			v += " " + f.Unit
		}
		return v, err
	})
	it.Metric = b.eachOnce(at(".metric"), f.Metric, func(l *locales.Locale) (string, error) { return l.Metric(f.Metric) })
	it.Party = b.eachOnce(at(".party"), f.Party, func(l *locales.Locale) (string, error) { return l.Party(f.Party) })
	scope := f.Scope
	if scope == "" {
		scope = b.d.Country
	}
	it.Scope = b.placeNameAt(at(".scope"), scope)
	it.AsOf = b.eachOnce(at(".asOf"), shortDateKey(f.AsOf), func(l *locales.Locale) (string, error) { return l.DateShort(f.AsOf), nil })
	it.Reported = b.eachOnce(at(".reported"), shortDateKey(f.Reported), func(l *locales.Locale) (string, error) { return l.DateShort(f.Reported), nil })
	it.Claimant = b.textAt(at(".claimant.name"), f.Claimant.Name)
	it.Status = b.eachOnce(at(".status"), statusKey{f.Status, f.StatusDate}, func(l *locales.Locale) (string, error) {
		s, err := l.Status(f.Status)
		if err == nil && !f.StatusDate.IsZero() && f.Status != model.StatusReported {
			s += " (" + l.DateShort(f.StatusDate) + ")"
		}
		return s, err
	})
	it.Note = make(L, len(b.locs))
	if !f.Note.IsZero() {
		it.Note = b.textAt(at(".note"), f.Note)
	}
	for j, id := range f.Sources {
		src := b.items[id]
		if src == nil {
			src = b.source(at(".sources["+strconv.Itoa(j)+"]").String(), id)
		}
		if src != nil && !slices.Contains(it.Sources, src) {
			it.Sources = append(it.Sources, src)
		}
	}
	it.Cites = b.cites(it.Sources)
	return it
}

// Keys of eachOnce for figures.
type (
	figureValueKey struct {
		q              model.Qualifier
		value, low, hi uint64 // the bits of the floats: -0 prints unlike 0
		unit           string
	}
	statusKey struct {
		status model.FigureStatus
		date   model.Date
	}
)

func (b *builder) cites(items []*SourceItem) L {
	out := make(L, len(b.locs))
	for i := range b.locs {
		parts := make([]string, len(items))
		for j, it := range items {
			parts[j] = it.Citation[i]
		}
		out[i] = strings.Join(parts, "; ")
	}
	return out
}

// derived computes the totals a claimant implies but does not state: a
// claimant who counts protesters and security forces separately, for the
// same metric, scope and date, and gives no total, implies their sum (the
// secondary summary's 225 + 19 dead).
func (b *builder) derived(all []*FigureItem) []*FigureItem {
	type key struct {
		claimant string
		metric   model.Metric
		scope    model.PlaceID
		asOf     model.Date
	}
	groups := map[key][]*FigureItem{}
	var order []key
	for _, it := range all {
		f := &it.Figure
		if f.Status == model.StatusRetracted || f.PartOf != "" || f.Qualifier == model.Range || f.Qualifier.IsWord() || f.Unit != "" {
			continue
		}
		k := key{f.Claimant.Kind.String() + "|" + it.Claimant[0], f.Metric, f.Scope, f.AsOf}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], it)
	}
	var out []*FigureItem
	for _, k := range order {
		g := groups[k]
		parties := map[model.Party]*FigureItem{}
		for _, it := range g {
			if _, dup := parties[it.Figure.Party]; dup || it.Figure.Party == model.PartyAll {
				parties = nil // a total exists, or two figures for one party: nothing to derive
				break
			}
			parties[it.Figure.Party] = it
		}
		// Only disjoint parties add up: security forces with protesters or with civilians.
		sec := parties[model.PartySecurityForces]
		other := parties[model.PartyProtesters]
		if other == nil {
			other = parties[model.PartyCivilians]
		}
		if sec == nil || other == nil || parties[model.PartyProtesters] != nil && parties[model.PartyCivilians] != nil {
			continue
		}
		parts := []*FigureItem{other, sec}
		f := other.Figure
		f.ID = model.FigureID("derived:" + string(other.ID) + "+" + string(sec.ID))
		f.Party = model.PartyAll
		f.Value = other.Figure.Value + sec.Figure.Value
		if other.Figure.Qualifier != sec.Figure.Qualifier {
			f.Qualifier = model.About
		}
		f.Sources = nil
		f.Note = nil
		it := &FigureItem{ID: f.ID, Figure: f, Derived: true, Parts: parts, Official: other.Official}
		it.Value = make(L, len(b.locs))
		for i, l := range b.locs {
			it.Value[i] = other.Value[i] + " + " + sec.Value[i] + " = " + l.Number(f.Value)
		}
		it.Metric = other.Metric
		it.Party = b.eachOnce(fieldPath{"derived.party", -1, ""}, model.PartyAll, func(l *locales.Locale) (string, error) { return l.Party(model.PartyAll) })
		it.Scope, it.AsOf, it.Reported, it.Claimant, it.Status = other.Scope, other.AsOf, other.Reported, other.Claimant, other.Status
		it.Note = make(L, len(b.locs))
		for _, p := range parts {
			for _, s := range p.Sources {
				if !slices.Contains(it.Sources, s) {
					it.Sources = append(it.Sources, s)
				}
			}
		}
		it.Cites = b.cites(it.Sources)
		out = append(out, it)
	}
	return out
}

// standing knows which figures still stand at a date. Each side (official,
// independent) keeps one running count per metric and scope: a figure
// stands from its as-of date until the same side gives a later figure for
// its party or for everyone, until it is superseded, or forever; a
// retracted figure never stands.
type standing struct {
	country model.PlaceID
	until   map[*FigureItem]model.Date // the first day it no longer stands by its stream; zero when never
}

type streamKey struct {
	official bool
	metric   model.Metric
	scope    model.PlaceID
}

func newStanding(all []*FigureItem, country model.PlaceID) *standing {
	s := &standing{country: country, until: make(map[*FigureItem]model.Date, len(all))}
	streams := map[streamKey][]*FigureItem{}
	for _, it := range all {
		if it.Figure.Status == model.StatusRetracted {
			continue
		}
		k := s.key(it)
		streams[k] = append(streams[k], it)
	}
	for _, st := range streams {
		// Latest first; the nearest later as-of date of each party, and of
		// "all", seen so far.
		slices.SortStableFunc(st, func(a, b *FigureItem) int { return b.Figure.AsOf.Compare(a.Figure.AsOf) })
		next := map[model.Party]model.Date{}
		for i := 0; i < len(st); {
			j := i
			for j < len(st) && st[j].Figure.AsOf == st[i].Figure.AsOf {
				j++
			}
			for _, it := range st[i:j] {
				u := next[it.Figure.Party]
				if a := next[model.PartyAll]; !a.IsZero() && (u.IsZero() || a.Before(u)) {
					u = a
				}
				s.until[it] = u
			}
			for _, it := range st[i:j] {
				next[it.Figure.Party] = it.Figure.AsOf
			}
			i = j
		}
	}
	return s
}

func (s *standing) key(it *FigureItem) streamKey {
	scope := it.Figure.Scope
	if scope == s.country {
		scope = ""
	}
	return streamKey{it.Official, it.Figure.Metric, scope}
}

// at reports whether it stands at date; the zero date means "for good".
func (s *standing) at(it *FigureItem, date model.Date) bool {
	f := &it.Figure
	switch {
	case f.Status == model.StatusRetracted:
		return false
	case !date.IsZero() && f.AsOf.After(date):
		return false
	case f.Status == model.StatusSuperseded && (date.IsZero() || f.StatusDate.IsZero() || !f.StatusDate.After(date)):
		return false
	}
	u := s.until[it]
	return u.IsZero() || (!date.IsZero() && date.Before(u))
}

// maxCompared bounds how many later figures of the same few days each
// figure is compared with, so that a dossier with very many figures on one
// day stays linear.
const maxCompared = 64

// contested finds, for each metric, party and scope, the figures that
// disagree: from different claimants and sources, with values whose bounds
// do not meet, and standing at the same time — given within a day of each
// other, or being the latest official and the latest independent national
// figures (the key figures).
func (b *builder) contested(all []*FigureItem, key []*KeyFigure, st *standing) []*Contested {
	type gkey struct {
		metric model.Metric
		party  model.Party
		scope  model.PlaceID
	}
	groups := map[gkey][]*FigureItem{}
	for _, it := range all {
		f := &it.Figure
		if f.Status == model.StatusRetracted || f.Qualifier.IsWord() || !slices.Contains(keyMetrics, f.Metric) {
			continue
		}
		k := gkey{f.Metric, f.Party, st.key(it).scope}
		groups[k] = append(groups[k], it)
	}
	disjoint := func(a, c *FigureItem) bool {
		for _, s := range a.Sources {
			if slices.Contains(c.Sources, s) {
				return false
			}
		}
		return !slices.Contains(a.Parts, c) && !slices.Contains(c.Parts, a)
	}
	differ := func(a, c *FigureItem) bool {
		alo, ahi := a.Figure.Bounds()
		clo, chi := c.Figure.Bounds()
		return ahi < clo || chi < alo
	}
	conflict := map[*FigureItem]bool{}
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, c *FigureItem) int { return a.Figure.AsOf.Compare(c.Figure.AsOf) })
		for i, a := range g {
			for n, c := range g[i+1:] {
				if n >= maxCompared || c.Figure.AsOf.DaysSince(a.Figure.AsOf) > contestWindow {
					break
				}
				if a.Claimant[0] == c.Claimant[0] || !disjoint(a, c) || !differ(a, c) {
					continue
				}
				if st.at(a, c.Figure.AsOf) && st.at(c, c.Figure.AsOf) {
					conflict[a], conflict[c] = true, true
				}
			}
		}
	}
	for _, k := range key {
		if k.Official != nil && k.Independent != nil && disjoint(k.Official, k.Independent) && differ(k.Official, k.Independent) {
			conflict[k.Official], conflict[k.Independent] = true, true
		}
	}
	scopes := []model.PlaceID{""} // national first, then in gazetteer order
	for _, pl := range b.d.Places {
		if pl.ID != b.d.Country {
			scopes = append(scopes, pl.ID)
		}
	}
	var out []*Contested
	for _, m := range keyMetrics {
		for _, p := range model.Parties() {
			for _, sc := range scopes {
				var figs []*FigureItem
				for _, it := range groups[gkey{m, p, sc}] {
					if conflict[it] {
						figs = append(figs, it)
					}
				}
				if len(figs) < 2 {
					continue
				}
				slices.SortStableFunc(figs, func(a, c *FigureItem) int {
					return cmp.Or(a.Figure.AsOf.Compare(c.Figure.AsOf), cmp.Compare(a.ID, c.ID))
				})
				ct := &Contested{Metric: m, Party: p, Scope: sc, Figures: figs}
				ct.Min, ct.Max = figs[0].Figure.Bounds()
				for _, it := range figs[1:] {
					lo, hi := it.Figure.Bounds()
					ct.Min, ct.Max = min(ct.Min, lo), max(ct.Max, hi)
				}
				ct.Label = b.metricParty(m, p)
				if sc != "" {
					name := b.placeName("contested.scope", sc)
					for i := range ct.Label {
						ct.Label[i] += " (" + name[i] + ")"
					}
				}
				ct.Spread = b.each("spread", func(l *locales.Locale) (string, error) {
					return l.Figure(model.Range, 0, ct.Min, ct.Max)
				})
				out = append(out, ct)
			}
		}
	}
	return out
}

// series gathers the national death tolls and arrest counts, one series
// per kind of claimant, in order of the date reported.
func (b *builder) series(all []*FigureItem, national func(*FigureItem) bool) []*Series {
	var out []*Series
	for _, m := range chartMetrics {
		for _, k := range model.ClaimantKinds() {
			s := &Series{Metric: m, Claimant: k}
			for _, it := range all {
				f := &it.Figure
				if f.Metric != m || f.Party != model.PartyAll || f.Claimant.Kind != k || !national(it) || f.Qualifier.IsWord() {
					continue
				}
				lo, _ := f.Bounds()
				s.Points = append(s.Points, Point{Date: f.Reported, Value: lo, Retracted: f.Status == model.StatusRetracted, Figure: it})
			}
			if len(s.Points) == 0 {
				continue
			}
			slices.SortStableFunc(s.Points, func(a, bb Point) int { return a.Date.Compare(bb.Date) })
			s.Label = b.each("series", func(l *locales.Locale) (string, error) {
				ms, err := l.Metric(m)
				if err != nil {
					return "", err
				}
				ks, err := l.ClaimantKind(k)
				return ms + " — " + ks, err
			})
			out = append(out, s)
		}
	}
	return out
}

// FigureTable stands for the key figures of Document.Figures in a section.
type FigureTable struct{}

// ContestedTable stands for the contested figures of Document.Figures.
type ContestedTable struct{}

// Chart stands for the series of Document.Figures.
type Chart struct{}
