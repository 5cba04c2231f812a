package pdf

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ptToMM converts points to millimetres, the unit of the page.
const ptToMM = 25.4 / 72

// style is how a run of text is set.
type style struct {
	face  face
	size  float64 // in points
	color rgb
	rise  float64 // baseline shift in points (superscripts)
}

type rgb struct{ r, g, b uint8 }

var (
	black = rgb{0, 0, 0}
	grey  = rgb{90, 90, 90}
	navy  = rgb{20, 45, 90}
	red   = rgb{170, 30, 30}
	blue  = rgb{20, 70, 160}
)

// run is text in one style. Spaces (U+0020) are where lines may break; the
// no-break spaces U+00A0 and U+202F never are.
type run struct {
	text string
	st   style
	url  string // an external link
	link int    // an internal link (fpdf link id), 0 for none
	note int    // the footnote this marker calls, 0 for none
}

// piece is the part of a run within one word.
type piece struct {
	text  string
	st    style
	url   string
	link  int
	note  int
	width float64 // mm
}

// word is what lies between two breakable spaces.
type word struct {
	pieces []piece
	width  float64
	space  float64 // width of the space before it, mm
}

// line is a laid-out line of text.
type line struct {
	words    []word
	width    float64 // natural width, mm
	height   float64 // mm
	ascent   float64 // baseline from the top, mm
	justify  bool
	maxWidth float64
	notes    []int // footnotes called on this line
}

// measurer measures text and remembers the first character the fonts
// cannot draw.
type measurer struct {
	err error
}

func (m *measurer) width(s string, st style, where string) float64 {
	w, r, ok := fonts[st.face].width(s, st.size)
	if !ok {
		if m.err == nil {
			m.err = fmt.Errorf("pdf: %s: %w: %q (%U) in %q", where, ErrGlyph, r, r, cut(s, 60))
		}
		return 0
	}
	return w * ptToMM
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// words splits runs into words at spaces. where names the text in errors.
func (m *measurer) words(runs []run, where string) []word {
	var out []word
	var cur word
	pendingSpace := false
	var spaceStyle style
	flush := func() {
		if len(cur.pieces) > 0 {
			out = append(out, cur)
		}
		cur = word{}
	}
	for _, r := range runs {
		parts := strings.Split(r.text, " ")
		for i, p := range parts {
			if i > 0 {
				flush()
				pendingSpace = true
				spaceStyle = r.st
			}
			if p == "" {
				continue
			}
			if len(cur.pieces) == 0 && pendingSpace && len(out) > 0 {
				cur.space = m.width(" ", spaceStyle, where)
			}
			if len(cur.pieces) == 0 {
				pendingSpace = false
			}
			w := m.width(p, r.st, where)
			cur.pieces = append(cur.pieces, piece{text: p, st: r.st, url: r.url, link: r.link, note: r.note, width: w})
			cur.width += w
		}
	}
	flush()
	return out
}

// wrap lays words out in lines no wider than maxWidth (mm). A word wider
// than a line is broken between characters, after a slash or hyphen when
// it can be. lead is the line height as a multiple of the font size.
func (m *measurer) wrap(ws []word, maxWidth, lead float64, justify bool, where string) []line {
	var lines []line
	var cur line
	newLine := func() line { return line{maxWidth: maxWidth, justify: justify} }
	cur = newLine()
	push := func(w word) {
		if len(cur.words) == 0 {
			w.space = 0
		}
		cur.words = append(cur.words, w)
		cur.width += w.space + w.width
	}
	for _, w := range ws {
		if len(cur.words) > 0 && cur.width+w.space+w.width > maxWidth {
			lines = append(lines, cur)
			cur = newLine()
		}
		if w.width > maxWidth {
			for _, part := range m.split(w, maxWidth-cur.width, maxWidth, where) {
				if len(cur.words) > 0 && cur.width+part.space+part.width > maxWidth {
					lines = append(lines, cur)
					cur = newLine()
				}
				push(part)
			}
			continue
		}
		push(w)
	}
	if len(cur.words) > 0 {
		cur.justify = false // the last line of a paragraph is never stretched
		lines = append(lines, cur)
	}
	for i := range lines {
		l := &lines[i]
		for _, w := range l.words {
			for _, p := range w.pieces {
				h := p.st.size * lead * ptToMM
				if h > l.height {
					l.height = h
					l.ascent = h - (lead-1)/2*p.st.size*ptToMM - 0.22*p.st.size*ptToMM
				}
				if p.note > 0 && (len(l.notes) == 0 || l.notes[len(l.notes)-1] != p.note) {
					l.notes = append(l.notes, p.note)
				}
			}
		}
	}
	return lines
}

// split breaks an over-long word (a URL) into parts, the first no wider
// than first, the others no wider than rest.
func (m *measurer) split(w word, first, rest float64, where string) []word {
	var out []word
	cur := word{space: w.space}
	limit := first
	if limit < rest/4 {
		limit = rest
		cur.space = w.space
	}
	for _, p := range w.pieces {
		text := p.text
		for text != "" {
			// take as many characters as fit
			n, width := 0, 0.0
			lastBreak, lastBreakW := -1, 0.0
			for i, r := range text {
				cw := m.width(string(r), p.st, where)
				if cur.width+width+cw > limit && n > 0 {
					break
				}
				width += cw
				n = i + utf8.RuneLen(r)
				if strings.ContainsRune("/-_.?&=", r) {
					lastBreak, lastBreakW = n, width
				}
			}
			if n < len(text) && lastBreak > 0 {
				n, width = lastBreak, lastBreakW
			}
			if n == 0 { // nothing fits on this line: start a new part
				if len(cur.pieces) > 0 {
					out = append(out, cur)
				}
				cur, limit = word{}, rest
				continue
			}
			q := p
			q.text, q.width = text[:n], width
			cur.pieces = append(cur.pieces, q)
			cur.width += width
			text = text[n:]
			if text != "" {
				out = append(out, cur)
				cur, limit = word{}, rest
			}
		}
	}
	if len(cur.pieces) > 0 {
		out = append(out, cur)
	}
	return out
}
