package html

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
	"golang.org/x/text/language"
)

// languageName is the name of the language tag in l, capitalised.
func languageName(l *locales.Locale, tag language.Tag) string {
	n, err := l.LanguageName(tag)
	if err != nil || n == "" {
		return tag.String()
	}
	r, size := utf8.DecodeRuneInString(n)
	return string(unicode.ToUpper(r)) + n[size:]
}

// cover writes the briefing's header: issuer, series, title, dates,
// filters, summary, method note and disclaimer, in the edition's
// languages side by side.
func (b *builder) cover() {
	meta := &b.doc.Meta
	b.w("<header class=\"cb-cover\">\n")
	b.pair("p", "cb-issuer", func(l int) {
		b.w("<strong>")
		b.text(meta.Issuer[l])
		b.w("</strong>")
		if meta.Unit[l] != "" {
			b.w(" — ")
			b.text(meta.Unit[l])
		}
	})
	b.pair("p", "cb-series", func(l int) { b.text(b.msg(l, locales.DocumentSeries, nil)) })
	b.heading(1, meta.Title, "cb-title")
	b.pair("p", "cb-dates", func(l int) {
		b.text(b.labelValue(l, locales.FieldPublished, meta.PublishedText[l]))
		if meta.UpdatedText[l] != "" {
			b.w(" · ")
			b.text(b.labelValue(l, locales.FieldUpdated, meta.UpdatedText[l]))
		}
	})
	if len(b.doc.Filters) > 0 {
		b.pair("p", "cb-filters", func(l int) {
			b.w("<strong>")
			b.text(b.msg(l, locales.FieldFilters, nil))
			b.w("</strong> — ")
			for i, f := range b.doc.Filters {
				if i > 0 {
					b.w(" · ")
				}
				b.text(f[l])
			}
		})
	}
	b.coverPart(locales.SummaryHeading, "cb-summary", func() {
		b.pair("p", "", func(l int) { b.text(meta.Summary[l]) })
	})
	b.coverPart(locales.MethodHeading, "cb-method", func() {
		b.pair("dl", "cb-fields", func(l int) {
			for _, f := range meta.Method {
				b.w("<div><dt>")
				b.text(f.Label[l])
				b.w("</dt><dd>")
				b.text(f.Value[l])
				b.w("</dd></div>")
			}
		})
		if meta.MethodNote[0] != "" {
			b.pair("p", "cb-method-note", func(l int) { b.text(meta.MethodNote[l]) })
		}
	})
	b.coverPart(locales.DisclaimerHeading, "cb-disclaimer", func() {
		b.pair("p", "", func(l int) { b.text(meta.Disclaimer[l]) })
	})
	b.w("</header>\n")
}

// coverPart writes a titled part of the cover.
func (b *builder) coverPart(title locales.ID, class string, f func()) {
	b.w(`<section class="`, class, "\">\n")
	b.heading(2, b.msgL(title), "cb-label")
	f()
	b.w("</section>\n")
}

// labelValue is "Label: value" in language l.
func (b *builder) labelValue(l int, label locales.ID, value string) string {
	return b.msg(l, locales.FieldLabelValue, map[string]any{"Label": b.msg(l, label, nil), "Value": value})
}

// tocEntry is a line of the table of contents.
type tocEntry struct {
	level  int
	anchor string
	title  report.L
}

