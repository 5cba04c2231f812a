package pdf

import (
	"math"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// Styles of the map's names.
var (
	stMapLabel   = style{face: sans, size: 6.8, color: rgb{30, 30, 30}}
	stMapRegion  = style{face: sansBold, size: 6.4, color: rgb{150, 60, 30}}
	stMapCountry = style{face: serifItalic, size: 7.4, color: rgb{105, 105, 105}}
)

// Sizes of the map, in mm.
const (
	mapInset   = 6.0  // between the frame and the extent the map is fitted to
	mapMinH    = 80.0 // the frame's least height
	mapMaxH    = 165.0
	labelGap   = 0.8 // between a point and its name
	labelPad   = 0.4 // around a name, kept clear of other names
	labelLimit = 400 // points that may get a name; the others are listed
	labelStep  = 0.5 // the least step, in mm, of the outlines where names are sought
)

// radius is the radius in mm of the point of a place with n entries.
func radius(entries int) float64 { return 1.1 + 1.15*math.Sqrt(float64(entries)) }

type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) overlaps(o rect) bool {
	return r.x0 < o.x1 && o.x0 < r.x1 && r.y0 < o.y1 && o.y0 < r.y1
}

func (r rect) within(o rect) bool {
	return r.x0 >= o.x0 && r.x1 <= o.x1 && r.y0 >= o.y0 && r.y1 <= o.y1
}

// mapLayout is the map of a briefing laid out in its frame: everything
// drawMap draws, at page positions for a frame whose top is at 0.
type mapLayout struct {
	proj       geo.Projection
	frame      rect
	others     []geo.Shape  // every other country the frame shows
	country    geo.Shape    // the dossier's; no rings when the data has no outline for it
	regions    [][][]geo.XY // the rings of each of report.Map's Regions
	dots       []mapDot     // report.Map's Points, in their order
	labels     []mapLabel   // the names placed: points', regions', countries'
	unlabelled []int        // the points left without a name, in their order

	unlabelledRegions []int // the regions left without a name
}

// mapDot is a place on the map.
type mapDot struct {
	x, y, r float64
	kind    model.EventKind
}

// mapLabel is a name on the map: its text, style, and box, whose bottom
// is below the baseline by a fifth of the size.
type mapLabel struct {
	text  string
	st    style
	box   rect
	base  float64 // the baseline
	point int     // the index of the point named, or -1
}

// mapFrameHeight returns the height of the frame for a map of m at width
// w, between mapMinH and maxH: as tall as the extent's shape asks for.
func mapFrameHeight(m *report.Map, w, maxH float64) float64 {
	pts := extentPoints(m)
	p := geo.Fit(pts, 0, 0, 1000, 1000, 0)
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, pt := range pts {
		x, y := p.Project(pt)
		x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
	}
	h := maxH
	if x1-x0 > 1e-9 {
		h = (w-2*mapInset)*(y1-y0)/(x1-x0)*1.08 + 2*mapInset
	}
	if math.IsNaN(h) {
		h = maxH
	}
	return math.Max(math.Min(mapMinH, maxH), math.Min(h, maxH))
}

// extentPoints returns the points of m's extent.
func extentPoints(m *report.Map) []geo.Point {
	pts := make([]geo.Point, 0, len(m.Extent))
	for _, c := range m.Extent {
		pts = append(pts, geo.Point{Lon: c.Lon, Lat: c.Lat})
	}
	return pts
}

