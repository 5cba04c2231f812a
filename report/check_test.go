package report_test

import (
	"errors"
	"io"
	"slices"
	"testing"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// TestCheck checks that Build's documents pass Check, and that documents
// broken by hand fail it with an error naming the field at fault.
func TestCheck(t *testing.T) {
	d := dossier(t)
	for _, opt := range []report.Options{{}, {Languages: []language.Tag{fr, en}}, {Filter: almaty()}} {
		if err := build(t, d, opt).Check(); err != nil {
			t.Errorf("Build %+v: %v", opt, err)
		}
	}
	full := build(t, d, report.Options{Languages: []language.Tag{fr, en}})
	broken := func(edit func(*report.Document)) *report.Document {
		c := *full
		edit(&c)
		return &c
	}
	for _, tt := range []struct {
		name string
		doc  *report.Document
		want string
	}{
		{"nil", nil, "report: invalid document: nil document"},
		{"zero", &report.Document{}, "report: invalid document: Languages: 0 languages; a document has one or two"},
		{"three languages", broken(func(c *report.Document) { c.Languages = []language.Tag{fr, en, language.Russian} }),
			"report: invalid document: Languages: 3 languages; a document has one or two"},
		{"twice", broken(func(c *report.Document) { c.Languages = []language.Tag{fr, fr} }),
			"report: invalid document: Languages: fr twice"},
		{"undetermined", broken(func(c *report.Document) { c.Languages = []language.Tag{language.Und} }),
			"report: invalid document: Languages[0]: undetermined language"},
		{"no figures", &report.Document{Languages: []language.Tag{fr}}, "report: invalid document: Figures: nil"},
		{"short title", broken(func(c *report.Document) { c.Meta.Title = report.L{"Kazakhstan"} }),
			"report: invalid document: Meta.Title: 1 of 2 texts (one per language)"},
		{"nil section", broken(func(c *report.Document) { c.Sections = append([]*report.Section{nil}, c.Sections...) }),
			"report: invalid document: Sections[0]: nil item"},
		{"nil block", broken(func(c *report.Document) {
			s := *c.Sections[0]
			s.Blocks = append(slices.Clone(s.Blocks), nil)
			c.Sections = append([]*report.Section{&s}, c.Sections[1:]...)
		}), "report: invalid document: Sections[0].Blocks[4]: nil item"},
		{"footnotes out of order", broken(func(c *report.Document) {
			c.Footnotes = slices.Clone(c.Footnotes)
			c.Footnotes[0], c.Footnotes[1] = c.Footnotes[1], c.Footnotes[0]
		}), "report: invalid document: Footnotes[0]: numbered 2"},
		{"no bibliography", broken(func(c *report.Document) { c.Bibliography = nil }),
			`report: invalid document: Footnotes[0].Citations[0].Source: "meae-2022-01-14" is not in the bibliography`},
	} {
		err := tt.doc.Check()
		if err == nil || err.Error() != tt.want || !errors.Is(err, report.ErrDocument) {
			t.Errorf("%s: got %v; want %s", tt.name, err, tt.want)
		}
		if err := tt.doc.Dump(io.Discard); err == nil || err.Error() != tt.want {
			t.Errorf("%s: Dump: got %v; want %s", tt.name, err, tt.want)
		}
	}
}

// TestNoPanics calls the package's functions with nil and empty values:
// each returns an error or a zero value, and none panics.
func TestNoPanics(t *testing.T) {
	doc := build(t, dossier(t), report.Options{})
	if _, err := report.Build(nil, report.Options{}); !errors.Is(err, report.ErrOptions) {
		t.Errorf("Build(nil): %v", err)
	}
	if _, err := report.Build(&model.Dossier{}, report.Options{}); !errors.Is(err, report.ErrOptions) {
		t.Errorf("Build(empty dossier): %v", err)
	}
	if _, err := report.FindPlace(nil, "Almaty"); !errors.Is(err, report.ErrOptions) {
		t.Errorf("FindPlace(nil): %v", err)
	}
	noLang := &model.Dossier{Places: []model.Place{{ID: "almaty"}, {ID: "aktau"}}}
	if _, err := report.FindPlace(noLang, "Almati"); !errors.Is(err, report.ErrUnknownPlace) {
		t.Errorf("FindPlace(dossier without languages): %v", err)
	}
	walk := func(report.Node, bool) (report.WalkStatus, error) { return report.WalkContinue, nil }
	if err := report.Walk(nil, walk); !errors.Is(err, report.ErrOptions) {
		t.Errorf("Walk(nil): %v", err)
	}
	if err := report.Walk(doc, nil); !errors.Is(err, report.ErrOptions) {
		t.Errorf("Walk(nil function): %v", err)
	}
	withNil := *doc
	withNil.Sections = []*report.Section{nil}
	if err := report.Walk(&withNil, walk); !errors.Is(err, report.ErrDocument) {
		t.Errorf("Walk(nil section): %v", err)
	}
	if err := doc.Dump(nil); !errors.Is(err, report.ErrOptions) {
		t.Errorf("Dump(nil writer): %v", err)
	}
	if p := (*report.Document)(nil).Place("almaty"); p != nil {
		t.Errorf("Place on a nil document: %v", p)
	}
	if p := (&report.Document{}).Place("almaty"); p != nil {
		t.Errorf("Place on a zero document: %v", p)
	}
}
