package pdf

import (
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/coibrief/coibrief/locales"
	"golang.org/x/text/language"
)

// TestIgnorableTable checks the table of default-ignorable code points
// against its size in DerivedCoreProperties.txt and the characters around
// the ends of its ranges.
func TestIgnorableTable(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if ignorable(r) != unicode.Is(defaultIgnorable, r) {
			t.Fatalf("ignorable(%U) disagrees with the table", r)
		}
		if ignorable(r) {
			n++
		}
	}
	if n != 4174 {
		t.Errorf("%d default-ignorable code points; DerivedCoreProperties.txt lists 4174", n)
	}
	for _, r := range []rune{0xAD, 0x34F, 0x61C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B, 0x180E, 0x180F,
		0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202E, 0x2060, 0x2064, 0x2065, 0x206F, 0x3164,
		0xFE00, 0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0, 0xFFF8, 0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A, 0xE0000, 0xE0001,
		0xE0020, 0xE007F, 0xE0100, 0xE01EF, 0xE0FFF} {
		if !ignorable(r) {
			t.Errorf("%U is default-ignorable", r)
		}
	}
	for _, r := range []rune{' ', 'a', 0xA0, 0xAC, 0xAE, 0x34E, 0x350, 0x61B, 0x61D, 0x115E, 0x1161, 0x17B3, 0x17B6,
		0x180A, 0x1810, 0x200A, 0x2010, 0x2028, 0x2029, 0x2029, 0x202F, 0x205F, 0x2070, 0x3163, 0x3165,
		0xFDFF, 0xFE10, 0xFEFE, 0xFF00, 0xFF9F, 0xFFA1, 0xFFEF, 0xFFF9, 0xFFFD, 0x1BC9F, 0x1BCA4, 0x1D172,
		0x1D17B, 0xDFFFF, 0xE1000, 0x13430} {
		if ignorable(r) {
			t.Errorf("%U is not default-ignorable", r)
		}
	}
}

func TestOneLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Almaty", "Almaty"},
		{"Алматы — «12\u202f000»", "Алматы — «12\u202f000»"},
		{"a\nb", "a b"},
		{"a\r\nb", "a b"},
		{"a\rb", "a b"},
		{"a\u2028b\u2029c", "a b c"},
		{"a\tb", "a b"},
		{"a\u0085b\vc\fd", "a b c d"},
		{"Kazakh\u00adstan", "Kazakhstan"},
		{"\ufeffA\u200b\u200c\u200dB\ufe0f\U000e0041", "AB"},
		{"Kazakh\u00adstan\r\n", "Kazakhstan "},
	} {
		if got := oneLine(c.in); got != c.want {
			t.Errorf("oneLine(%q) = %q; want %q", c.in, got, c.want)
		}
		if got, want := plain(c.in), c.in == c.want; got != want {
			t.Errorf("plain(%q) = %v; want %v", c.in, got, want)
		}
	}
	if got := flat("a\r\nb\t\u200bc\u2029"); got != "a b \u200bc " {
		t.Errorf("flat = %q", got)
	}
	if got := visible("a\u00adb\u200dc\nd"); got != "abc\nd" {
		t.Errorf("visible = %q", got)
	}
}

// TestMeasureIgnorable checks that default-ignorable code points measure
// nothing, whether the fonts have a glyph for them (U+00AD, U+200B) or
// not (U+2060, U+FEFF), and are never missing glyphs.
func TestMeasureIgnorable(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	var m measurer
	for f := range numFaces {
		st := style{face: f, size: 10}
		want := m.width("Kazakhstan", st, "test")
		for _, s := range []string{"Kazakh\u00adstan", "Kaz\u200bakh\u2060stan\ufeff", "\u200dKazakh\u200cstan\ufe0f", "Kazakh\U000e0041stan\u034f", "Kazakhstan\u3164\u115f"} {
			if got := m.width(s, st, "test"); got != want {
				t.Errorf("face %d: %q is %v mm wide; want %v", f, s, got, want)
			}
			if got := m.measure(s, st, "test"); got != want {
				t.Errorf("face %d: measure(%q) = %v mm; want %v", f, s, got, want)
			}
		}
		if got, want := m.width("a\tb\nc", st, "test"), m.width("a b c", st, "test"); got != want {
			t.Errorf("face %d: a tab and a newline measure %v; want the %v of spaces", f, got, want)
		}
	}
	if err := m.err(); err != nil {
		t.Fatal(err)
	}
}

