package model

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/language"
)

// Validate checks d and returns every problem found, in document order, each
// with its JSON path and severity. It checks at least:
//
//   - the format, required fields and unique ids (statements, sources,
//     places, figures);
//   - that every source, place, figure and erratum reference resolves;
//   - that every text is written in every declared language;
//   - that chronology dates fall within the period and nothing is dated
//     after publication (or the last update);
//   - source dates implausibly far from the period, such as a year slip
//     (08/01/2021 among January 2022 sources);
//   - URLs that are not absolute http or https URLs;
//   - negative figures, ranges whose low bound exceeds the high one,
//     figures reported before the date they stand at;
//   - sources that no statement or figure cites (warning), and figures reported before any of
//     their sources was published (warning).
//
// A warning whose object and field are the subject of an Erratum is
// returned with Issue.Erratum set: the dossier explains it.
func Validate(d *Dossier) Issues {
	v := &validator{
		d:          d,
		sources:    make(map[SourceID]int, len(d.Sources)),
		places:     make(map[PlaceID]int, len(d.Places)),
		figures:    make(map[FigureID]int, len(d.Figures)),
		statements: make(map[StatementID]string),
		cited:      make(map[SourceID]bool, len(d.Sources)),
	}
	v.index()
	v.metadata()
	for i := range d.Background {
		v.statement(fmt.Sprintf("background[%d]", i), &d.Background[i], false)
	}
	for i := range d.Chronology {
		v.day(i)
	}
	for i := range d.Sections {
		v.section(fmt.Sprintf("sections[%d]", i), &d.Sections[i])
	}
	for i := range d.Notes {
		v.statement(fmt.Sprintf("notes[%d]", i), &d.Notes[i], false)
	}
	for i := range d.Places {
		v.place(i)
	}
	for i := range d.Sources {
		v.source(i)
	}
	for i := range d.Figures {
		v.figure(i)
	}
	v.uncited()
	for i := range d.Errata {
		v.erratum(i)
	}
	v.explain()
	return v.issues
}

type validator struct {
	d          *Dossier
	issues     Issues
	sources    map[SourceID]int
	places     map[PlaceID]int
	figures    map[FigureID]int
	statements map[StatementID]string // id -> path of first use
	cited      map[SourceID]bool
}

func (v *validator) add(sev Severity, path string, ref Ref, field string, sentinel error, format string, args ...any) {
	err := fmt.Errorf(format, args...)
	if sentinel != nil {
		err = fmt.Errorf("%w: %w", sentinel, err)
	}
	v.issues = append(v.issues, Issue{Severity: sev, Path: path, Ref: ref, Field: field, Err: err})
}

func (v *validator) errorf(path string, sentinel error, format string, args ...any) {
	v.add(SeverityError, path, Ref{}, "", sentinel, format, args...)
}

func (v *validator) missing(path, what string) {
	v.add(SeverityError, path, Ref{}, "", ErrMissing, "%s is required", what)
}

// index records the ids of sources, places and figures, reporting
// duplicates, so that references can be checked in one pass.
func (v *validator) index() {
	for i, s := range v.d.Sources {
		path := fmt.Sprintf("sources[%d].id", i)
		switch j, dup := v.sources[s.ID]; {
		case s.ID == "":
			v.missing(path, "source id")
		case dup:
			v.errorf(path, ErrDuplicateID, "source %q is also sources[%d]", s.ID, j)
		default:
			v.sources[s.ID] = i
		}
	}
	for i, p := range v.d.Places {
		path := fmt.Sprintf("places[%d].id", i)
		switch j, dup := v.places[p.ID]; {
		case p.ID == "":
			v.missing(path, "place id")
		case dup:
			v.errorf(path, ErrDuplicateID, "place %q is also places[%d]", p.ID, j)
		default:
			v.places[p.ID] = i
		}
	}
	for i, f := range v.d.Figures {
		path := fmt.Sprintf("figures[%d].id", i)
		switch j, dup := v.figures[f.ID]; {
		case f.ID == "":
			v.missing(path, "figure id")
		case dup:
			v.errorf(path, ErrDuplicateID, "figure %q is also figures[%d]", f.ID, j)
		default:
			v.figures[f.ID] = i
		}
	}
}

