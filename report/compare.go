package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// ChangeKind says what a Change did.
type ChangeKind uint8

// Kinds of change, in the order a briefing lists them within one object.
const (
	ChangeMetadata         ChangeKind = iota + 1 // a field of the dossier's metadata: Field, Old, New
	ChangeEntryAdded                             // a chronology entry added: New is its day
	ChangeEntryRemoved                           // a chronology entry removed: Old is its day
	ChangeEntryMoved                             // an entry moved to another day (or a paragraph to another part): Old, New
	ChangeStatementAdded                         // a paragraph of background, a section or the notes added: New is where
	ChangeStatementRemoved                       // such a paragraph removed: Old is where
	ChangeReworded                               // a statement's text (Field "text") or note (Field "note") reworded: Words
	ChangeCitationAdded                          // a statement or figure cites one more source: Source
	ChangeCitationRemoved                        // a statement or figure cites a source no more: Source
	ChangeFigureAdded                            // a figure added: New is its value
	ChangeFigureRemoved                          // a figure removed: Old is its value
	ChangeFigureRevised                          // a figure's value (Field "value") or date (Field "asOf") revised: Old, New
	ChangeFigureSuperseded                       // a figure superseded: New is the value of the figure that replaces it
	ChangeFigureRetracted                        // a figure retracted by its claimant
	ChangeSourceAdded                            // a source added to the bibliography
	ChangeSourceRemoved                          // a source removed
	ChangePlaceAdded                             // a place added to the gazetteer
	ChangePlaceRemoved                           // a place removed
	ChangeErratumAdded                           // an erratum added: Ref is what it concerns, Field its field
	ChangeErratumRemoved                         // an erratum removed
	ChangeVersionAdded                           // a version added to the dossier's history: New is the version
	ChangeEntryEdited                            // a field of an entry edited (see StatementFields): Field, Old, New
	ChangeStatementEdited                        // a field of another paragraph edited (see StatementFields): Field, Old, New
	ChangeSourceEdited                           // a field of a source edited (see SourceFields): Field, Old, New or Words
)

// StatementFields returns the fields Compare reports as edited, besides the
// text and the note (ChangeReworded) and the citations, as Change.Field
// names them, with how Old and New write their values: "kind" (an event
// kind, "riot"), "places" (place ids joined by ", "), "when" (the
// statement's own dates, "2022-01-05" or "2022-01-05/2022-01-07", empty
// for its day's), "time" ("10:00" or "15:00-17:00"), "datePrecision" and
// "geoPrecision" (as the dossier writes them, empty when derived) and
// "reliability" (empty for no reservation). Kind, time and the two
// precisions are fields of entries only.
func StatementFields() []string {
	return []string{"kind", "when", "time", "datePrecision", "places", "geoPrecision", "reliability"}
}

// FigureFields returns the fields of a figure Compare reports as revised
// (ChangeFigureRevised), as Change.Field names them: "value" (as
// FigureValue writes it), "asOf", "reported", "status", "statusDate",
// "supersededBy" and "partOf" (figure ids), "scope" (a place id),
// "channel" (the claimant's channel), and, as rewordings in Words,
// "claimant" (its name) and "note". A figure whose metric, party or kind
// of claimant changed is another figure: an error.
func FigureFields() []string {
	return []string{"value", "asOf", "reported", "status", "statusDate", "supersededBy", "partOf", "scope", "claimant", "channel", "note"}
}

// SourceFields returns the fields of a source Compare reports as edited
// (ChangeSourceEdited), as Change.Field names them: "category",
// "outlet", "group", "via", "author", "title" (a rewording in Words, in
// the title's language), "titleLanguage", "translation" (a rewording per
// language), "published", "updated", "accessed", "url" and
// "disambiguator".
func SourceFields() []string {
	return []string{"category", "outlet", "group", "via", "author", "title", "titleLanguage", "translation", "published", "updated", "accessed", "url", "disambiguator"}
}

var changeKinds = [...]string{"",
	"metadata", "entry-added", "entry-removed", "entry-moved", "statement-added", "statement-removed",
	"reworded", "citation-added", "citation-removed", "figure-added", "figure-removed", "figure-revised",
	"figure-superseded", "figure-retracted", "source-added", "source-removed", "place-added", "place-removed",
	"erratum-added", "erratum-removed", "version-added", "entry-edited", "statement-edited", "source-edited"}

// ChangeKinds returns every kind of change in declaration order.
func ChangeKinds() []ChangeKind {
	out := make([]ChangeKind, 0, len(changeKinds)-1)
	for k := 1; k < len(changeKinds); k++ {
		out = append(out, ChangeKind(k))
	}
	return out
}

