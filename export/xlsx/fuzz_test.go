package xlsx_test

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/internal/fuzzdossier"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// FuzzWrite writes workbooks of edited dossiers (see package
// fuzzdossier). Write must never panic (a panic inside excelize would
// come back as an ErrWorkbook error saying "panic"), whatever Build
// accepts; it must write every briefing of a valid dossier, and what it
// writes must be a zip archive.
func FuzzWrite(f *testing.F) {
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
		for _, knobs := range []uint16{0, 1, 2, 0x0049, 1 | 1<<15} {
			f.Add(uint8(i), []byte{}, "", knobs)
		}
		f.Add(uint8(i), []byte{0, 0, 30, 5, 0, 2, 0, 12, 1, 0, 4, 0, 40, 0}, "=HYPERLINK(\"http://x\")", uint16(1))
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
		var opt xlsx.Options
		if knobs&(1<<15) != 0 {
			opt.Language = language.English
		}
		var buf bytes.Buffer
		err = xlsx.Write(&buf, doc, opt)
		switch {
		case errors.Is(err, xlsx.ErrWorkbook) && strings.Contains(err.Error(), "panic"):
			t.Fatalf("workbook failed: %v", err)
		case err != nil && buf.Len() > 0:
			t.Fatal("bytes written with an error")
		case err == nil && !bytes.HasPrefix(buf.Bytes(), []byte("PK\x03\x04")):
			t.Fatal("not a zip archive")
		case err != nil && valid && (opt.Language == language.Und || slices.Contains(doc.Languages, opt.Language)):
			t.Fatalf("a valid dossier, options %+v: %v", opt, err)
		}
	})
}
