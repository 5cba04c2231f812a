package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/report"
	"github.com/go-pdf/fpdf"
)

// Text styles of a briefing.
var (
	stBody     = style{face: serif, size: 10, color: black}
	stBodyB    = style{face: serifBold, size: 10, color: black}
	stBodyI    = style{face: serifItalic, size: 10, color: grey}
	stFlag     = style{face: serifItalic, size: 9, color: red}
	stMarker   = style{face: serif, size: 6.5, color: navy, rise: 3.3}
	stNote     = style{face: serif, size: 7.6, color: black}
	stNoteNum  = style{face: serifBold, size: 7.6, color: navy}
	stNoteLink = style{face: serif, size: 7.6, color: blue}
	stH1       = style{face: sansBold, size: 14, color: navy}
	stH2       = style{face: sansBold, size: 11, color: navy}
	stH3       = style{face: sansBold, size: 9.5, color: navy}
	stGroup    = style{face: sansBold, size: 9.5, color: black}
	stSmall    = style{face: sans, size: 8, color: grey}
	stCell     = style{face: sans, size: 7.6, color: black}
	stCellB    = style{face: sansBold, size: 7.6, color: black}
	stCellHead = style{face: sansBold, size: 7.6, color: rgb{255, 255, 255}}
	stCellRed  = style{face: sansBold, size: 7.6, color: red}
	stCellI    = style{face: sans, size: 7, color: grey}
	stBib      = style{face: serif, size: 8.6, color: black}
	stBibI     = style{face: serifItalic, size: 8.6, color: grey}
	stURL      = style{face: serif, size: 8, color: blue}
	stTitle    = style{face: sansBold, size: 21, color: navy}
	stIssuer   = style{face: sansBold, size: 11, color: navy}
	stTOC      = style{face: serif, size: 10, color: black}
	stTOC1     = style{face: sansBold, size: 10, color: navy}
)

const (
	leadBody = 1.38
	leadNote = 1.28
	leadHead = 1.25
	leadCell = 1.25
)

// col is a column of the body: where it is and which language it shows.
type col struct {
	x, w float64
	lang int
}

// builder turns a briefing into page items.
type builder struct {
	doc   *report.Document
	f     *fpdf.Fpdf
	locs  []*locales.Locale // one per language of the document
	m     measurer
	items []*item
	notes map[int][]noteLine
	links map[string]int // anchor -> fpdf link id
	err   error

	cols   []col  // the columns of the pass being built
	part   int    // 0, or 1 for the second half of a sequential edition
	prefix string // anchor prefix of the pass

	g    geometry // the page's
	logo *logo    // the issuer's logo, or nil

	kept int // words whose lines are kept from measuring to drawing (see laidOut)

	tags      tags
	docLang   string           // the edition's first language, the document's /Lang
	noteElems map[int][]*selem // the Notes of each footnote, one per column
	noteUsed  map[int]bool     // footnotes whose Notes are in the tree
	heads     int              // the level of the last heading
}

// keptWords is how many words a briefing keeps laid out from measuring
// to drawing, some 20 MB of them: the lines of the blocks beyond are laid
// out again when drawn (see laidOut). A briefing of a thousand events
// keeps them all.
const keptWords = 200_000

func (b *builder) fail(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *builder) add(it *item) *item {
	b.items = append(b.items, it)
	return it
}

// link returns the fpdf link id of an anchor, making it on first use.
func (b *builder) link(anchor string) int {
	if id, ok := b.links[anchor]; ok {
		return id
	}
	id := b.f.AddLink()
	b.links[anchor] = id
	return id
}

// noteKey keys footnote n of the current pass.
func (b *builder) noteKey(n int) int { return b.part*1_000_000 + n }

// msg is a catalog message in language i.
func (b *builder) msg(i int, id locales.ID, data map[string]any) string {
	s, err := b.locs[i].Message(id, data)
	if err != nil {
		b.fail(fmt.Errorf("pdf: %w", err))
	}
	return s
}