// limit is the last date anything in the dossier may carry: its last
// update, or its publication.
func (v *validator) limit() Date {
	if v.d.Updated.After(v.d.Published) {
		return v.d.Updated
	}
	return v.d.Published
}

func (v *validator) metadata() {
	d := v.d
	if d.Format != Format && d.Format != "" {
		v.errorf("format", ErrFormat, "%q (want %q)", d.Format, Format)
	}
	if d.ID == "" {
		v.missing("id", "dossier id")
	}
	if len(d.Languages) == 0 {
		v.missing("languages", "at least one language")
	}
	seen := make(map[language.Tag]int)
	for i, tag := range d.Languages {
		path := fmt.Sprintf("languages[%d]", i)
		if tag == language.Und {
			v.errorf(path, ErrInvalidValue, "undetermined language")
		} else if j, dup := seen[tag]; dup {
			v.errorf(path, ErrDuplicateID, "language %s is also languages[%d]", tag, j)
		}
		seen[tag] = i
	}
	if d.Country == "" {
		v.missing("country", "country")
	} else if v.placeRef("country", d.Country) && d.Places[v.places[d.Country]].Kind != PlaceCountry {
		v.errorf("country", ErrInvalidValue, "place %q is a %s, not a country", d.Country, d.Places[v.places[d.Country]].Kind)
	}
	v.text("title", d.Title, true)
	v.text("shortTitle", d.ShortTitle, false)
	v.text("summary", d.Summary, true)
	v.text("disclaimer", d.Disclaimer, true)
	if d.Period.IsZero() {
		v.missing("period", "period")
	}
	switch {
	case d.Published.IsZero():
		v.missing("published", "publication date")
	case !d.Period.IsZero() && d.Published.Before(d.Period.Start):
		v.errorf("published", ErrDateRange, "published %s, before the period starts (%s)", d.Published, d.Period.Start)
	}
	if !d.Updated.IsZero() && d.Updated.Before(d.Published) {
		v.errorf("updated", ErrDateRange, "updated %s, before publication (%s)", d.Updated, d.Published)
	}
	v.text("issuer.name", d.Issuer.Name, true)
	v.text("issuer.unit", d.Issuer.Unit, false)
	if d.Issuer.URL != "" {
		v.url("issuer.url", d.Issuer.URL)
	}
	m := d.Method
	v.text("method.scope", m.Scope, true)
	v.text("method.note", m.Note, false)
	switch {
	case m.CutOff.IsZero():
		v.missing("method.cutOff", "research cut-off date")
	case m.CutOff.After(v.limit()):
		v.errorf("method.cutOff", ErrDateRange, "cut-off %s is after publication (%s)", m.CutOff, v.limit())
	}
	switch {
	case m.SourcesConsulted.IsZero():
		v.missing("method.sourcesConsulted", "when the sources were consulted")
	case m.SourcesConsulted.Start.After(v.limit()):
		v.errorf("method.sourcesConsulted", ErrDateRange, "sources consulted from %s, after publication (%s)", m.SourcesConsulted.Start, v.limit())
	}
	for i, c := range m.Contributors {
		path := fmt.Sprintf("method.contributors[%d]", i)
		if c.Role == 0 {
			v.missing(path+".role", "role")
		}
		v.text(path+".name", c.Name, true)
	}
}

