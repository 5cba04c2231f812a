// Package maplayout lays out the map of events of a briefing
// (report.Map) in a frame, in millimetres, for every renderer to draw
// the same map: the projection fitted to the map's extent, the countries
// the frame shows, the regions, each place's point, and the names placed
// where they collide with no point and no other name. The PDF draws the
// layout with fpdf; the HTML renderer as inline SVG, in a view box of the
// same millimetres.
//
// Where a name fits depends on how wide it is set: the caller measures
// texts in the face and size of their Style (the PDF in its embedded
// fonts, the HTML renderer in the metrics of the same fonts).
package maplayout

import (
	"math"

	"github.com/coibrief/coibrief/internal/geo"
	"github.com/coibrief/coibrief/model"
	"github.com/coibrief/coibrief/report"
)

// PtToMM converts typographic points to millimetres.
const PtToMM = 25.4 / 72

// Style is the style of a name on the map.
type Style uint8

// Styles of names.
const (
	PlaceName   Style = iota // a point's: sans serif, 6.8 pt
	RegionName               // a region's: sans serif bold, 6.4 pt
	CountryName              // a country's around the dossier's: serif italic, 7.4 pt
)

// Size returns the style's size in points.
func (s Style) Size() float64 {
	switch s {
	case RegionName:
		return 6.4
	case CountryName:
		return 7.4
	}
	return 6.8
}

// Sizes of the map, in mm.
const (
	Inset      = 6.0  // between the frame and the extent the map is fitted to
	MinHeight  = 80.0 // the frame's least height
	MaxHeight  = 165.0
	labelGap   = 0.8 // between a point and its name
	labelPad   = 0.4 // around a name, kept clear of other names
	LabelLimit = 400 // points that may get a name; the others are listed
	labelStep  = 0.5 // the least step, in mm, of the outlines where names are sought
)

// Radius is the radius in mm of the point of a place with n entries.
func Radius(entries int) float64 { return 1.1 + 1.15*math.Sqrt(float64(entries)) }

// LegendSizes are the numbers of entries whose points a legend shows.
var LegendSizes = []int{1, 5, 10, 30}

// Rect is a rectangle, from its top-left corner (X0, Y0) to its
// bottom-right one.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether r and o share more than an edge.
func (r Rect) Overlaps(o Rect) bool {
	return r.X0 < o.X1 && o.X0 < r.X1 && r.Y0 < o.Y1 && o.Y0 < r.Y1
}

// Within reports whether r lies in o.
func (r Rect) Within(o Rect) bool {
	return r.X0 >= o.X0 && r.X1 <= o.X1 && r.Y0 >= o.Y0 && r.Y1 <= o.Y1
}

// Layout is the map of a briefing laid out in its frame.
type Layout struct {
	Proj       geo.Projection
	Frame      Rect
	Others     []geo.Shape  // every other country the frame shows
	Country    geo.Shape    // the dossier's; no rings when the data has no outline for it
	Regions    [][][]geo.XY // the rings of each of report.Map's Regions
	Dots       []Dot        // report.Map's Points, in their order
	Labels     []Label      // the names placed: points', regions', countries'
	Unlabelled []int        // the points left without a name, in their order

	UnlabelledRegions []int // the regions left without a name
}

// Dot is a place on the map.
type Dot struct {
	X, Y, R float64
	Kind    model.EventKind
}

// Label is a name on the map: its text, style, and box, whose bottom is
// below the baseline by a fifth of the size.
type Label struct {
	Text  string
	Style Style
	Box   Rect
	Base  float64 // the baseline
	Point int     // the index of the point named, or -1
}

// FrameHeight returns the height of the frame for a map of m at width
// w, between MinHeight and maxH: as tall as the extent's shape asks for.
func FrameHeight(m *report.Map, w, maxH float64) float64 {
	pts := extentPoints(m)
	p := geo.Fit(pts, 0, 0, 1000, 1000, 0)
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, pt := range pts {
		x, y := p.Project(pt)
		x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
	}
	h := maxH
	if x1-x0 > 1e-9 {
		h = (w-2*Inset)*(y1-y0)/(x1-x0)*1.08 + 2*Inset
	}
	if math.IsNaN(h) {
		h = maxH
	}
	return math.Max(math.Min(MinHeight, maxH), math.Min(h, maxH))
}

// extentPoints returns the points of m's extent.
func extentPoints(m *report.Map) []geo.Point {
	pts := make([]geo.Point, 0, len(m.Extent))
	for _, c := range m.Extent {
		pts = append(pts, geo.Point{Lon: c.Lon, Lat: c.Lat})
	}
	return pts
}

