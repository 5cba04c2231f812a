package xlsx_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/coibrief/coibrief/examples/kazakhstan"
	"github.com/coibrief/coibrief/export/xlsx"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// TestNoPanics gives Write what it cannot use — no document, documents
// made by hand that break the rules of report's Check, no writer — and
// checks that each is an error wrapping ErrOptions, with its whole
// message, and that nothing is written.
func TestNoPanics(t *testing.T) {
	d, _, err := kazakhstan.Dossier()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Build(d, report.Options{Languages: []language.Tag{language.French, language.English}})
	if err != nil {
		t.Fatal(err)
	}
	short := *doc
	short.Sections = append([]*report.Section{{Title: report.L{"Contexte"}}}, doc.Sections...)
	for _, tt := range []struct {
		name string
		doc  *report.Document
		want string
	}{
		{"nil document", nil, "xlsx: invalid options: nil document"},
		{"zero document", &report.Document{},
			"xlsx: invalid options: report: invalid document: Languages: 0 languages; a document has one or two"},
		{"short title", &short,
			"xlsx: invalid options: report: invalid document: Sections[0].Title: 1 of 2 texts (one per language)"},
	} {
		var buf bytes.Buffer
		err := xlsx.Write(&buf, tt.doc, xlsx.Options{})
		if err == nil || err.Error() != tt.want || !errors.Is(err, xlsx.ErrOptions) {
			t.Errorf("%s: got %v; want %s", tt.name, err, tt.want)
		}
		if buf.Len() > 0 {
			t.Errorf("%s: %d bytes written with the error", tt.name, buf.Len())
		}
	}
	if err := xlsx.Write(nil, doc, xlsx.Options{}); err == nil || err.Error() != "xlsx: invalid options: nil writer" {
		t.Errorf("Write(nil writer): got %v; want xlsx: invalid options: nil writer", err)
	}
}