// contents writes the table of contents, with a link to every section and
// day: the PDF's, without page numbers.
func (b *builder) contents() {
	var entries []tocEntry
	skip := map[string]bool{} // the anchors of the parts left out
	if b.omits(PartChronology) {
		for _, s := range b.doc.Sections {
			if s.Kind == report.SectionChronology {
				skip[s.Anchor] = true
				for _, d := range s.Sections {
					skip[d.Anchor] = true
				}
			}
		}
	}
	if b.opt.Edition == Sequential {
		for _, l := range b.langs {
			prefix := b.tag(l) + "-"
			entries = append(entries, tocEntry{level: 1, anchor: prefix + "part", title: repeat(languageName(b.locs[l], b.doc.Languages[l]), len(b.locs))})
			for _, c := range b.doc.Contents {
				if skip[c.Anchor] {
					continue
				}
				t := repeat(c.Title[l], len(b.locs))
				entries = append(entries, tocEntry{level: min(c.Level+1, 2), anchor: prefix + c.Anchor, title: t})
			}
		}
	} else {
		for _, c := range b.doc.Contents {
			if skip[c.Anchor] {
				continue
			}
			entries = append(entries, tocEntry{level: c.Level, anchor: c.Anchor, title: c.Title})
		}
	}
	b.w(`<nav class="cb-contents"`)
	b.id("contents")
	b.w(` aria-labelledby="contents-title">`, "\n")
	b.w(`<h2 class="cb-contents-title`)
	if len(b.cols) > 1 {
		b.w(" cb-pair")
	}
	b.w(`"`)
	b.id("contents-title")
	b.w(">")
	title := b.msgL(locales.ContentsHeading)
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
	b.w("</h2>\n<ol>")
	depth := 1
	for i, e := range entries {
		lv := max(e.level, 1)
		if i > 0 {
			switch {
			case lv > depth:
				for ; depth < lv; depth++ {
					b.w("\n<ol>")
				}
			case lv < depth:
				for ; depth > lv; depth-- {
					b.w("</li></ol>")
				}
				b.w("</li>")
			default:
				b.w("</li>")
			}
		} else {
			for ; depth < lv; depth++ {
				b.w("<li><ol>")
			}
		}
		b.w("\n<li><a href=\"#", attr(e.anchor), "\">")
		b.bi(e.title)
		b.w("</a>")
	}
	if len(entries) > 0 {
		b.w("</li>")
	}
	for ; depth > 1; depth-- {
		b.w("</ol></li>")
	}
	b.w("\n</ol>\n</nav>\n")
}

// sectionClass are the classes of sections by kind.
var sectionClass = map[report.SectionKind]string{
	report.SectionBackground:   "cb-background",
	report.SectionChronology:   "cb-chronology",
	report.SectionDay:          "cb-day",
	report.SectionThematic:     "cb-thematic",
	report.SectionNotes:        "cb-free-notes",
	report.SectionKeyFigures:   "cb-figures",
	report.SectionMap:          "cb-map",
	report.SectionBibliography: "cb-bibliography",
	report.SectionErrata:       "cb-errata",
	report.SectionChanges:      "cb-changes",
}

// section writes a section, what it holds and its subsections.
func (b *builder) section(s *report.Section) {
	b.w(`<section class="cb-section `, sectionClass[s.Kind], `"`)
	b.id(b.prefix + s.Anchor)
	b.w(">\n")
	b.heading(s.Level+1+b.shift, s.Title, "")
	for _, bl := range s.Blocks {
		switch bl := bl.(type) {
		case *report.Paragraph:
			b.paragraph(bl, "p", "cb-para")
		case *report.List:
			b.w("<ul class=\"cb-list\">\n")
			for _, p := range bl.Items {
				b.paragraph(p, "li", "cb-item")
			}
			b.w("</ul>\n")
		case *report.PlaceGroup:
			b.w("<div class=\"cb-place\">\n")
			b.pair("p", "cb-place-name", func(l int) { b.text(bl.Name[l]) })
			b.w("<ul class=\"cb-entries\">\n")
			for _, p := range bl.Items {
				b.paragraph(p, "li", "cb-item")
			}
			b.w("</ul>\n</div>\n")
		case *report.FigureTable:
			b.keyFigures()
		case *report.ContestedTable:
			b.contested()
		case *report.Chart:
			b.chart()
		case *report.MapBlock:
			b.eventMap()
		case *report.BibliographyBlock:
			b.bibliography()
		case *report.ErrataBlock:
			b.errata()
		case *report.ChangesBlock:
			b.changes()
		}
	}
	for _, sub := range s.Sections {
		if s.Kind == report.SectionBibliography {
			continue // the groups are written by the bibliography block
		}
		b.section(sub)
	}
	if len(s.Sections) == 0 {
		// The notes of a day or a section without subsections follow it,
		// close to their calls.
		b.flushNotes()
	}
	b.w("</section>\n")
}

// paragraph writes a statement as an element el: in a two-column pass,
// an <li> holds a pair of <div>s and any other element is a pair of
// them.
func (b *builder) paragraph(p *report.Paragraph, el, class string) {
	if p.Footnote != nil && !b.done[p.Footnote.Number] {
		b.done[p.Footnote.Number] = true
		b.notes = append(b.notes, p.Footnote)
	}
	first := true
	write := func(l int) {
		b.changedMark(p, l, first)
		b.statement(p, l, first)
		first = false
	}
	if p.Changed != 0 {
		class += " cb-changed"
	}
	if el == "li" && len(b.cols) > 1 {
		b.w(`<li class="`, class, ` cb-pair">`)
		for _, c := range b.cols {
			b.w("<div")
			b.langAttr(c)
			b.w(">")
			write(c)
			b.w("</div>")
		}
		b.w("</li>\n")
		return
	}
	b.pair(el, class, write)
}

