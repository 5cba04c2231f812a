package report_test

import (
	"os"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/internal/fuzzdossier"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// fuzzBases are the dossiers the fuzz targets edit: small synthetic ones,
// minimal.json and, last and seldom, the Kazakhstan dossier.
func fuzzBases(f *testing.F) [][]byte {
	bases, err := fuzzdossier.Bases()
	if err != nil {
		f.Fatal(err)
	}
	data, err := os.ReadFile("../model/testdata/minimal.json")
	if err != nil {
		f.Fatal(err)
	}
	return append(bases, data, kazakhstan.JSON())
}

// FuzzBuild builds briefings of edited dossiers (see package
// fuzzdossier) with fuzzed options. Build must never panic, valid or not
// the dossier; it must build every valid dossier with valid options; and
// what it builds must keep its invariants: footnotes numbered from 1, a
// text in each language of the briefing everywhere, a dump.
func FuzzBuild(f *testing.F) {
	bases := fuzzBases(f)
	for i := range bases {
		for _, knobs := range []uint16{0, 1, 2, 0x0049, 0x3c4a, 0xc001} {
			f.Add(uint8(i), []byte{}, "", knobs)
		}
		f.Add(uint8(i), []byte{0, 0, 30, 5, 0, 2, 0, 12, 1, 0, 4, 0, 40, 0}, "Шымкент", uint16(1))
	}
	f.Add(uint8(255), []byte{}, "", uint16(0x0049))
	f.Fuzz(func(t *testing.T, base uint8, ops []byte, text string, knobs uint16) {
		d, err := model.Unmarshal(fuzzdossier.Pick(base, bases))
		if err != nil {
			t.Fatal(err)
		}
		fuzzdossier.Apply(d, ops, text)
		valid := model.Validate(d).Err() == nil
		opt, validOpt := fuzzdossier.Options(d, knobs)
		doc, err := report.Build(d, opt)
		if err != nil {
			if doc != nil {
				t.Fatal("a document returned with an error")
			}
			if valid && validOpt {
				t.Fatalf("a valid dossier with options %+v: %v", opt, err)
			}
			return
		}
		checkDocument(t, doc)
	})
}

// checkDocument checks the invariants of a built document.
func checkDocument(t *testing.T, doc *report.Document) {
	t.Helper()
	if err := doc.Check(); err != nil {
		t.Fatalf("Build made a document that fails Check: %v", err)
	}
	for i, fn := range doc.Footnotes {
		if fn.Number != i+1 {
			t.Fatalf("footnote %d numbered %d", i+1, fn.Number)
		}
	}
	n := len(doc.Languages)
	check := func(what string, l report.L) {
		if len(l) != n {
			t.Fatalf("%s has %d languages, the briefing %d", what, len(l), n)
		}
	}
	check("title", doc.Meta.Title)
	check("summary", doc.Meta.Summary)
	for _, c := range doc.Contents {
		check("contents entry "+c.Anchor, c.Title)
	}
	err := report.Walk(doc, func(node report.Node, entering bool) (report.WalkStatus, error) {
		switch node := node.(type) {
		case *report.Section:
			check("section "+node.Anchor, node.Title)
		case *report.Paragraph:
			check("paragraph", node.Text)
		}
		return report.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Dump(discard{}); err != nil {
		t.Fatal(err)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
