package model_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
)

// large reports whether the tests of large dossiers run: they write and
// read files of hundreds of megabytes. .ci/run sets COIBRIEF_LARGE=1.
func large() bool { return os.Getenv("COIBRIEF_LARGE") == "1" }

// writeSynth writes a synthetic dossier to a file in dir and returns its
// name and size.
func writeSynth(tb testing.TB, dir string, opt synth.Options) (string, int64) {
	tb.Helper()
	name := filepath.Join(dir, "synth.json")
	f, err := os.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := synth.WriteJSON(w, opt); err != nil {
		tb.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	fi, err := f.Stat()
	if err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return name, fi.Size()
}

// TestLoadLarge loads a synthetic dossier of 100,000 entries and
// 1,000,000 figures, well within the limits, and checks that loading
// needs memory for the dossier, not for copies of its text: the heap
// never holds much more than the dossier it ends with.
func TestLoadLarge(t *testing.T) {
	if !large() {
		t.Skip("set COIBRIEF_LARGE=1 to load a dossier of 1,000,000 figures")
	}
	name, size := writeSynth(t, t.TempDir(), synth.Options{Entries: 100_000, Figures: 1_000_000, Seed: 1})
	// Collect garbage often, so that the heap's peak is what loading
	// holds, not what the collector has yet to free.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				if ms.HeapAlloc > peak.Load() {
					peak.Store(ms.HeapAlloc)
				}
			}
		}
	}()
	start := time.Now()
	d, issues, err := model.LoadFile(name)
	elapsed := time.Since(start)
	close(done)
	if err != nil {
		t.Fatal(err)
	}
	if err := issues.Err(); err != nil {
		t.Fatal(err)
	}
	entries := 0
	for _, day := range d.Chronology {
		entries += len(day.Entries)
	}
	if entries != 100_000 || len(d.Figures) != 1_000_000 {
		t.Errorf("%d entries and %d figures; want 100,000 and 1,000,000", entries, len(d.Figures))
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	live := ms.HeapAlloc
	runtime.KeepAlive(d)
	t.Logf("%d MB of JSON loaded in %v; dossier %d MB, heap peak %d MB", size>>20, elapsed.Round(time.Millisecond), live>>20, peak.Load()>>20)
	// Holding the text once would add the size of the file; growing the
	// list of figures briefly holds it twice, which is most of what
	// loading needs beyond the dossier.
	if p := peak.Load(); p > live+uint64(size)*9/10 {
		t.Errorf("heap peaked at %d MB for a dossier of %d MB from %d MB of JSON", p>>20, live>>20, size>>20)
	}
}

// BenchmarkLoadFile loads synthetic dossiers from files: 10,000 entries
// and 100,000 figures, and with COIBRIEF_LARGE=1 ten times that.
func BenchmarkLoadFile(b *testing.B) {
	sizes := []synth.Options{{Entries: 10_000, Figures: 100_000, Seed: 1}}
	if large() {
		sizes = append(sizes, synth.Options{Entries: 100_000, Figures: 1_000_000, Seed: 1})
	}
	for _, opt := range sizes {
		b.Run(fmtCount(opt.Figures)+"-figures", func(b *testing.B) {
			name, size := writeSynth(b, b.TempDir(), opt)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := model.LoadFile(name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func fmtCount(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprint(n/1_000_000) + "M"
	case n >= 1000 && n%1000 == 0:
		return fmt.Sprint(n/1000) + "k"
	}
	return fmt.Sprint(n)
}
