// Package datatest holds what the tests of the data formats (export/biblio,
// export/events, export/geojson) share: the briefings they write, an
// external reader found or the test skipped, and golden files.
package datatest

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Tool returns the path of an external program, skipping the test when
// it is missing, or failing it when COIBRIEF_REQUIRE_TOOLS=1. pkg says
// how to install it.
func Tool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed: %s", name, pkg)
		}
		t.Skipf("%s not installed (%s); skipping", name, pkg)
	}
	return p
}

// Fixture is a text in five scripts, a fictional fixture: Cyrillic,
// Arabic, Georgian, Chinese and Ethiopic.
const Fixture = "Алматы · کابل · ქუთაისი · 哈萨克斯坦 · ሀዋሳ (fictional fixture)"

// Scripts returns the Kazakhstan dossier with the first entry's text,
// Almaty's name and the first source's title replaced by Fixture.
func Scripts(t testing.TB) *model.Dossier {
	t.Helper()
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	e := &d.Chronology[0].Entries[0]
	e.Text = model.Text{}
	for _, tag := range d.Languages {
		e.Text[tag] = Fixture
	}
	for i := range d.Places {
		if d.Places[i].ID == "almaty" {
			d.Places[i].Name = model.Text{}
			for _, tag := range d.Languages {
				d.Places[i].Name[tag] = Fixture
			}
		}
	}
	d.Sources[0].Title = Fixture
	return d
}

// Documents returns briefings by name: of the Kazakhstan dossier in each
// of its languages and focused on Almaty ("kazakhstan-fr",
// "kazakhstan-almaty"), of every example dossier and of a synthetic one in
// their main language ("ge-example.json-en", "synth-fr"), and of scripts
// ("scripts"), the dossier of Scripts or, when scripts is not nil, that
// dossier as scripts edits it.
func Documents(t testing.TB, scripts func(*model.Dossier)) map[string]*report.Document {
	t.Helper()
	ds := map[string]*model.Dossier{}
	kz, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	ds["kazakhstan"] = kz
	names, err := fs.Glob(dossiers.Files, "*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		d, _, err := dossiers.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		ds[name] = d
	}
	sy, err := synth.Dossier(synth.Options{Entries: 80, Figures: 60, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	ds["synth"] = sy
	out := map[string]*report.Document{}
	for name, d := range ds {
		tags := d.Languages[:1]
		if name == "kazakhstan" {
			tags = d.Languages
		}
		for _, tag := range tags {
			doc, err := report.Build(d, report.Options{Languages: []language.Tag{tag}})
			if err != nil {
				t.Fatal(err)
			}
			out[fmt.Sprintf("%s-%s", name, tag)] = doc
		}
	}
	almaty, err := report.Build(kz, report.Options{Filter: report.Filter{Places: []model.PlaceID{"almaty"}}})
	if err != nil {
		t.Fatal(err)
	}
	out["kazakhstan-almaty"] = almaty
	sd := Scripts(t)
	if scripts != nil {
		scripts(sd)
	}
	sc, err := report.Build(sd, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out["scripts"] = sc
	return out
}

// GermanExample returns the briefing of the fictional German example in
// German, the smallest example dossier.
func GermanExample(t testing.TB) *report.Document {
	t.Helper()
	d, _, err := dossiers.Load("de-example.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Golden compares data with the file testdata/name of the package under
// test, or writes it there when the test runs with -update.
func Golden(t testing.TB, name string, data []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the package's TestGolden with -update to create it)", err)
	}
	if bytes.Equal(data, want) {
		return
	}
	a, b := bytes.Split(data, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y []byte
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if !bytes.Equal(x, y) {
			t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", path, i+1, x, y)
		}
	}
}

// Synthetic returns the briefing of a synthetic dossier of 10,000 entries
// and 5,000 figures, for benchmarks.
func Synthetic(b testing.TB) *report.Document {
	b.Helper()
	d, err := synth.Dossier(synth.Options{Entries: 10_000, Figures: 5_000, Seed: 19})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}
