package pdf

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// defaultIgnorable holds the code points of the Unicode property
// Default_Ignorable_Code_Point, as listed in DerivedCoreProperties.txt of
// the Unicode Character Database (https://www.unicode.org/Public/UCD/latest/ucd/DerivedCoreProperties.txt;
// these ranges are those of version 14.0.0, which later versions keep):
// characters that are invisible unless a renderer supports them, and
// that it should otherwise not draw at all (Unicode §5.21). The table
// holds 4,174 code points, reserved ones included.
var defaultIgnorable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{0x00AD, 0x00AD, 1}, // SOFT HYPHEN
		{0x034F, 0x034F, 1}, // COMBINING GRAPHEME JOINER
		{0x061C, 0x061C, 1}, // ARABIC LETTER MARK
		{0x115F, 0x1160, 1}, // HANGUL CHOSEONG FILLER..HANGUL JUNGSEONG FILLER
		{0x17B4, 0x17B5, 1}, // KHMER VOWEL INHERENT AQ..KHMER VOWEL INHERENT AA
		{0x180B, 0x180F, 1}, // MONGOLIAN FREE VARIATION SELECTOR ONE..FOUR, MONGOLIAN VOWEL SEPARATOR
		{0x200B, 0x200F, 1}, // ZERO WIDTH SPACE..RIGHT-TO-LEFT MARK
		{0x202A, 0x202E, 1}, // LEFT-TO-RIGHT EMBEDDING..RIGHT-TO-LEFT OVERRIDE
		{0x2060, 0x206F, 1}, // WORD JOINER..NOMINAL DIGIT SHAPES (U+2065 reserved)
		{0x3164, 0x3164, 1}, // HANGUL FILLER
		{0xFE00, 0xFE0F, 1}, // VARIATION SELECTOR-1..VARIATION SELECTOR-16
		{0xFEFF, 0xFEFF, 1}, // ZERO WIDTH NO-BREAK SPACE
		{0xFFA0, 0xFFA0, 1}, // HALFWIDTH HANGUL FILLER
		{0xFFF0, 0xFFF8, 1}, // reserved
	},
	R32: []unicode.Range32{
		{0x1BCA0, 0x1BCA3, 1}, // SHORTHAND FORMAT LETTER OVERLAP..SHORTHAND FORMAT UP STEP
		{0x1D173, 0x1D17A, 1}, // MUSICAL SYMBOL BEGIN BEAM..MUSICAL SYMBOL END PHRASE
		{0xE0000, 0xE0FFF, 1}, // tags, VARIATION SELECTOR-17..256, reserved
	},
	LatinOffset: 1,
}

// ignorable reports whether r is a default-ignorable code point: not
// drawn, and never a missing glyph. Zero width joiners and non-joiners
// are among them; the layout keeps them in its text, and only the glyphs
// skip them.
func ignorable(r rune) bool {
	switch {
	case r < 0x34F:
		return r == 0xAD
	case r < 0x61C:
		return r == 0x34F
	case r < 0x115F:
		return r == 0x61C
	}
	return unicode.Is(defaultIgnorable, r)
}

// special marks the bytes that may start a tab, a line break or a
// default-ignorable code point in UTF-8: the controls, and the lead bytes
// of U+0085 and U+00AD (C2), U+034F (CD), U+061C (D8), U+115F to U+180F
// (E1), U+200B to U+206F (E2), U+3164 (E3), U+FE00 to U+FFF8 (EF), U+1BCA0
// and U+1D173 (F0), and the tags (F3).
var special = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for _, c := range []byte{0xC2, 0xCD, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF, 0xF0, 0xF3} {
		t[c] = true
	}
	return t
}()

// lineBreak returns the length in bytes of the line break s starts with,
// or 0: a newline, CR LF or CR, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH
// SEPARATOR, and the vertical tab, form feed and next line U+0085 that
// Unicode's line breaking counts as mandatory breaks too.
func lineBreak(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '\n', '\v', '\f':
		return 1
	case '\r':
		if len(s) > 1 && s[1] == '\n' {
			return 2
		}
		return 1
	case 0xC2: // U+0085
		if len(s) > 1 && s[1] == 0x85 {
			return 2
		}
	case 0xE2: // U+2028, U+2029
		if len(s) > 2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// isBreakRune reports whether r is one of the line breaks of lineBreak.
func isBreakRune(r rune) bool {
	switch r {
	case '\n', '\v', '\f', '\r', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// plain reports whether s needs no change to be drawn on one line: it
// holds no tab, no line break and no default-ignorable code point.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if !special[s[i]] {
			continue
		}
		if s[i] == '\t' || lineBreak(s[i:]) > 0 {
			return false
		}
		if s[i] >= 0x80 {
			if r, _ := utf8.DecodeRuneInString(s[i:]); ignorable(r) {
				return false
			}
		}
	}
	return true
}

// oneLine returns s as it is drawn where there is room for one line only
// (a running head, a map label, an entry of the table of contents): each
// tab and line break (CR LF counting as one) is a space, and
// default-ignorable code points are dropped.
func oneLine(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if n := lineBreak(s[i:]); n > 0 {
			b.WriteByte(' ')
			i += n
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case ignorable(r):
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// flat returns s with each tab and line break (CR LF counting as one)
// made a space, for the outline, whose titles have one line.
func flat(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if n := lineBreak(s[i:]); n > 0 || s[i] == '\t' {
			b.WriteByte(' ')
			i += max(n, 1)
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// visible returns s without its default-ignorable code points: the text
// of glyphs a word is drawn with.
func visible(s string) string {
	if plain(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if ignorable(r) {
			return -1
		}
		return r
	}, s)
}

var (
	scriptsOnce  sync.Once
	scriptNames  []string // sorted
	scriptTables []*unicode.RangeTable
)

// script returns the name of the Unicode script of r ("Arabic", "Han",
// "Common"), or "Unknown".
func script(r rune) string {
	scriptsOnce.Do(func() {
		for n := range unicode.Scripts {
			scriptNames = append(scriptNames, n)
		}
		slices.Sort(scriptNames)
		for _, n := range scriptNames {
			scriptTables = append(scriptTables, unicode.Scripts[n])
		}
	})
	for i, t := range scriptTables {
		if unicode.Is(t, r) {
			return scriptNames[i]
		}
	}
	return "Unknown"
}

// describe names a character for a message by code point, name and
// script: "U+0627 ARABIC LETTER ALEF (Arabic)", "U+963F CJK UNIFIED
// IDEOGRAPH-963F (Han)", "U+E000 <Private Use> (Unknown)", "U+0378
// (unassigned)".
func describe(r rune) string {
	name := runenames.Name(r)
	switch {
	case name == "" && !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.C):
		return fmt.Sprintf("%U (unassigned)", r)
	case strings.HasPrefix(name, "<CJK Ideograph"):
		// the names Unicode derives from the code point (rule NR2)
		name = fmt.Sprintf("CJK UNIFIED IDEOGRAPH-%04X", r)
	case strings.HasPrefix(name, "<Tangut Ideograph"):
		name = fmt.Sprintf("TANGUT IDEOGRAPH-%04X", r)
	}
	if name == "" {
		return fmt.Sprintf("%U (%s)", r, script(r))
	}
	return fmt.Sprintf("%U %s (%s)", r, name, script(r))
}
