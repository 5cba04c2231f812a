package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
)

// ChangeList is the part of an update briefing that says what changed
// since an earlier version (Options.Changes): the changes within the
// briefing's filter, each with a link to what it concerns.
type ChangeList struct {
	Since     string     // the earlier version's number; empty when it has none
	SinceDate model.Date // its date
	Title     L          // "Changes since version 1.0 (22 February 2022)"
	Anchor    string     // of the section that lists the changes
	Empty     L          // "Nothing within this briefing has changed." when Items is empty; empty strings otherwise
	// Versions are the versions of the dossier's history after the
	// earlier one: label "Version 1.1 of 25 March 2022", value its note.
	Versions []Field
	Items    []*ChangeItem

	// FigureHeader and the three words after it are, for the workbook's
	// column on figures, its header and what it says of a new, a revised
	// and an unchanged figure (see FigureChange).
	FigureHeader                         L
	FigureNew, FigureRevised, FigureSame L

	figures map[model.FigureID]figureChange
}

// ChangeItem is one change as the briefing lists it.
type ChangeItem struct {
	Kind     ChangeKind
	KindText L // "Entry added", "Figure revised"
	Ref      model.Ref
	Source   model.SourceID // for citation changes: the source cited or no longer cited
	// Anchor is where the briefing shows what changed: the paragraph of a
	// statement, the key figures, a source in the bibliography. Empty for
	// what the briefing no longer shows.
	Anchor  string
	Subject L // what changed: an entry's date and first words, a figure's metric, claimant and date...
	// Field names the field edited, for an edit or revision of one field
	// of a statement, figure or source ("Places", "Time", "Note");
	// empty strings otherwise.
	Field L
	Old   L // the value before, formatted; empty strings when there is none
	New   L // the value after
	// Words holds, for a rewording, the marked text in each language of
	// the briefing (nil for a language whose text did not change).
	Words [][]Run
}

// figureChange is what the workbook says of a figure.
type figureChange uint8

const (
	figureSame figureChange = iota
	figureNew
	figureRevised
)

// FigureChange returns the word the workbook's column on figures gives
// figure id ("new", "revised" or "unchanged") in language i of the
// briefing; empty when the briefing is not an update briefing.
func (c *ChangeList) FigureChange(id model.FigureID, i int) string {
	if c == nil || i < 0 || i >= len(c.FigureSame) {
		return ""
	}
	switch c.figures[id] {
	case figureNew:
		return c.FigureNew[i]
	case figureRevised:
		return c.FigureRevised[i]
	}
	return c.FigureSame[i]
}

// ChangesBlock stands for Document.Changes in a section.
type ChangesBlock struct{}

func (*ChangesBlock) node()  {}
func (*ChangesBlock) block() {}

// changeKindIDs are the labels of the kinds of change.
var changeKindIDs = [...]locales.ID{"",
	locales.ChangeMetadata, locales.ChangeEntryAdded, locales.ChangeEntryRemoved, locales.ChangeEntryMoved,
	locales.ChangeStatementAdded, locales.ChangeStatementRemoved, locales.ChangeReworded,
	locales.ChangeCitationAdded, locales.ChangeCitationRemoved, locales.ChangeFigureAdded,
	locales.ChangeFigureRemoved, locales.ChangeFigureRevised, locales.ChangeFigureSuperseded,
	locales.ChangeFigureRetracted, locales.ChangeSourceAdded, locales.ChangeSourceRemoved,
	locales.ChangePlaceAdded, locales.ChangePlaceRemoved, locales.ChangeErratumAdded,
	locales.ChangeErratumRemoved, locales.ChangeVersionAdded, locales.ChangeEntryEdited,
	locales.ChangeStatementEdited, locales.ChangeSourceEdited}

