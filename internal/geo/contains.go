package geo

import "math"

// Contains reports whether p lies in the country, by the even-odd rule on
// the rings of each polygon (a point in a hole, such as Lesotho in South
// Africa, is not in the polygon), after a quick test against the bounding
// boxes. Longitudes are taken modulo 360°. Points on an edge may fall
// either way; invalid points (NaN, a latitude beyond a pole) are in no
// country.
func (c *Country) Contains(p Point) bool {
	if c == nil || !p.valid() || !c.Bounds.Contains(p) {
		return false
	}
	for i := range c.Polygons {
		if c.polygonHas(i, p) {
			return true
		}
	}
	return false
}

// polygonHas reports whether the valid point p lies in polygon i.
func (c *Country) polygonHas(i int, p Point) bool {
	return polyHas(c.Polygons[i], c.boxes[i], p)
}

// polyHas reports whether the valid point p lies in the polygon of
// unwrapped longitudes whose outer ring's box is b.
func polyHas(poly Polygon, b box, p Point) bool {
	if p.Lat < b.south || p.Lat > b.north {
		return false
	}
	// Rings run on past 180°: try the point a turn further east too.
	lon := normLon(p.Lon)
	for _, l := range [2]float64{lon, lon + 360} {
		if l >= b.west && l <= b.east && polygonContains(poly, Point{l, p.Lat}) {
			return true
		}
	}
	return false
}

// polygonContains applies the even-odd rule to every ring of the polygon.
func polygonContains(poly Polygon, p Point) bool {
	in := false
	for _, r := range poly {
		if ringContains(r, p) {
			in = !in
		}
	}
	return in
}

// ringContains reports whether p lies inside the ring by the even-odd
// rule, in plain longitude and latitude.
func ringContains(r Ring, p Point) bool {
	in := false
	n := len(r)
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a.Lat > p.Lat) != (b.Lat > p.Lat) &&
			p.Lon < a.Lon+(p.Lat-a.Lat)*(b.Lon-a.Lon)/(b.Lat-a.Lat) {
			in = !in
		}
	}
	return in
}

// At returns the country that contains p, if any. Natural Earth's
// countries do not overlap, so there is at most one.
func At(p Point) (*Country, bool) {
	d, err := load()
	if err != nil || !p.valid() {
		return nil, false
	}
	for _, c := range d.countries {
		if c.Contains(p) {
			return c, true
		}
	}
	return nil, false
}

// Main returns the polygons that make the country's main body, for fitting
// a map to it: the largest polygon, every polygon at least a tenth its
// area, and every other polygon that lies within 300 km, or a third of the
// diagonal of its bounding box, of one of those. Distant islands and
// territories are left out: Hawaii from the United States, Easter Island
// from Chile, the Galápagos from Ecuador, the Canaries from Spain, the
// Chatham Islands from New Zealand. The
// polygons are those of c.Polygons, in the same order.
func (c *Country) Main() []Polygon {
	if c == nil || len(c.Polygons) == 0 {
		return nil
	}
	areas := c.areas()
	big := areas[0]
	for _, a := range areas {
		big = math.Max(big, a)
	}
	var anchors []int
	for i, a := range areas {
		if a >= big/10 {
			anchors = append(anchors, i)
		}
	}
	out := make([]Polygon, 0, len(c.Polygons))
	for i, p := range c.Polygons {
		keep := false
		for _, a := range anchors {
			if i == a || boxKm(c.boxes[i], c.boxes[a]) <= math.Max(300, diagKm(c.boxes[a])/3) {
				keep = true
				break
			}
		}
		if keep {
			out = append(out, p)
		}
	}
	return out
}

// boxKm returns about the distance in km between two boxes: the least
// great-circle distance between their nearest sides in longitude (the
// shorter way round), at the latitudes where the boxes come closest or
// end.
func boxKm(a, b box) float64 {
	// The longitudes facing each other, or the same one if they overlap.
	dlon := math.Inf(1)
	for _, s := range [3]float64{-360, 0, 360} {
		dlon = math.Min(dlon, math.Max(0, math.Max(a.west-(b.east+s), (b.west+s)-a.east)))
	}
	clamp := func(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }
	lats := func(x, o box) [5]float64 {
		return [5]float64{x.south, x.north, clamp(o.south, x.south, x.north), clamp(o.north, x.south, x.north), clamp(0, x.south, x.north)}
	}
	best := math.Inf(1)
	for _, la := range lats(a, b) {
		for _, lb := range lats(b, a) {
			best = math.Min(best, haversine(Point{0, la}, Point{dlon, lb}))
		}
	}
	return best
}

// haversine returns the great-circle distance in km between two points.
func haversine(p, q Point) float64 {
	const r = math.Pi / 180
	s1 := math.Sin((q.Lat - p.Lat) * r / 2)
	s2 := math.Sin((q.Lon - p.Lon) * r / 2)
	h := s1*s1 + math.Cos(p.Lat*r)*math.Cos(q.Lat*r)*s2*s2
	return 2 * earthRadius * math.Asin(math.Sqrt(math.Min(1, h)))
}

// diagKm returns about the length in km of a box's diagonal, measuring
// longitude at its middle latitude.
func diagKm(b box) float64 {
	const k = earthRadius * math.Pi / 180
	return math.Hypot((b.north-b.south)*k, (b.east-b.west)*k*math.Cos((b.south+b.north)/2*math.Pi/180))
}

// Points returns every point of the outer rings of the polygons, in a new
// slice, for Fit: Fit(append(Points(c.Main()), places...), …).
func Points(polys []Polygon) []Point {
	n := 0
	for _, p := range polys {
		if len(p) > 0 {
			n += len(p[0])
		}
	}
	out := make([]Point, 0, n)
	for _, p := range polys {
		if len(p) > 0 {
			out = append(out, p[0]...)
		}
	}
	return out
}