// bi joins the texts of l shown by the current pass: one language, or
// both separated by " / " in a two-column pass.
func (b *builder) bi(l report.L) string {
	if len(b.cols) == 1 {
		return l[b.cols[0].lang]
	}
	if l[b.cols[0].lang] == l[b.cols[1].lang] {
		return l[b.cols[0].lang]
	}
	return l[b.cols[0].lang] + " / " + l[b.cols[1].lang]
}

// block lays out one run list per column, side by side, line by line, as
// items. indent shifts the text right; hang draws a bullet or label in the
// indent of the first line.
func (b *builder) block(runs [][]run, indent, lead float64, justify bool, where string, hang string) []*item {
	return b.blockAs("P", runs, indent, lead, justify, where, hang)
}

// blockAs is block, tagged as role unless its elements were set.
func (b *builder) blockAs(role string, runs [][]run, indent, lead float64, justify bool, where string, hang string) []*item {
	els, lbls := b.blockElems(role)
	lo := b.layOut(runs, indent, lead, justify, where)
	var out []*item
	for k := range lo.left {
		it := &item{}
		for i := range b.cols {
			if k < len(lo.lines[i]) {
				l := &lo.lines[i][k]
				it.h = max(it.h, l.height)
				for _, id := range l.notes {
					key := b.noteKey(id)
					if !contains(it.notes, key) {
						it.notes = append(it.notes, key)
					}
				}
			}
		}
		cols := b.cols
		first := k == 0
		it.draw = func(d *drawer, y float64) {
			lo.row(k, func(i int, l *line) {
				d.in(els[i])
				d.line(l, cols[i].x+indent, y)
				if first && hang != "" {
					if lbls != nil {
						d.in(lbls[i])
					}
					d.text(cols[i].x+indent-3.2, y+l.ascent, hang, stBody)
				}
			})
		}
		out = append(out, b.add(it))
	}
	b.release(lo)
	return out
}

// release drops the lines of lo until it is drawn, once the briefing
// keeps keptWords.
func (b *builder) release(lo *laidOut) {
	n := 0
	for _, ls := range lo.lines {
		for i := range ls {
			n += len(ls[i].words)
		}
	}
	if b.kept+n <= keptWords {
		b.kept += n
		return
	}
	lo.lines = nil
}

// laidOut is a block of text in each column, laid out in lines when
// needed: once when the block is added, for the height and footnotes of
// each line, and, past the first keptWords of a briefing, again when the
// first of its lines is drawn, after the pages are made. Its lines are
// dropped as soon as the last one is drawn. In between, such a block
// holds its runs, not the measured words and lines of every block still
// to draw, which held most of a long briefing's memory (100 MB of 200 at
// 10,000 events). Laying a block out is deterministic, so the lines
// drawn are the lines measured.
type laidOut struct {
	m       *measurer
	runs    [][]run
	widths  []float64
	lead    float64
	justify bool
	where   string
	lines   [][]line // per column, nil between the layouts
	left    int      // rows not drawn yet
}

// layOut lays runs out, one run list per column of the pass, indent
// millimetres from the left of each column.
func (b *builder) layOut(runs [][]run, indent, lead float64, justify bool, where string) *laidOut {
	lo := &laidOut{m: &b.m, runs: runs, lead: lead, justify: justify, where: where}
	for _, c := range b.cols {
		lo.widths = append(lo.widths, c.w-indent)
	}
	lo.layout()
	for _, ls := range lo.lines {
		lo.left = max(lo.left, len(ls))
	}
	return lo
}

func (lo *laidOut) layout() {
	lo.lines = make([][]line, len(lo.runs))
	for i := range lo.runs {
		lo.lines[i] = lo.m.wrap(lo.m.words(lo.runs[i], lo.where), lo.widths[i], lo.lead, lo.justify, lo.where)
	}
}

