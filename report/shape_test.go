package report_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

func sectionKinds(doc *report.Document) []report.SectionKind {
	var out []report.SectionKind
	for _, s := range doc.Sections {
		out = append(out, s.Kind)
	}
	return out
}

// TestOmit checks that each part Options.Omit names is left out, and
// only it.
func TestOmit(t *testing.T) {
	d := dossier(t)
	full := build(t, d, report.Options{Languages: []language.Tag{fr}})
	kinds := map[report.Part]report.SectionKind{
		report.PartBackground:   report.SectionBackground,
		report.PartSections:     report.SectionThematic,
		report.PartFigures:      report.SectionKeyFigures,
		report.PartMap:          report.SectionMap,
		report.PartBibliography: report.SectionBibliography,
		report.PartErrata:       report.SectionErrata,
	}
	for part, kind := range kinds {
		if !slices.Contains(sectionKinds(full), kind) {
			t.Fatalf("the full briefing has no %v section", kind)
		}
		doc := build(t, d, report.Options{Languages: []language.Tag{fr}, Omit: []report.Part{part}})
		got := sectionKinds(doc)
		if slices.Contains(got, kind) {
			t.Errorf("omit %v: the briefing still has a %v section", part, kind)
		}
		if len(got) >= len(sectionKinds(full)) {
			t.Errorf("omit %v: sections %v; want fewer than %v", part, got, sectionKinds(full))
		}
		for _, c := range doc.Contents {
			if strings.Contains(c.Anchor, part.String()) && part != report.PartSections {
				t.Errorf("omit %v: contents still lists %q", part, c.Anchor)
			}
		}
		if err := doc.Check(); err != nil {
			t.Errorf("omit %v: %v", part, err)
		}
	}
	doc := build(t, d, report.Options{Languages: []language.Tag{fr}, Omit: report.Parts()})
	if got := sectionKinds(doc); !slices.Equal(got, []report.SectionKind{report.SectionChronology}) {
		t.Errorf("omit every part: sections %v; want the chronology alone", got)
	}
	if doc.Map != nil || doc.Figures.Count != 0 || len(doc.Errata) != 0 {
		t.Errorf("omit every part: map %v, %d figures, %d errata; want none", doc.Map, doc.Figures.Count, len(doc.Errata))
	}
	if len(doc.Footnotes) == 0 {
		t.Error("omit every part: no footnotes; the chronology's footnotes stay")
	}
	if _, err := report.Build(d, report.Options{Omit: []report.Part{0}}); err == nil {
		t.Error("Omit of part 0: no error")
	}
	for _, p := range report.Parts() {
		if q, err := report.ParsePart(strings.ToUpper(p.String())); err != nil || q != p {
			t.Errorf("ParsePart(%q) = %v, %v", p.String(), q, err)
		}
	}
	if _, err := report.ParsePart("maps"); err == nil || err.Error() != `report: invalid options: unknown part "maps" (want one of background, sections, notes, figures, map, bibliography, errata)` {
		t.Errorf("ParsePart(maps): %v", err)
	}
}

// TestFocusedParagraphs checks that a briefing focused on dates or places
// keeps the paragraphs of thematic sections that name none (context) and
// those that match, drops the others, and drops a section left empty.
func TestFocusedParagraphs(t *testing.T) {
	d := dossier(t)
	src := d.Sources[0].ID
	para := func(id, text string, when string, places ...model.PlaceID) model.Statement {
		s := model.Statement{ID: model.StatementID(id), Text: model.T(fr, text, en, text), Sources: []model.SourceID{src}, Places: places}
		if when != "" {
			s.When = date(when).Span()
		}
		return s
	}
	d.Sections = append(d.Sections,
		model.Section{ID: "test-mixed", Title: model.T(fr, "Mixte", en, "Mixed"), Paragraphs: []model.Statement{
			para("t-context", "Context", ""),
			para("t-almaty-5", "Almaty on the 5th", "2022-01-05", "almaty"),
			para("t-aktau-2", "Aktau on the 2nd", "2022-01-02", "aktau"),
			para("t-almaty-10", "Almaty on the 10th", "2022-01-10", "almaty"),
		}},
		model.Section{ID: "test-aktau", Title: model.T(fr, "Aktaou", en, "Aktau"), Paragraphs: []model.Statement{
			para("t-aktau-only", "Aktau only", "", "aktau"),
		}},
	)
	if issues := model.Validate(d).Errors(); len(issues) > 0 {
		t.Fatal(issues)
	}
	ids := func(doc *report.Document) []string {
		var out []string
		report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
			if p, ok := n.(*report.Paragraph); ok && entering && strings.HasPrefix(string(p.Statement), "t-") {
				out = append(out, string(p.Statement))
			}
			return report.WalkContinue, nil
		})
		return out
	}
	for _, c := range []struct {
		filter report.Filter
		want   []string
	}{
		{report.Filter{}, []string{"t-context", "t-almaty-5", "t-aktau-2", "t-almaty-10", "t-aktau-only"}},
		{almaty(), []string{"t-context", "t-almaty-5"}},
		{report.Filter{From: date("2022-01-08")}, []string{"t-context", "t-almaty-10", "t-aktau-only"}},
		{report.Filter{Places: []model.PlaceID{"aktau"}}, []string{"t-context", "t-aktau-2", "t-aktau-only"}},
	} {
		doc := build(t, d, report.Options{Languages: []language.Tag{fr, en}, Filter: c.filter})
		if got := ids(doc); !slices.Equal(got, c.want) {
			t.Errorf("filter %+v: paragraphs %v; want %v", c.filter, got, c.want)
		}
		hasAktau := false
		for _, s := range doc.Sections {
			hasAktau = hasAktau || s.Title[0] == "Aktaou"
		}
		if want := slices.Contains(c.want, "t-aktau-only"); hasAktau != want {
			t.Errorf("filter %+v: section Aktaou there: %v; want %v", c.filter, hasAktau, want)
		}
	}
}

