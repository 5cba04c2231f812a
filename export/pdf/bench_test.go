package pdf_test

import (
	"testing"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/report"
)

// benchSizes are the briefings of the benchmarks: the Kazakhstan dossier
// and synthetic ones of 1,000 and 10,000 entries with half as many
// figures, all in French and English. A briefing is built only when its
// benchmark runs, before the timer starts.
var benchSizes = []struct {
	name string
	doc  func(b *testing.B) *report.Document
}{
	{"kazakhstan", func(b *testing.B) *report.Document { return benchDoc(b, 0) }},
	{"1000", func(b *testing.B) *report.Document { return benchDoc(b, 1000) }},
	{"10000", func(b *testing.B) *report.Document { return benchDoc(b, 10_000) }},
}

// benchDoc builds the bilingual briefing of a synthetic dossier of
// entries entries, or of the Kazakhstan dossier for 0.
func benchDoc(b *testing.B, entries int) *report.Document {
	b.Helper()
	d := dossier(b)
	if entries > 0 {
		var err error
		if d, err = synth.Dossier(synth.Options{Entries: entries, Figures: entries / 2, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
	doc, err := report.Build(d, bilingual)
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkPDF renders the single French edition of each briefing. Its
// floor, BenchmarkPDFFloor, sets the same content with bare fpdf calls.
func BenchmarkPDF(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			benchRender(b, size.doc(b), pdf.Options{Language: fr})
		})
	}
}

// BenchmarkPDFEdition renders the two-language editions of each briefing.
func BenchmarkPDFEdition(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			doc := size.doc(b)
			for _, ed := range []pdf.Edition{pdf.Parallel, pdf.Sequential} {
				b.Run(ed.String(), func(b *testing.B) { benchRender(b, doc, pdf.Options{Edition: ed}) })
			}
		})
	}
}

func benchRender(b *testing.B, doc *report.Document, opt pdf.Options) {
	var size, pages int
	b.ReportAllocs()
	for b.Loop() {
		data, info, err := pdf.Render(doc, opt)
		if err != nil {
			b.Fatal(err)
		}
		size, pages = len(data), info.Pages
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(size)/(1<<20), "pdf-MB")
}
