package model_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/coibrief/coibrief/model"
)

// TestLimitSentinels checks that the cases of the corpora that break a
// limit wrap ErrTooLarge, and the others the sentinel they name.
func TestLimitSentinels(t *testing.T) {
	for name, want := range map[string]error{
		"decode/too-deep":                 model.ErrTooLarge,
		"decode/raw-control-character":    model.ErrSyntax,
		"decode/bad-escape":               model.ErrSyntax,
		"decode/byte-order-mark":          model.ErrSyntax,
		"decode/duplicate-language":       model.ErrDuplicateKey,
		"decode/missing-format":           model.ErrFormat,
		"decode/number-out-of-range":      model.ErrInvalidValue,
		"decode/long-unknown-field":       model.ErrUnknownField,
		"invalid/text-too-long":           model.ErrTooLarge,
		"invalid/title-too-long":          model.ErrTooLarge,
		"invalid/url-too-long":            model.ErrTooLarge,
		"invalid/id-too-long":             model.ErrTooLarge,
		"decode/too-many-aliases":         model.ErrTooLarge,
		"decode/too-many-citations":       model.ErrTooLarge,
		"invalid/sections-too-deep":       model.ErrTooLarge,
		"invalid/figure-value-too-large":  model.ErrTooLarge,
		"invalid/url-javascript":          model.ErrURL,
		"invalid/id-with-space":           model.ErrInvalidValue,
		"invalid/id-control-character":    model.ErrInvalidValue,
		"invalid/alias-control-character": model.ErrInvalidValue,
		"decode/invalid-utf8":             model.ErrSyntax,
		"invalid/absurd-coordinates":      model.ErrInvalidValue,
	} {
		_, issues, err := model.LoadFile(filepath.Join("testdata", name+".json"))
		if err == nil {
			err = issues.Err()
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: error %v does not wrap %v", name, err, want)
		}
	}
}

// TestInputSize checks that Unmarshal, Decode and LoadFile refuse input
// over the size limit, lowered here to the size of minimal.json less one
// byte.
func TestInputSize(t *testing.T) {
	data, err := os.ReadFile("testdata/minimal.json")
	if err != nil {
		t.Fatal(err)
	}
	defer model.SetMaxInputSize(int64(len(data)) - 1)()
	check := func(what string, err error, want string) {
		t.Helper()
		if !errors.Is(err, model.ErrTooLarge) {
			t.Errorf("%s: error %v does not wrap ErrTooLarge", what, err)
		} else if err.Error() != want {
			t.Errorf("%s:\ngot  %s\nwant %s", what, err, want)
		}
	}
	_, err = model.Unmarshal(data)
	check("Unmarshal", err, "model: too large: 3603 bytes (3.5 KiB), more than the 3602 (3.5 KiB) a dossier may hold")
	_, _, err = model.LoadFile("testdata/minimal.json")
	check("LoadFile", err, "model: testdata/minimal.json: too large: 3603 bytes (3.5 KiB), more than the 3602 (3.5 KiB) a dossier may hold")
	// A stream is cut where it passes the limit: here, after the closing
	// brace, where the final newline is.
	_, err = model.Decode(bytes.NewReader(data))
	check("Decode", err, "model: 104:2: too large: more than the 3602 bytes (3.5 KiB) a dossier may hold")
	// Cut anywhere, within a string, a number or white space, the input
	// is too large, never malformed.
	for n := 1; n < len(data); n += 7 {
		model.SetMaxInputSize(int64(n))
		if _, err := model.Decode(iotest.HalfReader(bytes.NewReader(data))); !errors.Is(err, model.ErrTooLarge) {
			t.Fatalf("limit %d: %v; want an error wrapping ErrTooLarge", n, err)
		}
	}
}