// String returns the kind's name, such as "figure-revised".
func (k ChangeKind) String() string {
	if k > 0 && int(k) < len(changeKinds) {
		return changeKinds[k]
	}
	return "change-kind(" + strconv.Itoa(int(k)) + ")"
}

// Changes is what one version of a dossier changes from an earlier one,
// as Compare finds it from ids.
type Changes struct {
	// Since is the earlier version: its Method.Version (possibly empty)
	// and its date (its update date, else its publication date).
	Since     string
	SinceDate model.Date
	// Version and Date are the same for the later version.
	Version string
	Date    model.Date
	// List is every change, in a fixed order: the metadata, then the
	// statements in the later version's reading order (removed ones at
	// the end, in the earlier version's order), then figures, sources,
	// places, errata and versions, each in dossier order.
	List []Change
}

// Len returns the number of changes; a nil Changes has none.
func (c *Changes) Len() int {
	if c == nil {
		return 0
	}
	return len(c.List)
}

// Change is one difference between two versions of a dossier.
type Change struct {
	Kind ChangeKind
	// Ref is what changed: "statement:id", "figure:id", "source:id",
	// "place:id", "dossier:field", or, for an erratum, what it concerns.
	Ref model.Ref
	// Field names the field concerned, when the kind needs one: the JSON
	// path of a metadata field ("method.cutOff"), "text" or "note" of a
	// rewording, a field of a revised figure (FigureFields), of an edited
	// statement (StatementFields) or source (SourceFields), an erratum's
	// field.
	Field string
	// Source is the source cited or no longer cited, for citation changes.
	Source model.SourceID
	// Old and New are the values before and after, as the dossier writes
	// them: a date ("2022-01-05"), a day of the chronology or a part
	// ("background", "sections/repression"), a figure's value ("227",
	// "100-200", "about 10000"), a version. Empty where there is none.
	Old, New string
	// Path is where the object is in the later version (in the earlier
	// one for a removal), e.g. "chronology[4].entries[2]".
	Path string
	// Words holds a rewording, one per language of the dossier whose
	// text changed, in the dossier's order of languages: of a statement's
	// text or note, a figure's claimant or note, a source's translated
	// title, or (in the title's own language) a source's title.
	Words []Rewording
	// Figure is the figure as the later version has it (the earlier for
	// a removal), for figure changes; Statement likewise for statements.
	// They are copies, shared with nothing.
	Figure    *model.Figure
	Statement *model.Statement
	// Entry is the entry as the later version has it (the earlier for a
	// removal), for changes to an entry; Statement is then its statement.
	Entry *model.Entry
	// Cited is the source, as the version that has it describes it, for
	// changes to citations and sources.
	Cited *model.Source
	// Day is the day of an entry, in the later version (the earlier for
	// a removal); zero for other statements.
	Day model.DateSpan
}

// Rewording is a text in one language before and after, with the words
// that changed marked.
type Rewording struct {
	Language language.Tag
	Old, New string
	// Diff is Old turned into New: its Equal and Deleted runs make Old,
	// its Equal and Inserted runs make New.
	Diff []Run
}

// Op says whether a Run of a rewording is kept, deleted or inserted.
type Op uint8

// Ops of a rewording.
const (
	Equal    Op = iota // in both texts
	Deleted            // in the old text only
	Inserted           // in the new text only
)

// Run is a stretch of a rewording: words and the spaces between them.
type Run struct {
	Op   Op
	Text string
}

// where is the place of a statement in a dossier.
type where struct {
	array string // the path of the statement's array, e.g. "chronology[3].entries"
	index int
	part  string // "background", "notes", "sections/<id>", or "chronology"
	day   model.DateSpan
	entry *model.Entry // nil for a paragraph outside the chronology
	st    *model.Statement
	order int
}

func (w where) path() string { return w.array + "[" + strconv.Itoa(w.index) + "]" }

func (w where) String() string {
	if w.entry != nil {
		return w.day.String()
	}
	return w.part
}

// version is one side of a comparison, indexed by id.
type version struct {
	name       string // "old" or "new", for errors
	d          *model.Dossier
	statements []where
	stIndex    map[model.StatementID]int
	figures    []*model.Figure
	figIndex   map[model.FigureID]int
	srcIndex   map[model.SourceID]int
	plIndex    map[model.PlaceID]int
}

