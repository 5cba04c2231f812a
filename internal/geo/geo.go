// Package geo holds the geography behind the briefings' maps: the outline
// of every country, embedded from Natural Earth's 1:50m admin-0 countries
// (public domain; see SOURCE.md), looked up by ISO 3166-1 code; which
// countries are neighbours; a projection that fits a set of points into a
// rectangle of a page at any latitude and across the antimeridian; and the
// clipping of projected outlines to that rectangle.
//
// # Coordinates
//
// A Point is a longitude and latitude in degrees. The outlines are planar
// in longitude and latitude: two consecutive points of a ring are joined by
// a straight line in those coordinates, as in GeoJSON. Longitudes along a
// ring are continuous: a ring that crosses the antimeridian (Russia's
// mainland, Wrangel Island, one of Fiji's islands) goes on past 180° (to
// about 190.3° for Chukotka) rather than jumping to −180°, so that no edge
// spans the world; every ring's westernmost point lies in [−180°, 180°).
// Antarctica's outline is closed through the South Pole, along the 180°
// meridian and the pole itself, as in Natural Earth's shapefiles.
//
// Page coordinates (XY) grow rightwards and downwards, as in PDF drawing:
// north is up on the page.
//
// # Codes
//
// Countries are known by their ISO 3166-1 alpha-2 code in lower case
// ("kz"). Lookup also takes upper case, alpha-3 codes, numeric codes and the
// aliases that golang.org/x/text/language knows ("UK" for "gb"). A few
// Natural Earth features have no ISO code and are given these, with the
// numeric codes golang.org/x/text/language gives them:
//
//	xk  983  Kosovo (the code in common use, also CLDR's)
//	xs  991  Somaliland
//	xc  975  N. Cyprus
//	xg  979  Siachen Glacier
//
// Parts of Natural Earth features that have ISO codes of their own are
// countries of their own here: French Guiana (gf), Guadeloupe (gp),
// Martinique (mq), Réunion (re) and Mayotte (yt) are not part of France
// (fr); Svalbard and Jan Mayen (sj) not of Norway (no); the Caribbean
// Netherlands (bq) not of the Netherlands (nl); Natural Earth's "Indian
// Ocean Ter." is Christmas Island (cx) and the Cocos Islands (cc). Ashmore
// and Cartier Islands, which Natural Earth lists apart under Australia's
// code, are part of Australia (au). Five ISO 3166-1 countries and
// territories are too small for the 1:50m data and cannot be looked up:
// Bouvet Island (bv), Gibraltar (gi), Tokelau (tk), Tuvalu (tv) and the
// United States Minor Outlying Islands (um).
//
// # Concurrency
//
// The data is decoded once per process, on first use, and shared: every
// function may be called from any goroutine, and nothing it returns may be
// modified.
package geo

//go:generate go run ./internal/gen -topojson ${TOPOJSON} -o countries.bin

import (
	"math"
	"slices"
)

// Point is a position on the Earth in degrees of longitude (east positive)
// and latitude (north positive).
type Point struct {
	Lon, Lat float64
}

// Ring is a closed ring of points: the last point joins the first, which
// is not repeated.
type Ring []Point

// Polygon is an outer ring followed by its holes, if any.
type Polygon []Ring

// valid reports whether p is a finite position with a latitude in
// [−90°, 90°].
func (p Point) valid() bool {
	return !math.IsNaN(p.Lon) && !math.IsInf(p.Lon, 0) && p.Lat >= -90 && p.Lat <= 90
}

// normLon returns lon in [−180°, 180°).
func normLon(lon float64) float64 {
	lon = math.Mod(lon+180, 360)
	if lon < 0 {
		lon += 360
	}
	return lon - 180
}

// Bounds is a box of longitudes and latitudes in degrees. Its longitudes
// run eastwards from West to East, both in [−180°, 180°]; a box that crosses
// the antimeridian has East < West (Fiji's box runs from West 177° to East
// −178°). A box around the whole Earth has West −180° and East 180°.
type Bounds struct {
	West, South, East, North float64
}

// Width returns the box's extent in degrees of longitude, from 0 to 360.
func (b Bounds) Width() float64 {
	if b.West == -180 && b.East == 180 {
		return 360
	}
	w := b.East - b.West
	if w < 0 {
		w += 360
	}
	return w
}

