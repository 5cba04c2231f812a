package main

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/coibrief/coibrief/internal/editdist"
	"github.com/coibrief/coibrief/model"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fold reduces a place name to what suggestions compare, as
// report.FindPlace compares names: lower case, no accents, no
// apostrophes, words separated by one space. "Alma-Ata" and "alma ata"
// fold alike.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	s, _, _ = transform.String(t, cases.Fold().String(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '\'', '’', '‘', 'ʻ', 'ʼ', '`', '´', 'ʹ', 'ʾ', 'ʿ', '′':
			continue
		case 'ı':
			r = 'i'
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

// suggestion is a place offered for what was typed.
type suggestion struct {
	ID    string `json:"id"`
	Name  string `json:"name"`            // in the language asked for
	Match string `json:"match,omitempty"` // the name or alias that matched, when it is another
}

// maxSuggestions is how many places suggest returns.
const maxSuggestions = 8

// suggest returns the places whose names or aliases start with what was
// typed, then those with a word that starts with it, then those that hold
// it, shorter names first (Almaty before Almaty Region), each place once,
// named in tag.
func (ds *dossier) suggest(typed string, tag language.Tag) []suggestion {
	q := fold(typed)
	if q == "" {
		return []suggestion{}
	}
	type hit struct {
		rank  int
		kind  model.PlaceKind
		match string
	}
	best := map[model.PlaceID]hit{}
	for _, n := range ds.names {
		rank := -1
		switch {
		case strings.HasPrefix(n.folded, q):
			rank = 0
		case strings.Contains(n.folded, " "+q):
			rank = 1
		case strings.Contains(n.folded, q):
			rank = 2
		}
		if rank < 0 {
			continue
		}
		if h, ok := best[n.place]; !ok || rank < h.rank || rank == h.rank && len(n.text) < len(h.match) {
			best[n.place] = hit{rank, n.kind, n.text}
		}
	}
	out := make([]suggestion, 0, len(best))
	ranks := map[string]hit{}
	for id, h := range best {
		name := ds.placeName(id, tag)
		s := suggestion{ID: string(id), Name: name}
		if fold(h.match) != fold(name) && h.match != string(id) {
			s.Match = h.match
		}
		out = append(out, s)
		ranks[s.ID] = h
	}
	slices.SortFunc(out, func(a, b suggestion) int {
		ha, hb := ranks[a.ID], ranks[b.ID]
		return cmp.Or(cmp.Compare(ha.rank, hb.rank), cmp.Compare(len(ha.match), len(hb.match)), cmp.Compare(ha.kind, hb.kind), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	if len(out) > maxSuggestions {
		out = out[:maxSuggestions]
	}
	return out
}

// closest returns up to three places whose names are nearest to typed,
// for "did you mean" after a name no place has.
func (ds *dossier) closest(typed string, tag language.Tag) []suggestion {
	q := fold(typed)
	if q == "" || len(q) > maxPlace {
		return nil
	}
	limit := max(2, len([]rune(q))/3)
	best := map[model.PlaceID]int{}
	for _, n := range ds.names {
		d := editdist.Levenshtein(q, n.folded)
		if d > limit {
			continue
		}
		if old, ok := best[n.place]; !ok || d < old {
			best[n.place] = d
		}
	}
	var out []suggestion
	for id := range best {
		out = append(out, suggestion{ID: string(id), Name: ds.placeName(id, tag)})
	}
	slices.SortFunc(out, func(a, b suggestion) int {
		return cmp.Or(cmp.Compare(best[model.PlaceID(a.ID)], best[model.PlaceID(b.ID)]), cmp.Compare(a.Name, b.Name))
	})
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// namesakes returns the places one of whose names or aliases is typed,
// for a name several places share.
func (ds *dossier) namesakes(typed string, tag language.Tag) []suggestion {
	q := fold(typed)
	seen := map[model.PlaceID]bool{}
	var out []suggestion
	for _, n := range ds.names {
		if n.folded == q && !seen[n.place] {
			seen[n.place] = true
			out = append(out, suggestion{ID: string(n.place), Name: ds.placeName(n.place, tag)})
		}
	}
	return out
}

// placeName returns the name of place id in tag, or in the dossier's
// first language, or its id.
func (ds *dossier) placeName(id model.PlaceID, tag language.Tag) string {
	p := ds.place(id)
	if p == nil {
		return string(id)
	}
	if s, ok := p.Name.In(tag); ok {
		return s
	}
	if s, ok := p.Name.In(ds.langs[0]); ok {
		return s
	}
	return string(id)
}
