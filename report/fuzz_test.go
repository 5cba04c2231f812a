package report_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// FuzzBuild builds briefings of fuzzed dossiers with fuzzed options: Build
// must never panic, and what it builds must keep its own invariants.
func FuzzBuild(f *testing.F) {
	files, _ := filepath.Glob("../model/testdata/*.json")
	files = append(files, "../model/testdata/invalid/uncited-source.json", "../model/testdata/invalid/group-not-among-places.json")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint16(0x0201))
		f.Add(data, uint16(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, knobs uint16) {
		d, err := model.Unmarshal(data)
		if err != nil || model.Validate(d).Err() != nil {
			return
		}
		langs, kind := uint8(knobs), uint8(knobs>>8)
		var place, from, to string
		if kind&1 == 1 && len(d.Places) > 0 {
			place = string(d.Places[int(kind)%len(d.Places)].ID)
		}
		if kind&2 == 2 {
			from, to = d.Period.Start.AddDays(int(kind>>4)).String(), d.Period.Start.AddDays(int(kind>>2)).String()
		}
		var opt report.Options
		switch langs % 4 {
		case 1:
			opt.Languages = d.Languages
		case 2:
			opt.Languages = []language.Tag{language.English}
		case 3:
			opt.Languages = []language.Tag{language.French, language.French}
		}
		if place != "" {
			opt.Filter.Places = []model.PlaceID{model.PlaceID(place)}
		}
		opt.Filter.From, _ = model.ParseDate(from)
		opt.Filter.To, _ = model.ParseDate(to)
		if kind > 0 {
			opt.Filter.Kinds = []model.EventKind{model.EventKind(kind % 16)}
		}
		doc, err := report.Build(d, opt)
		if err != nil {
			if doc != nil {
				t.Fatal("a document returned with an error")
			}
			return
		}
		for i, fn := range doc.Footnotes {
			if fn.Number != i+1 {
				t.Fatalf("footnote %d numbered %d", i+1, fn.Number)
			}
		}
		if err := doc.Dump(discard{}); err != nil {
			t.Fatal(err)
		}
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
