package workbook_test

import (
	"bytes"
	"testing"

	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/model/workbook"
	"golang.org/x/text/language"
)

// benchInputs returns a 10,000-entry synthetic dossier as JSON and as an
// authoring workbook.
func benchInputs(b *testing.B) (js, wb []byte) {
	d, err := synth.Dossier(synth.Options{Entries: 10_000, Figures: 5_000, Seed: 19})
	if err != nil {
		b.Fatal(err)
	}
	js = encode(b, d)
	var w bytes.Buffer
	if err := workbook.Write(&w, d, workbook.Options{Language: language.English}); err != nil {
		b.Fatal(err)
	}
	return js, w.Bytes()
}

// BenchmarkRead reads a 10,000-entry dossier from its authoring workbook
// and, for comparison, from its JSON (decoding and validating both).
func BenchmarkRead(b *testing.B) {
	js, wb := benchInputs(b)
	b.Run("workbook", func(b *testing.B) {
		b.SetBytes(int64(len(wb)))
		for b.Loop() {
			if _, err := workbook.Read(bytes.NewReader(wb)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		b.SetBytes(int64(len(js)))
		for b.Loop() {
			d, err := model.Unmarshal(js)
			if err != nil {
				b.Fatal(err)
			}
			if err := model.Validate(d).Err(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkWrite writes the authoring workbook of a 10,000-entry dossier.
func BenchmarkWrite(b *testing.B) {
	d, err := synth.Dossier(synth.Options{Entries: 10_000, Figures: 5_000, Seed: 19})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var w bytes.Buffer
		if err := workbook.Write(&w, d, workbook.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
