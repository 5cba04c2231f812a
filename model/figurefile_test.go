package model_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
)

// issueStrings renders issues as LoadFile's callers print them.
func issueStrings(is model.Issues) []string {
	out := make([]string, len(is))
	for i, x := range is {
		out[i] = x.Error()
	}
	return out
}

// allFigures collects the figures of d through EachFigure, and checks
// that FigureAt agrees.
func allFigures(t *testing.T, d *model.Dossier) []model.Figure {
	t.Helper()
	var out []model.Figure
	err := d.EachFigure(func(i int, f *model.Figure) error {
		if i != len(out) {
			t.Fatalf("EachFigure numbered figure %d as %d", len(out), i)
		}
		out = append(out, *f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if d.NumFigures() != len(out) {
		t.Errorf("NumFigures = %d, EachFigure saw %d", d.NumFigures(), len(out))
	}
	for i := range out {
		f, err := d.FigureAt(i)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(f, out[i]) {
			t.Fatalf("FigureAt(%d) = %+v, EachFigure gave %+v", i, f, out[i])
		}
	}
	for _, i := range []int{-1, len(out)} {
		if _, err := d.FigureAt(i); !errors.Is(err, model.ErrInvalidValue) {
			t.Errorf("FigureAt(%d) = %v, want an out-of-range error", i, err)
		}
	}
	return out
}

// TestOpenFileMatchesLoadFile opens every dossier of testdata, valid,
// invalid or malformed, and the Kazakhstan dossier with both LoadFile and
// OpenFile: the same error or the same located issues, the same figures,
// and the same JSON when encoded.
func TestOpenFileMatchesLoadFile(t *testing.T) {
	files := []string{filepath.Join("testdata", "minimal.json"), filepath.Join("..", "examples", "kazakhstan", "kazakhstan.json")}
	for _, dir := range []string{"invalid", "decode"} {
		files = append(files, cases(t, dir)...)
	}
	withFigures := 0
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			want, wantIssues, wantErr := model.LoadFile(file)
			got, gotIssues, gotErr := model.OpenFile(file, model.HoldFigures(0))
			if got != nil {
				defer got.Close()
			}
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Fatalf("OpenFile error\n\t%v\nLoadFile error\n\t%v", gotErr, wantErr)
			}
			if wantErr != nil {
				if got != nil {
					t.Error("OpenFile returned a dossier with its error")
				}
				return
			}
			if g, w := issueStrings(gotIssues), issueStrings(wantIssues); !slices.Equal(g, w) {
				t.Errorf("OpenFile issues\n\t%s\nLoadFile issues\n\t%s", strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
			}
			if len(got.Figures) != 0 {
				t.Errorf("OpenFile kept %d figures in memory", len(got.Figures))
			}
			figs := allFigures(t, got)
			if len(want.Figures) == 0 && len(figs) == 0 {
				return
			}
			withFigures++
			if !reflect.DeepEqual(figs, want.Figures) {
				t.Errorf("OpenFile's %d figures differ from LoadFile's %d", len(figs), len(want.Figures))
			}
			var a, b bytes.Buffer
			if err := model.Encode(&a, want); err != nil {
				t.Fatal(err)
			}
			if err := model.Encode(&b, got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("Encode of the opened dossier differs from that of the loaded one (%d and %d bytes)", b.Len(), a.Len())
			}
		})
	}
	if withFigures < 3 {
		t.Errorf("only %d of the dossiers had figures to compare", withFigures)
	}
}

// TestOpenFileAppend checks that figures appended to Figures come after
// those of the file, for EachFigure, FigureAt, Validate and Encode.
func TestOpenFileAppend(t *testing.T) {
	file := filepath.Join("..", "examples", "kazakhstan", "kazakhstan.json")
	loaded, _, err := model.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	opened, _, err := model.OpenFile(file, model.HoldFigures(0))
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	extra := loaded.Figures[0]
	extra.ID = "fig-extra"
	loaded.Figures = append(loaded.Figures, extra)
	opened.Figures = append(opened.Figures, extra)
	if got := allFigures(t, opened); !reflect.DeepEqual(got, loaded.Figures) {
		t.Errorf("figures differ after appending")
	}
	if g, w := issueStrings(model.Validate(opened)), issueStrings(model.Validate(loaded)); !slices.Equal(g, w) {
		t.Errorf("Validate differs: %q, want %q", g, w)
	}
	var a, b bytes.Buffer
	if err := model.Encode(&a, loaded); err != nil {
		t.Fatal(err)
	}
	if err := model.Encode(&b, opened); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("Encode differs after appending")
	}
}

