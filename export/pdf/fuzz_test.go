package pdf_test

import (
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/internal/fuzzdossier"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// FuzzRender renders briefings of edited dossiers (see package
// fuzzdossier) in every edition. The renderer must never panic (a panic
// inside fpdf would come back as ErrRender), whatever Build accepts;
// never return bytes with an error; and render every briefing of a valid
// dossier in a valid edition, unless a text holds a character the fonts
// lack (ErrGlyph), which Check must then have reported.
func FuzzRender(f *testing.F) {
	bases, err := fuzzdossier.Bases()
	if err != nil {
		f.Fatal(err)
	}
	data, err := os.ReadFile("../../model/testdata/minimal.json")
	if err != nil {
		f.Fatal(err)
	}
	bases = append(bases, data, kazakhstan.JSON())
	for i := range bases {
		for _, knobs := range []uint16{0, 1, 1 | 1<<8, 1 | 2<<8, 0x0049 | 3<<8} {
			f.Add(uint8(i), []byte{}, "", knobs)
		}
		f.Add(uint8(i), []byte{0, 0, 30, 5, 0, 2, 0, 12, 1, 0, 4, 0, 40, 0}, "Шымкент — 東京", uint16(1|1<<8))
		// right to left, shaped, isolated, overridden
		f.Add(uint8(i), []byte{0, 0, 30, 5, 0, 2, 0, 12, 1, 0, 4, 0, 40, 0}, "الجزيرة 2022، (עברית) \u2067x\u2069 \u202eabc\u202c ẹ́ ش\u200cه", uint16(1|1<<8))
	}
	f.Fuzz(func(t *testing.T, base uint8, ops []byte, text string, knobs uint16) {
		d, err := model.Unmarshal(fuzzdossier.Pick(base, bases))
		if err != nil {
			t.Fatal(err)
		}
		fuzzdossier.Apply(d, ops, text)
		valid := model.Validate(d).Err() == nil
		ropt, _ := fuzzdossier.Options(d, knobs)
		doc, err := report.Build(d, ropt)
		if err != nil {
			return
		}
		opt := pdf.Options{Edition: pdf.Edition(knobs >> 8 % 4)}
		validOpt := opt.Edition == pdf.Single || opt.Edition <= pdf.Sequential && len(doc.Languages) == 2
		if opt.Edition == pdf.Single && knobs&(1<<10) != 0 {
			opt.Language = language.English
			validOpt = validOpt && slices.Contains(doc.Languages, language.English)
		}
		out, _, err := pdf.Render(doc, opt)
		switch {
		case errors.Is(err, pdf.ErrRender):
			t.Fatalf("render failed: %v", err)
		case err != nil && out != nil:
			t.Fatal("bytes returned with an error")
		case err != nil && valid && validOpt && !errors.Is(err, pdf.ErrGlyph):
			t.Fatalf("a valid dossier, edition %+v: %v", opt, err)
		case err != nil && valid && validOpt && len(pdf.Check(d, opt)) == 0:
			t.Fatalf("a valid dossier that Check passes, edition %+v: %v", opt, err)
		}
	})
}
