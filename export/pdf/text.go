package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// ptToMM converts points to millimetres, the unit of the page.
const ptToMM = 25.4 / 72

// style is how a run of text is set.
type style struct {
	face  face
	size  float64 // in points
	color rgb
	rise  float64 // baseline shift in points (superscripts)
	// hscale scales the text horizontally: 0.9 sets it at 90 % of its
	// width. 0 is no scaling.
	hscale float64
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
	// the language of the text when it is not the briefing's (the
	// original title of a source), which the shaper may set differently
	lang language.Tag
}

// piece is the part of a run within one word: in a paragraph fpdf
// cannot set alone (see complexWords), the part of one bidirectional
// level, script and font.
type piece struct {
	text string
	// at is the run the piece is part of, for its style, link and
	// footnote (not its text): the pieces of a run share them, where a
	// copy in each took 112 bytes a piece instead of 48.
	at    *run
	width float64 // mm
	sh    *shaped // the glyphs when the shaper sets it, nil when fpdf does
	level uint8   // bidirectional embedding level: even left to right, odd right to left
}

// sameRun reports whether pieces of a and b are set alike and link to
// the same place.
func sameRun(a, b *run) bool {
	return a == b || a.st == b.st && a.url == b.url && a.link == b.link && a.note == b.note
}

// word is what lies between two breakable spaces, or a line break.
type word struct {
	pieces []piece
	width  float64
	space  float64 // width of the space before it, mm
	brk    float64 // a line break: the size of its text, pt; 0 for a word
	// the bidirectional level of the space before it
	spaceLevel uint8
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
	// pieces set by the shaper or right to left: the line is drawn
	// piece by piece in the order of the bidirectional algorithm
	complex bool
}

// measurer measures text and records the characters the fonts cannot
// draw, each with the first text that holds it.
type measurer struct {
	missing []missingGlyph
	seen    map[rune]bool
	ts      *typesetter // made on first use, with the built-in fonts, when Render has not set it
}

// missingGlyph is a character the fonts cannot draw, where it was first
// met and the text that holds it there.
type missingGlyph struct {
	r           rune
	where, text string
}

// maxMissing is how many missing characters the error of a render lists.
const maxMissing = 20

// err returns nil, or an error wrapping ErrGlyph that lists the
// characters the fonts cannot draw (up to maxMissing of them), each with
// where it was first met: "pdf: character not in fonts: U+0627 ARABIC
// LETTER ALEF (Arabic), U+0644 ARABIC LETTER LAM (Arabic) in source
// aljazeera-1: "…"; U+1F642 SLIGHTLY SMILING FACE (Common) in statement
// 2022-01-05-02: "…"".
func (m *measurer) err() error {
	if m.ts != nil && m.ts.err != nil {
		return fmt.Errorf("pdf: %w", m.ts.err)
	}
	if len(m.missing) == 0 {
		return nil
	}
	var b strings.Builder
	first := 0 // the first character of the text being listed
	for i, g := range m.missing {
		if i == maxMissing {
			fmt.Fprintf(&b, "; and %d more (Check lists every text that holds one)", len(m.missing)-i)
			break
		}
		switch {
		case i == 0:
		case i == first:
			b.WriteString("; ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(describe(g.r))
		if next := i + 1; next < len(m.missing) && next < maxMissing && m.missing[next].where == g.where && m.missing[next].text == g.text {
			continue // the next character is from the same text
		}
		fmt.Fprintf(&b, " in %s: %q", g.where, excerpt(g.text, m.missing[first].r, 60))
		first = i + 1
	}
	return fmt.Errorf("pdf: %w: %s", ErrGlyph, b.String())
}

// width returns the width of s in mm, set on one line (see oneLine).
// where names the text in errors.
func (m *measurer) width(s string, st style, where string) float64 {
	return m.measure(oneLine(s), st, where)
}

// measure returns the width in mm of s, which holds no tab or line break.
// Text fpdf cannot set alone is laid out as a line (see lineOf), and a
// character no font has is recorded.
func (m *measurer) measure(s string, st style, where string) float64 {
	w, ok := fonts[st.face].width(s, st.size)
	if !ok {
		return m.lineOf(s, st, where).width
	}
	return w * ptToMM
}

// runeWidth is measure(string(r), st, where), without making the string.
func (m *measurer) runeWidth(r rune, st style, where string) float64 {
	a, ok := fonts[st.face].advance(r)
	if !ok {
		return m.measure(string(r), st, where) // records r
	}
	return float64(a) * st.size / 1000 * ptToMM
}

// excerpt returns s, or when it is longer than n characters, the n or so
// around the first r it holds, marking what it leaves out with "…".
func excerpt(s string, r rune, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	at := max(0, slices.Index(rs, r))
	from := max(0, at-n/3)
	to := min(len(rs), from+n)
	from = max(0, to-n)
	out := string(rs[from:to])
	if from > 0 {
		out = "…" + out
	}
	if to < len(rs) {
		out += "…"
	}
	return out
}

// nextSpace returns where the first space, tab or line break of s is, its
// length in bytes and whether it is a line break (see lineBreak); -1
// when s has none.
func nextSpace(s string) (at, n int, brk bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			return i, 1, false
		case c < 0x20 || c == 0xC2 || c == 0xE2:
			if n := lineBreak(s[i:]); n > 0 {
				return i, n, true
			}
		}
	}
	return -1, 0, false
}

