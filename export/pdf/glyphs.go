package pdf

import (
	"slices"
	"strconv"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
)

// atom is a piece of a line, or the space between two words, in the
// order the bidirectional algorithm reorders.
type atom struct {
	p     *piece // nil for a space
	gap   float64
	level uint8
}

// reorder puts atoms, in logical order, in the order they are drawn
// from left to right: from the highest level to the lowest odd one, each
// sequence of atoms at that level or higher is reversed (rule L2 of
// UAX #9). An atom set right to left holds its glyphs from left to right
// already.
func reorder(atoms []atom) {
	var hi, lo uint8 = 0, 255
	for _, a := range atoms {
		hi = max(hi, a.level)
		if a.level%2 == 1 {
			lo = min(lo, a.level)
		}
	}
	for lvl := hi; lvl >= lo && lvl > 0; lvl-- {
		for i := 0; i < len(atoms); {
			if atoms[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(atoms) && atoms[j].level >= lvl {
				j++
			}
			slices.Reverse(atoms[i:j])
			i = j
		}
	}
}

// fitGlyphs makes the line high enough for the glyphs of the pieces set
// by the shaper, whose scripts may reach higher or lower than Latin
// (Burmese, Khmer, Tibetan, stacked diacritics): a glyph may rise into
// the leading above the text, not beyond.
func (l *line) fitGlyphs() {
	for _, w := range l.words {
		for _, p := range w.pieces {
			if p.sh == nil {
				continue
			}
			s := p.at.st.size / p.sh.sf.upem * ptToMM
			if top := p.sh.top*s + p.at.st.rise*ptToMM; top > l.ascent {
				l.height += top - l.ascent
				l.ascent = top
			}
			if bottom := p.sh.bottom*s - p.at.st.rise*ptToMM; bottom > l.height-l.ascent {
				l.height = l.ascent + bottom
			}
		}
	}
}

// complexLine draws a line holding pieces set by the shaper or right to
// left, with its top at y, starting at x, extra mm added to each space:
// piece by piece, in the order of the bidirectional algorithm.
func (d *drawer) complexLine(l *line, x, y, extra float64) {
	if back := d.actualText(l); back != nil {
		defer d.in(back)
	}
	atoms := d.atoms[:0]
	for i := range l.words {
		w := &l.words[i]
		if i > 0 && w.space > 0 {
			atoms = append(atoms, atom{gap: w.space + extra, level: w.spaceLevel})
		}
		for j := range w.pieces {
			atoms = append(atoms, atom{p: &w.pieces[j], level: w.pieces[j].level})
		}
	}
	reorder(atoms)
	base := y + l.ascent
	cx := x
	for _, a := range atoms {
		if a.p == nil {
			cx += a.gap
			continue
		}
		p := a.p
		link, back := d.linkIn(p.at, p.text)
		if p.sh != nil {
			d.shaped(p, cx, base)
		} else {
			d.setStyle(p.at.st)
			d.f.Text(cx, base-p.at.st.rise*ptToMM, visible(p.text))
		}
		if p.at.url != "" {
			d.annot(link)
			d.f.LinkString(cx, y, p.width, l.height, p.at.url)
		}
		if p.at.link != 0 {
			d.annot(link)
			d.f.Link(cx, y, p.width, l.height, p.at.link)
		}
		if back != nil {
			d.in(back)
		}
		cx += p.width
	}
	d.atoms = atoms[:0]
}

// shaped draws a piece set by the shaper with its left end at x and its
// baseline at base: each glyph's outline filled, in the text's colour,
// and over it the piece's characters as invisible text (rendering mode
// 3) in Liberation, so that the text can be searched, selected and
// copied.
//
// The invisible characters are laid out cluster by cluster over the
// glyphs: within a cluster, in logical order for left-to-right text and
// in reverse for right-to-left text, as a PDF draws the text of such a
// language from left to right; readers (pdftotext, browsers) put the
// characters of right-to-left runs back in logical order. poppler
// ignores /ActualText spans without text in them, and reverses the
// right-to-left text of one that has (see the package documentation).
func (d *drawer) shaped(p *piece, x, base float64) {
	sh := p.sh
	if d.k == 0 {
		d.k = d.f.GetConversionRatio()
		_, d.ph = d.f.GetPageSize()
	}
	st := p.at.st
	s := st.size / sh.sf.upem // points per font unit
	hs := st.hscale
	if hs == 0 {
		hs = 1
	}
	b := append(d.ops[:0], "q "...)
	b = appendColor(b, st.color)
	b = append(b, " rg"...)
	bold := (st.face == serifBold || st.face == sansBold) && sh.sf.e.weight < 600
	if bold {
		// a font with no bold: its outlines stroked as well as filled
		b = append(b, ' ')
		b = appendColor(b, st.color)
		b = append(b, " RG "...)
		b = appendNum(b, sh.sf.upem*0.035, 1)
		b = append(b, " w 1 j"...)
	}
	b = append(b, '\n')
	b = appendNum(b, s*hs, 6)
	b = append(b, " 0 0 "...)
	b = appendNum(b, s, 6)
	b = append(b, ' ')
	b = appendNum(b, x*d.k, 3)
	b = append(b, ' ')
	b = appendNum(b, (d.ph-base)*d.k+st.rise, 3)
	b = append(b, " cm\n"...)
	pen, atX, atY := 0.0, 0.0, 0.0 // the pen, and where the origin is
	for _, g := range sh.glyphs {
		gp := sh.sf.path(g.id)
		if len(gp.ops) > 0 {
			gx, gy := pen+float64(g.x), float64(g.y)
			if gx != atX || gy != atY {
				b = append(b, "1 0 0 1 "...)
				b = appendNum(b, gx-atX, 2)
				b = append(b, ' ')
				b = appendNum(b, gy-atY, 2)
				b = append(b, " cm "...)
				atX, atY = gx, gy
			}
			b = append(b, gp.ops...)
			if bold {
				b = append(b, "B\n"...)
			} else {
				b = append(b, "f\n"...)
			}
		}
		pen += float64(g.adv)
	}
	b = append(b, 'Q')
	d.f.RawWriteStr(string(b))
	d.ops = b[:0]
	d.invisible(p, x, base)
}

// invisible draws the characters of a piece set by the shaper as
// invisible text over its glyphs (see shaped): all but the
// default-ignorable code points, except the zero width non-joiner and
// joiner, which are part of how Persian and Indic words are spelt.
func (d *drawer) invisible(p *piece, x, base float64) {
	sh := p.sh
	st := style{face: p.at.st.face, size: p.at.st.size, color: p.at.st.color, hscale: d.hscale}
	d.setStyle(st)
	d.f.RawWriteStr("3 Tr")
	hs := p.at.st.hscale
	if hs == 0 {
		hs = 1
	}
	scale := p.at.st.size / sh.sf.upem * ptToMM * hs // mm per font unit
	y := base - p.at.st.rise*ptToMM
	pen := 0.0
	for i := 0; i < len(sh.glyphs); {
		g := sh.glyphs[i]
		w := 0.0
		j := i
		for j < len(sh.glyphs) && sh.glyphs[j].cluster == g.cluster {
			w += float64(sh.glyphs[j].adv)
			j++
		}
		rs := d.runes[:0]
		if c, n := int(g.cluster), int(g.n); c >= 0 && n > 0 && c+n <= len(sh.runes) {
			for _, r := range sh.runes[c : c+n] {
				if (!ignorable(r) || r == '\u200c' || r == '\u200d') && bmp(r) && r >= 0x20 {
					rs = append(rs, r)
				}
			}
		}
		if sh.rtl {
			slices.Reverse(rs)
		}
		if d.t != nil {
			m := d.t.invisible[st.face]
			if m == nil {
				m = map[rune]bool{}
				d.t.invisible[st.face] = m
			}
			for _, r := range rs {
				m[r] = true
			}
		}
		cw := w * scale / float64(max(len(rs), 1))
		for k, r := range rs {
			c := string(r)
			if nat := d.f.GetStringWidth(c); nat > 0 && cw > 0 {
				d.f.RawWriteStr(strconv.FormatFloat(cw/nat*100, 'f', 2, 64) + " Tz")
			}
			d.f.Text(x+pen*scale+float64(k)*cw, y, c)
		}
		d.runes = rs[:0]
		pen += w
		i = j
	}
	z := d.hscale
	if z == 0 {
		z = 1
	}
	d.f.RawWriteStr("0 Tr " + strconv.FormatFloat(z*100, 'f', 2, 64) + " Tz")
}

// bmp reports whether r is a valid character of the Basic Multilingual
// Plane: fpdf's fonts map those only.
func bmp(r rune) bool { return r < 0x10000 && (r < 0xD800 || r > 0xDFFF) }

// glyphPath is a glyph's outline as PDF path operators, in font units.
type glyphPath struct {
	ops        []byte
	yMin, yMax float32
}

// path returns the outline of glyph id, made once per font and shared
// by every render.
func (sf *shapeFace) path(id font.GID) *glyphPath {
	if v, ok := sf.e.paths.Load(id); ok {
		return v.(*glyphPath)
	}
	gp := &glyphPath{}
	if o, ok := sf.face.GlyphData(id).(font.GlyphOutline); ok && len(o.Segments) > 0 {
		var b []byte
		var cx, cy float32
		first := true
		point := func(x, y float32) {
			if first {
				gp.yMin, gp.yMax, first = y, y, false
			}
			gp.yMin, gp.yMax = min(gp.yMin, y), max(gp.yMax, y)
			b = appendNum(b, float64(x), 0)
			b = append(b, ' ')
			b = appendNum(b, float64(y), 0)
			b = append(b, ' ')
		}
		for _, seg := range o.Segments {
			a := seg.Args
			switch seg.Op {
			case ot.SegmentOpMoveTo:
				point(a[0].X, a[0].Y)
				b = append(b, "m "...)
				cx, cy = a[0].X, a[0].Y
			case ot.SegmentOpLineTo:
				point(a[0].X, a[0].Y)
				b = append(b, "l "...)
				cx, cy = a[0].X, a[0].Y
			case ot.SegmentOpQuadTo:
				// the cubic Bézier curve of the quadratic one
				point(cx+(a[0].X-cx)*2/3, cy+(a[0].Y-cy)*2/3)
				point(a[1].X+(a[0].X-a[1].X)*2/3, a[1].Y+(a[0].Y-a[1].Y)*2/3)
				point(a[1].X, a[1].Y)
				b = append(b, "c "...)
				cx, cy = a[1].X, a[1].Y
			case ot.SegmentOpCubeTo:
				point(a[0].X, a[0].Y)
				point(a[1].X, a[1].Y)
				point(a[2].X, a[2].Y)
				b = append(b, "c "...)
				cx, cy = a[2].X, a[2].Y
			}
		}
		gp.ops = b
	}
	v, _ := sf.e.paths.LoadOrStore(id, gp)
	return v.(*glyphPath)
}

// appendNum appends v with at most prec decimals, without trailing
// zeros.
func appendNum(b []byte, v float64, prec int) []byte {
	n := len(b)
	b = strconv.AppendFloat(b, v, 'f', prec, 64)
	if prec > 0 {
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
		if b[len(b)-1] == '.' {
			b = b[:len(b)-1]
		}
	}
	if string(b[n:]) == "-0" {
		b = append(b[:n], '0')
	}
	return b
}

// appendColor appends the components of c, from 0 to 1.
func appendColor(b []byte, c rgb) []byte {
	for i, v := range [3]uint8{c.r, c.g, c.b} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum(b, float64(v)/255, 3)
	}
	return b
}
