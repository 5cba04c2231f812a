package pdf

import (
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
)

// selem is an element of the structure tree: a heading, a paragraph, a
// table cell, a note… Its kids are its marked content, in drawing order,
// and its child elements; notes come after them (a footnote is read
// after the paragraph that calls it).
type selem struct {
	role     string
	lang     string // its /Lang, when it is not the document's
	alt      string // its /Alt (a figure's)
	actual   string // its /ActualText (a Span's, around a line the shaper set)
	id       string // its /ID (a note's)
	attr     string // its /A attribute dictionary, written as it is
	contents string // the /Contents of its link annotations (a Link's)
	note     int    // a Note's footnote number
	ref      *selem // a Reference's Note
	kids     []skid
	notes    []*selem
	parent   *selem
	num      int // its object number, once written
}

// skid is a kid of a structure element: an element, a marked-content
// sequence (its page and MCID) or a link annotation (its page and its
// index among the page's annotations).
type skid struct {
	e     *selem
	kind  uint8
	page  int
	index int
}

const (
	kidElem uint8 = iota
	kidMCR
	kidAnnot
)

// artifact is the tag of what is not content: running heads and feet,
// rules, table backgrounds, a header row repeated on a later page.
var artifact = &selem{role: "Artifact"}

// tagger holds the structure tree of a PDF being drawn, and for each
// page the element of each MCID and of each link annotation.
type tagger struct {
	root  *selem
	pages []tagPage
	// the characters drawn as invisible text, by face: the font may have
	// no glyph for them, and its ToUnicode map must still give them (see
	// slimFontMaps)
	invisible [numFaces]map[rune]bool
}

type tagPage struct {
	mcids  []*selem
	annots []*selem
}

// child makes an element of role under parent.
func child(parent *selem, role string) *selem {
	e := &selem{role: role, parent: parent}
	if parent != nil {
		parent.kids = append(parent.kids, skid{e: e})
	}
	return e
}

// in makes what the drawer draws next the content of e (or an artifact),
// closing the marked-content sequence open before it unless it is e's.
func (d *drawer) in(e *selem) {
	if d.t == nil {
		return
	}
	if e == nil {
		e = artifact
	}
	if d.open == e {
		return
	}
	d.close()
	if e == artifact {
		d.f.RawWriteStr("/Artifact BMC")
	} else {
		pg := &d.t.pages[d.page]
		mcid := len(pg.mcids)
		pg.mcids = append(pg.mcids, e)
		e.kids = append(e.kids, skid{kind: kidMCR, page: d.page, index: mcid})
		d.f.RawWriteStr("/" + e.role + " <</MCID " + itoa(mcid) + ">> BDC")
	}
	d.open = e
}

// close ends the open marked-content sequence, if any.
func (d *drawer) close() {
	if d.open != nil {
		d.f.RawWriteStr("EMC")
		d.open = nil
	}
}

// annot records that the link annotation fpdf is about to add to the page
// belongs to the element e.
func (d *drawer) annot(e *selem) {
	if d.t == nil || e == nil || e == artifact {
		return
	}
	pg := &d.t.pages[d.page]
	e.kids = append(e.kids, skid{kind: kidAnnot, page: d.page, index: len(pg.annots)})
	pg.annots = append(pg.annots, e)
}

// linkIn opens, for a piece of text that is a link or a footnote call, a
// Link or Reference element within the open element, and returns the
// element to go back to after it (nil when nothing was opened).
func (d *drawer) linkIn(at *run, text string) (link, back *selem) {
	if d.t == nil || d.open == nil || d.open == artifact {
		return nil, nil
	}
	parent := d.open
	switch {
	case at.url != "" || at.link != 0:
		link = child(parent, "Link")
		link.contents = text
		if at.url != "" {
			link.contents = at.url
		}
	case at.note != 0:
		link = child(parent, "Reference")
		for _, n := range parent.notes {
			if n.note == at.note {
				link.ref = n
			}
		}
	default:
		return nil, nil
	}
	d.in(link)
	return link, parent
}

