package model

import (
	"fmt"
	"math"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
//   - ids that are empty, longer than MaxIDBytes or hold spaces or
//     control characters, and control characters in any text;
//   - the package's limits: texts longer than MaxTextRunes or
//     MaxTitleRunes characters, URLs longer than MaxURLBytes, more than
//     MaxCitations sources per statement, MaxAliases aliases per place
//     and so on, sections nested deeper than MaxSectionDepth, figures
//     over MaxFigureValue (issues that wrap ErrTooLarge);
//   - coordinates outside -90..90 and -180..180, dates that are not days
//     of the calendar, spans of dates with no start or ending before it,
//     enum values the format does not define (in dossiers built in code);
//   - negative figures, ranges whose low bound exceeds the high one,
//     figures reported before the date they stand at;
//   - sources that no statement or figure cites (warning), and figures reported before any of
//     their sources was published (warning).
//
// A warning whose object and field are the subject of an Erratum is
// returned with Issue.Erratum set: the dossier explains it.
//
// At most MaxIssues issues are returned one by one; when there are more,
// a last issue, whose Err is an *OmittedError, counts the others, so that
// a hostile dossier cannot make Validate hold or print without bound. Use
// Issues.Count for the totals.
//
// A nil dossier is one error. Values quoted in messages are cut to their
// first 64 bytes or so.
func Validate(d *Dossier) Issues {
	if d == nil {
		return Issues{{Severity: SeverityError, Err: fmt.Errorf("%w: nil dossier", ErrMissing)}}
	}
	v := &validator{
		d:          d,
		sources:    make(map[SourceID]int, len(d.Sources)),
		places:     make(map[PlaceID]int, len(d.Places)),
		figures:    newIDIndex(d.NumFigures()),
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
		v.section(fmt.Sprintf("sections[%d]", i), &d.Sections[i], 1)
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
	if d.NumFigures() > 0 {
		v.read(d.EachFigure(func(i int, f *Figure) error {
			v.figure(i, f)
			return nil
		}))
	}
	v.figs = nil
	v.uncited()
	for i := range d.Errata {
		v.erratum(i)
	}
	v.history()
	v.explain()
	if o := v.omitted; o.Errors+o.Warnings > 0 {
		sev := SeverityWarning
		if o.Errors > 0 {
			sev = SeverityError
		}
		v.issues = append(v.issues, Issue{Severity: sev, Err: &o})
	}
	return v.issues
}

type validator struct {
	d          *Dossier
	issues     Issues
	sources    map[SourceID]int
	places     map[PlaceID]int
	figures    *idIndex               // the number of each figure id
	statements map[StatementID]string // id -> path of first use
	cited      map[SourceID]bool
	figs       []figMeta // what checking a figure needs of the others
	omitted    OmittedError
	names      bool // checking a name: bidirectional controls are errors
	suffixes   map[language.Tag]string

	fieldSuffixes map[fieldTag]string
}

// figMeta is what checking a part needs of its whole.
type figMeta struct {
	hi     float64 // upper bound
	partOf int32   // index of the whole, -1 for none or unknown
	by     int32   // index of the figure that supersedes it, -1 for none or unknown
	metric Metric
	exact  bool // qualifier Exact
	cycle  bool // following partOf from it comes back to a figure met before
	byLoop bool // following supersededBy from it comes back to a figure met before
}

// read records an error reading the figures of a dossier of OpenFile.
func (v *validator) read(err error) {
	if err != nil {
		v.add(SeverityError, "figures", Ref{}, "", nil, "%w", err)
	}
}

func (v *validator) add(sev Severity, path string, ref Ref, field string, sentinel error, format string, args ...any) {
	if len(v.issues) >= MaxIssues {
		if sev == SeverityError {
			v.omitted.Errors++
		} else {
			v.omitted.Warnings++
		}
		return
	}
	for i, a := range args {
		if r := reflect.ValueOf(a); r.Kind() == reflect.String {
			args[i] = clip(r.String())
		}
	}
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
	for i := range v.d.Sources {
		indexID(v, v.sources, v.d.Sources[i].ID, i, "sources", "source")
	}
	for i := range v.d.Places {
		indexID(v, v.places, v.d.Places[i].ID, i, "places", "place")
	}
	n := v.d.NumFigures()
	if n == 0 {
		return
	}
	v.figs = make([]figMeta, 0, n)
	type link struct {
		from       int
		partOf, by FigureID
	}
	var links []link
	v.read(v.d.EachFigure(func(i int, f *Figure) error {
		v.indexFigure(f.ID, i)
		_, hi := f.Bounds()
		v.figs = append(v.figs, figMeta{hi: hi, partOf: -1, by: -1, metric: f.Metric, exact: f.Qualifier == Exact})
		if f.PartOf != "" || f.SupersededBy != "" {
			links = append(links, link{i, f.PartOf, f.SupersededBy})
		}
		return nil
	}))
	for _, l := range links {
		if l.from >= len(v.figs) {
			continue
		}
		if j, ok := v.figures.lookup(string(l.partOf)); ok {
			v.figs[l.from].partOf = int32(j)
		}
		if j, ok := v.figures.lookup(string(l.by)); ok {
			v.figs[l.from].by = int32(j)
		}
	}
	cycles(len(v.figs), func(i int) int32 { return v.figs[i].partOf }, func(i int) *bool { return &v.figs[i].cycle })
	cycles(len(v.figs), func(i int) int32 { return v.figs[i].by }, func(i int) *bool { return &v.figs[i].byLoop })
}

// cycles marks the n nodes from which following next comes back to a
// node met before: those in a cycle and those leading into one; mark
// returns a node's flag. Each node is walked once.
func cycles(n int, next func(int) int32, mark func(int) *bool) {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]uint8, n)
	var path []int32
	for start := range n {
		path = path[:0]
		k := int32(start)
		for k >= 0 && state[k] == unseen {
			state[k] = onPath
			path = append(path, k)
			k = next(int(k))
		}
		// k is -1, a node of this walk (a cycle), or one walked
		// before, whose answer holds for the whole path.
		cycle := k >= 0 && (state[k] == onPath || *mark(int(k)))
		for _, j := range path {
			state[j] = done
			*mark(int(j)) = cycle
		}
	}
}

