package pdf

import (
	"strconv"

	"github.com/go-pdf/fpdf"
)

// drawer draws on an fpdf document, remembering the current font and
// colour so as to set them only when they change.
type drawer struct {
	f      *fpdf.Fpdf
	m      *measurer // lays out the one-line texts fpdf cannot set alone
	face   face
	size   float64
	color  rgb
	hscale float64 // the horizontal scaling of text, 0 for none

	buf []byte // the text of the span being drawn
	// the width of a space in spaceFace at spaceSize, mm
	spaceFace face
	spaceSize float64
	spaceW    float64

	atoms []atom  // of the line being drawn, when it is complex
	ops   []byte  // the operators of the glyphs being drawn
	runes []rune  // of the invisible text being drawn
	k, ph float64 // points per millimetre, page height in mm; 0 until known

	t    *tagger // the structure tree being made, nil when not tagging
	open *selem  // the element of the open marked-content sequence
	page int     // the page being drawn, from 0
	pdfa bool    // no transparency
}

func (d *drawer) setStyle(st style) {
	if st.face != d.face || st.size != d.size {
		fi := fonts[st.face]
		d.f.SetFont(fi.family, fi.style, st.size)
		d.face, d.size = st.face, st.size
	}
	if st.color != d.color {
		d.f.SetTextColor(int(st.color.r), int(st.color.g), int(st.color.b))
		d.color = st.color
	}
	if st.hscale != d.hscale {
		// fpdf has no call for the text's horizontal scaling: set the
		// PDF operator Tz, whose value lasts until the page ends
		z := st.hscale
		if z == 0 {
			z = 1
		}
		d.f.RawWriteStr(strconv.FormatFloat(z*100, 'f', 2, 64) + " Tz")
		d.hscale = st.hscale
	}
}

// text draws s on one line (see oneLine) with its baseline at y.
func (d *drawer) text(x, y float64, s string, st style) {
	s = oneLine(s)
	if _, ok := fonts[st.face].width(s, st.size); !ok && d.m != nil {
		l := d.m.lineOf(s, st, "text")
		d.complexLine(l, x, y-l.ascent, 0)
		return
	}
	d.setStyle(st)
	d.f.Text(x, y-st.rise*ptToMM, s)
}

// space returns the width of a space in st, mm, as measurer.words
// measures it.
func (d *drawer) space(st style) float64 {
	if st.face != d.spaceFace || st.size != d.spaceSize || d.spaceSize == 0 {
		a, _ := fonts[st.face].advance(' ')
		d.spaceFace, d.spaceSize = st.face, st.size
		d.spaceW = float64(a) * st.size / 1000 * ptToMM
	}
	return d.spaceW
}

// span is a stretch of a line set with one text operation: pieces in one
// style, with the same link, URL and footnote, joined by the spaces
// between them.
type span struct {
	x     float64 // where it starts, mm
	width float64 // natural width, spaces included, mm
	gaps  int     // breakable spaces within it
	first *piece  // its first piece: style, link, URL, footnote
}

// joins reports whether p continues the span s without a change of
// style, link, URL or footnote.
func (s *span) joins(p *piece) bool {
	q := s.first
	return q != nil && sameRun(p.at, q.at)
}

// line draws a laid-out line with its top at y, starting at x. Each span
// of words in one style is one text operation; in a justified line, the
// spaces within a span are stretched by the text's own word spacing, so
// that every word lands where it would if set on its own.
func (d *drawer) line(l *line, x, y float64) {
	gaps := 0
	for i := range l.words {
		if i > 0 && l.words[i].space > 0 {
			gaps++
		}
	}
	extra := 0.0
	if l.justify && gaps > 0 && l.maxWidth > l.width {
		extra = (l.maxWidth - l.width) / float64(gaps)
		if extra > 4 { // a line with very few words is better left ragged
			extra = 0
		}
	}
	if l.complex {
		d.complexLine(l, x, y, extra)
		return
	}
	base := y + l.ascent
	var s span
	d.buf = d.buf[:0]
	cx := x
	for i := range l.words {
		w := &l.words[i]
		for j := range w.pieces {
			p := &w.pieces[j]
			switch {
			case j > 0 || i == 0 || w.space == 0:
				// nothing between p and what precedes it: a change of
				// style within a word, or a long word (a URL) broken
				// across lines without a space
				if s.joins(p) {
					break
				}
				d.drawSpan(&s, l, y, base, extra)
				s = span{x: cx, first: p}
			default:
				cx += w.space + extra
				if s.joins(p) && w.space == d.space(p.at.st) {
					d.buf = append(d.buf, ' ')
					s.width += w.space
					s.gaps++
					break
				}
				d.drawSpan(&s, l, y, base, extra)
				s = span{x: cx, first: p}
			}
			d.buf = append(d.buf, p.text...)
			s.width += p.width
			cx += p.width
		}
	}
	d.drawSpan(&s, l, y, base, extra)
}

// drawSpan draws the span s of the line l, whose top is at y and baseline at
// base, with extra mm added to each of its spaces, and resets d.buf.
func (d *drawer) drawSpan(s *span, l *line, y, base, extra float64) {
	p := s.first
	if p == nil {
		return
	}
	d.setStyle(p.at.st)
	var text string
	if len(d.buf) == len(p.text) {
		text = p.text // a span of one piece: no need to copy it
	} else {
		text = string(d.buf)
	}
	d.buf = d.buf[:0]
	text = visible(text)
	link, back := d.linkIn(p.at, text)
	w := s.width
	if s.gaps > 0 && extra > 0 {
		// fpdf justifies UTF-8 text in a cell with a TJ array that adds
		// the same amount after each space, and registers the
		// characters for the font subset as Text does. The cell's text
		// starts a cell margin in, its baseline is 0.3 font size below
		// the top of a cell of no height.
		w += extra * float64(s.gaps)
		cm := d.f.GetCellMargin()
		_, fs := d.f.GetFontSize()
		d.f.SetXY(s.x-cm, base-p.at.st.rise*ptToMM-0.3*fs)
		d.f.CellFormat(w+2*cm, 0, text, "", 0, "J", false, 0, "")
	} else {
		d.f.Text(s.x, base-p.at.st.rise*ptToMM, text)
	}
	if p.at.url != "" {
		d.annot(link)
		d.f.LinkString(s.x, y, w, l.height, p.at.url)
	}
	if p.at.link != 0 {
		d.annot(link)
		d.f.Link(s.x, y, w, l.height, p.at.link)
	}
	if back != nil {
		d.in(back)
	}
}

func (d *drawer) stroke(c rgb, width float64) {
	d.f.SetDrawColor(int(c.r), int(c.g), int(c.b))
	d.f.SetLineWidth(width)
}

func (d *drawer) fill(c rgb) {
	d.f.SetFillColor(int(c.r), int(c.g), int(c.b))
}
