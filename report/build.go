package report

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// Options says what briefing to build. The zero Options builds the full
// briefing in the dossier's first language.
type Options struct {
	// Languages of the briefing: one for a single-language briefing, two
	// for a bilingual one whose blocks pair both languages. Each must be
	// a language of the dossier with a catalog in package locales. Empty
	// means the dossier's first language.
	Languages []language.Tag

	// Filter narrows the briefing to the entries bearing on a claim.
	Filter Filter

	// Locales says how the catalogs behave, e.g. a fallback language for
	// missing messages. The zero value makes a missing message an error.
	Locales locales.Options

	// Omit leaves parts of the briefing out: Omit: []Part{PartMap,
	// PartErrata} makes a briefing without map and errata. The zero value
	// keeps every part.
	Omit []Part

	// Changes, when set, makes an update briefing: what the dossier
	// changes from an earlier version, as Compare(old, d) returns it.
	// The briefing lists the changes within its filter in a first
	// section (Document.Changes), links each to what it concerns and
	// marks the changed paragraphs (Paragraph.Changed). Nil makes the
	// ordinary briefing.
	Changes *Changes
}

// Build composes the briefing of d. It reports an error, never a partial
// document, when an option is invalid or a text or message is missing in
// a language of the briefing. Build does not change d, and is safe to call
// from several goroutines on the same dossier.
func Build(d *model.Dossier, opt Options) (*Document, error) {
	if d == nil {
		return nil, fmt.Errorf("report: %w: nil dossier", ErrOptions)
	}
	b := &builder{d: d, opt: opt, places: newPlaces(d), items: map[model.SourceID]*SourceItem{}}
	if err := b.init(opt); err != nil {
		return nil, err
	}
	b.build()
	if b.err != nil {
		return nil, b.err
	}
	return b.doc, nil
}

// builder holds the state of one Build. Its first error sticks: later
// steps run on, producing empty text, and Build returns the error.
type builder struct {
	d      *model.Dossier
	opt    Options
	doc    *Document
	locs   []*locales.Locale
	places *places
	match  *matcher
	omit   uint16 // 1<<Part for each part left out
	err    error

	labels      map[model.SourceID]int // disambiguators over the whole dossier
	items       map[model.SourceID]*SourceItem
	sourceIndex map[model.SourceID]*model.Source
	used        []model.SourceID // cited sources, first citation first
	notes       []*Footnote
	seen        map[string]bool // anchors handed out
	next        map[string]int  // the next number to try for an anchor base
	said        []map[any]said  // per language, what the catalogs said of a key (see eachOnce)

	erratumFigures map[model.FigureID]bool // the figures errata name: whether the briefing keeps them

	changed    map[model.StatementID]ChangeKind // an update briefing's changed statements
	paragraphs map[model.StatementID]*Paragraph // an update briefing's paragraphs
}

// maxSaid bounds what eachOnce keeps per language: the dates, statuses
// and kinds of a dossier repeat and stay within it, while the values of
// a million figures are mostly each their own and are printed again.
const maxSaid = 1 << 13

// said is what a catalog call returned.
type said struct {
	s   string
	err error
}