// indexFigure records that figures[i] has id, or reports it missing,
// malformed or taken, as indexID does.
func (v *validator) indexFigure(id FigureID, i int) {
	// The path is made only for a problem: a million figures would
	// otherwise make a million strings.
	path := func() string { return "figures[" + strconv.Itoa(i) + "].id" }
	if id == "" {
		v.missing(path(), "figure id")
		return
	}
	if !plainID(string(id)) {
		v.id(path(), string(id))
	}
	if j, dup := v.figures.add(string(id), i); dup {
		v.errorf(path(), ErrDuplicateID, "figure %q is also figures[%d]", id, j)
	}
}

// plainID reports whether id is well formed for v.id: at most MaxIDBytes
// of printable ASCII other than space. An id that is not may still be
// well formed; v.id says.
func plainID(id string) bool {
	if len(id) > MaxIDBytes {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

// indexID records that list[i] has id, or reports it missing, malformed
// or taken.
func indexID[ID ~string](v *validator, seen map[ID]int, id ID, i int, list, what string) {
	path := fmt.Sprintf("%s[%d].id", list, i)
	v.id(path, string(id))
	switch j, dup := seen[id]; {
	case id == "":
		v.missing(path, what+" id")
	case dup:
		v.errorf(path, ErrDuplicateID, "%s %q is also %s[%d]", what, id, list, j)
	default:
		seen[id] = i
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
	v.id("id", d.ID)
	if d.ID == "" {
		v.missing("id", "dossier id")
	}
	if len(d.Languages) == 0 {
		v.missing("languages", "at least one language")
	}
	langs := d.Languages
	if !v.count("languages", len(langs), MaxLanguages, "languages") {
		langs = nil
	}
	seen := make(map[language.Tag]int)
	for i, tag := range langs {
		path := fmt.Sprintf("languages[%d]", i)
		if tag == language.Und {
			v.errorf(path, ErrInvalidValue, "undetermined language")
		} else if j, dup := seen[tag]; dup {
			v.errorf(path, ErrDuplicateID, "language %s is also languages[%d]", tag, j)
		}
		seen[tag] = i
	}
	if d.Focus != "" && v.placeRef("focus", d.Focus) && d.Places[v.places[d.Focus]].Kind == PlaceCountry && d.Focus != d.Country {
		v.errorf("focus", ErrInvalidValue, "place %q is a country: the focus is a region, city or smaller place of the dossier's country", d.Focus)
	}
	v.text("mapTitle", d.MapTitle, false, MaxTitleRunes)
	if d.Country == "" {
		v.missing("country", "country")
	} else if v.placeRef("country", d.Country) && d.Places[v.places[d.Country]].Kind != PlaceCountry {
		v.errorf("country", ErrInvalidValue, "place %q is a %s, not a country", d.Country, d.Places[v.places[d.Country]].Kind)
	}
	v.text("title", d.Title, true, MaxTitleRunes)
	v.text("shortTitle", d.ShortTitle, false, MaxTitleRunes)
	v.text("summary", d.Summary, true, MaxTextRunes)
	v.text("disclaimer", d.Disclaimer, true, MaxTextRunes)
	v.span("period", d.Period)
	v.date("published", d.Published)
	v.date("updated", d.Updated)
	v.date("method.cutOff", d.Method.CutOff)
	v.span("method.sourcesConsulted", d.Method.SourcesConsulted)
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
	v.name("issuer.name", d.Issuer.Name, true)
	v.text("issuer.unit", d.Issuer.Unit, false, MaxTitleRunes)
	if d.Issuer.URL != "" {
		v.url("issuer.url", d.Issuer.URL)
	}
	if d.Issuer.Logo != "" {
		if _, _, err := DecodeImageURI(d.Issuer.Logo); err != nil {
			v.add(SeverityError, "issuer.logo", Ref{}, "", nil, "%w", err)
		}
	}
	m := d.Method
	v.text("method.scope", m.Scope, true, MaxTextRunes)
	v.text("method.note", m.Note, false, MaxTextRunes)
	v.str("method.version", m.Version, MaxTitleRunes)
	v.count("method.languagesSearched", len(m.LanguagesSearched), MaxLanguages, "languages")
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
	contributors := m.Contributors
	if !v.count("method.contributors", len(contributors), MaxContributors, "contributors") {
		contributors = nil
	}
	for i, c := range contributors {
		path := fmt.Sprintf("method.contributors[%d]", i)
		if c.Role == 0 || !roles.valid(c.Role) {
			v.missing(path+".role", "role")
		}
		v.name(path+".name", c.Name, true)
	}
}

// count reports a list of n items that is over max, and whether it is
// within it.
func (v *validator) count(path string, n, max int, what string) bool {
	if n <= max {
		return true
	}
	v.errorf(path, ErrTooLarge, "%d %s, more than the %d allowed", n, what, max)
	return false
}

// id reports an id that is too long or holds a space or a control
// character, and whether it is well formed.
func (v *validator) id(path, id string) bool {
	if len(id) > MaxIDBytes {
		v.errorf(path, ErrTooLarge, "id of %d bytes, more than the %d allowed", len(id), MaxIDBytes)
		return false
	}
	for i, r := range id {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(id[i:]); size == 1 {
				v.errorf(path, ErrInvalidValue, "id %q is not valid UTF-8", id)
				return false
			}
		}
		if unicode.IsSpace(r) || !unicode.IsPrint(r) {
			v.errorf(path, ErrInvalidValue, "id %q holds %U: an id may not hold spaces or control characters", id, r)
			return false
		}
	}
	return true
}

// str checks a plain string: no control characters, at most max
// characters.
func (v *validator) str(path, s string, max int) { v.strAt(path, "", s, max) }

// strAt is str for the value at path+suffix, a path made only when there
// is a problem to report.
func (v *validator) strAt(path, suffix, s string, max int) {
	// One pass: most text is ASCII, checked a byte at a time; the rest,
	// rarer characters, by badRune and oddRunes when one is met.
	n, odd := 0, false
	for i := 0; i < len(s); n++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				odd = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		odd = odd || r == utf8.RuneError || r < 0xA0 || r >= 0x2028 && (isBidiControl(r) || isNonCharacter(r) || r == 0xFEFF || r == unicode.ReplacementChar)
		i += size
	}
	if odd || n > max {
		path += suffix
	}
	if odd {
		if r, ok := badRune(s); ok {
			if r == utf8.RuneError {
				v.errorf(path, ErrInvalidValue, "invalid UTF-8")
			} else {
				v.errorf(path, ErrInvalidValue, "control character %U", r)
			}
		} else {
			v.oddRunes(path, s)
		}
	}
	if n > max {
		v.errorf(path, ErrTooLarge, "text of %d characters, more than the %d allowed", n, max)
	}
}

// text checks that t is written in every declared language when required
// (or when present at all), and nowhere else, with no control characters
// and at most max characters in each language.
func (v *validator) text(path string, t Text, required bool, max int) {
	if what, ok := t.misused(); ok {
		v.errorf(path, ErrInvalidValue, "model.T: %s", what)
		return
	}
	if !required && len(t) == 0 {
		return
	}
	found := 0
	for _, tag := range v.d.Languages {
		s, ok := t[tag]
		if ok {
			found++
		}
		if !ok || s == "" {
			if len(t) == 0 {
				v.missing(path, "text")
				return
			}
			v.errorf(path+"."+tag.String(), ErrMissingText, "no %s text", tag)
		}
	}
	if found == len(t) {
		// Only declared languages, the usual case: in the dossier's
		// order, their paths made only for a problem.
		for _, tag := range v.d.Languages {
			if s, ok := t[tag]; ok {
				v.strAt(path, v.tagSuffix(tag), s, max)
			}
		}
		return
	}
	for _, tag := range t.Languages() {
		p := path + "." + tag.String()
		if !v.declared(tag) {
			v.add(SeverityWarning, p, Ref{}, "", ErrMissingText, "text in %s, which the dossier does not declare", tag)
		}
		v.str(p, t[tag], max)
	}
}

// tagSuffix returns "." and tag's string, made once per tag.
func (v *validator) tagSuffix(tag language.Tag) string {
	s, ok := v.suffixes[tag]
	if !ok {
		if v.suffixes == nil {
			v.suffixes = map[language.Tag]string{}
		}
		s = "." + tag.String()
		v.suffixes[tag] = s
	}
	return s
}

// badRune returns the first control character of s other than newline and
// tab, or the first byte of invalid UTF-8 as utf8.RuneError, and whether
// there is one.
func badRune(s string) (rune, bool) {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return r, true
			}
		}
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return r, true
		}
	}
	return 0, false
}