// text checks that t is written in every declared language when required
// (or when present at all), and nowhere else.
func (v *validator) text(path string, t Text, required bool) {
	if !required && len(t) == 0 {
		return
	}
	for _, tag := range v.d.Languages {
		if _, ok := t.In(tag); !ok {
			if len(t) == 0 {
				v.missing(path, "text")
				return
			}
			v.errorf(path+"."+tag.String(), ErrMissingText, "no %s text", tag)
		}
	}
	for _, tag := range t.Languages() {
		p := path + "." + tag.String()
		if !v.declared(tag) {
			v.add(SeverityWarning, p, Ref{}, "", ErrMissingText, "text in %s, which the dossier does not declare", tag)
		}
		if r, ok := badRune(t[tag]); ok {
			v.errorf(p, ErrInvalidValue, "control character %U", r)
		}
	}
}

// badRune returns the first control character of s other than newline and
// tab, and whether there is one.
func badRune(s string) (rune, bool) {
	for _, r := range s {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == unicode.ReplacementChar) {
			return r, true
		}
	}
	return 0, false
}

func (v *validator) declared(tag language.Tag) bool {
	for _, t := range v.d.Languages {
		if t == tag {
			return true
		}
	}
	return false
}

func (v *validator) placeRef(path string, id PlaceID) bool {
	if _, ok := v.places[id]; !ok {
		v.errorf(path, ErrDangling, "unknown place %q", id)
		return false
	}
	return true
}

func (v *validator) sourceRefs(path string, ids []SourceID) {
	for i, id := range ids {
		if _, ok := v.sources[id]; !ok {
			v.errorf(path+"["+strconv.Itoa(i)+"]", ErrDangling, "unknown source %q", id)
			continue
		}
		v.cited[id] = true
	}
}

func (v *validator) statement(path string, s *Statement, inChronology bool) {
	ref := Ref{RefStatement, string(s.ID)}
	if s.ID == "" {
		v.missing(path+".id", "statement id")
	} else if first, dup := v.statements[s.ID]; dup {
		v.errorf(path+".id", ErrDuplicateID, "statement %q is also %s", s.ID, first)
	} else {
		v.statements[s.ID] = path
	}
	v.text(path+".text", s.Text, true)
	v.text(path+".note", s.Note, false)
	if !reliabilities.valid(s.Reliability) {
		v.errorf(path+".reliability", ErrInvalidValue, "reliability %d", s.Reliability)
	}
	v.sourceRefs(path+".sources", s.Sources)
	if inChronology && len(s.Sources) == 0 {
		v.add(SeverityWarning, path+".sources", ref, "sources", ErrMissing, "chronology entry %q cites no source", s.ID)
	}
	for i, id := range s.Figures {
		if _, ok := v.figures[id]; !ok {
			v.errorf(fmt.Sprintf("%s.figures[%d]", path, i), ErrDangling, "unknown figure %q", id)
		}
	}
}

func (v *validator) day(i int) {
	d := v.d
	day := &d.Chronology[i]
	path := fmt.Sprintf("chronology[%d]", i)
	v.text(path+".title", day.Title, false)
	if day.When.IsZero() {
		v.missing(path+".when", "date")
	} else {
		v.within(path+".when", day.When)
		if i > 0 && day.When.Start.Before(d.Chronology[i-1].When.Start) {
			v.add(SeverityWarning, path+".when", Ref{}, "", ErrDateRange, "day %s comes after day %s", day.When, d.Chronology[i-1].When)
		}
	}
	if len(day.Entries) == 0 {
		v.add(SeverityWarning, path+".entries", Ref{}, "", ErrMissing, "day %s has no entries", day.When)
	}
	for j := range day.Entries {
		e := &day.Entries[j]
		p := fmt.Sprintf("%s.entries[%d]", path, j)
		v.statement(p, &e.Statement, true)
		if e.Kind == 0 || !eventKinds.valid(e.Kind) {
			v.missing(p+".kind", "event kind")
		}
		if !e.When.IsZero() {
			v.within(p+".when", e.When)
			if !day.When.IsZero() && !e.When.Overlaps(day.When) {
				v.add(SeverityWarning, p+".when", Ref{RefStatement, string(e.ID)}, "when", ErrDateRange, "entry dated %s under day %s", e.When, day.When)
			}
		}
		if e.DatePrecision == PrecisionNight {
			s := e.Span(day)
			if s.Open || s.End != s.Start.AddDays(1) {
				v.errorf(p+".datePrecision", ErrInvalidValue, "a night spans two consecutive days, not %s", s)
			}
		}
		if e.Time != nil {
			if _, err := ParseTimeSpan(e.Time.String()); err != nil || e.Time.Start.Hour > 23 || e.Time.End.Hour > 23 {
				v.errorf(p+".time", ErrInvalidValue, "time %s out of range", e.Time)
			}
		}
		for k, id := range e.Places {
			v.placeRef(fmt.Sprintf("%s.places[%d]", p, k), id)
		}
		if e.Group != "" && v.placeRef(p+".group", e.Group) && !containsPlace(e.Places, e.Group) {
			v.add(SeverityWarning, p+".group", Ref{RefStatement, string(e.ID)}, "group", ErrDangling, "entry listed under %q, which is not among its places", e.Group)
		}
	}
}

