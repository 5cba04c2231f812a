package geojson_test

import (
	"io"
	"testing"

	"github.com/coibrief/coibrief/export/geojson"
	"github.com/coibrief/coibrief/internal/datatest"
)

// BenchmarkWrite writes the data of the briefing of a synthetic dossier
// of 10,000 entries and 5,000 figures.
func BenchmarkWrite(b *testing.B) {
	doc := datatest.Synthetic(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := geojson.Write(io.Discard, doc, geojson.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
