package biblio_test

import (
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

// tool returns the path of an external program, skipping the test when
// it is missing, or failing it when COIBRIEF_REQUIRE_TOOLS=1.
func tool(t *testing.T, name, pkg string) string {
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

// nodeModules returns the node_modules directory holding ajv, citeproc
// and citation-js, skipping or failing as tool does when there is none.
func nodeModules(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("COIBRIEF_NODE_MODULES")
	if dir == "" {
		dir = "/tmp/nodemods/node_modules"
	}
	for _, m := range []string{"ajv", "citeproc", "@citation-js/core", "@citation-js/plugin-csl"} {
		if _, err := os.Stat(filepath.Join(dir, m)); err != nil {
			if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
				t.Fatalf("npm package %s is required (COIBRIEF_REQUIRE_TOOLS=1) but not in %s (set COIBRIEF_NODE_MODULES)", m, dir)
			}
			t.Skipf("npm package %s not in %s (set COIBRIEF_NODE_MODULES); skipping", m, dir)
		}
	}
	return dir
}

// documents returns briefings of the Kazakhstan dossier (full, and
// focused on Almaty), of every example dossier and of a synthetic one,
// by name.
func documents(t *testing.T) map[string]*report.Document {
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
			doc, err := report.Build(d, report.Options{Languages: d.Languages[:1]})
			if tag != d.Languages[0] {
				doc, err = report.Build(d, report.Options{Languages: []language.Tag{tag}})
			}
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
	sc, err := report.Build(scripts(t), report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out["scripts"] = sc
	return out
}

// fixture is a text in five scripts, a fictional fixture: Cyrillic,
// Arabic, Georgian, Chinese and Ethiopic.
const fixture = "Алматы · کابل · ქუთაისი · 哈萨克斯坦 · ሀዋሳ (fictional fixture)"

// scripts returns the Kazakhstan dossier with the first entry's text,
// Almaty's name and the first source's title replaced by fixture.
func scripts(t *testing.T) *model.Dossier {
	t.Helper()
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	e := &d.Chronology[0].Entries[0]
	e.Text = model.Text{}
	for _, tag := range d.Languages {
		e.Text[tag] = fixture
	}
	for i := range d.Places {
		if d.Places[i].ID == "almaty" {
			d.Places[i].Name = model.Text{}
			for _, tag := range d.Languages {
				d.Places[i].Name[tag] = fixture
			}
		}
	}
	d.Sources[0].Title = fixture
	d.Sources[1].Title = specials
	d.Sources[1].Author = "Reporters and Editors"
	return d
}

// specials is a title of the characters TeX and BibTeX treat specially, a
// fictional fixture.
const specials = `Braces } { and back\slash: 50% & #1 $x_y^z ~ @misc{x, (fictional fixture)`
