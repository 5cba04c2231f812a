package report

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/coibrief/coibrief/internal/editdist"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// FindPlace returns the place of d that name designates: its id, its name
// in any language, or one of its aliases, compared without regard to case,
// accents, hyphens or apostrophes — "Shymkent", "Chymkent" and "Шымкент"
// all find Shymkent. A name that two places share is an error listing
// both; an unknown name is an error (wrapping ErrUnknownPlace) that
// suggests the closest names. A nil dossier is an error wrapping
// ErrOptions.
func FindPlace(d *model.Dossier, name string) (model.PlaceID, error) {
	if d == nil {
		return "", fmt.Errorf("report: %w: nil dossier", ErrOptions)
	}
	key := foldName(name)
	if key == "" {
		return "", fmt.Errorf("report: %w: empty place name", ErrUnknownPlace)
	}
	type cand struct {
		id    model.PlaceID
		label string
	}
	var byName, byAlias []cand
	for i := range d.Places {
		p := &d.Places[i]
		if string(p.ID) == name {
			return p.ID, nil
		}
		label := mainName(d, p)
		matched := false
		for _, tag := range p.Name.Languages() {
			if foldName(p.Name[tag]) == key {
				byName, matched = append(byName, cand{p.ID, label}), true
				break
			}
		}
		if matched {
			continue
		}
		for _, a := range p.Aliases {
			if foldName(a) == key || foldName(string(p.ID)) == key {
				byAlias = append(byAlias, cand{p.ID, label})
				break
			}
		}
	}
	found := byName
	if len(found) == 0 {
		found = byAlias
	}
	switch len(found) {
	case 1:
		return found[0].id, nil
	case 0:
		return "", fmt.Errorf("report: %w %q%s", ErrUnknownPlace, name, suggest(d, key))
	}
	names := make([]string, len(found))
	for i, c := range found {
		names[i] = fmt.Sprintf("%s (%s)", c.label, c.id)
	}
	return "", fmt.Errorf("report: %w: %q names %s: give the id", ErrAmbiguousPlace, name, strings.Join(names, " and "))
}

// suggest lists the names closest to key, as ": did you mean …?".
func suggest(d *model.Dossier, key string) string {
	type hit struct {
		name string
		dist int
	}
	var hits []hit
	seen := map[string]bool{}
	for i := range d.Places {
		p := &d.Places[i]
		names := append([]string{string(p.ID)}, p.Aliases...)
		for _, tag := range p.Name.Languages() {
			names = append(names, p.Name[tag])
		}
		best := hit{dist: 1 << 30}
		for _, n := range names {
			if dd := editdist.Levenshtein(key, foldName(n)); dd < best.dist {
				best = hit{mainName(d, p), dd}
			}
		}
		limit := max(2, len([]rune(key))/3)
		if best.dist <= limit && !seen[best.name] {
			seen[best.name] = true
			hits = append(hits, best)
		}
	}
	if len(hits) == 0 {
		return ""
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.dist - b.dist })
	if len(hits) > 3 {
		hits = hits[:3]
	}
	names := make([]string, len(hits))
	for i, h := range hits {
		names[i] = h.name
	}
	return ": did you mean " + strings.Join(names, ", ") + "?"
}

// unaccent removes accents. A transformer keeps state, so each call makes
// its own.
func unaccent() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

// foldName reduces a place name to a comparable key: lower case, no
// accents, words separated by single spaces.
func foldName(s string) string {
	s, _, _ = transform.String(unaccent(), cases.Fold().String(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '\'', '’', '‘', 'ʻ', 'ʼ', '`', '´', 'ʹ', 'ʾ', 'ʿ', '′':
			// Apostrophe letters, typed in as any of these: Qoʻngʻirot
			// is found as Qo'ng'irot, Qo‘ng‘irot and Qongirot.
			continue
		case 'ı':
			r = 'i' // dotless i: Shımbay is found as Shimbay
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// mainName returns the name of p in the dossier's main language, or its
// id when the dossier declares no language or p has no name in it.
func mainName(d *model.Dossier, p *model.Place) string {
	if len(d.Languages) > 0 {
		if s, ok := p.Name.In(d.Languages[0]); ok {
			return s
		}
	}
	return string(p.ID)
}
