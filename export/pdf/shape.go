package pdf

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	tlang "github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/segmenter"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/language"
)

// typesetter sets the text the Liberation fonts cannot set on their own
// through fpdf: it resolves the bidirectional levels of a paragraph,
// picks a font for each run from the fallback chain of its style, and
// shapes the runs that need it. One serves one render (or one measurer)
// at a time.
type typesetter struct {
	chains  [numFaces][]*fontEntry
	picks   [numFaces]map[rune]int16 // index in the chain of the first font covering a rune, -1 for none
	faces   map[*fontEntry]*shapeFace
	hb      shaping.HarfbuzzShaper
	para    bidi.Paragraph
	seg     segmenter.Segmenter
	text    []rune
	levels  []uint8
	scripts []tlang.Script
	runs    map[runKey]int    // the font picked for a run of characters
	lines   map[lineKey]*line // texts set on one line
	err     error             // a font that could not be read
}

// lineKey keys a text set on one line.
type lineKey struct {
	s  string
	st style
}

// shapeFace is a font of the chains as this render shapes and draws it.
type shapeFace struct {
	e    *fontEntry
	face *font.Face
	upem float64
}

// shaped is a piece of text set by the shaper, in one font, one
// direction and one script.
type shaped struct {
	sf     *shapeFace
	runes  []rune // the piece's characters, in logical order
	rtl    bool
	script tlang.Script
	lang   tlang.Language
	glyphs []shapedGlyph // from left to right
	adv    float64       // width, font units
	top    float64       // the highest point of its glyphs above the baseline, font units
	bottom float64       // the lowest below it, font units (positive)
}

// shapedGlyph is a glyph placed by the shaper, in font units.
type shapedGlyph struct {
	id      font.GID
	x, y    float32 // offset from the pen (y up)
	adv     float32
	cluster int32 // the index in runes of the first character of its cluster
	n       int32 // how many characters the cluster holds
}

func newTypesetter(set *FontSet) *typesetter {
	ts := &typesetter{faces: map[*fontEntry]*shapeFace{}, runs: map[runKey]int{}, lines: map[lineKey]*line{}}
	for f := range numFaces {
		ts.chains[f] = set.chain(f)
		ts.picks[f] = map[rune]int16{}
	}
	return ts
}

// typesetter returns the measurer's typesetter, made with the built-in
// fonts when the measurer has none.
func (m *measurer) typesetter() *typesetter {
	if m.ts == nil {
		m.ts = newTypesetter(nil)
	}
	return m.ts
}

// pick returns the index in the chain of face f of the first font that
// covers r, or -1. No font covers U+FFFD REPLACEMENT CHARACTER, which
// marks a character lost before the text reached the dossier: the
// briefing must not print it as if it were text.
func (ts *typesetter) pick(f face, r rune) int {
	if i, ok := ts.picks[f][r]; ok {
		return int(i)
	}
	i := -1
	for k, e := range ts.chains[f] {
		if e.covers(r) && r != unicode.ReplacementChar {
			i = k
			break
		}
	}
	ts.picks[f][r] = int16(i)
	return i
}

// covered reports whether a font of the chain of face f draws r, or r
// needs none: a line break, a tab, a default-ignorable code point.
func (ts *typesetter) covered(f face, r rune) bool {
	return r == '\t' || isBreakRune(r) || ignorable(r) || ts.pick(f, r) >= 0
}

// face returns the render's face of a font, parsing the font the first
// time any render needs it.
func (ts *typesetter) face(e *fontEntry) *shapeFace {
	if sf, ok := ts.faces[e]; ok {
		return sf
	}
	f, err := e.load()
	if err != nil {
		if ts.err == nil {
			ts.err = fmt.Errorf("%w: %w", ErrRender, err)
		}
		ts.faces[e] = nil
		return nil
	}
	sf := &shapeFace{e: e, face: font.NewFace(f), upem: e.upem}
	ts.faces[e] = sf
	return sf
}