func (b *builder) init(opt Options) error {
	tags := opt.Languages
	if len(tags) == 0 {
		if len(b.d.Languages) == 0 {
			return fmt.Errorf("report: %w: the dossier declares no language", ErrOptions)
		}
		tags = b.d.Languages[:1]
	}
	if len(tags) > 2 {
		return fmt.Errorf("report: %w: %d languages; a briefing has one or two", ErrOptions, len(tags))
	}
	if len(tags) == 2 && tags[0] == tags[1] {
		return fmt.Errorf("report: %w: language %s given twice", ErrOptions, tags[0])
	}
	for _, tag := range tags {
		if !slices.Contains(b.d.Languages, tag) {
			return fmt.Errorf("report: %w: the dossier is not written in %s (it has %v)", ErrOptions, tag, b.d.Languages)
		}
		loc, err := opt.Locales.New(tag)
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		b.locs = append(b.locs, loc)
	}
	for _, p := range opt.Omit {
		if !p.valid() {
			return fmt.Errorf("report: %w: unknown part %v to omit", ErrOptions, p)
		}
		b.omit |= 1 << p
	}
	m, err := newMatcher(opt.Filter, b.places)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	b.match = m
	b.doc = &Document{
		Languages: slices.Clone(tags),
		DossierID: b.d.ID,
		Country:   b.d.Country,
		Filter:    opt.Filter,
	}
	b.seen, b.next = map[string]bool{}, map[string]int{}
	b.said = make([]map[any]said, len(b.locs))
	for i := range b.said {
		b.said[i] = map[any]said{}
	}
	b.labels = disambiguators(b.d.Sources)
	b.erratumFigures = map[model.FigureID]bool{}
	for _, e := range b.d.Errata {
		if e.Ref.Kind == model.RefFigure {
			b.erratumFigures[model.FigureID(e.Ref.ID)] = false
		}
	}
	return nil
}

func (b *builder) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// each builds an L by calling f once per language.
func (b *builder) each(what string, f func(l *locales.Locale) (string, error)) L {
	out := make(L, len(b.locs))
	for i, l := range b.locs {
		s, err := f(l)
		if err != nil {
			b.fail(fmt.Errorf("report: %s: %w", what, err))
		}
		out[i] = s
	}
	return out
}

// eachOnce is each for text that depends on key alone, such as the label
// of an enum value, a place name or a date: the catalogs are asked once
// per key and language, which matters when a hundred thousand figures
// share a few dozen labels. The type of a key says what f computes: a
// model enum value stands for its label, the types below for the rest.
// what is formatted only when there is an error to report.
func (b *builder) eachOnce(what fieldPath, key any, f func(l *locales.Locale) (string, error)) L {
	out := make(L, len(b.locs))
	for i, l := range b.locs {
		r, ok := b.said[i][key]
		if !ok {
			r.s, r.err = f(l)
			if len(b.said[i]) < maxSaid {
				b.said[i][key] = r
			}
		}
		if r.err != nil {
			b.fail(fmt.Errorf("report: %s: %w", what, r.err))
		}
		out[i] = r.s
	}
	return out
}

// fieldPath is the JSON path of a field of an element of a dossier's
// array, such as figures[12].value, formatted only when needed.
type fieldPath struct {
	array string
	index int
	field string
}

func (p fieldPath) String() string {
	if p.index < 0 { // array is the whole path of the element
		return p.array + p.field
	}
	return p.array + "[" + strconv.Itoa(p.index) + "]" + p.field
}

// Keys of eachOnce besides model enum values.
type (
	placeKey     model.PlaceID
	shortDateKey model.Date
	spanKey      struct {
		span model.DateSpan
		prec model.DatePrecision
	}
)

// text returns t in each language; t must have them all.
func (b *builder) text(what string, t model.Text) L {
	return b.each(what, func(l *locales.Locale) (string, error) { return l.Text(t) })
}

// textAt is text with the path of the field for errors.
func (b *builder) textAt(what fieldPath, t model.Text) L {
	out := make(L, len(b.locs))
	for i, l := range b.locs {
		s, err := l.Text(t)
		if err != nil {
			b.fail(fmt.Errorf("report: %s: %w", what, err))
		}
		out[i] = s
	}
	return out
}

// optText is text for an optional field: empty strings when t is empty.
func (b *builder) optText(what string, t model.Text) L {
	if t.IsZero() {
		return make(L, len(b.locs))
	}
	return b.text(what, t)
}

func (b *builder) msg(id locales.ID, data map[string]any) L {
	return b.each(string(id), func(l *locales.Locale) (string, error) { return l.Message(id, data) })
}

// anchor returns a unique anchor built from base: base, or base-2,
// base-3... The numbers already tried for base are skipped, so that many
// anchors of one base cost no more than as many of different bases.
func (b *builder) anchor(base string) string {
	a := base
	n := max(2, b.next[base])
	if b.seen[a] {
		for a = base + "-" + strconv.Itoa(n); b.seen[a]; a = base + "-" + strconv.Itoa(n) {
			n++
		}
		b.next[base] = n + 1
	}
	b.seen[a] = true
	return a
}

