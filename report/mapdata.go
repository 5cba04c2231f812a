package report

import (
	"fmt"
	"slices"

	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
)

// Map is the data of the map of events: each place of the briefing's
// chronology with coordinates, how much happened there, and the worst of it.
type Map struct {
	Title   L // the dossier's map title, or "Map of events"
	Country model.PlaceID
	Points  []*MapPoint       // by number of entries, most first, then by name
	Kinds   []model.EventKind // the kinds that colour some point, most severe first (the legend)
	Legend  []L               // labels of Kinds
	Outside []model.PlaceID   // places of the chronology with no coordinates
}

// MapPoint is one place on the map. Sites and districts count for their
// city; entries about a region or the whole country are not points.
type MapPoint struct {
	Place    model.PlaceID
	Name     L
	Coord    model.Coord
	Entries  int
	First    model.Date
	Last     model.Date
	Kind     model.EventKind // the most severe kind of event there
	KindText L
	Dates    L // "4 – 7 janv. 2022"
}

// severity ranks event kinds for the map, most severe first.
var severity = []model.EventKind{
	model.KindLethalForce, model.KindTorture, model.KindRiot, model.KindArrests,
	model.KindStateOfEmergency, model.KindInternetShutdown, model.KindForeignIntervention,
	model.KindJudicial, model.KindPeacefulProtest, model.KindPersonnelChange,
	model.KindGovernmentDecision, model.KindStatement, model.KindOther,
}

// Severity ranks an event kind: 0 for the most severe (lethal force), and
// larger numbers for milder kinds.
func Severity(k model.EventKind) int {
	if i := slices.Index(severity, k); i >= 0 {
		return i
	}
	return len(severity)
}

func (b *builder) protestMap() {
	m := &Map{Country: b.d.Country}
	byPlace := map[model.PlaceID]*MapPoint{}
	var walk func([]*Section)
	byEntry := map[model.PlaceID]*PlaceItem{}
	visit := func(p *Paragraph) {
		if p.Entry == nil {
			return
		}
		for _, id := range p.Entry.Places {
			it := byEntry[id]
			if it == nil {
				it = &PlaceItem{ID: id, First: p.Entry.When.Start, Last: p.Entry.When.Start}
				byEntry[id] = it
			}
			it.Entries++
			it.First = minDate(it.First, p.Entry.When.Start)
			it.Last = maxDate(it.Last, lastDay(p.Entry.When))
		}
		counted := map[model.PlaceID]bool{}
		for _, id := range p.Entry.Places {
			city := b.places.city(id)
			pl := b.places.byID[city]
			if pl == nil || pl.Kind != model.PlaceCity || counted[city] {
				continue
			}
			counted[city] = true
			if pl.Coord == nil {
				if !slices.Contains(m.Outside, city) {
					m.Outside = append(m.Outside, city)
				}
				continue
			}
			pt := byPlace[city]
			if pt == nil {
				pt = &MapPoint{Place: city, Coord: *pl.Coord, First: p.Entry.When.Start, Last: p.Entry.When.Start, Kind: p.Entry.Kind}
				byPlace[city] = pt
				m.Points = append(m.Points, pt)
			}
			pt.Entries++
			if p.Entry.When.Start.Before(pt.First) {
				pt.First = p.Entry.When.Start
			}
			last := p.Entry.When.End
			if p.Entry.When.Open || last.IsZero() {
				last = p.Entry.When.Start
			}
			if last.After(pt.Last) {
				pt.Last = last
			}
			if Severity(p.Entry.Kind) < Severity(pt.Kind) {
				pt.Kind = p.Entry.Kind
			}
		}
	}
	walk = func(ss []*Section) {
		for _, s := range ss {
			for _, bl := range s.Blocks {
				switch bl := bl.(type) {
				case *Paragraph:
					visit(bl)
				case *PlaceGroup:
					for _, p := range bl.Items {
						visit(p)
					}
				case *List:
					for _, p := range bl.Items {
						visit(p)
					}
				}
			}
			walk(s.Sections)
		}
	}
	walk(b.doc.Sections)
	b.gazetteer(byEntry)
	if len(m.Points) == 0 || b.omits(PartMap) {
		return
	}
	for _, pt := range m.Points {
		pt.Name = b.placeName("map", pt.Place)
		pt.KindText = b.each("map", func(l *locales.Locale) (string, error) { return l.EventKind(pt.Kind) })
		pt.Dates = b.each("map", func(l *locales.Locale) (string, error) {
			if pt.First == pt.Last {
				return l.DateShort(pt.First), nil
			}
			return l.DateShort(pt.First) + " – " + l.DateShort(pt.Last), nil
		})
		if !slices.Contains(m.Kinds, pt.Kind) {
			m.Kinds = append(m.Kinds, pt.Kind)
		}
	}
	slices.SortStableFunc(m.Points, func(a, c *MapPoint) int {
		if a.Entries != c.Entries {
			return c.Entries - a.Entries
		}
		return compareL(a.Name, c.Name)
	})
	slices.SortFunc(m.Kinds, func(a, c model.EventKind) int { return Severity(a) - Severity(c) })
	for _, k := range m.Kinds {
		m.Legend = append(m.Legend, b.each("map legend", func(l *locales.Locale) (string, error) { return l.EventKind(k) }))
	}
	m.Title = b.optText("mapTitle", b.d.MapTitle)
	if b.d.MapTitle.IsZero() {
		m.Title = b.msg(locales.MapHeading, nil)
	}
	b.doc.Map = m
	s := b.section(SectionMap, "map", 1, m.Title)
	s.Blocks = []Block{&MapBlock{}}
}

