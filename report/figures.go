package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
)

// Figures is what a briefing says about numbers. A briefing may hold a
// million figures, so it keeps each as a few numbers and makes its
// printed form, a FigureItem, when asked: Item for one, Each for all in
// order. Key figures and derived totals are made at Build.
type Figures struct {
	Count     int          // figures in the briefing: the dossier's it keeps, in order, then derived totals
	Key       []*KeyFigure // per metric and party, the latest official and independent figures
	Contested []*Contested // figures that disagree
	Retracted []FigureRef  // figures withdrawn by their claimant
	Series    []*Series    // for charts: death tolls and arrest counts over time

	set *figureSet
}

// FigureRef is a figure of a briefing: its number in the order of Each,
// from 0.
type FigureRef int32

// FigureItem is a figure as the briefing prints it.
type FigureItem struct {
	Ref      FigureRef
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
	Claimant L // its name, and the channel it spoke through in brackets: "Prosecutor General (Telegram)"
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

	// Scope is the place both figures count, empty for the whole country,
	// and then named in Label. A briefing focused on a place, or a
	// dossier with a Focus, has the figures of that place when there are
	// some, else of the regions it lies in, else national ones.
	Scope model.PlaceID
}

// Contested is a set of figures for one metric, party and scope that
// disagree: standing at the same time, from different sources, with
// different values.
type Contested struct {
	Metric   model.Metric
	Party    model.Party
	Scope    model.PlaceID
	Label    L
	Figures  []FigureRef // oldest first
	Min, Max float64
	Spread   L // "227 – 244"
}

// Series is one line of a chart: the values one kind of claimant gave for a
// metric over time.
type Series struct {
	Metric   model.Metric
	Claimant model.ClaimantKind
	Label    L // "Killed — official"
	// MetricLabel and ClaimantLabel are the two halves of Label: a
	// chart's panel title and its legend.
	MetricLabel, ClaimantLabel L
	Points                     []Point
}

// Point is one value of a series.
type Point struct {
	Date      model.Date // when it was reported
	Value     float64    // the lower bound of a range
	Retracted bool
	Figure    FigureRef
}

// Item returns the figure r of the briefing as it prints. It reads the
// figure from the dossier again, which must not have changed since Build
// (model.OpenFile's file is checked). Item and Each are safe to call from
// several goroutines.
func (fs *Figures) Item(r FigureRef) (*FigureItem, error) {
	if fs == nil || fs.set == nil || r < 0 || int(r) >= fs.Count {
		n := 0
		if fs != nil {
			n = fs.Count
		}
		return nil, fmt.Errorf("report: %w: figure %d of %d", ErrDocument, r, n)
	}
	return fs.set.item(r)
}

