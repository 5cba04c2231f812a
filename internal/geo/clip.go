package geo

import "math"

// densifyDeg is the longest edge, in degrees (of latitude, or of longitude
// times the cosine of the latitude), that is projected as a straight line;
// longer edges, such as a border along a parallel, are cut into pieces
// this long so that they bend as the projection bends them.
const densifyDeg = 0.5

// ClipRing returns the part of a ring of page positions that lies in the
// rectangle with top-left corner (x, y), width w and height h, by the
// Sutherland–Hodgman algorithm. The result is a ring again (the last
// position joins the first); where the ring leaves the rectangle and comes
// back, it runs along the rectangle's side, so that a filled ring stays
// right, and where a concave ring is cut into pieces, they are joined by
// edges along the sides. It is nil if nothing of the ring is left. The
// input is not modified.
func ClipRing(r []XY, x, y, w, h float64) []XY {
	if len(r) < 3 || !(w >= 0) || !(h >= 0) {
		return nil
	}
	return clipRect(r, x, y, x+w, y+h)
}

// clipRect clips a ring to [x0, x1] × [y0, y1] into a new slice.
func clipRect(r []XY, x0, y0, x1, y1 float64) []XY {
	all := true
	for _, p := range r {
		if !(p.X >= x0 && p.X <= x1 && p.Y >= y0 && p.Y <= y1) {
			all = false
			break
		}
	}
	if all {
		return append([]XY(nil), r...)
	}
	// Each edge adds at most one position per position of the ring.
	in := r
	bufs := [2][]XY{make([]XY, 0, 2*len(r)+8), make([]XY, 0, 2*len(r)+8)}
	var out []XY
	for edge := range 4 {
		if len(in) == 0 {
			return nil
		}
		out = bufs[edge%2][:0]
		inside := func(p XY) bool {
			switch edge {
			case 0:
				return p.X >= x0
			case 1:
				return p.X <= x1
			case 2:
				return p.Y >= y0
			}
			return p.Y <= y1
		}
		cross := func(a, b XY) XY {
			var t float64
			switch edge {
			case 0:
				t = (x0 - a.X) / (b.X - a.X)
				return XY{x0, a.Y + t*(b.Y-a.Y)}
			case 1:
				t = (x1 - a.X) / (b.X - a.X)
				return XY{x1, a.Y + t*(b.Y-a.Y)}
			case 2:
				t = (y0 - a.Y) / (b.Y - a.Y)
				return XY{a.X + t*(b.X-a.X), y0}
			}
			t = (y1 - a.Y) / (b.Y - a.Y)
			return XY{a.X + t*(b.X-a.X), y1}
		}
		prev := in[len(in)-1]
		pin := inside(prev)
		for _, cur := range in {
			cin := inside(cur)
			switch {
			case cin && pin:
				out = append(out, cur)
			case cin:
				out = append(out, cross(prev, cur), cur)
			case pin:
				out = append(out, cross(prev, cur))
			}
			prev, pin = cur, cin
		}
		in = out
	}
	if len(out) < 3 {
		return nil
	}
	return append([]XY(nil), out...)
}

// Shape is a country's outline as a projection draws it in its frame.
type Shape struct {
	Country *Country
	// Rings are the projected rings, clipped to the frame: fill them
	// together by the even-odd rule. Where a country runs out of the frame,
	// its clipped rings have edges along the frame's sides, which are not
	// borders: stroke the frame over them, or clip the drawing to the frame.
	Rings [][]XY
}

// Shape returns the part of the country's outline drawn in the frame
// (with no rings if none is). A frame that shows more than a hemisphere
// (a map of the world, say) leaves out any polygon around the point
// opposite the projection's centre, which the projection cannot draw.
func (p Projection) Shape(c *Country) Shape {
	s := Shape{Country: c}
	if c == nil || p.w == 0 || p.h == 0 || p.k == 0 || !c.Bounds.Intersects(p.view) {
		return s
	}
	s.Rings = p.polygons(c.Polygons, c.boxes)
	return s
}

