package pdf

import (
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
)

// Styles of the changes of an update briefing.
var (
	stChangeKind = style{face: sansBold, size: 8.6, color: navy}
	stChange     = style{face: serif, size: 9, color: black}
	stChangeLink = style{face: serif, size: 9, color: blue}
	stChangeOld  = style{face: serifBold, size: 9, color: red}
	stChangeNew  = style{face: serifBold, size: 9, color: rgb{23, 101, 42}} // green, not the links' blue
	stChangeSame = style{face: serif, size: 9, color: grey}
	stChangeHead = style{face: sansBold, size: 8, color: grey}

	stChangeMark = style{face: sans, size: 6.5, color: rgb{150, 80, 0}}

	changeBar = rgb{200, 120, 20} // the bar in the margin of a changed paragraph
)

// changes lays out the changes since the earlier version: the notes of
// the versions since, then one list item per change, its kind, what it
// concerns (a link to it when the briefing shows it), the field edited,
// the value before and after, and for a rewording the text before and after with the
// words that changed in bold colour.
func (b *builder) changes() {
	c := b.doc.Changes
	if c == nil {
		return
	}
	for _, v := range c.Versions {
		b.block(b.perCol(func(l int) []run {
			rs := []run{{text: v.Label[l], st: stChangeKind}}
			if v.Value[l] != "" {
				rs = append(rs, run{text: " – " + v.Value[l], st: stChange})
			}
			return rs
		}), 0, leadBody, true, "version "+v.Label[0], "")
	}
	if c.Empty[0] != "" {
		b.block(b.perCol(func(l int) []run { return []run{{text: c.Empty[l], st: stChange}} }), 0, leadBody, true, "no change", "")
		return
	}
	lists := b.perColElems(nil, "L")
	for i, it := range c.Items {
		b.listItem(lists)
		bodies := make([]*selem, len(b.tags.next))
		for k, p := range b.tags.next {
			bodies[k] = p.parent
		}
		its := b.block(b.perCol(func(l int) []run { return b.changeRuns(it, l) }), 5, leadNote, false, "change "+it.Ref.String(), "•")
		if len(its) > 0 {
			its[0].spaceBefore = 1.2
			if i == 0 {
				its[0].spaceBefore = 2.2
			}
		}
		if it.Words == nil {
			continue
		}
		for _, deleted := range []bool{true, false} {
			b.tags.next = b.perColElems(bodies, "P")
			b.block(b.perCol(func(l int) []run { return rewordRuns(b, it, l, deleted) }), 5, leadNote, false, "rewording "+it.Ref.String(), "")
		}
	}
}

// changeRuns is the line of a change in language l.
func (b *builder) changeRuns(it *report.ChangeItem, l int) []run {
	rs := []run{{text: it.KindText[l], st: stChangeKind}}
	if it.Subject[l] != "" {
		rs = append(rs, run{text: " – ", st: stChange})
		if it.Anchor != "" {
			rs = append(rs, run{text: it.Subject[l], st: stChangeLink, link: b.link(b.prefix + it.Anchor)})
		} else {
			rs = append(rs, run{text: it.Subject[l], st: stChange})
		}
	}
	if l < len(it.Field) && it.Field[l] != "" {
		rs = append(rs, run{text: "; " + it.Field[l], st: stChangeHead})
	}
	switch old, new := it.Old[l], it.New[l]; {
	case old != "" && new != "":
		rs = append(rs, run{text: b.colon(l) + old + " → " + new, st: stChange})
	case old != "":
		rs = append(rs, run{text: b.colon(l) + old, st: stChange})
	case new != "":
		rs = append(rs, run{text: b.colon(l) + new, st: stChange})
	}
	return rs
}

// rewordRuns is the text before (deleted) or after a rewording in
// language l, its changed words in bold colour, after a label that says
// which it is: the colour is not all that tells them apart.
func rewordRuns(b *builder, it *report.ChangeItem, l int, deleted bool) []run {
	id, st, skip := locales.FieldAfter, stChangeNew, report.Deleted
	if deleted {
		id, st, skip = locales.FieldBefore, stChangeOld, report.Inserted
	}
	rs := []run{{text: b.msg(l, id, nil) + b.colon(l), st: stChangeHead}}
	if it.Words[l] == nil {
		return append(rs, run{text: "–", st: stChangeSame}) // this language's text did not change
	}
	for _, r := range it.Words[l] {
		switch r.Op {
		case skip:
		case report.Equal:
			rs = append(rs, run{text: r.Text, st: stChangeSame})
		default:
			rs = append(rs, run{text: r.Text, st: st})
		}
	}
	return rs
}

// colon is a colon before a value in language l: with a no-break space
// before it in French.
func (b *builder) colon(l int) string {
	if b.locs[l].Tag().String() == "fr" {
		return "\u00a0: "
	}
	return ": "
}

// changed marks, in an update briefing, the items of a changed
// paragraph: its anchor, for the links of the changes, a bar in the
// margin, an artifact as the running heads are, and beside its first
// line the word that says so ("changed"). The word is the paragraph's
// first content, so that a screen reader and a text extractor read it
// too; it is left out when the margin is too narrow for it. The first
// column has its bar and word in the left margin; in a parallel edition,
// the last column has its own in the right margin, the word in that
// column's language and the first content of its paragraph.
func (b *builder) changed(p *report.Paragraph, its []*item, els []*selem) {
	if p.Changed == 0 || len(its) == 0 {
		return
	}
	if p.Anchor != "" {
		its[0].anchors = append(its[0].anchors, b.prefix+p.Anchor)
	}
	type mark struct {
		bar, wordX float64 // where the bar and the word start
		word       string
		el         *selem // nil when the word is left out
	}
	var marks []mark
	for i, c := range b.cols {
		if i > 0 && i < len(b.cols)-1 {
			continue
		}
		m := mark{word: b.msg(c.lang, locales.ChangesMark, nil)}
		w := b.m.width(m.word, stChangeMark, "change mark")
		fits := false
		if i == 0 {
			m.bar = b.g.marginL - 4
			m.wordX = m.bar - 1.2 - w
			fits = m.wordX > 1
		} else {
			m.bar = c.x + c.w + 2.8
			m.wordX = m.bar + 1.2 + 1.2
			fits = m.wordX+w < b.g.pageW-1
		}
		if fits && i < len(els) {
			m.el = els[i]
		}
		marks = append(marks, m)
	}
	for k, it := range its {
		draw, h := it.draw, it.h
		first := k == 0
		it.draw = func(d *drawer, y float64) {
			if first {
				for _, m := range marks {
					if m.el != nil {
						d.in(m.el)
						d.text(m.wordX, y+stBody.size*0.8*ptToMM, m.word+" ", stChangeMark)
					}
				}
			}
			draw(d, y)
			d.in(artifact)
			d.fill(changeBar)
			for _, m := range marks {
				d.f.Rect(m.bar, y, 1.2, h, "F")
			}
		}
	}
}
