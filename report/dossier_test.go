package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// dossierCases returns the example dossiers, the Kazakhstan dossier and
// two synthetic ones, by name.
func dossierCases(t *testing.T) map[string]*model.Dossier {
	t.Helper()
	out := map[string]*model.Dossier{"kazakhstan": dossier(t)}
	names, err := fs.Glob(dossiers.Files, "*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		d, _, err := dossiers.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = d
	}
	for _, o := range []synth.Options{{Entries: 120, Figures: 80, Seed: 7}, {Entries: 60, Figures: 40, Seed: 3, Country: "GE"}} {
		d, err := synth.Dossier(o)
		if err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("synth-%d-%s", o.Seed, o.Country)] = d
	}
	return out
}

// filtersFor returns filters that exercise d: its focus, a city and a
// region its entries name, its middle days, its most frequent kind, and
// combinations.
func filtersFor(d *model.Dossier) map[string]report.Filter {
	kinds := map[model.EventKind]int{}
	byKind := map[model.PlaceKind]model.PlaceID{}
	kindOf := map[model.PlaceID]model.PlaceKind{}
	for _, p := range d.Places {
		kindOf[p.ID] = p.Kind
	}
	var days []model.Date
	for _, day := range d.Chronology {
		days = append(days, day.When.Start)
		for _, e := range day.Entries {
			kinds[e.Kind]++
			for _, id := range e.Places {
				if _, ok := byKind[kindOf[id]]; !ok {
					byKind[kindOf[id]] = id
				}
			}
		}
	}
	var kind model.EventKind
	for _, k := range model.EventKinds() {
		if kinds[k] > kinds[kind] {
			kind = k
		}
	}
	out := map[string]report.Filter{
		"kind":  {Kinds: []model.EventKind{kind}},
		"dates": {From: days[len(days)/3], To: days[len(days)/2]},
	}
	if d.Focus != "" {
		out["focus"] = report.Filter{Places: []model.PlaceID{d.Focus}}
	}
	if id, ok := byKind[model.PlaceCity]; ok {
		out["city"] = report.Filter{Places: []model.PlaceID{id}}
		out["city+dates"] = report.Filter{Places: []model.PlaceID{id}, From: days[0], To: days[len(days)/2]}
	}
	if id, ok := byKind[model.PlaceRegion]; ok {
		out["region+kind"] = report.Filter{Places: []model.PlaceID{id}, Kinds: []model.EventKind{kind}}
	}
	return out
}

// withoutFilterLines drops the lines of a dump that describe the filter,
// which a briefing built again from its dossier has no reason to print.
func withoutFilterLines(s string) string {
	lines := strings.Split(s, "\n")
	return strings.Join(slices.DeleteFunc(lines, func(l string) bool { return strings.HasPrefix(l, "filter ") }), "\n")
}

// withoutNamedPlaces drops from the dump of a briefing built again from
// the dossier of doc the gazetteer's places with no entries that doc does
// not list: those its background, sections, errata or focus name, which
// the dossier keeps so that it stays valid, and which a full briefing
// lists.
func withoutNamedPlaces(doc *report.Document, s string) string {
	lines := strings.Split(s, "\n")
	return strings.Join(slices.DeleteFunc(lines, func(l string) bool {
		f := strings.Fields(l)
		return len(f) > 2 && f[0] == "place" && doc.Place(model.PlaceID(f[1])) == nil && strings.Contains(l, " entries=0 ")
	}), "\n")
}

func dump(t *testing.T, doc *report.Document) string {
	t.Helper()
	var buf bytes.Buffer
	if err := doc.Dump(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestDossierRebuilds checks the property Document.Dossier promises: the
// dossier of a briefing, filtered or not, written as JSON and read back,
// passes Validate and builds, without a filter, the same briefing.
func TestDossierRebuilds(t *testing.T) {
	for name, d := range dossierCases(t) {
		langs := [][]language.Tag{{d.Languages[0]}}
		if len(d.Languages) > 1 {
			langs = append(langs, []language.Tag{d.Languages[1]}, d.Languages[:2])
		}
		filters := filtersFor(d)
		filters["none"] = report.Filter{}
		for fname, f := range filters {
			for _, tags := range langs {
				for _, omit := range [][]report.Part{nil, {report.PartFigures, report.PartErrata}} {
					t.Run(fmt.Sprintf("%s/%s/%v/omit%v", name, fname, tags, omit), func(t *testing.T) {
						opt := report.Options{Languages: tags, Filter: f, Omit: omit}
						doc := build(t, d, opt)
						got, err := doc.Dossier()
						if err != nil {
							t.Fatal(err)
						}
						var buf bytes.Buffer
						if err := model.Encode(&buf, got); err != nil {
							t.Fatal(err)
						}
						back, err := model.Unmarshal(buf.Bytes())
						if err != nil {
							t.Fatal(err)
						}
						if errs := model.Validate(back).Errors(); len(errs) > 0 {
							t.Fatalf("the dossier of the briefing does not validate: %v", errs)
						}
						opt.Filter = report.Filter{}
						again := build(t, back, opt)
						if w, g := withoutFilterLines(dump(t, doc)), withoutNamedPlaces(doc, dump(t, again)); w != g {
							t.Fatalf("the briefing built again differs:\n%s", lineDiff(w, g))
						}
						if len(tags) == 1 {
							// The briefing's language comes first: no options are needed.
							zero := build(t, back, report.Options{Omit: omit})
							if w, g := withoutFilterLines(dump(t, doc)), withoutNamedPlaces(doc, dump(t, zero)); w != g {
								t.Fatalf("the briefing built again with no language differs:\n%s", lineDiff(w, g))
							}
						}
					})
				}
			}
		}
	}
}

// lineDiff shows the first lines where a and b differ.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)) && len(out) < 12; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("line %d\n want: %s\n  got: %s", i+1, x, y))
		}
	}
	return strings.Join(out, "\n")
}

func TestDossierOfForeignDocument(t *testing.T) {
	_, err := (&report.Document{}).Dossier()
	if !errors.Is(err, report.ErrDocument) {
		t.Fatalf("got %v; want ErrDocument", err)
	}
	if _, err := (*report.Document)(nil).Dossier(); !errors.Is(err, report.ErrDocument) {
		t.Fatalf("nil document: got %v; want ErrDocument", err)
	}
}

// TestDossierKeepsEveryField checks, field by field of model.Dossier, that
// the dossier of an unfiltered briefing keeps whatever the source has: a
// field added to the model and forgotten here would be lost silently by
// every PDF/A attachment and -format json.
func TestDossierKeepsEveryField(t *testing.T) {
	for name, d := range dossierCases(t) {
		doc, err := report.Build(d, report.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out, err := doc.Dossier()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		src, got := reflect.ValueOf(d).Elem(), reflect.ValueOf(out).Elem()
		for i := range src.NumField() {
			f := src.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if !src.Field(i).IsZero() && got.Field(i).IsZero() {
				t.Errorf("%s: the briefing's dossier lost %s", name, f.Name)
			}
		}
	}
}
