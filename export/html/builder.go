package html

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
)

// builder writes a briefing as HTML into out.
type builder struct {
	doc   *report.Document
	opt   Options
	langs []int             // the languages of the edition, as indexes in doc.Languages
	locs  []*locales.Locale // one per language of the document
	out   bytes.Buffer
	err   error

	// The pass being written: the whole edition, or one language of a
	// sequential one.
	cols   []int  // the languages shown side by side
	prefix string // prefixes the pass's ids: "" or "fr-"
	shift  int    // added to a section's level to make its heading's
	called map[int]bool
	done   map[int]bool
	notes  []*report.Footnote // called in the top-level section being written, not yet written

	notesWritten int
	ids          map[string]bool
}

func newBuilder(doc *report.Document, opt Options, langs []int) (*builder, error) {
	b := &builder{doc: doc, opt: opt, langs: langs, ids: map[string]bool{}}
	b.locs = make([]*locales.Locale, len(doc.Languages))
	for i, tag := range doc.Languages {
		l, err := locales.New(tag)
		if err != nil {
			return nil, fmt.Errorf("html: %w", err)
		}
		b.locs[i] = l
	}
	b.out.Grow(256 << 10)
	return b, nil
}

func (b *builder) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

// w writes markup (never text of the document: see text).
func (b *builder) w(s ...string) {
	for _, x := range s {
		b.out.WriteString(x)
	}
}

// id writes an id attribute, once per document.
func (b *builder) id(id string) {
	if id == "" {
		return
	}
	if b.ids[id] {
		b.fail(fmt.Errorf("html: %w: id %q given twice", ErrRender, id))
		return
	}
	b.ids[id] = true
	b.w(` id="`, attr(id), `"`)
}

// msg is a catalog message in language l.
func (b *builder) msg(l int, id locales.ID, data map[string]any) string {
	s, err := b.locs[l].Message(id, data)
	if err != nil {
		b.fail(fmt.Errorf("html: %w", err))
	}
	return s
}

// msgL is a catalog message in every language of the document.
func (b *builder) msgL(id locales.ID) report.L {
	out := make(report.L, len(b.locs))
	for i := range b.locs {
		out[i] = b.msg(i, id, nil)
	}
	return out
}

// tag returns the BCP 47 tag of language l.
func (b *builder) tag(l int) string { return b.doc.Languages[l].String() }

// langAttr writes the lang attribute, and dir for a language written
// right to left, of an element in language l.
func (b *builder) langAttr(l int) {
	b.w(` lang="`, attr(b.tag(l)), `"`)
	if dirOf(b.doc.Languages[l]) == "rtl" {
		b.w(` dir="rtl"`)
	}
}

// bi joins the texts of l in the pass's languages, as the PDF does in a
// two-column pass: "Chronologie / Chronology", or one when they are the
// same. It writes each in an element of its language.
func (b *builder) bi(l report.L) {
	if len(b.cols) == 1 {
		b.text(l[b.cols[0]])
		return
	}
	if l[b.cols[0]] == l[b.cols[1]] {
		b.text(l[b.cols[0]])
		return
	}
	for i, c := range b.cols {
		if i > 0 {
			b.w(" / ")
		}
		b.w("<span")
		b.langAttr(c)
		b.w(">")
		b.text(l[c])
		b.w("</span>")
	}
}

// pair writes a block in each language of the pass: one element of tag
// el with class class, or, in a two-column pass, a <div class="cb-pair">
// holding one per language, each with its lang attribute.
func (b *builder) pair(el, class string, f func(l int)) {
	if len(b.cols) == 1 {
		b.w("<", el)
		if class != "" {
			b.w(` class="`, class, `"`)
		}
		b.w(">")
		f(b.cols[0])
		b.w("</", el, ">\n")
		return
	}
	b.w(`<div class="cb-pair`)
	if class != "" {
		b.w(" ", class, "-pair")
	}
	b.w(`">`)
	for _, c := range b.cols {
		b.w("<", el)
		if class != "" {
			b.w(` class="`, class, `"`)
		}
		b.langAttr(c)
		b.w(">")
		f(c)
		b.w("</", el, ">")
	}
	b.w("</div>\n")
}

