package report_test

import (
	"testing"

	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// benchSizes are the dossiers of the stage benchmarks: the embedded
// Kazakhstan dossier and synthetic ones of 1,000 and 10,000 entries with
// half as many figures, each made only when its benchmark runs.
var benchSizes = []struct {
	name    string
	dossier func(b *testing.B) *model.Dossier
}{
	{"kazakhstan", func(b *testing.B) *model.Dossier { return dossier(b) }},
	{"1000", func(b *testing.B) *model.Dossier { return synthDossier(b, 1000) }},
	{"10000", func(b *testing.B) *model.Dossier { return synthDossier(b, 10_000) }},
}

func synthDossier(b *testing.B, entries int) *model.Dossier {
	b.Helper()
	d, err := synth.Dossier(synth.Options{Entries: entries, Figures: entries / 2, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkBuild builds the bilingual (French and English) briefing of
// each dossier.
func BenchmarkBuild(b *testing.B) {
	opt := report.Options{Languages: []language.Tag{fr, en}}
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			d := size.dossier(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := report.Build(d, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildOptions builds the Kazakhstan briefing in one language,
// in two, and filtered to one city.
func BenchmarkBuildOptions(b *testing.B) {
	d := dossier(b)
	for _, c := range []struct {
		name string
		opt  report.Options
	}{
		{"fr", report.Options{Languages: []language.Tag{fr}}},
		{"fr+en", report.Options{Languages: []language.Tag{fr, en}}},
		{"almaty", report.Options{Languages: []language.Tag{fr}, Filter: almaty()}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := report.Build(d, c.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