func containsPlace(ps []PlaceID, id PlaceID) bool {
	for _, p := range ps {
		if p == id {
			return true
		}
	}
	return false
}

// within checks that a chronology date falls within the period and not
// after publication.
func (v *validator) within(path string, s DateSpan) {
	p := v.d.Period
	if !p.IsZero() && !p.Overlaps(s) {
		v.errorf(path, ErrDateRange, "%s is outside the dossier's period %s", s, p)
		return
	}
	if lim := v.limit(); !lim.IsZero() && s.Start.After(lim) {
		v.errorf(path, ErrDateRange, "%s is after publication (%s)", s, lim)
	}
}

func (v *validator) section(path string, s *Section) {
	if s.ID == "" {
		v.missing(path+".id", "section id")
	}
	v.text(path+".title", s.Title, true)
	for i := range s.Paragraphs {
		v.statement(fmt.Sprintf("%s.paragraphs[%d]", path, i), &s.Paragraphs[i], false)
	}
	for i := range s.Sections {
		v.section(fmt.Sprintf("%s.sections[%d]", path, i), &s.Sections[i])
	}
}

func (v *validator) place(i int) {
	p := &v.d.Places[i]
	path := fmt.Sprintf("places[%d]", i)
	if p.Kind == 0 || !placeKinds.valid(p.Kind) {
		v.missing(path+".kind", "place kind")
	}
	v.text(path+".name", p.Name, true)
	for j, a := range p.Aliases {
		if strings.TrimSpace(a) == "" {
			v.errorf(fmt.Sprintf("%s.aliases[%d]", path, j), ErrMissing, "empty alias")
		}
	}
	if p.Region != "" && v.placeRef(path+".region", p.Region) {
		parent := &v.d.Places[v.places[p.Region]]
		if parent.Kind >= p.Kind {
			v.errorf(path+".region", ErrInvalidValue, "%s %q cannot lie in %s %q", p.Kind, p.ID, parent.Kind, parent.ID)
		}
		// The chain of regions must end.
		chain := []string{string(p.ID)}
		seen := map[PlaceID]bool{p.ID: true}
		for id := p.Region; id != ""; {
			j, ok := v.places[id]
			if !ok {
				break // reported where that place names its region
			}
			chain = append(chain, string(id))
			if seen[id] {
				v.errorf(path+".region", ErrInvalidValue, "regions loop: %s", strings.Join(chain, " → "))
				break
			}
			seen[id] = true
			id = v.d.Places[j].Region
		}
	}
	if c := p.Coord; c != nil {
		if math.IsNaN(c.Lat) || c.Lat < -90 || c.Lat > 90 {
			v.errorf(path+".coord.lat", ErrInvalidValue, "latitude %v is not between -90 and 90", c.Lat)
		}
		if math.IsNaN(c.Lon) || c.Lon < -180 || c.Lon > 180 {
			v.errorf(path+".coord.lon", ErrInvalidValue, "longitude %v is not between -180 and 180", c.Lon)
		}
	}
}

