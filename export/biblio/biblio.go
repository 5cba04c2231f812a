package biblio

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Format is a bibliography file format.
type Format uint8

// Formats. The zero Format is CSL-JSON.
const (
	CSL      Format = iota // CSL-JSON, as citeproc and Zotero read it
	RIS                    // RIS tagged records
	BibLaTeX               // a .bib file for biblatex and biber
	BibTeX                 // a .bib file for classic BibTeX styles
)

var formatNames = []string{"csl", "ris", "biblatex", "bibtex"}

// String returns the name ParseFormat reads: "csl", "ris", "biblatex" or "bibtex".
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// Ext returns the usual file extension of f, with its dot.
func (f Format) Ext() string {
	switch f {
	case CSL:
		return ".json"
	case RIS:
		return ".ris"
	}
	return ".bib"
}

// ParseFormat returns the format named s, ignoring case.
func ParseFormat(s string) (Format, error) {
	if i := slices.Index(formatNames, strings.ToLower(s)); i >= 0 {
		return Format(i), nil
	}
	return 0, fmt.Errorf("biblio: %w: unknown format %q (want %s)", ErrOptions, s, strings.Join(formatNames, ", "))
}

// Options says how to write a bibliography. The zero Options writes
// CSL-JSON with translations in the document's first language.
type Options struct {
	Format Format
	// Language is the language of the translated titles and of the
	// notes: one of the document's languages. The zero Tag means the
	// document's first language.
	Language language.Tag
}

// Write writes the bibliography of doc — the sources the briefing cites,
// in its order — in the format opt says. The same document and options
// give the same bytes.
func Write(w io.Writer, doc *report.Document, opt Options) error {
	if w == nil {
		return fmt.Errorf("biblio: %w: nil writer", ErrOptions)
	}
	b, err := newBib(doc, opt)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	switch opt.Format {
	case CSL:
		err = b.csl(bw)
	case RIS:
		b.ris(bw)
	case BibLaTeX, BibTeX:
		b.bib(bw, opt.Format == BibLaTeX)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("biblio: %w: %w", ErrWrite, err)
	}
	return nil
}

// bib is what every format takes from the document.
type bib struct {
	doc   *report.Document
	lang  int // index of the language in doc.Languages
	tag   language.Tag
	items []*item
}

// item is one source with what the formats print of it.
type item struct {
	*report.SourceItem
	translation string // the title in the bibliography's language; empty when it is in it already
	errata      []*report.ErratumItem
}

func newBib(doc *report.Document, opt Options) (*bib, error) {
	if doc == nil {
		return nil, fmt.Errorf("biblio: %w: nil document", ErrOptions)
	}
	if opt.Format > BibTeX {
		return nil, fmt.Errorf("biblio: %w: unknown format %v", ErrOptions, opt.Format)
	}
	if len(doc.Languages) == 0 {
		return nil, fmt.Errorf("biblio: %w: the document has no language", ErrOptions)
	}
	b := &bib{doc: doc}
	if opt.Language != (language.Tag{}) {
		b.lang = slices.Index(doc.Languages, opt.Language)
		if b.lang < 0 {
			return nil, fmt.Errorf("biblio: %w: language %s; the document has %v", ErrOptions, opt.Language, doc.Languages)
		}
	}
	b.tag = doc.Languages[b.lang]
	for i, s := range doc.Sources {
		if s == nil {
			return nil, fmt.Errorf("biblio: %w: Sources[%d] is nil", ErrOptions, i)
		}
		it := &item{SourceItem: s}
		if b.lang < len(s.Translation) {
			it.translation = s.Translation[b.lang]
		}
		for _, e := range doc.Errata {
			if e != nil && e.Ref.Kind == model.RefSource && model.SourceID(e.Ref.ID) == s.ID {
				it.errata = append(it.errata, e)
			}
		}
		b.items = append(b.items, it)
	}
	return b, nil
}

// text returns t in the bibliography's language.
func (b *bib) text(t report.L) string {
	if b.lang < len(t) {
		return t[b.lang]
	}
	return ""
}

// notes returns what no field of the formats holds: the update, the
// republisher and the errata, one sentence each.
func (b *bib) notes(it *item) []string {
	var out []string
	if !it.Updated.IsZero() {
		out = append(out, "Updated "+it.Updated.String()+".")
	}
	if it.Label > 0 {
		out = append(out, fmt.Sprintf("Item [%d] of the outlet on that day.", it.Label))
	}
	if v := it.Source.Via; v != "" {
		out = append(out, "Via "+v+".")
	}
	for _, e := range it.errata {
		s := "Erratum"
		if e.Field != "" {
			s += " (" + e.Field + ")"
		}
		s += ": printed " + quote(e.Printed)
		if e.Recorded != "" {
			s += ", recorded " + quote(e.Recorded)
		}
		if t := b.text(e.Text); t != "" {
			s += " — " + t
		}
		out = append(out, sentence(s))
	}
	return out
}

// sentence ends s with a full stop unless it ends with punctuation.
func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

func quote(s string) string { return "“" + s + "”" }

// oneLine folds the line breaks and tabs of s into spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t\u2028\u2029\u0085") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '\r' || r == '\n' || r == '\t' || r == '\u2028' || r == '\u2029' || r == '\u0085'
	}), " ")
}