// row calls f with the line of row k in each column that has one, laying
// the block out again first if need be.
func (lo *laidOut) row(k int, f func(col int, l *line)) {
	if lo.lines == nil {
		lo.layout()
	}
	for i := range lo.lines {
		if k < len(lo.lines[i]) {
			f(i, &lo.lines[i][k])
		}
	}
	if lo.left--; lo.left <= 0 {
		lo.lines = nil
	}
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// perCol builds one run list per column with f.
func (b *builder) perCol(f func(lang int) []run) [][]run {
	out := make([][]run, len(b.cols))
	for i, c := range b.cols {
		out[i] = f(c.lang)
	}
	return out
}

// heading adds a section heading with its anchor and outline entry.
func (b *builder) heading(title report.L, anchor string, level int, newPage bool) {
	st, space := stH1, 7.0
	switch level {
	case 2:
		st, space = stH2, 4.5
	case 3:
		st, space = stH3, 3.5
	}
	b.heads = level
	its := b.blockAs("H"+itoa(level), b.perCol(func(l int) []run { return []run{{text: title[l], st: st}} }), 0, leadHead, false, "heading "+title[0], "")
	if len(its) == 0 {
		return
	}
	its[0].spaceBefore = space
	its[0].newPage = newPage
	if anchor != "" {
		its[0].anchors = append(its[0].anchors, b.prefix+anchor)
	}
	outline := b.bi(title)
	its[0].marks = append(its[0].marks, mark{title: outline, level: b.outlineLevel(level)})
	last := its[len(its)-1]
	last.keep = true
	if level == 1 {
		// a rule under top-level headings
		h := last.h
		draw := last.draw
		last.h = h + 1.6
		last.draw = func(d *drawer, y float64) {
			draw(d, y)
			d.in(artifact)
			d.stroke(navy, 0.35)
			d.f.Line(b.g.marginL, y+h+0.6, b.g.pageW-b.g.marginR, y+h+0.6)
		}
	}
}

// outlineLevel is the bookmark level of a heading level: in a sequential
// edition each half is a level of its own.
func (b *builder) outlineLevel(level int) int {
	if b.prefix != "" {
		return level
	}
	return level - 1
}

// spacer adds vertical space.
func (b *builder) spacer(h float64) {
	b.add(&item{h: h, draw: func(*drawer, float64) {}})
}

// paragraphRuns are the runs of a statement in language l: its time and
// own dates for an entry, its text, its reliability flag, its footnote
// marker.
func paragraphRuns(p *report.Paragraph, l int, link int) []run {
	var rs []run
	if e := p.Entry; e != nil {
		if e.TimeText[l] != "" {
			rs = append(rs, run{text: e.TimeText[l] + " – ", st: stBodyB})
		}
		if e.WhenText[l] != "" {
			rs = append(rs, run{text: "(" + e.WhenText[l] + ") ", st: stBodyI})
		}
	}
	rs = append(rs, run{text: p.Text[l], st: stBody})
	if p.ReliabilityText[l] != "" {
		rs = append(rs, run{text: " [" + p.ReliabilityText[l] + "]", st: stFlag})
	}
	if p.Footnote != nil {
		rs = append(rs, run{text: strconv.Itoa(p.Footnote.Number), st: stMarker, note: p.Footnote.Number, link: link})
	}
	return rs
}

func (b *builder) paragraph(p *report.Paragraph, indent float64, hang string, space float64) {
	link := 0
	if p.Footnote != nil {
		b.footnote(p.Footnote)
	}
	els, lbls := b.blockElems("P")
	if p.Footnote != nil {
		key := b.noteKey(p.Footnote.Number)
		if !b.noteUsed[key] {
			b.noteUsed[key] = true
			for i, n := range b.noteElems[key] {
				n.parent = els[i]
				els[i].notes = append(els[i].notes, n)
			}
		}
	}
	b.tags.next, b.tags.lbl = els, lbls
	its := b.block(b.perCol(func(l int) []run { return paragraphRuns(p, l, link) }), indent, leadBody, true, "statement "+string(p.Statement), hang)
	if len(its) > 0 {
		its[0].spaceBefore = space
	}
	b.changed(p, its, els)
}

// footnote lays out a footnote's lines once per pass.
func (b *builder) footnote(fn *report.Footnote) {
	key := b.noteKey(fn.Number)
	if _, done := b.notes[key]; done {
		return
	}
	runs := b.perCol(func(l int) []run {
		rs := []run{{text: strconv.Itoa(fn.Number) + "\u00a0", st: stNoteNum}}
		if fn.Note[l] != "" {
			rs = append(rs, run{text: fn.Note[l] + " ", st: stNote})
		}
		for i, c := range fn.Citations {
			sep := " ; "
			if b.locs[l].Tag().String() != "fr" {
				sep = "; "
			}
			if i == len(fn.Citations)-1 {
				sep = "."
			}
			text := c.Text[l]
			if o := c.Source.Outlet; strings.HasPrefix(text, o) {
				if iso := isolate(o); len(iso) != len(o) {
					text = iso + text[len(o):]
				}
			}
			if c.Source.Anchor == "" { // no bibliography to link to
				rs = append(rs, run{text: text, st: stNote}, run{text: sep, st: stNote})
				continue
			}
			rs = append(rs, run{text: text, st: stNoteLink, link: b.link(b.prefix + c.Source.Anchor)}, run{text: sep, st: stNote})
		}
		return rs
	})
	lo := b.layOut(runs, 0, leadNote, true, fmt.Sprintf("footnote %d", fn.Number))
	var out []noteLine
	cols := b.cols
	els := make([]*selem, len(cols))
	for i, c := range cols {
		els[i] = &selem{role: "Note", note: fn.Number, id: "note-" + b.prefix + b.doc.Languages[c.lang].String() + "-" + itoa(fn.Number), lang: b.lang(c.lang)}
	}
	b.noteElems[key] = els
	for k := range lo.left {
		nl := noteLine{first: k == 0}
		for i := range cols {
			if k < len(lo.lines[i]) {
				nl.h = max(nl.h, lo.lines[i][k].height)
			}
		}
		nl.draw = func(d *drawer, y float64) {
			lo.row(k, func(i int, l *line) { d.in(els[i]); d.line(l, cols[i].x, y) })
		}
		out = append(out, nl)
	}
	b.release(lo)
	b.notes[key] = out
}

// section adds a section of the body and what it holds.
func (b *builder) section(s *report.Section) {
	newPage := s.Level == 1 && (s.Kind == report.SectionMap || s.Kind == report.SectionBibliography || s.Kind == report.SectionKeyFigures || s.Kind == report.SectionChronology || s.Kind == report.SectionBackground || s.Kind == report.SectionChanges)
	sect := b.enter("Sect")
	defer b.leave(sect)
	if s.Kind != report.SectionBibliography || s.Level == 1 {
		b.heading(s.Title, s.Anchor, s.Level, newPage)
	}
	for _, bl := range s.Blocks {
		switch bl := bl.(type) {
		case *report.Paragraph:
			b.paragraph(bl, 0, "", 2.2)
		case *report.List:
			lists := b.perColElems(nil, "L")
			for i, p := range bl.Items {
				space := 1.0
				if i == 0 {
					space = 2.2
				}
				b.listItem(lists)
				b.paragraph(p, 5, "•", space)
			}
		case *report.PlaceGroup:
			level := min(b.heads+1, 6)
			its := b.blockAs("H"+itoa(level), b.perCol(func(l int) []run { return []run{{text: bl.Name[l], st: stGroup}} }), 0, leadHead, false, "place "+string(bl.Place), "")
			if len(its) > 0 {
				its[0].spaceBefore = 2.6
				its[len(its)-1].keep = true
			}
			lists := b.perColElems(nil, "L")
			for _, p := range bl.Items {
				b.listItem(lists)
				b.paragraph(p, 5, "–", 1.0)
			}
		case *report.FigureTable:
			b.keyFigures()
		case *report.ContestedTable:
			b.contested()
		case *report.Chart:
			b.chart()
		case *report.MapBlock:
			b.protestMap()
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
			continue // the groups are set by the bibliography block
		}
		b.section(sub)
	}
}

// body adds every section of the document for the current pass.
func (b *builder) body() {
	for _, s := range b.doc.Sections {
		b.section(s)
	}
}
