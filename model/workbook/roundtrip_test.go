package workbook_test

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/dossiers"
	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/internal/synth"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/model/workbook"
	"golang.org/x/text/language"
)

// encode returns d as model.Encode writes it.
func encode(t testing.TB, d *model.Dossier) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := model.Encode(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// roundTrip writes d as a workbook in lang, reads it back and checks that
// the dossier encodes to the same bytes; it returns the workbook.
func roundTrip(t *testing.T, d *model.Dossier, lang language.Tag) []byte {
	t.Helper()
	var wb bytes.Buffer
	if err := workbook.Write(&wb, d, workbook.Options{Language: lang}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	got, err := workbook.Read(bytes.NewReader(wb.Bytes()))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	want, have := encode(t, d), encode(t, got)
	if !bytes.Equal(want, have) {
		t.Fatalf("round trip in %s changed the dossier:\n%s", lang, firstDiff(want, have))
	}
	return wb.Bytes()
}

// firstDiff shows the first line where two texts differ, with context.
func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			lo := max(0, i-3)
			return "line " + itoa(i+1) + ":\nwant: " + strings.Join(al[lo:min(len(al), i+2)], "\n      ") + "\ngot:  " + strings.Join(bl[lo:min(len(bl), i+2)], "\n      ")
		}
	}
	return "(no line differs)"
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func kazakhstanDossier(t testing.TB) *model.Dossier {
	t.Helper()
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRoundTripKazakhstan(t *testing.T) {
	d := kazakhstanDossier(t)
	for _, lang := range []language.Tag{language.French, language.English} {
		t.Run(lang.String(), func(t *testing.T) {
			a := roundTrip(t, d, lang)
			var again bytes.Buffer
			if err := workbook.Write(&again, d, workbook.Options{Language: lang}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, again.Bytes()) {
				t.Error("two workbooks of the same dossier differ")
			}
		})
	}
}

func TestRoundTripExamples(t *testing.T) {
	names, err := fs.Glob(dossiers.Files, "*.json")
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			d, _, err := dossiers.Load(name)
			if err != nil {
				t.Fatal(err)
			}
			roundTrip(t, d, language.English)
			roundTrip(t, d, language.French)
		})
	}
}

func TestRoundTripSynthetic(t *testing.T) {
	n := 10_000
	if testing.Short() || raceEnabled {
		n = 500 // the race detector makes the 10,000 entries take minutes
	}
	d, err := synth.Dossier(synth.Options{Entries: n, Figures: n / 2, Seed: 19})
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, d, language.English)
}
