package report

import (
	"fmt"
	"math"
	"slices"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/locales"
	"github.com/coibrief/coibrief/model"
)

// Map is the data of the map of events, so that every renderer draws the
// same map: the dossier's country (its outline, found by its ISO code in
// the embedded Natural Earth data), the countries around it named in the
// briefing's languages, the regions the dossier outlines, each place of
// the briefing's chronology with coordinates — abroad too — and the extent
// to show.
//
// A renderer fits a projection to Extent (internal/geo's Fit, a Lambert
// azimuthal equal-area projection centred on the middle of the extent),
// fills the sea, draws every country its frame shows in a light tone, the
// country ISO names darker, the regions highlighted, then the points;
// it names the countries of Neighbours where it shows them, and no others.
type Map struct {
	Title   L // the dossier's map title, or "Map of events"
	Country model.PlaceID
	// ISO is the code under which package internal/geo holds the country's
	// outline: the country place's iso, or its id, as geo.Lookup reads
	// it, in lower case ("kz"). It is empty when the data has no outline
	// for the country, which Validate reports; the map then shows the
	// countries around without the dossier's.
	ISO    string
	Points []*MapPoint // by number of entries, most first, then by name
	// Regions are the places with an outline (model.Place.Outline) that
	// the briefing's entries concern, themselves or through a place within
	// them, and the dossier's Focus when it has one, in the order of the
	// gazetteer: drawn over the country and highlighted.
	Regions []*MapRegion
	// Neighbours are the countries next to the dossier's (geo.Neighbours:
	// a shared border, or within 100 km) and those holding a point, with
	// their names in each language of the briefing (CLDR's, through
	// geo's NameIn), sorted by code. Names are decided here so that every
	// renderer names the same countries in the same words.
	Neighbours []*MapCountry
	// Extent holds the points the map must show, for fitting a
	// projection to them: of the outline of the country's main body
	// (geo's Main: far islands such as Hawaii are left out unless a place
	// lies there), of every point and of every region's outline, only those
	// that bound the rest — the southernmost, northernmost, westernmost and
	// easternmost, and the extremes on the projection centred on their
	// box — so that geo.Fit draws the same map from them as from all.
	Extent  []model.Coord
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
	// Country is the ISO code of the country the point lies in, by the
	// map's outlines (or, for a point off every outline, such as a port
	// that the outlines' simplified coast leaves in the sea, the country
	// the gazetteer puts it in); empty if neither says.
	Country string
	// Abroad is true for a point in another country than the dossier's:
	// Islamabad in a dossier about Afghanistan.
	Abroad bool
}

// MapRegion is a place the map draws by its outline.
type MapRegion struct {
	Place   model.PlaceID
	Name    L
	Outline *model.Outline
	Entries int  // entries of the briefing about it or a place within it
	Focus   bool // the dossier's Focus
}

// MapCountry is a country the map names.
type MapCountry struct {
	ISO  string // lower case, as geo.Lookup takes it
	Name L
}

// maxArc is the farthest, in degrees of arc from the centre of the
// country's main body, that a place may lie to be drawn on its map: the
// projection shows a hemisphere at most, and well only much less.
const maxArc = 60

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