// bidiLevels returns the embedding level of each character of a
// paragraph whose direction is left to right, as the Unicode
// bidirectional algorithm (UAX #9) resolves them.
//
// The go-text bidi package resolves the level of every character, but
// its Runs give the level of runs of one direction only, while rule L2
// needs the levels themselves: in "Latin عربي 2022", the Arabic is at
// level 1 and the number at 2, which Runs merges with the Latin at 0.
// The levels are read from the field that holds them; should a version
// of the package rename it, the levels of the runs are used, and
// TestBidiLevels fails.
func (ts *typesetter) bidiLevels(text []rune) []uint8 {
	levels := ts.levels[:0]
	runs := ts.para.Segment(text, bidi.LeftToRight)
	if v := reflect.ValueOf(runs).FieldByName("levels"); v.IsValid() && v.Kind() == reflect.Slice && v.Len() == len(text) && v.Type().Elem().Kind() == reflect.Int8 {
		for i := range len(text) {
			levels = append(levels, uint8(v.Index(i).Int()))
		}
	} else {
		for i := range runs.NumRuns() {
			r := runs.Run(i)
			for range r.End - r.Start {
				levels = append(levels, uint8(r.Level))
			}
		}
		for len(levels) < len(text) {
			levels = append(levels, 0)
		}
	}
	ts.levels = levels
	return levels
}

// needsBidi reports whether r may change the order of the text around
// it: a right-to-left letter or Arabic digit, or an embedding, override
// or isolate that may turn text right to left.
func needsBidi(r rune) bool {
	switch {
	case r < 0x590:
		return false
	case r <= 0x8FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFC,
		r >= 0x10800 && r <= 0x10FFF, r >= 0x1E800 && r <= 0x1EFFF:
		return true // Hebrew, Arabic, Syriac, Thaana, N'Ko…, their presentation forms and supplements
	case r == 0x202B || r == 0x202E || r == 0x2067 || r == 0x2068:
		return true // RLE, RLO, RLI, FSI
	}
	return false
}

// isolate returns s, when it holds right-to-left text, between U+2068
// FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, as HTML's <bdi>
// does: a name or title inserted in a sentence is then ordered as a
// whole, in its own direction, and leaves the order of what follows it
// alone ("الجزيرة, 5 January" keeps the date after the name, where the
// bidirectional algorithm would move the 5 before it). Other strings are
// returned as they are.
func isolate(s string) string {
	for _, r := range s {
		if r >= 0x590 && needsBidi(r) {
			return "\u2068" + s + "\u2069"
		}
	}
	return s
}

// ideographic reports whether lines may break before or after r, as
// between Chinese and Japanese characters.
func ideographic(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
		return true // CJK symbols and punctuation, full-width forms
	}
	s := tlang.LookupScript(r)
	return s == tlang.Han || s == tlang.Hiragana || s == tlang.Katakana
}

// complexWords is words for a paragraph that fpdf cannot set with the
// Liberation fonts alone: it holds a character they lack, a character
// they must not set one by one (a combining mark, see needsShaping), or
// right-to-left text. The paragraph's levels are resolved as a whole;
// its words are cut into pieces of one run, level, script and font, each
// set by fpdf when Liberation draws it left to right as it is, and by
// the shaper otherwise.
func (m *measurer) complexWords(runs []run, where string) []word {
	ts := m.typesetter()
	text := ts.text[:0]
	bounds := make([]int, len(runs)+1)
	for i, r := range runs {
		bounds[i] = len(text)
		if r.note > 0 {
			// a footnote call is no part of the sentence's order: "…
			// “שלום”.¹" keeps the period and the call after the quote
			text = append(text, '\u2066') // LEFT-TO-RIGHT ISOLATE
		}
		for _, c := range r.text {
			text = append(text, c)
		}
		if r.note > 0 {
			text = append(text, '\u2069') // POP DIRECTIONAL ISOLATE
		}
	}
	bounds[len(runs)] = len(text)
	ts.text = text
	levels := ts.bidiLevels(text)

	var out []word
	var cur word
	pending := false // a space before the next word
	var spaceSt style
	var spaceLevel uint8
	flush := func() {
		if len(cur.pieces) > 0 {
			out = append(out, cur)
		}
		cur = word{}
	}
	for ri := range runs {
		r := &runs[ri]
		for i, end := bounds[ri], bounds[ri+1]; i < end; {
			c := text[i]
			switch {
			case c == ' ' || c == '\t':
				flush()
				pending, spaceSt, spaceLevel = true, r.st, levels[i]
				if c == '\t' {
					spaceLevel = 0 // a segment separator is at the paragraph's level (L1)
				}
				i++
				continue
			case isBreakRune(c):
				flush()
				out = append(out, word{brk: r.st.size})
				pending = false
				if c == '\r' && i+1 < end && text[i+1] == '\n' {
					i++
				}
				i++
				continue
			}
			j := i
			for j < end && text[j] != ' ' && text[j] != '\t' && !isBreakRune(text[j]) {
				j++
			}
			start := func() {
				if pending && len(out) > 0 {
					cur.space = m.measure(" ", spaceSt, where)
					cur.spaceLevel = spaceLevel
				}
				pending = false
			}
			for _, k := range ts.ideographBreaks(text, i, j) {
				start()
				m.addPieces(&cur, r, text, levels, i, k, where)
				flush()
				i = k
			}
			start()
			m.addPieces(&cur, r, text, levels, i, j, where)
			i = j
		}
	}
	flush()
	return out
}

