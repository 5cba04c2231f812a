package html_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

var outDir = flag.String("out", "", "write the Kazakhstan briefing's pages into this `directory`, to look at them")

// kzDoc builds the Kazakhstan briefing in French and English.
func kzDoc(t testing.TB, filter report.Filter) *report.Document {
	t.Helper()
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.French, language.English}, Filter: filter})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// exampleDoc builds the briefing of an example dossier of
// examples/dossiers ("af", "et"…) in its first two languages.
func exampleDoc(t testing.TB, name string) *report.Document {
	t.Helper()
	d, _, err := model.OpenFile(filepath.Join("../../examples/dossiers", name+"-example.json"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	langs := d.Languages
	if len(langs) > 2 {
		langs = langs[:2]
	}
	doc, err := report.Build(d, report.Options{Languages: langs})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func render(t testing.TB, doc *report.Document, opt html.Options) []byte {
	t.Helper()
	out, _, err := html.Render(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWriteFiles writes the Kazakhstan briefing's pages into -out.
func TestWriteFiles(t *testing.T) {
	if *outDir == "" {
		t.Skip("no -out directory")
	}
	doc := kzDoc(t, report.Filter{})
	for name, opt := range map[string]html.Options{
		"kz.fr.html":          {},
		"kz.en.html":          {Language: language.English},
		"kz.parallel.html":    {Edition: html.Parallel},
		"kz.sequential.html":  {Edition: html.Sequential},
		"kz.fragment.fr.html": {Fragment: true},
	} {
		if err := os.WriteFile(filepath.Join(*outDir, name), render(t, doc, opt), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// almaty is the filter of a caseworker's question: Almaty, 4 to 7
// January 2022.
func almaty(t testing.TB) report.Filter {
	from, _ := model.ParseDate("2022-01-04")
	to, _ := model.ParseDate("2022-01-07")
	return report.Filter{Places: []model.PlaceID{"almaty"}, From: from, To: to}
}
