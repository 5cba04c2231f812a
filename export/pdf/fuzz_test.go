package pdf_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// FuzzRender renders fuzzed dossiers: the renderer must never panic (a
// panic inside fpdf would come back as ErrRender) and never return bytes
// with an error.
func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob("../../model/testdata/*.json")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(0))
		f.Add(data, uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, knobs uint8) {
		d, err := model.Unmarshal(data)
		if err != nil || model.Validate(d).Err() != nil {
			return
		}
		ropt := report.Options{Languages: d.Languages}
		if len(ropt.Languages) > 2 {
			ropt.Languages = ropt.Languages[:2]
		}
		doc, err := report.Build(d, ropt)
		if err != nil {
			return
		}
		opt := pdf.Options{Edition: pdf.Edition(knobs % 3)}
		if opt.Edition == pdf.Single && knobs&4 != 0 {
			opt.Language = language.English
		}
		out, _, err := pdf.Render(doc, opt)
		if errors.Is(err, pdf.ErrRender) {
			t.Fatalf("render failed: %v", err)
		}
		if err != nil && out != nil {
			t.Fatal("bytes returned with an error")
		}
	})
}
