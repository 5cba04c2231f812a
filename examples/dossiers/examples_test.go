package dossiers_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"
)

var fr = language.French

// example is a fictional French and English example dossier and the
// places that show what it exercises.
type example struct {
	file     string
	country  model.PlaceID
	focus    model.PlaceID // the region or city the crisis centres on
	outlined model.PlaceID // the region drawn with an outline: the focus or the region it lies in
	abroad   model.PlaceID // a city in another country
	other    model.PlaceID // a city of the country away from the focus, with figures of its own
}

var examples = []example{
	{file: "af-example.json", country: "af", focus: "herat-province", outlined: "herat-province", abroad: "islamabad", other: "kabul"},
	{file: "et-example.json", country: "et", focus: "hawassa", outlined: "sidama", abroad: "nairobi", other: "addis-ababa"},
	{file: "ve-example.json", country: "ve", focus: "zulia", outlined: "zulia", abroad: "bogota", other: "caracas"},
	{file: "ge-example.json", country: "ge", focus: "kutaisi", outlined: "imereti", abroad: "trabzon", other: "tbilisi"},
	{file: "ge-example.v1.json", country: "ge", focus: "kutaisi", outlined: "imereti", abroad: "trabzon", other: "tbilisi"}, // its earlier version
}

// keyMetrics are the metrics the briefing's key figures are made of.
var keyMetrics = []model.Metric{
	model.MetricKilled, model.MetricInjured, model.MetricHospitalised, model.MetricIntensiveCare,
	model.MetricMissing, model.MetricDetained, model.MetricArrested, model.MetricCharged,
	model.MetricCriminalCases, model.MetricAdministrative, model.MetricReleased, model.MetricTroops,
}

func loadExample(t *testing.T, name string) *model.Dossier {
	t.Helper()
	d, issues, err := dossiers.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	if len(issues) > 0 {
		t.Fatalf("%s: %d warnings; want none:\n%v", name, len(issues), issues)
	}
	return d
}

// gazetteer is a dossier's places by id.
type gazetteer map[model.PlaceID]*model.Place

func places(d *model.Dossier) gazetteer {
	g := gazetteer{}
	for i := range d.Places {
		g[d.Places[i].ID] = &d.Places[i]
	}
	return g
}

// chain returns id and the regions it lies in, nearest first.
func (g gazetteer) chain(id model.PlaceID) []model.PlaceID {
	out := []model.PlaceID{id}
	for p := g[id]; p != nil && p.Region != "" && !slices.Contains(out, p.Region); p = g[p.Region] {
		out = append(out, p.Region)
	}
	return out
}

// countryOf returns the country place id lies in (itself for a country).
func (g gazetteer) countryOf(id model.PlaceID) *model.Place {
	c := g.chain(id)
	if p := g[c[len(c)-1]]; p != nil && p.Kind == model.PlaceCountry {
		return p
	}
	return nil
}

// geoCountry returns the outline of a country place, by its ISO code.
func geoCountry(t *testing.T, p *model.Place) *geo.Country {
	t.Helper()
	if p.ISO == "" {
		t.Fatalf("country %s has no iso", p.ID)
	}
	c, ok := geo.Lookup(p.ISO)
	if !ok {
		t.Fatalf("country %s: no outline for iso %q", p.ID, p.ISO)
	}
	return c
}

// inRing reports whether a position lies inside a closed ring, by the
// even-odd rule.
func inRing(r model.Ring, lon, lat float64) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a[1] > lat) != (b[1] > lat) && lon < a[0]+(lat-a[1])*(b[0]-a[0])/(b[1]-a[1]) {
			in = !in
		}
	}
	return in
}

// TestEveryExampleTested makes sure a new example dossier is listed here
// or in the German example's tests.
func TestEveryExampleTested(t *testing.T) {
	names, err := fs.Glob(dossiers.Files, "*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if name != germanExample && !slices.ContainsFunc(examples, func(e example) bool { return e.file == name }) {
			t.Errorf("%s is embedded but not in the table of examples", name)
		}
	}
	if len(names) != len(examples)+1 {
		t.Errorf("%d example files embedded: %v; want %d", len(names), names, len(examples)+1)
	}
}

