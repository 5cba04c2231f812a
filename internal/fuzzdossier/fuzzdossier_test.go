package fuzzdossier_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/coibrief/coibrief/internal/fuzzdossier"
	"github.com/coibrief/coibrief/model"
)

// TestApply checks that no edits leave a dossier as it was, that the same
// edits give the same dossier, and that random edits never panic and
// change something.
func TestApply(t *testing.T) {
	bases, err := fuzzdossier.Bases()
	if err != nil {
		t.Fatal(err)
	}
	for i, base := range bases {
		d, err := model.Unmarshal(base)
		if err != nil {
			t.Fatal(err)
		}
		if err := model.Validate(d).Err(); err != nil {
			t.Fatalf("base %d: %v", i, err)
		}
		orig := encode(t, d)
		fuzzdossier.Apply(d, nil, "x")
		if !bytes.Equal(encode(t, d), orig) {
			t.Errorf("base %d: no edits changed the dossier", i)
		}
		r := rand.New(rand.NewPCG(1, uint64(i)))
		changed := 0
		for range 200 {
			ops := make([]byte, 1+r.IntN(40))
			for j := range ops {
				ops[j] = byte(r.Uint32())
			}
			a, _ := model.Unmarshal(base)
			b, _ := model.Unmarshal(base)
			fuzzdossier.Apply(a, ops, "Алматы")
			fuzzdossier.Apply(b, ops, "Алматы")
			var ea, eb bytes.Buffer
			errA, errB := model.Encode(&ea, a), model.Encode(&eb, b)
			if (errA == nil) != (errB == nil) || !bytes.Equal(ea.Bytes(), eb.Bytes()) {
				t.Fatalf("base %d, ops %v: the same edits gave two dossiers", i, ops)
			}
			if errA != nil || !bytes.Equal(ea.Bytes(), orig) {
				changed++
			}
		}
		if changed < 100 {
			t.Errorf("base %d: only %d of 200 random edits changed the dossier", i, changed)
		}
	}
}

func encode(t *testing.T, d *model.Dossier) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := model.Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPick checks that the last base, the slow one, is seldom chosen.
func TestPick(t *testing.T) {
	bases := [][]byte{[]byte("a"), []byte("b"), []byte("large")}
	large := 0
	for n := range 256 {
		if string(fuzzdossier.Pick(uint8(n), bases)) == "large" {
			large++
		}
	}
	if large != 8 {
		t.Errorf("the last base chosen for %d values of 256; want 8", large)
	}
}
