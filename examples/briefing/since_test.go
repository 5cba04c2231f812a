package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSince makes the update briefings of the Georgian example, version
// 1.1 against 1.0, and checks the errors of -since: a file that is not
// there, an earlier version that uses an id for something else, and a
// history that goes back, which -validate reports with its path.
func TestSince(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	r := briefing(t, "-dossier", "../dossiers/ge-example.json", "-since", "../dossiers/ge-example.v1.json", "-lang", "en", "-format", "xlsx", "-out", out)
	if r.code != 0 || !strings.Contains(r.stderr, "changes since ../dossiers/ge-example.v1.json: ") {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	count := func(stderr, since string) string {
		_, n, _ := strings.Cut(stderr, "changes since "+since+": ")
		if end := strings.IndexFunc(n, func(r rune) bool { return r < '0' || r > '9' }); end >= 0 {
			n = n[:end]
		}
		return n
	}
	changes := count(r.stderr, "../dossiers/ge-example.v1.json")
	if n, err := strconv.Atoi(changes); err != nil || n < 10 {
		t.Fatalf("changes since version 1.0: %q, want ten or more\n%s", changes, r.stderr)
	}
	if got := files(t, out); len(got) != 1 || got[0] != "ge-2022-09-fictional-since-1.0.en.xlsx" {
		t.Errorf("files %v", got)
	}

	// The PDF/A briefing of version 1.0 carries its dossier: the same changes.
	v1 := filepath.Join(dir, "v1")
	if r = briefing(t, "-dossier", "../dossiers/ge-example.v1.json", "-pdfa", "-format", "pdf", "-lang", "en", "-q", "-out", v1); r.code != 0 {
		t.Fatalf("-pdfa: exit %d\n%s", r.code, r.stderr)
	}
	pdfPath := filepath.Join(v1, "ge-2022-09-fictional.en.pdf")
	r = briefing(t, "-dossier", "../dossiers/ge-example.json", "-since", pdfPath, "-lang", "en", "-format", "xlsx", "-out", filepath.Join(dir, "out2"))
	if got := count(r.stderr, pdfPath); r.code != 0 || got != changes {
		t.Errorf("-since a PDF/A: exit %d, %s changes, want %s as from the JSON\n%s", r.code, got, changes, r.stderr)
	}
	plain := filepath.Join(dir, "plain")
	if r = briefing(t, "-dossier", "../dossiers/ge-example.v1.json", "-format", "pdf", "-lang", "en", "-q", "-out", plain); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	r = briefing(t, "-dossier", "../dossiers/ge-example.json", "-since", filepath.Join(plain, "ge-2022-09-fictional.en.pdf"), "-out", out)
	if r.code != 1 || !strings.Contains(r.stderr, "(a PDF given to -since must be a PDF/A briefing written with -pdfa)") {
		t.Errorf("-since a PDF without its dossier: exit %d\n%s", r.code, r.stderr)
	}

	r = briefing(t, "-dossier", "../dossiers/ge-example.json", "-since", filepath.Join(dir, "none.json"), "-out", out)
	if r.code != 1 || !strings.Contains(r.stderr, "briefing: -since: model: open "+filepath.Join(dir, "none.json")) {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}

	old, err := os.ReadFile("../dossiers/ge-example.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	reused := strings.Replace(string(old), `"id": "fig-11",
      "metric": "injured"`, `"id": "fig-11",
      "metric": "killed"`, 1)
	path := filepath.Join(dir, "reused.json")
	if err := os.WriteFile(path, []byte(reused), 0o644); err != nil {
		t.Fatal(err)
	}
	r = briefing(t, "-dossier", "../dossiers/ge-example.json", "-since", path, "-out", out)
	want := "briefing: -since " + path + `: report: compare: new version, figures[10]: id reused: figure "fig-11" counted killed all`
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("exit %d, stderr %s\nwant %s", r.code, r.stderr, want)
	}

	r = briefing(t, "-dossier", "../../model/testdata/invalid/history-backwards.json", "-validate")
	want = "history-backwards.json:209:18: error: history[1].version: invalid value: version 1.0 does not come after version 1.1 (history[0])"
	if r.code != 1 || !strings.Contains(r.stderr, want) {
		t.Errorf("-validate: exit %d, stderr %s\nwant %s", r.code, r.stderr, want)
	}
}
