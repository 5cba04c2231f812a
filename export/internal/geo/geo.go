// Package geo holds the geography behind the briefing's map: the outline of
// Kazakhstan, embedded from a small GeoJSON file derived from Natural Earth
// (public domain; see SOURCE.md), a projection that fits a longitude/latitude
// box into a rectangle of a page, and a point-in-polygon test.
package geo

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sync"
)

// Point is a position on the Earth in decimal degrees (WGS 84).
type Point struct {
	Lon, Lat float64
}

// Ring is a closed polygon ring. As in GeoJSON, its last point repeats its
// first; methods of Ring also accept a ring that is not explicitly closed.
type Ring []Point

//go:embed kazakhstan.geojson
var kazakhstanGeoJSON []byte

var (
	kzOnce  sync.Once
	kzRings []Ring
	kzErr   error
)

// Kazakhstan returns the outline of Kazakhstan: the outer ring of each
// polygon of the country (the mainland and a few islands in the Caspian
// Sea). The embedded data has no holes; were a polygon to have some, they
// would be left out. The data is parsed once; every call returns the same
// rings, which callers must not modify. The error reports embedded data that
// is broken.
func Kazakhstan() ([]Ring, error) {
	kzOnce.Do(func() {
		polys, err := parsePolygons(kazakhstanGeoJSON)
		if err != nil {
			kzErr = fmt.Errorf("geo: embedded kazakhstan.geojson: %w", err)
			return
		}
		for _, p := range polys {
			kzRings = append(kzRings, p[0])
		}
	})
	return kzRings, kzErr
}

// featureCollection is the subset of GeoJSON that the embedded file uses.
type featureCollection struct {
	Type     string `json:"type"`
	Features []struct {
		Type     string `json:"type"`
		Geometry *struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

// parsePolygons reads a GeoJSON FeatureCollection whose features are
// Polygons or MultiPolygons and returns every polygon as its rings, the
// outer ring first, then any holes.
func parsePolygons(data []byte) ([][]Ring, error) {
	var fc featureCollection
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, err
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("type %q, want FeatureCollection", fc.Type)
	}
	var polys [][]Ring
	for i, f := range fc.Features {
		if f.Geometry == nil {
			return nil, fmt.Errorf("feature %d: no geometry", i)
		}
		var raw [][][][2]float64
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			if err := json.Unmarshal(f.Geometry.Coordinates, &p); err != nil {
				return nil, fmt.Errorf("feature %d: %w", i, err)
			}
			raw = [][][][2]float64{p}
		case "MultiPolygon":
			if err := json.Unmarshal(f.Geometry.Coordinates, &raw); err != nil {
				return nil, fmt.Errorf("feature %d: %w", i, err)
			}
		default:
			return nil, fmt.Errorf("feature %d: geometry type %q, want Polygon or MultiPolygon", i, f.Geometry.Type)
		}
		for j, p := range raw {
			if len(p) == 0 {
				return nil, fmt.Errorf("feature %d: polygon %d has no rings", i, j)
			}
			rings := make([]Ring, len(p))
			for k, r := range p {
				if len(r) < 4 {
					return nil, fmt.Errorf("feature %d: polygon %d: ring %d has %d points, want at least 4", i, j, k, len(r))
				}
				ring := make(Ring, len(r))
				for n, c := range r {
					if c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90 {
						return nil, fmt.Errorf("feature %d: polygon %d: ring %d: point %v out of range", i, j, k, c)
					}
					ring[n] = Point{Lon: c[0], Lat: c[1]}
				}
				rings[k] = ring
			}
			polys = append(polys, rings)
		}
	}
	if len(polys) == 0 {
		return nil, errors.New("no polygons")
	}
	return polys, nil
}

// Contains reports whether pt lies inside the ring, by the even-odd rule in
// plain longitude/latitude (adequate away from the poles and the
// antimeridian). Points exactly on the boundary may fall either way.
func (r Ring) Contains(pt Point) bool {
	in := false
	n := len(r)
	for i, j := 0, n-1; i < n; j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a.Lat > pt.Lat) != (b.Lat > pt.Lat) &&
			pt.Lon < a.Lon+(pt.Lat-a.Lat)*(b.Lon-a.Lon)/(b.Lat-a.Lat) {
			in = !in
		}
	}
	return in
}

