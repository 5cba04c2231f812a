package editdist

import "testing"

func TestLevenshtein(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"almaty", "almaty", 0},
		{"almaty", "almati", 1},
		{"kitten", "sitting", 3},
		{"Алматы", "Алмата", 1}, // runes, not bytes
		{"lemonde-2022-01-07-4", "lemonde-2022-01-07-3", 1},
		{"ab", "ba", 2},
	} {
		if got := Levenshtein(tc.a, tc.b); got != tc.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := Levenshtein(tc.b, tc.a); got != tc.want {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", tc.b, tc.a, got, tc.want)
		}
	}
}
