package geo

import "math"

// earthRadius is the mean radius of the Earth in km.
const earthRadius = 6371.0088

// minSpan is the smallest extent, in km, that Fit draws across its
// rectangle: a single point gets a map about this wide.
const minSpan = 10.0

// XY is a position on the page. Y grows downwards.
type XY struct {
	X, Y float64
}

// Projection maps longitude and latitude to page coordinates by Lambert's
// azimuthal equal-area projection of a sphere, centred on the middle of
// the extent it was fitted to: areas keep their proportions everywhere and
// shapes are true at the centre and nearly so across a country (for the
// 170° of Russia, whose ends lie some 42° from the centre, angles are off
// by at most 8° there; for a country 20° across, by under half a degree). The central meridian is vertical with
// north up, and longitudes are measured from it, so that a map crossing the
// antimeridian (Fiji, Chukotka, the Aleutians) is drawn in one piece.
//
// The zero Projection draws everything at the page's origin.
type Projection struct {
	lon0, lat0 float64 // centre, in degrees
	sin0, cos0 float64 // of lat0
	k          float64 // page units per km
	ox, oy     float64 // page position of the centre
	x, y, w, h float64 // frame
	view       Bounds  // holds everything the frame shows
}

// Fit returns the projection that draws the points as large as possible in
// the rectangle with top-left corner (x, y), width w and height h, keeping
// margin page units free on every side, the points' extent centred. Its
// centre is the middle of BoundsOf(pts...), taking the shorter way round
// in longitude. The rectangle is the map's frame: Shapes draws what lies in
// all of it, not only in the extent of the points.
//
// Invalid points (see Point.Valid) are left out. With none left the map is
// centred on 0°, 0°; an extent narrower than 10 km is drawn 10 km across.
// A rectangle with a NaN, infinite or negative size is taken as empty, and
// a margin larger than half the rectangle as that half: everything is then
// drawn at one point.
func Fit(pts []Point, x, y, w, h, margin float64) Projection {
	x, y, w, h, margin = finite(x), finite(y), math.Max(0, finite(w)), math.Max(0, finite(h)), math.Max(0, finite(margin))
	margin = math.Min(margin, math.Min(w, h)/2)
	b, ok := BoundsOf(pts...)
	centre := Point{}
	if ok {
		centre = b.Centre()
	}
	p := Projection{lon0: centre.Lon, lat0: centre.Lat, x: x, y: y, w: w, h: h}
	p.sin0, p.cos0 = math.Sincos(centre.Lat * math.Pi / 180)
	minX, minY, maxX, maxY := 0.0, 0.0, 0.0, 0.0
	first := true
	for _, pt := range pts {
		if !pt.Valid() {
			continue
		}
		px, py, _ := p.laea(pt)
		if first {
			minX, minY, maxX, maxY, first = px, py, px, py, false
			continue
		}
		minX, minY = math.Min(minX, px), math.Min(minY, py)
		maxX, maxY = math.Max(maxX, px), math.Max(maxY, py)
	}
	cx, cy := (minX+maxX)/2, (minY+maxY)/2
	spanX, spanY := math.Max(maxX-minX, minSpan), math.Max(maxY-minY, minSpan)
	if maxX-minX < minSpan && maxY-minY < minSpan {
		spanX, spanY = minSpan, minSpan
	}
	p.k = math.Min((w-2*margin)/spanX, (h-2*margin)/spanY)
	if !(p.k > 0) || math.IsInf(p.k, 0) {
		p.k = 0
	}
	p.ox = x + w/2 - p.k*cx
	p.oy = y + h/2 + p.k*cy
	p.view = p.computeView()
	return p
}

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// Valid reports whether p is a position on the Earth: finite, with a
// latitude between −90° and 90°. Any finite longitude is valid.
func (p Point) Valid() bool { return p.valid() }

// laea returns the position of pt on the projection plane, in km from the
// centre, x east and y north. It reports false for the point opposite the
// centre, which it puts at the bottom of the disc of radius 2R that holds
// the whole Earth.
func (p Projection) laea(pt Point) (x, y float64, ok bool) {
	sinφ, cosφ := math.Sincos(pt.Lat * math.Pi / 180)
	sinλ, cosλ := math.Sincos((pt.Lon - p.lon0) * math.Pi / 180)
	den := 1 + p.sin0*sinφ + p.cos0*cosφ*cosλ
	if !(den > 1e-12) {
		return 0, -2 * earthRadius, false
	}
	k := earthRadius * math.Sqrt(2/den)
	return k * cosφ * sinλ, k * (p.cos0*sinφ - p.sin0*cosφ*cosλ), true
}