// changeFields are the labels of the fields Compare reports edited or
// revised: those of StatementFields, FigureFields and SourceFields but a
// figure's value and a statement's text, which the kind of change names.
var changeFields = map[string]locales.ID{
	"kind": locales.FieldKind, "when": locales.FieldDate, "time": locales.FieldTime,
	"datePrecision": locales.FieldDatePrecision, "places": locales.FieldPlaces,
	"geoPrecision": locales.FieldGeoPrecision, "reliability": locales.FieldReliability,
	"note": locales.FieldNote,

	"asOf": locales.FieldAsOf, "reported": locales.FieldReported, "status": locales.FieldStatus,
	"statusDate": locales.FieldStatusDate, "supersededBy": locales.FieldSupersededBy,
	"partOf": locales.FieldPartOf, "scope": locales.FieldArea, "claimant": locales.FieldClaimant,
	"channel": locales.FieldChannel,

	"category": locales.FieldCategory, "outlet": locales.FieldOutlet, "group": locales.FieldGroup,
	"via": locales.FieldVia, "author": locales.FieldAuthor, "title": locales.FieldTitle,
	"titleLanguage": locales.FieldTitleLanguage, "translation": locales.FieldTranslation,
	"published": locales.FieldPublished, "updated": locales.FieldUpdated,
	"accessed": locales.FieldAccessed, "url": locales.FieldURL, "disambiguator": locales.FieldDisambiguator,
}

// changesSection adds the section of the changes, empty for now: it
// comes first, and is filled by changes once the briefing is built.
func (b *builder) changesSection() {
	c := b.opt.Changes
	cl := &ChangeList{Since: c.Since, SinceDate: c.SinceDate}
	cl.Title = b.each("changes", func(l *locales.Locale) (string, error) {
		date := l.DateLong(c.SinceDate)
		if c.Since == "" {
			return l.Message(locales.ChangesHeadingDate, map[string]any{"Date": date})
		}
		return l.Message(locales.ChangesHeading, map[string]any{"Version": c.Since, "Date": date})
	})
	s := b.section(SectionChanges, "changes", 1, cl.Title)
	s.Blocks = []Block{&ChangesBlock{}}
	cl.Anchor = s.Anchor
	b.doc.Changes = cl
	// Mark the statements that changed, for paragraph to anchor and mark.
	b.changed = map[model.StatementID]ChangeKind{}
	for i := range c.List {
		ch := &c.List[i]
		if ch.Ref.Kind != model.RefStatement {
			continue
		}
		switch ch.Kind {
		case ChangeEntryRemoved, ChangeStatementRemoved:
		default:
			id := model.StatementID(ch.Ref.ID)
			if k, ok := b.changed[id]; !ok || k != ChangeEntryAdded && k != ChangeStatementAdded {
				b.changed[id] = ch.Kind
			}
		}
	}
}

// changes fills the list of changes, keeping those within the
// briefing's filter, once every paragraph has its anchor.
func (b *builder) changes() {
	cl := b.doc.Changes
	c := b.opt.Changes
	for _, v := range b.d.History {
		if c.Since != "" && model.CompareVersions(v.Version, c.Since) <= 0 || c.Since == "" && !v.Date.After(c.SinceDate) {
			continue
		}
		label := b.each("history", func(l *locales.Locale) (string, error) {
			return l.Message(locales.ChangesVersion, map[string]any{"Version": v.Version, "Date": l.DateLong(v.Date)})
		})
		cl.Versions = append(cl.Versions, Field{Label: label, Value: b.optText("history.note", v.Note)})
	}
	keyFigures := ""
	bibliography := map[model.SourceID]string{}
	for _, it := range b.doc.Sources {
		bibliography[it.ID] = it.Anchor
	}
	for _, s := range b.doc.Sections {
		if s.Kind == SectionKeyFigures {
			keyFigures = s.Anchor
		}
	}
	cl.figures = map[model.FigureID]figureChange{}
	for i := range c.List {
		ch := &c.List[i]
		if ch.Kind == 0 || int(ch.Kind) >= len(changeKindIDs) {
			b.fail(fmt.Errorf("report: %w: Changes.List[%d]: unknown kind of change %d", ErrOptions, i, ch.Kind))
			return
		}
		it := &ChangeItem{Kind: ch.Kind, Ref: ch.Ref, Source: ch.Source}
		it.Subject, it.Old, it.New = make(L, len(b.locs)), make(L, len(b.locs)), make(L, len(b.locs))
		it.Field = make(L, len(b.locs))
		if id, ok := changeFields[ch.Field]; ok && ch.Ref.Kind != model.RefDossier && ch.Kind != ChangeErratumAdded && ch.Kind != ChangeErratumRemoved {
			it.Field = b.msg(id, nil)
		}
		keep := true
		switch erratum := ch.Kind == ChangeErratumAdded || ch.Kind == ChangeErratumRemoved; {
		case erratum:
			keep = b.changedErratum(it, ch)
		case ch.Ref.Kind == model.RefStatement:
			keep = b.changedStatement(it, ch)
		case ch.Ref.Kind == model.RefFigure:
			keep = b.changedFigure(it, ch, keyFigures)
			if keep {
				id := model.FigureID(ch.Ref.ID)
				switch {
				case ch.Kind == ChangeFigureAdded:
					cl.figures[id] = figureNew
				case cl.figures[id] != figureNew:
					cl.figures[id] = figureRevised
				}
			}
		case ch.Ref.Kind == model.RefSource:
			keep = b.changedSource(it, ch, bibliography)
		case ch.Ref.Kind == model.RefPlace:
			keep = b.changedPlace(it, ch)
		case ch.Ref.Kind == model.RefDossier:
			b.changedDossier(it, ch)
		}
		if !keep {
			continue
		}
		it.KindText = b.msg(changeKindIDs[ch.Kind], nil)
		cl.Items = append(cl.Items, it)
	}
	cl.Empty = make(L, len(b.locs))
	if len(cl.Items) == 0 {
		cl.Empty = b.msg(locales.ChangesNone, nil)
	}
	cl.FigureHeader = b.msg(locales.FieldSinceVersion, nil)
	cl.FigureNew = b.msg(locales.FigureNew, nil)
	cl.FigureRevised = b.msg(locales.FigureRevised, nil)
	cl.FigureSame = b.msg(locales.FigureUnchanged, nil)
}

