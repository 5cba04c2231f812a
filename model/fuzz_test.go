package model_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/coibrief/coibrief/model"
)

// FuzzUnmarshal checks that decoding never panics, that whatever decodes
// also validates and locates without panicking, and that what decodes
// survives a save and reload.
func FuzzUnmarshal(f *testing.F) {
	for _, pattern := range []string{"testdata/*.json", "testdata/decode/*.json", "testdata/invalid/*.json"} {
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
		if err != nil {
			if d != nil {
				t.Fatal("dossier returned with an error")
			}
			return
		}
		model.Locate(data, "fuzz.json", model.Validate(d))
		var buf bytes.Buffer
		if err := model.Encode(&buf, d); err != nil {
			t.Fatalf("encode: %v", err)
		}
		if _, err := model.Unmarshal(buf.Bytes()); err != nil {
			t.Fatalf("reload of a saved dossier failed: %v\n%s", err, buf.Bytes())
		}
	})
}
