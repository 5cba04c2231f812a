package pdf

import (
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