// Each calls fn with every figure of the briefing, in order: the
// dossier's it keeps, then the derived totals. It reads the dossier's
// figures once, as a stream, and stops at fn's first error, which it
// returns.
func (fs *Figures) Each(fn func(it *FigureItem) error) error {
	if fs == nil || fs.set == nil {
		return nil
	}
	s := fs.set
	k := 0
	err := s.b.d.EachFigure(func(i int, f *model.Figure) error {
		if k >= s.kept || s.dossierIndex(FigureRef(k)) != i {
			return nil
		}
		it, err := s.make(FigureRef(k), i, f)
		if err != nil {
			return err
		}
		k++
		return fn(it)
	})
	if err != nil {
		return err
	}
	if k != s.kept {
		return fmt.Errorf("report: %w: the dossier has %d of the %d figures the briefing keeps", ErrDocument, k, s.kept)
	}
	for _, it := range s.derived {
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

// figureSet holds the figures of a briefing as records, and what it takes
// to make their items again.
type figureSet struct {
	mu      sync.Mutex // guards b, whose caches making an item fills
	b       *builder
	recs    []figRec // the dossier's figures kept, then the derived totals; nil after Build
	kept    int      // how many figures are the dossier's
	count   int      // figures, derived totals included
	index   []int32  // after Build, the dossier's number of each kept figure; nil when it keeps all
	srcs    []int32  // the sources of the records, by number (see figRec.src)
	derived []*FigureItem
	parts   map[FigureRef][2]FigureRef // of each derived total

	scopes     []model.PlaceID // the places figures count; 0 is the country
	scopeIndex map[model.PlaceID]int32
	claimants  map[string]int32
	srcNumbers map[model.SourceID]int32

	his         sparse[float64] // the upper bounds that are not the lower ones
	statusDates sparse[day]     // when figures were retracted or superseded
}

// hi returns the upper bound of r.
func (s *figureSet) hi(r FigureRef) float64 {
	if h, ok := s.his.get(r); ok {
		return h
	}
	return s.recs[r].lo
}

// figRec is what the analyses of figures need of one.
type figRec struct {
	lo       float64 // the lower bound; the upper one too unless the figure is in figureSet.his
	index    int32   // EachFigure's number; -1 for a derived total
	claimant int32   // the claimant's kind and name, numbered
	scope    int32   // the place counted, in scopes
	src      int32   // its sources are srcs[src:src+nsrc]
	asOf     day
	reported day
	nsrc     uint16 // at most model.MaxCitations
	metric   model.Metric
	party    model.Party
	qual     model.Qualifier
	status   model.FigureStatus
	kind     model.ClaimantKind
	flags    recFlags
}

// recFlags are the yes-or-no facts of a figRec.
type recFlags uint8

const (
	recOfficial  recFlags = 1 << iota // an official claimant's
	recPartOf                         // a part of another figure
	recUnit                           // a price or other non-count
	recHasStatus                      // its status date is in figureSet.statusDates
)

func (r *figRec) official() bool  { return r.flags&recOfficial != 0 }
func (r *figRec) partOf() bool    { return r.flags&recPartOf != 0 }
func (r *figRec) unit() bool      { return r.flags&recUnit != 0 }
func (r *figRec) hasStatus() bool { return r.flags&recHasStatus != 0 }

// A figRec is 40 bytes: a million figures take 40 MB while the briefing
// is built. The upper bound of a range and the date a figure was
// retracted or superseded, which few figures have, are kept beside the
// records (figureSet.his, figureSet.statusDates).

// day is a date as days since 1970-01-01; noDay stands for no date.
type day int32

const noDay day = math.MinInt32

func dayOf(d model.Date) day {
	if d.IsZero() {
		return noDay
	}
	return day(d.Time().Unix() / 86400)
}

func (d day) date() model.Date {
	if d == noDay {
		return model.Date{}
	}
	return model.DateOf(time.Unix(int64(d)*86400, 0).UTC())
}

func (s *figureSet) source(id model.SourceID) int32 {
	n, ok := s.srcNumbers[id]
	if !ok {
		n = int32(len(s.srcNumbers))
		s.srcNumbers[id] = n
	}
	return n
}

// add records it, which the builder made of figure index of the dossier
// (-1 for a derived total).
func (s *figureSet) add(index int, it *FigureItem) {
	f := &it.Figure
	scope := f.Scope
	if scope == s.b.d.Country {
		scope = ""
	}
	sc, ok := s.scopeIndex[scope]
	if !ok {
		sc = int32(len(s.scopes))
		s.scopes = append(s.scopes, scope)
		s.scopeIndex[scope] = sc
	}
	// A claimant is the same whatever channel it speaks through.
	ckey := f.Claimant.Kind.String() + "|"
	if len(it.Claimant) > 0 {
		name := it.Claimant[0]
		if ch := f.Claimant.Channel; ch != "" {
			name = strings.TrimSuffix(name, " ("+ch+")")
		}
		ckey += name
	}
	cl, ok := s.claimants[ckey]
	if !ok {
		cl = int32(len(s.claimants))
		s.claimants[ckey] = cl
	}
	lo, hi := f.Bounds()
	ref := FigureRef(len(s.recs))
	if hi != lo {
		s.his.add(ref, hi)
	}
	sd := dayOf(f.StatusDate)
	if sd != noDay {
		s.statusDates.add(ref, sd)
	}
	var fl recFlags
	if it.Official {
		fl |= recOfficial
	}
	if f.PartOf != "" {
		fl |= recPartOf
	}
	if f.Unit != "" {
		fl |= recUnit
	}
	if sd != noDay {
		fl |= recHasStatus
	}
	r := figRec{index: int32(index), claimant: cl, scope: sc, src: int32(len(s.srcs)), nsrc: uint16(len(it.Sources)), flags: fl,
		asOf: dayOf(f.AsOf), reported: dayOf(f.Reported), lo: lo,
		metric: f.Metric, party: f.Party, qual: f.Qualifier, status: f.Status, kind: f.Claimant.Kind,
	}
	for _, src := range it.Sources {
		s.srcs = append(s.srcs, s.source(src.ID))
	}
	s.recs = append(s.recs, r)
}

func (s *figureSet) sources(r FigureRef) []int32 {
	rec := &s.recs[r]
	return s.srcs[rec.src : rec.src+int32(rec.nsrc)]
}

// dossierIndex returns the dossier's number of figure r, which is not a
// derived total.
func (s *figureSet) dossierIndex(r FigureRef) int {
	switch {
	case s.recs != nil:
		return int(s.recs[r].index)
	case s.index == nil:
		return int(r)
	}
	return int(s.index[r])
}

// done keeps of the records what making items needs: the dossier's
// number of each figure, and not even that when the briefing keeps them
// all. A million figures then take 4 MB, or nothing, while they render.
func (s *figureSet) done() {
	s.count = len(s.recs)
	if s.kept != s.b.d.NumFigures() {
		s.index = make([]int32, s.kept)
		for r := range s.index {
			s.index[r] = s.recs[r].index
		}
	}
	s.recs, s.srcs, s.parts, s.claimants, s.srcNumbers = nil, nil, nil, nil, nil
	s.his, s.statusDates = sparse[float64]{}, sparse[day]{}
}

// item makes the item of r.
func (s *figureSet) item(r FigureRef) (*FigureItem, error) {
	if int(r) >= s.kept {
		return s.derived[int(r)-s.kept], nil
	}
	i := s.dossierIndex(r)
	f, err := s.b.d.FigureAt(i)
	if err != nil {
		return nil, fmt.Errorf("report: figure %d: %w", r, err)
	}
	return s.make(r, i, &f)
}

// make makes the item of r, which is figure i of the dossier, f.
func (s *figureSet) make(r FigureRef, i int, f *model.Figure) (*FigureItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.b
	saved := b.err
	b.err = nil
	it := b.figure(i, f)
	err := b.err
	b.err = saved
	if err != nil {
		return nil, err
	}
	it.Ref = r
	return it, nil
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

// figures reads the dossier's figures once, making the item of each to
// check that it prints in every language and keeping a record of it;
// then finds derived totals, key, contested and retracted figures and
// chart series on the records.
func (b *builder) figures() {
	d := b.d
	s := &figureSet{b: b, parts: map[FigureRef][2]FigureRef{}, scopeIndex: map[model.PlaceID]int32{},
		claimants: map[string]int32{}, srcNumbers: map[model.SourceID]int32{}}
	s.scopeIndex[""] = 0
	s.scopes = []model.PlaceID{""}
	fs := &Figures{set: s}
	b.doc.Figures = fs
	if n := d.NumFigures(); n > 0 {
		// Room for the derived totals too, so that adding them does not
		// copy a million records (see derived).
		s.recs = make([]figRec, 0, n+n/32+8)
	}
	var scope [1]model.PlaceID
	each := d.EachFigure
	if b.omits(PartFigures) {
		each = func(func(int, *model.Figure) error) error { return nil }
	}
	err := each(func(i int, f *model.Figure) error {
		sc := scope[:0]
		if f.Scope != "" {
			sc = append(sc, f.Scope)
		}
		if !b.match.place(sc, d.Country) {
			return nil
		}
		if _, ok := b.erratumFigures[f.ID]; ok {
			b.erratumFigures[f.ID] = true
		}
		s.add(i, b.figure(i, f))
		return nil
	})
	if err != nil {
		b.fail(fmt.Errorf("report: reading figures: %w", err))
		return
	}
	if len(s.recs) < cap(s.recs)/2 {
		// A filter kept few of the figures: give back the rest.
		s.recs = append(make([]figRec, 0, len(s.recs)+len(s.recs)/32+8), s.recs...)
	}
	s.kept = len(s.recs)
	b.derived(s)
	fs.Count = len(s.recs)
	st := newStanding(s)
	for r := range s.recs {
		if s.recs[r].status == model.StatusRetracted {
			fs.Retracted = append(fs.Retracted, FigureRef(r))
		}
	}
	fs.Key = b.keyFigures(s, st, b.keyScopes(s))
	pairs := fs.Key
	if len(b.keyScopes(s)) > 1 {
		// The latest national figures of each side disagree as much in
		// a focused briefing.
		pairs = append(slices.Clip(pairs), b.keyFigures(s, st, []int32{0})...)
	}
	fs.Contested = b.contested(s, pairs, st)
	fs.Series = b.series(s)
	s.done()
	if fs.Count == 0 {
		return
	}
	sec := b.section(SectionKeyFigures, "key-figures", 1, b.msg(locales.KeyFiguresHeading, nil))
	if len(fs.Key) > 0 {
		sec.Blocks = []Block{&FigureTable{}}
	}
	if len(fs.Contested) > 0 {
		sec.Sections = append(sec.Sections, &Section{Kind: SectionKeyFigures, Anchor: b.anchor("contested-figures"), Level: 2,
			Title: b.msg(locales.ContestedFiguresHeading, nil), Blocks: []Block{&ContestedTable{}}})
	}
	if len(fs.Series) > 0 {
		sec.Blocks = append(sec.Blocks, &Chart{})
	}
}

// keyFigures picks, per metric and party, the latest figure of each side
// that still stands, for the first scope of keyScopes that has one.
func (b *builder) keyFigures(s *figureSet, st *standing, scopes []int32) []*KeyFigure {
	type side struct {
		m        model.Metric
		p        model.Party
		scope    int32
		official bool
	}
	best := map[side]FigureRef{}
	for r := range s.recs {
		ref := FigureRef(r)
		rec := &s.recs[r]
		if !slices.Contains(keyMetrics, rec.metric) || !slices.Contains(scopes, rec.scope) || rec.qual.IsWord() || !st.at(ref, noDay) {
			continue
		}
		k := side{rec.metric, rec.party, rec.scope, rec.official()}
		if cur, ok := best[k]; !ok || s.later(ref, cur) {
			best[k] = ref
		}
	}
	var out []*KeyFigure
	for _, m := range keyMetrics {
		for _, p := range model.Parties() {
			k := &KeyFigure{Metric: m, Party: p}
			for _, sc := range scopes {
				for _, official := range []bool{true, false} {
					ref, ok := best[side{m, p, sc, official}]
					if !ok {
						continue
					}
					it, err := s.item(ref)
					if err != nil {
						b.fail(err)
						return nil
					}
					if official {
						k.Official = it
					} else {
						k.Independent = it
					}
				}
				if k.Official != nil || k.Independent != nil {
					k.Scope = s.scopes[sc]
					break
				}
			}
			if k.Official != nil || k.Independent != nil {
				k.Label = b.metricParty(m, p)
				if k.Scope != "" {
					name := b.placeName("key figures", k.Scope)
					for i := range k.Label {
						k.Label[i] += " (" + name[i] + ")"
					}
				}
				out = append(out, k)
			}
		}
	}
	return out
}

// keyScopes returns the scopes whose figures may be key, in order of
// preference: for a briefing focused on places, each of them and the
// regions it lies in; otherwise the dossier's focus and the regions it
// lies in; then the whole country (scope 0). Scopes no figure counts are
// left out.
func (b *builder) keyScopes(s *figureSet) []int32 {
	var out []int32
	add := func(id model.PlaceID) {
		if sc, ok := s.scopeIndex[id]; ok && id != b.d.Country && !slices.Contains(out, sc) {
			out = append(out, sc)
		}
	}
	start := b.doc.Filter.Places
	if len(start) == 0 && b.d.Focus != "" {
		start = []model.PlaceID{b.d.Focus}
	}
	for _, id := range start {
		add(id)
		for _, a := range b.places.ancestors(id) {
			add(a)
		}
	}
	return append(out, 0)
}

// later reports whether a was reported after b (then stands at a later
// date, then comes later in the briefing, for a stable choice).
func (s *figureSet) later(a, b FigureRef) bool {
	ra, rb := &s.recs[a], &s.recs[b]
	if ra.reported != rb.reported {
		return ra.reported > rb.reported
	}
	if ra.asOf != rb.asOf {
		return ra.asOf > rb.asOf
	}
	return a > b
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
	if ch := f.Claimant.Channel; ch != "" {
		for i := range it.Claimant {
			it.Claimant[i] += " (" + ch + ")"
		}
	}
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
// secondary summary's 225 + 19 dead). It sorts the candidates to find the
// groups, so that a million figures take no more than their records.
func (b *builder) derived(s *figureSet) {
	cand := make([]FigureRef, 0, len(s.recs))
	for r := range s.recs {
		rec := &s.recs[r]
		if rec.status == model.StatusRetracted || rec.partOf() || rec.qual == model.Range || rec.qual.IsWord() || rec.unit() {
			continue
		}
		cand = append(cand, FigureRef(r))
	}
	group := func(a, c FigureRef) int {
		ra, rc := &s.recs[a], &s.recs[c]
		return cmp.Or(cmp.Compare(ra.claimant, rc.claimant), cmp.Compare(ra.metric, rc.metric),
			cmp.Compare(ra.scope, rc.scope), cmp.Compare(ra.asOf, rc.asOf))
	}
	slices.SortFunc(cand, func(a, c FigureRef) int { return cmp.Or(group(a, c), cmp.Compare(a, c)) })
	type total struct {
		first      FigureRef // the group's first figure, for the order of totals
		other, sec FigureRef
	}
	var totals []total
	for i := 0; i < len(cand); {
		j := i + 1
		for j < len(cand) && group(cand[i], cand[j]) == 0 {
			j++
		}
		parties := map[model.Party]FigureRef{}
		for _, r := range cand[i:j] {
			p := s.recs[r].party
			if _, dup := parties[p]; dup || p == model.PartyAll {
				parties = nil // a total exists, or two figures for one party: nothing to derive
				break
			}
			parties[p] = r
		}
		first := cand[i]
		i = j
		// Only disjoint parties add up: security forces with protesters or with civilians.
		sec, okSec := parties[model.PartySecurityForces]
		prot, okProt := parties[model.PartyProtesters]
		civ, okCiv := parties[model.PartyCivilians]
		if !okSec || okProt == okCiv {
			continue
		}
		other := prot
		if okCiv {
			other = civ
		}
		totals = append(totals, total{first, other, sec})
	}
	slices.SortFunc(totals, func(a, c total) int { return cmp.Compare(a.first, c.first) })
	s.recs = slices.Grow(s.recs, len(totals))
	for _, t := range totals {
		other, err := s.item(t.other)
		if err != nil {
			b.fail(err)
			return
		}
		sec, err := s.item(t.sec)
		if err != nil {
			b.fail(err)
			return
		}
		ref := FigureRef(len(s.recs))
		s.parts[ref] = [2]FigureRef{t.other, t.sec}
		it := b.total(other, sec)
		it.Ref = ref
		s.derived = append(s.derived, it)
		s.add(-1, it)
	}
}

// total is the derived total of the parts other and sec.
func (b *builder) total(other, sec *FigureItem) *FigureItem {
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
	f.PartOf = ""
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
	return it
}

// standing knows which figures still stand at a date. Each side (official,
// independent) keeps one running count per metric and scope: a figure
// stands from its as-of date until the same side gives a later figure for
// its party or for everyone, until it is superseded, or forever; a
// retracted figure never stands.
type standing struct {
	s     *figureSet
	until []day // by figure, the first day it no longer stands by its stream; noDay when never
}

type streamKey struct {
	official bool
	metric   model.Metric
	scope    int32
}

func newStanding(s *figureSet) *standing {
	st := &standing{s: s, until: make([]day, len(s.recs))}
	streams := map[streamKey][]FigureRef{}
	for r := range s.recs {
		rec := &s.recs[r]
		st.until[r] = noDay
		if rec.status == model.StatusRetracted {
			continue
		}
		k := streamKey{rec.official(), rec.metric, rec.scope}
		streams[k] = append(streams[k], FigureRef(r))
	}
	for _, refs := range streams {
		// Latest first; the nearest later as-of date of each party, and of
		// "all", seen so far.
		slices.SortStableFunc(refs, func(a, c FigureRef) int { return cmp.Compare(s.recs[c].asOf, s.recs[a].asOf) })
		var next [256]day
		for i := range next {
			next[i] = noDay
		}
		for i := 0; i < len(refs); {
			j := i
			for j < len(refs) && s.recs[refs[j]].asOf == s.recs[refs[i]].asOf {
				j++
			}
			for _, r := range refs[i:j] {
				u := next[s.recs[r].party]
				if a := next[model.PartyAll]; a != noDay && (u == noDay || a < u) {
					u = a
				}
				st.until[r] = u
			}
			for _, r := range refs[i:j] {
				next[s.recs[r].party] = s.recs[r].asOf
			}
			i = j
		}
	}
	return st
}

// at reports whether r stands at date; noDay means "for good".
func (st *standing) at(r FigureRef, date day) bool {
	f := &st.s.recs[r]
	switch {
	case f.status == model.StatusRetracted:
		return false
	case date != noDay && f.asOf > date:
		return false
	case f.status == model.StatusSuperseded && (date == noDay || !f.hasStatus() || st.s.statusDates.at(r) <= date):
		return false
	}
	u := st.until[r]
	return u == noDay || (date != noDay && date < u)
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
func (b *builder) contested(s *figureSet, key []*KeyFigure, st *standing) []*Contested {
	type gkey struct {
		metric model.Metric
		party  model.Party
		scope  int32
	}
	groups := map[gkey][]FigureRef{}
	for r := range s.recs {
		f := &s.recs[r]
		if f.status == model.StatusRetracted || f.qual.IsWord() || !slices.Contains(keyMetrics, f.metric) {
			continue
		}
		k := gkey{f.metric, f.party, f.scope}
		groups[k] = append(groups[k], FigureRef(r))
	}
	partOf := func(a, c FigureRef) bool {
		p, ok := s.parts[a]
		return ok && (p[0] == c || p[1] == c)
	}
	disjoint := func(a, c FigureRef) bool {
		cs := s.sources(c)
		for _, x := range s.sources(a) {
			if slices.Contains(cs, x) {
				return false
			}
		}
		return !partOf(a, c) && !partOf(c, a)
	}
	differ := func(a, c FigureRef) bool {
		ra, rc := &s.recs[a], &s.recs[c]
		return s.hi(a) < rc.lo || s.hi(c) < ra.lo
	}
	conflict := make([]bool, len(s.recs))
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, c FigureRef) int { return cmp.Compare(s.recs[a].asOf, s.recs[c].asOf) })
		for i, a := range g {
			for n, c := range g[i+1:] {
				if n >= maxCompared || s.recs[c].asOf-s.recs[a].asOf > contestWindow {
					break
				}
				if s.recs[a].claimant == s.recs[c].claimant || !disjoint(a, c) || !differ(a, c) {
					continue
				}
				if at := s.recs[c].asOf; st.at(a, at) && st.at(c, at) {
					conflict[a], conflict[c] = true, true
				}
			}
		}
	}
	for _, k := range key {
		if k.Official != nil && k.Independent != nil && disjoint(k.Official.Ref, k.Independent.Ref) && differ(k.Official.Ref, k.Independent.Ref) {
			conflict[k.Official.Ref], conflict[k.Independent.Ref] = true, true
		}
	}
	scopes := []model.PlaceID{""} // national first, then in gazetteer order
	for _, pl := range b.d.Places {
		if _, ok := s.scopeIndex[pl.ID]; ok && pl.ID != b.d.Country {
			scopes = append(scopes, pl.ID)
		}
	}
	var out []*Contested
	for _, m := range keyMetrics {
		for _, p := range model.Parties() {
			for _, sc := range scopes {
				var figs []FigureRef
				for _, r := range groups[gkey{m, p, s.scopeIndex[sc]}] {
					if conflict[r] {
						figs = append(figs, r)
					}
				}
				if len(figs) < 2 {
					continue
				}
				slices.SortFunc(figs, func(a, c FigureRef) int {
					return cmp.Or(cmp.Compare(s.recs[a].asOf, s.recs[c].asOf), cmp.Compare(a, c))
				})
				ct := &Contested{Metric: m, Party: p, Scope: sc, Figures: figs}
				ct.Min, ct.Max = s.recs[figs[0]].lo, s.hi(figs[0])
				for _, r := range figs[1:] {
					ct.Min, ct.Max = min(ct.Min, s.recs[r].lo), max(ct.Max, s.hi(r))
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
func (b *builder) series(s *figureSet) []*Series {
	var out []*Series
	for _, m := range chartMetrics {
		for _, k := range model.ClaimantKinds() {
			sr := &Series{Metric: m, Claimant: k}
			for r := range s.recs {
				f := &s.recs[r]
				if f.metric != m || f.party != model.PartyAll || f.kind != k || f.scope != 0 || f.qual.IsWord() {
					continue
				}
				sr.Points = append(sr.Points, Point{Date: f.reported.date(), Value: f.lo, Retracted: f.status == model.StatusRetracted, Figure: FigureRef(r)})
			}
			if len(sr.Points) == 0 {
				continue
			}
			slices.SortStableFunc(sr.Points, func(a, bb Point) int { return a.Date.Compare(bb.Date) })
			sr.MetricLabel = b.each("series", func(l *locales.Locale) (string, error) { return l.Metric(m) })
			sr.ClaimantLabel = b.each("series", func(l *locales.Locale) (string, error) { return l.ClaimantKind(k) })
			sr.Label = make(L, len(sr.MetricLabel))
			for i := range sr.Label {
				sr.Label[i] = sr.MetricLabel[i] + " — " + sr.ClaimantLabel[i]
			}
			out = append(out, sr)
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

// sparse holds a value for some of the records, added in the order of
// their refs: 12 bytes or so a value, where a map takes about 40.
type sparse[T any] struct {
	refs []FigureRef
	vals []T
}

// add sets the value of r: an append when r follows every ref added
// before, as the records' refs do.
func (s *sparse[T]) add(r FigureRef, v T) {
	i, found := len(s.refs), false
	if i > 0 && s.refs[i-1] >= r {
		i, found = slices.BinarySearch(s.refs, r)
	}
	if found {
		s.vals[i] = v
		return
	}
	s.refs = slices.Insert(s.refs, i, r)
	s.vals = slices.Insert(s.vals, i, v)
}

// get returns the value of r, if it has one.
func (s *sparse[T]) get(r FigureRef) (T, bool) {
	i, ok := slices.BinarySearch(s.refs, r)
	if !ok {
		var zero T
		return zero, false
	}
	return s.vals[i], true
}

// at returns the value of r, or the zero value.
func (s *sparse[T]) at(r FigureRef) T {
	v, _ := s.get(r)
	return v
}
