package synth

import (
	"runtime"
	"strconv"
	"testing"
)

// BenchmarkWriteJSON streams dossiers of 1,000 to 1,000,000 figures (and
// 1,000 to 100,000 entries) to a writer that discards them. Besides time,
// bytes and allocations per operation, it reports the size written and
// the largest heap in use, sampled every 16 MB written, which stays flat
// as the dossier grows.
func BenchmarkWriteJSON(b *testing.B) {
	for _, size := range []struct{ entries, figures int }{{1000, 1000}, {10_000, 100_000}, {100_000, 1_000_000}} {
		b.Run(strconv.Itoa(size.figures), func(b *testing.B) {
			opt := Options{Entries: size.entries, Figures: size.figures, Seed: 1}
			var w heapWatch
			b.ReportAllocs()
			for b.Loop() {
				w.n, w.next = 0, 0
				if err := WriteJSON(&w, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(w.n)
			b.ReportMetric(float64(w.n)/1e6, "MB-written")
			b.ReportMetric(float64(w.peak)/1e6, "peak-heap-MB")
		})
	}
}

// heapWatch counts the bytes written to it and samples the heap.
type heapWatch struct {
	n, next int64
	peak    uint64
}

func (w *heapWatch) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	if w.n >= w.next {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		w.peak = max(w.peak, m.HeapInuse)
		w.next = w.n + 16<<20
	}
	return len(p), nil
}

// BenchmarkDossier builds dossiers in memory.
func BenchmarkDossier(b *testing.B) {
	for _, size := range []struct{ entries, figures int }{{1000, 1000}, {10_000, 100_000}} {
		b.Run(strconv.Itoa(size.figures), func(b *testing.B) {
			opt := Options{Entries: size.entries, Figures: size.figures, Seed: 1}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Dossier(opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
