package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

var binary string

// TestMain builds the program once, as a user would run it.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "synth-test-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "synth")
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

func synthCmd(t *testing.T, args ...string) result {
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

// files returns the names in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "crisis.json")
	r := synthCmd(t, "-entries", "120", "-figures", "900", "-seed", "5", "-sources", "150", "-places", "60", "-out", name)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	if !strings.HasPrefix(r.stdout, "wrote "+name+" (") {
		t.Errorf("stdout: %q", r.stdout)
	}
	if got := files(t, dir); len(got) != 1 {
		t.Errorf("files %v, want only crisis.json", got)
	}

	d, issues, err := model.LoadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range issues {
		if is.Severity == model.SeverityError || is.Erratum == nil {
			t.Errorf("%v", is)
		}
	}
	entries := 0
	for _, day := range d.Chronology {
		entries += len(day.Entries)
	}
	if entries != 120 || len(d.Figures) != 900 || len(d.Sources) != 150 || len(d.Places) != 60 {
		t.Errorf("got %d entries, %d figures, %d sources, %d places; want 120, 900, 150, 60",
			entries, len(d.Figures), len(d.Sources), len(d.Places))
	}

	// The same flags, to standard output: the same bytes.
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	r = synthCmd(t, "-entries", "120", "-figures", "900", "-seed", "5", "-sources", "150", "-places", "60")
	if r.code != 0 || r.stdout != string(data) {
		t.Errorf("standard output (exit %d) differs from the file", r.code)
	}
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string // in stderr
	}{
		{[]string{"-entries", "many"}, exitUsage, `invalid value "many" for flag -entries`},
		{[]string{"-entries", "0"}, exitUsage, "synth: invalid options: entries 0, want 1 to 10000000\n(run synth -h for help)\n"},
		{[]string{"-entries", "5", "-sources", "3"}, exitUsage, "synth: invalid options: sources 3, want 0 (derived) or 8 to 70 (14 per entry)"},
		{[]string{"-figures", "3", "extra"}, exitUsage, `synth: unexpected argument "extra"`},
		{[]string{"-country", "AFG"}, exitUsage, `synth: invalid options: country "AFG": want an ISO 3166-1 alpha-2 code, such as AF or ET`},
		{[]string{"-country", "BV"}, exitUsage, `synth: invalid options: country "BV": the map data has no outline for it`},
		{[]string{"-h"}, exitOK, "Exit codes: 0 done, 1 failed write, 2 usage error."},
	} {
		dir := t.TempDir()
		r := synthCmd(t, append(tc.args, "-out", filepath.Join(dir, "x.json"))...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
		if got := files(t, dir); len(got) != 0 {
			t.Errorf("%v: left %v", tc.args, got)
		}
	}
}

// A failed write exits 1 and leaves nothing behind: no temporary file,
// and what was at the output path before stays as it was.
func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	occupied := filepath.Join(dir, "occupied")
	if err := os.MkdirAll(filepath.Join(occupied, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{
		filepath.Join(dir, "missing", "x.json"), // no such directory
		filepath.Join(notDir, "x.json"),         // a file where a directory should be
		occupied,                                // a directory in the way of the rename
	} {
		r := synthCmd(t, "-entries", "30", "-figures", "50", "-out", out)
		if r.code != exitWrite || !strings.HasPrefix(r.stderr, "synth: ") {
			t.Errorf("-out %s: exit %d, stderr %q; want exit 1 and an error", out, r.code, r.stderr)
		}
		if got := files(t, dir); len(got) != 2 {
			t.Errorf("-out %s: left %v", out, got)
		}
	}
	if data, _ := os.ReadFile(notDir); string(data) != "keep" {
		t.Errorf("%s changed", notDir)
	}
}

// -country sets the dossier in a real country: its code and names, the
// same bytes for the same flags, and another dossier than without it.
func TestCountry(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "ethiopia.json")
	r := synthCmd(t, "-entries", "80", "-figures", "300", "-seed", "4", "-country", "ET", "-out", name)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	d, issues, err := model.LoadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range issues {
		if is.Severity == model.SeverityError || is.Erratum == nil {
			t.Errorf("%v", is)
		}
	}
	home := d.Places[0]
	if d.Country != "et" || home.ISO != "ET" || home.Name[language.English] != "Ethiopia" || home.Name[language.French] != "Éthiopie" {
		t.Errorf("country %q: %s, iso %q, named %v; want et, ET, Ethiopia and Éthiopie", d.Country, home.ID, home.ISO, home.Name)
	}
	if want := "Ethiopia: protests, riots and crackdown ("; !strings.HasPrefix(d.Title[language.English], want) {
		t.Errorf("title %q; want it to start with %q", d.Title[language.English], want)
	}

	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	r = synthCmd(t, "-entries", "80", "-figures", "300", "-seed", "4", "-country", "et")
	if r.code != 0 || r.stdout != string(data) {
		t.Errorf("standard output (exit %d) differs from the file", r.code)
	}
	r = synthCmd(t, "-entries", "80", "-figures", "300", "-seed", "4")
	if r.code != 0 || r.stdout == string(data) || strings.Contains(r.stdout, `"iso": "ET"`) {
		t.Errorf("without -country (exit %d): the same dossier", r.code)
	}
}

type brokenPipe struct{}

func (brokenPipe) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestStdoutError(t *testing.T) {
	var stderr bytes.Buffer
	if code := run([]string{"-entries", "10"}, brokenPipe{}, &stderr); code != exitWrite ||
		stderr.String() != "synth: writing dossier: broken pipe\n" {
		t.Errorf("exit %d, stderr %q; want 1 and the write error", code, stderr.String())
	}
}

// run is what the binary runs: in-process, it writes what WriteJSON writes.
func TestRun(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-entries", "25", "-figures", "40", "-seed", "3"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var want bytes.Buffer
	if err := synth.WriteJSON(&want, synth.Options{Entries: 25, Figures: 40, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), want.Bytes()) {
		t.Error("run writes something else than WriteJSON")
	}
}
