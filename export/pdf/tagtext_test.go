package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// TestTaggedText checks that tagging leaves the text pdftotext reads as
// it was: every edition of the Kazakhstan briefing, rendered tagged and
// untagged, gives the same pdftotext output.
func TestTaggedText(t *testing.T) {
	pdftotext := needTaggingTool(t, "pdftotext", "poppler-utils")
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.French, language.English}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	text := func(name string, data []byte) []byte {
		p := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdftotext, "-enc", "UTF-8", p, "-").Output()
		if err != nil {
			t.Fatalf("%s: pdftotext: %v", name, err)
		}
		return out
	}
	for _, ed := range []struct {
		name string
		opt  Options
	}{
		{"fr", Options{}},
		{"en", Options{Language: language.English}},
		{"parallel", Options{Edition: Parallel}},
		{"sequential", Options{Edition: Sequential}},
		{"pdfa", Options{Edition: Parallel, PDFA: true, Source: kazakhstan.JSON()}},
	} {
		tagged, _, err := Render(doc, ed.opt)
		if err != nil {
			t.Fatal(err)
		}
		untagged = true
		plain, _, err := Render(doc, ed.opt)
		untagged = false
		if err != nil {
			t.Fatal(err)
		}
		a, b := text(ed.name+".tagged", tagged), text(ed.name+".untagged", plain)
		if len(a) < 10_000 {
			t.Errorf("%s: pdftotext reads %d bytes only", ed.name, len(a))
		}
		if !bytes.Equal(a, b) {
			al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
			for i := range min(len(al), len(bl)) {
				if !bytes.Equal(al[i], bl[i]) {
					t.Errorf("%s: pdftotext's line %d: tagged %q, untagged %q", ed.name, i+1, al[i], bl[i])
					break
				}
			}
			t.Errorf("%s: pdftotext reads %d bytes tagged, %d untagged", ed.name, len(a), len(b))
		}
	}
}