// oddRunes checks the characters of s that are legal but suspect: a
// noncharacter is an error; a bidirectional control (embedding, override,
// isolate), which can make text display in another order than it reads,
// is an error in a name (v.names) and a warning elsewhere; U+FFFD, the
// mark of a character lost in a conversion, and U+FEFF, a byte order
// mark, are warnings.
func (v *validator) oddRunes(path, s string) {
	for _, r := range s {
		switch {
		case isNonCharacter(r):
			v.errorf(path, ErrInvalidValue, "%U is a noncharacter, which no text may hold", r)
			return
		case isBidiControl(r):
			if v.names {
				v.errorf(path, ErrInvalidValue, "bidirectional control %U: a name may not hold one, since it can make the name display as another", r)
			} else {
				v.add(SeverityWarning, path, Ref{}, "", ErrImplausible, "bidirectional control %U: the text may display in another order than it reads", r)
			}
			return
		case r == unicode.ReplacementChar:
			v.add(SeverityWarning, path, Ref{}, "", ErrImplausible, "%U, the replacement character: a character lost in a conversion?", r)
			return
		case r == '\uFEFF':
			v.add(SeverityWarning, path, Ref{}, "", ErrImplausible, "%U, a byte order mark, within the text: it is invisible; remove it", r)
			return
		}
	}
}

