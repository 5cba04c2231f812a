package xlsx

import (
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// benchSizes are the briefings of the benchmarks, all in French and
// English: the Kazakhstan dossier; synthetic dossiers (internal/synth) of
// 1,000 and 10,000 entries with half as many figures; and synthetic
// dossiers of 100,000 and 1,000,000 figures with one entry per hundred
// figures. A briefing is built only when its benchmark runs, before the
// timer starts.
var benchSizes = []struct {
	name string
	doc  func(b *testing.B) *report.Document
}{
	{"kazakhstan", func(b *testing.B) *report.Document { return kzDoc(b) }},
	{"1000", func(b *testing.B) *report.Document { return synthDoc(b, 1000, 500) }},
	{"10000", func(b *testing.B) *report.Document { return synthDoc(b, 10_000, 5000) }},
	{"100000", func(b *testing.B) *report.Document { return synthDoc(b, 1000, 100_000) }},
	{"1000000", func(b *testing.B) *report.Document { return synthDoc(b, 10_000, 1_000_000) }},
}

// synthDoc builds the bilingual briefing of a dossier of internal/synth.
func synthDoc(b *testing.B, entries, figures int) *report.Document {
	b.Helper()
	d, err := synth.Dossier(synth.Options{Entries: entries, Figures: figures, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{fr, en}})
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkWorkbook writes the French workbook of each briefing. Its
// floor, BenchmarkWorkbookFloor, writes the same cells with bare excelize
// calls. Besides -benchmem's figures it reports:
//
//   - peak-RSS-MB: the process's peak resident set size while writing
//     (VmHWM, reset before the timer where the kernel allows it), which
//     includes the briefing itself and the garbage the collector lets
//     grow up to its size;
//   - doc-live-MB: the live heap before writing, mostly the briefing;
//   - write-live-MB: the most the live heap grew over it while writing,
//     as the garbage collector measured it: what Write keeps;
//   - xlsx-MB: the size of the workbook.
func BenchmarkWorkbook(b *testing.B) {
	cases := benchSizes
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			doc := c.doc(b)
			runtime.GC()
			base := liveHeap()
			resetPeakRSS()
			stop := make(chan struct{})
			peak := make(chan uint64)
			go func() { // sample the live heap the collector measured
				m := base
				tick := time.NewTicker(20 * time.Millisecond)
				defer tick.Stop()
				for {
					select {
					case <-stop:
						peak <- max(m, liveHeap())
						return
					case <-tick.C:
						m = max(m, liveHeap())
					}
				}
			}()
			var size int64
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				var w countWriter
				if err := Write(&w, doc, Options{Language: fr}); err != nil {
					b.Fatal(err)
				}
				size = int64(w)
			}
			b.StopTimer()
			close(stop)
			grew := <-peak - base
			runtime.KeepAlive(doc)
			if rss := peakRSS(); rss > 0 {
				b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MB")
			}
			b.ReportMetric(float64(base)/(1<<20), "doc-live-MB")
			b.ReportMetric(float64(grew)/(1<<20), "write-live-MB")
			b.ReportMetric(float64(size)/(1<<20), "xlsx-MB")
		})
	}
}

type countWriter int64

func (w *countWriter) Write(p []byte) (int, error) { *w += countWriter(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

// resetPeakRSS resets VmHWM to the current RSS (Linux 4.0 and later).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS returns VmHWM in bytes, or 0 where /proc is not there.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// liveHeap returns the heap the last garbage collection found live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
