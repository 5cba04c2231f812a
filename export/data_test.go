package export_test

import (
	"bytes"
	"flag"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/export/biblio"
	"github.com/coibrief/coibrief/export/events"
	"github.com/coibrief/coibrief/export/geojson"
	"github.com/coibrief/coibrief/internal/fuzzdossier"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// FuzzData checks the data formats on the edits of FuzzAgree: a dossier
// that validates writes every bibliography format, the events and the
// map in each language, and the dossier of its briefing — focused, when
// the knobs ask for a filter — validates and builds the same briefing.
func FuzzData(f *testing.F) {
	bs := bases(f)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range bs {
		f.Add(uint8(i), []byte{}, "", uint16(1))
		for range 6 {
			ops := make([]byte, 5*(1+r.IntN(4)))
			for j := range ops {
				ops[j] = byte(r.IntN(256))
			}
			f.Add(uint8(i), ops, hostileTexts[r.IntN(len(hostileTexts))], uint16(r.IntN(1<<16)))
		}
	}
	valid, focused := 0, 0
	f.Cleanup(func() {
		if fz := flag.Lookup("test.fuzz"); fz != nil && fz.Value.String() != "" {
			return // the inputs ran in worker processes
		}
		f.Logf("%d of the inputs validated and wrote, %d of them focused", valid, focused)
		if !testing.Short() && (valid < 20 || focused < 5) {
			f.Errorf("only %d of the seeds were valid, %d focused: the property was hardly tested", valid, focused)
		}
	})
	f.Fuzz(func(t *testing.T, base uint8, ops []byte, text string, knobs uint16) {
		d, err := model.Unmarshal(fuzzdossier.Pick(base, bs))
		if err != nil {
			t.Fatal(err)
		}
		fuzzdossier.Apply(d, ops, text)
		if model.Validate(d).Err() != nil || report.Validate(d, report.Options{}).Err() != nil {
			return
		}
		ropt, ok := fuzzdossier.Options(d, knobs)
		if !ok {
			ropt = report.Options{}
		}
		doc, err := report.Build(d, ropt)
		if err != nil {
			return // a filter that leaves nothing, or options the dossier cannot take: not this test's concern
		}
		valid++
		if !ropt.Filter.IsZero() {
			focused++
		}
		for _, tag := range doc.Languages {
			for _, fm := range []biblio.Format{biblio.CSL, biblio.RIS, biblio.BibLaTeX, biblio.BibTeX} {
				if err := biblio.Write(io.Discard, doc, biblio.Options{Format: fm, Language: tag}); err != nil {
					t.Fatalf("biblio %s %s: %v", fm, tag, err)
				}
			}
			for _, excel := range []bool{false, true} {
				if err := events.Write(io.Discard, doc, events.Options{Language: tag, Excel: excel}); err != nil {
					t.Fatalf("events %s: %v", tag, err)
				}
			}
			if err := geojson.Write(io.Discard, doc, geojson.Options{Language: tag}); err != nil {
				t.Fatalf("geojson %s: %v", tag, err)
			}
		}
		dd, err := doc.Dossier()
		if err != nil {
			t.Fatalf("Dossier: %v", err)
		}
		var buf bytes.Buffer
		if err := model.Encode(&buf, dd); err != nil {
			t.Fatalf("encoding the dossier of the briefing: %v", err)
		}
		back, err := model.Unmarshal(buf.Bytes())
		if err != nil {
			t.Fatalf("the dossier of the briefing does not decode: %v", err)
		}
		if errs := model.Validate(back).Errors(); len(errs) > 0 {
			t.Fatalf("the dossier of the briefing does not validate: %v", errs)
		}
		again := ropt
		again.Filter = report.Filter{}
		doc2, err := report.Build(back, again)
		if err != nil {
			t.Fatalf("the dossier of the briefing does not build: %v", err)
		}
		if w, g := dumpOf(t, doc, true), dumpOf(t, doc2, false); w != g {
			t.Fatalf("the briefing built again from its dossier differs:\n--- want\n%s\n--- got\n%s", w, g)
		}
	})
}

// dumpOf returns doc's dump without the lines describing its filter
// (filtered) and without the gazetteer's lines for places with no entries,
// which a briefing built again from its dossier may list in addition
// (report.Document.Dossier keeps the places its paragraphs name).
func dumpOf(t *testing.T, doc *report.Document, filtered bool) string {
	t.Helper()
	var buf bytes.Buffer
	if err := doc.Dump(&buf); err != nil {
		t.Fatal(err)
	}
	var keep []string
	for _, l := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(l, "filter ") || strings.HasPrefix(l, "place ") && strings.Contains(l, " entries=0 ") {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}