// isNonCharacter reports whether r is one of Unicode's 66 noncharacters.
func isNonCharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE && r <= unicode.MaxRune
}

// isBidiControl reports whether r is a bidirectional embedding, override
// or isolate (U+202A–U+202E, U+2066–U+2069). The marks U+200E, U+200F
// and U+061C, which only set a direction, are allowed.
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// name checks the text of a name (of a place, claimant, outlet…) as text
// does, and also refuses bidirectional controls.
func (v *validator) name(path string, t Text, required bool) {
	v.names = true
	v.text(path, t, required, MaxTitleRunes)
	v.names = false
}

// nameStr is name for a plain string.
func (v *validator) nameStr(path, s string) {
	v.names = true
	v.str(path, s, MaxTitleRunes)
	v.names = false
}

func (v *validator) declared(tag language.Tag) bool {
	for _, t := range v.d.Languages {
		if t == tag {
			return true
		}
	}
	return false
}

// placeRef reports a reference to an unknown place, and whether the
// place exists.
func (v *validator) placeRef(path string, id PlaceID) bool {
	if _, ok := v.places[id]; !ok {
		v.errorf(path, ErrDangling, "unknown place %q", id)
		return false
	}
	return true
}

func (v *validator) sourceRefs(path string, ids []SourceID) {
	if !v.count(path, len(ids), MaxCitations, "sources") {
		return
	}
	for i, id := range ids {
		if _, ok := v.sources[id]; !ok {
			v.errorf(path+"["+strconv.Itoa(i)+"]", ErrDangling, "unknown source %q", id)
			continue
		}
		v.cited[id] = true
	}
}