// TestEndlessInput checks that an endless stream stops at the limit,
// without holding what it read.
func TestEndlessInput(t *testing.T) {
	defer model.SetMaxInputSize(64 << 20)()
	for name, r := range map[string]io.Reader{
		"spaces":      io.MultiReader(strings.NewReader(`{"format": "coibrief-dossier/1", "id": "x"`), repeat(' ')),
		"long string": io.MultiReader(strings.NewReader(`{"format": "coibrief-dossier/1", "id": "`), repeat('x')),
	} {
		_, err := model.Decode(r)
		if !errors.Is(err, model.ErrTooLarge) {
			t.Errorf("%s: error %v does not wrap ErrTooLarge", name, err)
		}
	}
}

type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// TestReaders decodes every case of the corpora from readers that return
// a byte at a time, or half of what is asked, and checks that the
// results — dossier or error, with its position — are those of Unmarshal.
func TestReaders(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.json")
	files = append(files, "testdata/minimal.json", "../examples/kazakhstan/kazakhstan.json")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		want, werr := model.Unmarshal(data)
		for name, r := range map[string]io.Reader{
			"one byte": iotest.OneByteReader(bytes.NewReader(data)),
			"half":     iotest.HalfReader(bytes.NewReader(data)),
			"eof":      iotest.DataErrReader(bytes.NewReader(data)),
		} {
			got, gerr := model.Decode(r)
			if !reflect.DeepEqual(got, want) || errString(gerr) != errString(werr) {
				t.Errorf("%s, %s reader: got %v; want %v", file, name, gerr, werr)
			}
		}
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestReadError checks that a failing reader's error comes back wrapped.
func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := model.Decode(io.MultiReader(strings.NewReader(`{"format": "coibrief-dossier/1", `), iotest.ErrReader(boom)))
	if !errors.Is(err, boom) || err.Error() != "model: reading dossier: boom" {
		t.Errorf("got %v; want model: reading dossier: boom", err)
	}
}

// TestPositionsExact checks, for every decode error of the corpus, that
// its line and column are those of its byte offset.
func TestPositionsExact(t *testing.T) {
	files, _ := filepath.Glob("testdata/decode/*.json")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, err = model.Unmarshal(data)
		var de *model.DecodeError
		if !errors.As(err, &de) {
			t.Fatalf("%s: %v is not a *DecodeError", file, err)
		}
		before := data[:de.Pos.Offset]
		line := bytes.Count(before, []byte("\n")) + 1
		col := len(before) - bytes.LastIndexByte(before, '\n')
		if de.Pos.Line != line || de.Pos.Column != col {
			t.Errorf("%s: error at %d:%d, offset %d; the offset is at %d:%d", file, de.Pos.Line, de.Pos.Column, de.Pos.Offset, line, col)
		}
	}
}

// TestNilArguments checks that the package's functions and methods refuse
// nil arguments with an error, or treat them as zero values: none panics.
func TestNilArguments(t *testing.T) {
	if err := model.Validate(nil).Err(); !errors.Is(err, model.ErrMissing) {
		t.Errorf("Validate(nil): %v; want an error wrapping ErrMissing", err)
	}
	if err := model.Encode(io.Discard, nil); !errors.Is(err, model.ErrMissing) {
		t.Errorf("Encode(nil): %v; want an error wrapping ErrMissing", err)
	}
	if err := model.Encode(nil, &model.Dossier{}); !errors.Is(err, model.ErrMissing) {
		t.Errorf("Encode(nil writer): %v; want an error wrapping ErrMissing", err)
	}
	if _, err := model.Decode(nil); !errors.Is(err, model.ErrMissing) {
		t.Errorf("Decode(nil): %v; want an error wrapping ErrMissing", err)
	}
	var e *model.Entry
	if s, p := e.Span(nil), e.Precision(nil); !s.IsZero() || p != model.PrecisionDay {
		t.Errorf("nil entry: span %v, precision %v", s, p)
	}
	if lo, hi := (*model.Figure)(nil).Bounds(); lo != 0 || hi != 0 {
		t.Errorf("nil figure: bounds %v, %v", lo, hi)
	}
	model.Locate(nil, "", model.Issues{{Path: "a.b"}})
}