// Compare returns what new changes from old, matching statements, figures,
// sources and places by id. An entry with the same id on another day is
// moved, not removed and added. An id that names two objects in one
// version, or objects that cannot be the same in the two (an entry and a
// background paragraph, figures of different metrics, parties or kinds
// of claimant) is an error wrapping ErrCompare that says where: a
// changed object needs a new id. Any other field edited is a change:
// see StatementFields, FigureFields and SourceFields.
//
// Compare does not validate the dossiers; it reads figures through
// EachFigure, so a dossier of model.OpenFile works.
func Compare(old, new *model.Dossier) (*Changes, error) {
	if old == nil || new == nil {
		return nil, fmt.Errorf("report: %w: Compare needs two dossiers", ErrOptions)
	}
	a, err := index("old", old)
	if err != nil {
		return nil, err
	}
	b, err := index("new", new)
	if err != nil {
		return nil, err
	}
	c := &Changes{Since: old.Method.Version, SinceDate: versionDate(old), Version: new.Method.Version, Date: versionDate(new)}
	cmp := &comparer{a: a, b: b, out: c}
	cmp.metadata()
	if err := cmp.statements(); err != nil {
		return nil, err
	}
	if err := cmp.figures(); err != nil {
		return nil, err
	}
	if err := cmp.sources(); err != nil {
		return nil, err
	}
	cmp.places()
	cmp.errata()
	cmp.history()
	return c, nil
}

func versionDate(d *model.Dossier) model.Date {
	if !d.Updated.IsZero() {
		return d.Updated
	}
	return d.Published
}

