package report_test

import (
	"bytes"
	"errors"
	"flag"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden dumps in testdata")

var (
	fr, en = language.French, language.English
)

func dossier(t testing.TB) *model.Dossier {
	t.Helper()
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func date(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func build(t testing.TB, d *model.Dossier, opt report.Options) *report.Document {
	t.Helper()
	doc, err := report.Build(d, opt)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func almaty() report.Filter {
	return report.Filter{Places: []model.PlaceID{"almaty"}, From: date("2022-01-04"), To: date("2022-01-07")}
}

func golden(t *testing.T, name string, doc *report.Document) {
	t.Helper()
	var buf bytes.Buffer
	if err := doc.Dump(&buf); err != nil {
		t.Fatal(err)
	}
	path := "testdata/" + name + ".golden"
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		got, wantLines := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(got) || i < len(wantLines); i++ {
			var g, w string
			if i < len(got) {
				g = got[i]
			}
			if i < len(wantLines) {
				w = wantLines[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", path, i+1, g, w)
			}
		}
	}
}

func TestGolden(t *testing.T) {
	d := dossier(t)
	golden(t, "kazakhstan-fr-en", build(t, d, report.Options{Languages: []language.Tag{fr, en}}))
	golden(t, "kazakhstan-en", build(t, d, report.Options{Languages: []language.Tag{en}}))
	golden(t, "almaty-4-7-fr", build(t, d, report.Options{Languages: []language.Tag{fr}, Filter: almaty()}))
}

// citedStatements lists the dossier's statements that cite sources, in
// reading order.
func citedStatements(d *model.Dossier) []model.StatementID {
	var out []model.StatementID
	add := func(s *model.Statement) {
		if len(s.Sources) > 0 {
			out = append(out, s.ID)
		}
	}
	for i := range d.Background {
		add(&d.Background[i])
	}
	for i := range d.Chronology {
		for j := range d.Chronology[i].Entries {
			add(&d.Chronology[i].Entries[j].Statement)
		}
	}
	for i := range d.Sections {
		for j := range d.Sections[i].Paragraphs {
			add(&d.Sections[i].Paragraphs[j])
		}
	}
	return out
}

func TestFullBriefing(t *testing.T) {
	d := dossier(t)
	doc := build(t, d, report.Options{Languages: []language.Tag{fr, en}})
	want := citedStatements(d)
	// The note's 139 footnotes, then one for the dossier's own note on the
	// secondary summary.
	if len(want) != 139 || len(doc.Footnotes) != 140 || doc.Footnotes[139].Statement != "note-2" {
		t.Fatalf("got %d footnotes for %d cited statements; want 139 and the note on the secondary summary", len(doc.Footnotes), len(want))
	}
	for i, fn := range doc.Footnotes[:139] {
		if fn.Number != i+1 || fn.Statement != want[i] {
			t.Errorf("footnote %d: number %d, statement %s; want %d, %s", i+1, fn.Number, fn.Statement, i+1, want[i])
		}
	}
	var days []string
	for _, s := range doc.Sections {
		for _, sub := range s.Sections {
			if sub.Kind == report.SectionDay {
				days = append(days, sub.Title[0])
			}
		}
	}
	wantDays := []string{"samedi 1er janvier 2022", "dimanche 2 janvier 2022", "lundi 3 janvier 2022", "mardi 4 janvier 2022",
		"mercredi 5 janvier 2022", "jeudi 6 janvier 2022", "vendredi 7 janvier 2022", "samedi 8 janvier 2022",
		"dimanche 9 janvier 2022", "depuis le lundi 10 janvier 2022"}
	if !slices.Equal(days, wantDays) {
		t.Errorf("days:\n got %q\nwant %q", days, wantDays)
	}
	// The footnote of the first statement cites the French foreign ministry first.
	if got := doc.Footnotes[0].Citations[0].Text; got[0] != "France, ministère de l'Europe et des Affaires étrangères, 14/01/2022" ||
		got[1] != "France, ministère de l'Europe et des Affaires étrangères, 14 Jan 2022" {
		t.Errorf("first citation %q", got)
	}
}

func TestAlmatyBriefing(t *testing.T) {
	d := dossier(t)
	doc := build(t, d, report.Options{Languages: []language.Tag{fr, en}, Filter: almaty()})
	if len(doc.Filters) != 2 || doc.Filters[0][0] != "Lieu\u00a0: Almaty" || doc.Filters[1][1] != "Dates: from 4 to 7 January 2022" {
		t.Errorf("filters %q", doc.Filters)
	}
	within := map[model.PlaceID]bool{"almaty": true, "kz": true}
	for _, p := range d.Places {
		if p.Region == "almaty" {
			within[p.ID] = true
		}
	}
	var entries int
	var almatyOnly int
	err := report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
		p, ok := n.(*report.Paragraph)
		if !ok || !entering || p.Entry == nil {
			return report.WalkContinue, nil
		}
		entries++
		if p.Entry.When.Start.After(date("2022-01-07")) || (!p.Entry.When.Open && p.Entry.When.End.Before(date("2022-01-04"))) {
			t.Errorf("entry %s dated %s is outside 4–7 January", p.Statement, p.Entry.When)
		}
		hit := len(p.Entry.Places) == 0
		for _, id := range p.Entry.Places {
			hit = hit || within[id]
		}
		if !hit {
			t.Errorf("entry %s at %v is neither in Almaty nor national", p.Statement, p.Entry.Places)
		}
		if slices.Contains(p.Entry.Places, "almaty") {
			almatyOnly++
		}
		return report.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if almatyOnly < 20 || entries >= 104 {
		t.Errorf("%d entries kept, %d of them in Almaty: the filter keeps too much or too little", entries, almatyOnly)
	}
	for i, fn := range doc.Footnotes {
		if fn.Number != i+1 {
			t.Fatalf("footnote %d is numbered %d", i+1, fn.Number)
		}
	}
	checkSources(t, doc)
}

// checkSources checks that the bibliography lists exactly the sources the
// briefing cites, in footnotes or figures.
func checkSources(t *testing.T, doc *report.Document) {
	t.Helper()
	cited := map[model.SourceID]bool{}
	for _, fn := range doc.Footnotes {
		for _, c := range fn.Citations {
			cited[c.Source.ID] = true
		}
	}
	if doc.Figures != nil {
		err := doc.Figures.Each(func(f *report.FigureItem) error {
			for _, s := range f.Sources {
				cited[s.ID] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	listed := map[model.SourceID]bool{}
	for _, g := range doc.Bibliography {
		for _, it := range g.Items {
			if listed[it.ID] {
				t.Errorf("source %s listed twice", it.ID)
			}
			listed[it.ID] = true
			if !cited[it.ID] {
				t.Errorf("source %s is listed but not cited", it.ID)
			}
		}
	}
	for id := range cited {
		if !listed[id] {
			t.Errorf("source %s is cited but not listed", id)
		}
	}
}

// TestFilterProperties builds briefings for random filters and checks that
// no entry falls outside the asked places or dates, that footnotes run
// from 1, and that the bibliography is exactly what is cited.
func TestFilterProperties(t *testing.T) {
	d := dossier(t)
	rng := rand.New(rand.NewPCG(1, 2))
	parent := map[model.PlaceID]model.PlaceID{}
	for _, p := range d.Places {
		parent[p.ID] = p.Region
	}
	related := func(a, b model.PlaceID) bool { // a within b, or b within a
		for x := a; x != ""; x = parent[x] {
			if x == b {
				return true
			}
		}
		for x := b; x != ""; x = parent[x] {
			if x == a {
				return true
			}
		}
		return false
	}
	kinds := model.EventKinds()
	for i := range 60 {
		var f report.Filter
		if rng.IntN(3) > 0 {
			f.Places = []model.PlaceID{d.Places[rng.IntN(len(d.Places))].ID}
		}
		if rng.IntN(2) == 0 {
			f.From = date("2022-01-01").AddDays(rng.IntN(12))
			f.To = f.From.AddDays(rng.IntN(5))
		}
		if rng.IntN(3) == 0 {
			f.Kinds = []model.EventKind{kinds[rng.IntN(len(kinds))]}
		}
		doc, err := report.Build(d, report.Options{Filter: f})
		if err != nil {
			t.Fatalf("filter %d %+v: %v", i, f, err)
		}
		err = report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
			p, ok := n.(*report.Paragraph)
			if !ok || !entering || p.Entry == nil {
				return report.WalkContinue, nil
			}
			e := p.Entry
			if !f.From.IsZero() && !e.When.Open && e.When.End.Before(f.From) || !f.To.IsZero() && e.When.Start.After(f.To) {
				t.Errorf("filter %+v kept %s dated %s", f, p.Statement, e.When)
			}
			if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, e.Kind) {
				t.Errorf("filter %+v kept %s of kind %s", f, p.Statement, e.Kind)
			}
			if len(f.Places) > 0 {
				places := e.Places
				if len(places) == 0 {
					places = []model.PlaceID{d.Country}
				}
				if !slices.ContainsFunc(places, func(id model.PlaceID) bool { return related(id, f.Places[0]) }) {
					t.Errorf("filter %+v kept %s at %v", f, p.Statement, e.Places)
				}
			}
			return report.WalkContinue, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for j, fn := range doc.Footnotes {
			if fn.Number != j+1 {
				t.Fatalf("filter %+v: footnote %d numbered %d", f, j+1, fn.Number)
			}
		}
		checkSources(t, doc)
	}
}

func TestFigures(t *testing.T) {
	doc := build(t, dossier(t), report.Options{Languages: []language.Tag{en}})
	fs := doc.Figures
	contested := map[model.Metric][]float64{}
	for _, c := range fs.Contested {
		if c.Scope == "" && c.Party == model.PartyAll {
			contested[c.Metric] = []float64{c.Min, c.Max}
		}
	}
	if got := contested[model.MetricKilled]; !slices.Equal(got, []float64{227, 244}) {
		t.Errorf("contested death toll spread %v, want [227 244] (the note's 227 against the summary's 225 + 19)", got)
	}
	if got := contested[model.MetricArrested]; !slices.Equal(got, []float64{10000, 12000}) {
		t.Errorf("contested arrest count spread %v, want [10000 12000]", got)
	}
	var retracted bool
	for _, r := range fs.Retracted {
		it, err := fs.Item(r)
		if err != nil {
			t.Fatal(err)
		}
		if it.Figure.Value == 164 && it.Figure.Metric == model.MetricKilled {
			retracted = it.Status[0] == "Retracted (9 Jan 2022)"
		}
	}
	if !retracted {
		t.Error("the Health Ministry's 164 deaths are not listed as retracted on 9 January")
	}
	for _, k := range fs.Key {
		if k.Metric == model.MetricKilled && k.Party == model.PartyAll {
			if k.Official == nil || k.Official.Figure.Value != 227 || k.Official.Value[0] != "227" {
				t.Errorf("latest official death toll %+v, want 227", k.Official)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	d := dossier(t)
	var a, b bytes.Buffer
	opt := report.Options{Languages: []language.Tag{fr, en}}
	if err := build(t, d, opt).Dump(&a); err != nil {
		t.Fatal(err)
	}
	if err := build(t, d, opt).Dump(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two builds of the same dossier differ")
	}
}

func TestOptionErrors(t *testing.T) {
	d := dossier(t)
	for _, c := range []struct {
		opt  report.Options
		want string
		is   error
	}{
		{report.Options{Languages: []language.Tag{language.German}}, "report: invalid options: the dossier is not written in de (it has [fr en])", report.ErrOptions},
		{report.Options{Languages: []language.Tag{fr, en, fr}}, "report: invalid options: 3 languages; a briefing has one or two", report.ErrOptions},
		{report.Options{Languages: []language.Tag{fr, fr}}, "report: invalid options: language fr given twice", report.ErrOptions},
		{report.Options{Filter: report.Filter{Places: []model.PlaceID{"atlantis"}}}, `report: invalid filter: unknown place "atlantis"`, report.ErrFilter},
		{report.Options{Filter: report.Filter{From: date("2022-01-07"), To: date("2022-01-04")}}, "report: invalid filter: dates from 2022-01-07 to 2022-01-04 end before they start", report.ErrFilter},
	} {
		doc, err := report.Build(d, c.opt)
		if doc != nil || err == nil || err.Error() != c.want || !errors.Is(err, c.is) {
			t.Errorf("Build(%+v) = %v, %v; want error %q", c.opt, doc != nil, err, c.want)
		}
	}
	if _, err := report.Build(nil, report.Options{}); !errors.Is(err, report.ErrOptions) {
		t.Errorf("Build(nil) error %v", err)
	}
}

// TestMissingText checks that a text missing in a language of the briefing
// is an error naming the statement, not an empty string in the output.
func TestMissingText(t *testing.T) {
	d := dossier(t)
	delete(d.Chronology[3].Entries[2].Text, en)
	_, err := report.Build(d, report.Options{Languages: []language.Tag{fr, en}})
	if err == nil || !strings.Contains(err.Error(), "chronology[3].entries[2].text") {
		t.Errorf("error %v; want one naming chronology[3].entries[2].text", err)
	}
	if _, err := report.Build(d, report.Options{Languages: []language.Tag{fr}}); err != nil {
		t.Errorf("a French briefing does not need the English text: %v", err)
	}
}

func TestMap(t *testing.T) {
	doc := build(t, dossier(t), report.Options{})
	m := doc.Map
	if m == nil || len(m.Points) < 20 {
		t.Fatalf("map %+v; want points for the protest cities", m)
	}
	top := m.Points[0]
	if top.Place != "almaty" || top.Kind != model.KindLethalForce || top.First != date("2022-01-03") {
		t.Errorf("first point %+v; want Almaty, lethal force, from 3 January", top)
	}
	for _, p := range m.Points {
		if p.Coord.Lat < 40 || p.Coord.Lat > 56 || p.Coord.Lon < 46 || p.Coord.Lon > 88 {
			t.Errorf("%s at %+v is outside Kazakhstan", p.Place, p.Coord)
		}
	}
}

func TestLinkEncodesNonASCII(t *testing.T) {
	doc := build(t, dossier(t), report.Options{})
	found := false
	for _, it := range doc.Sources {
		if strings.Contains(it.URL, "reapparaît") {
			found = true
			if strings.Contains(it.Link, "î") || !strings.Contains(it.Link, "reappara%C3%AEt") {
				t.Errorf("link %q of %q", it.Link, it.URL)
			}
		}
	}
	if !found {
		t.Error("no source URL with reapparaît")
	}
}

func TestFindPlace(t *testing.T) {
	d := dossier(t)
	for name, want := range map[string]model.PlaceID{
		"Shymkent": "shymkent", "Chymkent": "shymkent", "Шымкент": "shymkent", "shymkent": "shymkent",
		"Almaty": "almaty", "ALMATY": "almaty", "Алматы": "almaty", "Alma-Ata": "almaty",
		"Oust-Kamenogorsk": "oskemen", "ust kamenogorsk": "oskemen", "Zhanaozen": "janaozen", "Janaozen": "janaozen",
		"Aktaou": "aktau", "Semeï": "semey", "Semey": "semey", "Nur-Sultan": "nur-sultan", "Astana": "nur-sultan",
	} {
		got, err := report.FindPlace(d, name)
		if err != nil || got != want {
			t.Errorf("FindPlace(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	_, err := report.FindPlace(d, "Shymkemt")
	if !errors.Is(err, report.ErrUnknownPlace) || !strings.Contains(err.Error(), "did you mean Chymkent") {
		t.Errorf("FindPlace(Shymkemt) error %v; want a suggestion of Chymkent", err)
	}
	if _, err := report.FindPlace(d, "Atlantis"); err == nil || err.Error() != `report: unknown place "Atlantis"` {
		t.Errorf("FindPlace(Atlantis) error %v", err)
	}
}