// statement writes a statement's content in language l: its time and
// own dates for an entry, its text, its reliability flag and the call of
// its footnote, in the PDF's words.
func (b *builder) statement(p *report.Paragraph, l int, first bool) {
	if e := p.Entry; e != nil {
		if e.TimeText[l] != "" {
			b.w(`<strong class="cb-time">`)
			b.text(e.TimeText[l] + " – ")
			b.w("</strong>")
		}
		if e.WhenText[l] != "" {
			b.w(`<em class="cb-when">`)
			b.text("(" + e.WhenText[l] + ") ")
			b.w("</em>")
		}
	}
	b.text(p.Text[l])
	if p.ReliabilityText[l] != "" {
		b.w(` <em class="cb-flag">`)
		b.text("[" + p.ReliabilityText[l] + "]")
		b.w("</em>")
	}
	if fn := p.Footnote; fn != nil {
		n := strconv.Itoa(fn.Number)
		b.w(`<sup class="cb-call"><a href="#`, attr(b.prefix+fn.Anchor), `"`)
		if first && !b.called[fn.Number] {
			b.called[fn.Number] = true
			b.id(b.prefix + callID(fn))
		}
		b.w(` role="doc-noteref">`, n, "</a></sup>")
	}
}

// callID is the id of the first call of a footnote: "call-fn-12".
func callID(fn *report.Footnote) string { return "call-" + fn.Anchor }

// flushNotes writes the notes called since the last notes were written,
// as a numbered list: each note's number is a link back to its call.
func (b *builder) flushNotes() {
	if len(b.notes) == 0 {
		return
	}
	label := b.msgL(locales.NotesHeading)
	b.w(`<ol class="cb-notes" role="doc-endnotes" aria-label="`, attr(b.joinedCols(label)), "\">\n")
	for _, fn := range b.notes {
		b.notesWritten++
		b.w(`<li class="cb-note`)
		if len(b.cols) > 1 {
			b.w(" cb-pair")
		}
		b.w(`"`)
		b.id(b.prefix + fn.Anchor)
		b.w(` value="`, strconv.Itoa(fn.Number), `">`)
		for _, c := range b.cols {
			if len(b.cols) > 1 {
				b.w("<div")
				b.langAttr(c)
				b.w(">")
			}
			b.note(fn, c)
			if len(b.cols) > 1 {
				b.w("</div>")
			}
		}
		b.w("</li>\n")
	}
	b.w("</ol>\n")
	b.notes = b.notes[:0]
}

// joinedCols joins the texts of l in the pass's languages.
func (b *builder) joinedCols(l report.L) string {
	var parts []string
	for _, c := range b.cols {
		if len(parts) == 0 || parts[len(parts)-1] != l[c] {
			parts = append(parts, l[c])
		}
	}
	return strings.Join(parts, " / ")
}

// note writes footnote fn in language l: its number, a link back to its
// call, then its note and citations as the PDF sets them.
func (b *builder) note(fn *report.Footnote, l int) {
	n := strconv.Itoa(fn.Number)
	if b.called[fn.Number] {
		b.w(`<a class="cb-note-num" href="#`, attr(b.prefix+callID(fn)), `" role="doc-backlink">`, n, "</a> ")
	} else {
		b.w(`<span class="cb-note-num">`, n, "</span> ")
	}
	if fn.Note[l] != "" {
		b.text(fn.Note[l] + " ")
	}
	sep := "; "
	if b.doc.Languages[l].String() == "fr" {
		sep = " ; "
	}
	for i, c := range fn.Citations {
		if i == len(fn.Citations)-1 {
			sep = "."
		}
		text := c.Text[l]
		if c.Source.Anchor != "" && b.doc.Bibliography != nil && len(b.doc.Bibliography) > 0 {
			b.w(`<a href="#`, attr(b.prefix+c.Source.Anchor), `">`)
			b.citation(c, text)
			b.w("</a>")
		} else {
			b.citation(c, text)
		}
		b.text(sep)
	}
}

// citation writes a citation's text, its outlet isolated when it is
// written right to left, as the PDF does.
func (b *builder) citation(c *report.Citation, text string) {
	if o := c.Source.Outlet; o != "" && strings.HasPrefix(text, o) && rtl(o) {
		b.w("<bdi>")
		b.text(o)
		b.w("</bdi>")
		b.text(text[len(o):])
		return
	}
	b.text(text)
}
