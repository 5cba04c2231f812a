package biblio_test

import (
	"testing"

	"github.com/coibrief/coibrief/export/biblio"
)

// TestGolden holds the bytes of each format for the German example.
func TestGolden(t *testing.T) {
	doc := germanExample(t)
	for f, name := range map[biblio.Format]string{biblio.CSL: "csl.json", biblio.RIS: "ris", biblio.BibLaTeX: "bib", biblio.BibTeX: "bibtex.bib"} {
		golden(t, "de-example."+name, write(t, doc, biblio.Options{Format: f}))
	}
}
