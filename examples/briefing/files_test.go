package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// minimalDossier returns the minimal test dossier as JSON values, to be
// edited.
func minimalDossier(t *testing.T) map[string]any {
	t.Helper()
	src, err := os.ReadFile("../../model/testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(src, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// writeJSON writes v as JSON to path.
func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// renamePlace gives the place "almaty" of the minimal dossier another id,
// everywhere it is named.
func renamePlace(t *testing.T, d map[string]any, id string) map[string]any {
	t.Helper()
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	quoted, _ := json.Marshal(id)
	data = []byte(strings.ReplaceAll(string(data), `"almaty"`, string(quoted)))
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// tree lists every file and directory under dir, as paths relative to it.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSafeFileNames runs the program on dossiers whose id, or the id of
// the place asked for, would name a file outside -out, a hidden file, a
// device or a name too long: every file lands in -out under a safe name,
// and nothing is created elsewhere.
func TestSafeFileNames(t *testing.T) {
	long := strings.Repeat("a", 200) // the longest id a dossier may have
	type test struct {
		id, place string // the dossier's id; the id of the place asked for with -place
		want      string // the files' stem
		wantXLSX  string // the workbook's and the HTML page's stem, when shorter
	}
	for _, c := range []test{
		{id: "..", want: "dossier-5ec1f7e7"},
		{id: "../x", want: "x-d6b96a97"},
		{id: "../coibrief-escaped", want: "coibrief-escaped-a3c6a99d"},
		{id: "/abs/path", want: "abs-path-6d80187b"},
		{id: `a\b`, want: "a-b-c62016d0"},
		{id: "kz/2022", want: "kz-2022-55bbd600"},
		{id: "CON", want: "CON_-a3dbc4b6"},
		{id: "nul.txt", want: "nul_.txt-7f3cbdd5"},
		{id: "Алматы-2022", want: "Алматы-2022"},
		{id: long, want: strings.Repeat("a", 104) + "-c2a908d9", wantXLSX: strings.Repeat("a", 103) + "-c2a908d9"},
		{id: "xx-test", place: "x/../../name", want: "xx-test-x-name-18536688"},
		// A name of 255 bytes before its extension.
		{id: long, place: strings.Repeat("p", 54), want: strings.Repeat("a", 104) + "-f6c2c4d2", wantXLSX: strings.Repeat("a", 103) + "-f6c2c4d2"},
	} {
		name := c.id
		if c.place != "" {
			name += " -place " + c.place
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			pack := filepath.Join(dir, "pack")
			out := filepath.Join(pack, "out")
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			d := minimalDossier(t)
			d["id"] = c.id
			args := []string{"-q", "-lang", "en", "-out", out}
			if c.place != "" {
				d = renamePlace(t, d, c.place)
				args = append(args, "-place", "Almaty")
			}
			path := filepath.Join(dir, "dossier.json")
			writeJSON(t, path, d)
			before := tree(t, dir)
			r := briefing(t, append(args, "-dossier", path)...)
			if r.code != 0 {
				t.Fatalf("exit %d\n%s", r.code, r.stderr)
			}
			if c.wantXLSX == "" {
				c.wantXLSX = c.want
			}
			want := []string{c.want + ".en.pdf", c.wantXLSX + ".en.html", c.wantXLSX + ".en.xlsx"}
			if got := files(t, out); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
				t.Errorf("files %q; want %q", got, want)
			}
			// Nothing else, in -out's parent or anywhere under dir.
			if got := files(t, pack); !slices.Equal(got, []string{"out"}) {
				t.Errorf("files in %s: %q; want only out", pack, got)
			}
			after := slices.Clone(before)
			for _, n := range want {
				after = append(after, filepath.Join("pack", "out", n))
			}
			if got := tree(t, dir); !slices.Equal(got, slices.Sorted(slices.Values(after))) {
				t.Errorf("files under %s: %q; before the run %q", dir, got, before)
			}
			if wantOut := fmt.Sprintf("wrote %s (", filepath.Join(out, want[0])); !strings.HasPrefix(r.stdout, wantOut) {
				t.Errorf("stdout %q; want it to start %q", r.stdout, wantOut)
			}
			for _, n := range want {
				if len(n) > 120 {
					t.Errorf("%s: %d bytes", n, len(n))
				}
			}
		})
	}
	if _, err := os.Stat("/abs"); err == nil {
		t.Error("/abs exists")
	}
}

// TestControlCharacterID checks that an id with a NUL is refused, before
// anything is written: report.FileStem's tests cover what it would make
// of it.
func TestControlCharacterID(t *testing.T) {
	dir := t.TempDir()
	d := minimalDossier(t)
	d["id"] = "a\x00b"
	path := filepath.Join(dir, "dossier.json")
	writeJSON(t, path, d)
	out := filepath.Join(dir, "out")
	r := briefing(t, "-dossier", path, "-out", out)
	want := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(path) + `:\d+:\d+: error: id: invalid value: id "a\\x00b" holds U\+0000: an id may not hold spaces or control characters\n` +
		`briefing: ` + regexp.QuoteMeta(path) + ` is invalid: 1 errors, 0 warnings; nothing written\n$`)
	if r.code != 1 || !want.MatchString(r.stderr) {
		t.Errorf("exit %d, stderr:\n%s\nwant it to match %s", r.code, r.stderr, want)
	}
	if got := tree(t, dir); !slices.Equal(got, []string{".", "dossier.json"}) {
		t.Errorf("files %q", got)
	}
}