func (v *validator) url(path, raw string) {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		v.errorf(path, ErrURL, "%q: %v", raw, err)
	case u.Scheme != "http" && u.Scheme != "https":
		v.errorf(path, ErrURL, "%q: scheme must be http or https", raw)
	case u.Host == "":
		v.errorf(path, ErrURL, "%q: no host", raw)
	}
}

// yearSlipMaxYears is how many years before the period a source date may be
// and still be taken for a misprinted year of a date within the period.
const yearSlipMaxYears = 5

func (v *validator) source(i int) {
	s := &v.d.Sources[i]
	path := fmt.Sprintf("sources[%d]", i)
	ref := Ref{RefSource, string(s.ID)}
	if s.Category == 0 || !sourceCategories.valid(s.Category) {
		v.missing(path+".category", "source category")
	}
	if strings.TrimSpace(s.Outlet) == "" {
		v.missing(path+".outlet", "outlet")
	}
	if strings.TrimSpace(s.Title) == "" {
		v.missing(path+".title", "title")
	}
	if r, ok := badRune(s.Title + s.Outlet + s.Group + s.Via + s.Author); ok {
		v.errorf(path, ErrInvalidValue, "control character %U", r)
	}
	if s.TitleLanguage == language.Und {
		v.missing(path+".titleLanguage", "language of the title")
	} else {
		base, _ := s.TitleLanguage.Base()
		for _, tag := range v.d.Languages {
			if b, _ := tag.Base(); b == base {
				continue
			}
			if _, ok := s.Translation.In(tag); !ok {
				v.errorf(path+".translation."+tag.String(), ErrMissingText, "title is in %s but has no %s translation", s.TitleLanguage, tag)
			}
		}
		for _, tag := range s.Translation.Languages() {
			if r, ok := badRune(s.Translation[tag]); ok {
				v.errorf(path+".translation."+tag.String(), ErrInvalidValue, "control character %U", r)
			}
		}
	}
	if s.Disambiguator < 0 {
		v.errorf(path+".disambiguator", ErrInvalidValue, "disambiguator %d is negative", s.Disambiguator)
	}
	if s.URL == "" {
		v.add(SeverityWarning, path+".url", ref, "url", ErrMissing, "source %q has no URL: say in an erratum where a reader can find it", s.ID)
	} else {
		v.url(path+".url", s.URL)
	}
	switch {
	case s.Published.IsZero():
		v.missing(path+".published", "publication date")
	case s.Published.After(v.limit()):
		v.errorf(path+".published", ErrDateRange, "published %s, after the dossier (%s)", s.Published, v.limit())
	default:
		v.plausible(path+".published", ref, s.Published)
	}
	if !s.Updated.IsZero() {
		if s.Updated.Before(s.Published) {
			v.errorf(path+".updated", ErrDateRange, "updated %s, before its publication (%s)", s.Updated, s.Published)
		} else if s.Updated.After(v.limit()) {
			v.errorf(path+".updated", ErrDateRange, "updated %s, after the dossier (%s)", s.Updated, v.limit())
		}
	}
	if !s.Accessed.IsZero() && !s.Published.IsZero() && s.Accessed.Before(s.Published) {
		v.errorf(path+".accessed", ErrDateRange, "accessed %s, before its publication (%s)", s.Accessed, s.Published)
	}
}

// uncited warns about sources that no statement or figure cites. It runs
// after every citation has been seen.
func (v *validator) uncited() {
	for i, s := range v.d.Sources {
		if s.ID != "" && !v.cited[s.ID] {
			v.add(SeverityWarning, fmt.Sprintf("sources[%d]", i), Ref{RefSource, string(s.ID)}, "citations", ErrUncited, "source %q is cited by no statement or figure", s.ID)
		}
	}
}