func (b *builder) eventMap() {
	m := &Map{Country: b.d.Country}
	byPlace := map[model.PlaceID]*MapPoint{}
	regions := map[model.PlaceID]*MapRegion{}
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
		outlined := map[model.PlaceID]bool{}
		for _, id := range p.Entry.Places {
			for _, r := range append([]model.PlaceID{id}, b.places.ancestors(id)...) {
				if pl := b.places.byID[r]; pl != nil && !pl.Outline.IsZero() && r != b.d.Country && !outlined[r] {
					outlined[r] = true
					if regions[r] == nil {
						regions[r] = &MapRegion{Place: r, Outline: pl.Outline}
					}
					regions[r].Entries++
				}
			}
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
	if f := b.places.byID[b.d.Focus]; f != nil && !f.Outline.IsZero() && f.ID != b.d.Country {
		if regions[f.ID] == nil {
			regions[f.ID] = &MapRegion{Place: f.ID, Outline: f.Outline}
		}
		regions[f.ID].Focus = true
	}
	if len(m.Points) == 0 && len(regions) == 0 || b.omits(PartMap) {
		return
	}
	country, _ := countryOutline(b.d, b.places)
	if country != nil {
		m.ISO = country.Code
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
		pt.Country = b.countryOf(pt.Place, pt.Coord)
		pt.Abroad = pt.Country != "" && pt.Country != m.ISO
	}
	for i := range b.d.Places {
		if r := regions[b.d.Places[i].ID]; r != nil {
			r.Name = b.placeName(fmt.Sprintf("places[%d].name", i), r.Place)
			m.Regions = append(m.Regions, r)
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
	m.Neighbours = b.neighbours(country, m.Points)
	m.Extent = extent(country, m.Points, m.Regions)
	m.Title = b.optText("mapTitle", b.d.MapTitle)
	if b.d.MapTitle.IsZero() {
		m.Title = b.msg(locales.MapHeading, nil)
	}
	b.doc.Map = m
	s := b.section(SectionMap, "map", 1, m.Title)
	s.Blocks = []Block{&MapBlock{}}
}

// countryOutline returns the outline of the dossier's country: its
// place's ISO code, or its id, looked up in the embedded data, and the
// index of the country in the gazetteer (-1 if it is not there).
func countryOutline(d *model.Dossier, ps *places) (*geo.Country, int) {
	i := slices.IndexFunc(d.Places, func(p model.Place) bool { return p.ID == d.Country })
	code := string(d.Country)
	if i >= 0 && d.Places[i].ISO != "" {
		code = d.Places[i].ISO
	}
	c, ok := geo.Lookup(code)
	if !ok {
		return nil, i
	}
	return c, i
}

// countryOf returns the ISO code of the country at c, or, when c lies in
// none, that of the nearest country the gazetteer puts the place in.
func (b *builder) countryOf(id model.PlaceID, c model.Coord) string {
	if g, ok := geo.At(geo.Point{Lon: c.Lon, Lat: c.Lat}); ok {
		return g.Code
	}
	for _, a := range b.places.ancestors(id) {
		pl := b.places.byID[a]
		if pl == nil || pl.Kind != model.PlaceCountry {
			continue
		}
		code := string(pl.ID)
		if pl.ISO != "" {
			code = pl.ISO
		}
		if g, ok := geo.Lookup(code); ok {
			return g.Code
		}
		return ""
	}
	return ""
}

// neighbours lists the countries the map names: the country's
// neighbours and the countries of the points, but the country itself.
func (b *builder) neighbours(country *geo.Country, pts []*MapPoint) []*MapCountry {
	var cs []*geo.Country
	if country != nil {
		cs = geo.Neighbours(country)
	}
	for _, pt := range pts {
		if g, ok := geo.Lookup(pt.Country); ok && pt.Abroad && !slices.Contains(cs, g) {
			cs = append(cs, g)
		}
	}
	slices.SortFunc(cs, func(a, c *geo.Country) int {
		switch {
		case a.Code < c.Code:
			return -1
		case a.Code > c.Code:
			return 1
		}
		return 0
	})
	out := make([]*MapCountry, 0, len(cs))
	for _, c := range cs {
		out = append(out, &MapCountry{ISO: c.Code, Name: b.each("map", func(l *locales.Locale) (string, error) { return c.NameIn(l.Tag()), nil })})
	}
	return out
}

// extent returns the points that bound the map (see Map.Extent).
func extent(country *geo.Country, pts []*MapPoint, regions []*MapRegion) []model.Coord {
	var all []geo.Point
	if country != nil {
		all = geo.Points(country.Main())
	}
	for _, pt := range pts {
		all = append(all, geo.Point{Lon: pt.Coord.Lon, Lat: pt.Coord.Lat})
	}
	for _, r := range regions {
		for _, poly := range r.Outline.Polygons {
			if len(poly) > 0 {
				for _, q := range poly[0] {
					all = append(all, geo.Point{Lon: q[0], Lat: q[1]})
				}
			}
		}
	}
	keep := boundingPoints(all)
	out := make([]model.Coord, len(keep))
	for i, p := range keep {
		out[i] = model.Coord{Lat: p.Lat, Lon: p.Lon}
	}
	return out
}

// boundingPoints returns the points of pts that geo.Fit needs to fit the
// same projection as to all of them: those that give the box of
// geo.BoundsOf (the southernmost and northernmost, and the two ends of
// the arc of longitudes), and those farthest in each direction on the
// projection centred on that box. It returns every valid point, in their
// order, if these few make another box (when gaps between them outgrow
// the gap that bounds the arc).
func boundingPoints(pts []geo.Point) []geo.Point {
	valid := make([]geo.Point, 0, len(pts))
	for _, p := range pts {
		if p.Valid() {
			valid = append(valid, p)
		}
	}
	if len(valid) <= 8 {
		return valid
	}
	box, _ := geo.BoundsOf(valid...)
	proj := geo.Fit(valid, 0, 0, 1000, 1000, 0)
	var ext [8]int // min x, max x, min y, max y, south, north, west, east
	var ex [8]float64
	for i, p := range valid {
		x, y := proj.Project(p)
		for k, v := range [8]float64{-x, x, -y, y, -p.Lat, p.Lat, -lonGap(p.Lon, box.West), -lonGap(p.Lon, box.East)} {
			if i == 0 || v > ex[k] {
				ext[k], ex[k] = i, v
			}
		}
	}
	keep := make([]bool, len(valid))
	for _, i := range ext {
		keep[i] = true
	}
	var out []geo.Point
	for i, p := range valid {
		if keep[i] {
			out = append(out, p)
		}
	}
	b, _ := geo.BoundsOf(out...)
	for _, d := range [4]float64{lonGap(b.West, box.West), lonGap(b.East, box.East), b.South - box.South, b.North - box.North} {
		if math.Abs(d) > 1e-9 {
			return valid
		}
	}
	return out
}

// lonGap returns the angle between two longitudes, in degrees from 0 to
// 180.
func lonGap(a, b float64) float64 {
	d := math.Mod(math.Abs(a-b), 360)
	return math.Min(d, 360-d)
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