// New lays out the map of m in the frame of width w and height h whose
// top-left corner is at (x, y): the projection fitted to m's extent, the
// countries it shows, the regions, the points, and names in language lang
// (an index in the briefing's languages) placed where they collide with
// no point and no other name. width measures a text in mm.
func New(m *report.Map, lang int, x, y, w, h float64, width func(string, Style) float64) *Layout {
	lay := &Layout{Frame: Rect{x, y, x + w, y + h}}
	lay.Proj = geo.Fit(extentPoints(m), x, y, w, h, Inset)
	home, _ := geo.Lookup(m.ISO)
	if m.ISO == "" {
		home = nil
	}
	for _, s := range lay.Proj.Shapes() {
		if s.Country == home {
			lay.Country = s
		} else {
			lay.Others = append(lay.Others, s)
		}
	}
	for _, r := range m.Regions {
		lay.Regions = append(lay.Regions, lay.Proj.Outline(outlinePolygons(r.Outline)))
	}
	// Obstacles: the points, all placed before any name.
	var taken []Rect
	for _, p := range m.Points {
		px, py := lay.Proj.Project(geo.Point{Lon: p.Coord.Lon, Lat: p.Coord.Lat})
		r := Radius(p.Entries)
		lay.Dots = append(lay.Dots, Dot{px, py, r, p.Kind})
		taken = append(taken, Rect{px - r, py - r, px + r, py + r})
	}
	free := func(b Rect) bool {
		if !b.Within(lay.Frame) {
			return false
		}
		for _, t := range taken {
			if b.Overlaps(t) {
				return false
			}
		}
		return true
	}
	// Names of points, most entries first, at the first free one of eight
	// places around each point.
	for i, p := range m.Points {
		d := lay.Dots[i]
		text := p.Name[lang]
		if i >= LabelLimit {
			lay.Unlabelled = append(lay.Unlabelled, i)
			continue
		}
		tw := width(text, PlaceName)
		th := PlaceName.Size() * PtToMM
		g := d.R + labelGap
		placed := false
		// Left edge and baseline of each candidate, relative to the point.
		for _, c := range [8][2]float64{
			{g, th / 3}, {-g - tw, th / 3}, {-tw / 2, -g - th*0.2}, {-tw / 2, g + th*0.8},
			{g * 0.7, -g * 0.7}, {g * 0.7, g*0.7 + th*0.8}, {-g*0.7 - tw, -g * 0.7}, {-g*0.7 - tw, g*0.7 + th*0.8},
		} {
			lx, base := d.X+c[0], d.Y+c[1]
			box := Rect{lx, base - th*0.8, lx + tw, base + th*0.2}
			if free(Rect{box.X0 - labelPad, box.Y0 - labelPad, box.X1 + labelPad, box.Y1 + labelPad}) || free(box) {
				lay.Labels = append(lay.Labels, Label{Text: text, Style: PlaceName, Box: box, Base: base, Point: i})
				taken = append(taken, box)
				placed = true
				break
			}
		}
		if !placed {
			lay.Unlabelled = append(lay.Unlabelled, i)
		}
	}
	// Names of regions, then of the countries around, where they fit.
	place := func(text string, st Style, box Rect) bool {
		if !free(Rect{box.X0 - labelPad, box.Y0 - labelPad, box.X1 + labelPad, box.Y1 + labelPad}) {
			return false
		}
		lay.Labels = append(lay.Labels, Label{Text: text, Style: st, Box: box, Base: box.Y0 + st.Size()*PtToMM*0.8, Point: -1})
		taken = append(taken, box)
		return true
	}
	centred := func(text string, st Style, at geo.XY, room float64) {
		tw, th := width(text, st), st.Size()*PtToMM
		if tw > 3*room || th > 2*room {
			return
		}
		place(text, st, Rect{at.X - tw/2, at.Y - th/2, at.X + tw/2, at.Y + th/2})
	}
	// A region's name goes at the middle of its outline, or above or
	// below it, or beside, when a point is there; it may run over the
	// outline.
	for i, r := range m.Regions {
		text := r.Name[lang]
		at, _, ok := (geo.Shape{Rings: thin(lay.Regions[i], labelStep)}).Label()
		placed := false
		if ok {
			tw, th := width(text, RegionName), RegionName.Size()*PtToMM
			for _, o := range [][2]float64{{0, 0}, {0, -1.3}, {0, 1.3}, {0, -2.6}, {0, 2.6}, {-0.6, -1.3}, {0.6, -1.3}, {-0.6, 1.3}, {0.6, 1.3}, {0, -3.9}, {0, 3.9}} {
				x, y := at.X+o[0]*tw, at.Y+o[1]*th
				if placed = place(text, RegionName, Rect{x - tw/2, y - th/2, x + tw/2, y + th/2}); placed {
					break
				}
			}
		}
		if !placed {
			lay.UnlabelledRegions = append(lay.UnlabelledRegions, i)
		}
	}
	named := make(map[string]string, len(m.Neighbours))
	for _, c := range m.Neighbours {
		named[c.ISO] = c.Name[lang]
	}
	for _, s := range lay.Others {
		if name, ok := named[s.Country.Code]; ok {
			if at, d, ok := (geo.Shape{Rings: thin(s.Rings, labelStep)}).Label(); ok {
				centred(name, CountryName, at, d)
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