// plausible warns about a source date before the period that looks like a
// misprinted year: the same day and month in one of the period's years
// falls within the period.
func (v *validator) plausible(path string, ref Ref, d Date) {
	p := v.d.Period
	if p.IsZero() || !d.Before(p.Start) {
		return
	}
	last := p.End
	if p.Open {
		last = v.limit()
	}
	for y := p.Start.Year; y <= last.Year; y++ {
		moved := Date{y, d.Month, d.Day}
		if moved.valid() && p.Contains(moved) && y-d.Year <= yearSlipMaxYears {
			gap := "a year"
			if n := y - d.Year; n > 1 {
				gap = strconv.Itoa(n) + " years"
			}
			v.add(SeverityWarning, path, ref, "published", ErrImplausible,
				"published %s, %s before the period, while %s falls within it: a misprinted year?", d, gap, moved)
			return
		}
	}
}

func (v *validator) figure(i int) {
	f := &v.d.Figures[i]
	path := fmt.Sprintf("figures[%d]", i)
	ref := Ref{RefFigure, string(f.ID)}
	if f.Metric == 0 || !metrics.valid(f.Metric) {
		v.missing(path+".metric", "metric")
	}
	for _, x := range []struct {
		name string
		val  float64
	}{{"value", f.Value}, {"low", f.Low}, {"high", f.High}} {
		if math.IsNaN(x.val) || math.IsInf(x.val, 0) {
			v.errorf(path+"."+x.name, ErrInvalidValue, "%s is not a finite number", x.name)
		} else if x.val < 0 {
			v.errorf(path+"."+x.name, ErrInvalidValue, "%s %v is negative", x.name, x.val)
		}
	}
	if f.Qualifier == Range {
		if f.Low > f.High {
			v.errorf(path+".low", ErrInvalidValue, "low %v is greater than high %v", f.Low, f.High)
		} else if f.Low == f.High {
			v.errorf(path+".high", ErrInvalidValue, "a range needs low < high, got %v and %v", f.Low, f.High)
		}
		if f.Value != 0 {
			v.errorf(path+".value", ErrInvalidValue, "a range gives low and high, not value")
		}
	} else if f.Low != 0 || f.High != 0 {
		v.errorf(path+".qualifier", ErrInvalidValue, "low and high are for qualifier range, not %s", f.Qualifier)
	}
	if f.Scope != "" {
		v.placeRef(path+".scope", f.Scope)
	}
	lim := v.limit()
	switch {
	case f.AsOf.IsZero():
		v.missing(path+".asOf", "as-of date")
	case f.AsOf.After(lim):
		v.errorf(path+".asOf", ErrDateRange, "as of %s, after publication (%s)", f.AsOf, lim)
	}
	switch {
	case f.Reported.IsZero():
		v.missing(path+".reported", "date reported")
	case f.Reported.After(lim):
		v.errorf(path+".reported", ErrDateRange, "reported %s, after publication (%s)", f.Reported, lim)
	case !f.AsOf.IsZero() && f.Reported.Before(f.AsOf):
		v.errorf(path+".reported", ErrDateRange, "reported %s, before the date it stands at (%s)", f.Reported, f.AsOf)
	}
	if f.Claimant.Kind == 0 || !claimantKinds.valid(f.Claimant.Kind) {
		v.missing(path+".claimant.kind", "claimant kind")
	}
	v.text(path+".claimant.name", f.Claimant.Name, true)
	v.text(path+".note", f.Note, false)
	if len(f.Sources) == 0 {
		v.missing(path+".sources", "at least one source")
	}
	v.sourceRefs(path+".sources", f.Sources)
	if !f.Reported.IsZero() {
		earliest := Date{}
		for _, id := range f.Sources {
			if j, ok := v.sources[id]; ok {
				if p := v.d.Sources[j].Published; earliest.IsZero() || p.Before(earliest) {
					earliest = p
				}
			}
		}
		if !earliest.IsZero() && earliest.After(f.Reported) {
			v.add(SeverityWarning, path+".reported", ref, "reported", ErrAnachronism,
				"reported %s, but its earliest source was published %s", f.Reported, earliest)
		}
	}
	switch f.Status {
	case StatusRetracted, StatusSuperseded:
		if f.StatusDate.IsZero() {
			v.add(SeverityWarning, path+".statusDate", ref, "statusDate", ErrMissing, "%s figure with no date of %s", f.Status, f.Status)
		} else if !f.Reported.IsZero() && f.StatusDate.Before(f.Reported) {
			v.errorf(path+".statusDate", ErrDateRange, "%s %s, before it was reported (%s)", f.Status, f.StatusDate, f.Reported)
		}
	}
	if f.SupersededBy != "" {
		if _, ok := v.figures[f.SupersededBy]; !ok {
			v.errorf(path+".supersededBy", ErrDangling, "unknown figure %q", f.SupersededBy)
		} else if f.Status != StatusSuperseded {
			v.errorf(path+".status", ErrInvalidValue, "superseded by %q but status is %s", f.SupersededBy, f.Status)
		}
	}
	if f.PartOf != "" {
		j, ok := v.figures[f.PartOf]
		switch {
		case !ok:
			v.errorf(path+".partOf", ErrDangling, "unknown figure %q", f.PartOf)
		case f.PartOf == f.ID:
			v.errorf(path+".partOf", ErrInvalidValue, "figure %q is part of itself", f.ID)
		default:
			whole := &v.d.Figures[j]
			_, hi := whole.Bounds()
			lo, _ := f.Bounds()
			if whole.Qualifier == Exact && f.Qualifier == Exact && lo > hi {
				v.errorf(path+".value", ErrInvalidValue, "part %v is larger than its whole %q (%v)", lo, whole.ID, hi)
			}
			for seen, id := map[FigureID]bool{f.ID: true}, f.PartOf; id != ""; {
				if seen[id] {
					v.errorf(path+".partOf", ErrInvalidValue, "figure %q is part of a cycle", f.ID)
					break
				}
				seen[id] = true
				k, ok := v.figures[id]
				if !ok {
					break
				}
				id = v.d.Figures[k].PartOf
			}
		}
	}
}

