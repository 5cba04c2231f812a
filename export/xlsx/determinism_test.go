package xlsx

import (
	"bytes"
	"encoding/xml"
	"slices"
	"sync"
	"testing"
)

// TestDeterministic writes the same workbooks several times and checks
// that the bytes are the same each time. A workbook with a chart is the
// case that needs care: excelize adds its content-type defaults in map
// order, and writes streamed sheets in map order.
func TestDeterministic(t *testing.T) {
	doc := kzDoc(t)
	synth := syntheticDoc(t, 300, fr, en)
	for _, lang := range doc.Languages {
		first := workbook(t, doc, lang)
		firstSynth := workbook(t, synth, lang)
		for range 3 {
			if !bytes.Equal(workbook(t, doc, lang), first) {
				t.Fatalf("%s: Kazakhstan workbook differs between runs", lang)
			}
			if !bytes.Equal(workbook(t, synth, lang), firstSynth) {
				t.Fatalf("%s: synthetic workbook differs between runs", lang)
			}
		}
	}
}

// TestZipLayout checks what makes the bytes the same: the content types
// sorted, the parts in a fixed order, every entry dated by the document.
func TestZipLayout(t *testing.T) {
	doc := kzDoc(t)
	pk, files := parts(t, workbook(t, doc, en))
	var ct contentTypes
	if err := xml.Unmarshal(pk["[Content_Types].xml"], &ct); err != nil {
		t.Fatal(err)
	}
	var exts, partNames []string
	for _, d := range ct.Defaults {
		exts = append(exts, d.Extension)
	}
	for _, o := range ct.Overrides {
		partNames = append(partNames, o.PartName)
	}
	if !slices.IsSorted(exts) || !slices.Contains(exts, "png") || !slices.IsSorted(partNames) {
		t.Errorf("content types not sorted: %v %v", exts, partNames)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
		if want := doc.Meta.Updated.Time(); !f.Modified.Equal(want) {
			t.Errorf("%s: dated %v; want %v", f.Name, f.Modified, want)
		}
	}
	if names[0] != "[Content_Types].xml" || names[1] != "_rels/.rels" || !slices.IsSorted(names[2:]) {
		t.Errorf("parts in order %v", names)
	}
	for _, want := range []string{"xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml", "docProps/core.xml"} {
		if _, ok := pk[want]; !ok {
			t.Errorf("no part %s", want)
		}
	}
}

// TestSpool writes a workbook whose compressed parts overflow the
// in-memory spool into a temporary file, and checks that the result is
// the same as when they stay in memory.
func TestSpool(t *testing.T) {
	doc := syntheticDoc(t, 1000, en)
	want := workbook(t, doc, en)
	defer func(n int) { spoolMemory = n }(spoolMemory)
	spoolMemory = 4 << 10
	if got := workbook(t, doc, en); !bytes.Equal(got, want) {
		t.Error("workbook spooled to a file differs from the one kept in memory")
	}
}

// TestConcurrent writes the same briefing from several goroutines at once
// (run with -race): each gets the same bytes.
func TestConcurrent(t *testing.T) {
	doc := kzDoc(t)
	want := workbook(t, doc, en)
	got := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := Write(&buf, doc, Options{Language: en}); err != nil {
				t.Error(err)
			}
			got[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, g := range got {
		if !bytes.Equal(g, want) {
			t.Errorf("goroutine %d: workbook differs", i)
		}
	}
}