// ideographBreaks returns where lines may break within text[i:j], a
// stretch with no space: between ideographs, as UAX #14 allows (not
// before a closing bracket or a small kana, not after an opening
// bracket).
func (ts *typesetter) ideographBreaks(text []rune, i, j int) []int {
	any := false
	for _, r := range text[i:j] {
		if ideographic(r) {
			any = true
			break
		}
	}
	if !any {
		return nil
	}
	var out []int
	ts.seg.Init(text[i:j])
	it := ts.seg.LineIterator()
	for it.Next() {
		l := it.Line()
		if k := i + l.Offset; l.Offset > 0 && (ideographic(text[k-1]) || ideographic(text[k])) {
			out = append(out, k)
		}
	}
	return out
}

// addPieces adds to w the pieces of text[i:j], a stretch of run r with no
// space or line break: its segments of one bidirectional level and one
// script (Common and Inherited characters taking the script of their
// neighbours), each in the first font of the chain of r's style that
// covers the whole segment (see pickRun). A segment that no font covers
// whole is set character by character, each in the first font that
// covers it, marks and joiners staying in the font of their base.
func (m *measurer) addPieces(w *word, r *run, text []rune, levels []uint8, i, j int, where string) {
	ts := m.typesetter()
	f := r.st.face
	scripts := ts.scripts[:0]
	for _, c := range text[i:j] {
		scripts = append(scripts, tlang.LookupScript(c))
	}
	// marks take the script of their base; a stretch of characters of
	// no script (punctuation, digits) that of the characters around it
	// when they are of one script, and stays of none otherwise: the
	// quotation marks around a title in another script are set in the
	// font of the text around it.
	last := tlang.Common
	for k, sc := range scripts {
		if sc == tlang.Inherited {
			scripts[k] = last
		} else if sc.Strong() {
			last = sc
		}
	}
	for k := 0; k < len(scripts); {
		if scripts[k] != tlang.Common {
			k++
			continue
		}
		e := k
		for e < len(scripts) && scripts[e] == tlang.Common {
			e++
		}
		if k > 0 && e < len(scripts) && scripts[k-1] == scripts[e] {
			for l := k; l < e; l++ {
				scripts[l] = scripts[e]
			}
		}
		k = e
	}
	ts.scripts = scripts
	for k := i; k < j; {
		e := k + 1
		for e < j && levels[e] == levels[k] && scripts[e-i] == scripts[k-i] {
			e++
		}
		if fi := ts.pickRun(f, text[k:e], r.lang); fi >= 0 {
			m.addPiece(w, r, text, k, e, levels[k], scripts[k-i], fi)
			k = e
			continue
		}
		// character by character
		chain := ts.chains[f]
		prev := -1
		from := k
		for c := k; c < e; c++ {
			fi := prev
			if !(prev >= 0 && (ignorable(text[c]) || tlang.LookupScript(text[c]) == tlang.Inherited) && chain[prev].covers(text[c])) && !ignorable(text[c]) {
				if fi = ts.pick(f, text[c]); fi < 0 {
					m.missRune(text[c], where, r.text)
					fi = max(prev, 0)
				}
			}
			if fi < 0 {
				fi = 0
			}
			if c > from && fi != prev {
				m.addPiece(w, r, text, from, c, levels[k], scripts[k-i], prev)
				from = c
			}
			prev = fi
		}
		m.addPiece(w, r, text, from, e, levels[k], scripts[k-i], max(prev, 0))
		k = e
	}
}