func (v *validator) statement(path string, s *Statement, inChronology bool) {
	// Paths are made only where there may be a problem to report: a
	// dossier of 200,000 statements would otherwise make two million
	// strings to throw away.
	ref := Ref{RefStatement, string(s.ID)}
	if !plainID(string(s.ID)) {
		v.id(path+".id", string(s.ID))
	}
	if s.ID == "" {
		v.missing(path+".id", "statement id")
	} else if first, dup := v.statements[s.ID]; dup {
		v.errorf(path+".id", ErrDuplicateID, "statement %q is also %s", s.ID, first)
	} else {
		v.statements[s.ID] = path
	}
	v.textAt(path, ".text", s.Text, true, MaxTextRunes)
	if len(s.Note) > 0 {
		v.textAt(path, ".note", s.Note, false, MaxTextRunes)
	}
	if !reliabilities.valid(s.Reliability) {
		v.errorf(path+".reliability", ErrInvalidValue, "reliability %d", s.Reliability)
	}
	if len(s.Sources) > 0 {
		v.sourceRefs(path+".sources", s.Sources)
	}
	if !s.When.IsZero() {
		v.span(path+".when", s.When)
		v.within(path+".when", s.When)
	}
	places := s.Places
	if len(places) > MaxPlacesPerEntry {
		v.count(path+".places", len(places), MaxPlacesPerEntry, "places")
		places = nil
	}
	for k, id := range places {
		if _, ok := v.places[id]; !ok {
			v.placeRef(path+".places["+strconv.Itoa(k)+"]", id)
		}
	}
	if inChronology && len(s.Sources) == 0 {
		v.add(SeverityWarning, path+".sources", ref, "sources", ErrMissing, "chronology entry %q cites no source", s.ID)
	}
	figures := s.Figures
	if len(figures) > MaxCitations {
		v.count(path+".figures", len(figures), MaxCitations, "figures")
		figures = nil
	}
	for i, id := range figures {
		if _, ok := v.figures.lookup(string(id)); !ok {
			v.errorf(fmt.Sprintf("%s.figures[%d]", path, i), ErrDangling, "unknown figure %q", id)
		}
	}
}

// textAt is text for the value at path+field, a path made only when
// there may be a problem to report: when t is written in exactly the
// dossier's languages, each is checked with its path made on demand.
func (v *validator) textAt(path, field string, t Text, required bool, max int) {
	if !required && len(t) == 0 {
		return
	}
	if len(t) == len(v.d.Languages) && len(t) > 0 {
		fast := true
		for _, tag := range v.d.Languages {
			if s, ok := t[tag]; !ok || s == "" {
				fast = false
				break
			}
		}
		if fast {
			for _, tag := range v.d.Languages {
				v.strAt(path, v.fieldSuffix(field, tag), t[tag], max)
			}
			return
		}
	}
	v.text(path+field, t, required, max)
}

// fieldSuffix returns field, ".", and tag's string, made once.
func (v *validator) fieldSuffix(field string, tag language.Tag) string {
	k := fieldTag{field, tag}
	s, ok := v.fieldSuffixes[k]
	if !ok {
		if v.fieldSuffixes == nil {
			v.fieldSuffixes = map[fieldTag]string{}
		}
		s = field + "." + tag.String()
		v.fieldSuffixes[k] = s
	}
	return s
}

type fieldTag struct {
	field string
	tag   language.Tag
}

func (v *validator) day(i int) {
	d := v.d
	day := &d.Chronology[i]
	path := "chronology[" + strconv.Itoa(i) + "]"
	v.text(path+".title", day.Title, false, MaxTitleRunes)
	if !datePrecisions.valid(day.Precision) {
		v.errorf(path+".precision", ErrInvalidValue, "date precision %d", day.Precision)
	}
	v.span(path+".when", day.When)
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
		p := path + ".entries[" + strconv.Itoa(j) + "]"
		v.statement(p, &e.Statement, true)
		if e.Kind == 0 || !eventKinds.valid(e.Kind) {
			v.missing(p+".kind", "event kind")
		}
		if !e.When.IsZero() {
			if !day.When.IsZero() && !e.When.Overlaps(day.When) {
				v.add(SeverityWarning, p+".when", Ref{RefStatement, string(e.ID)}, "when", ErrDateRange, "entry dated %s under day %s", e.When, day.When)
			}
		}
		if !datePrecisions.valid(e.DatePrecision) {
			v.errorf(p+".datePrecision", ErrInvalidValue, "date precision %d", e.DatePrecision)
		}
		if !geoPrecisions.valid(e.GeoPrecision) {
			v.errorf(p+".geoPrecision", ErrInvalidValue, "location precision %d", e.GeoPrecision)
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
		if e.Group != "" && v.placeRef(p+".group", e.Group) && !v.groups(e.Places, e.Group) {
			v.add(SeverityWarning, p+".group", Ref{RefStatement, string(e.ID)}, "group", ErrDangling, "entry listed under %q, which is neither among its places nor a region one of them lies in", e.Group)
		}
	}
}