// TestExamplesAreFictional checks that each example says it is fictional
// where a reader looks first, in French and English, that its sources
// point nowhere real, that it is small, and that it says its region's
// outline is approximate.
func TestExamplesAreFictional(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.file, func(t *testing.T) {
			d := loadExample(t, ex.file)
			if !slices.Equal(d.Languages, []language.Tag{fr, en}) {
				t.Errorf("languages = %v; want [fr en]", d.Languages)
			}
			for what, text := range map[string]model.Text{"title": d.Title, "short title": d.ShortTitle, "summary": d.Summary, "disclaimer": d.Disclaimer} {
				for tag, label := range map[language.Tag]string{fr: "xemple fictif", en: "ictional example"} {
					if s, _ := text.In(tag); !strings.Contains(s, label) {
						t.Errorf("%s in %s does not say %q: %q", what, tag, label, s)
					}
				}
			}
			for tag, word := range map[language.Tag]string{fr: "approximati", en: "approximate"} {
				if s, _ := d.Method.Note.In(tag); !strings.Contains(s, word) {
					t.Errorf("the method note in %s does not say the outline is %s…: %q", tag, word, s)
				}
			}
			if d.Issuer.URL != "https://example.org/" {
				t.Errorf("issuer URL %q", d.Issuer.URL)
			}
			for _, s := range d.Sources {
				if !strings.HasPrefix(s.URL, "https://example.org/") {
					t.Errorf("source %s: URL %q is not under https://example.org/", s.ID, s.URL)
				}
			}
			entries := 0
			for _, day := range d.Chronology {
				entries += len(day.Entries)
			}
			if entries < 5 || entries > 15 {
				t.Errorf("%d entries; want 5 to 15", entries)
			}
			first, last := d.Chronology[0].When.Start, d.Chronology[len(d.Chronology)-1].When.Start
			if days := last.DaysSince(first) + 1; days < 2 || days > 7 {
				t.Errorf("chronology over %d days (%s to %s); want a few", days, first, last)
			}
			if n := len(d.Sources); n < 8 {
				t.Errorf("%d sources; want at least 8", n)
			}
		})
	}
}

