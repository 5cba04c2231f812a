package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// TestDataFormats writes every data format of a focused briefing: the
// files are there, named after the dossier, the place and the language,
// and the dossier written as JSON loads, validates and makes the same
// briefing again.
func TestDataFormats(t *testing.T) {
	out := t.TempDir()
	r := briefing(t, "-q", "-place", "Almaty", "-from", "2022-01-04", "-to", "2022-01-07", "-lang", "fr",
		"-format", "csl,ris,bibtex,biblatex,acled,geojson,json", "-out", out)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	got := files(t, out)
	for _, ext := range []string{".fr.csl.json", ".fr.ris", ".fr.bibtex.bib", ".fr.bib", ".fr.acled.csv", ".fr.geojson", ".dossier.json"} {
		if !slices.ContainsFunc(got, func(f string) bool { return strings.HasSuffix(f, ext) && strings.Contains(f, "almaty") }) {
			t.Errorf("no file *almaty*%s among %v", ext, got)
		}
	}
	if slices.ContainsFunc(got, func(f string) bool { return strings.HasSuffix(f, ".pdf") || strings.HasSuffix(f, ".xlsx") }) {
		t.Errorf("data formats alone wrote %v", got)
	}
	i := slices.IndexFunc(got, func(f string) bool { return strings.HasSuffix(f, ".dossier.json") })
	if i < 0 {
		return
	}
	data, err := os.ReadFile(filepath.Join(out, got[i]))
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if errs := model.Validate(d).Errors(); len(errs) > 0 {
		t.Fatalf("the dossier written does not validate: %v", errs)
	}
	if d.Focus != "almaty" || countEntries(d) >= 60 {
		t.Errorf("the dossier of the Almaty briefing: focus %q, %d entries", d.Focus, countEntries(d))
	}
	if _, err := report.Build(d, report.Options{}); err != nil {
		t.Fatal(err)
	}
	// -format all keeps its meaning: the PDFs, pages and workbooks.
	if r := briefing(t, "-q", "-format", "xlsx,json", "-lang", "en", "-out", filepath.Join(out, "two")); r.code != 0 {
		t.Fatalf("-format xlsx,json: exit %d: %s", r.code, r.stderr)
	} else if n := len(files(t, filepath.Join(out, "two"))); n != 2 {
		t.Errorf("-format xlsx,json wrote %d files; want 2", n)
	}
}
