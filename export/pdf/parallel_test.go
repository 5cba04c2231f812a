package pdf_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/report"
)

// TestConcurrentRenders renders 16 briefings at once, from one shared
// document, and checks that each is byte-identical to a serial render.
// Run under -race it also checks that rendering shares no unguarded state.
func TestConcurrentRenders(t *testing.T) {
	doc, err := report.Build(dossier(t), bilingual)
	if err != nil {
		t.Fatal(err)
	}
	opts := []pdf.Options{{Language: fr}, {Language: en}, {Edition: pdf.Parallel}, {Edition: pdf.Sequential}}
	want := make([][]byte, len(opts))
	for i, o := range opts {
		if want[i], _, err = pdf.Render(doc, o); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	got := make([][]byte, 16)
	errs := make([]error, 16)
	for i := range 16 {
		wg.Go(func() {
			got[i], _, errs[i] = pdf.Render(doc, opts[i%len(opts)])
		})
	}
	wg.Wait()
	for i := range 16 {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(got[i], want[i%len(opts)]) {
			t.Errorf("concurrent render %d (%+v) differs from the serial one", i, opts[i%len(opts)])
		}
	}
}