func (b *builder) build() {
	b.meta()
	b.filters()
	d := b.d
	if b.opt.Changes != nil {
		b.changesSection()
	}
	if !b.omits(PartBackground) {
		if blocks := b.statements("background", d.Background); len(blocks) > 0 {
			s := b.section(SectionBackground, "background", 1, b.msg(locales.BackgroundHeading, nil))
			s.Blocks = blocks
		}
	}
	b.chronology()
	if !b.omits(PartSections) {
		for i := range d.Sections {
			if s := b.thematic(fmt.Sprintf("sections[%d]", i), &d.Sections[i], 1); s != nil {
				b.doc.Sections = append(b.doc.Sections, s)
			}
		}
	}
	if !b.omits(PartNotes) {
		if blocks := b.statements("notes", d.Notes); len(blocks) > 0 {
			s := b.section(SectionNotes, "notes", 1, b.msg(locales.NotesHeading, nil))
			s.Blocks = blocks
		}
	}
	b.figures()
	b.eventMap()
	b.bibliography()
	if !b.omits(PartErrata) {
		b.errata()
	}
	if b.doc.Changes != nil {
		b.changes()
	}
	b.contents()
}

// omits reports whether the options leave part p out.
func (b *builder) omits(p Part) bool { return b.omit&(1<<p) != 0 }

// section appends a top-level section to the document.
func (b *builder) section(kind SectionKind, anchor string, level int, title L) *Section {
	s := &Section{Kind: kind, Anchor: b.anchor(anchor), Level: level, Title: title}
	b.doc.Sections = append(b.doc.Sections, s)
	return s
}

func (b *builder) meta() {
	d := b.d
	m := &b.doc.Meta
	m.Title = b.text("title", d.Title)
	if d.ShortTitle.IsZero() {
		m.ShortTitle = m.Title
	} else {
		m.ShortTitle = b.text("shortTitle", d.ShortTitle)
	}
	m.Summary = b.text("summary", d.Summary)
	m.Disclaimer = b.text("disclaimer", d.Disclaimer)
	m.Issuer = b.text("issuer.name", d.Issuer.Name)
	m.Unit = b.optText("issuer.unit", d.Issuer.Unit)
	m.IssuerURL = d.Issuer.URL
	if d.Issuer.Logo != "" {
		logo, _, err := model.DecodeImageURI(d.Issuer.Logo)
		if err != nil {
			b.fail(fmt.Errorf("report: issuer.logo: %w", err))
		}
		m.Logo = logo
	}
	m.Published, m.Updated = d.Published, d.Updated
	m.PublishedText = b.each("published", func(l *locales.Locale) (string, error) { return l.DateLong(d.Published), nil })
	m.UpdatedText = make(L, len(b.locs))
	if !d.Updated.IsZero() {
		m.UpdatedText = b.each("updated", func(l *locales.Locale) (string, error) { return l.DateLong(d.Updated), nil })
	}
	md := d.Method
	add := func(id locales.ID, v L) { m.Method = append(m.Method, Field{Label: b.msg(id, nil), Value: v}) }
	add(locales.FieldPeriod, b.each("period", func(l *locales.Locale) (string, error) { return l.Span(d.Period, model.PrecisionSpan) }))
	add(locales.FieldScope, b.text("method.scope", md.Scope))
	add(locales.FieldCutOff, b.each("method.cutOff", func(l *locales.Locale) (string, error) { return l.DateLong(md.CutOff), nil }))
	add(locales.FieldSourcesConsulted, b.each("method.sourcesConsulted", func(l *locales.Locale) (string, error) {
		return l.Span(md.SourcesConsulted, model.PrecisionSpan)
	}))
	if len(md.LanguagesSearched) > 0 {
		add(locales.FieldLanguagesSearched, b.each("method.languagesSearched", func(l *locales.Locale) (string, error) {
			names := make([]string, 0, len(md.LanguagesSearched))
			for _, tag := range md.LanguagesSearched {
				n, err := l.LanguageName(tag)
				if err != nil {
					return "", err
				}
				names = append(names, n)
			}
			return strings.Join(names, ", "), nil
		}))
	}
	if len(md.Contributors) > 0 {
		add(locales.FieldContributors, b.each("method.contributors", func(l *locales.Locale) (string, error) {
			parts := make([]string, 0, len(md.Contributors))
			for _, c := range md.Contributors {
				role, err := l.Role(c.Role)
				if err != nil {
					return "", err
				}
				name, err := l.Text(c.Name)
				if err != nil {
					return "", err
				}
				parts = append(parts, name+" ("+role+")")
			}
			return strings.Join(parts, "; "), nil
		}))
	}
	if md.Version != "" {
		add(locales.FieldVersion, b.each("method.version", func(*locales.Locale) (string, error) { return md.Version, nil }))
	}
	m.MethodNote = b.optText("method.note", md.Note)
	m.Keywords = b.each("keywords", func(l *locales.Locale) (string, error) {
		country, err := l.PlaceName(b.places.byID[d.Country])
		if err != nil {
			return "", err
		}
		series, err := l.Message(locales.DocumentSeries, nil)
		if err != nil {
			return "", err
		}
		keywords := country + ", " + series
		if months := periodMonths(d.Period); months != "" {
			keywords += ", " + months
		}
		return keywords, nil
	})
}