// TestOpenFileChanged checks that a file changed after OpenFile makes
// reading figures fail with ErrChanged, that the dossier still validates
// what it can and says so, and that a closed dossier says it is closed.
func TestOpenFileChanged(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "kazakhstan", "kazakhstan.json"))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "k.json")
	if err := os.WriteFile(name, src, 0o644); err != nil {
		t.Fatal(err)
	}
	d, _, err := model.OpenFile(name, model.HoldFigures(0))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	// The same size, other bytes: a figure's id renamed in place.
	at := bytes.Index(src, []byte(`"id": "fig-`))
	changed := slices.Clone(src)
	copy(changed[at:], `"ix"`)
	if err := os.WriteFile(name, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	err = d.EachFigure(func(int, *model.Figure) error { return nil })
	if !errors.Is(err, model.ErrChanged) {
		t.Fatalf("EachFigure after a change: %v, want ErrChanged", err)
	}
	if !strings.Contains(err.Error(), name) {
		t.Errorf("error %q does not name the file", err)
	}
	if _, err := d.FigureAt(0); !errors.Is(err, model.ErrChanged) {
		t.Errorf("FigureAt after a change: %v, want ErrChanged", err)
	}
	issues := model.Validate(d)
	if !errors.Is(issues.Err(), model.ErrChanged) {
		t.Errorf("Validate after a change: %v, want an issue wrapping ErrChanged", issues.Err())
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if err := d.EachFigure(func(int, *model.Figure) error { return nil }); !errors.Is(err, os.ErrClosed) {
		t.Errorf("EachFigure after Close: %v, want os.ErrClosed", err)
	}
	if err := d.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestOpenFileStops checks that EachFigure stops at fn's error and
// returns it.
func TestOpenFileStops(t *testing.T) {
	d, _, err := model.OpenFile(filepath.Join("..", "examples", "kazakhstan", "kazakhstan.json"), model.HoldFigures(0))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	stop := errors.New("stop")
	n := 0
	err = d.EachFigure(func(i int, _ *model.Figure) error {
		n++
		if i == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("EachFigure returned %v after %d figures; want stop after 3", err, n)
	}
}

// TestOpenFileSynth checks a synthetic dossier of 20,000 figures the
// same way: equal figures, issues and encoding.
func TestOpenFileSynth(t *testing.T) {
	name, _ := writeSynth(t, t.TempDir(), synth.Options{Entries: 200, Figures: 20_000, Seed: 3})
	want, wi, err := model.LoadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	got, gi, err := model.OpenFile(name, model.HoldFigures(0))
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	if !slices.Equal(issueStrings(gi), issueStrings(wi)) {
		t.Errorf("issues differ")
	}
	if figs := allFigures(t, got); !reflect.DeepEqual(figs, want.Figures) || len(figs) != 20_000 {
		t.Errorf("%d figures differ from LoadFile's %d", len(figs), len(want.Figures))
	}
}

// TestOpenFilePipe opens a named pipe: it cannot be read twice, so the
// figures are read into memory, as LoadFile does.
func TestOpenFilePipe(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "kazakhstan", "kazakhstan.json"))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "pipe")
	if err := mkfifo(name); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	go func() {
		f, err := os.OpenFile(name, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.Write(src)
		f.Close()
	}()
	d, issues, err := model.OpenFile(name, model.HoldFigures(0))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := issues.Err(); err != nil {
		t.Fatal(err)
	}
	if len(d.Figures) != 75 || d.NumFigures() != 75 {
		t.Errorf("%d figures in memory, %d in all; want the 75 in memory", len(d.Figures), d.NumFigures())
	}
}

// TestFigureAtChangedPosition checks that an error in a figure read again
// from a file changed behind the dossier's back, same size and time,
// names the line and column where it is.
func TestFigureAtChangedPosition(t *testing.T) {
	src, err := os.ReadFile("testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(t.TempDir(), "d.json")
	if err := os.WriteFile(name, src, 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	d, issues, err := model.OpenFile(name, model.HoldFigures(0))
	if err != nil || issues.Err() != nil {
		t.Fatal(err, issues)
	}
	defer d.Close()
	changed := bytes.Replace(src, []byte(`"value": 19`), []byte(`"value": ""`), 1)
	if len(changed) != len(src) || bytes.Equal(changed, src) {
		t.Fatal("could not change the figure in place")
	}
	if err := os.WriteFile(name, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	line := bytes.Count(changed[:bytes.Index(changed, []byte(`"value": ""`))], []byte("\n")) + 1
	_, err = d.FigureAt(1)
	want := fmt.Sprintf("%s:%d:16: figures[1].value: wrong type: got a string, want a number", name, line)
	if err == nil || !errors.Is(err, model.ErrChanged) || !strings.Contains(err.Error(), want) {
		t.Errorf("FigureAt: %v\nwant it to hold %s", err, want)
	}
}

// TestOpenFileHolds checks that OpenFile holds in Figures the figures of
// an array smaller than its threshold, as LoadFile does, closing the
// file, and leaves in the file those of a larger one.
func TestOpenFileHolds(t *testing.T) {
	name, _ := writeSynth(t, t.TempDir(), synth.Options{Entries: 50, Figures: 2_000, Seed: 5})
	want, wi, err := model.LoadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		opts []model.OpenOption
		held bool
	}{
		{nil, true},
		{[]model.OpenOption{model.HoldFigures(2_000)}, true},
		{[]model.OpenOption{model.HoldFigures(1_999)}, false},
		{[]model.OpenOption{model.HoldFigures(0)}, false},
	} {
		d, gi, err := model.OpenFile(name, tc.opts...)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := issueStrings(gi), issueStrings(wi); !slices.Equal(g, w) {
			t.Errorf("%v: issues\n\t%s\nwant\n\t%s", tc.opts, strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
		}
		if held := len(d.Figures) > 0; held != tc.held {
			t.Errorf("%v: %d figures held in memory; want held %v", tc.opts, len(d.Figures), tc.held)
		}
		if figs := allFigures(t, d); !reflect.DeepEqual(figs, want.Figures) {
			t.Errorf("%v: %d figures differ from LoadFile's %d", tc.opts, len(figs), len(want.Figures))
		}
		var a, b bytes.Buffer
		if err := model.Encode(&a, d); err != nil {
			t.Fatal(err)
		}
		if err := model.Encode(&b, want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%v: encodings differ", tc.opts)
		}
		if err := d.Close(); err != nil {
			t.Errorf("%v: Close: %v", tc.opts, err)
		}
	}
}
