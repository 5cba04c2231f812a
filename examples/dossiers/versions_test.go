package dossiers_test

import (
	"slices"
	"testing"

	"github.com/coibrief/coibrief/report"
)

// TestGeorgianVersions checks that the two versions of the Georgian
// example differ as the history of the later one says.
func TestGeorgianVersions(t *testing.T) {
	old, new := loadExample(t, "ge-example.v1.json"), loadExample(t, "ge-example.json")
	c, err := report.Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ch := range c.List {
		got = append(got, ch.Kind.String()+" "+ch.Ref.String()+" "+ch.Old+" → "+ch.New)
	}
	want := []string{
		"metadata dossier:method.version 1.0 → 1.1",
		"metadata dossier:updated  → 2022-10-18",
		"metadata dossier:method.cutOff 2022-09-30 → 2022-10-14",
		"metadata dossier:method.sourcesConsulted 2022-09-05/2022-10-01 → 2022-09-05/2022-10-15",
		"entry-added statement:2022-09-05-02  → 2022-09-05",
		"reworded statement:2022-09-07-02  → ",
		"entry-moved statement:2022-09-07-03 2022-09-08 → 2022-09-07",
		"entry-edited statement:2022-09-07-03  → 13:00",
		"reworded statement:2022-09-08-02  → ",
		"figure-revised figure:fig-11 11 → 13",
		"source-added source:imeretis-ambebi-2022-09-06  → " + new.Sources[1].Outlet + ", 2022-09-06",
		"source-edited source:karadeniz-2022-09-07  → ",
		"place-added place:zestaponi  → city",
		"place-added place:chiatura  → city",
		"version-added dossier:history  → 1.1",
	}
	if !slices.Equal(got, want) {
		t.Errorf("changes\n\t%q\nwant\n\t%q", got, want)
	}
	if c.Since != "1.0" || c.Version != "1.1" {
		t.Errorf("since %q, version %q", c.Since, c.Version)
	}
}
