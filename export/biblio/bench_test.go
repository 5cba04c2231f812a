package biblio_test

import (
	"io"
	"testing"

	"github.com/coibrief/coibrief/export/biblio"
	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/report"
)

// BenchmarkWrite writes the data of the briefing of a synthetic dossier
// of 10,000 entries and 5,000 figures.
func BenchmarkWrite(b *testing.B) {
	d, err := synth.Dossier(synth.Options{Entries: 10_000, Figures: 5_000, Seed: 19})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := biblio.Write(io.Discard, doc, biblio.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