// words splits runs into words at spaces and tabs, and at line breaks,
// each of which is a word of its own with no pieces (word.brk). where
// names the text in errors. The words share one array of pieces. A
// paragraph that fpdf cannot set with the Liberation fonts alone goes
// to complexWords.
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
	for ri := range runs {
		r := &runs[ri]
		text := r.text
		for {
			at, size, brk := nextSpace(text)
			p := text
			if at >= 0 {
				p = text[:at]
			}
			if p != "" {
				if len(pieces) == start && pendingSpace && len(out) > 0 {
					cur.space = m.measure(" ", spaceStyle, where)
				}
				if len(pieces) == start {
					pendingSpace = false
				}
				w, ok := fonts[r.st.face].width(p, r.st.size)
				if !ok {
					return m.complexWords(runs, where)
				}
				w *= ptToMM
				pieces = append(pieces, piece{text: p, at: r, width: w})
				cur.width += w
			}
			if at < 0 {
				break
			}
			if len(pieces) > start {
				cur.pieces = pieces[start:len(pieces):len(pieces)]
				out = append(out, cur)
			}
			cur, start = word{}, len(pieces)
			if brk {
				out = append(out, word{brk: r.st.size})
				pendingSpace = false
			} else {
				pendingSpace = true
				spaceStyle = r.st
			}
			text = text[at+size:]
		}
	}
	if len(pieces) > start {
		cur.pieces = pieces[start:len(pieces):len(pieces)]
		out = append(out, cur)
	}
	return out
}

// wrap lays words out in lines no wider than maxWidth (mm), starting a
// new line at each line break. A word wider than a line is broken between
// characters, after a slash or hyphen when it can be (see split). lead is the line height as a multiple of the font size. The
// lines share one array of words.
func (m *measurer) wrap(ws []word, maxWidth, lead float64, justify bool, where string) []line {
	var lines []line
	all := make([]word, 0, len(ws))
	ends := make([]int, 0, 16) // where each line's words end in all
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
		if w.brk > 0 {
			// the line ends here, and is not stretched; an empty one
			// keeps the height of its text
			cur.justify = false
			if len(all) == start {
				cur.height = w.brk * lead * ptToMM
				cur.ascent = cur.height - (lead-1)/2*w.brk*ptToMM - 0.22*w.brk*ptToMM
			}
			newLine()
			continue
		}
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
			if w.spaceLevel > 0 {
				l.complex = true
			}
			for _, p := range w.pieces {
				h := p.at.st.size * lead * ptToMM
				if h > l.height {
					l.height = h
					l.ascent = h - (lead-1)/2*p.at.st.size*ptToMM - 0.22*p.at.st.size*ptToMM
				}
				if p.at.note > 0 && (len(l.notes) == 0 || l.notes[len(l.notes)-1] != p.at.note) {
					l.notes = append(l.notes, p.at.note)
				}
				if p.sh != nil || p.level > 0 {
					l.complex = true
				}
			}
		}
		if l.complex {
			l.fitGlyphs()
		}
	}
	return lines
}

