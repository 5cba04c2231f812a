package report

import (
	"fmt"
	"slices"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

// Dossier returns the briefing as data: a dossier holding what the
// briefing holds and nothing else, so that building it again without a
// filter, in the same languages and leaving out the same parts, gives the
// same briefing (but for the lines describing the filter). It is what a
// focused briefing hands on to other programs, loadable again with
// model.Decode, and it passes model.Validate without errors.
//
// It keeps, in the dossier's order:
//
//   - the statements the briefing prints — background, chronology entries
//     (under their days), thematic paragraphs (in their sections), notes —
//     and drops the days and sections left empty;
//   - the sources they and the kept figures cite, and an outlet's other
//     items of the same day, so that labels such as "[2]" stay the same
//     (these are uncited in the result, which Validate warns about);
//   - the figures the briefing keeps (not the derived totals, which
//     building again computes); a figure's supersededBy or partOf naming
//     a figure left out is cleared, and so is a statement's reference to
//     one;
//   - the places the briefing lists, and those the kept statements,
//     figures and errata name, with the regions they lie in (a briefing
//     built again lists these too in its gazetteer, with no entries);
//   - the errata the briefing prints, and every metadata field as is.
//
// Texts stay in every language of the dossier; the briefing's languages
// come first in Languages, so that a single-language briefing is built
// again by report.Build with no options. A dossier has one Focus, which
// decides both the region its map highlights and the place whose key
// figures come first: a dossier's focus with an outline is kept (the map
// is the same; a briefing focused elsewhere may then pick other key
// figures), else a briefing focused on one place makes it the focus. An
// update briefing's changes (Options.Changes) are not data of the
// dossier. The result shares texts (maps) and the outline of places
// with the dossier it was built from: change neither.
//
// A Document not made by Build, and a dossier whose figure file changed
// since, are errors.
func (d *Document) Dossier() (*model.Dossier, error) {
	src := d.source()
	if src == nil {
		return nil, fmt.Errorf("report: %w: a document not made by Build has no dossier", ErrDocument)
	}
	x := &extract{doc: d, src: src, statements: map[model.StatementID]bool{},
		figures: map[model.FigureID]bool{}, places: map[model.PlaceID]bool{}, sources: map[model.SourceID]bool{}}
	if err := x.keptFigures(); err != nil {
		return nil, err
	}
	for _, fn := range d.Footnotes {
		x.statements[fn.Statement] = true
	}
	_ = Walk(d, func(n Node, entering bool) (WalkStatus, error) {
		if p, ok := n.(*Paragraph); ok && entering {
			x.statements[p.Statement] = true
		}
		return WalkContinue, nil
	})
	out := &model.Dossier{
		Format: model.Format, ID: src.ID, Country: src.Country,
		Languages: languages(d.Languages, src.Languages),
		Title:     src.Title, ShortTitle: src.ShortTitle, Summary: src.Summary, Period: src.Period,
		Published: src.Published, Updated: src.Updated, Issuer: src.Issuer, Disclaimer: src.Disclaimer,
		Method: src.Method, MapTitle: src.MapTitle, History: src.History,
	}
	out.Focus = x.focus()
	out.Background = x.statementList(src.Background)
	for i := range src.Chronology {
		day := &src.Chronology[i]
		var entries []model.Entry
		for j := range day.Entries {
			if e := day.Entries[j]; x.statements[e.ID] {
				e.Statement = x.statement(e.Statement)
				x.usePlace(e.Group)
				entries = append(entries, e)
			}
		}
		if len(entries) > 0 {
			out.Chronology = append(out.Chronology, model.Day{When: day.When, Precision: day.Precision, Title: day.Title, Entries: entries})
		}
	}
	out.Sections = x.sections(src.Sections)
	out.Notes = x.statementList(src.Notes)
	out.Figures = x.figureList
	for _, it := range d.Sources {
		x.sources[it.ID] = true
	}
	out.Sources = x.sourceList()
	out.Errata = x.errata()
	for _, p := range d.Places {
		x.usePlace(p.ID)
	}
	x.usePlace(src.Country)
	x.usePlace(out.Focus)
	out.Places = x.placeList()
	// The codec writes nil as null, which a required array may not be.
	if out.Chronology == nil {
		out.Chronology = []model.Day{}
	}
	if out.Sources == nil {
		out.Sources = []model.Source{}
	}
	if out.Places == nil {
		out.Places = []model.Place{}
	}
	return out, nil
}

// focus returns the focus of the dossier of the briefing. The map of a
// briefing focused on places still highlights the dossier's focus, when
// it has an outline, while its key figures are those of the filter's
// places: the dossier keeps a focus with an outline, else takes the
// filter's place when there is one and it has none.
func (x *extract) focus() model.PlaceID {
	f := x.src.Focus
	if p := x.doc.Figures.set.b.places.byID[f]; p != nil && !p.Outline.IsZero() && f != x.src.Country {
		return f
	}
	if ps := x.doc.Filter.Places; len(ps) == 1 {
		// A country other than the dossier's cannot be its focus.
		if p := x.doc.Figures.set.b.places.byID[ps[0]]; p != nil && (p.Outline.IsZero() || p.ID == x.src.Country) &&
			(p.Kind != model.PlaceCountry || p.ID == x.src.Country) {
			return ps[0]
		}
	}
	if len(x.doc.Filter.Places) == 0 {
		return f
	}
	return ""
}

// source returns the dossier d was built from, or nil.
func (d *Document) source() *model.Dossier {
	if d == nil || d.Figures == nil || d.Figures.set == nil || d.Figures.set.b == nil {
		return nil
	}
	return d.Figures.set.b.d
}

// languages returns the briefing's languages, then the dossier's others.
func languages(brief, all []language.Tag) []language.Tag {
	out := slices.Clone(brief)
	for _, t := range all {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// extract is the state of one Dossier call.
type extract struct {
	doc        *Document
	src        *model.Dossier
	statements map[model.StatementID]bool
	figures    map[model.FigureID]bool
	figureList []model.Figure
	places     map[model.PlaceID]bool
	sources    map[model.SourceID]bool
}

// keptFigures reads the figures the briefing keeps from the dossier.
func (x *extract) keptFigures() error {
	s := x.doc.Figures.set
	k := 0
	err := x.src.EachFigure(func(i int, f *model.Figure) error {
		if k >= s.kept || s.dossierIndex(FigureRef(k)) != i {
			return nil
		}
		k++
		x.figures[f.ID] = true
		x.figureList = append(x.figureList, *f)
		return nil
	})
	if err != nil {
		return fmt.Errorf("report: reading figures: %w", err)
	}
	if k != s.kept {
		return fmt.Errorf("report: %w: the dossier has %d of the %d figures the briefing keeps", ErrDocument, k, s.kept)
	}
	for i := range x.figureList {
		f := &x.figureList[i]
		if f.SupersededBy != "" && !x.figures[f.SupersededBy] {
			f.SupersededBy = ""
		}
		if f.PartOf != "" && !x.figures[f.PartOf] {
			f.PartOf = ""
		}
		f.Sources = slices.Clone(f.Sources)
		for _, id := range f.Sources {
			x.sources[id] = true
		}
		x.usePlace(f.Scope)
	}
	return nil
}

// statement returns s with its references to figures left out dropped,
// noting the places it names.
func (x *extract) statement(s model.Statement) model.Statement {
	if len(s.Figures) > 0 {
		s.Figures = slices.DeleteFunc(slices.Clone(s.Figures), func(id model.FigureID) bool { return !x.figures[id] })
		if len(s.Figures) == 0 {
			s.Figures = nil
		}
	}
	for _, id := range s.Places {
		x.usePlace(id)
	}
	return s
}

func (x *extract) statementList(ss []model.Statement) []model.Statement {
	var out []model.Statement
	for _, s := range ss {
		if x.statements[s.ID] {
			out = append(out, x.statement(s))
		}
	}
	return out
}

func (x *extract) sections(ss []model.Section) []model.Section {
	var out []model.Section
	for _, s := range ss {
		s.Paragraphs = x.statementList(s.Paragraphs)
		s.Sections = x.sections(s.Sections)
		if len(s.Paragraphs) > 0 || len(s.Sections) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// usePlace keeps place id and the regions it lies in.
func (x *extract) usePlace(id model.PlaceID) {
	if id == "" || x.places[id] {
		return
	}
	x.places[id] = true
	for _, a := range x.doc.Figures.set.b.places.ancestors(id) {
		x.places[a] = true
	}
}

func (x *extract) placeList() []model.Place {
	var out []model.Place
	for _, p := range x.src.Places {
		if x.places[p.ID] {
			out = append(out, p)
		}
	}
	return out
}

// sourceList returns the kept sources and, so that their labels stay the
// same, the outlet's other items of their days.
func (x *extract) sourceList() []model.Source {
	type key struct {
		outlet string
		day    model.Date
	}
	days := map[key]bool{}
	for _, s := range x.src.Sources {
		if x.sources[s.ID] {
			days[key{s.Outlet, s.Published}] = true
		}
	}
	var out []model.Source
	for _, s := range x.src.Sources {
		if days[key{s.Outlet, s.Published}] {
			out = append(out, s)
		}
	}
	return out
}

// errata returns the dossier's errata the briefing prints, which are in
// the same order.
func (x *extract) errata() []model.Erratum {
	var out []model.Erratum
	kept := x.doc.Errata
	for _, e := range x.src.Errata {
		if len(kept) == 0 {
			break
		}
		if k := kept[0]; k.Ref == e.Ref && k.Field == e.Field && k.Printed == e.Printed && k.Recorded == e.Recorded {
			out = append(out, e)
			kept = kept[1:]
			if e.Ref.Kind == model.RefPlace {
				x.usePlace(model.PlaceID(e.Ref.ID))
			}
		}
	}
	return out
}