// changedStatement describes a change to a statement, and reports
// whether the briefing lists it: a statement the briefing shows, or a
// removed one its filter would have kept.
func (b *builder) changedStatement(it *ChangeItem, ch *Change) bool {
	id := model.StatementID(ch.Ref.ID)
	p := b.paragraphs[id]
	removed := ch.Kind == ChangeEntryRemoved || ch.Kind == ChangeStatementRemoved
	switch {
	case removed && ch.Entry != nil:
		if !b.match.entry(ch.Entry, &model.Day{When: ch.Day}, b.d.Country) {
			return false
		}
	case removed:
		if !b.match.statement(ch.Statement, b.d.Country) {
			return false
		}
	case p == nil:
		return false
	default:
		it.Anchor = p.Anchor
	}
	st := ch.Statement
	if st == nil {
		return false
	}
	it.Subject = b.each("changes", func(l *locales.Locale) (string, error) {
		text := st.Text[l.Tag()]
		if ch.Kind == ChangeReworded {
			text = ""
		}
		where, err := b.changeWhere(l, ch, ch.Kind == ChangeEntryMoved || removed)
		if err != nil {
			return "", err
		}
		if text == "" {
			return where, nil
		}
		return where + " – " + firstWords(text, 12), nil
	})
	switch ch.Kind {
	case ChangeEntryMoved:
		it.Old = b.each("changes", func(l *locales.Locale) (string, error) { return b.partName(l, ch.Old, ch) })
		it.New = b.each("changes", func(l *locales.Locale) (string, error) { return b.partName(l, ch.New, ch) })
	case ChangeReworded:
		b.rewordings(it, ch)
	case ChangeEntryEdited, ChangeStatementEdited:
		it.Old = b.each("changes", func(l *locales.Locale) (string, error) { return b.fieldValue(l, ch.Field, ch.Old) })
		it.New = b.each("changes", func(l *locales.Locale) (string, error) { return b.fieldValue(l, ch.Field, ch.New) })
	case ChangeCitationAdded, ChangeCitationRemoved:
		v := b.each("changes", func(l *locales.Locale) (string, error) { return b.citedText(l, ch) })
		if ch.Kind == ChangeCitationAdded {
			it.New = v
		} else {
			it.Old = v
		}
	}
	return true
}

// rewordings sets the marked texts of a rewording in each language of
// the briefing.
func (b *builder) rewordings(it *ChangeItem, ch *Change) {
	it.Words = make([][]Run, len(b.locs))
	for i, l := range b.locs {
		for _, w := range ch.Words {
			if w.Language == l.Tag() {
				it.Words[i] = w.Diff
			}
		}
	}
}