// TestExamplesExercise checks that each example has what a real unit's
// dossier needs: a focus with figures of its own and national ones, a
// contested pair, a retracted and a superseded figure, a city abroad, an
// outlined region, the country's ISO code, titles in the country's
// languages, and thematic paragraphs that bear on dates and places.
func TestExamplesExercise(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.file, func(t *testing.T) {
			d := loadExample(t, ex.file)
			g := places(d)

			if d.Country != ex.country {
				t.Fatalf("country %q; want %q", d.Country, ex.country)
			}
			c := g[d.Country]
			if want := strings.ToUpper(string(d.Country)); c.ISO != want {
				t.Errorf("country's iso %q; want %q", c.ISO, want)
			}
			geoCountry(t, c)

			if d.Focus != ex.focus {
				t.Errorf("focus %q; want %q", d.Focus, ex.focus)
			}
			if f := g[d.Focus]; f == nil || (f.Kind != model.PlaceRegion && f.Kind != model.PlaceCity) || g.countryOf(d.Focus) != c {
				t.Errorf("focus %q: want a region or city of %s", d.Focus, d.Country)
			}
			if !slices.Contains(g.chain(d.Focus), ex.outlined) {
				t.Errorf("focus %q does not lie in the outlined region %q", d.Focus, ex.outlined)
			}

			o := g[ex.outlined]
			switch {
			case o == nil || o.Kind != model.PlaceRegion:
				t.Errorf("%q is not a region", ex.outlined)
			case o.Outline.IsZero() || o.Outline.Multi || len(o.Outline.Polygons) != 1:
				t.Errorf("region %q: want an outline of one Polygon", ex.outlined)
			}
			for _, p := range d.Places {
				if !p.Outline.IsZero() && p.ID != ex.outlined {
					t.Errorf("place %s has an outline too", p.ID)
				}
			}

			a := g[ex.abroad]
			if a == nil || a.Kind != model.PlaceCity {
				t.Fatalf("%q is not a city", ex.abroad)
			}
			if ac := g.countryOf(ex.abroad); ac == nil || ac == c || ac.ISO == "" {
				t.Errorf("%q does not lie in another country with an iso", ex.abroad)
			}

			var focusKey, nationalKey, contestedPair bool
			var retracted, superseded int
			byID := map[model.FigureID]*model.Figure{}
			for i := range d.Figures {
				byID[d.Figures[i].ID] = &d.Figures[i]
			}
			for _, f := range d.Figures {
				key := slices.Contains(keyMetrics, f.Metric) && f.Status == model.StatusReported
				focusKey = focusKey || key && f.Scope == d.Focus
				nationalKey = nationalKey || key && f.Scope == ""
				switch f.Status {
				case model.StatusRetracted:
					retracted++
				case model.StatusSuperseded:
					superseded++
					next := byID[f.SupersededBy]
					if next == nil || next.Metric != f.Metric || next.Scope != f.Scope || next.Claimant.Name[en] != f.Claimant.Name[en] {
						t.Errorf("figure %s is superseded by %q: want a later figure of its claimant, metric and scope", f.ID, f.SupersededBy)
					}
				}
			}
			if !focusKey || !nationalKey {
				t.Errorf("key figures of the focus: %v; national ones: %v; want both", focusKey, nationalKey)
			}
			if retracted == 0 || superseded == 0 {
				t.Errorf("%d retracted and %d superseded figures; want some of each", retracted, superseded)
			}
			doc := build(t, d, fr, en)
			for _, cg := range doc.Figures.Contested {
				contestedPair = contestedPair || cg.Scope == d.Focus && len(cg.Figures) == 2
			}
			if !contestedPair {
				t.Errorf("contested figures %d; want a pair for the focus", len(doc.Figures.Contested))
			}

			langs := map[string]bool{}
			for _, s := range d.Sources {
				langs[s.TitleLanguage.String()] = true
			}
			if !langs["fr"] || !langs["en"] || len(langs) < 3 {
				t.Errorf("title languages %v; want French, English and a language of the country", langs)
			}

			var placed, context int
			for _, s := range d.Sections {
				for _, p := range s.Paragraphs {
					switch {
					case !p.When.IsZero() && len(p.Places) > 0:
						placed++
					case p.When.IsZero() && len(p.Places) == 0:
						context++
					}
				}
			}
			if placed < 2 || context < 1 {
				t.Errorf("%d section paragraphs with dates and places, %d without; want at least 2 and 1", placed, context)
			}
		})
	}
}

// TestExamplesPlaces checks every coordinate against the Natural Earth
// outlines: a place of the dossier's country lies in it, a place abroad in
// its own country; and the outlined region holds its places and no
// other, and reaches into no other country.
func TestExamplesPlaces(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.file, func(t *testing.T) {
			d := loadExample(t, ex.file)
			g := places(d)
			home := geoCountry(t, g[d.Country])
			abroad := 0
			for _, p := range d.Places {
				if p.Coord == nil {
					if p.Kind == model.PlaceCity || p.Kind == model.PlaceSite {
						t.Errorf("%s %s has no coordinates", p.Kind, p.ID)
					}
					continue
				}
				pt := geo.Point{Lon: p.Coord.Lon, Lat: p.Coord.Lat}
				c := g.countryOf(p.ID)
				if c == nil {
					t.Errorf("place %s lies in no country", p.ID)
					continue
				}
				if c.ID == d.Country {
					if !home.Contains(pt) {
						at, _ := geo.At(pt)
						t.Errorf("%s (%v, %v) is not in %s's outline but in %v", p.ID, p.Coord.Lat, p.Coord.Lon, home.Code, at)
					}
					continue
				}
				abroad++
				if p.ID != ex.abroad && p.ID != c.ID {
					t.Errorf("%s lies abroad, in %s; the only place abroad should be %s", p.ID, c.ID, ex.abroad)
				}
				if at, ok := geo.At(pt); !ok || at.Code != strings.ToLower(c.ISO) {
					t.Errorf("%s (%v, %v) is in %v, not in %s", p.ID, p.Coord.Lat, p.Coord.Lon, at, c.ISO)
				}
			}
			if abroad != 2 {
				t.Errorf("%d places abroad; want the city and its country", abroad)
			}

			o := g[ex.outlined]
			if o.Outline.IsZero() {
				t.Fatalf("%s has no outline", ex.outlined)
			}
			ring := o.Outline.Polygons[0][0]
			for _, p := range d.Places {
				if p.Coord == nil || p.Kind == model.PlaceCountry {
					continue
				}
				within := slices.Contains(g.chain(p.ID), ex.outlined)
				if in := inRing(ring, p.Coord.Lon, p.Coord.Lat); in != within {
					t.Errorf("%s (%v, %v) inside the outline of %s: %v; want %v", p.ID, p.Coord.Lat, p.Coord.Lon, ex.outlined, in, within)
				}
			}
			for _, q := range ring {
				pt := geo.Point{Lon: q[0], Lat: q[1]}
				if at, ok := geo.At(pt); ok && at != home {
					t.Errorf("outline of %s: [%v, %v] lies in %s", ex.outlined, q[0], q[1], at.Code)
				}
			}
		})
	}
}

