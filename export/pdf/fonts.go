package pdf

import (
	"fmt"
	"math"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font/sfnt"
)

// face is one of the typefaces a briefing is set in.
type face uint8

const (
	serif       face = iota // body text and footnotes
	serifBold               // emphasis in the body
	serifItalic             // translated titles, flags
	sans                    // tables, running heads, labels
	sansBold                // headings
	numFaces
)

// fontInfo is a parsed TrueType font with the advance widths fpdf uses.
type fontInfo struct {
	family, style string // as registered with fpdf
	ttf           []byte
	font          *sfnt.Font
	upem          float64

	mu   sync.Mutex
	adv  [0x3000]int16 // advance in 1/1000 em for runes below 0x3000, advMissing, advIgnored, advShaped, or 0 when not computed
	more map[rune]int16
}

// Values of fontInfo.adv besides advances.
const (
	advMissing = -1 // the font has no glyph
	advIgnored = -2 // a default-ignorable code point: no glyph is drawn
	advShaped  = -3 // the font has a glyph, but the shaper must set it (see needsShaping)
)

var (
	fontsOnce sync.Once
	fontsErr  error
	fonts     [numFaces]*fontInfo
)

// loadFonts parses the embedded fonts once per process, and reads what
// the built-in fonts of the fallback chains cover.
func loadFonts() error {
	if err := loadBuiltin(); err != nil {
		return err
	}
	fontsOnce.Do(func() {
		for f, spec := range [numFaces]struct {
			family, style string
			ttf           []byte
		}{
			serif:       {"serif", "", liberationserifregular.TTF},
			serifBold:   {"serif", "B", liberationserifbold.TTF},
			serifItalic: {"serif", "I", liberationserifitalic.TTF},
			sans:        {"sans", "", liberationsansregular.TTF},
			sansBold:    {"sans", "B", liberationsansbold.TTF},
		} {
			ft, err := sfnt.Parse(spec.ttf)
			if err != nil {
				fontsErr = fmt.Errorf("pdf: parsing font %s %s: %w", spec.family, spec.style, err)
				return
			}
			fonts[f] = &fontInfo{family: spec.family, style: spec.style, ttf: spec.ttf, font: ft, upem: float64(ft.UnitsPerEm()), more: map[rune]int16{}}
		}
	})
	return fontsErr
}

// advance returns the advance width of r in 1/1000 em as fpdf rounds it,
// and false when fpdf cannot set r with this font: the font has no glyph
// for r, or r needs the shaper (see needsShaping). A default-ignorable
// code point has no width and is never missing: it is not drawn.
func (fi *fontInfo) advance(r rune) (int16, bool) {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	return fi.advanceLocked(r)
}

// advanceLocked is advance with fi.mu held.
func (fi *fontInfo) advanceLocked(r rune) (int16, bool) {
	if r >= 0 && r < rune(len(fi.adv)) {
		if a := fi.adv[r]; a != 0 {
			return known(a)
		}
	} else if a, ok := fi.more[r]; ok {
		return known(a)
	}
	var buf sfnt.Buffer
	a := int16(advMissing)
	if needsBidi(r) && ignorable(r) {
		a = advShaped // a control that may turn text right to left
	} else if ignorable(r) {
		a = advIgnored
	} else if gi, err := fi.font.GlyphIndex(&buf, r); err == nil && gi != 0 && needsShaping(r) {
		a = advShaped
	} else if err == nil && gi != 0 {
		if adv, err := fi.font.GlyphAdvance(&buf, gi, fixedUnits(fi.upem), 0); err == nil {
			a = int16(math.Round(float64(adv) / 64 * 1000 / fi.upem))
			if a == 0 {
				a = 1 // keep 0 for "not computed"; a zero-width glyph measures 0.001 em
			}
		}
	}
	if r >= 0 && r < rune(len(fi.adv)) {
		fi.adv[r] = a
	} else {
		fi.more[r] = a
	}
	return known(a)
}

// known turns a computed value of fontInfo.adv into an advance and
// whether the rune can be set.
func known(a int16) (int16, bool) {
	if a == advIgnored {
		return 0, true
	}
	return a, a > 0
}

// fixedUnits returns ppem so that GlyphAdvance answers in font units (26.6).
func fixedUnits(upem float64) fixedInt { return fixedInt(int32(upem) << 6) }

// width returns the width of s in points at size, and false when fpdf
// cannot set a character of s with this font (see advance). It takes the
// lock once for the whole string.
func (fi *fontInfo) width(s string, size float64) (float64, bool) {
	total := 0
	fi.mu.Lock()
	defer fi.mu.Unlock()
	for _, r := range s {
		a, ok := fi.advanceLocked(r)
		if !ok {
			return 0, false
		}
		total += int(a)
	}
	return float64(total) * size / 1000, true
}

// drawable reports whether every face can set r: a line break or a tab
// (drawn as a line break or a space), a default-ignorable code point (not
// drawn), or a character a font of each face's fallback chain has a glyph
// for. It is the test the renderer makes, for all faces at once; the
// fonts must be loaded.
func (ts *typesetter) drawable(r rune) bool {
	for f := range numFaces {
		if !ts.covered(f, r) {
			return false
		}
	}
	return true
}