// actualText opens, for a line holding pieces set by the shaper or
// right to left, a Span within the open element whose /ActualText is the
// line's text in logical order, and returns the element to go back to
// after the line (nil when nothing was opened). The shaper's glyphs are
// drawn as outlines, with the characters as invisible text over them in
// visual order: a screen reader that reads the structure gets the text
// as written from the Span, and the page's text, which pdftotext and
// search read, is left as it is (see Scripts in the package
// documentation for why the text is not put in marked content's
// /ActualText).
func (d *drawer) actualText(l *line) (back *selem) {
	if d.t == nil || d.open == nil || d.open == artifact {
		return nil
	}
	var sb strings.Builder
	for i := range l.words {
		w := &l.words[i]
		if i > 0 && w.space > 0 {
			sb.WriteByte(' ')
		}
		for _, p := range w.pieces {
			sb.WriteString(p.text)
		}
	}
	if sb.Len() == 0 {
		return nil
	}
	back = d.open
	sp := child(back, "Span")
	sp.actual = sb.String()
	d.in(sp)
	return back
}

// tags is the part of the builder that makes the structure tree.
type tags struct {
	parent *selem   // where the next elements go
	next   []*selem // the elements of the next block, one per column, or nil for paragraphs
	lbl    []*selem // the labels of the next block's hang, one per column
}

// lang is the /Lang of an element in language l of the document: empty
// when it is the edition's first.
func (b *builder) lang(l int) string {
	if t := b.doc.Languages[l].String(); t != b.docLang {
		return t
	}
	return ""
}

// enter makes an element of role under the current parent and makes it
// the parent of what follows until leave.
func (b *builder) enter(role string) *selem {
	e := child(b.tags.parent, role)
	b.tags.parent = e
	return e
}

func (b *builder) leave(e *selem) { b.tags.parent = e.parent }

// blockElems returns the elements of a block, one per column: those set
// by setNext, or paragraphs under the current parent.
func (b *builder) blockElems(role string) (els, lbls []*selem) {
	els, lbls = b.tags.next, b.tags.lbl
	b.tags.next, b.tags.lbl = nil, nil
	if els != nil {
		return els, lbls
	}
	for _, c := range b.cols {
		e := child(b.tags.parent, role)
		if len(b.cols) > 1 {
			e.lang = b.lang(c.lang)
		}
		els = append(els, e)
	}
	return els, nil
}

// perColElems makes one element of role per column under parents (one
// per column, or the current parent for all).
func (b *builder) perColElems(parents []*selem, role string) []*selem {
	out := make([]*selem, len(b.cols))
	for i, c := range b.cols {
		p := b.tags.parent
		if parents != nil {
			p = parents[i]
		}
		out[i] = child(p, role)
		if len(b.cols) > 1 && (parents == nil || parents[i].lang == "") {
			out[i].lang = b.lang(c.lang)
		}
	}
	return out
}

// listItems makes, for a list item, an LI per column under lists with its
// label and body, and sets them as the next block's.
func (b *builder) listItem(lists []*selem) {
	lis := b.perColElems(lists, "LI")
	b.tags.lbl = make([]*selem, len(lis))
	b.tags.next = make([]*selem, len(lis))
	for i, li := range lis {
		b.tags.lbl[i] = child(li, "Lbl")
		b.tags.next[i] = child(child(li, "LBody"), "P")
	}
}

// chartAlt says what the chart shows, in language l: each panel's
// metric, and each series' claimant and values by date.
func chartAlt(loc *locales.Locale, heading string, titles []string, panels [][]*report.Series, kind func(*report.Series) string) string {
	var sb strings.Builder
	sb.WriteString(heading)
	for i, ss := range panels {
		sb.WriteString(". " + titles[i] + ": ")
		for j, s := range ss {
			if j > 0 {
				sb.WriteString("; ")
			}
			sb.WriteString(kind(s) + " — ")
			for k, p := range s.Points {
				if k > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString(loc.DateShort(p.Date) + " " + loc.Number(p.Value))
				if p.Retracted {
					sb.WriteString(" (×)")
				}
			}
		}
	}
	return sb.String() + "."
}

// untagged makes Render write the PDF as fpdf writes it, without marked
// content or structure tree: the tests compare its pages with the tagged
// ones'.
var untagged = false
