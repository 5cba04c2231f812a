package model

import (
	"slices"

	"golang.org/x/text/language"
)

// Text is prose written in several languages, keyed by BCP 47 tag. In JSON it
// is an object: {"fr": "…", "en": "…"}.
type Text map[language.Tag]string

// T returns a Text from alternating tag and string arguments, for building
// dossiers in code: T(language.French, "Émeutes", language.English, "Riots").
// Arguments of the wrong type are ignored.
func T(pairs ...any) Text {
	t := make(Text, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		tag, ok1 := pairs[i].(language.Tag)
		s, ok2 := pairs[i+1].(string)
		if ok1 && ok2 {
			t[tag] = s
		}
	}
	return t
}

// In returns the text in language tag and whether it is there (and not empty).
func (t Text) In(tag language.Tag) (string, bool) {
	s, ok := t[tag]
	return s, ok && s != ""
}

// Languages returns the languages t is written in, sorted by tag.
func (t Text) Languages() []language.Tag {
	out := make([]language.Tag, 0, len(t))
	for tag := range t {
		out = append(out, tag)
	}
	slices.SortFunc(out, func(a, b language.Tag) int { return compareStrings(a.String(), b.String()) })
	return out
}

// IsZero reports whether t holds no text at all.
func (t Text) IsZero() bool {
	for _, s := range t {
		if s != "" {
			return false
		}
	}
	return true
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