// minScale is how much a number wider than a line may be condensed to
// fit it: to half its width. A longer string of digits is no figure, and
// is broken like other text.
const minScale = 0.5

// split breaks an over-long word (a URL) into parts, the first no wider
// than first, the others no wider than rest. It breaks between
// characters, after one of "/-_.?&=" when it can, and never within a
// number (see numberEnd): a number wider than a whole line is set alone
// on its part, condensed to fit (style.hscale). Only a string of digits
// that would have to be condensed beyond minScale is broken.
func (m *measurer) split(w word, first, rest float64, where string) []word {
	var out []word
	cur := word{space: w.space}
	limit := first
	if limit < rest/4 {
		limit = rest
	}
	for _, p := range w.pieces {
		if p.sh != nil {
			// set by the shaper: cut between its clusters
			for i, q := range m.cutShaped(p, limit-cur.width, rest) {
				if i > 0 || cur.width+q.width > limit && len(cur.pieces) > 0 {
					out = append(out, cur)
					cur, limit = word{}, rest
				}
				cur.pieces = append(cur.pieces, q)
				cur.width += q.width
			}
			continue
		}
		text := p.text
		long := 0 // text[:long] is part of a number too long to keep whole
		for text != "" {
			// take as many characters, and whole numbers, as fit
			n, width, scale := 0, 0.0, 0.0
			lastBreak, lastBreakW := -1, 0.0
			for n < len(text) {
				r, size := utf8.DecodeRuneInString(text[n:])
				end, uw, num := n+size, 0.0, false
				if n >= long {
					if k := numberEnd(text, n); k > end {
						uw = m.measure(text[n:k], p.at.st, where)
						if uw*minScale <= rest {
							end, num = k, true
						} else {
							long = k
						}
					}
				}
				if !num {
					uw = m.runeWidth(r, p.at.st, where)
				}
				if cur.width+width+uw > limit && (n > 0 || num && len(cur.pieces) > 0) {
					break
				}
				if num && uw > rest {
					// a number wider than a line, alone on its part
					n, width, scale = end, rest, rest/uw
					break
				}
				width += uw
				n = end
				if !num && strings.ContainsRune("/-_.?&=", r) {
					lastBreak, lastBreakW = n, width
				}
			}
			if n < len(text) && lastBreak > 0 && scale == 0 {
				n, width = lastBreak, lastBreakW
			}
			if n == 0 { // nothing fits on this part: start a new one
				if len(cur.pieces) > 0 {
					out = append(out, cur)
				}
				cur, limit = word{}, rest
				continue
			}
			q := p
			q.text, q.width = text[:n], width
			if scale > 0 {
				at := *q.at
				at.st.hscale = scale
				q.at = &at
			}
			cur.pieces = append(cur.pieces, q)
			cur.width += width
			text = text[n:]
			long = max(0, long-n)
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

// numberEnd returns where the number that starts at s[i] ends, or i when
// no number does: digits, with the separators of thousands and decimals
// between them (see numberSep), after a sign ('-', '+', U+2212 MINUS
// SIGN) that follows no letter or digit.
func numberEnd(s string, i int) int {
	j := i
	if r, n := utf8.DecodeRuneInString(s[j:]); r == '-' || r == '+' || r == '\u2212' {
		if prev, _ := utf8.DecodeLastRuneInString(s[:i]); i > 0 && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
			return i
		}
		j += n
	}
	k := digitsEnd(s, j)
	if k == j {
		return i
	}
	for {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !numberSep(r) {
			return k
		}
		e := digitsEnd(s, k+n)
		if e == k+n {
			return k // a separator with no digit after it ends the number
		}
		k = e
	}
}

// numberSep reports whether r separates the groups of digits of a number
// or its decimals: a comma, a full stop, a no-break space, a narrow
// no-break space (French), a thin space, a figure space, and the Arabic
// decimal and thousands separators.
func numberSep(r rune) bool {
	switch r {
	case ',', '.', '\u00a0', '\u202f', '\u2009', '\u2007', '\u066b', '\u066c':
		return true
	}
	return false
}

// digitsEnd returns where the digits that start at s[i] end.
func digitsEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c >= '0' && c <= '9' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < utf8.RuneSelf || !unicode.IsDigit(r) {
			break
		}
		i += n
	}
	return i
}