// fieldValue formats the value of an edited field as Change.Old and New
// write it, in l's language: labels of kinds, precisions and
// reservations, names of places, dates and times; "–" for none.
func (b *builder) fieldValue(l *locales.Locale, field, v string) (string, error) {
	if v == "" {
		return "–", nil
	}
	switch field {
	case "kind":
		var k model.EventKind
		if k.UnmarshalText([]byte(v)) == nil {
			return l.EventKind(k)
		}
	case "datePrecision":
		var p model.DatePrecision
		if p.UnmarshalText([]byte(v)) == nil {
			return l.DatePrecision(p)
		}
	case "geoPrecision":
		var p model.GeoPrecision
		if p.UnmarshalText([]byte(v)) == nil {
			return l.GeoPrecision(p)
		}
	case "reliability":
		var r model.Reliability
		if r.UnmarshalText([]byte(v)) == nil {
			return l.Reliability(r)
		}
	case "category":
		var c model.SourceCategory
		if c.UnmarshalText([]byte(v)) == nil {
			return l.Category(c)
		}
	case "when":
		if sp, err := model.ParseDateSpan(v); err == nil {
			return l.Span(sp, model.PrecisionDerived)
		}
	case "time":
		if t, err := model.ParseTimeSpan(v); err == nil {
			return l.Time(t), nil
		}
	case "places", "scope":
		var names []string
		for _, id := range strings.Split(v, ", ") {
			name := id
			if p := b.places.byID[model.PlaceID(id)]; p != nil {
				n, err := l.PlaceName(p)
				if err != nil {
					return "", err
				}
				name = n
			}
			names = append(names, name)
		}
		return strings.Join(names, ", "), nil
	default:
		if d, err := model.ParseDate(v); err == nil {
			return l.DateLong(d), nil
		}
	}
	return v, nil
}

// changeWhere names where a statement is: its day for an entry, its part
// of the briefing otherwise.
func (b *builder) changeWhere(l *locales.Locale, ch *Change, skipPart bool) (string, error) {
	if ch.Entry != nil && !ch.Day.IsZero() {
		return l.Span(ch.Day, model.PrecisionDerived)
	}
	if skipPart {
		return "", nil
	}
	part := ch.New
	if part == "" {
		part = ch.Old
	}
	return b.partName(l, part, ch)
}

// partName names a part of a dossier as Change.Old and New write it: a
// day of the chronology, "background", "notes" or "sections/<id>".
func (b *builder) partName(l *locales.Locale, part string, ch *Change) (string, error) {
	switch {
	case part == "background":
		return l.Message(locales.BackgroundHeading, nil)
	case part == "notes":
		return l.Message(locales.NotesHeading, nil)
	case strings.HasPrefix(part, "sections/"):
		id := strings.TrimPrefix(part, "sections/")
		if s := findSection(b.d.Sections, id); s != nil {
			return l.Text(s.Title)
		}
		return id, nil
	}
	span, err := model.ParseDateSpan(part)
	if err != nil {
		return part, nil
	}
	return l.Span(span, model.PrecisionDerived)
}

func findSection(ss []model.Section, id string) *model.Section {
	for i := range ss {
		if ss[i].ID == id {
			return &ss[i]
		}
		if s := findSection(ss[i].Sections, id); s != nil {
			return s
		}
	}
	return nil
}

// citedText is a source as a footnote cites it: "Le Monde, 07/01/2022".
func (b *builder) citedText(l *locales.Locale, ch *Change) (string, error) {
	s := ch.Cited
	if s == nil {
		return string(ch.Source), nil
	}
	return s.Outlet + ", " + l.DateShort(s.Published), nil
}

