package model_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/internal/fuzzdossier"
	"github.com/coibrief/coibrief/model"
)

// FuzzUnmarshal checks that decoding never panics; that what decodes
// also decodes with encoding/json to the same dossier, and from a reader
// that returns a byte at a time; that it validates and locates without
// panicking; and that it survives a save and reload.
func FuzzUnmarshal(f *testing.F) {
	for _, pattern := range []string{"testdata/*.json", "testdata/valid/*.json", "testdata/decode/*.json", "testdata/invalid/*.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := model.Unmarshal(data)
		d1, err1 := model.Decode(iotest.OneByteReader(bytes.NewReader(data)))
		if fmt.Sprint(err) != fmt.Sprint(err1) {
			t.Fatalf("Unmarshal: %v\nDecode from a byte at a time: %v", err, err1)
		}
		if err != nil {
			if d != nil || d1 != nil {
				t.Fatal("dossier returned with an error")
			}
			return
		}
		var std model.Dossier
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&std); err != nil {
			t.Fatalf("model.Unmarshal accepts what encoding/json rejects: %v", err)
		}
		if a, b := encode(t, d), encode(t, &std); !bytes.Equal(a, b) {
			t.Fatalf("model.Unmarshal and encoding/json disagree:\n%s\n%s", a, b)
		}
		if !bytes.Equal(encode(t, d1), encode(t, d)) {
			t.Fatal("decoding a byte at a time gives another dossier")
		}
		issues := model.Validate(d)
		model.Locate(data, "fuzz.json", issues)
		for _, is := range issues {
			if !is.Pos.IsValid() {
				t.Fatalf("issue %v not located", is)
			}
		}
		saved := encode(t, d)
		if _, err := model.Unmarshal(saved); err != nil {
			t.Fatalf("reload of a saved dossier failed: %v\n%s", err, saved)
		}
	})
}

func encode(t *testing.T, d *model.Dossier) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := model.Encode(&buf, d); err != nil {
		t.Fatalf("encode: %v", err)
	}
	return buf.Bytes()
}

// validateBases are the dossiers FuzzValidate edits, the largest last.
func validateBases(f *testing.F) [][]byte {
	bases, err := fuzzdossier.Bases()
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range []string{"testdata/minimal.json", "testdata/invalid/uncited-source-explained.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		bases = append(bases, data)
	}
	return append(bases, kazakhstan.JSON())
}

// FuzzValidate edits valid dossiers (see package fuzzdossier) and
// validates them: Validate must never panic and must say the same twice;
// every issue must have an error and be located in the saved dossier; and
// a dossier that validates must survive a save and reload unchanged.
func FuzzValidate(f *testing.F) {
	bases := validateBases(f)
	for i := range bases {
		f.Add(uint8(i), []byte{}, "")
		f.Add(uint8(i), []byte{0, 0, 40, 0, 0, 1, 0, 9, 2, 0, 4, 0, 7, 0}, "Émeutes à Almaty\u0007")
		f.Add(uint8(i), []byte{2, 0, 2, 3, 0, 4, 1, 17, 0, 1}, "Алматы")
	}
	f.Add(uint8(255), []byte{0, 1, 0, 1, 0}, "")
	f.Fuzz(func(t *testing.T, base uint8, ops []byte, text string) {
		d, err := model.Unmarshal(fuzzdossier.Pick(base, bases))
		if err != nil {
			t.Fatal(err)
		}
		fuzzdossier.Apply(d, ops, text)
		issues := model.Validate(d)
		for _, is := range issues {
			if is.Err == nil {
				t.Fatalf("issue at %s without an error", is.Path)
			}
		}
		if again := model.Validate(d); fmt.Sprint(again) != fmt.Sprint(issues) {
			t.Fatalf("Validate says two things:\n%v\n%v", issues, again)
		}
		var buf bytes.Buffer
		if err := model.Encode(&buf, d); err != nil {
			if issues.Err() == nil {
				t.Fatalf("a valid dossier does not encode: %v", err)
			}
			return
		}
		d2, err := model.Unmarshal(buf.Bytes())
		if err != nil {
			if issues.Err() == nil {
				t.Fatalf("a valid dossier does not reload: %v\n%s", err, buf.Bytes())
			}
			return
		}
		model.Locate(buf.Bytes(), "fuzz.json", issues)
		for _, is := range issues {
			if !is.Pos.IsValid() {
				t.Fatalf("issue %v not located", is)
			}
		}
		if issues.Err() != nil {
			return
		}
		if saved := encode(t, d2); !bytes.Equal(saved, buf.Bytes()) {
			t.Fatalf("save, reload and save changed the dossier:\n%s\n%s", buf.Bytes(), saved)
		}
		if err := model.Validate(d2).Err(); err != nil {
			t.Fatalf("a valid dossier, reloaded, is invalid: %v", err)
		}
	})
}