// maxKeywordMonths is the most months the keywords list one by one; a
// longer period is given as its first and last month.
const maxKeywordMonths = 12

// periodMonths returns the months the period spans, for the keywords:
// "2022-06, 2022-07" for 28 June to 15 July 2022, "2022-01" for January,
// "2021-01/2023-12" for three years, and "2022-01/.." for an open period.
func periodMonths(p model.DateSpan) string {
	start := p.Start
	if start.IsZero() || start.Year < 1 || start.Year > 9999 {
		return ""
	}
	month := func(y int, m time.Month) string { return fmt.Sprintf("%04d-%02d", y, int(m)) }
	if p.Open {
		return month(start.Year, start.Month) + "/.."
	}
	end := p.End
	if end.IsZero() || end.Before(start) || end.Year > 9999 {
		end = start
	}
	n := (end.Year-start.Year)*12 + int(end.Month) - int(start.Month) + 1
	if n > maxKeywordMonths {
		return month(start.Year, start.Month) + "/" + month(end.Year, end.Month)
	}
	parts := make([]string, 0, n)
	for y, m := start.Year, start.Month; len(parts) < n; {
		parts = append(parts, month(y, m))
		if m++; m > time.December {
			y, m = y+1, time.January
		}
	}
	return strings.Join(parts, ", ")
}

// filters describes the filter for the reader, one line per criterion.
func (b *builder) filters() {
	f := b.doc.Filter
	if f.IsZero() {
		return
	}
	if len(f.Places) > 0 {
		b.doc.Filters = append(b.doc.Filters, b.each("filter", func(l *locales.Locale) (string, error) {
			names := make([]string, 0, len(f.Places))
			for _, id := range f.Places {
				n, err := l.PlaceName(b.places.byID[id])
				if err != nil {
					return "", err
				}
				names = append(names, n)
			}
			return l.Message(locales.FilterPlace, map[string]any{"Place": strings.Join(names, ", ")})
		}))
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		b.doc.Filters = append(b.doc.Filters, b.each("filter", func(l *locales.Locale) (string, error) {
			var span string
			var err error
			switch {
			case f.From.IsZero():
				span = "… – " + l.DateLong(f.To)
			case f.To.IsZero():
				span, err = l.Span(model.DateSpan{Start: f.From, Open: true}, model.PrecisionSpan)
			default:
				span, err = l.Span(model.DateSpan{Start: f.From, End: f.To}, model.PrecisionSpan)
			}
			if err != nil {
				return "", err
			}
			return l.Message(locales.FilterDates, map[string]any{"Span": span})
		}))
	}
	if len(f.Kinds) > 0 {
		b.doc.Filters = append(b.doc.Filters, b.each("filter", func(l *locales.Locale) (string, error) {
			names := make([]string, 0, len(f.Kinds))
			for _, k := range f.Kinds {
				n, err := l.EventKind(k)
				if err != nil {
					return "", err
				}
				names = append(names, n)
			}
			return l.Message(locales.FilterKind, map[string]any{"Kind": strings.Join(names, ", ")})
		}))
	}
}