// Outline returns the polygons of an outline given in longitude and
// latitude — a region's, say, as a GeoJSON Polygon or MultiPolygon gives
// it — as the projection draws them in its frame, in the manner of Shape:
// fill the rings together by the even-odd rule. Each edge is taken the
// shorter way round, so that a ring may cross the antimeridian whether its
// longitudes jump from 180° to −180° or run on past 180°. Rings of fewer
// than 3 points and points that are not valid are left out.
func (p Projection) Outline(polys []Polygon) [][]XY {
	if p.w == 0 || p.h == 0 || p.k == 0 {
		return nil
	}
	ps := make([]Polygon, 0, len(polys))
	boxes := make([]box, 0, len(polys))
	for _, poly := range polys {
		var out Polygon
		for i, r := range poly {
			u := unwrapRing(r)
			if len(u) < 3 {
				if i == 0 {
					break // no boundary: no polygon
				}
				continue
			}
			out = append(out, u)
		}
		if len(out) == 0 {
			continue
		}
		ps = append(ps, out)
		boxes = append(boxes, boxOf(out[0]))
	}
	return p.polygons(ps, boxes)
}

// unwrapRing returns the valid points of r with longitudes made
// continuous, each step taken the shorter way round, shifted by whole
// turns so that the westernmost lies in [−180°, 180°), as the embedded
// rings are.
func unwrapRing(r Ring) Ring {
	out := make(Ring, 0, len(r))
	for _, pt := range r {
		if !pt.valid() {
			continue
		}
		lon := normLon(pt.Lon)
		if n := len(out); n > 0 {
			prev := out[n-1].Lon
			lon = prev + normLon(lon-prev)
		}
		out = append(out, Point{lon, pt.Lat})
	}
	if len(out) < 3 {
		return nil
	}
	west := math.Inf(1)
	for _, pt := range out {
		west = math.Min(west, pt.Lon)
	}
	if shift := normLon(west) - west; shift != 0 {
		for i := range out {
			out[i].Lon += shift
		}
	}
	return out
}

// polygons projects polygons whose boxes are given (of unwrapped
// longitudes), cut to the view and clipped to the frame.
func (p Projection) polygons(polys []Polygon, boxes []box) [][]XY {
	var rings [][]XY
	v := p.view
	full := v.Width() >= 360
	west, east := v.West, v.West+v.Width()
	if full {
		west, east = math.Inf(-1), math.Inf(1)
	}
	var ll, buf []XY
	anti := Point{normLon(p.lon0 + 180), -p.lat0}
	for i, poly := range polys {
		b := boxes[i]
		if b.north < v.South || b.south > v.North || full && polyHas(poly, b, anti) {
			continue
		}
		for _, shift := range [3]float64{0, -360, 360} {
			if full && shift != 0 || !full && (b.east+shift < west || b.west+shift > east) {
				continue
			}
			for _, r := range poly {
				ll = ll[:0]
				for _, pt := range r {
					ll = append(ll, XY{pt.Lon + shift, pt.Lat})
				}
				if !(b.west+shift >= west && b.east+shift <= east && b.south >= v.South && b.north <= v.North) {
					ll = clipRect(ll, west, v.South, east, v.North)
					if len(ll) < 3 {
						continue
					}
				}
				buf = p.projectDense(ll, buf[:0])
				if out := clipRect(buf, p.x, p.y, p.x+p.w, p.y+p.h); len(out) >= 3 {
					rings = append(rings, out)
				}
			}
		}
	}
	return rings
}

// projectDense appends to dst the page positions of a ring given in
// longitude (X) and latitude (Y), cutting long edges into pieces.
func (p Projection) projectDense(r []XY, dst []XY) []XY {
	add := func(lon, lat float64) {
		x, y := p.Project(Point{lon, lat})
		dst = append(dst, XY{x, y})
	}
	for i, a := range r {
		add(a.X, a.Y)
		b := r[(i+1)%len(r)]
		d := math.Max(math.Abs(b.Y-a.Y), math.Abs(b.X-a.X)*math.Cos((a.Y+b.Y)/2*math.Pi/180))
		n := int(math.Min(720, math.Ceil(d/densifyDeg)))
		for k := 1; k < n; k++ {
			t := float64(k) / float64(n)
			add(a.X+t*(b.X-a.X), a.Y+t*(b.Y-a.Y))
		}
	}
	return dst
}

// Shapes returns every country that has a part in the frame, in the
// order of Countries, with that part (see Shape). The country the map is
// about is among them; draw the others, its neighbours and beyond, in a
// lighter tone.
func (p Projection) Shapes() []Shape {
	var out []Shape
	for _, c := range Countries() {
		if s := p.Shape(c); len(s.Rings) > 0 {
			out = append(out, s)
		}
	}
	return out
}
