package html

import (
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
)

// changes writes the changes since the earlier version of an update
// briefing: the notes of the versions since, then a list of the changes,
// each with its kind, what it concerns (a link to it when the briefing
// shows it), the field edited, the values before and after, and for a
// rewording the text with its deleted words in <del> and its inserted
// words in <ins>.
func (b *builder) changes() {
	c := b.doc.Changes
	if c == nil {
		return
	}
	for _, v := range c.Versions {
		b.pair("p", "cb-version", func(l int) {
			b.w("<strong>")
			b.text(v.Label[l])
			b.w("</strong>")
			if v.Value[l] != "" {
				b.text(" – " + v.Value[l])
			}
		})
	}
	if c.Empty[0] != "" {
		b.pair("p", "cb-para", func(l int) { b.text(c.Empty[l]) })
		return
	}
	b.w("<ul class=\"cb-change-list\">\n")
	for _, it := range c.Items {
		if len(b.cols) == 1 {
			b.w(`<li class="cb-change">`)
			b.change(it, b.cols[0])
			b.w("</li>\n")
			continue
		}
		b.w(`<li class="cb-change cb-pair">`)
		for _, l := range b.cols {
			b.w("<div")
			b.langAttr(l)
			b.w(">")
			b.change(it, l)
			b.w("</div>")
		}
		b.w("</li>\n")
	}
	b.w("</ul>\n")
}

// change writes one change in language l.
func (b *builder) change(it *report.ChangeItem, l int) {
	b.w(`<strong class="cb-change-kind">`)
	b.text(it.KindText[l])
	b.w("</strong>")
	if s := it.Subject[l]; s != "" {
		b.text(" – ")
		if it.Anchor != "" {
			b.w(`<a href="#`, attr(b.prefix+it.Anchor), `">`)
			b.text(s)
			b.w("</a>")
		} else {
			b.text(s)
		}
	}
	colon := ": "
	if b.tag(l) == "fr" {
		colon = "\u00a0: "
	}
	if l < len(it.Field) && it.Field[l] != "" {
		b.text("; ")
		b.w(`<em class="cb-change-field">`)
		b.text(it.Field[l])
		b.w("</em>")
	}
	switch old, new := it.Old[l], it.New[l]; {
	case old != "" && new != "":
		b.text(colon)
		b.w("<del>")
		b.text(old)
		b.w("</del> → <ins>")
		b.text(new)
		b.w("</ins>")
	case old != "":
		b.text(colon)
		b.w("<del>")
		b.text(old)
		b.w("</del>")
	case new != "":
		b.text(colon)
		b.w("<ins>")
		b.text(new)
		b.w("</ins>")
	}
	if l < len(it.Words) && it.Words[l] != nil {
		b.w(`<span class="cb-rewording">`)
		for _, r := range it.Words[l] {
			switch r.Op {
			case report.Deleted:
				b.w("<del>")
				b.text(r.Text)
				b.w("</del>")
			case report.Inserted:
				b.w("<ins>")
				b.text(r.Text)
				b.w("</ins>")
			default:
				b.text(r.Text)
			}
		}
		b.w("</span>")
	}
}

// changedMark writes, at the start of a changed paragraph of an update
// briefing, the mark that says so, in words, with the id the changes
// link to.
func (b *builder) changedMark(p *report.Paragraph, l int, first bool) {
	if p.Changed == 0 {
		return
	}
	b.w(`<span class="cb-mark"`)
	if first {
		b.id(b.prefix + p.Anchor)
	}
	b.w(">")
	b.text(b.msg(l, locales.ChangesMark, nil))
	b.w("</span> ")
}