// statements turns a run of statements into paragraphs, with bulleted runs
// gathered in Lists.
func (b *builder) statements(path string, ss []model.Statement) []Block {
	var out []Block
	var list *List
	for i := range ss {
		if !b.match.statement(&ss[i], b.d.Country) {
			continue
		}
		p := b.paragraph(fmt.Sprintf("%s[%d]", path, i), &ss[i])
		if !ss[i].Bullet {
			list = nil
			out = append(out, p)
			continue
		}
		if list == nil {
			list = &List{}
			out = append(out, list)
		}
		list.Items = append(list.Items, p)
	}
	return out
}

// paragraph makes the paragraph of a statement and, when it cites sources,
// its footnote with the next number.
func (b *builder) paragraph(path string, s *model.Statement) *Paragraph {
	p := &Paragraph{Statement: s.ID, Text: b.text(path+".text", s.Text), Reliability: s.Reliability}
	if b.changed != nil {
		if k, ok := b.changed[s.ID]; ok {
			p.Changed, p.Anchor = k, b.anchor("changed-"+string(s.ID))
		}
		if b.paragraphs == nil {
			b.paragraphs = map[model.StatementID]*Paragraph{}
		}
		b.paragraphs[s.ID] = p
	}
	p.ReliabilityText = make(L, len(b.locs))
	if s.Reliability != model.Reliable {
		p.ReliabilityText = b.eachOnce(fieldPath{path, -1, ".reliability"}, s.Reliability, func(l *locales.Locale) (string, error) {
			return l.Reliability(s.Reliability)
		})
	}
	if len(s.Sources) == 0 && s.Note.IsZero() {
		return p
	}
	fn := &Footnote{Number: len(b.notes) + 1, Statement: s.ID, Note: b.optText(path+".note", s.Note)}
	fn.Anchor = b.anchor("fn-" + strconv.Itoa(fn.Number))
	for i, id := range s.Sources {
		it := b.items[id]
		if it == nil {
			it = b.source(fmt.Sprintf("%s.sources[%d]", path, i), id)
		}
		if it == nil {
			continue
		}
		// Footnotes are numbered in order: fn.Number, when there, is last.
		if n := len(it.Footnotes); n == 0 || it.Footnotes[n-1] != fn.Number {
			it.Footnotes = append(it.Footnotes, fn.Number)
		}
		fn.Citations = append(fn.Citations, &Citation{Source: it, Text: it.Citation})
	}
	b.notes = append(b.notes, fn)
	b.doc.Footnotes = b.notes
	p.Footnote = fn
	return p
}

func (b *builder) chronology() {
	d := b.d
	var days []*Section
	for i := range d.Chronology {
		if s := b.day(i); s != nil {
			days = append(days, s)
		}
	}
	if len(days) == 0 {
		return
	}
	s := b.section(SectionChronology, "chronology", 1, b.msg(locales.ChronologyHeading, nil))
	s.Sections = days
}

