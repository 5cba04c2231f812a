package pdf

import (
	"github.com/go-pdf/fpdf"
)

// drawer draws on an fpdf document, remembering the current font and
// colour so as to set them only when they change.
type drawer struct {
	f     *fpdf.Fpdf
	face  face
	size  float64
	color rgb
	links map[string]int // anchor -> fpdf link id
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
}

// text draws s with its baseline at y.
func (d *drawer) text(x, y float64, s string, st style) {
	d.setStyle(st)
	d.f.Text(x, y-st.rise*ptToMM, s)
}

// line draws a laid-out line with its top at y, starting at x.
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
	base := y + l.ascent
	cx := x
	for i, w := range l.words {
		if i > 0 {
			cx += w.space
			if w.space > 0 {
				cx += extra
			}
		}
		for _, p := range w.pieces {
			d.text(cx, base, p.text, p.st)
			if p.url != "" {
				d.f.LinkString(cx, y, p.width, l.height, p.url)
			}
			if p.link != 0 {
				d.f.Link(cx, y, p.width, l.height, p.link)
			}
			cx += p.width
		}
	}
}

func (d *drawer) stroke(c rgb, width float64) {
	d.f.SetDrawColor(int(c.r), int(c.g), int(c.b))
	d.f.SetLineWidth(width)
}

func (d *drawer) fill(c rgb) {
	d.f.SetFillColor(int(c.r), int(c.g), int(c.b))
}
