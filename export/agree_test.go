package export_test

import (
	"errors"
	"flag"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/html"
	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/internal/fuzzdossier"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// hostileTexts are what edits put into texts: the characters that once
// made a dossier validate and then fail to render, and others like them.
var hostileTexts = []string{
	"", "Émeutes à Almaty", "tab\there", "two\nlines", "CR\r\nLF", "line\u2028separator", "para\u2029separator",
	"zero\u200bwidth", "soft\u00adhyphen", "bom\ufeffinside", "joiner\u200d\u200c", "variation\ufe0f",
	"🙂 emoji", "東京", "الجزيرة", "ქართული", "Ἀθῆναι", "Қазақстан", "999\u202f999\u202f999,99", "1,000,000,000.5",
	"\u202eytamlA", "U+FFFD \ufffd", strings.Repeat("long ", 3000), "«\u00a0guillemets\u00a0»",
}

// bases returns the dossiers the edits start from.
func bases(t testing.TB) [][]byte {
	t.Helper()
	bs, err := fuzzdossier.Bases()
	if err != nil {
		t.Fatal(err)
	}
	bs = append(bs, kazakhstan.JSON())
	for _, pat := range []string{"../model/testdata/*.json", "../model/testdata/valid/*.json"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			bs = append(bs, data)
		}
	}
	return bs
}

// FuzzAgree checks that a dossier that model.Validate, report.Validate
// and pdf.Check accept builds, and renders in every PDF edition, in every
// HTML edition, whole and without cover, contents and chronology, and as
// a workbook in each language: validation and rendering agree. Its seeds
// are edits of every base dossier with the hostile texts above, so that
// go test runs a few hundred cases; go test -fuzz explores further.
func FuzzAgree(f *testing.F) {
	bs := bases(f)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range bs {
		f.Add(uint8(i), []byte{}, "", uint16(1))
		for range 12 {
			ops := make([]byte, 5*(1+r.IntN(4)))
			for j := range ops {
				ops[j] = byte(r.IntN(256))
			}
			f.Add(uint8(i), ops, hostileTexts[r.IntN(len(hostileTexts))], uint16(r.IntN(1<<16)))
		}
	}
	valid := 0
	f.Cleanup(func() {
		if fz := flag.Lookup("test.fuzz"); fz != nil && fz.Value.String() != "" {
			return // the inputs ran in worker processes
		}
		f.Logf("%d of the inputs validated and rendered", valid)
		if !testing.Short() && valid < 20 {
			f.Errorf("only %d of the seeds were valid: the property was hardly tested", valid)
		}
	})
	f.Fuzz(func(t *testing.T, base uint8, ops []byte, text string, knobs uint16) {
		d, err := model.Unmarshal(fuzzdossier.Pick(base, bs))
		if err != nil {
			t.Fatal(err)
		}
		fuzzdossier.Apply(d, ops, text)
		if model.Validate(d).Err() != nil || report.Validate(d, report.Options{}).Err() != nil || pdf.Check(d, pdf.Options{}).Err() != nil {
			return
		}
		ropt, ok := fuzzdossier.Options(d, knobs)
		if !ok {
			ropt = report.Options{}
		}
		ropt.Filter = report.Filter{} // a filter may leave nothing: not this test's concern
		doc, err := report.Build(d, ropt)
		if err != nil {
			t.Fatalf("a dossier that validates does not build: %v", err)
		}
		valid++
		eds := []pdf.Options{}
		for _, tag := range doc.Languages {
			eds = append(eds, pdf.Options{Edition: pdf.Single, Language: tag})
		}
		if len(doc.Languages) == 2 {
			eds = append(eds, pdf.Options{Edition: pdf.Parallel}, pdf.Options{Edition: pdf.Sequential})
		}
		for _, o := range eds {
			if _, err := pdf.Write(io.Discard, doc, o); err != nil {
				t.Fatalf("a dossier that validates does not render as PDF (%v %s): %v", o.Edition, o.Language, err)
			}
		}
		for _, o := range eds {
			ho := html.Options{Edition: html.Edition(o.Edition), Language: o.Language}
			if _, err := html.Write(io.Discard, doc, ho); err != nil {
				t.Fatalf("a dossier that validates does not render as HTML (%v %s): %v", ho.Edition, ho.Language, err)
			}
			ho.Fragment, ho.Omit = true, []html.Part{html.PartCover, html.PartContents, html.PartChronology}
			if _, err := html.Write(io.Discard, doc, ho); err != nil {
				t.Fatalf("a dossier that validates does not render as an HTML fragment of parts (%v %s): %v", ho.Edition, ho.Language, err)
			}
		}
		for _, tag := range doc.Languages {
			err := xlsx.Write(io.Discard, doc, xlsx.Options{Language: tag})
			if err != nil && !errors.Is(err, xlsx.ErrTooLarge) {
				t.Fatalf("a dossier that validates does not render as a workbook (%s): %v", tag, err)
			}
		}
	})
}
