package html

import (
	"bytes"
	"fmt"
	"io"
	"slices"

	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// Edition says how the languages of a briefing are laid out. Its values
// and names are those of pdf.Edition, so that a program can give both
// renderers the edition it parsed once: html.Edition(pdfEdition).
type Edition uint8

// Editions.
const (
	Single     Edition = iota // one language (Options.Language)
	Parallel                  // two languages side by side, block by block; stacked on a narrow screen
	Sequential                // the whole briefing in the first language, then in the second
)

var editions = [...]string{"single", "parallel", "sequential"}

func (e Edition) String() string {
	if int(e) < len(editions) {
		return editions[e]
	}
	return fmt.Sprintf("edition(%d)", uint8(e))
}

// ParseEdition parses "single", "parallel" or "sequential".
func ParseEdition(s string) (Edition, error) {
	for i, n := range editions {
		if n == s {
			return Edition(i), nil
		}
	}
	return 0, fmt.Errorf("html: %w: edition %q (want single, parallel or sequential)", ErrOptions, s)
}

// Options says how to render a briefing. The zero Options writes a whole
// HTML file of a single edition in the briefing's first language.
type Options struct {
	Edition Edition
	// Language is the language of a single edition; the zero Tag means
	// the briefing's first language. Editions of two languages take both
	// of the briefing's, in its order.
	Language language.Tag
	// Fragment, when true, writes only the briefing's <article> element,
	// for a page of the caller's that links the stylesheet (Stylesheet)
	// or inlines it; when false, a whole HTML document with the
	// stylesheet in a <style> element, which needs nothing else: no
	// script, no font, no image, no link to another file.
	Fragment bool
	// Omit leaves parts of the page out, for a page of the caller's that
	// has its own title or shows only some parts of the briefing:
	// Omit: []Part{PartCover, PartContents} writes the sections alone,
	// headed by <h2>s. What a briefing holds is decided when it is built,
	// as for the PDF: a document built with report.Options.Omit has no
	// map, figures… to write. The zero value writes every part.
	Omit []Part
}

// Info describes a rendered briefing.
type Info struct {
	Bytes     int // the size of the output
	Footnotes int // the notes written, counted once per language part of a sequential edition
}

// Write renders doc to w. It writes nothing to w when it fails: the whole
// page is rendered in memory first. See Render for the errors.
func Write(w io.Writer, doc *report.Document, opt Options) (Info, error) {
	if w == nil {
		return Info{}, fmt.Errorf("html: %w: nil writer", ErrOptions)
	}
	data, info, err := Render(doc, opt)
	if err != nil {
		return Info{}, err
	}
	if _, err := w.Write(data); err != nil {
		return Info{}, fmt.Errorf("html: writing: %w", err)
	}
	return info, nil
}

// Render renders doc and returns the HTML's bytes. A nil document, one
// that fails report's Document.Check, and options that are not valid (an
// unknown edition, a language the briefing lacks, a two-language edition
// of a briefing in one) are errors wrapping ErrOptions; a panic of the
// renderer comes back as an error wrapping ErrRender, never as a panic.
// The same document and options give the same bytes.
func Render(doc *report.Document, opt Options) (data []byte, info Info, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, info, err = nil, Info{}, fmt.Errorf("html: %w: %v", ErrRender, r)
		}
	}()
	if doc == nil {
		return nil, Info{}, fmt.Errorf("html: %w: nil document", ErrOptions)
	}
	if err := doc.Check(); err != nil {
		return nil, Info{}, fmt.Errorf("html: %w: %w", ErrOptions, err)
	}
	langs, err := editionLanguages(doc, opt)
	if err != nil {
		return nil, Info{}, err
	}
	for _, p := range opt.Omit {
		if !p.valid() {
			return nil, Info{}, fmt.Errorf("html: %w: unknown part %v to omit", ErrOptions, p)
		}
	}
	if err := loadMetrics(); err != nil {
		return nil, Info{}, fmt.Errorf("html: %w: font metrics: %w", ErrRender, err)
	}
	b, err := newBuilder(doc, opt, langs)
	if err != nil {
		return nil, Info{}, err
	}
	b.document()
	if b.err != nil {
		return nil, Info{}, b.err
	}
	out := bytes.Clone(b.out.Bytes())
	return out, Info{Bytes: len(out), Footnotes: b.notesWritten}, nil
}

// editionLanguages returns the indexes, in doc.Languages, of the languages
// the edition shows.
func editionLanguages(doc *report.Document, opt Options) ([]int, error) {
	switch opt.Edition {
	case Single:
		if opt.Language == language.Und {
			return []int{0}, nil
		}
		i := slices.Index(doc.Languages, opt.Language)
		if i < 0 {
			return nil, fmt.Errorf("html: %w: the briefing is not in %s (it has %v)", ErrOptions, opt.Language, doc.Languages)
		}
		return []int{i}, nil
	case Parallel, Sequential:
		if len(doc.Languages) != 2 {
			return nil, fmt.Errorf("html: %w: a %s edition needs a briefing in two languages, not %v", ErrOptions, opt.Edition, doc.Languages)
		}
		return []int{0, 1}, nil
	}
	return nil, fmt.Errorf("html: %w: unknown edition %d", ErrOptions, uint8(opt.Edition))
}