// TestKeyFiguresScoped checks that key figures are those of the filter's
// place, or of the dossier's focus, when there are some, and national
// ones otherwise; and that the national contested tolls stay.
func TestKeyFiguresScoped(t *testing.T) {
	d := dossier(t)
	labels := func(doc *report.Document) []string {
		var out []string
		for _, k := range doc.Figures.Key {
			out = append(out, k.Label[0])
		}
		return out
	}
	national := build(t, d, report.Options{Languages: []language.Tag{en}})
	for _, k := range national.Figures.Key {
		if k.Scope != "" {
			t.Errorf("full briefing: key figure %q scoped to %q; want national", k.Label[0], k.Scope)
		}
	}
	focused := build(t, d, report.Options{Languages: []language.Tag{en}, Filter: report.Filter{Places: []model.PlaceID{"almaty"}}})
	d.Focus = "almaty"
	withFocus := build(t, d, report.Options{Languages: []language.Tag{en}})
	for name, doc := range map[string]*report.Document{"filter": focused, "focus": withFocus} {
		got := labels(doc)
		if !slices.Contains(got, "Killed (Almaty)") {
			t.Errorf("%s: key figures %q; want Killed (Almaty) among them", name, got)
		}
		if len(doc.Figures.Key) == 0 {
			t.Errorf("%s: no key figure", name)
		}
		contested := false
		for _, c := range doc.Figures.Contested {
			contested = contested || c.Label[0] == "Killed" && c.Min == 227 && c.Max == 244
		}
		if !contested {
			t.Errorf("%s: the national tolls 227 and 244 are no longer contested", name)
		}
	}
	// A place with no figure of its own falls back to its region's, then
	// national ones: never an empty table.
	doc := build(t, d, report.Options{Languages: []language.Tag{en}, Filter: report.Filter{Places: []model.PlaceID{"aktau"}}})
	if len(doc.Figures.Key) == 0 {
		t.Error("Aktau briefing: no key figure")
	}
}

// TestValidateLanguages checks that a dossier language with no catalog is
// an error when the briefing is in it, a warning otherwise, and that
// Build then fails as Validate said.
func TestValidateLanguages(t *testing.T) {
	d := dossier(t)
	if issues := report.Validate(d, report.Options{}); len(issues) > 0 {
		t.Fatalf("Kazakhstan: %v", issues.Err())
	}
	// qaa is a private-use tag: no catalog will ever exist for it.
	qaa := language.MustParse("qaa")
	d.Languages = append(d.Languages, qaa)
	err := model.EachString(d, func(string, string) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	issues := report.Validate(d, report.Options{Languages: []language.Tag{fr, qaa}})
	if len(issues) != 1 {
		t.Fatalf("got %d issues; want 1: %v", len(issues), issues)
	}
	last := issues[0]
	var have []string
	for _, t := range locales.Languages() {
		have = append(have, t.String())
	}
	want := `error: languages[2]: unsupported language: qaa (qaa) has no catalog of the briefing's words; catalogs exist for ` +
		strings.Join(have, ", ") + `: brief in fr+en (the briefing program's -lang), or add a catalog as package locales explains`
	if last.Error() != want {
		t.Errorf("got %s\nwant %s", last.Error(), want)
	}
	issues = report.Validate(d, report.Options{Languages: []language.Tag{fr, en}})
	last = issues[0]
	if last.Severity != model.SeverityWarning || last.Path != "languages[2]" {
		t.Errorf("briefing in fr+en: got %v; want a warning at languages[2]", last)
	}
	if _, err := report.Build(d, report.Options{Languages: []language.Tag{fr, qaa}}); err == nil {
		t.Error("Build in qaa: no error")
	}
}

// TestFindPlaceKeyboards checks that names typed on any keyboard find
// places written with apostrophe letters, dotless i and diacritics.
func TestFindPlaceKeyboards(t *testing.T) {
	d := &model.Dossier{Places: []model.Place{
		{ID: "uz", Kind: model.PlaceCountry, Name: model.T(en, "Uzbekistan")},
		{ID: "qongirot", Kind: model.PlaceCity, Name: model.T(en, "Qoʻngʻirot"), Region: "uz"},
		{ID: "xojayli", Kind: model.PlaceCity, Name: model.T(en, "Xoʻjayli"), Region: "uz"},
		{ID: "shimbay", Kind: model.PlaceCity, Name: model.T(en, "Shımbay"), Region: "uz"},
		{ID: "istanbul", Kind: model.PlaceCity, Name: model.T(en, "İstanbul")},
		{ID: "nukus", Kind: model.PlaceCity, Name: model.T(en, "Nukus"), Aliases: []string{"Nókis"}, Region: "uz"},
	}}
	for name, want := range map[string]model.PlaceID{
		"Qo'ng'irot": "qongirot", "Qongirot": "qongirot", "QO‘NG‘IROT": "qongirot", "Qoʼngʼirot": "qongirot",
		"Xo'jayli": "xojayli", "xojayli": "xojayli",
		"Shimbay": "shimbay", "SHIMBAY": "shimbay", "Shımbay": "shimbay",
		"istanbul": "istanbul", "ISTANBUL": "istanbul",
		"Nokis": "nukus",
	} {
		got, err := report.FindPlace(d, name)
		if err != nil || got != want {
			t.Errorf("FindPlace(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
}
