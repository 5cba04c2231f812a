package html

import (
	"strings"

	"github.com/coibrief/coibrief/locales"
)

// quoteMark stands for a text in a catalog message, to split the message
// around it.
const quoteMark = "\uE000"

// quoted writes the catalog's quotation of a text in language l ("“…”",
// "« … »") with the text written by f, so that the text can have an
// element of its own.
func (b *builder) quoted(l int, f func()) {
	q := b.msg(l, locales.QuoteTitle, map[string]any{"Text": quoteMark})
	before, after, ok := strings.Cut(q, quoteMark)
	if !ok {
		before, after = "“", "”"
	}
	b.text(before)
	f()
	b.text(after)
}

// bibliography writes the cited sources, grouped as the report orders
// them: outlet, date, original title (in its own script, with its
// language), translated titles, and the URL as a link.
func (b *builder) bibliography() {
	l := b.cols[0]
	for _, g := range b.doc.Bibliography {
		b.w(`<section class="cb-bib-group"`)
		b.id(b.prefix + g.Anchor)
		b.w(">\n")
		// across the page, in the first language, as the PDF's
		cols := b.cols
		b.cols = cols[:1]
		b.heading(3+b.shift, g.Title, "")
		b.cols = cols
		b.w("<ul class=\"cb-bib\">\n")
		for _, it := range g.Items {
			b.w("<li")
			b.id(b.prefix + it.Anchor)
			b.w(">")
			b.isolated(it.Outlet)
			b.text(", " + it.Date[l] + ". ")
			b.quoted(l, func() {
				b.w(`<cite`)
				if it.TitleLanguage.String() != "und" {
					b.w(` lang="`, attr(it.TitleLanguage.String()), `"`)
				}
				switch {
				case dirOf(it.TitleLanguage) == "rtl":
					b.w(` dir="rtl"`)
				case rtl(it.Title):
					b.w(` dir="auto"`)
				}
				b.w(">")
				b.text(it.Title)
				b.w("</cite>")
			})
			for _, c := range b.cols {
				if tr := it.Translation[c]; tr != "" {
					b.w(` <span class="cb-translation"`)
					if c != l || len(b.cols) > 1 {
						b.langAttr(c)
					}
					b.w(">")
					b.text("[" + tr + "]")
					b.w("</span>")
				}
			}
			b.text(". ")
			if it.URL != "" {
				if link := safeLink(it.Link); link != "" {
					b.w(`<a class="cb-url" href="`, attr(link), `">`)
					b.text(it.URL)
					b.w("</a>")
				} else {
					b.w(`<span class="cb-url">`)
					b.text(it.URL)
					b.w("</span>")
				}
			}
			b.w("</li>\n")
		}
		b.w("</ul>\n</section>\n")
	}
}

// isolated writes s, in a <bdi> when it holds text written right to
// left, so that what follows it keeps its place.
func (b *builder) isolated(s string) {
	if rtl(s) {
		b.w("<bdi>")
		b.text(s)
		b.w("</bdi>")
		return
	}
	b.text(s)
}

// errata writes what the sources printed where the dossier records
// something else.
func (b *builder) errata() {
	l := b.cols[0]
	b.w("<ul class=\"cb-errata-list\">\n")
	for _, e := range b.doc.Errata {
		b.w("<li><strong>")
		b.text(e.Subject[l])
		b.w("</strong>")
		if e.Field != "" {
			b.w(` <span class="cb-field">`)
			b.text("(" + e.Field + ")")
			b.w("</span>")
		}
		b.text(" — ")
		b.quoted(l, func() { b.isolated(e.Printed) })
		if e.Recorded != "" {
			b.text(" → ")
			b.quoted(l, func() { b.isolated(e.Recorded) })
		}
		b.text(". " + e.Text[l])
		b.w("</li>\n")
	}
	b.w("</ul>\n")
}