func compareL(a, c L) int {
	switch {
	case a[0] < c[0]:
		return -1
	case a[0] > c[0]:
		return 1
	}
	return 0
}

func minDate(a, b model.Date) model.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func maxDate(a, b model.Date) model.Date {
	if b.After(a) {
		return b
	}
	return a
}

// lastDay is the last day of a span; its first day when open.
func lastDay(s model.DateSpan) model.Date {
	if s.Open || s.End.IsZero() {
		return s.Start
	}
	return s.End
}

// gazetteer lists the places of the briefing: all of them for a full
// briefing, else those its entries and figures name, with their regions.
func (b *builder) gazetteer(counts map[model.PlaceID]*PlaceItem) {
	keep := map[model.PlaceID]bool{}
	if b.doc.Filter.IsZero() {
		for _, p := range b.d.Places {
			keep[p.ID] = true
		}
	}
	mark := func(id model.PlaceID) {
		keep[id] = true
		for _, a := range b.places.ancestors(id) {
			keep[a] = true
		}
	}
	for id := range counts {
		mark(id)
	}
	if fs := b.doc.Figures; fs != nil && fs.set != nil {
		for _, sc := range fs.set.scopes[1:] {
			mark(sc)
		}
	}
	mark(b.d.Country)
	for i := range b.d.Places {
		p := &b.d.Places[i]
		if !keep[p.ID] {
			continue
		}
		path := fmt.Sprintf("places[%d]", i)
		it := &PlaceItem{ID: p.ID, Kind: p.Kind, Names: p.Name, Aliases: p.Aliases, Region: p.Region, Coord: p.Coord}
		if c := counts[p.ID]; c != nil {
			it.Entries, it.First, it.Last = c.Entries, c.First, c.Last
		}
		it.KindText = b.each(path+".kind", func(l *locales.Locale) (string, error) { return l.PlaceKind(p.Kind) })
		it.Name = b.placeName(path+".name", p.ID)
		it.RegionName = make(L, len(b.locs))
		if p.Region != "" {
			it.RegionName = b.placeName(path+".region", p.Region)
		}
		b.doc.Places = append(b.doc.Places, it)
	}
	b.doc.placeIndex = make(map[model.PlaceID]*PlaceItem, len(b.doc.Places))
	for _, it := range b.doc.Places {
		b.doc.placeIndex[it.ID] = it
	}
}
