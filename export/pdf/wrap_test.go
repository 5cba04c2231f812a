package pdf

import (
	"regexp"
	"strings"
	"testing"
)

// TestWrapKeepsNoBreakSpaces checks that lines never break at the no-break
// spaces French puts in numbers and before punctuation ("12 000", "Lieu :").
func TestWrapKeepsNoBreakSpaces(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	var m measurer
	text := strings.Repeat("près de 12\u202f000 personnes arrêtées «\u00a0libérées\u00a0» ; ", 30)
	for _, width := range []float64{20, 35, 50, 80, 166} {
		lines := m.wrap(m.words([]run{{text: text, st: stBody}}, "test"), width, leadBody, true, "test")
		for i, l := range lines {
			if l.width > width+1e-6 && len(l.words) > 1 {
				t.Errorf("width %v: line %d is %v mm wide", width, i, l.width)
			}
			last := l.words[len(l.words)-1]
			if s := last.pieces[len(last.pieces)-1].text; strings.HasSuffix(s, "12") || strings.HasSuffix(s, "«") {
				t.Errorf("width %v: line %d ends inside a no-break group: %q", width, i, s)
			}
		}
	}
	if err := m.err(); err != nil {
		t.Fatal(err)
	}
}

// TestWrapKeepsNumbers lays out texts with numbers at many widths and
// checks that no line breaks within a number, in French and English
// groupings, in tables' cells and in text: a number too wide for a line
// is set alone on it, condensed, and no line is wider than the column.
func TestWrapKeepsNumbers(t *testing.T) {
	if err := loadFonts(); err != nil {
		t.Fatal(err)
	}
	number := regexp.MustCompile(`[-+\x{2212}]?\d+(?:[,.\x{a0}\x{202f}]\d+)*`)
	texts := []string{
		"999\u202f999\u202f999,99",
		"999,999,999.99",
		"-1,000,000,000,000,000",
		"entre 999\u202f999\u202f999,99 et 1\u202f000\u202f000\u202f000 morts, soit 12,5\u00a0% ; (999\u202f999\u202f999\u202f999,99)",
		"between 999,999,999.99 and 1,000,000,000 dead, 12.5%; (999,999,999,999.99)",
		"https://example.org/a/31640000.html?id=2022.01.06&n=123456789012",
	}
	var m measurer
	for _, st := range []style{stCellB, stBody} {
		for _, text := range texts {
			want := number.FindAllString(text, -1)
			// the narrowest line that holds each number condensed
			least := 0.0
			for _, n := range want {
				least = max(least, m.measure(n, st, "test")*minScale)
			}
			for width := least; width <= 60; width += 0.25 {
				lines := m.wrap(m.words([]run{{text: text, st: st}}, "test"), width, leadCell, false, "test")
				var got []string
				for i, l := range lines {
					if l.width > width+1e-9 {
						t.Errorf("%q at %v mm: line %d is %v mm wide", text, width, i, l.width)
					}
					var b strings.Builder
					for j, w := range l.words {
						if j > 0 {
							b.WriteByte(' ')
						}
						for _, p := range w.pieces {
							b.WriteString(p.text)
							if p.at.st.hscale != 0 && (p.at.st.hscale < minScale || p.at.st.hscale >= 1 || !number.MatchString(p.text)) {
								t.Errorf("%q at %v mm: %q is condensed to %v", text, width, p.text, p.at.st.hscale)
							}
						}
					}
					got = append(got, number.FindAllString(b.String(), -1)...)
				}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("%q at %v mm: numbers on the lines %q; want %q", text, width, got, want)
				}
			}
		}
	}
	// A string of digits that would have to be condensed to less than
	// half its width is no figure: it is broken, and nothing is lost.
	digits := strings.Repeat("1234567890", 8)
	lines := m.wrap(m.words([]run{{text: digits, st: stCell}}, "test"), 20, leadCell, false, "test")
	var b strings.Builder
	for _, l := range lines {
		for _, w := range l.words {
			for _, p := range w.pieces {
				b.WriteString(p.text)
			}
		}
	}
	if len(lines) < 2 || b.String() != digits {
		t.Errorf("80 digits in 20 mm: %d lines reading %q", len(lines), b.String())
	}
	if err := m.err(); err != nil {
		t.Fatal(err)
	}
}

func TestNumberEnd(t *testing.T) {
	for _, c := range []struct {
		s    string
		i    int
		want string
	}{
		{"999\u202f999,99 morts", 0, "999\u202f999,99"},
		{"12,5\u00a0%", 0, "12,5"},
		{"1,000.", 0, "1,000"},
		{"(−12)", 1, "−12"},
		{"a-12", 1, ""},
		{"x 12 y", 2, "12"},
		{"x", 0, ""},
		{"1.2.3", 0, "1.2.3"},
		{"2022-01-06", 0, "2022"},
	} {
		if got := c.s[c.i:numberEnd(c.s, c.i)]; got != c.want {
			t.Errorf("numberEnd(%q, %d) reads %q; want %q", c.s, c.i, got, c.want)
		}
	}
}
