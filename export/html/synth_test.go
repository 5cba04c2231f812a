package html_test

import (
	"testing"

	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/report"
)

// TestSynthetic renders generated dossiers set in countries of other
// scripts and regions, in both editions of two languages: the pages keep
// their structure, and the map names the places of the country.
func TestSynthetic(t *testing.T) {
	for _, country := range []string{"", "AF", "EG", "ET", "CN", "GE", "VE"} {
		t.Run(country, func(t *testing.T) {
			d, err := synth.Dossier(synth.Options{Entries: 60, Figures: 80, Seed: 7, Country: country})
			if err != nil {
				t.Fatal(err)
			}
			langs := d.Languages
			if len(langs) > 2 {
				langs = langs[:2]
			}
			doc, err := report.Build(d, report.Options{Languages: langs})
			if err != nil {
				t.Fatal(err)
			}
			var ls []string
			for _, l := range langs {
				ls = append(ls, l.String())
			}
			for _, opt := range []html.Options{{}, {Edition: html.Parallel}} {
				if opt.Edition == html.Parallel && len(langs) < 2 {
					continue
				}
				p := parse(t, render(t, doc, opt), false)
				want := ls
				if opt.Edition == html.Single {
					want = ls[:1]
				}
				checkStructure(t, p, want)
				if doc.Map != nil && len(p.elements("svg")) < 2 {
					t.Error("no map")
				}
			}
		})
	}
}
