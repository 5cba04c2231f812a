package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/model"
)

// TestPDFASource writes a focused PDF/A briefing, extracts the dossier it
// carries, and makes the briefing again from that file with no filter:
// the attached dossier holds what the briefing holds (fewer entries and
// sources than the whole dossier), and it gives the same briefing — the
// same text but for the cover's line naming the filter — and carries
// itself unchanged.
func TestPDFASource(t *testing.T) {
	dir := t.TempDir()
	a, b, c, e := filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "c"), filepath.Join(dir, "e")
	focused := "kz-2022-01-almaty-from-2022-01-04-to-2022-01-07.fr"
	if r := briefing(t, "-pdfa", "-place", "Almaty", "-from", "2022-01-04", "-to", "2022-01-07", "-lang", "fr", "-format", "pdf", "-out", a, "-q"); r.code != 0 {
		t.Fatalf("-pdfa: exit %d\n%s", r.code, r.stderr)
	}
	if r := briefing(t, "-extract", filepath.Join(a, focused+".pdf"), "-out", b, "-q"); r.code != 0 {
		t.Fatalf("-extract: exit %d\n%s", r.code, r.stderr)
	}
	extracted := filepath.Join(b, focused+".dossier.json")
	first, err := os.ReadFile(extracted)
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Decode(bytes.NewReader(first))
	if err != nil {
		t.Fatalf("the extracted dossier does not load: %v", err)
	}
	if err := model.Validate(d).Err(); err != nil {
		t.Fatalf("the extracted dossier is not valid: %v", err)
	}
	whole, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sources) >= len(whole.Sources) || countEntries(d) >= countEntries(whole) {
		t.Errorf("the attached dossier has %d sources and %d entries, the whole one %d and %d: not filtered",
			len(d.Sources), countEntries(d), len(whole.Sources), countEntries(whole))
	}
	from, _ := model.ParseDate("2022-01-04")
	to, _ := model.ParseDate("2022-01-07")
	for _, day := range d.Chronology {
		if day.When.Start.Before(from) || day.When.End.After(to) {
			t.Errorf("the attached dossier holds %s, outside the briefing's dates", day.When)
		}
	}

	if r := briefing(t, "-pdfa", "-dossier", extracted, "-lang", "fr", "-format", "pdf", "-out", c, "-q"); r.code != 0 {
		t.Fatalf("the extracted dossier: exit %d\n%s", r.code, r.stderr)
	}
	again := filepath.Join(c, "kz-2022-01.fr.pdf")
	if r := briefing(t, "-extract", again, "-out", e, "-q"); r.code != 0 {
		t.Fatalf("-extract again: exit %d\n%s", r.code, r.stderr)
	}
	second, err := os.ReadFile(filepath.Join(e, "kz-2022-01.fr.dossier.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("the briefing made from the extracted dossier carries another dossier (%d bytes, was %d)", len(second), len(first))
	}

	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdftotext is required (COIBRIEF_REQUIRE_TOOLS=1) but not installed: apt-get install poppler-utils")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils); the two briefings' texts not compared")
	}
	text := func(name string) string {
		out, err := exec.Command(pdftotext, "-layout", name, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v", name, err)
		}
		var kept []string
		for _, line := range strings.Split(string(out), "\n") {
			if line != "" && !strings.HasPrefix(line, "Filtres") {
				kept = append(kept, line)
			}
		}
		return strings.Join(kept, "\n")
	}
	if x, y := text(filepath.Join(a, focused+".pdf")), text(again); x != y {
		t.Errorf("the briefing made from the extracted dossier reads otherwise than the focused one (%d and %d bytes of text)", len(x), len(y))
	}
}