// TestWrapLineBreaks checks that each line break ends a line, CR LF
// counting as one; that two breaks in a row leave an empty line of the
// text's height; that a break at the end adds no line; and that lines
// ended by a break are not stretched.
func TestWrapLineBreaks(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	var m measurer
	lines := func(s string) []line {
		return m.wrap(m.words([]run{{text: s, st: stBody}}, "test"), 80, leadBody, true, "test")
	}
	show := func(ls []line) string {
		var out []string
		for _, l := range ls {
			var ws []string
			for _, w := range l.words {
				var b strings.Builder
				for _, p := range w.pieces {
					b.WriteString(p.text)
				}
				ws = append(ws, b.String())
			}
			out = append(out, strings.Join(ws, " "))
		}
		return strings.Join(out, "|")
	}
	for _, c := range []struct{ in, want string }{
		{"a\nb\r\nc\rd\u2028e\u2029f\u0085g\vh\fi", "a|b|c|d|e|f|g|h|i"},
		{"one two\tthree", "one two three"},
		{"one \n two", "one|two"},
		{"a\n\nb", "a||b"},
		{"a\r\n\r\nb", "a||b"},
		{"a\n", "a"},
		{"\na", "|a"},
		{"a\u200bb \u00ad", "a\u200bb \u00ad"},
	} {
		ls := lines(c.in)
		if got := show(ls); got != c.want {
			t.Errorf("%q: lines %q; want %q", c.in, got, c.want)
		}
		for i, l := range ls {
			if l.height <= 0 || l.ascent <= 0 || l.ascent >= l.height {
				t.Errorf("%q: line %d is %v mm high, its baseline %v mm down", c.in, i, l.height, l.ascent)
			}
			if l.justify {
				t.Errorf("%q: line %d is stretched", c.in, i)
			}
		}
	}
	// a line ended by the width is stretched, one ended by a break is not
	long := strings.Repeat("word ", 40) + "\n" + strings.Repeat("word ", 40)
	ls := lines(long)
	stretched := 0
	for _, l := range ls {
		if l.justify {
			stretched++
		}
	}
	if len(ls) < 4 || stretched != len(ls)-2 {
		t.Errorf("%d lines, %d stretched; want all but the last of each paragraph", len(ls), stretched)
	}
	if err := m.err(); err != nil {
		t.Fatal(err)
	}
}

// TestMissingListed checks that the error of a render names every
// character the fonts lack, up to maxMissing, grouped by the text that
// holds them, and counts the others.
func TestMissingListed(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	var m measurer
	m.width("🙂 and 🙂", stBody, "heading A")
	m.width("世界", stBody, "statement B")
	m.width("🙂世界", stBody, "statement C")
	want := `pdf: character not in fonts: U+1F642 SLIGHTLY SMILING FACE (Common) in heading A: "🙂 and 🙂"; U+4E16 CJK UNIFIED IDEOGRAPH-4E16 (Han), U+754C CJK UNIFIED IDEOGRAPH-754C (Han) in statement B: "世界"`
	if err := m.err(); err == nil || err.Error() != want || !errors.Is(err, ErrGlyph) {
		t.Errorf("got %v\nwant %s", err, want)
	}
	for r := rune(0x4E00); r < 0x4E00+30; r++ { // 29 more, U+4E16 being known
		m.width(string(r), stCell, "table")
	}
	err := m.err()
	if err == nil || !strings.HasSuffix(err.Error(), `; and 12 more (Check lists every text that holds one)`) || strings.Count(err.Error(), "U+") != maxMissing {
		t.Errorf("got %v", err)
	}
}

// TestLanguageName checks that a language's name is capitalised by its
// first character, not its first byte: "Éwé", not a broken "\xc3\xa9wé".
func TestLanguageName(t *testing.T) {
	l, err := locales.New(language.French)
	if err != nil {
		t.Fatal(err)
	}
	for tag, want := range map[string]string{"fr": "Français", "ee": "Éwé", "ru": "Russe"} {
		if got := languageName(l, language.MustParse(tag)); got != want {
			t.Errorf("languageName(fr, %s) = %q; want %q", tag, got, want)
		}
	}
}
