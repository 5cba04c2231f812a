package events_test

import (
	"io"
	"testing"

	"github.com/coibrief/coibrief/export/events"
	"github.com/coibrief/coibrief/internal/datatest"
)

// BenchmarkWrite writes the data of the briefing of a synthetic dossier
// of 10,000 entries and 5,000 figures.
func BenchmarkWrite(b *testing.B) {
	doc := datatest.Synthetic(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := events.Write(io.Discard, doc, events.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
