package events_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/export/events"
	"github.com/coibrief/coibrief/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares data with testdata/name, or writes it there with -update.
func golden(t *testing.T, name string, data []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export/events -run TestGolden -update to create it)", err)
	}
	if !bytes.Equal(data, want) {
		a, b := bytes.Split(data, []byte("\n")), bytes.Split(want, []byte("\n"))
		for i := 0; i < len(a) || i < len(b); i++ {
			var x, y []byte
			if i < len(a) {
				x = a[i]
			}
			if i < len(b) {
				y = b[i]
			}
			if !bytes.Equal(x, y) {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s", path, i+1, x, y)
			}
		}
	}
}

// germanExample returns the briefing of the fictional German example in
// German, the smallest example dossier.
func germanExample(t *testing.T) *report.Document {
	t.Helper()
	d, _, err := dossiers.Load("de-example.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestGolden holds the bytes of the events of the German example.
func TestGolden(t *testing.T) {
	golden(t, "de-example.acled.csv", write(t, germanExample(t), events.Options{}))
}