// heading writes a heading of level n (1 to 6) with the title in the
// pass's languages: in a two-column pass, one <span> per language, which
// the stylesheet sets side by side.
func (b *builder) heading(n int, title report.L, class string) {
	n = min(max(n, 1), 6)
	h := "h" + strconv.Itoa(n)
	b.w("<", h)
	cls := class
	if len(b.cols) > 1 && title[b.cols[0]] == title[b.cols[1]] {
		// the same in both languages, as "Notes": said once
		if cls != "" {
			b.w(` class="`, cls, `"`)
		}
		b.w(">")
		b.text(title[b.cols[0]])
		b.w("</", h, ">\n")
		return
	}
	if len(b.cols) > 1 {
		cls = strings.TrimSpace(class + " cb-pair")
	}
	if cls != "" {
		b.w(` class="`, cls, `"`)
	}
	b.w(">")
	if len(b.cols) == 1 {
		b.text(title[b.cols[0]])
	} else {
		for i, c := range b.cols {
			if i > 0 {
				b.w(`<span class="cb-sep" aria-hidden="true"> / </span>`)
			}
			b.w("<span")
			b.langAttr(c)
			b.w(">")
			b.text(title[c])
			b.w("</span>")
		}
	}
	b.w("</", h, ">\n")
}

// document writes the page: the whole HTML document, or the article
// alone.
func (b *builder) document() {
	doc := b.doc
	first := b.langs[0]
	if !b.opt.Fragment {
		b.w("<!DOCTYPE html>\n<html")
		b.langAttr(first)
		b.w(">\n<head>\n<meta charset=\"utf-8\">\n")
		b.w(`<meta name="viewport" content="width=device-width, initial-scale=1">`, "\n")
		b.w("<title>")
		b.text(b.joined(doc.Meta.Title))
		b.w("</title>\n")
		if s := b.joined(doc.Meta.Summary); s != "" {
			b.w(`<meta name="description" content="`, attr(s), "\">\n")
		}
		author := b.joined(doc.Meta.Issuer)
		if u := b.joined(doc.Meta.Unit); u != "" {
			author += " — " + u
		}
		if author != "" {
			b.w(`<meta name="author" content="`, attr(author), "\">\n")
		}
		if k := b.joined(doc.Meta.Keywords); k != "" {
			b.w(`<meta name="keywords" content="`, attr(k), "\">\n")
		}
		b.w(`<meta name="generator" content="coibrief">`, "\n")
		b.w("<style>\n", stylesheet, "</style>\n</head>\n<body>\n")
	}
	b.w(`<article class="cb-briefing cb-`, b.opt.Edition.String(), `"`)
	b.langAttr(first)
	b.w(">\n")
	b.cols = b.langs
	if b.opt.Edition == Sequential {
		b.cols = b.langs
	}
	if !b.omits(PartCover) {
		b.cover()
	}
	if !b.omits(PartContents) {
		b.contents()
	}
	if b.opt.Edition == Sequential {
		for _, l := range b.langs {
			b.cols, b.prefix, b.shift = []int{l}, b.tag(l)+"-", 1
			b.called, b.done = map[int]bool{}, map[int]bool{}
			b.w(`<section class="cb-part"`)
			b.id(b.prefix + "part")
			b.langAttr(l)
			b.w(">\n")
			name := languageName(b.locs[l], b.doc.Languages[l])
			b.heading(2, report.L(repeat(name, len(b.locs))), "cb-part-title")
			b.body()
			b.w("</section>\n")
		}
	} else {
		b.called, b.done = map[int]bool{}, map[int]bool{}
		b.body()
	}
	b.w("</article>\n")
	if !b.opt.Fragment {
		b.w("</body>\n</html>\n")
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// joined joins the texts of l in the edition's languages with " / ", as
// the PDF's metadata does, one when they are the same.
func (b *builder) joined(l report.L) string {
	var parts []string
	for _, i := range b.langs {
		if len(parts) == 0 || parts[len(parts)-1] != l[i] {
			parts = append(parts, l[i])
		}
	}
	return strings.Join(parts, " / ")
}

// omits reports whether the options leave part p out of the page.
func (b *builder) omits(p Part) bool { return slices.Contains(b.opt.Omit, p) }

// body writes every section of the document for the current pass.
func (b *builder) body() {
	for _, s := range b.doc.Sections {
		if s.Kind == report.SectionChronology && b.omits(PartChronology) {
			continue
		}
		b.section(s)
		b.flushNotes()
	}
}