func (b *builder) day(i int) *Section {
	day := &b.d.Chronology[i]
	path := fmt.Sprintf("chronology[%d]", i)
	var keep []int
	for j := range day.Entries {
		if b.match.entry(&day.Entries[j], day, b.d.Country) {
			keep = append(keep, j)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	s := &Section{Kind: SectionDay, Level: 2, Day: &DayInfo{When: day.When, Precision: day.Precision}}
	s.Anchor = b.anchor("day-" + day.When.Start.String())
	if !day.Title.IsZero() {
		s.Title = b.text(path+".title", day.Title)
	} else {
		s.Title = b.each(path+".when", func(l *locales.Locale) (string, error) { return l.Span(day.When, day.Precision) })
	}
	var group *PlaceGroup
	var list *List
	for _, j := range keep {
		e := &day.Entries[j]
		p := b.entry(fmt.Sprintf("%s.entries[%d]", path, j), e, day)
		switch {
		case e.Group != "":
			list = nil
			if group == nil || group.Place != e.Group {
				group = &PlaceGroup{Place: e.Group, Name: b.placeName(path, e.Group)}
				s.Blocks = append(s.Blocks, group)
			}
			group.Items = append(group.Items, p)
		case e.Bullet:
			group = nil
			if list == nil {
				list = &List{}
				s.Blocks = append(s.Blocks, list)
			}
			list.Items = append(list.Items, p)
		default:
			group, list = nil, nil
			s.Blocks = append(s.Blocks, p)
		}
	}
	return s
}

func (b *builder) placeName(path string, id model.PlaceID) L {
	return b.placeNameAt(fieldPath{path, -1, ""}, id)
}

func (b *builder) placeNameAt(path fieldPath, id model.PlaceID) L {
	return b.eachOnce(path, placeKey(id), func(l *locales.Locale) (string, error) { return l.PlaceName(b.places.byID[id]) })
}

func (b *builder) entry(path string, e *model.Entry, day *model.Day) *Paragraph {
	p := b.paragraph(path, &e.Statement)
	span := e.Span(day)
	info := &EntryInfo{When: span, Precision: e.Precision(day), Time: e.Time, Kind: e.Kind, Places: e.Places, Figures: e.Figures,
		GeoPrecision: b.geoPrecision(e)}
	info.WhenText = make(L, len(b.locs))
	if !e.When.IsZero() && e.When != day.When {
		info.WhenText = b.eachOnce(fieldPath{path, -1, ".when"}, spanKey{span, info.Precision}, func(l *locales.Locale) (string, error) {
			return l.Span(span, info.Precision)
		})
	}
	info.TimeText = make(L, len(b.locs))
	if e.Time != nil {
		info.TimeText = b.eachOnce(fieldPath{path, -1, ".time"}, *e.Time, func(l *locales.Locale) (string, error) { return l.Time(*e.Time), nil })
	}
	info.KindText = b.eachOnce(fieldPath{path, -1, ".kind"}, e.Kind, func(l *locales.Locale) (string, error) { return l.EventKind(e.Kind) })
	p.Entry = info
	return p
}

// geoPrecision returns e's location precision: its own, else the
// coarsest its places' kinds imply.
func (b *builder) geoPrecision(e *model.Entry) model.GeoPrecision {
	if e.GeoPrecision != model.GeoDerived {
		return e.GeoPrecision
	}
	if len(e.Places) == 0 {
		return model.GeoCountry
	}
	out := model.GeoPoint
	for _, id := range e.Places {
		p := model.GeoCountry
		if pl := b.places.byID[id]; pl != nil {
			switch pl.Kind {
			case model.PlaceSite:
				p = model.GeoPoint
			case model.PlaceDistrict, model.PlaceCity:
				p = model.GeoCity
			case model.PlaceRegion:
				p = model.GeoRegion
			}
		}
		out = max(out, p)
	}
	return out
}

func (b *builder) thematic(path string, sec *model.Section, level int) *Section {
	blocks := b.statements(path+".paragraphs", sec.Paragraphs)
	var subs []*Section
	for i := range sec.Sections {
		if sub := b.thematic(fmt.Sprintf("%s.sections[%d]", path, i), &sec.Sections[i], level+1); sub != nil {
			subs = append(subs, sub)
		}
	}
	if len(blocks) == 0 && len(subs) == 0 {
		return nil // a focused briefing left out every paragraph
	}
	s := &Section{Kind: SectionThematic, Anchor: b.anchor("section-" + sec.ID), Level: level, Title: b.text(path+".title", sec.Title)}
	s.Blocks, s.Sections = blocks, subs
	return s
}

// source returns the bibliography item of id, making it on first use.
func (b *builder) source(path string, id model.SourceID) *SourceItem {
	if it, ok := b.items[id]; ok {
		return it
	}
	if b.sourceIndex == nil {
		b.sourceIndex = make(map[model.SourceID]*model.Source, len(b.d.Sources))
		for i := range b.d.Sources {
			b.sourceIndex[b.d.Sources[i].ID] = &b.d.Sources[i]
		}
	}
	src := b.sourceIndex[id]
	if src == nil {
		b.fail(fmt.Errorf("report: %s: %w: unknown source %q", path, model.ErrDangling, id))
		return nil
	}
	if !slices.Contains(model.SourceCategories(), src.Category) {
		// The bibliography groups sources by category: one with none
		// would be cited but never listed.
		b.fail(fmt.Errorf("report: %s: %w: source %q has no valid category", path, model.ErrInvalidValue, id))
		return nil
	}
	it := &SourceItem{
		ID: id, Category: src.Category,
		Outlet: src.Outlet, Label: b.labels[id], Title: src.Title, TitleLanguage: src.TitleLanguage,
		Published: src.Published, Updated: src.Updated, URL: src.URL, Link: linkURL(src.URL),
		Accessed: src.Accessed, Source: *src,
	}
	if it.Accessed.IsZero() {
		it.Accessed = lastDay(b.d.Method.SourcesConsulted)
	}
	if !b.omits(PartBibliography) {
		it.Anchor = b.anchor("src-" + string(id))
	}
	if src.Group != "" {
		it.Outlet += " (" + src.Group + ")"
	}
	if src.Via != "" {
		it.Outlet += ", via " + src.Via
	}
	tbase, _ := src.TitleLanguage.Base()
	it.Translation = b.each(path+".translation", func(l *locales.Locale) (string, error) {
		if lb, _ := l.Tag().Base(); lb == tbase {
			return "", nil
		}
		return l.Text(src.Translation)
	})
	it.Date = b.each(path+".published", func(l *locales.Locale) (string, error) { return b.dateLabel(l, src, it.Label, false) })
	it.Citation = b.each(path, func(l *locales.Locale) (string, error) {
		date, err := b.dateLabel(l, src, it.Label, true)
		if err != nil {
			return "", err
		}
		return src.Outlet + ", " + date, nil
	})
	b.items[id] = it
	b.used = append(b.used, id)
	return it
}

// dateLabel is "07/01/2022 [3]" with the update when there is one: the
// short form for footnotes, the long form for the bibliography.
func (b *builder) dateLabel(l *locales.Locale, src *model.Source, label int, short bool) (string, error) {
	date := l.DateShort
	if !short {
		date = l.Date
	}
	s := date(src.Published)
	if label > 0 {
		s += " [" + strconv.Itoa(label) + "]"
	}
	if !src.Updated.IsZero() {
		u, err := l.Message(locales.FieldUpdatedOn, map[string]any{"Date": date(src.Updated)})
		if err != nil {
			return "", err
		}
		s += " (" + u + ")"
	}
	return s, nil
}

// linkURL percent-encodes the non-ASCII characters of a URL, so that a
// printed address such as ".../nazarbaiev-reapparaît" opens when clicked.
func linkURL(raw string) string {
	if raw == "" {
		return ""
	}
	ascii := true
	for i := 0; i < len(raw); i++ {
		if raw[i] >= utf8.RuneSelf || raw[i] == ' ' {
			ascii = false
			break
		}
	}
	if ascii {
		return raw
	}
	var sb strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c >= utf8.RuneSelf || c == ' ' {
			fmt.Fprintf(&sb, "%%%02X", c)
			continue
		}
		sb.WriteByte(c)
	}
	if _, err := url.Parse(sb.String()); err != nil {
		return raw
	}
	return sb.String()
}

// disambiguators numbers an outlet's several items of one day [1], [2]…
// in the order of their printed disambiguators, then of the bibliography.
// A source alone on its day gets 0.
func disambiguators(sources []model.Source) map[model.SourceID]int {
	type key struct {
		outlet string
		day    model.Date
	}
	groups := map[key][]int{}
	var order []key
	for i := range sources {
		k := key{sources[i].Outlet, sources[i].Published}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	out := make(map[model.SourceID]int, len(sources))
	for _, k := range order {
		idx := groups[k]
		if len(idx) < 2 {
			continue
		}
		slices.SortStableFunc(idx, func(a, b int) int { return sources[a].Disambiguator - sources[b].Disambiguator })
		for n, i := range idx {
			out[sources[i].ID] = n + 1
		}
	}
	return out
}

func (b *builder) errata() {
	notes := make(map[string]*Footnote, len(b.notes))
	for _, fn := range b.notes {
		notes[string(fn.Statement)] = fn
	}
	keep := func(r model.Ref) bool {
		switch r.Kind {
		case model.RefSource:
			_, ok := b.items[model.SourceID(r.ID)]
			return ok
		case model.RefStatement:
			return notes[r.ID] != nil
		case model.RefFigure:
			return b.erratumFigures[model.FigureID(r.ID)]
		}
		return true
	}
	for i := range b.d.Errata {
		e := &b.d.Errata[i]
		if !keep(e.Ref) {
			continue
		}
		path := fmt.Sprintf("errata[%d]", i)
		it := &ErratumItem{Ref: e.Ref, Field: e.Field, Printed: e.Printed, Recorded: e.Recorded, Text: b.text(path+".text", e.Text)}
		it.Subject = b.each(path+".ref", func(l *locales.Locale) (string, error) {
			switch e.Ref.Kind {
			case model.RefSource:
				if it, ok := b.items[model.SourceID(e.Ref.ID)]; ok {
					return it.Citation[slices.Index(b.locs, l)], nil
				}
			case model.RefStatement:
				if fn := notes[e.Ref.ID]; fn != nil {
					return "n. " + strconv.Itoa(fn.Number), nil
				}
			case model.RefPlace:
				return l.PlaceName(b.places.byID[model.PlaceID(e.Ref.ID)])
			}
			return e.Ref.ID, nil
		})
		b.doc.Errata = append(b.doc.Errata, it)
	}
	if len(b.doc.Errata) > 0 {
		s := b.section(SectionErrata, "errata", 1, b.msg(locales.ErrataHeading, nil))
		s.Blocks = []Block{&ErrataBlock{}}
	}
}

func (b *builder) contents() {
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			b.doc.Contents = append(b.doc.Contents, ContentsEntry{Level: s.Level, Anchor: s.Anchor, Title: s.Title})
			walk(s.Sections)
		}
	}
	walk(b.doc.Sections)
}