// layoutMap lays out the map of m in the frame of width w and height h
// whose top-left corner is at (x, y): the projection fitted to m's
// extent, the countries it shows, the regions, the points, and names in
// language lang placed where they collide with no point and no other
// name. width measures a text in mm.
func layoutMap(m *report.Map, lang int, x, y, w, h float64, width func(string, style) float64) *mapLayout {
	lay := &mapLayout{frame: rect{x, y, x + w, y + h}}
	lay.proj = geo.Fit(extentPoints(m), x, y, w, h, mapInset)
	home, _ := geo.Lookup(m.ISO)
	if m.ISO == "" {
		home = nil
	}
	for _, s := range lay.proj.Shapes() {
		if s.Country == home {
			lay.country = s
		} else {
			lay.others = append(lay.others, s)
		}
	}
	for _, r := range m.Regions {
		lay.regions = append(lay.regions, lay.proj.Outline(outlinePolygons(r.Outline)))
	}
	// Obstacles: the points, all placed before any name.
	var taken []rect
	for _, p := range m.Points {
		px, py := lay.proj.Project(geo.Point{Lon: p.Coord.Lon, Lat: p.Coord.Lat})
		r := radius(p.Entries)
		lay.dots = append(lay.dots, mapDot{px, py, r, p.Kind})
		taken = append(taken, rect{px - r, py - r, px + r, py + r})
	}
	free := func(b rect) bool {
		if !b.within(lay.frame) {
			return false
		}
		for _, t := range taken {
			if b.overlaps(t) {
				return false
			}
		}
		return true
	}
	// Names of points, most entries first, at the first free one of eight
	// places around each point.
	for i, p := range m.Points {
		d := lay.dots[i]
		text := p.Name[lang]
		if i >= labelLimit {
			lay.unlabelled = append(lay.unlabelled, i)
			continue
		}
		tw := width(text, stMapLabel)
		th := stMapLabel.size * ptToMM
		g := d.r + labelGap
		placed := false
		// Left edge and baseline of each candidate, relative to the point.
		for _, c := range [8][2]float64{
			{g, th / 3}, {-g - tw, th / 3}, {-tw / 2, -g - th*0.2}, {-tw / 2, g + th*0.8},
			{g * 0.7, -g * 0.7}, {g * 0.7, g*0.7 + th*0.8}, {-g*0.7 - tw, -g * 0.7}, {-g*0.7 - tw, g*0.7 + th*0.8},
		} {
			lx, base := d.x+c[0], d.y+c[1]
			box := rect{lx, base - th*0.8, lx + tw, base + th*0.2}
			if free(rect{box.x0 - labelPad, box.y0 - labelPad, box.x1 + labelPad, box.y1 + labelPad}) || free(box) {
				lay.labels = append(lay.labels, mapLabel{text: text, st: stMapLabel, box: box, base: base, point: i})
				taken = append(taken, box)
				placed = true
				break
			}
		}
		if !placed {
			lay.unlabelled = append(lay.unlabelled, i)
		}
	}
	// Names of regions, then of the countries around, where they fit.
	place := func(text string, st style, box rect) bool {
		if !free(rect{box.x0 - labelPad, box.y0 - labelPad, box.x1 + labelPad, box.y1 + labelPad}) {
			return false
		}
		lay.labels = append(lay.labels, mapLabel{text: text, st: st, box: box, base: box.y0 + st.size*ptToMM*0.8, point: -1})
		taken = append(taken, box)
		return true
	}
	centred := func(text string, st style, at geo.XY, room float64) {
		tw, th := width(text, st), st.size*ptToMM
		if tw > 3*room || th > 2*room {
			return
		}
		place(text, st, rect{at.X - tw/2, at.Y - th/2, at.X + tw/2, at.Y + th/2})
	}
	// A region's name goes at the middle of its outline, or above or
	// below it, or beside, when a point is there; it may run over the
	// outline.
	for i, r := range m.Regions {
		text := r.Name[lang]
		at, _, ok := (geo.Shape{Rings: thin(lay.regions[i], labelStep)}).Label()
		placed := false
		if ok {
			tw, th := width(text, stMapRegion), stMapRegion.size*ptToMM
			for _, o := range [][2]float64{{0, 0}, {0, -1.3}, {0, 1.3}, {0, -2.6}, {0, 2.6}, {-0.6, -1.3}, {0.6, -1.3}, {-0.6, 1.3}, {0.6, 1.3}, {0, -3.9}, {0, 3.9}} {
				x, y := at.X+o[0]*tw, at.Y+o[1]*th
				if placed = place(text, stMapRegion, rect{x - tw/2, y - th/2, x + tw/2, y + th/2}); placed {
					break
				}
			}
		}
		if !placed {
			lay.unlabelledRegions = append(lay.unlabelledRegions, i)
		}
	}
	named := make(map[string]string, len(m.Neighbours))
	for _, c := range m.Neighbours {
		named[c.ISO] = c.Name[lang]
	}
	for _, s := range lay.others {
		if name, ok := named[s.Country.Code]; ok {
			if at, d, ok := (geo.Shape{Rings: thin(s.Rings, labelStep)}).Label(); ok {
				centred(name, stMapCountry, at, d)
			}
		}
	}
	return lay
}

// outlinePolygons converts a dossier's outline for package geo.
func outlinePolygons(o *model.Outline) []geo.Polygon {
	if o == nil {
		return nil
	}
	out := make([]geo.Polygon, 0, len(o.Polygons))
	for _, p := range o.Polygons {
		poly := make(geo.Polygon, 0, len(p))
		for _, r := range p {
			ring := make(geo.Ring, len(r))
			for i, q := range r {
				ring[i] = geo.Point{Lon: q[0], Lat: q[1]}
			}
			poly = append(poly, ring)
		}
		out = append(out, poly)
	}
	return out
}

// thin returns the rings with their points at least step apart (in x or
// y) from the previous one kept, leaving out rings left with fewer than
// three: where a name goes need not know an outline to a tenth of a
// millimetre, and finding it takes time in proportion to the points.
func thin(rings [][]geo.XY, step float64) [][]geo.XY {
	out := make([][]geo.XY, 0, len(rings))
	for _, r := range rings {
		if len(r) == 0 {
			continue
		}
		t := []geo.XY{r[0]}
		for _, p := range r[1:] {
			last := t[len(t)-1]
			if math.Abs(p.X-last.X) >= step || math.Abs(p.Y-last.Y) >= step {
				t = append(t, p)
			}
		}
		if len(t) >= 3 {
			out = append(out, t)
		}
	}
	return out
}
