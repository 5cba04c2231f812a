package model_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/coibrief/coibrief/model"
)

func TestCompareVersions(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"1.0", "1.1", -1},
		{"1.9", "1.10", -1},
		{"1.10", "1.9", 1},
		{"2", "1.9", 1},
		{"1", "1.0", -1},
		{"1.1", "1.1", 0},
		{"1.0-draft", "1.0-final", -1},
	} {
		if got := model.CompareVersions(c.a, c.b); got != c.want {
			t.Errorf("CompareVersions(%q, %q) = %d; want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestHistoryRoundTrip checks that a dossier's history survives
// load → save → load, and that VersionAt finds a version.
func TestHistoryRoundTrip(t *testing.T) {
	d1, issues, err := model.LoadFile("testdata/valid/history.json")
	if err != nil || len(issues) > 0 {
		t.Fatalf("LoadFile: %v %v", err, issues)
	}
	if len(d1.History) != 3 {
		t.Fatalf("got %d versions; want 3", len(d1.History))
	}
	var b bytes.Buffer
	if err := model.Encode(&b, d1); err != nil {
		t.Fatal(err)
	}
	d2, err := model.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d1.History, d2.History) {
		t.Errorf("round trip changed the history:\n%+v\n%+v", d1.History, d2.History)
	}
	v, ok := d2.VersionAt("1.1")
	if !ok || v.Date.String() != "2022-03-25" || v.Note.IsZero() {
		t.Errorf("VersionAt(1.1) = %+v, %v", v, ok)
	}
	if _, ok := d2.VersionAt("9"); ok {
		t.Error("VersionAt(9) found a version")
	}
}