func TestEmptyOut(t *testing.T) {
	dir := t.TempDir()
	cmd := briefingCmd("-out", "", "-format", "pdf")
	cmd.Dir = dir
	stderr, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 2 || err == nil {
		t.Errorf("exit %d, %v", code, err)
	}
	const want = "briefing: -out \"\": want the directory to write into, e.g. -out /tmp/pack\n(run briefing -h for help)\n"
	if string(stderr) != want {
		t.Errorf("stderr %q; want %q", stderr, want)
	}
	if got := tree(t, dir); len(got) != 1 {
		t.Errorf("files %q", got)
	}
}

// TestFailureDoesNotStopOthers checks that a file that cannot be written
// (its name is taken by a directory) is reported, and that the others
// are written.
func TestFailureDoesNotStopOthers(t *testing.T) {
	out := t.TempDir()
	blocked := filepath.Join(out, "kz-2022-01.fr.pdf")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	r := briefing(t, "-q", "-out", out)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s", r.code, r.stderr)
	}
	want := "briefing: " + blocked + ": not written: a directory of that name exists\nbriefing: 1 of 8 files not written\n"
	if r.stderr != want {
		t.Errorf("stderr %q; want %q", r.stderr, want)
	}
	written := []string{"kz-2022-01.en.pdf", "kz-2022-01.fr-en.parallel.pdf", "kz-2022-01.fr.html", "kz-2022-01.en.html", "kz-2022-01.fr-en.parallel.html", "kz-2022-01.en.xlsx", "kz-2022-01.fr.xlsx"}
	for _, name := range written {
		if !strings.Contains(r.stdout, "wrote "+filepath.Join(out, name)+" (") {
			t.Errorf("stdout does not report %s:\n%s", name, r.stdout)
		}
	}
	if got, want := files(t, out), append(slices.Sorted(slices.Values(written)), "kz-2022-01.fr.pdf"); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Errorf("files %q", got)
	}
	if entries, _ := os.ReadDir(blocked); len(entries) != 0 {
		t.Errorf("files in the directory in the way: %v", entries)
	}
}

// TestLongTextWarning checks that the program warns of a text too long
// for a workbook cell, which the workbook keeps whole on its sheet of
// long texts.
func TestLongTextWarning(t *testing.T) {
	dir := t.TempDir()
	d := minimalDossier(t)
	sources := d["sources"].([]any)
	var ids []any
	for i := range 1000 {
		s := map[string]any{}
		for k, v := range sources[1].(map[string]any) {
			s[k] = v
		}
		s["id"] = fmt.Sprintf("azattyk-2022-01-05-%03d", i)
		sources = append(sources, s)
		ids = append(ids, s["id"])
	}
	d["sources"] = sources
	day := d["chronology"].([]any)[0].(map[string]any)
	day["entries"].([]any)[0].(map[string]any)["sources"] = ids
	path := filepath.Join(dir, "dossier.json")
	writeJSON(t, path, d)
	out := filepath.Join(dir, "out")
	r := briefing(t, "-q", "-dossier", path, "-format", "xlsx", "-lang", "en", "-out", out)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	want := regexp.MustCompile(`^briefing: warning: ` + regexp.QuoteMeta(filepath.Join(out, "xx-test.en.xlsx")) +
		`: sheet "Timeline", cell L2 \(Sources\): text of (\d+) characters, more than the 32767 a cell holds; the cell keeps the first (\d+), the whole text is on sheet "Long texts", rows 2 to 3\n$`)
	if !want.MatchString(r.stderr) {
		t.Errorf("stderr %q; want it to match %s", r.stderr, want)
	}
	// -validate says it before anything is written.
	r = briefing(t, "-q", "-dossier", path, "-lang", "en", "-validate")
	if r.code != 0 || !strings.Contains(r.stderr, `warning: workbook in en: sheet "Timeline", cell L2 (Sources): text of `) {
		t.Errorf("-validate: exit %d, stderr %q", r.code, r.stderr)
	}
}
