package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPaperFlag writes the English briefing on US Letter paper, and
// refuses a paper size it does not know.
func TestPaperFlag(t *testing.T) {
	out := t.TempDir()
	r := briefing(t, "-lang", "en", "-format", "pdf", "-paper", "letter", "-q", "-out", out)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdfinfo is required (COIBRIEF_REQUIRE_TOOLS=1): apt-get install poppler-utils")
		}
		t.Skip("pdfinfo not installed (apt-get install poppler-utils); skipping")
	}
	info, err := exec.Command(pdfinfo, filepath.Join(out, "kz-2022-01.en.pdf")).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, info)
	}
	if !strings.Contains(strings.Join(strings.Fields(string(info)), " "), "Page size: 612 x 792 pts (letter)") {
		t.Errorf("pdfinfo:\n%s", info)
	}
	out = t.TempDir()
	r = briefing(t, "-paper", "a5", "-out", out)
	if r.code != 2 || !strings.Contains(r.stderr, `-paper "a5": want a4 or letter`) {
		t.Errorf("-paper a5: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := files(t, out); len(got) != 0 {
		t.Errorf("-paper a5 wrote %v", got)
	}
}
