package html_test

import (
	"testing"

	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/report"
)

// BenchmarkHTML renders the Kazakhstan briefing in French, and in
// parallel, as whole pages.
func BenchmarkHTML(b *testing.B) {
	doc := kzDoc(b, report.Filter{})
	for _, c := range []struct {
		name string
		opt  html.Options
	}{{"fr", html.Options{}}, {"parallel", html.Options{Edition: html.Parallel}}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				out, _, err := html.Render(doc, c.opt)
				if err != nil {
					b.Fatal(err)
				}
				n = len(out)
			}
			b.ReportMetric(float64(n)/1024, "KB")
		})
	}
}