func index(name string, d *model.Dossier) (*version, error) {
	v := &version{name: name, d: d, stIndex: map[model.StatementID]int{}, figIndex: map[model.FigureID]int{},
		srcIndex: map[model.SourceID]int{}, plIndex: map[model.PlaceID]int{}}
	add := func(w where) error {
		if j, ok := v.stIndex[w.st.ID]; ok {
			return reusedf(name, w.path(), "statement %q is also %s", w.st.ID, v.statements[j].path())
		}
		w.order = len(v.statements)
		v.stIndex[w.st.ID] = w.order
		v.statements = append(v.statements, w)
		return nil
	}
	run := func(part, path string, ss []model.Statement) error {
		for i := range ss {
			if err := add(where{array: path, index: i, part: part, st: &ss[i]}); err != nil {
				return err
			}
		}
		return nil
	}
	if err := run("background", "background", d.Background); err != nil {
		return nil, err
	}
	for i := range d.Chronology {
		day := &d.Chronology[i]
		array := "chronology[" + strconv.Itoa(i) + "].entries"
		for j := range day.Entries {
			e := &day.Entries[j]
			w := where{array: array, index: j, part: "chronology", day: day.When, entry: e, st: &e.Statement}
			if err := add(w); err != nil {
				return nil, err
			}
		}
	}
	var sections func(path string, ss []model.Section) error
	sections = func(path string, ss []model.Section) error {
		for i := range ss {
			p := fmt.Sprintf("%s[%d]", path, i)
			if err := run("sections/"+ss[i].ID, p+".paragraphs", ss[i].Paragraphs); err != nil {
				return err
			}
			if err := sections(p+".sections", ss[i].Sections); err != nil {
				return err
			}
		}
		return nil
	}
	if err := sections("sections", d.Sections); err != nil {
		return nil, err
	}
	if err := run("notes", "notes", d.Notes); err != nil {
		return nil, err
	}
	// Figures held in memory are read in place; those of a file are
	// valid during the call only, and copied.
	inMemory := d.NumFigures() == len(d.Figures)
	v.figures = make([]*model.Figure, 0, d.NumFigures())
	err := d.EachFigure(func(i int, f *model.Figure) error {
		if j, ok := v.figIndex[f.ID]; ok {
			return reusedf(name, fmt.Sprintf("figures[%d]", i), "figure %q is also figures[%d]", f.ID, j)
		}
		v.figIndex[f.ID] = len(v.figures)
		if !inMemory {
			f = clonePtr(f)
		}
		v.figures = append(v.figures, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range d.Sources {
		if j, ok := v.srcIndex[d.Sources[i].ID]; ok {
			return nil, reusedf(name, fmt.Sprintf("sources[%d]", i), "source %q is also sources[%d]", d.Sources[i].ID, j)
		}
		v.srcIndex[d.Sources[i].ID] = i
	}
	for i := range d.Places {
		if j, ok := v.plIndex[d.Places[i].ID]; ok {
			return nil, reusedf(name, fmt.Sprintf("places[%d]", i), "place %q is also places[%d]", d.Places[i].ID, j)
		}
		v.plIndex[d.Places[i].ID] = i
	}
	return v, nil
}

func reusedf(version, path, format string, args ...any) error {
	return fmt.Errorf("report: compare: %s version, %s: %w: %s", version, path, ErrCompare, fmt.Sprintf(format, args...))
}

// cloneFigure copies f with its slices and texts, which a figure read
// from a file may share.
func cloneFigure(f *model.Figure) model.Figure {
	g := *f
	g.Sources = slices.Clone(f.Sources)
	g.Claimant.Name = cloneText(f.Claimant.Name)
	g.Note = cloneText(f.Note)
	return g
}

func cloneText(t model.Text) model.Text {
	if t == nil {
		return nil
	}
	out := make(model.Text, len(t))
	for k, v := range t {
		out[k] = v
	}
	return out
}

// stCopy returns copies of the statement at w: its entry, if it is one,
// and its statement.
func stCopy(w where) (*model.Entry, *model.Statement) {
	if w.entry == nil {
		return nil, cloneStatement(w.st)
	}
	e := *w.entry
	e.Statement = *cloneStatement(w.st)
	return &e, &e.Statement
}

func cloneStatement(s *model.Statement) *model.Statement {
	c := *s
	c.Text, c.Note = cloneText(s.Text), cloneText(s.Note)
	c.Sources, c.Figures, c.Places = slices.Clone(s.Sources), slices.Clone(s.Figures), slices.Clone(s.Places)
	return &c
}

// source returns a copy of the source id of v, or nil.
func (v *version) source(id model.SourceID) *model.Source {
	i, ok := v.srcIndex[id]
	if !ok {
		return nil
	}
	s := v.d.Sources[i]
	s.Translation = cloneText(s.Translation)
	return &s
}

type comparer struct {
	a, b *version
	out  *Changes
}

func (c *comparer) add(ch Change) { c.out.List = append(c.out.List, ch) }

func (c *comparer) metadata() {
	a, b := c.a.d, c.b.d
	field := func(path, old, new string) {
		if old != new {
			c.add(Change{Kind: ChangeMetadata, Ref: model.Ref{Kind: model.RefDossier, ID: path}, Field: path, Old: old, New: new, Path: path})
		}
	}
	date := func(d model.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	span := func(s model.DateSpan) string {
		if s.IsZero() {
			return ""
		}
		return s.String()
	}
	field("method.version", a.Method.Version, b.Method.Version)
	field("published", date(a.Published), date(b.Published))
	field("updated", date(a.Updated), date(b.Updated))
	field("method.cutOff", date(a.Method.CutOff), date(b.Method.CutOff))
	field("method.sourcesConsulted", span(a.Method.SourcesConsulted), span(b.Method.SourcesConsulted))
	field("period", span(a.Period), span(b.Period))
}

func (c *comparer) statements() error {
	langs := c.b.d.Languages
	for _, w := range c.b.statements {
		j, ok := c.a.stIndex[w.st.ID]
		if !ok {
			ch := Change{Kind: ChangeStatementAdded, Ref: stRef(w.st.ID), New: w.String(), Path: w.path()}
			ch.Entry, ch.Statement = stCopy(w)
			if w.entry != nil {
				ch.Kind, ch.Day = ChangeEntryAdded, w.day
			}
			c.add(ch)
			continue
		}
		o := c.a.statements[j]
		if (o.entry == nil) != (w.entry == nil) {
			was := "an entry of the chronology"
			if o.entry == nil {
				was = "a paragraph of " + o.part
			}
			return reusedf("new", w.path(), "statement %q was %s (%s) in the old version: a different statement needs a new id", w.st.ID, was, o.path())
		}
		if o.part != w.part || o.day != w.day {
			ch := Change{Kind: ChangeEntryMoved, Ref: stRef(w.st.ID), Old: o.String(), New: w.String(), Path: w.path(), Day: w.day}
			ch.Entry, ch.Statement = stCopy(w)
			c.add(ch)
		}
		if words := reword(langs, o.st.Text, w.st.Text); words != nil {
			ch := Change{Kind: ChangeReworded, Ref: stRef(w.st.ID), Field: "text", Path: w.path(), Day: w.day, Words: words}
			ch.Entry, ch.Statement = stCopy(w)
			c.add(ch)
		}
		if words := reword(langs, o.st.Note, w.st.Note); words != nil {
			ch := Change{Kind: ChangeReworded, Ref: stRef(w.st.ID), Field: "note", Path: w.path(), Day: w.day, Words: words}
			ch.Entry, ch.Statement = stCopy(w)
			c.add(ch)
		}
		c.statementFields(o, w)
		c.citations(stRef(w.st.ID), w.path(), w.day, o.st.Sources, w.st.Sources)
	}
	for _, o := range c.a.statements {
		if _, ok := c.b.stIndex[o.st.ID]; ok {
			continue
		}
		ch := Change{Kind: ChangeStatementRemoved, Ref: stRef(o.st.ID), Old: o.String(), Path: o.path()}
		ch.Entry, ch.Statement = stCopy(o)
		if o.entry != nil {
			ch.Kind, ch.Day = ChangeEntryRemoved, o.day
		}
		c.add(ch)
	}
	return nil
}

// statementFields reports the fields of StatementFields that differ
// between o and w, the same statement in the old and new versions.
func (c *comparer) statementFields(o, w where) {
	kind := ChangeStatementEdited
	if w.entry != nil {
		kind = ChangeEntryEdited
	}
	// Values are compared as they are, and written out only when they
	// differ: most statements of a large dossier are the same. (No
	// closure here: it would cost an allocation per statement.)
	field := func(name, old, new string) { c.statementField(kind, w, name, old, new) }
	a, b := o.entry, w.entry
	if b != nil && a.Kind != b.Kind {
		field("kind", a.Kind.String(), b.Kind.String())
	}
	if o.st.When != w.st.When {
		field("when", spanString(o.st.When), spanString(w.st.When))
	}
	if b != nil {
		if ta, tb := a.Time, b.Time; (ta == nil) != (tb == nil) || ta != nil && *ta != *tb {
			field("time", timeString(ta), timeString(tb))
		}
		if a.DatePrecision != b.DatePrecision {
			field("datePrecision", enumString(a.DatePrecision), enumString(b.DatePrecision))
		}
	}
	if !slices.Equal(o.st.Places, w.st.Places) {
		field("places", placesString(o.st.Places), placesString(w.st.Places))
	}
	if b != nil && a.GeoPrecision != b.GeoPrecision {
		field("geoPrecision", enumString(a.GeoPrecision), enumString(b.GeoPrecision))
	}
	if o.st.Reliability != w.st.Reliability {
		field("reliability", enumString(o.st.Reliability), enumString(w.st.Reliability))
	}
}

func (c *comparer) statementField(kind ChangeKind, w where, name, old, new string) {
	ch := Change{Kind: kind, Ref: stRef(w.st.ID), Field: name, Old: old, New: new, Path: w.path(), Day: w.day}
	ch.Entry, ch.Statement = stCopy(w)
	c.add(ch)
}

// enumString writes an enum value as the dossier does, empty for the
// zero value (derived, no reservation).
func enumString[E interface {
	comparable
	String() string
}](v E) string {
	var zero E
	if v == zero {
		return ""
	}
	return v.String()
}

func spanString(s model.DateSpan) string {
	if s.IsZero() {
		return ""
	}
	return s.String()
}

func dateString(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func timeString(t *model.TimeSpan) string {
	if t == nil {
		return ""
	}
	return t.String()
}

// placesString joins place ids with ", ", as Change.Old and New write
// places.
func placesString(ids []model.PlaceID) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(id))
	}
	return b.String()
}

func stRef(id model.StatementID) model.Ref {
	return model.Ref{Kind: model.RefStatement, ID: string(id)}
}

// citations reports the sources new cites and old does not, in new's
// order, then those old cites and new does not, in old's order. A source
// cited twice counts once.
func (c *comparer) citations(ref model.Ref, path string, day model.DateSpan, old, new []model.SourceID) {
	if slices.Equal(old, new) {
		return
	}
	seen := map[model.SourceID]bool{}
	for _, id := range new {
		if !seen[id] && !slices.Contains(old, id) {
			c.add(Change{Kind: ChangeCitationAdded, Ref: ref, Source: id, Path: path, Day: day, Cited: c.b.source(id)})
		}
		seen[id] = true
	}
	for _, id := range old {
		if !seen[id] && !slices.Contains(new, id) {
			c.add(Change{Kind: ChangeCitationRemoved, Ref: ref, Source: id, Path: path, Day: day, Cited: c.a.source(id)})
		}
		seen[id] = true
	}
}

// FigureValue returns a figure's value as Change.Old and New write it:
// "227", "100-200", "about 10000", with the unit when there is one.
func FigureValue(f *model.Figure) string {
	if f == nil {
		return ""
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	var s string
	switch f.Qualifier {
	case model.Range:
		s = num(f.Low) + "-" + num(f.High)
	case model.Exact:
		s = num(f.Value)
	default:
		s = f.Qualifier.String()
		if f.Value != 0 {
			s += " " + num(f.Value)
		}
	}
	if f.Unit != "" {
		s += " " + f.Unit
	}
	return s
}

func (c *comparer) figures() error {
	for i := range c.b.figures {
		f := c.b.figures[i]
		path := "figures[" + strconv.Itoa(i) + "]"
		ref := model.Ref{Kind: model.RefFigure, ID: string(f.ID)}
		j, ok := c.a.figIndex[f.ID]
		if !ok {
			c.add(Change{Kind: ChangeFigureAdded, Ref: ref, New: FigureValue(f), Path: path, Figure: clonePtr(f)})
			continue
		}
		o := c.a.figures[j]
		if o.Metric != f.Metric || o.Party != f.Party || o.Claimant.Kind != f.Claimant.Kind {
			return reusedf("new", path, "figure %q counted %s %s claimed by %s in the old version (figures[%d]), now %s %s claimed by %s: a different figure needs a new id",
				f.ID, o.Metric, o.Party, claimantName(o), j, f.Metric, f.Party, claimantName(f))
		}
		if v, w := FigureValue(o), FigureValue(f); v != w {
			c.add(Change{Kind: ChangeFigureRevised, Ref: ref, Field: "value", Old: v, New: w, Path: path, Figure: clonePtr(f)})
		}
		revised := func(field, old, new string) {
			if old != new {
				c.add(Change{Kind: ChangeFigureRevised, Ref: ref, Field: field, Old: old, New: new, Path: path, Figure: clonePtr(f)})
			}
		}
		// Dates are written out only when they differ.
		date := func(field string, old, new model.Date) {
			if old != new {
				revised(field, dateString(old), dateString(new))
			}
		}
		date("asOf", o.AsOf, f.AsOf)
		date("reported", o.Reported, f.Reported)
		if o.Status != f.Status {
			switch f.Status {
			case model.StatusSuperseded:
				ch := Change{Kind: ChangeFigureSuperseded, Ref: ref, Old: FigureValue(o), Path: path, Figure: clonePtr(f)}
				if k, ok := c.b.figIndex[f.SupersededBy]; ok {
					ch.New = FigureValue(c.b.figures[k])
				}
				c.add(ch)
			case model.StatusRetracted:
				c.add(Change{Kind: ChangeFigureRetracted, Ref: ref, Old: FigureValue(o), Path: path, Figure: clonePtr(f)})
			default:
				c.add(Change{Kind: ChangeFigureRevised, Ref: ref, Field: "status", Old: o.Status.String(), New: f.Status.String(), Path: path, Figure: clonePtr(f)})
			}
		}
		if o.Status == f.Status || f.Status != model.StatusSuperseded && f.Status != model.StatusRetracted {
			// A figure superseded or retracted says its date and successor.
			date("statusDate", o.StatusDate, f.StatusDate)
			revised("supersededBy", string(o.SupersededBy), string(f.SupersededBy))
		}
		revised("partOf", string(o.PartOf), string(f.PartOf))
		revised("scope", string(o.Scope), string(f.Scope))
		if words := reword(c.b.d.Languages, o.Claimant.Name, f.Claimant.Name); words != nil {
			c.add(Change{Kind: ChangeFigureRevised, Ref: ref, Field: "claimant", Path: path, Words: words, Figure: clonePtr(f)})
		}
		revised("channel", o.Claimant.Channel, f.Claimant.Channel)
		if words := reword(c.b.d.Languages, o.Note, f.Note); words != nil {
			c.add(Change{Kind: ChangeFigureRevised, Ref: ref, Field: "note", Path: path, Words: words, Figure: clonePtr(f)})
		}
		c.citations(ref, path, model.DateSpan{}, o.Sources, f.Sources)
	}
	for j := range c.a.figures {
		o := c.a.figures[j]
		if _, ok := c.b.figIndex[o.ID]; !ok {
			c.add(Change{Kind: ChangeFigureRemoved, Ref: model.Ref{Kind: model.RefFigure, ID: string(o.ID)}, Old: FigureValue(o), Path: fmt.Sprintf("figures[%d]", j), Figure: clonePtr(o)})
		}
	}
	return nil
}

func clonePtr(f *model.Figure) *model.Figure {
	g := cloneFigure(f)
	return &g
}

func claimantName(f *model.Figure) string {
	for _, tag := range f.Claimant.Name.Languages() {
		if s, ok := f.Claimant.Name.In(tag); ok {
			return strconv.Quote(s)
		}
	}
	return f.Claimant.Kind.String()
}

func (c *comparer) sources() error {
	a, b := c.a.d.Sources, c.b.d.Sources
	for i := range b {
		s := &b[i]
		ref := model.Ref{Kind: model.RefSource, ID: string(s.ID)}
		j, ok := c.a.srcIndex[s.ID]
		if !ok {
			c.add(Change{Kind: ChangeSourceAdded, Ref: ref, New: s.Outlet + ", " + s.Published.String(), Path: fmt.Sprintf("sources[%d]", i), Cited: c.b.source(s.ID)})
			continue
		}
		c.sourceFields(&a[j], s, ref, i)
	}
	for j := range a {
		if _, ok := c.b.srcIndex[a[j].ID]; !ok {
			c.add(Change{Kind: ChangeSourceRemoved, Ref: model.Ref{Kind: model.RefSource, ID: string(a[j].ID)}, Old: a[j].Outlet + ", " + a[j].Published.String(), Path: fmt.Sprintf("sources[%d]", j), Cited: c.a.source(a[j].ID)})
		}
	}
	return nil
}

// sourceFields reports the fields of SourceFields that differ between o
// and s, the same source in the old and new versions; i is s's index.
func (c *comparer) sourceFields(o, s *model.Source, ref model.Ref, i int) {
	edited := func(field, old, new string, words []Rewording) {
		if old == new && words == nil {
			return
		}
		c.add(Change{Kind: ChangeSourceEdited, Ref: ref, Field: field, Old: old, New: new, Words: words, Path: fmt.Sprintf("sources[%d]", i), Cited: c.b.source(s.ID)})
	}
	field := func(name, old, new string) {
		if old != new {
			edited(name, old, new, nil)
		}
	}
	if o.Category != s.Category {
		field("category", o.Category.String(), s.Category.String())
	}
	field("outlet", o.Outlet, s.Outlet)
	field("group", o.Group, s.Group)
	field("via", o.Via, s.Via)
	field("author", o.Author, s.Author)
	if o.Title != s.Title {
		edited("title", "", "", []Rewording{{Language: s.TitleLanguage, Old: o.Title, New: s.Title, Diff: wordDiff(o.Title, s.Title)}})
	}
	if o.TitleLanguage != s.TitleLanguage {
		field("titleLanguage", o.TitleLanguage.String(), s.TitleLanguage.String())
	}
	if words := reword(c.b.d.Languages, o.Translation, s.Translation); words != nil {
		edited("translation", "", "", words)
	}
	date := func(name string, old, new model.Date) {
		if old != new {
			field(name, dateString(old), dateString(new))
		}
	}
	date("published", o.Published, s.Published)
	date("updated", o.Updated, s.Updated)
	date("accessed", o.Accessed, s.Accessed)
	field("url", o.URL, s.URL)
	if o.Disambiguator != s.Disambiguator {
		field("disambiguator", disambiguator(o.Disambiguator), disambiguator(s.Disambiguator))
	}
}

func disambiguator(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func (c *comparer) places() {
	for i := range c.b.d.Places {
		p := &c.b.d.Places[i]
		if _, ok := c.a.plIndex[p.ID]; !ok {
			c.add(Change{Kind: ChangePlaceAdded, Ref: model.Ref{Kind: model.RefPlace, ID: string(p.ID)}, New: p.Kind.String(), Path: fmt.Sprintf("places[%d]", i)})
		}
	}
	for j := range c.a.d.Places {
		p := &c.a.d.Places[j]
		if _, ok := c.b.plIndex[p.ID]; !ok {
			c.add(Change{Kind: ChangePlaceRemoved, Ref: model.Ref{Kind: model.RefPlace, ID: string(p.ID)}, Old: p.Kind.String(), Path: fmt.Sprintf("places[%d]", j)})
		}
	}
}

// errata matches errata by what they concern, their field and what was
// printed: an erratum whose explanation alone changed is not reported.
func (c *comparer) errata() {
	type key struct {
		ref            model.Ref
		field, printed string
	}
	keyOf := func(e *model.Erratum) key { return key{e.Ref, e.Field, e.Printed} }
	in := func(es []model.Erratum) map[key]bool {
		m := make(map[key]bool, len(es))
		for i := range es {
			m[keyOf(&es[i])] = true
		}
		return m
	}
	a, b := in(c.a.d.Errata), in(c.b.d.Errata)
	for i := range c.b.d.Errata {
		e := &c.b.d.Errata[i]
		if !a[keyOf(e)] {
			c.add(Change{Kind: ChangeErratumAdded, Ref: e.Ref, Field: e.Field, Old: e.Printed, New: e.Recorded, Path: fmt.Sprintf("errata[%d]", i)})
		}
	}
	for j := range c.a.d.Errata {
		e := &c.a.d.Errata[j]
		if !b[keyOf(e)] {
			c.add(Change{Kind: ChangeErratumRemoved, Ref: e.Ref, Field: e.Field, Old: e.Printed, New: e.Recorded, Path: fmt.Sprintf("errata[%d]", j)})
		}
	}
}

// history reports the versions the new dossier's history adds.
func (c *comparer) history() {
	had := map[string]bool{}
	for _, v := range c.a.d.History {
		had[v.Version] = true
	}
	for i, v := range c.b.d.History {
		if !had[v.Version] {
			c.add(Change{Kind: ChangeVersionAdded, Ref: model.Ref{Kind: model.RefDossier, ID: "history"}, New: v.Version, Path: fmt.Sprintf("history[%d]", i)})
		}
	}
}

// reword compares two texts language by language, in the order of langs
// then of any other language either text has; nil when none changed.
func reword(langs []language.Tag, old, new model.Text) []Rewording {
	if sameText(old, new) {
		return nil
	}
	tags := slices.Clone(langs)
	for _, t := range append(old.Languages(), new.Languages()...) {
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	var out []Rewording
	for _, tag := range tags {
		o, n := old[tag], new[tag]
		if o == n {
			continue
		}
		out = append(out, Rewording{Language: tag, Old: o, New: n, Diff: wordDiff(o, n)})
	}
	return out
}

// tokens splits s into words and the runs of spaces and punctuation
// between them, so that a diff marks whole words. Letters, digits and
// marks of any script make words: "Almaty", "Алматы", "Noursoultan-Nour".
func tokens(s string) []string {
	var out []string
	start := 0
	kind := -1
	for i, r := range s {
		k := 0
		if isWordRune(r) {
			k = 1
		} else if r != ' ' && r != '\u00a0' && r != '\u202f' && r != '\t' && r != '\n' {
			k = 2 // punctuation: one token per character
		}
		if i > start && (k != kind || k == 2) {
			out = append(out, s[start:i])
			start = i
		}
		kind = k
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func isWordRune(r rune) bool {
	return r == '\'' || r == '’' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// maxDiffCells bounds the table of a word diff: beyond it, the common
// start and end are kept and the middle is marked as replaced whole.
const maxDiffCells = 1 << 20

// wordDiff returns old turned into new, word by word: the longest common
// subsequence of their tokens, after the common start and end.
func wordDiff(old, new string) []Run {
	a, b := tokens(old), tokens(new)
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var runs []Run
	emit := func(op Op, s string) {
		if s == "" {
			return
		}
		if n := len(runs); n > 0 && runs[n-1].Op == op {
			runs[n-1].Text += s
			return
		}
		runs = append(runs, Run{op, s})
	}
	emit(Equal, strings.Join(a[:pre], ""))
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if (len(ma)+1)*(len(mb)+1) > maxDiffCells {
		emit(Deleted, strings.Join(ma, ""))
		emit(Inserted, strings.Join(mb, ""))
	} else {
		// lcs[i][j] is the longest common subsequence of ma[i:] and mb[j:].
		w := len(mb) + 1
		lcs := make([]int32, (len(ma)+1)*w)
		for i := len(ma) - 1; i >= 0; i-- {
			for j := len(mb) - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
				} else {
					lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < len(ma) || j < len(mb) {
			switch {
			case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
				emit(Equal, ma[i])
				i, j = i+1, j+1
			case i < len(ma) && (j == len(mb) || lcs[(i+1)*w+j] >= lcs[i*w+j+1]):
				emit(Deleted, ma[i])
				i++
			default:
				emit(Inserted, mb[j])
				j++
			}
		}
	}
	emit(Equal, strings.Join(a[len(a)-suf:], ""))
	return runs
}

// sameText reports whether a and b hold the same texts, an empty one
// counting as none.
func sameText(a, b model.Text) bool {
	keys := len(a) == len(b) // and every key of a in b: then b has no other
	for k, v := range a {
		w, ok := b[k]
		if w != v {
			return false
		}
		keys = keys && ok
	}
	if keys {
		return true
	}
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return true
}
