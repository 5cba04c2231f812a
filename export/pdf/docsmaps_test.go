package pdf_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// docsMaps are the example dossiers whose maps docs/ shows, one per
// continent.
var docsMaps = []string{"af", "et", "ge", "ve"}

// TestDocsMaps regenerates docs/map-af.png and the other maps of example
// dossiers, the map page of their French briefing at 100 dpi, with -docs:
//
//	go test ./export/pdf -run TestDocs -docs
//
// Without -docs it renders them and checks that each map page names the
// places and countries it should.
func TestDocsMaps(t *testing.T) {
	ppm := tool(t, "pdftoppm", "poppler-utils")
	for _, code := range docsMaps {
		t.Run(code, func(t *testing.T) {
			file := filepath.Join("..", "..", "examples", "dossiers", code+"-example.json")
			d, issues, err := model.LoadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := issues.Err(); err != nil {
				t.Fatal(err)
			}
			if err := report.Validate(d, report.Options{}).Err(); err != nil {
				t.Fatal(err)
			}
			doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.French}})
			if err != nil {
				t.Fatal(err)
			}
			data, info, err := pdf.Render(doc, pdf.Options{})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), code+".pdf")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			// The map page: the one with the map's title and its legend.
			page := 0
			var words string
			for p := 1; p <= info.Pages && page == 0; p++ {
				words = fold(run(t, tool(t, "pdftotext", "poppler-utils"), "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), "-enc", "UTF-8", path, "-"))
				if strings.Contains(words, doc.Map.Title[0]) && strings.Contains(words, "Entrées") {
					page = p
				}
			}
			if page == 0 {
				t.Fatal("no map page")
			}
			for _, p := range doc.Map.Points {
				if !strings.Contains(words, p.Name[0]) {
					t.Errorf("the map page lacks %q", p.Name[0])
				}
			}
			for _, r := range doc.Map.Regions {
				if !strings.Contains(words, r.Name[0]) {
					t.Errorf("the map page lacks the region %q", r.Name[0])
				}
			}
			if !*docs {
				return
			}
			out := filepath.Join("..", "..", "docs", "map-"+code)
			run(t, ppm, "-png", "-r", "100", "-singlefile", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, out)
		})
	}
}
