package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var binary string

// TestMain builds the program once, as a user would run it.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "briefing-test-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "briefing")
	// go test puts the go command that runs it first on PATH.
	gobin, err := exec.LookPath("go")
	if err != nil {
		panic(err)
	}
	if out, err := exec.Command(gobin, "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

func briefing(t *testing.T, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, out.String(), errb.String()}
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestDefaultPack(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	r := briefing(t, "-out", out)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	want := []string{"kz-2022-01.en.html", "kz-2022-01.en.pdf", "kz-2022-01.en.xlsx", "kz-2022-01.fr-en.parallel.html", "kz-2022-01.fr-en.parallel.pdf", "kz-2022-01.fr.html", "kz-2022-01.fr.pdf", "kz-2022-01.fr.xlsx"}
	if got := files(t, out); !slices.Equal(got, want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for _, name := range want {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		magic := "%PDF-"
		switch {
		case strings.HasSuffix(name, ".xlsx"):
			magic = "PK\x03\x04"
		case strings.HasSuffix(name, ".html"):
			magic = "<!DOCTYPE html>"
		}
		if !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s does not start with %q", name, magic)
		}
		if !strings.Contains(r.stdout, "wrote "+filepath.Join(out, name)+" (") {
			t.Errorf("stdout does not report %s:\n%s", name, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "pages, ") || !strings.Contains(r.stderr, "[8/8] rendering") {
		t.Errorf("no page counts or progress:\n%s\n%s", r.stdout, r.stderr)
	}
}

func TestFilteredBriefing(t *testing.T) {
	out := t.TempDir()
	r := briefing(t, "-place", "Almaty", "-from", "2022-01-04", "-to", "2022-01-07", "-lang", "fr", "-format", "pdf", "-out", out, "-q")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	name := "kz-2022-01-almaty-from-2022-01-04-to-2022-01-07.fr.pdf"
	if got := files(t, out); !slices.Equal(got, []string{name}) {
		t.Fatalf("files %v, want [%s]", got, name)
	}
	if r.stderr != "" {
		t.Errorf("-q printed progress: %s", r.stderr)
	}
	if p, err := exec.LookPath("pdftotext"); err == nil {
		txt, err := exec.Command(p, filepath.Join(out, name), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.ReplaceAll(string(txt), "\u00a0", " "), "Lieu : Almaty") {
			t.Error("the filtered PDF does not name its filter")
		}
	}
	// Other spellings of the same place.
	for _, name := range []string{"Алматы", "alma-ata"} {
		if r := briefing(t, "-place", name, "-format", "pdf", "-lang", "en", "-out", t.TempDir(), "-q"); r.code != 0 {
			t.Errorf("-place %s: exit %d %s", name, r.code, r.stderr)
		}
	}
}

func TestInvalidDossier(t *testing.T) {
	src, err := os.ReadFile("../../model/testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(src, &d); err != nil {
		t.Fatal(err)
	}
	d["period"] = "2022-01-10/2022-01-31" // the 5 January day falls outside
	bad, _ := json.MarshalIndent(d, "", "  ")
	bad = bytes.Replace(bad, []byte(`"azattyk-2022-01-05"`), []byte(`"azattyk-2022-01-07"`), 1)
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	r := briefing(t, "-dossier", path, "-out", out)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	for _, want := range []string{path + ":", `unknown source "azattyk-2022-01-07"`, "is outside the dossier's period", "nothing written"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if got := files(t, out); len(got) != 0 {
		t.Errorf("files written for an invalid dossier: %v", got)
	}
	// A file that is not JSON says where.
	if err := os.WriteFile(path, []byte("{\n  \"format\": \"coibrief-dossier/1\",\n  \"id\": \"x\"\n  \"country\": \"kz\"\n}"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = briefing(t, "-dossier", path, "-out", out)
	if r.code != 1 || !strings.Contains(r.stderr, path+":4:3: malformed JSON") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-nope"}, "flag provided but not defined: -nope"},
		{[]string{"-from", "04/01/2022"}, `-from "04/01/2022": want a date as YYYY-MM-DD, e.g. -from 2022-01-04`},
		{[]string{"-from", "2022-+1-05"}, `-from "2022-+1-05": want a date as YYYY-MM-DD, e.g. -from 2022-01-04`},
		{[]string{"-to", "2022-01- 7"}, `-to "2022-01- 7": want a date as YYYY-MM-DD, e.g. -to 2022-01-04`},
		{[]string{"-omit", "legend"}, `-omit "legend": want parts among background, sections`},
		{[]string{"-format", "docx"}, `-format "docx": want pdf, html, xlsx, all, csl, ris, bibtex, biblatex, acled, geojson, json, or several`},
		{[]string{"-format", "pdf,,csl"}, `-format "pdf,,csl": want pdf, html`},
		{[]string{"-edition", "double"}, `-edition "double": want single, parallel or sequential`},
		{[]string{"-kind", "riots"}, `-kind "riots": want event kinds among peaceful-protest, riot`},
		{[]string{"-lang", "de"}, "-lang: the dossier is written in [fr en], not de"},
		{[]string{"-from", "2022-01-07", "-to", "2022-01-04"}, "-from 2022-01-07 is after -to 2022-01-04"},
		{[]string{"extra"}, `unexpected argument "extra"`},
	} {
		out := t.TempDir()
		r := briefing(t, append(c.args, "-out", out)...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, r.code, r.stderr, c.want)
		}
		if got := files(t, out); len(got) != 0 {
			t.Errorf("%v wrote %v", c.args, got)
		}
	}
	r := briefing(t, "-h")
	if r.code != 0 || !strings.Contains(r.stderr, "e.g. -place Almaty") || !strings.Contains(r.stderr, "e.g. -from 2022-01-04") {
		t.Errorf("-h: exit %d\n%s", r.code, r.stderr)
	}
}

func TestUnknownPlace(t *testing.T) {
	r := briefing(t, "-place", "Shymkemt", "-out", t.TempDir())
	if r.code != 1 || !strings.Contains(r.stderr, `unknown place "Shymkemt": did you mean Chymkent`) {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
}

func TestUnwritableOutput(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := briefing(t, "-q", "-out", filepath.Join(blocker, "out"), "-format", "pdf", "-lang", "fr")
	want := fmt.Sprintf("briefing: output directory %q: mkdir %s: not a directory\n", filepath.Join(blocker, "out"), blocker)
	if r.code != 1 || r.stderr != want {
		t.Errorf("exit %d, stderr %q; want 1 and %q", r.code, r.stderr, want)
	}
}

// TestFailedRenderKeepsGoodFile checks that a PDF that cannot be drawn is
// said so before rendering, with where, and that it never leaves a
// partial file nor replaces a good one.
func TestFailedRenderKeepsGoodFile(t *testing.T) {
	src, err := os.ReadFile("../kazakhstan/kazakhstan.json")
	if err != nil {
		t.Fatal(err)
	}
	// An emoji: no glyph for it in the built-in fonts.
	bad := bytes.Replace(src, []byte(`"fr": "Le 1er janvier 2022`), []byte(`"fr": "🙂 Le 1er janvier 2022`), 1)
	if bytes.Equal(bad, src) {
		t.Fatal("could not plant the emoji")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kz.json")
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(out, "kz-2022-01.fr.pdf")
	if err := os.WriteFile(good, []byte("GOOD"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := briefing(t, "-dossier", path, "-lang", "fr", "-format", "pdf", "-out", out)
	if r.code != 1 || !strings.Contains(r.stderr, "briefing: "+good+": not written: a text holds characters no font can draw (listed above)") ||
		!strings.Contains(r.stderr, `error: chronology[0].entries[0].text.fr: character not in fonts: U+1F642 SLIGHTLY SMILING FACE`) ||
		!strings.HasSuffix(r.stderr, "\nbriefing: 1 of 1 files not written\n") {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	if data, _ := os.ReadFile(good); string(data) != "GOOD" {
		t.Error("the good file was replaced")
	}
	if got := files(t, out); !slices.Equal(got, []string{"kz-2022-01.fr.pdf"}) {
		t.Errorf("files left: %v", got)
	}
}

func TestValidate(t *testing.T) {
	out := t.TempDir()
	r := briefing(t, "-validate", "-out", out)
	if r.code != 0 || !strings.Contains(r.stdout, "kazakhstan.json (embedded): valid (") || !strings.Contains(r.stdout, "104 entries, 88 sources") {
		t.Errorf("exit %d, stdout %s, stderr %s", r.code, r.stdout, r.stderr)
	}
	if got := files(t, out); len(got) != 0 {
		t.Errorf("-validate wrote %v", got)
	}
}

// TestValidateAgreesWithRendering checks that -validate reports what the
// renderers cannot draw, saying which fonts to add, and that the pack then
// writes every file it can: the workbooks, not the PDFs.
func TestValidateAgreesWithRendering(t *testing.T) {
	src, err := os.ReadFile("../kazakhstan/kazakhstan.json")
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(src, []byte(`"title": "Kazakhstan : `), []byte(`"title": "ሰላም Kazakhstan : `), 1)
	if bytes.Equal(bad, src) {
		t.Fatal("could not plant the Amharic title")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kz.json")
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	r := briefing(t, "-dossier", path, "-validate", "-q")
	if r.code != 1 || !strings.Contains(r.stderr, "character not in fonts: U+1230 ETHIOPIC SYLLABLE SA (Ethiopic)") ||
		!strings.Contains(r.stderr, "add a font covering Ethiopic with -fonts") ||
		!strings.Contains(r.stderr, "briefing: "+path+" is invalid: 1 errors, 9 warnings\n") {
		t.Errorf("-validate: exit %d, stderr %s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "out")
	r = briefing(t, "-dossier", path, "-out", out, "-q")
	// The pages and workbooks, which need no font, are written.
	if got, want := files(t, out), []string{"kz-2022-01.en.html", "kz-2022-01.en.xlsx", "kz-2022-01.fr-en.parallel.html", "kz-2022-01.fr.html", "kz-2022-01.fr.xlsx"}; r.code != 1 || !slices.Equal(got, want) {
		t.Errorf("pack: exit %d, files %v; want 1 and %v\n%s", r.code, got, want, r.stderr)
	}
	if !strings.HasSuffix(r.stderr, "briefing: 3 of 8 files not written\n") {
		t.Errorf("pack: stderr %s", r.stderr)
	}
}

// TestDecodeProblemsAtOnce checks that every problem of an unreadable
// dossier is printed, one per line, and nothing written.
func TestDecodeProblemsAtOnce(t *testing.T) {
	r := briefing(t, "-dossier", "../../model/testdata/decode/several-problems.json", "-out", t.TempDir(), "-q")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code != 1 || len(lines) != 7 || !strings.HasPrefix(lines[0], "model: ../../model/testdata/decode/several-problems.json:6:67: title.fr: duplicate key") ||
		lines[6] != "briefing: ../../model/testdata/decode/several-problems.json cannot be read: 6 problems; nothing written" {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
}

// TestOmit checks -omit and its usage error.
func TestOmitFlag(t *testing.T) {
	out := t.TempDir()
	r := briefing(t, "-omit", "map,errata,bibliography", "-lang", "en", "-format", "pdf", "-out", out, "-q")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	r = briefing(t, "-omit", "maps", "-out", out)
	if r.code != 2 || !strings.Contains(r.stderr, `-omit "maps": want parts among background, sections, notes, figures, map, bibliography, errata`) {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
}

// TestFormatHTML writes the HTML pages alone, a focused briefing in each
// edition: named as the PDFs would be, each a whole page.
func TestFormatHTML(t *testing.T) {
	out := t.TempDir()
	r := briefing(t, "-q", "-format", "html", "-place", "Almaty", "-from", "2022-01-04", "-to", "2022-01-07", "-edition", "sequential", "-out", out)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	name := "kz-2022-01-almaty-from-2022-01-04-to-2022-01-07.fr-en.sequential.html"
	if got := files(t, out); !slices.Equal(got, []string{name}) {
		t.Fatalf("files %v; want [%s]", got, name)
	}
	data, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("<!DOCTYPE html>\n<html lang=\"fr\">")) || !bytes.Contains(data, []byte(`<section class="cb-part" id="en-part" lang="en">`)) {
		t.Errorf("%s is not the sequential page", name)
	}
	if !strings.Contains(r.stdout, "wrote "+filepath.Join(out, name)+" (") || !strings.Contains(r.stdout, " notes, ") {
		t.Errorf("stdout: %s", r.stdout)
	}
}
