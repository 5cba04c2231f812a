package model_test

import (
	"bytes"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
)

// benchSizes are the dossiers of the stage benchmarks: the embedded
// Kazakhstan dossier and synthetic ones of 1,000 and 10,000 entries with
// half as many figures. Each makes its JSON only when its benchmark runs.
var benchSizes = []struct {
	name string
	json func(b *testing.B) []byte
}{
	{"kazakhstan", func(*testing.B) []byte { return kazakhstan.JSON() }},
	{"1000", func(b *testing.B) []byte { return synthJSON(b, 1000) }},
	{"10000", func(b *testing.B) []byte { return synthJSON(b, 10_000) }},
	{"100000", func(b *testing.B) []byte { return synthJSON(b, 100_000) }},
}

func synthJSON(b *testing.B, entries int) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := synth.WriteJSON(&buf, synth.Options{Entries: entries, Figures: entries / 2, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkLoad decodes a dossier from JSON in memory.
func BenchmarkLoad(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			data := size.json(b)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := model.Unmarshal(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkValidate validates a decoded dossier.
func BenchmarkValidate(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			d, err := model.Unmarshal(size.json(b))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := model.Validate(d).Err(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
