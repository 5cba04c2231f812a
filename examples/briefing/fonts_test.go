package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFontsFlag checks -fonts: a directory that is not there is a usage
// error; with the system's Noto fonts, a dossier with an Amharic title,
// which the built-in fonts cannot draw, validates and gives every PDF.
func TestFontsFlag(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none")
	r := briefing(t, "-fonts", missing, "-validate", "-q")
	if r.code != 2 || !strings.Contains(r.stderr, `briefing: -fonts "`+missing+`": pdf: fonts: stat `) {
		t.Errorf("-fonts with no directory: exit %d, stderr %s", r.code, r.stderr)
	}
	const ethiopic = "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf"
	if _, err := os.Stat(ethiopic); err != nil {
		if os.Getenv("COIBRIEF_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (COIBRIEF_REQUIRE_TOOLS=1): apt-get install fonts-noto-core", ethiopic)
		}
		t.Skipf("%s not installed (apt-get install fonts-noto-core); skipping", ethiopic)
	}
	src, err := os.ReadFile("../kazakhstan/kazakhstan.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kz.json")
	if err := os.WriteFile(path, []byte(strings.Replace(string(src), `"title": "Kazakhstan : `, `"title": "ሰላም Kazakhstan : `, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := briefing(t, "-dossier", path, "-fonts", "/usr/share/fonts", "-validate", "-q"); r.code != 0 {
		t.Errorf("-validate -fonts: exit %d, stderr %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "out")
	r = briefing(t, "-dossier", path, "-fonts", "/usr/share/fonts", "-format", "pdf", "-out", out, "-q")
	if want := []string{"kz-2022-01.en.pdf", "kz-2022-01.fr-en.parallel.pdf", "kz-2022-01.fr.pdf"}; r.code != 0 || !slices.Equal(files(t, out), want) {
		t.Errorf("pack -fonts: exit %d, files %v; want %v\n%s", r.code, files(t, out), want, r.stderr)
	}
}