// Inside reports whether pt lies inside any of the rings, such as the outer
// rings returned by Kazakhstan.
func Inside(rings []Ring, pt Point) bool {
	for _, r := range rings {
		if r.Contains(pt) {
			return true
		}
	}
	return false
}

// Bounds is a longitude/latitude bounding box in degrees.
type Bounds struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// BoundsOf returns the smallest box holding every point of the rings, or the
// zero Bounds if there are none.
func BoundsOf(rings []Ring) Bounds {
	b := Bounds{MinLon: math.Inf(1), MinLat: math.Inf(1), MaxLon: math.Inf(-1), MaxLat: math.Inf(-1)}
	for _, r := range rings {
		b = b.Include(r...)
	}
	if math.IsInf(b.MinLon, 1) {
		return Bounds{}
	}
	return b
}

// Include returns b grown to hold the points, for example places to be
// marked on the map that may lie outside an outline.
func (b Bounds) Include(pts ...Point) Bounds {
	for _, p := range pts {
		b.MinLon = math.Min(b.MinLon, p.Lon)
		b.MinLat = math.Min(b.MinLat, p.Lat)
		b.MaxLon = math.Max(b.MaxLon, p.Lon)
		b.MaxLat = math.Max(b.MaxLat, p.Lat)
	}
	return b
}

// Pad returns b grown by margin degrees on every side, leaving room around
// an outline. A negative margin shrinks b, never past its centre.
func (b Bounds) Pad(margin float64) Bounds {
	b.MinLon -= margin
	b.MinLat -= margin
	b.MaxLon += margin
	b.MaxLat += margin
	if b.MinLon > b.MaxLon {
		b.MinLon = (b.MinLon + b.MaxLon) / 2
		b.MaxLon = b.MinLon
	}
	if b.MinLat > b.MaxLat {
		b.MinLat = (b.MinLat + b.MaxLat) / 2
		b.MaxLat = b.MinLat
	}
	return b
}

// Projection maps longitude/latitude to page coordinates. It is an
// equirectangular projection whose longitudes are scaled by the cosine of
// the bounds' middle latitude, so that shapes keep their proportions near
// that latitude (for Kazakhstan, 48°N, the error in scale stays within about
// 15% at the northern and southern edges). The y axis grows downwards, as in
// PDF drawing, so north is up.
type Projection struct {
	// lon0 and lat1 are the longitude and latitude drawn at x0, y0.
	lon0, lat1 float64
	kx         float64 // cos(middle latitude)
	scale      float64 // page units per degree of latitude
	x0, y0     float64 // top-left corner of the area drawn on
	w, h       float64 // size of the area drawn on
}

// Fit returns the projection that draws bounds as large as possible inside
// the rectangle with top-left corner (x, y), width w and height h, keeping
// its aspect ratio and centring it along the dimension left over. Degenerate
// input (bounds of a single point, or w or h not positive) draws everything
// at the rectangle's centre.
func Fit(bounds Bounds, x, y, w, h float64) Projection {
	midLat := (bounds.MinLat + bounds.MaxLat) / 2
	kx := math.Cos(midLat * math.Pi / 180)
	spanX := (bounds.MaxLon - bounds.MinLon) * kx
	spanY := bounds.MaxLat - bounds.MinLat
	scale := math.Inf(1)
	if spanX > 0 {
		scale = w / spanX
	}
	if spanY > 0 {
		scale = math.Min(scale, h/spanY)
	}
	if math.IsInf(scale, 1) || scale < 0 {
		scale = 0
	}
	dw, dh := spanX*scale, spanY*scale
	return Projection{
		lon0:  bounds.MinLon,
		lat1:  bounds.MaxLat,
		kx:    kx,
		scale: scale,
		x0:    x + (w-dw)/2,
		y0:    y + (h-dh)/2,
		w:     dw,
		h:     dh,
	}
}

// Project returns the page position of pt.
func (p Projection) Project(pt Point) (x, y float64) {
	return p.x0 + (pt.Lon-p.lon0)*p.kx*p.scale, p.y0 + (p.lat1-pt.Lat)*p.scale
}

// Rect returns the part of the rectangle given to Fit that the bounds
// actually fill: its top-left corner, width and height.
func (p Projection) Rect() (x, y, w, h float64) { return p.x0, p.y0, p.w, p.h }

// Scale returns the page units per degree of latitude.
func (p Projection) Scale() float64 { return p.scale }
