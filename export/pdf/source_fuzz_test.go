package pdf

import (
	"errors"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// FuzzExtractSource feeds ExtractSource damaged copies of a PDF/A file
// with the dossier attached: it returns the source or an error wrapping
// ErrSource, and never panics.
func FuzzExtractSource(f *testing.F) {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		f.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.French}})
	if err != nil {
		f.Fatal(err)
	}
	data, _, err := Render(doc, Options{PDFA: true, Source: []byte(`{"a": 1}`)})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[len(data)-2000:])
	f.Add([]byte("%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n9\n%%EOF"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := ExtractSource(b); err != nil && !errors.Is(err, ErrSource) {
			t.Errorf("%v does not wrap ErrSource", err)
		}
	})
}
