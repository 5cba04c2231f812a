package model_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the .golden files of testdata/decode and testdata/invalid")

// golden compares got with the golden file next to the JSON case, or
// rewrites it with -update. A missing golden file is a failure.
func golden(t *testing.T, jsonPath, got string) {
	t.Helper()
	path := strings.TrimSuffix(jsonPath, ".json") + ".golden"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s:\ngot:\n%s\nwant:\n%s", filepath.Base(jsonPath), got, want)
	}
}

func cases(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/%s: %v", dir, err)
	}
	return files
}

// TestDecodeErrors checks the exact error, with file, line, column and
// path, for each malformed dossier in testdata/decode.
func TestDecodeErrors(t *testing.T) {
	for _, file := range cases(t, "decode") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			d, issues, err := model.LoadFile(file)
			if err == nil {
				t.Fatalf("LoadFile succeeded (%d issues); want a decode error", len(issues))
			}
			if d != nil {
				t.Errorf("LoadFile returned a dossier with its error")
			}
			var de *model.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("error %v is a %T, want *model.DecodeError", err, err)
			}
			if !de.Pos.IsValid() || de.Pos.File != file {
				t.Errorf("position %+v does not name the file and line", de.Pos)
			}
			golden(t, file, err.Error()+"\n")
		})
	}
}

// TestDecodeSentinels checks that decode errors wrap the documented
// sentinels.
func TestDecodeSentinels(t *testing.T) {
	for name, want := range map[string]error{
		"syntax":          model.ErrSyntax,
		"truncated":       model.ErrSyntax,
		"empty":           model.ErrSyntax,
		"trailing-data":   model.ErrSyntax,
		"unknown-field":   model.ErrUnknownField,
		"duplicate-key":   model.ErrDuplicateKey,
		"wrong-type":      model.ErrType,
		"top-level-array": model.ErrType,
		"null-required":   model.ErrType,
		"bad-date":        model.ErrInvalidValue,
		"bad-enum":        model.ErrInvalidValue,
		"bad-ref":         model.ErrInvalidValue,
		"wrong-format":    model.ErrFormat,
	} {
		_, _, err := model.LoadFile(filepath.Join("testdata", "decode", name+".json"))
		if !errors.Is(err, want) {
			t.Errorf("%s: error %v does not wrap %v", name, err, want)
		}
	}
}

// TestValidateCorpus checks the exact issues, located in the file, for each
// dossier in testdata/invalid. Each case breaks one rule of minimal.json.
func TestValidateCorpus(t *testing.T) {
	for _, file := range cases(t, "invalid") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, issues, err := model.LoadFile(file)
			if err != nil {
				t.Fatalf("LoadFile: %v", err)
			}
			if len(issues) == 0 {
				t.Fatal("no issues; want at least one")
			}
			var b strings.Builder
			for _, is := range issues {
				if !is.Pos.IsValid() {
					t.Errorf("issue %v has no position", is)
				}
				b.WriteString(is.Error() + "\n")
			}
			golden(t, file, b.String())
		})
	}
}

// TestValidCorpus checks that every dossier in testdata/valid loads with
// no issue: each shows that a rule allows what it should.
func TestValidCorpus(t *testing.T) {
	for _, file := range cases(t, "valid") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, issues, err := model.LoadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, is := range issues {
				t.Errorf("unexpected issue: %v", is)
			}
		})
	}
}

func TestMinimalIsValid(t *testing.T) {
	_, issues, err := model.LoadFile("testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, is := range issues {
		t.Errorf("unexpected issue: %v", is)
	}
}

// TestRoundTrip checks that load → save → load gives an equal dossier, and
// that saving twice gives the same bytes.
func TestRoundTrip(t *testing.T) {
	src, err := os.ReadFile("testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	d1, err := model.Unmarshal(src)
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 bytes.Buffer
	if err := model.Encode(&b1, d1); err != nil {
		t.Fatal(err)
	}
	d2, err := model.Decode(bytes.NewReader(b1.Bytes()))
	if err != nil {
		t.Fatalf("decoding what Encode wrote: %v\n%s", err, b1.Bytes())
	}
	if !reflect.DeepEqual(d1, d2) {
		t.Errorf("round trip changed the dossier:\n%+v\n%+v", d1, d2)
	}
	if err := model.Encode(&b2, d2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Error("saving twice gave different bytes")
	}
}

func TestValidationErrorUnwraps(t *testing.T) {
	_, issues, err := model.LoadFile("testdata/invalid/dangling-source.json")
	if err != nil {
		t.Fatal(err)
	}
	verr := issues.Err()
	if !errors.Is(verr, model.ErrInvalid) || !errors.Is(verr, model.ErrDangling) {
		t.Errorf("Issues.Err() = %v; want it to wrap ErrInvalid and ErrDangling", verr)
	}
	var ve *model.ValidationError
	if !errors.As(verr, &ve) || len(ve.Issues) != len(issues.Errors()) {
		t.Errorf("errors.As(*ValidationError) failed or lost issues: %v", verr)
	}
	if model.Issues(issues.Warnings()).Err() != nil {
		t.Error("warnings alone must not make an error")
	}
}

// TestTMisuse checks that T keeps a wrong argument for Validate to report.
func TestTMisuse(t *testing.T) {
	d, _, err := model.LoadFile("testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []any
		want string
	}{
		{[]any{language.French, "Titre", "en", "Title"}, `error: title: invalid value: model.T: argument 3 is string, want a language.Tag`},
		{[]any{language.French, "Titre", language.English}, `error: title: invalid value: model.T: argument 3, the tag en, has no text after it`},
		{[]any{language.French, 42, language.English, "Title"}, `error: title: invalid value: model.T: argument 2 is int, want a string`},
	} {
		d.Title = model.T(c.args...)
		issues := model.Validate(d)
		if len(issues) != 1 || issues[0].Error() != c.want {
			t.Errorf("T(%v): got issues %v; want one: %s", c.args, issues, c.want)
		}
	}
	d.Title = model.T(language.French, "Titre", language.English, "Title")
	if issues := model.Validate(d); len(issues) != 0 {
		t.Errorf("T with right arguments: got %v; want none", issues)
	}
}

// TestFigureIndexDuplicates checks the figure index on many ids with
// duplicates far apart.
func TestFigureIndexDuplicates(t *testing.T) {
	d, _, err := model.LoadFile("testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	base := d.Figures[0]
	d.Figures = nil
	for i := range 50_000 {
		f := base
		f.ID = model.FigureID(fmt.Sprintf("fig-%d", i))
		if i == 49_999 {
			f.ID = "fig-7"
		}
		d.Figures = append(d.Figures, f)
	}
	d.Chronology[0].Entries[0].Figures = []model.FigureID{"fig-123", "fig-49999"}
	d.Errata = nil
	var got []string
	for _, is := range model.Validate(d).Errors() {
		got = append(got, is.Error())
	}
	want := []string{
		`error: figures[49999].id: duplicate id: figure "fig-7" is also figures[7]`,
		`error: chronology[0].entries[0].figures[1]: dangling reference: unknown figure "fig-49999"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEachStringValid checks that EachString walks every valid dossier
// of the corpus, whatever fields it uses, without an error.
func TestEachStringValid(t *testing.T) {
	for _, file := range cases(t, "valid") {
		d, _, err := model.LoadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		if err := model.EachString(d, func(string, string) error { n++; return nil }); err != nil || n == 0 {
			t.Errorf("%s: EachString visited %d texts, error %v", file, n, err)
		}
	}
}
