package report

import (
	"fmt"
	"slices"

	"github.com/coibrief/coibrief/model"
)

// Filter narrows a briefing to the entries that bear on a claim: a place
// (a city, or a region with everything in it), a range of dates, kinds of
// event. The zero Filter keeps everything.
//
// A filtered briefing keeps the entries that match every criterion given,
// the day headings above them, the background, the thematic sections and
// the notes; it renumbers its footnotes from 1 and lists only the sources it
// cites. An entry matches a place when one of its places lies within it
// (Almaty's Republic Square is in Almaty), or contains it: an entry about the
// whole country or its region is context for the place. Figures are kept by
// the same rule on their scope.
type Filter struct {
	Places []model.PlaceID   // any of these places, with what lies within them
	From   model.Date        // entries on or after this date; zero for no bound
	To     model.Date        // entries on or before this date; zero for no bound
	Kinds  []model.EventKind // any of these kinds; empty for all
}

// IsZero reports whether f keeps everything.
func (f Filter) IsZero() bool {
	return len(f.Places) == 0 && f.From.IsZero() && f.To.IsZero() && len(f.Kinds) == 0
}

// places is the gazetteer seen as a tree.
type places struct {
	byID     map[model.PlaceID]*model.Place
	children map[model.PlaceID][]model.PlaceID
}

func newPlaces(d *model.Dossier) *places {
	p := &places{byID: make(map[model.PlaceID]*model.Place, len(d.Places)), children: make(map[model.PlaceID][]model.PlaceID)}
	for i := range d.Places {
		pl := &d.Places[i]
		p.byID[pl.ID] = pl
		if pl.Region != "" {
			p.children[pl.Region] = append(p.children[pl.Region], pl.ID)
		}
	}
	return p
}

// ancestors returns the regions id lies in, nearest first. It stops at a
// loop, which Validate reports.
func (p *places) ancestors(id model.PlaceID) []model.PlaceID {
	var out []model.PlaceID
	seen := map[model.PlaceID]bool{id: true}
	for pl := p.byID[id]; pl != nil && pl.Region != "" && !seen[pl.Region]; pl = p.byID[pl.Region] {
		seen[pl.Region] = true
		out = append(out, pl.Region)
	}
	return out
}

// city returns the city (or larger place) that id belongs to: a site or
// district is rolled up to the nearest enclosing city.
func (p *places) city(id model.PlaceID) model.PlaceID {
	pl := p.byID[id]
	if pl == nil || pl.Kind <= model.PlaceCity {
		return id
	}
	for _, a := range p.ancestors(id) {
		if q := p.byID[a]; q != nil && q.Kind <= model.PlaceCity {
			return a
		}
	}
	return id
}

// matcher decides which entries and figures a filter keeps.
type matcher struct {
	f      Filter
	within map[model.PlaceID]bool // the asked places and everything in them
	around map[model.PlaceID]bool // the places that contain an asked place
	kinds  map[model.EventKind]bool
}

func newMatcher(f Filter, p *places) (*matcher, error) {
	m := &matcher{f: f, within: map[model.PlaceID]bool{}, around: map[model.PlaceID]bool{}, kinds: map[model.EventKind]bool{}}
	for _, id := range f.Places {
		if p.byID[id] == nil {
			return nil, fmt.Errorf("%w: unknown place %q", ErrFilter, id)
		}
		stack := []model.PlaceID{id}
		for len(stack) > 0 {
			cur := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if m.within[cur] {
				continue
			}
			m.within[cur] = true
			stack = append(stack, p.children[cur]...)
		}
		for _, a := range p.ancestors(id) {
			m.around[a] = true
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return nil, fmt.Errorf("%w: dates from %s to %s end before they start", ErrFilter, f.From, f.To)
	}
	for _, k := range f.Kinds {
		if k.String() == "unset" || !slices.Contains(model.EventKinds(), k) {
			return nil, fmt.Errorf("%w: invalid event kind %v", ErrFilter, k)
		}
		m.kinds[k] = true
	}
	return m, nil
}

// place reports whether an entry or figure concerning ids is kept. No ids
// means the whole country.
func (m *matcher) place(ids []model.PlaceID, country model.PlaceID) bool {
	if len(m.f.Places) == 0 {
		return true
	}
	if len(ids) == 0 {
		return m.around[country] || m.within[country]
	}
	for _, id := range ids {
		if m.within[id] || m.around[id] {
			return true
		}
	}
	return false
}

func (m *matcher) dates(s model.DateSpan) bool {
	if !m.f.From.IsZero() && !s.Open && s.End.Before(m.f.From) {
		return false
	}
	if !m.f.To.IsZero() && s.Start.After(m.f.To) {
		return false
	}
	return true
}

// statement reports whether a statement outside the chronology is kept:
// one that names no dates and no places is context, always kept; one that
// does is kept when they match, as an entry's would.
func (m *matcher) statement(s *model.Statement, country model.PlaceID) bool {
	if !s.When.IsZero() && !m.dates(s.When) {
		return false
	}
	return len(s.Places) == 0 || m.place(s.Places, country)
}

func (m *matcher) entry(e *model.Entry, day *model.Day, country model.PlaceID) bool {
	if len(m.kinds) > 0 && !m.kinds[e.Kind] {
		return false
	}
	return m.dates(e.Span(day)) && m.place(e.Places, country)
}