// Centre returns the middle of the box.
func (b Bounds) Centre() Point {
	return Point{Lon: normLon(b.West + b.Width()/2), Lat: (b.South + b.North) / 2}
}

// Contains reports whether p lies in the box (edges included).
func (b Bounds) Contains(p Point) bool {
	if !p.valid() || p.Lat < b.South || p.Lat > b.North {
		return false
	}
	d := normLon(p.Lon) - b.West
	if d < 0 {
		d += 360
	}
	return d <= b.Width()
}

// Intersects reports whether the boxes share a point.
func (b Bounds) Intersects(o Bounds) bool {
	if b.South > o.North || o.South > b.North {
		return false
	}
	d := o.West - b.West
	if d < 0 {
		d += 360
	}
	// o starts within b, or b starts within o.
	return d <= b.Width() || 360-d <= o.Width()
}

// Union returns the smallest box holding both boxes.
func (b Bounds) Union(o Bounds) Bounds {
	return hull([]interval{{b.West, b.Width()}, {o.West, o.Width()}}, math.Min(b.South, o.South), math.Max(b.North, o.North))
}

// Pad returns the box grown by deg degrees on every side, latitudes
// stopping at the poles and longitudes at the whole Earth. A box reaching a
// pole spans every longitude. A negative or invalid deg leaves b as it is.
func (b Bounds) Pad(deg float64) Bounds {
	if !(deg > 0) || math.IsInf(deg, 1) {
		if math.IsInf(deg, 1) {
			return Bounds{-180, -90, 180, 90}
		}
		return b
	}
	out := Bounds{South: math.Max(-90, b.South-deg), North: math.Min(90, b.North+deg)}
	if w := b.Width() + 2*deg; w >= 360 || out.South == -90 || out.North == 90 {
		out.West, out.East = -180, 180
	} else {
		out.West = normLon(b.West - deg)
		out.East = normLon(out.West + w)
		if out.East == -180 {
			out.East = 180
		}
	}
	return out
}

// BoundsOf returns the smallest box holding every valid point (points with
// a NaN or infinite coordinate or a latitude beyond a pole are left out),
// taking the shortest way round in longitude: the box of Fiji's points is
// less than 10° wide, not 360°. It reports false if there is no valid point.
func BoundsOf(pts ...Point) (Bounds, bool) {
	ivs := make([]interval, 0, len(pts))
	south, north := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		if !p.valid() {
			continue
		}
		ivs = append(ivs, interval{p.Lon, 0})
		south, north = math.Min(south, p.Lat), math.Max(north, p.Lat)
	}
	if len(ivs) == 0 {
		return Bounds{}, false
	}
	return hull(ivs, south, north), true
}

// interval is an arc of longitudes: from west, width degrees eastwards.
type interval struct{ west, width float64 }

// hull returns the box from south to north whose longitudes are the
// smallest arc of the circle covering every interval: the complement of the
// largest gap between them.
func hull(ivs []interval, south, north float64) Bounds {
	full := Bounds{-180, south, 180, north}
	for i := range ivs {
		if ivs[i].width >= 360 {
			return full
		}
		ivs[i].west = normLon(ivs[i].west)
	}
	slices.SortFunc(ivs, func(a, b interval) int {
		switch {
		case a.west < b.west:
			return -1
		case a.west > b.west:
			return 1
		}
		return 0
	})
	type gap struct{ from, to float64 }
	var gaps []gap
	start := ivs[0].west
	end := start + ivs[0].width
	for _, iv := range ivs[1:] {
		if iv.west > end {
			gaps = append(gaps, gap{end, iv.west})
		}
		end = math.Max(end, iv.west+iv.width)
	}
	if end < start+360 {
		gaps = append(gaps, gap{end, start + 360})
	}
	// Coverage that runs past start+360 closes gaps at the beginning.
	best, bestW := gap{}, -1.0
	for _, g := range gaps {
		if wrapped := end - 360; g.from < wrapped {
			g.from = math.Min(wrapped, g.to)
		}
		if w := g.to - g.from; w > bestW {
			best, bestW = g, w
		}
	}
	if bestW <= 0 {
		return full
	}
	west := normLon(best.to)
	east := normLon(best.from)
	if east == -180 && west != -180 {
		east = 180
	}
	return Bounds{west, south, east, north}
}