func (b *builder) changedFigure(it *ChangeItem, ch *Change, keyFigures string) bool {
	f := ch.Figure
	if f == nil || b.omits(PartFigures) {
		return false
	}
	var scope []model.PlaceID
	if f.Scope != "" {
		scope = []model.PlaceID{f.Scope}
	}
	if !b.match.place(scope, b.d.Country) {
		return false
	}
	if ch.Kind != ChangeFigureRemoved {
		it.Anchor = keyFigures
	}
	it.Subject = b.each("changes", func(l *locales.Locale) (string, error) {
		metric, err := l.Metric(f.Metric)
		if err != nil {
			return "", err
		}
		if f.Party != model.PartyAll {
			party, err := l.Party(f.Party)
			if err != nil {
				return "", err
			}
			metric += " (" + party + ")"
		}
		claimant, err := l.Text(f.Claimant.Name)
		if err != nil {
			return "", err
		}
		return metric + ", " + claimant + ", " + l.DateLong(f.AsOf), nil
	})
	value := func(l *locales.Locale, g *model.Figure) (string, error) {
		s, err := l.Figure(g.Qualifier, g.Value, g.Low, g.High)
		if err != nil {
			return "", err
		}
		if g.Unit != "" {
			s += " " + g.Unit
		}
		return s, nil
	}
	switch ch.Kind {
	case ChangeFigureAdded:
		it.New = b.each("changes", func(l *locales.Locale) (string, error) { return value(l, f) })
	case ChangeFigureRemoved, ChangeFigureRetracted:
		it.Old = b.each("changes", func(l *locales.Locale) (string, error) { return value(l, f) })
	case ChangeFigureSuperseded:
		old := *f
		if parseFigureValue(&old, ch.Old) {
			it.Old = b.each("changes", func(l *locales.Locale) (string, error) { return value(l, &old) })
		}
		it.New = b.each("changes", func(*locales.Locale) (string, error) { return ch.New, nil })
		if by := b.figureByID(f.SupersededBy); by != nil {
			it.New = b.each("changes", func(l *locales.Locale) (string, error) { return value(l, by) })
		}
	case ChangeFigureRevised:
		if ch.Field == "value" {
			old := *f
			if parseFigureValue(&old, ch.Old) {
				it.Old = b.each("changes", func(l *locales.Locale) (string, error) { return value(l, &old) })
			} else {
				it.Old = b.each("changes", func(*locales.Locale) (string, error) { return ch.Old, nil })
			}
			it.New = b.each("changes", func(l *locales.Locale) (string, error) { return value(l, f) })
		} else if ch.Words != nil {
			b.rewordings(it, ch)
		} else {
			format := func(s string) func(l *locales.Locale) (string, error) {
				return func(l *locales.Locale) (string, error) {
					if ch.Field == "status" {
						if st, ok := statusOf(s); ok {
							return l.Status(st)
						}
					}
					if ch.Field == "asOf" && s == "" {
						return "", nil
					}
					return b.fieldValue(l, ch.Field, s)
				}
			}
			it.Old, it.New = b.each("changes", format(ch.Old)), b.each("changes", format(ch.New))
		}
	case ChangeCitationAdded, ChangeCitationRemoved:
		v := b.each("changes", func(l *locales.Locale) (string, error) { return b.citedText(l, ch) })
		if ch.Kind == ChangeCitationAdded {
			it.New = v
		} else {
			it.Old = v
		}
	}
	return true
}

func statusOf(s string) (model.FigureStatus, bool) {
	for _, st := range model.FigureStatuses() {
		if st.String() == s {
			return st, true
		}
	}
	return 0, false
}

