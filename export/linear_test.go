package export_test

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// TestLinearStages runs every stage — decode, validate, build, PDF,
// workbook, HTML — on synthetic dossiers of 1,000 and 10,000 entries (and half
// as many figures) and fails when ten times the data costs more than 25
// times the time or 15 times the memory allocated: a step gone quadratic
// shows up here, not only as a figure in BENCHMARKS.md. Each stage is
// timed at its fastest of two runs, so that a pause of the machine does
// not fail it; the factor is generous for the same reason.
func TestLinearStages(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: renders a 10,000-entry briefing")
	}
	if os.Getenv("COIBRIEF_SKIP_LINEAR") == "1" {
		t.Skip("COIBRIEF_SKIP_LINEAR=1")
	}
	type cost struct {
		d     time.Duration
		bytes uint64
	}
	stages := []string{"decode", "validate", "build", "pdf", "workbook", "html"}
	costs := map[int]map[string]cost{}
	for _, n := range []int{1000, 10000} {
		var js bytes.Buffer
		if err := synth.WriteJSON(&js, synth.Options{Entries: n, Figures: n / 2, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		var d *model.Dossier
		var doc *report.Document
		run := map[string]func() error{
			"decode": func() (err error) { d, err = model.Unmarshal(js.Bytes()); return err },
			"validate": func() error {
				return model.Validate(d).Err()
			},
			"build": func() (err error) {
				doc, err = report.Build(d, report.Options{Languages: []language.Tag{language.French}})
				return err
			},
			"pdf": func() error { _, err := pdf.Write(io.Discard, doc, pdf.Options{}); return err },
			"workbook": func() error {
				return xlsx.Write(io.Discard, doc, xlsx.Options{})
			},
			"html": func() error { _, err := html.Write(io.Discard, doc, html.Options{}); return err },
		}
		costs[n] = map[string]cost{}
		for _, st := range stages {
			best := cost{d: time.Hour}
			for range 2 {
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				start := time.Now()
				if err := run[st](); err != nil {
					t.Fatalf("%s of %d entries: %v", st, n, err)
				}
				el := time.Since(start)
				runtime.ReadMemStats(&after)
				best.d = min(best.d, el)
				best.bytes = after.TotalAlloc - before.TotalAlloc
			}
			costs[n][st] = best
		}
	}
	for _, st := range stages {
		a, b := costs[1000][st], costs[10000][st]
		tr, mr := float64(b.d)/float64(a.d), float64(b.bytes)/float64(a.bytes)
		t.Logf("%-8s 1,000: %8v %7.1f MB   10,000: %8v %7.1f MB   ×%.1f time, ×%.1f memory",
			st, a.d.Round(time.Millisecond), float64(a.bytes)/1e6, b.d.Round(time.Millisecond), float64(b.bytes)/1e6, tr, mr)
		if tr > 25 && b.d > 200*time.Millisecond {
			t.Errorf("%s: ten times the entries take %.1f times as long", st, tr)
		}
		if mr > 15 {
			t.Errorf("%s: ten times the entries allocate %.1f times as much", st, mr)
		}
	}
}
