package model

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Text is prose written in several languages, keyed by BCP 47 tag. In JSON it
// is an object: {"fr": "…", "en": "…"}.
type Text map[language.Tag]string

// T returns a Text from alternating tag and string arguments, for building
// dossiers in code: T(language.French, "Émeutes", language.English, "Riots").
//
// A wrong argument (not a language.Tag where a tag is due, not a string
// where a text is due, or a tag with no text after it) is not dropped: the
// Text records it, and Validate reports it as an error at the Text's path.
func T(pairs ...any) Text {
	t := make(Text, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		tag, ok1 := pairs[i].(language.Tag)
		if !ok1 {
			t.misuse(fmt.Sprintf("argument %d is %T, want a language.Tag", i+1, pairs[i]))
			continue
		}
		if i+1 == len(pairs) {
			t.misuse(fmt.Sprintf("argument %d, the tag %s, has no text after it", i+1, tag))
			continue
		}
		s, ok2 := pairs[i+1].(string)
		if !ok2 {
			t.misuse(fmt.Sprintf("argument %d is %T, want a string", i+2, pairs[i+1]))
			continue
		}
		t[tag] = s
	}
	return t
}

// misuseMark starts the text T records under language.Und for a wrong
// argument: a noncharacter, which no valid text holds.
const misuseMark = "\uFDD0model.T: "

// misuse records the first wrong argument of T.
func (t Text) misuse(what string) {
	if _, ok := t[language.Und]; !ok {
		t[language.Und] = misuseMark + what
	}
}

// misused returns what T recorded of a wrong argument, if anything.
func (t Text) misused() (string, bool) {
	s, ok := t[language.Und]
	if !ok || !strings.HasPrefix(s, misuseMark) {
		return "", false
	}
	return strings.TrimPrefix(s, misuseMark), true
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