func (v *validator) erratum(i int) {
	e := &v.d.Errata[i]
	path := fmt.Sprintf("errata[%d]", i)
	ok := true
	switch e.Ref.Kind {
	case RefSource:
		_, ok = v.sources[SourceID(e.Ref.ID)]
	case RefPlace:
		_, ok = v.places[PlaceID(e.Ref.ID)]
	case RefFigure:
		_, ok = v.figures[FigureID(e.Ref.ID)]
	case RefStatement:
		_, ok = v.statements[StatementID(e.Ref.ID)]
	case RefDossier:
	default:
		v.missing(path+".ref", "reference")
	}
	if !ok {
		v.errorf(path+".ref", ErrDangling, "unknown %s %q", e.Ref.Kind, e.Ref.ID)
	}
	if e.Printed == "" {
		v.missing(path+".printed", "what was printed")
	}
	v.text(path+".text", e.Text, true)
}

// explain attaches to each warning the erratum that covers its object and
// field.
func (v *validator) explain() {
	if len(v.d.Errata) == 0 {
		return
	}
	type key struct {
		ref   Ref
		field string
	}
	by := make(map[key]*Erratum, len(v.d.Errata))
	for i := range v.d.Errata {
		e := &v.d.Errata[i]
		k := key{e.Ref, e.Field}
		if _, dup := by[k]; !dup {
			by[k] = e
		}
	}
	for i := range v.issues {
		is := &v.issues[i]
		if is.Severity == SeverityWarning && is.Ref.Kind != 0 {
			is.Erratum = by[key{is.Ref, is.Field}]
		}
	}
}
