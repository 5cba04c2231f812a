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

// runeWidth is width(string(r), st, where), without making the string.
func (m *measurer) runeWidth(r rune, st style, where string) float64 {
	a, ok := fonts[st.face].advance(r)
	if !ok {
		return m.width(string(r), st, where) // records the error
	}
	return float64(a) * st.size / 1000 * ptToMM
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// words splits runs into words at spaces. where names the text in errors.
// The words share one array of pieces.
func (m *measurer) words(runs []run, where string) []word {
	n := 0
	for _, r := range runs {
		n += strings.Count(r.text, " ") + 1
	}
	out := make([]word, 0, n)
	pieces := make([]piece, 0, n)
	var cur word
	start := 0 // of cur's pieces in pieces
	pendingSpace := false
	var spaceStyle style
	for _, r := range runs {
		text := r.text
		for i := 0; ; i++ {
			p, rest, more := strings.Cut(text, " ")
			if i > 0 {
				if len(pieces) > start {
					cur.pieces = pieces[start:len(pieces):len(pieces)]
					out = append(out, cur)
				}
				cur, start = word{}, len(pieces)
				pendingSpace = true
				spaceStyle = r.st
			}
			if p != "" {
				if len(pieces) == start && pendingSpace && len(out) > 0 {
					cur.space = m.width(" ", spaceStyle, where)
				}
				if len(pieces) == start {
					pendingSpace = false
				}
				w := m.width(p, r.st, where)
				pieces = append(pieces, piece{text: p, st: r.st, url: r.url, link: r.link, note: r.note, width: w})
				cur.width += w
			}
			if !more {
				break
			}
			text = rest
		}
	}
	if len(pieces) > start {
		cur.pieces = pieces[start:len(pieces):len(pieces)]
		out = append(out, cur)
	}
	return out
}

// wrap lays words out in lines no wider than maxWidth (mm). A word wider
// than a line is broken between characters, after a slash or hyphen when
// it can be. lead is the line height as a multiple of the font size. The
// lines share one array of words.
func (m *measurer) wrap(ws []word, maxWidth, lead float64, justify bool, where string) []line {
	var lines []line
	all := make([]word, 0, len(ws))
	var ends []int // where each line's words end in all
	cur := line{maxWidth: maxWidth, justify: justify}
	start := 0 // of cur's words in all
	newLine := func() {
		lines = append(lines, cur)
		ends = append(ends, len(all))
		cur, start = line{maxWidth: maxWidth, justify: justify}, len(all)
	}
	push := func(w word) {
		if len(all) == start {
			w.space = 0
		}
		all = append(all, w)
		cur.width += w.space + w.width
	}
	for _, w := range ws {
		if len(all) > start && cur.width+w.space+w.width > maxWidth {
			newLine()
		}
		if w.width > maxWidth {
			for _, part := range m.split(w, maxWidth-cur.width, maxWidth, where) {
				if len(all) > start && cur.width+part.space+part.width > maxWidth {
					newLine()
				}
				push(part)
			}
			continue
		}
		push(w)
	}
	if len(all) > start {
		cur.justify = false // the last line of a paragraph is never stretched
		lines = append(lines, cur)
		ends = append(ends, len(all))
	}
	start = 0
	for i := range lines {
		l := &lines[i]
		l.words = all[start:ends[i]:ends[i]]
		start = ends[i]
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
				cw := m.runeWidth(r, p.st, where)
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
