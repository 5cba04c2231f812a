package pdf_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/coibrief/coibrief/export/pdf"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// TestNoPanics gives Render and Write what they cannot use — no document,
// a document made by hand that breaks the rules of report's Check, no
// writer, unknown editions and languages — and checks that each is an
// error wrapping ErrOptions, with its whole message, and that nothing is
// returned or written.
func TestNoPanics(t *testing.T) {
	doc, err := report.Build(dossier(t), bilingual)
	if err != nil {
		t.Fatal(err)
	}
	short := *doc
	short.Meta.Title = report.L{"Kazakhstan"}
	nilSection := *doc
	nilSection.Sections = append([]*report.Section{nil}, doc.Sections...)
	for _, tt := range []struct {
		name string
		doc  *report.Document
		opt  pdf.Options
		want string
	}{
		{"nil document", nil, pdf.Options{}, "pdf: invalid options: nil document"},
		{"zero document", &report.Document{}, pdf.Options{},
			"pdf: invalid options: report: invalid document: Languages: 0 languages; a document has one or two"},
		{"one language only", &report.Document{Languages: []language.Tag{fr}}, pdf.Options{},
			"pdf: invalid options: report: invalid document: Figures: nil"},
		{"short title", &short, pdf.Options{},
			"pdf: invalid options: report: invalid document: Meta.Title: 1 of 2 texts (one per language)"},
		{"nil section", &nilSection, pdf.Options{},
			"pdf: invalid options: report: invalid document: Sections[0]: nil item"},
		{"unknown edition", doc, pdf.Options{Edition: 9}, "pdf: invalid options: unknown edition 9"},
		{"unknown language", doc, pdf.Options{Language: language.Russian},
			"pdf: invalid options: the briefing is not in ru (it has [fr en])"},
	} {
		out, _, err := pdf.Render(tt.doc, tt.opt)
		if err == nil || err.Error() != tt.want || !errors.Is(err, pdf.ErrOptions) {
			t.Errorf("%s: got %v; want %s", tt.name, err, tt.want)
		}
		if out != nil {
			t.Errorf("%s: %d bytes returned with the error", tt.name, len(out))
		}
		var buf bytes.Buffer
		if _, err := pdf.Write(&buf, tt.doc, tt.opt); err == nil || buf.Len() > 0 {
			t.Errorf("%s: Write: %v, %d bytes written", tt.name, err, buf.Len())
		}
	}
	if _, err := pdf.Write(nil, doc, pdf.Options{}); err == nil || err.Error() != "pdf: invalid options: nil writer" {
		t.Errorf("Write(nil writer): got %v; want pdf: invalid options: nil writer", err)
	}
}