// groups reports whether an entry about places may be listed under
// group: one of the places, or a place one of them lies in (a site under
// its city).
func (v *validator) groups(places []PlaceID, group PlaceID) bool {
	for _, id := range places {
		for steps := 0; id != "" && steps <= len(placeKinds.names); steps++ {
			if id == group {
				return true
			}
			j, ok := v.places[id]
			if !ok {
				break
			}
			id = v.d.Places[j].Region
		}
	}
	return false
}

// date reports a date, if set, that is not a day of the calendar between
// the years 1 and 9999, the dates the format can write.
func (v *validator) date(path string, d Date) bool {
	if d.IsZero() || d.Year >= 1 && d.Year <= 9999 && d.valid() {
		return true
	}
	v.errorf(path, ErrInvalidValue, "date %04d-%02d-%02d is not a day of the calendar", d.Year, int(d.Month), d.Day)
	return false
}

// span reports a span of dates, if set, that the format cannot write: a
// date that does not exist, no start, no end though not open, an end
// though open, an end before the start.
func (v *validator) span(path string, s DateSpan) {
	switch {
	case s.IsZero():
	case s.Start.IsZero():
		v.errorf(path, ErrInvalidValue, "date span with no start")
	case !v.date(path, s.Start):
	case s.Open && !s.End.IsZero():
		v.errorf(path, ErrInvalidValue, "open date span from %s with an end", s.Start)
	case s.Open:
	case s.End.IsZero():
		v.errorf(path, ErrInvalidValue, "date span from %s with no end", s.Start)
	case !v.date(path, s.End):
	case s.End.Before(s.Start):
		v.errorf(path, ErrInvalidValue, "date span %s ends before it starts", s)
	}
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

// section checks a thematic section at depth level (1 for a top-level
// one) and its subsections.
func (v *validator) section(path string, s *Section, level int) {
	v.id(path+".id", s.ID)
	if s.ID == "" {
		v.missing(path+".id", "section id")
	}
	v.text(path+".title", s.Title, true, MaxTitleRunes)
	for i := range s.Paragraphs {
		v.statement(fmt.Sprintf("%s.paragraphs[%d]", path, i), &s.Paragraphs[i], false)
	}
	if len(s.Sections) > 0 && level == MaxSectionDepth {
		v.errorf(path+".sections", ErrTooLarge, "sections nested more than %d levels deep", MaxSectionDepth)
		return
	}
	for i := range s.Sections {
		v.section(fmt.Sprintf("%s.sections[%d]", path, i), &s.Sections[i], level+1)
	}
}

func (v *validator) place(i int) {
	p := &v.d.Places[i]
	path := fmt.Sprintf("places[%d]", i)
	if p.Kind == 0 || !placeKinds.valid(p.Kind) {
		v.missing(path+".kind", "place kind")
	}
	v.name(path+".name", p.Name, true)
	aliases := p.Aliases
	if !v.count(path+".aliases", len(aliases), MaxAliases, "aliases") {
		aliases = nil
	}
	for j, a := range aliases {
		ap := fmt.Sprintf("%s.aliases[%d]", path, j)
		if strings.TrimSpace(a) == "" {
			v.errorf(ap, ErrMissing, "empty alias")
		}
		v.nameStr(ap, a)
	}
	if p.Region != "" && v.placeRef(path+".region", p.Region) {
		parent := &v.d.Places[v.places[p.Region]]
		if parent.Kind >= p.Kind {
			v.errorf(path+".region", ErrInvalidValue, "%s %q cannot lie in %s %q", p.Kind, p.ID, parent.Kind, parent.ID)
		}
		// The chain of regions must end. Kinds nest, so a chain longer
		// than there are kinds is reported where a kind does not nest;
		// the walk stops there, so that it stays short.
		chain := []string{strconv.Quote(string(p.ID))}
		seen := map[PlaceID]bool{p.ID: true}
		for id := p.Region; id != "" && len(chain) <= len(placeKinds.names)+1; {
			j, ok := v.places[id]
			if !ok {
				break // reported where that place names its region
			}
			chain = append(chain, strconv.Quote(string(id)))
			if seen[id] {
				v.errorf(path+".region", ErrInvalidValue, "regions loop: %s", strings.Join(chain, " → "))
				break
			}
			seen[id] = true
			id = v.d.Places[j].Region
		}
	}
	if p.ISO != "" {
		if r, err := language.ParseRegion(p.ISO); err != nil || len(p.ISO) != 2 || !r.IsCountry() {
			v.errorf(path+".iso", ErrInvalidValue, "%q is not an ISO 3166-1 alpha-2 country code, such as KZ or AF", p.ISO)
		} else if p.Kind != PlaceCountry {
			v.errorf(path+".iso", ErrInvalidValue, "an ISO country code is for a place of kind country, not a %s", p.Kind)
		}
	}
	if p.Outline != nil {
		v.outline(path+".outline", p.Outline)
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

// outline checks a place's outline: closed rings of at least four
// positions within -180..180 and -90..90, and no more than
// MaxOutlinePositions in all.
func (v *validator) outline(path string, o *Outline) {
	if len(o.Polygons) == 0 {
		v.missing(path, "at least one polygon")
		return
	}
	total := 0
	for i, p := range o.Polygons {
		if len(p) == 0 {
			v.errorf(fmt.Sprintf("%s.coordinates[%d]", path, i), ErrMissing, "a polygon needs at least its boundary ring")
		}
		for j, r := range p {
			rp := fmt.Sprintf("%s.coordinates[%d][%d]", path, i, j)
			if !o.Multi {
				rp = fmt.Sprintf("%s.coordinates[%d]", path, j)
			}
			total += len(r)
			switch {
			case len(r) < 4:
				v.errorf(rp, ErrInvalidValue, "a ring needs at least 4 positions, the last repeating the first; it has %d", len(r))
				continue
			case r[0] != r[len(r)-1]:
				v.errorf(rp, ErrInvalidValue, "ring not closed: it starts at %v and ends at %v", r[0], r[len(r)-1])
			}
			for k, pt := range r {
				lon, lat := pt[0], pt[1]
				if math.IsNaN(lon) || math.IsNaN(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
					v.errorf(fmt.Sprintf("%s[%d]", rp, k), ErrInvalidValue, "position [%v, %v] is not [longitude, latitude] within -180..180 and -90..90", lon, lat)
					break
				}
			}
		}
	}
	if total > MaxOutlinePositions {
		v.errorf(path, ErrTooLarge, "%d positions, more than the %d allowed", total, MaxOutlinePositions)
	}
}

func (v *validator) url(path, raw string) {
	if len(raw) > MaxURLBytes {
		v.errorf(path, ErrTooLarge, "URL of %d bytes, more than the %d allowed", len(raw), MaxURLBytes)
		return
	}
	if r, ok := badRune(raw); ok {
		v.errorf(path, ErrURL, "%q holds %U", raw, r)
		return
	}
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
	v.nameStr(path+".outlet", s.Outlet)
	v.nameStr(path+".group", s.Group)
	v.str(path+".via", s.Via, MaxTitleRunes)
	v.nameStr(path+".author", s.Author)
	v.str(path+".title", s.Title, MaxTitleRunes)
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
			v.str(path+".translation."+tag.String(), s.Translation[tag], MaxTitleRunes)
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
	v.date(path+".published", s.Published)
	v.date(path+".updated", s.Updated)
	v.date(path+".accessed", s.Accessed)
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

func (v *validator) figure(i int, f *Figure) {
	path := fmt.Sprintf("figures[%d]", i)
	ref := Ref{RefFigure, string(f.ID)}
	if f.Metric == 0 || !metrics.valid(f.Metric) {
		v.missing(path+".metric", "metric")
	}
	if !parties.valid(f.Party) {
		v.errorf(path+".party", ErrInvalidValue, "party %d", f.Party)
	}
	if !qualifiers.valid(f.Qualifier) {
		v.errorf(path+".qualifier", ErrInvalidValue, "qualifier %d", f.Qualifier)
	}
	if !figureStatuses.valid(f.Status) {
		v.errorf(path+".status", ErrInvalidValue, "figure status %d", f.Status)
	}
	for _, x := range []struct {
		name string
		val  float64
	}{{"value", f.Value}, {"low", f.Low}, {"high", f.High}} {
		switch {
		case math.IsNaN(x.val) || math.IsInf(x.val, 0):
			v.errorf(path+"."+x.name, ErrInvalidValue, "%s is not a finite number", x.name)
		case x.val < 0:
			v.errorf(path+"."+x.name, ErrInvalidValue, "%s %v is negative", x.name, x.val)
		case x.val > MaxFigureValue:
			v.errorf(path+"."+x.name, ErrTooLarge, "%s %v, more than the %v allowed", x.name, x.val, float64(MaxFigureValue))
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
	if w := f.Qualifier.wordValue(); w > 0 && f.Value != 0 && f.Value < w {
		v.errorf(path+".value", ErrInvalidValue, "%s means at least %v, not %v: leave the value out or give that lower bound or a larger one", f.Qualifier, w, f.Value)
	}
	if f.Scope != "" {
		v.placeRef(path+".scope", f.Scope)
	}
	v.date(path+".asOf", f.AsOf)
	v.date(path+".reported", f.Reported)
	v.date(path+".statusDate", f.StatusDate)
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
	v.name(path+".claimant.name", f.Claimant.Name, true)
	v.str(path+".claimant.channel", f.Claimant.Channel, MaxTitleRunes)
	v.str(path+".unit", f.Unit, MaxTitleRunes)
	v.text(path+".note", f.Note, false, MaxTextRunes)
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
		j, ok := v.figures.lookup(string(f.SupersededBy))
		switch {
		case !ok:
			v.errorf(path+".supersededBy", ErrDangling, "unknown figure %q", f.SupersededBy)
		case f.SupersededBy == f.ID:
			v.errorf(path+".supersededBy", ErrInvalidValue, "figure %q is superseded by itself", f.ID)
		default:
			if f.Status != StatusSuperseded {
				v.errorf(path+".status", ErrInvalidValue, "superseded by %q but status is %s", f.SupersededBy, f.Status)
			}
			if by := v.figs[j]; by.metric != f.Metric && metrics.valid(by.metric) && metrics.valid(f.Metric) {
				v.errorf(path+".supersededBy", ErrInvalidValue, "a count of %s is superseded by %q, a count of %s: a figure is superseded by one of the same metric", f.Metric, f.SupersededBy, by.metric)
			}
			if k, ok := v.figures.lookup(string(f.ID)); ok && v.figs[k].byLoop {
				v.errorf(path+".supersededBy", ErrInvalidValue, "figure %q is in, or leads into, a cycle of figures superseding each other", f.ID)
			}
		}
	}
	if f.PartOf != "" {
		j, ok := v.figures.lookup(string(f.PartOf))
		switch {
		case !ok:
			v.errorf(path+".partOf", ErrDangling, "unknown figure %q", f.PartOf)
		case f.PartOf == f.ID:
			v.errorf(path+".partOf", ErrInvalidValue, "figure %q is part of itself", f.ID)
		default:
			whole := v.figs[j]
			lo, _ := f.Bounds()
			if whole.exact && f.Qualifier == Exact && lo > whole.hi {
				v.errorf(path+".value", ErrInvalidValue, "part %v is larger than its whole %q (%v)", lo, f.PartOf, whole.hi)
			}
			// The figure its id names (the first, when ids repeat) is in
			// or leads into a cycle.
			if k, ok := v.figures.lookup(string(f.ID)); ok && v.figs[k].cycle {
				v.errorf(path+".partOf", ErrInvalidValue, "figure %q is part of a cycle", f.ID)
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
		_, ok = v.figures.lookup(e.Ref.ID)
	case RefStatement:
		_, ok = v.statements[StatementID(e.Ref.ID)]
	case RefDossier:
	default:
		v.missing(path+".ref", "reference")
	}
	if !ok {
		v.errorf(path+".ref", ErrDangling, "unknown %s %q", e.Ref.Kind, e.Ref.ID)
	} else if e.Ref.Kind == RefDossier && e.Ref.ID != "" {
		v.id(path+".ref", e.Ref.ID)
	}
	if e.Printed == "" {
		v.missing(path+".printed", "what was printed")
	}
	v.str(path+".field", e.Field, MaxTitleRunes)
	v.str(path+".document", e.Document, MaxTitleRunes)
	v.str(path+".printed", e.Printed, MaxTitleRunes)
	v.str(path+".recorded", e.Recorded, MaxTitleRunes)
	v.text(path+".text", e.Text, true, MaxTextRunes)
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