// addPiece adds to w the piece text[k:e] of run r, at a level, in a
// script, in font fi of the chain of r's style: set by fpdf when that is
// Liberation, left to right, and fpdf can set every character; by the
// shaper otherwise.
func (m *measurer) addPiece(w *word, r *run, text []rune, k, e int, level uint8, sc tlang.Script, fi int) {
	ts := m.typesetter()
	p := piece{text: string(text[k:e]), at: r, level: level}
	if fi == 0 && level%2 == 0 {
		if wd, ok := fonts[r.st.face].width(p.text, p.at.st.size); ok {
			p.width = wd * ptToMM
			w.width += p.width
			if n := len(w.pieces); n > 0 {
				if q := &w.pieces[n-1]; q.sh == nil && q.level == level && sameRun(q.at, p.at) {
					// the same run set by fpdf, cut by a change of script
					q.text += p.text
					q.width += p.width
					return
				}
			}
			w.pieces = append(w.pieces, p)
			return
		}
	}
	p.sh = ts.shape(text, k, e, level%2 == 1, sc, r.lang, ts.chains[r.st.face][fi])
	if p.sh != nil {
		p.width = p.sh.adv * p.at.st.size / p.sh.sf.upem * ptToMM
	}
	w.pieces = append(w.pieces, p)
	w.width += p.width
}

// pickRun returns the index in the chain of face f of the font to set
// the characters rs in, all of one script: the face's Liberation font
// when it covers them all; else, among the fonts that cover them all, the
// first whose name says it is made for that script ("Noto Naskh
// Arabic", "Noto Serif Bengali") or, for Chinese, Japanese and Korean
// text in a known language, that region ("Noto Serif CJK SC" for
// Chinese); else the first. It returns -1 when no font covers them all.
func (ts *typesetter) pickRun(f face, rs []rune, lang language.Tag) int {
	k := runKey{f: f, s: string(rs), lang: lang}
	if i, ok := ts.runs[k]; ok {
		return i
	}
	chain := ts.chains[f]
	covers := func(e *fontEntry) bool {
		for _, c := range rs {
			if !ignorable(c) && (c == unicode.ReplacementChar || !e.covers(c)) {
				return false
			}
		}
		return true
	}
	i := -1
	if covers(chain[0]) {
		i = 0
	} else {
		hint := ""
		for _, c := range rs {
			if sc := script(c); sc != "Common" && sc != "Inherited" {
				hint = sc
				break
			}
		}
		switch hint {
		case "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo":
			hint = cjkRegion(lang)
		}
		for n, e := range chain[1:] {
			if !covers(e) {
				continue
			}
			if i < 0 {
				i = n + 1
			}
			if hint != "" && strings.Contains(" "+e.family+" ", " "+hint+" ") {
				i = n + 1
				break
			}
		}
	}
	ts.runs[k] = i
	return i
}

// runKey keys the font picked for a run of characters.
type runKey struct {
	f    face
	s    string
	lang language.Tag
}

// cjkRegion returns the suffix that names the fonts of a Chinese,
// Japanese or Korean language's region ("Noto Sans CJK SC"), or "" when
// the language is not known.
func cjkRegion(lang language.Tag) string {
	base, _ := lang.Base()
	switch base.String() {
	case "ja":
		return "JP"
	case "ko":
		return "KR"
	case "zh":
		sc, _ := lang.Script()
		reg, _ := lang.Region()
		switch {
		case reg.String() == "HK" || reg.String() == "MO":
			return "HK"
		case sc.String() == "Hant" || reg.String() == "TW":
			return "TC"
		}
		return "SC"
	}
	return ""
}

// missRune records r, which no font draws, with the text that holds it.
func (m *measurer) missRune(r rune, where, text string) {
	if m.seen[r] {
		return
	}
	if m.seen == nil {
		m.seen = map[rune]bool{}
	}
	m.seen[r] = true
	m.missing = append(m.missing, missingGlyph{r: r, where: where, text: text})
}

// shape sets text[start:end] in font e, right to left or not, with the
// rest of text as context (joining Arabic letters across pieces).
func (ts *typesetter) shape(text []rune, start, end int, rtl bool, sc tlang.Script, lang language.Tag, e *fontEntry) *shaped {
	sf := ts.face(e)
	if sf == nil {
		return nil
	}
	sh := &shaped{sf: sf, runes: append([]rune(nil), text[start:end]...), rtl: rtl, script: sc}
	if lang != language.Und {
		sh.lang = tlang.NewLanguage(lang.String())
	}
	ts.setGlyphs(sh, text, start, end)
	return sh
}