// statements returns the ids of a briefing's paragraphs.
func statements(t *testing.T, doc *report.Document) map[model.StatementID]bool {
	t.Helper()
	ids := map[model.StatementID]bool{}
	err := report.Walk(doc, func(n report.Node, entering bool) (report.WalkStatus, error) {
		if p, ok := n.(*report.Paragraph); ok && entering {
			ids[p.Statement] = true
		}
		return report.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// keyRows returns the key figures of a briefing as the key-figures table
// lists them: one row per side that has a figure.
func keyRows(doc *report.Document) []*report.FigureItem {
	var out []*report.FigureItem
	for _, k := range doc.Figures.Key {
		for _, it := range []*report.FigureItem{k.Official, k.Independent} {
			if it != nil {
				out = append(out, it)
			}
		}
	}
	return out
}

// TestExamplesBriefings builds each example's briefings, whole and
// focused on its focus and on another city, and renders the French,
// English and parallel PDFs and a workbook per language. Key figures are
// never empty: the briefing says so, pdftotext finds each of them in the
// PDF's key-figures table, and excelize (and openpyxl, when installed)
// find them in the workbook's table of key figures.
func TestExamplesBriefings(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.file, func(t *testing.T) {
			d := loadExample(t, ex.file)
			g := places(d)
			for _, opt := range []pdf.Options{{Language: fr}, {Language: en}, {Edition: pdf.Parallel}} {
				if err := pdf.Check(d, opt).Err(); err != nil {
					t.Errorf("pdf.Check(%+v): %v", opt, err)
				}
			}

			whole := build(t, d, fr, en)
			for _, r := range []struct {
				name string
				doc  *report.Document
				opt  pdf.Options
			}{
				{"French", build(t, d, fr), pdf.Options{}},
				{"English", build(t, d, en), pdf.Options{}},
				{"parallel", whole, pdf.Options{Edition: pdf.Parallel}},
			} {
				data, info, err := pdf.Render(r.doc, r.opt)
				if err != nil {
					t.Fatalf("%s PDF: %v", r.name, err)
				}
				if info.Pages < 4 {
					t.Errorf("%s PDF: %d pages", r.name, info.Pages)
				}
				if r.name != "parallel" {
					t.Run("pdftotext/"+r.name, func(t *testing.T) { checkPDFKeyFigures(t, r.doc, 0, data) })
				}
			}
			var wbs []book
			for _, tag := range []language.Tag{fr, en} {
				wbs = append(wbs, checkWorkbookKeyFigures(t, whole, tag, tag.String()+" workbook"))
			}

			for _, place := range []model.PlaceID{ex.focus, ex.other} {
				t.Run("place="+string(place), func(t *testing.T) {
					opt := report.Options{Languages: []language.Tag{fr, en}, Filter: report.Filter{Places: []model.PlaceID{place}}}
					if err := report.Validate(d, opt).Err(); err != nil {
						t.Fatal(err)
					}
					doc, err := report.Build(d, opt)
					if err != nil {
						t.Fatal(err)
					}
					rows := keyRows(doc)
					if len(rows) == 0 {
						t.Fatal("no key figures")
					}
					scopes := map[model.PlaceID]bool{}
					for _, k := range doc.Figures.Key {
						scopes[k.Scope] = true
						if k.Scope != "" && !slices.Contains(g.chain(place), k.Scope) {
							t.Errorf("key figure %s counts %s, outside %s", k.Label[1], k.Scope, place)
						}
					}
					if !scopes[place] {
						t.Errorf("key figure scopes %v; want some of %s", scopes, place)
					}
					if place == ex.other && !scopes[""] {
						t.Errorf("key figure scopes %v; want national ones too", scopes)
					}

					// Thematic paragraphs about other places are left out;
					// those about this one, and context, are kept.
					kept := statements(t, doc)
					var dropped, stayed int
					for _, s := range d.Sections {
						for _, p := range s.Paragraphs {
							want := len(p.Places) == 0
							for _, id := range p.Places {
								want = want || slices.Contains(g.chain(id), place) || slices.Contains(g.chain(place), id)
							}
							if kept[p.ID] != want {
								t.Errorf("paragraph %s about %v kept: %v; want %v", p.ID, p.Places, kept[p.ID], want)
							}
							if want {
								stayed++
							} else {
								dropped++
							}
						}
					}
					if dropped == 0 || stayed == 0 {
						t.Errorf("%d thematic paragraphs dropped and %d kept; want some of each", dropped, stayed)
					}

					for _, tag := range []language.Tag{fr, en} {
						wbs = append(wbs, checkWorkbookKeyFigures(t, doc, tag, tag.String()+" workbook of "+string(place)))
					}
					data, _, err := pdf.Render(doc, pdf.Options{Language: en})
					if err != nil {
						t.Fatal(err)
					}
					t.Run("pdftotext", func(t *testing.T) { checkPDFKeyFigures(t, doc, 1, data) })
				})
			}
			t.Run("openpyxl", func(t *testing.T) { checkOpenpyxl(t, wbs) })
		})
	}
}

// checkPDFKeyFigures checks that the text of the key-figures section of a
// single-language PDF, in the language of index lang of doc, names each
// key figure's metric and gives its value.
func checkPDFKeyFigures(t *testing.T, doc *report.Document, lang int, data []byte) {
	t.Helper()
	var heading, next string
	for i, s := range doc.Sections {
		if s.Kind != report.SectionKeyFigures {
			continue
		}
		heading = s.Title[lang]
		switch {
		case len(s.Sections) > 0:
			next = s.Sections[0].Title[lang]
		case i+1 < len(doc.Sections):
			next = doc.Sections[i+1].Title[lang]
		}
	}
	if heading == "" {
		t.Fatal("the briefing has no key-figures section")
	}
	text := pdfText(t, data)
	// The last occurrence is the section's, after the table of contents.
	i := strings.LastIndex(text, heading)
	if i < 0 {
		t.Fatalf("PDF lacks the heading %q", heading)
	}
	body := text[i+len(heading):]
	if next != "" {
		if j := strings.Index(body, next); j >= 0 {
			body = body[:j]
		}
	}
	rows := keyRows(doc)
	for _, k := range doc.Figures.Key {
		metric, _, _ := strings.Cut(k.Label[lang], " (")
		metric, _, _ = strings.Cut(metric, " — ")
		if first := strings.Fields(metric)[0]; !strings.Contains(body, first) {
			t.Errorf("key figures table lacks the row of %q: %q", k.Label[lang], body)
		}
	}
	for _, it := range rows {
		if v := strings.Join(strings.Fields(it.Value[lang]), " "); !strings.Contains(body, v) {
			t.Errorf("key figures table lacks %s's value %q: %q", it.ID, v, body)
		}
	}
}

// book is a workbook written by a test, and the ids of the key
// figures its table of key figures should list.
type book struct {
	name  string // what the test calls it
	data  []byte
	sheet string
	want  []string
}

// checkWorkbookKeyFigures writes doc's workbook in lang and checks, with
// excelize, the Excel table of key figures on its first sheet: a row per
// key figure, with its id. It returns the workbook for a second reading.
func checkWorkbookKeyFigures(t *testing.T, doc *report.Document, lang language.Tag, name string) book {
	t.Helper()
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, doc, xlsx.Options{Language: lang}); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	wb := book{name: name, data: buf.Bytes()}
	for _, it := range keyRows(doc) {
		wb.want = append(wb.want, string(it.ID))
	}

	f, err := excelize.OpenReader(bytes.NewReader(wb.data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	wb.sheet = f.GetSheetList()[0]
	tables, err := f.GetTables(wb.sheet)
	if err != nil {
		t.Fatal(err)
	}
	var ref string
	for _, tb := range tables {
		if tb.Name == "KeyFigures" {
			ref = tb.Range
		}
	}
	from, to, ok := strings.Cut(ref, ":")
	if !ok {
		t.Fatalf("%s: sheet %q has no table KeyFigures (tables %v)", name, wb.sheet, tables)
	}
	_, r0, err1 := excelize.CellNameToCoordinates(from)
	c1, r1, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil {
		t.Fatalf("%s: table range %q", name, ref)
	}
	var got []string
	for r := r0 + 1; r <= r1; r++ {
		cell, _ := excelize.CoordinatesToCellName(c1, r)
		v, err := f.GetCellValue(wb.sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if len(wb.want) == 0 || !slices.Equal(got, wb.want) {
		t.Errorf("%s, sheet %q, table KeyFigures %s: ids %q; want %q", name, wb.sheet, ref, got, wb.want)
	}
	return wb
}

// checkOpenpyxl reads the workbooks with openpyxl, all in one run, and
// checks the table of key figures of each as checkWorkbookKeyFigures
// does.
func checkOpenpyxl(t *testing.T, wbs []book) {
	py := openpyxl(t)
	dir := t.TempDir()
	args := []string{"-c", `import json, sys, openpyxl
out = []
for name in sys.argv[1:]:
    ws = openpyxl.load_workbook(name).worksheets[0]
    rows = [[c.value for c in r] for r in ws[ws.tables["KeyFigures"].ref]]
    out.append({"sheet": ws.title, "ids": [r[-1] for r in rows[1:]]})
print(json.dumps(out))
`}
	for i, wb := range wbs {
		name := filepath.Join(dir, fmt.Sprintf("%d.xlsx", i))
		if err := os.WriteFile(name, wb.data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, name)
	}
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		t.Fatalf("openpyxl: %v", err)
	}
	var seen []struct {
		Sheet string
		IDs   []string
	}
	if err := json.Unmarshal(out, &seen); err != nil || len(seen) != len(wbs) {
		t.Fatalf("openpyxl output %q: %v", out, err)
	}
	for i, wb := range wbs {
		if seen[i].Sheet != wb.sheet || !slices.Equal(seen[i].IDs, wb.want) {
			t.Errorf("%s: openpyxl reads sheet %q, ids %q; want %q, %q", wb.name, seen[i].Sheet, seen[i].IDs, wb.sheet, wb.want)
		}
	}
}

// openpyxl returns Debian's Python, which has python3-openpyxl (another
// python3 may come first on PATH). It skips the test when openpyxl cannot
// be imported, unless COIBRIEF_REQUIRE_TOOLS=1.
func openpyxl(t *testing.T) string {
	t.Helper()
	const python = "/usr/bin/python3"
	if out, err := exec.Command(python, "-c", "import openpyxl").CombinedOutput(); err != nil {
		msg := fmt.Sprintf("openpyxl is not available (%s -c \"import openpyxl\": %v: %s); install Debian's python3-openpyxl",
			python, err, strings.TrimSpace(string(out)))
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return python
}