var _ = errors.New

// bibliography groups the cited sources by category, in the model's order
// of categories, newest first within a group (then by outlet and label).
func (b *builder) bibliography() {
	if len(b.used) == 0 {
		return
	}
	for _, c := range model.SourceCategories() {
		g := &BibGroup{Category: c}
		for _, id := range b.used {
			if it := b.items[id]; it.Category == c {
				g.Items = append(g.Items, it)
			}
		}
		if len(g.Items) == 0 {
			continue
		}
		slices.SortStableFunc(g.Items, func(x, y *SourceItem) int {
			if c := y.Published.Compare(x.Published); c != 0 {
				return c
			}
			if x.Outlet != y.Outlet {
				return strings.Compare(x.Outlet, y.Outlet)
			}
			return x.Label - y.Label
		})
		g.Anchor = b.anchor("bibliography-" + c.String())
		g.Title = b.each("bibliography", func(l *locales.Locale) (string, error) { return l.CategoryHeading(c) })
		b.doc.Bibliography = append(b.doc.Bibliography, g)
		b.doc.Sources = append(b.doc.Sources, g.Items...)
	}
	if b.omits(PartBibliography) {
		return // the sources stay in the document, for the footnotes and the workbook
	}
	s := b.section(SectionBibliography, "bibliography", 1, b.msg(locales.BibliographyHeading, nil))
	s.Blocks = []Block{&BibliographyBlock{}}
	for _, g := range b.doc.Bibliography {
		s.Sections = append(s.Sections, &Section{Kind: SectionBibliography, Anchor: g.Anchor, Level: 2, Title: g.Title})
	}
}
