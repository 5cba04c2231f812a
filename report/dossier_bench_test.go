package report_test

import (
	"testing"

	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// BenchmarkDossier takes the dossier of a briefing focused on one region
// of a synthetic dossier of 10,000 entries and 5,000 figures.
func BenchmarkDossier(b *testing.B) {
	d, err := synth.Dossier(synth.Options{Entries: 10_000, Figures: 5_000, Seed: 19})
	if err != nil {
		b.Fatal(err)
	}
	var region model.PlaceID
	for _, p := range d.Places {
		if p.Kind == model.PlaceRegion {
			region = p.ID
			break
		}
	}
	doc, err := report.Build(d, report.Options{Filter: report.Filter{Places: []model.PlaceID{region}}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := doc.Dossier(); err != nil {
			b.Fatal(err)
		}
	}
}