// Project returns the page position of pt. An invalid point (see
// Point.Valid) is put at the centre of the frame; check points first.
func (p Projection) Project(pt Point) (x, y float64) {
	if !pt.Valid() {
		return p.x + p.w/2, p.y + p.h/2
	}
	px, py, _ := p.laea(pt)
	return p.ox + p.k*px, p.oy - p.k*py
}

// Unproject returns the point drawn at page position (x, y). It reports
// false for a position off the Earth (beyond the disc the projection maps
// it to), for non-finite input, and when the projection draws everything
// at one point.
func (p Projection) Unproject(x, y float64) (Point, bool) {
	if !(p.k > 0) || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return Point{}, false
	}
	px, py := (x-p.ox)/p.k, (p.oy-y)/p.k
	rho := math.Hypot(px, py)
	if rho > 2*earthRadius {
		return Point{}, false
	}
	if rho == 0 {
		return Point{p.lon0, p.lat0}, true
	}
	c := 2 * math.Asin(math.Min(1, rho/(2*earthRadius)))
	sinc, cosc := math.Sincos(c)
	lat := math.Asin(math.Max(-1, math.Min(1, cosc*p.sin0+py*sinc*p.cos0/rho)))
	lon := p.lon0 + math.Atan2(px*sinc, rho*p.cos0*cosc-py*p.sin0*sinc)*180/math.Pi
	return Point{normLon(lon), lat * 180 / math.Pi}, true
}

// Frame returns the rectangle given to Fit (as adjusted there): its
// top-left corner, width and height.
func (p Projection) Frame() (x, y, w, h float64) { return p.x, p.y, p.w, p.h }

// Centre returns the point at the centre of the projection, where it is
// true to shape and scale.
func (p Projection) Centre() Point { return Point{p.lon0, p.lat0} }

// Scale returns the page units per km at the centre of the projection.
func (p Projection) Scale() float64 { return p.k }

// View returns a box of longitudes and latitudes holding everything the
// frame shows, with some room to spare.
func (p Projection) View() Bounds { return p.view }

// inFrame reports whether a page position lies in the frame.
func (p Projection) inFrame(x, y float64) bool {
	return x >= p.x && x <= p.x+p.w && y >= p.y && y <= p.y+p.h
}

// computeView returns a box holding what the frame shows: the box of
// points along the frame's sides, reaching to a pole if the frame shows
// one, padded for what lies between the points. On the projection's plane
// a latitude or a longitude has no extreme inside the frame but at a pole,
// so the sides are enough.
func (p Projection) computeView() Bounds {
	if p.k == 0 || p.w == 0 || p.h == 0 {
		return Bounds{p.lon0, p.lat0, p.lon0, p.lat0}
	}
	const n = 64
	pts := make([]Point, 0, 4*n)
	for i := range n {
		t := float64(i) / n
		for _, xy := range [4]XY{
			{p.x + t*p.w, p.y},
			{p.x + p.w, p.y + t*p.h},
			{p.x + p.w - t*p.w, p.y + p.h},
			{p.x, p.y + p.h - t*p.h},
		} {
			pt, ok := p.Unproject(xy.X, xy.Y)
			if !ok {
				return Bounds{-180, -90, 180, 90}
			}
			pts = append(pts, pt)
		}
	}
	b, _ := BoundsOf(pts...)
	// Room for the sides between the points: a step along a side.
	pad := math.Max(p.w, p.h) / n / p.k / (earthRadius * math.Pi / 180)
	b = b.Pad(math.Max(pad*2, 0.01))
	for _, lat := range [2]float64{90, -90} {
		if x, y := p.Project(Point{0, lat}); p.inFrame(x, y) {
			b.West, b.East = -180, 180
			if lat > 0 {
				b.North = 90
			} else {
				b.South = -90
			}
		}
	}
	return b
}