// parseFigureValue sets f's value from FigureValue's form for its
// qualifier, and reports whether it could.
func parseFigureValue(f *model.Figure, s string) bool {
	if f.Unit != "" {
		s = strings.TrimSuffix(s, " "+f.Unit)
	}
	if f.Qualifier == model.Range {
		lo, hi, ok := strings.Cut(s, "-")
		l, err1 := strconv.ParseFloat(lo, 64)
		h, err2 := strconv.ParseFloat(hi, 64)
		if !ok || err1 != nil || err2 != nil {
			return false
		}
		f.Low, f.High = l, h
		return true
	}
	if f.Qualifier != model.Exact {
		s = strings.TrimSpace(strings.TrimPrefix(s, f.Qualifier.String()))
		if s == "" {
			f.Value = 0
			return true
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return false
	}
	f.Value = v
	return true
}

func (b *builder) figureByID(id model.FigureID) *model.Figure {
	if id == "" {
		return nil
	}
	for i := range b.opt.Changes.List {
		ch := &b.opt.Changes.List[i]
		if ch.Figure != nil && ch.Figure.ID == id {
			return ch.Figure
		}
	}
	return nil
}

// changedErratum describes an erratum added or removed; a filtered
// briefing leaves them out, as it may leave out what they concern.
func (b *builder) changedErratum(it *ChangeItem, ch *Change) bool {
	if !b.doc.Filter.IsZero() || b.omits(PartErrata) {
		return false
	}
	it.Subject = b.each("changes", func(*locales.Locale) (string, error) {
		if ch.Field != "" {
			return ch.Ref.String() + " (" + ch.Field + ")", nil
		}
		return ch.Ref.String(), nil
	})
	it.Old = b.each("changes", func(*locales.Locale) (string, error) { return ch.Old, nil })
	it.New = b.each("changes", func(*locales.Locale) (string, error) { return ch.New, nil })
	return true
}

func (b *builder) changedSource(it *ChangeItem, ch *Change, bibliography map[model.SourceID]string) bool {
	anchor, cited := bibliography[model.SourceID(ch.Ref.ID)]
	if !b.doc.Filter.IsZero() && !cited {
		return false
	}
	it.Anchor = anchor
	it.Subject = b.each("changes", func(l *locales.Locale) (string, error) {
		if ch.Cited == nil {
			return ch.Ref.ID, nil
		}
		title := ch.Cited.Title
		return ch.Cited.Outlet + ", " + l.DateShort(ch.Cited.Published) + ": " + firstWords(title, 12), nil
	})
	if ch.Kind != ChangeSourceEdited {
		return true
	}
	if ch.Words == nil {
		it.Old = b.each("changes", func(l *locales.Locale) (string, error) { return b.fieldValue(l, ch.Field, ch.Old) })
		it.New = b.each("changes", func(l *locales.Locale) (string, error) { return b.fieldValue(l, ch.Field, ch.New) })
		return true
	}
	b.rewordings(it, ch)
	if ch.Field == "title" && len(ch.Words) == 1 {
		// A title is in its own language, shown the same in every one.
		for i := range it.Words {
			it.Words[i] = ch.Words[0].Diff
		}
	}
	return true
}

func (b *builder) changedPlace(it *ChangeItem, ch *Change) bool {
	id := model.PlaceID(ch.Ref.ID)
	shown := b.doc.Place(id) != nil
	if !b.doc.Filter.IsZero() && !shown {
		return false
	}
	it.Subject = b.each("changes", func(l *locales.Locale) (string, error) {
		if p := b.places.byID[id]; p != nil {
			return l.PlaceName(p)
		}
		return string(id), nil
	})
	return true
}

// metadataFields are the labels of the metadata fields Compare reports.
var metadataFields = map[string]locales.ID{
	"method.version":          locales.FieldVersion,
	"published":               locales.FieldPublished,
	"updated":                 locales.FieldUpdated,
	"method.cutOff":           locales.FieldCutOff,
	"method.sourcesConsulted": locales.FieldSourcesConsulted,
	"period":                  locales.FieldPeriod,
}

func (b *builder) changedDossier(it *ChangeItem, ch *Change) {
	if ch.Kind == ChangeVersionAdded {
		it.Subject = b.each("changes", func(l *locales.Locale) (string, error) {
			if v, ok := b.d.VersionAt(ch.New); ok {
				return l.Message(locales.ChangesVersion, map[string]any{"Version": v.Version, "Date": l.DateLong(v.Date)})
			}
			return ch.New, nil
		})
		return
	}
	id, ok := metadataFields[ch.Field]
	it.Subject = b.each("changes", func(l *locales.Locale) (string, error) {
		if !ok {
			return ch.Field, nil
		}
		return l.Message(id, nil)
	})
	format := func(s string) func(l *locales.Locale) (string, error) {
		return func(l *locales.Locale) (string, error) {
			if d, err := model.ParseDate(s); err == nil {
				return l.DateLong(d), nil
			}
			if sp, err := model.ParseDateSpan(s); err == nil && s != "" {
				return l.Span(sp, model.PrecisionSpan)
			}
			return s, nil
		}
	}
	it.Old, it.New = b.each("changes", format(ch.Old)), b.each("changes", format(ch.New))
}

// firstWords returns the first n words of s, with "…" when it cuts.
func firstWords(s string, n int) string {
	fields := strings.Fields(s)
	if len(fields) <= n {
		return strings.Join(fields, " ")
	}
	out := strings.Join(fields[:n], " ")
	out = strings.TrimRightFunc(out, func(r rune) bool { return r == ',' || r == ';' || r == ':' || r == utf8.RuneError })
	return out + " …"
}
