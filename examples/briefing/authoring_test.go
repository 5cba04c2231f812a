package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/model"
)

// TestAuthoringWorkbook converts the Kazakhstan dossier to an authoring
// workbook and back, renders the same workbooks from either, writes an
// empty template, and names a broken cell by sheet and column.
func TestAuthoringWorkbook(t *testing.T) {
	dir := t.TempDir()
	kz := filepath.Join(dir, "kz.xlsx")
	if r := briefing(t, "-q", "-convert", kz); r.code != 0 {
		t.Fatalf("-convert: exit %d\n%s", r.code, r.stderr)
	}
	js := filepath.Join(dir, "kz.json")
	if r := briefing(t, "-q", "-dossier", kz, "-convert", js); r.code != 0 {
		t.Fatalf("-dossier kz.xlsx -convert: exit %d\n%s", r.code, r.stderr)
	}
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := model.Encode(&want, d); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("the dossier converted to a workbook and back is not the embedded dossier")
	}
	fromJSON, fromBook := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if r := briefing(t, "-q", "-format", "xlsx", "-out", fromJSON); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if r := briefing(t, "-q", "-format", "xlsx", "-dossier", kz, "-out", fromBook); r.code != 0 {
		t.Fatalf("-dossier kz.xlsx: exit %d\n%s", r.code, r.stderr)
	}
	for _, name := range []string{"kz-2022-01.fr.xlsx", "kz-2022-01.en.xlsx"} {
		a, errA := os.ReadFile(filepath.Join(fromJSON, name))
		b, errB := os.ReadFile(filepath.Join(fromBook, name))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the JSON and the authoring workbook (%v, %v)", name, errA, errB)
		}
	}
	empty := filepath.Join(dir, "empty.xlsx")
	if r := briefing(t, "-template", empty, "-lang", "fr"); r.code != 0 || !strings.Contains(r.stdout, "wrote "+empty) {
		t.Fatalf("-template: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// An empty workbook reads as a dossier with everything missing.
	r := briefing(t, "-validate", "-dossier", empty)
	if r.code != 1 || !strings.Contains(r.stderr, "empty.xlsx: Métadonnées") {
		t.Errorf("-validate of an empty template: exit %d\n%s", r.code, r.stderr)
	}
	if r := briefing(t, "-template", filepath.Join(dir, "x.ods")); r.code != 2 {
		t.Errorf("-template x.ods: exit %d, want 2\n%s", r.code, r.stderr)
	}
}
