package pdf

// Spacing, in millimetres; the page's geometry is in page.go.
const (
	gutter  = 6.0
	noteSep = 4.0 // the rule above the footnotes and the space around it
)

// item is a unit of the page flow: a line of text, a heading, a table row,
// a chart. The paginator never splits an item.
type item struct {
	h           float64 // height, mm
	spaceBefore float64 // dropped at the top of a page
	draw        func(d *drawer, y float64)
	notes       []int    // footnotes called by this item
	keep        bool     // keep on the same page as the next item
	newPage     bool     // start a new page
	header      *item    // a table header, repeated when a page starts with this item
	anchors     []string // anchors at the top of this item
	marks       []mark   // outline entries at this item
}

// mark is an outline (bookmark) entry.
type mark struct {
	title string
	level int
}

// noteLine is one line of a footnote.
type noteLine struct {
	h     float64
	draw  func(d *drawer, y float64)
	first bool // the first line of its footnote
}

// placed is an item on a page, at a height.
type placed struct {
	it *item
	y  float64
}

// page is a laid-out page.
type page struct {
	items   []placed
	notes   []noteLine
	noteTop float64 // where the rule above the footnotes is drawn; 0 when no footnotes
	cover   bool    // no running head or foot
}

// anchorPos is where an anchor landed.
type anchorPos struct {
	page int // from 1
	y    float64
}

// paginate places items on pages, with the footnotes each item calls at
// the foot of the page it lands on. A footnote that does not fit continues
// at the foot of the next page; no footnote is dropped.
func paginate(items []*item, notes map[int][]noteLine, firstCover bool, g geometry) ([]*page, map[string]anchorPos) {
	p := &paginator{notes: notes, anchors: map[string]anchorPos{}, done: map[int]bool{}, bodyTop: g.bodyTop, bodyBottom: g.bodyBottom}
	p.newPage()
	if firstCover {
		p.cur.cover = true
	}
	for i := 0; i < len(items); i++ {
		it := items[i]
		if it.newPage && len(p.cur.items) > 0 {
			p.newPage()
		}
		if !p.fits(it, items, i) && len(p.cur.items) > 0 {
			p.newPage()
			if it.header != nil && it.header != it {
				p.place(it.header)
			}
		}
		p.place(it)
	}
	p.finish()
	return p.pages, p.anchors
}

type paginator struct {
	notes   map[int][]noteLine
	pages   []*page
	cur     *page
	y       float64
	noteH   float64    // height of the footnotes on the current page, rule included
	carry   []noteLine // footnote lines waiting for the next page
	anchors map[string]anchorPos
	done    map[int]bool // footnotes already placed: a footnote called from two columns is set once

	bodyTop, bodyBottom float64
}

func (p *paginator) space(it *item) float64 {
	if len(p.cur.items) == 0 {
		return 0
	}
	return it.spaceBefore
}

func (p *paginator) noteHeight(ids []int, firstOnly bool) float64 {
	h := 0.0
	for _, id := range ids {
		if p.done[id] {
			continue
		}
		for j, l := range p.notes[id] {
			if firstOnly && j > 0 {
				break
			}
			h += l.h
		}
	}
	if h > 0 && p.noteH == 0 {
		h += noteSep
	}
	return h
}

// fits reports whether items[i] fits on the current page with at least the
// first line of each of its footnotes (and, for an item kept with the next,
// the next item too).
func (p *paginator) fits(it *item, items []*item, i int) bool {
	need := p.space(it) + it.h + p.noteHeight(it.notes, true)
	if it.keep && i+1 < len(items) {
		next := items[i+1]
		need += next.spaceBefore + next.h + p.noteHeight(next.notes, true)
	}
	return p.y+need+p.noteH <= p.bodyBottom
}

func (p *paginator) place(it *item) {
	p.y += p.space(it)
	for _, a := range it.anchors {
		p.anchors[a] = anchorPos{page: len(p.pages), y: p.y}
	}
	p.cur.items = append(p.cur.items, placed{it: it, y: p.y})
	p.y += it.h
	for _, id := range it.notes {
		if p.done[id] {
			continue
		}
		p.done[id] = true
		for _, l := range p.notes[id] {
			p.addNote(l)
		}
	}
}

// addNote puts a footnote line at the foot of the current page, or carries
// it to the next page when the page is full. Lines of one footnote keep
// their order because once one is carried, all later ones are.
func (p *paginator) addNote(l noteLine) {
	sep := 0.0
	if p.noteH == 0 {
		sep = noteSep
	}
	if len(p.carry) > 0 || p.y+p.noteH+sep+l.h > p.bodyBottom {
		p.carry = append(p.carry, l)
		return
	}
	p.noteH += sep + l.h
	p.cur.notes = append(p.cur.notes, l)
}

func (p *paginator) finish() {
	if p.cur != nil && p.noteH > 0 {
		p.cur.noteTop = p.bodyBottom - p.noteH
	}
}

func (p *paginator) newPage() {
	p.finish()
	p.cur = &page{}
	p.pages = append(p.pages, p.cur)
	p.y, p.noteH = p.bodyTop, 0
	carry := p.carry
	p.carry = nil
	for _, l := range carry {
		p.addNote(l)
	}
	// Whatever is still carried fills pages of footnotes alone.
	for len(p.carry) > 0 && len(p.cur.notes) > 0 {
		p.finish()
		p.cur = &page{}
		p.pages = append(p.pages, p.cur)
		p.y, p.noteH = p.bodyTop, 0
		carry, p.carry = p.carry, nil
		for _, l := range carry {
			p.addNote(l)
		}
	}
}