// setGlyphs shapes sh's text, text[start:end].
func (ts *typesetter) setGlyphs(sh *shaped, text []rune, start, end int) {
	dir := di.DirectionLTR
	if sh.rtl {
		dir = di.DirectionRTL
	}
	out := ts.hb.ShapeNoExtents(shaping.Input{
		Text: text, RunStart: start, RunEnd: end, Direction: dir,
		Face: sh.sf.face, Size: fixed.I(int(sh.sf.upem)), Script: sh.script, Language: sh.lang,
	})
	sh.glyphs = make([]shapedGlyph, len(out.Glyphs))
	sh.adv, sh.top, sh.bottom = 0, 0, 0
	for i, g := range out.Glyphs {
		sg := shapedGlyph{
			id: g.GlyphID, adv: float32(g.Advance) / 64, x: float32(g.XOffset) / 64, y: float32(g.YOffset) / 64,
			cluster: int32(g.TextIndex() - start), n: int32(g.RunesCount()),
		}
		sh.glyphs[i] = sg
		sh.adv += float64(sg.adv)
		if gp := sh.sf.path(g.GlyphID); len(gp.ops) > 0 {
			sh.top = max(sh.top, float64(gp.yMax+sg.y))
			sh.bottom = max(sh.bottom, -float64(gp.yMin+sg.y))
		}
	}
}

// lineOf returns s (with no tab or line break) set on one line in st,
// laid out once per render.
func (m *measurer) lineOf(s string, st style, where string) *line {
	ts := m.typesetter()
	k := lineKey{s, st}
	if l, ok := ts.lines[k]; ok {
		return l
	}
	ls := m.wrap(m.complexWords([]run{{text: s, st: st}}, where), math.Inf(1), 1, false, where)
	l := &line{}
	if len(ls) > 0 {
		l = &ls[0]
	}
	ts.lines[k] = l
	return l
}

// cutShaped cuts a piece set by the shaper into parts at the boundaries
// of its clusters, the first no wider than first (mm), the others no
// wider than rest, each at least one cluster; each part is shaped again
// on its own (an Arabic letter at a cut takes its final or initial form),
// and one that grows too wide gives back clusters.
func (m *measurer) cutShaped(p piece, first, rest float64) []piece {
	sh := p.sh
	scale := p.at.st.size / sh.sf.upem * ptToMM
	// the width of each cluster, by its first character, in logical order
	widths := map[int32]float64{}
	var starts []int32
	for _, g := range sh.glyphs {
		if _, ok := widths[g.cluster]; !ok {
			starts = append(starts, g.cluster)
		}
		widths[g.cluster] += float64(g.adv) * scale
	}
	if sh.rtl {
		slices.Reverse(starts)
	}
	end := func(i int) int {
		if i < len(starts) {
			return int(starts[i])
		}
		return len(sh.runes)
	}
	var out []piece
	limit := first
	for from := 0; from < len(starts); limit = rest {
		to, w := from+1, widths[starts[from]]
		for to < len(starts) && w+widths[starts[to]] <= limit {
			w += widths[starts[to]]
			to++
		}
		q := m.part(p, int(starts[from]), end(to))
		for q.width > limit && to-1 > from {
			to--
			q = m.part(p, int(starts[from]), end(to))
		}
		out = append(out, q)
		from = to
	}
	return out
}

// part returns the piece of p's characters [i, j), shaped again.
func (m *measurer) part(p piece, i, j int) piece {
	ts := m.typesetter()
	sh := *p.sh
	sh.runes = p.sh.runes[i:j:j]
	ts.setGlyphs(&sh, sh.runes, 0, len(sh.runes))
	q := p
	q.text = string(sh.runes)
	q.sh = &sh
	q.width = sh.adv * p.at.st.size / sh.sf.upem * ptToMM
	return q
}

// needsShaping reports whether a character Liberation has must still be
// set by the shaper rather than by fpdf, glyph by glyph: a combining mark
// (placed on its base by the font's rules), right-to-left text, or a
// directional control that may reverse text.
func needsShaping(r rune) bool {
	if r < 0x300 {
		return false
	}
	return needsBidi(r) || unicode.Is(unicode.M, r)
}
